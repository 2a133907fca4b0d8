import type { FieldResult } from '../../../engine/contract/result.js';
import { formatDistance } from '../logic/hazardGeometry.js';
import { useT } from '../i18n/i18n.js';

type Plume = NonNullable<FieldResult['plume']>;
export type DenseGasCheck = NonNullable<Plume['denseGas']>;
export type DistanceModel = NonNullable<Plume['thresholds'][number]['model']>;

/** Which model made a distance, in the UI's language (docs/app.md, "Which model made a distance"). */
export function DistanceModelLabel({ model }: { model: DistanceModel | undefined }) {
  const { t } = useT();
  if (!model) return null;
  return <small className="muted distance-model" data-testid="distance-model" data-model={model}>{t(`distanceModel.${model}`)}</small>;
}

/** The dense-gas check of a gas heavier than air, said from its figures (the engine's `reason` is English). */
export function DenseGasNote({ denseGas }: { denseGas: DenseGasCheck | undefined }) {
  const { t } = useT();
  if (!denseGas?.check || denseGas.check === 'not-heavier-than-air') return null;
  const criterion = denseGas.criterion === null ? '' : String(denseGas.criterion);
  return (
    <p className="muted" data-testid="dense-gas-note" data-check={denseGas.check}>
      {t(`denseGas.${denseGas.check}`, { criterion, handover: denseGas.handoverM === null ? '' : formatDistance(denseGas.handoverM) })}
    </p>
  );
}
