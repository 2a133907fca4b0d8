// What changed between two analyses of the same incident: the commander re-runs as facts arrive and
// needs to see at a glance what moved.
import type { AnalysisResult } from '../contract/result.js';

export interface RunChange { what: string; before: string | number | null; after: string | number | null }

export function compareRuns(before: AnalysisResult, after: AnalysisResult): RunChange[] {
  const changes: RunChange[] = [];
  const check = (what: string, a: string | number | null | undefined, b: string | number | null | undefined) => {
    if ((a ?? null) !== (b ?? null)) changes.push({ what, before: a ?? null, after: b ?? null });
  };
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
