// E-Agent (Executor): the action plan. SOP tasks instantiated for this incident (deadlines tightened by
// the physics where it says time is shorter), units assigned optimally, hot/warm/cold zones, a timeline
// and the information that would most change the plan. Needs S, A and F.
import type { Incident, Resource } from '../../contract/incident.js';
import type { AwarenessResult, ExecutorResult, FieldResult, StrategistResult } from '../../contract/result.js';
import { DEFAULT_ROSTER } from '../../knowledge/defaultRoster.js';
import { sopLibrary, supplementsFor, type Sop, type SopTask } from '../../knowledge/sopLibrary.js';
import { PRIORITY_WEIGHTS } from '../../knowledge/priorityWeights.js';
import { round } from '../../numeric/stats.js';
import { assignUnits, type PlannedTask } from './assignUnits.js';
import { missingInformation } from './missingInformation.js';
import { planZones } from './zones/index.js';
import { placesAtRisk } from './placesAtRisk.js';
import { headline } from './headline.js';
import { lifeSavingOrder, planContext, selectTasks } from './taskPlan.js';

const EVACUATION_TASKS = new Set(['evacuate', 'evacuate-downwind']);

/** The physics' own clock for getting people out, when it is shorter than the SOP's. */
function evacuationDeadlineMin(field: FieldResult, awareness: AwarenessResult): { minutes: number; why: string } | undefined {
  const candidates: Array<{ minutes: number; why: string }> = [];
  const halfMetre = field.flood?.timeToDepth.find((d) => d.depthM === 0.5)?.hours;
  if (halfMetre !== null && halfMetre !== undefined) candidates.push({ minutes: halfMetre * 60, why: 'polder reaches 0.5 m' });
  if (field.fire?.minutesToCommunity != null) candidates.push({ minutes: field.fire.minutesToCommunity, why: 'fire head reaches the community' });
  for (const s of awareness.sensors) if (s.minutesToThreshold !== null) candidates.push({ minutes: s.minutesToThreshold, why: `sensor ${s.id} crosses its threshold` });
  return candidates.sort((a, b) => a.minutes - b.minutes)[0];
}

/** Task priority on the SAFE weights, normalised over the two factors a task carries. */
const taskPriority = (task: SopTask) =>
  (PRIORITY_WEIGHTS.lifeSafety * task.lifeSafety + PRIORITY_WEIGHTS.timeUrgency * task.timeUrgency) / (PRIORITY_WEIGHTS.lifeSafety + PRIORITY_WEIGHTS.timeUrgency);

export function runExecutor(incident: Incident, strategist: StrategistResult, awareness: AwarenessResult, field: FieldResult): ExecutorResult {
  const zonePlan = planZones(incident, field, awareness);
  const places = placesAtRisk(incident, field, zonePlan);
  const sop = sopLibrary().get(strategist.sop.id) as Sop;
  const units: Resource[] = incident.resources ?? [...DEFAULT_ROSTER];
  const unitSource = incident.resources ? 'incident' : 'default_roster';
  const evacuateBy = evacuationDeadlineMin(field, awareness);

  // Tasks whose SOP conditions hold for this incident, in life-saving order (docs/plan.md).
  const context = planContext(incident, strategist, field);
  // The SOP's tasks, then those of the plans that join it (the natural disaster relief plan).
  const selected = [sop, ...supplementsFor(strategist.type)].flatMap((plan) => selectTasks(plan, context));
  const tasks = lifeSavingOrder(selected.map((task) => {
    const deadlineMin = EVACUATION_TASKS.has(task.id) && evacuateBy ? Math.max(1, Math.min(task.deadlineMin, Math.floor(evacuateBy.minutes))) : task.deadlineMin;
    return { ...task, deadlineMin, priority: round(taskPriority(task), 3) };
  }), context.trapped);
  const planned: PlannedTask[] = tasks.map((t) => ({ id: t.id, unitKind: t.unitKind, deadlineMin: t.deadlineMin, priority: t.priority, noStandIn: t.noStandIn }));
  const { assignments, cost } = assignUnits(planned, units);

  const timeline: ExecutorResult['timeline'] = [{ atMin: 0, event: 'report received; analysis issued', eventZh: '接报；分析结果发布' }];
  tasks.forEach((task, i) => {
    const a = assignments[i];
    if (a?.unitId && a.etaMin !== null) timeline.push({ atMin: a.etaMin, event: `${a.unitId} on scene for "${task.title}"`, eventZh: `${a.unitId} 到场执行「${task.titleZh}」` });
    timeline.push({ atMin: task.deadlineMin, event: `deadline: ${task.title}`, eventZh: `时限：${task.titleZh}` });
  });
  for (const d of field.flood?.timeToDepth ?? []) {
    if (d.hours !== null) timeline.push({ atMin: round(d.hours * 60, 0), event: `polder water reaches ${d.depthM} m`, eventZh: `垸内水深达到${d.depthM}米` });
  }
  if (field.fire?.minutesToCommunity != null) timeline.push({ atMin: field.fire.minutesToCommunity, event: 'fire head reaches the community', eventZh: '火头抵达居民区' });
  for (const s of awareness.sensors) {
    if (s.minutesToThreshold !== null && s.minutesToThreshold > 0) timeline.push({ atMin: s.minutesToThreshold, event: `sensor ${s.id} crosses ${s.thresholdValue}`, eventZh: `传感器${s.id}超过阈值${s.thresholdValue}` });
  }
  // Stable: events at the same minute keep the task order (life-saving order first).
  timeline.sort((a, b) => a.atMin - b.atMin);

  const taskResults = tasks.map((task, i) => {
    const a = assignments[i];
    return {
      id: task.id, phase: task.phase, title: task.title, titleZh: task.titleZh, unitKind: task.unitKind,
      deadlineMin: task.deadlineMin, priority: task.priority,
      assignedUnitId: a?.unitId ?? null, etaMin: a?.etaMin ?? null, late: a?.late ?? true,
    };
  });
  return {
    headline: headline(strategist, awareness, field, { ...zonePlan, placesAtRisk: places, tasks: taskResults, windFromDeg: incident.facts.weather?.windFromDeg ?? null }),
    tasks: taskResults,
    units: units.map((u) => ({ id: u.id, kind: u.kind, name: u.name ?? u.id, etaMin: u.etaMin, source: unitSource })),
    assignment: {
      method: 'Hungarian algorithm on priority × (ETA + 3 × minutes late), stand-in unit kinds at a cost multiplier',
      cost: round(cost, 2),
      unassignedTasks: assignments.filter((a) => a.unitId === null).length,
    },
    ...zonePlan,
    ...(places.length > 0 ? { placesAtRisk: places } : {}),
    timeline,
    missingInformation: missingInformation(incident, strategist, field),
  };
}
