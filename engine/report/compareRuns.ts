// What changed between two analyses of the same incident: the commander re-runs as facts arrive and
// needs to see at a glance what moved, and why: the report, the facts, or a model version (a model
// never changes silently under an open incident; docs/updates.md).
import type { Incident } from '../contract/incident.js';
import type { AnalysisResult } from '../contract/result.js';

export interface RunChange { what: string; before: string | number | null; after: string | number | null }

/** `inputs`: the incidents the two runs analysed, to say whether the report or the facts changed. */
export function compareRuns(before: AnalysisResult, after: AnalysisResult, inputs?: { before: Incident; after: Incident }): RunChange[] {
  const changes: RunChange[] = [];
  const check = (what: string, a: string | number | null | undefined, b: string | number | null | undefined) => {
    if ((a ?? null) !== (b ?? null)) changes.push({ what, before: a ?? null, after: b ?? null });
  };
  if (inputs) {
    if (inputs.before.text !== inputs.after.text) changes.push({ what: 'report text', before: 'earlier report', after: 'new report' });
    if (JSON.stringify(inputs.before.facts ?? {}) !== JSON.stringify(inputs.after.facts ?? {})) changes.push({ what: 'facts', before: 'earlier facts', after: 'new facts' });
  }
  for (const name of [...new Set([...Object.keys(before.models), ...Object.keys(after.models)])].sort()) check(`model ${name}`, before.models[name], after.models[name]);
  check('status', before.status, after.status);
  check('type', before.strategist?.type, after.strategist?.type);
  check('severity', before.strategist?.severity, after.strategist?.severity);
  check('populationAtRisk', before.awareness?.populationAtRisk.estimate, after.awareness?.populationAtRisk.estimate);
  check('risk', before.awareness?.riskMatrix.level, after.awareness?.riskMatrix.level);
  for (const level of ['AEGL-1', 'AEGL-2', 'AEGL-3']) {
    check(`${level} downwind m`, before.field?.plume?.thresholds.find((t) => t.level === level)?.downwindM,
      after.field?.plume?.thresholds.find((t) => t.level === level)?.downwindM);
  }
  check('fire spread m/min', before.field?.fire?.rateOfSpreadMPerMin, after.field?.fire?.rateOfSpreadMPerMin);
  check('flood rise m/h', before.field?.flood?.riseRateMPerH, after.field?.flood?.riseRateMPerH);
  check('quake fatalities P50', before.field?.quake?.estimatedFatalities.p50, after.field?.quake?.estimatedFatalities.p50);
  for (const zone of ['hot', 'warm', 'cold'] as const) {
    check(`${zone} zone m`, before.executor?.zones.find((z) => z.zone === zone)?.alongM, after.executor?.zones.find((z) => z.zone === zone)?.alongM);
  }
  check('late tasks', before.executor?.tasks.filter((t) => t.late).length, after.executor?.tasks.filter((t) => t.late).length);
  return changes;
}
