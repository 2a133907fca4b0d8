// The re-run form's model choice (docs/updates.md#keeping-an-incidents-models): keep the model versions
// the incident started with, naming those the live models have moved from.
import type { IncidentModels } from '../logic/modelChoice.js';
import { keptDifferences } from '../logic/modelChoice.js';
import { useT } from '../i18n/i18n.js';

export function KeepModelsChoice({ incidentModels, keep, onChange }: { incidentModels: IncidentModels; keep: boolean; onChange: (keep: boolean) => void }) {
  const { t } = useT();
  const differences = keptDifferences(incidentModels);
  const versions = differences.length === 0 ? t('keepModels.same')
    : differences.map((d) => t('keepModels.differs', { name: d.name, kept: d.kept, live: d.live })).join(t('keepModels.separator'));
  return (
    <label className="field" data-testid="keep-models">
      <span><input type="checkbox" name="keep-models" checked={keep} onChange={(e) => onChange(e.target.checked)} data-testid="keep-models-checkbox" /> {t('keepModels.label', { versions })}</span>
    </label>
  );
}
