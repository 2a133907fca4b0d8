// Assigns units to tasks at minimum total priority-weighted arrival time, with lateness past a task's
// deadline weighted extra. A unit of a related kind can stand in for the right one at a cost (a fire
// engine crew can start a search before the rescue team arrives); incompatible pairs are never chosen.
import type { Resource, UnitKind } from '../../contract/incident.js';
import { minCostAssignment } from './hungarian.js';

export interface PlannedTask {
  id: string; unitKind: UnitKind; deadlineMin: number; priority: number;
  /** Only the task's own unit kind will do (mine rescue underground: trained mine rescue teams only). */
  noStandIn?: boolean | undefined;
}
export interface Assignment { taskId: string; unitId: string | null; etaMin: number | null; late: boolean }

/** Extra weight on every minute a unit arrives after the task's deadline. */
export const LATENESS_WEIGHT = 3;
/** Stand-ins: [task kind][unit kind] = cost multiplier. */
export const SUBSTITUTES: Partial<Record<UnitKind, Partial<Record<UnitKind, number>>>> = {
  rescue_team: { fire_engine: 1.5 },
  hazmat_team: { fire_engine: 2.5 },
  boat_team: { rescue_team: 1.5 },
  command: { police: 1.5, fire_engine: 2 },
  drone: { police: 2 },
  engineering: { rescue_team: 2 },
};
const FORBIDDEN = 1e9;

export function unitTaskCost(task: PlannedTask, unit: Resource): number {
  const factor = unit.kind === task.unitKind ? 1 : task.noStandIn ? undefined : SUBSTITUTES[task.unitKind]?.[unit.kind];
  if (factor === undefined) return FORBIDDEN;
  const late = Math.max(0, unit.etaMin - task.deadlineMin);
  return task.priority * factor * (unit.etaMin + LATENESS_WEIGHT * late);
}

export function costMatrix(tasks: readonly PlannedTask[], units: readonly Resource[]): number[][] {
  return tasks.map((t) => units.map((u) => unitTaskCost(t, u)));
}

/** Cost of leaving a task without a unit, per unit of priority: above any real assignment (at most
 *  2.5 × 4 × 1440 min), so when units run short the lowest-priority tasks go without, not the highest. */
export const UNASSIGNED_COST = 1e6;

export function assignUnits(tasks: readonly PlannedTask[], units: readonly Resource[]): { assignments: Assignment[]; cost: number } {
  const cost = costMatrix(tasks, units);
  // One "no unit" column per task, so the solver chooses which tasks go without.
  const columns = minCostAssignment(cost.map((row, i) => [...row, ...tasks.map(() => (tasks[i] as PlannedTask).priority * UNASSIGNED_COST)]));
  let total = 0;
  const assignments = tasks.map((task, i) => {
    const c = columns[i] as number;
    const unit = c >= 0 && c < units.length ? units[c] : undefined;
    if (!unit || (cost[i] as number[])[c]! >= FORBIDDEN) return { taskId: task.id, unitId: null, etaMin: null, late: true };
    total += (cost[i] as number[])[c]!;
    return { taskId: task.id, unitId: unit.id, etaMin: unit.etaMin, late: unit.etaMin > task.deadlineMin };
  });
  return { assignments, cost: total };
}

