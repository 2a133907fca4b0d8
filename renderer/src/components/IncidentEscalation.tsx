// At the top of the workspace: how the incident's response level moved across its runs up to the one shown
// (IV → III, escalated); nothing when it never changed (docs/app.md).
import { useEffect, useState } from 'react';
import { escalationOf, levelPath } from '../logic/incidentGroups.js';
import type { EngineTransport, RunSummary } from '../transport/engineTransport.js';
import { LevelPath } from './LevelPath.js';
import { useT } from '../i18n/i18n.js';

export function IncidentEscalation({ transport, incidentId, runId }: { transport: EngineTransport; incidentId: string; runId: string }) {
  const { t } = useT();
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  useEffect(() => {
    setRuns(null);
    // A failed look-up only hides the line: the workspace itself does not depend on it.
    transport.call('runs', { limit: 1000, incidentId }).then(setRuns, () => setRuns(null));
  }, [transport, incidentId, runId]);
  const shown = runs?.find((r) => r.runId === runId);
  if (!runs || !shown) return null;
  const upToShown = runs.filter((r) => r.seq <= shown.seq).sort((a, b) => a.seq - b.seq);
  const path = levelPath(upToShown);
  const escalation = escalationOf(path);
  if (!escalation) return null;
  return (
    <p className={`escalation-line ${escalation.direction}`} data-testid="workspace-escalation">
      {t('incidents.acrossRuns', { n: upToShown.length })}<LevelPath path={path} escalation={escalation} />
    </p>
  );
}
