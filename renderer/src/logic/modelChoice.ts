// The commander's model choice on a re-run, and what a run's changes say about it
// (docs/updates.md#keeping-an-incidents-models): whether the facts or the models moved, and whether the
// run kept the model versions its incident started with.
import type { ModelChoice } from '../../../engine/contract/result.js';
import type { StoredRun } from '../transport/engineTransport.js';

export type IncidentModels = StoredRun['incidentModels'];

/** What a re-run submission says about the models: the box the commander left ticked or not, always
 *  explicit on a re-run (the engine remembers it for the incident); nothing on a new incident. */
export function modelChoiceFor(incidentModels: IncidentModels | undefined, keep: boolean): { models?: ModelChoice } {
  if (!incidentModels || Object.keys(incidentModels.versions).length === 0) return {};
  return { models: keep ? 'incident' : 'live' };
}

/** The kept versions that differ from the live ones now: name, kept version, live version. */
export function keptDifferences(incidentModels: IncidentModels): Array<{ name: string; kept: string; live: string }> {
  return Object.entries(incidentModels.liveNow).sort(([a], [b]) => a.localeCompare(b))
    .map(([name, live]) => ({ name, kept: incidentModels.versions[name] ?? '—', live }));
}

/** Why a run differs from the one before it: its inputs (report text, facts), its model versions, both, or neither. */
export type ChangeCause = 'both' | 'models' | 'inputs' | 'none';

export function changeCause(changes: StoredRun['changesSincePrevious']): ChangeCause {
  const models = changes.some((c) => c.what.startsWith('model '));
  const inputs = changes.some((c) => c.what === 'report text' || c.what === 'facts');
  return models && inputs ? 'both' : models ? 'models' : inputs ? 'inputs' : 'none';
}
