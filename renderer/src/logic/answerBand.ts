// What the workspace's first screen says (docs/app.md, "The answer band"): the level that leads, the few
// numbers that drive the response, and the first tasks. Only what the engine returned (docs/result.md);
// a figure the report did not give is `unknown`, never 0.
import type { AnalysisResult, AwarenessResult, ExecutorResult, FieldResult, StrategistResult } from '../../../engine/contract/result.js';
import type { SeverityLevel } from '../../../engine/contract/taxonomy.js';

export type SeverityColour = StrategistResult['severityColour'];
export type RiskLevel = AwarenessResult['riskMatrix']['level'];

/** I is the most severe: rank 3; IV rank 0. */
const SEVERITY_RANK: Record<SeverityLevel, number> = { I: 3, II: 2, III: 1, IV: 0 };
const COLOUR_RANK: Record<SeverityColour, number> = { red: 3, orange: 2, yellow: 1, blue: 0 };
const RISK_RANK: Record<RiskLevel, number> = { extreme: 3, high: 2, medium: 1, low: 0 };

/** The level the chip shows. The physics' estimate leads when it is the higher one, as it does in the
 *  headline (docs/taxonomy-and-severity.md, "Estimated level from the physics"); `riskAbove` says the
 *  risk is graver than the chip's colour, so the band says why the two differ. */
export interface BandLevel {
  severity: SeverityLevel;
  colour: SeverityColour;
  from: 'reported' | 'physics';
  /** The reported level, when the physics' estimate leads. */
  reported?: SeverityLevel;
  isEstimate: boolean;
  risk?: RiskLevel;
  riskAbove: boolean;
}

export function bandLevel(strategist: StrategistResult, awareness: AwarenessResult | undefined): BandLevel {
  const physics = awareness?.severityFromPhysics;
  const risk = awareness?.riskMatrix.level;
  const leads = physics && SEVERITY_RANK[physics.severity] > SEVERITY_RANK[strategist.severity]
    ? { severity: physics.severity, colour: physics.colour, from: 'physics' as const, reported: strategist.severity, isEstimate: true }
    : { severity: strategist.severity, colour: strategist.severityColour, from: 'reported' as const, isEstimate: strategist.severityIsEstimate };
  return { ...leads, risk, riskAbove: risk !== undefined && RISK_RANK[risk] > COLOUR_RANK[leads.colour] };
}

/** A count as the report gave it, or `unknown`: absent from `strategist.figures` means not said. */
export type BandCount =
  | { known: false }
  | { known: true; value: number; lowerBound: boolean; source: 'fact' | 'text' | 'estimate' };

export const CASUALTY_FIGURES = ['deaths', 'injuries', 'trapped', 'missing'] as const;
export type CasualtyFigure = (typeof CASUALTY_FIGURES)[number];

export function casualtyCount(strategist: StrategistResult | undefined, figure: CasualtyFigure): BandCount {
  const found = strategist?.figures[figure]
    // Serious injuries are injuries too: when only they were given, the injured are at least that many.
    ?? (figure === 'injuries' && strategist?.figures.seriousInjuries ? { ...strategist.figures.seriousInjuries, lowerBound: true } : undefined);
  if (!found) return { known: false };
  return { known: true, value: found.value, lowerBound: found.lowerBound ?? false, source: found.source };
}

/** The people the physics puts at risk (one figure, docs/result.md `awareness.populationAtRisk`), or unknown. */
export function peopleAtRisk(awareness: AwarenessResult | undefined): BandCount {
  if (!awareness) return { known: false };
  return { known: true, value: awareness.populationAtRisk.estimate, lowerBound: false, source: 'estimate' };
}

/** What reaches people first, and in how many minutes (0: already there). */
export type Impact =
  | { kind: 'place'; minutes: number; place: string }
  | { kind: 'fire'; minutes: number }
  | { kind: 'flood'; minutes: number; depthM: number };

/** The earliest forecast arrival at people: a named place's `arrivalMin`, the fire head reaching the
 *  community, or the water reaching its first depth. Null when nothing is forecast to arrive. */
export function timeToImpact(executor: ExecutorResult | undefined, field: FieldResult | undefined): Impact | null {
  const candidates: Impact[] = [];
  for (const place of executor?.placesAtRisk ?? []) {
    if (place.arrivalMin !== null) candidates.push({ kind: 'place', minutes: place.arrivalMin, place: place.name });
  }
  if (field?.fire && field.fire.minutesToCommunity !== null) candidates.push({ kind: 'fire', minutes: field.fire.minutesToCommunity });
  const firstDepth = [...(field?.flood?.timeToDepth ?? [])].filter((d) => d.hours !== null).sort((a, b) => a.depthM - b.depthM)[0];
  if (firstDepth && firstDepth.hours !== null) candidates.push({ kind: 'flood', minutes: Math.round(firstDepth.hours * 60), depthM: firstDepth.depthM });
  return earliest(candidates);
}

/** The sensor that crosses its threshold first (`exceeded`: already over it, minutes 0). */
export interface SensorThreshold { sensorId: string; minutes: number; exceeded: boolean }

export function sensorThreshold(awareness: AwarenessResult | undefined): SensorThreshold | null {
  const candidates: SensorThreshold[] = [];
  for (const s of awareness?.sensors ?? []) {
    if (s.exceeded) candidates.push({ sensorId: s.id, minutes: 0, exceeded: true });
    else if (s.minutesToThreshold !== null) candidates.push({ sensorId: s.id, minutes: s.minutesToThreshold, exceeded: false });
  }
  return earliest(candidates);
}

function earliest<T extends { minutes: number }>(items: T[]): T | null {
  return items.reduce<T | null>((best, item) => (best === null || item.minutes < best.minutes ? item : best), null);
}

export type PlanTask = ExecutorResult['tasks'][number];

/** What to do now: the plan's tasks by deadline (the more urgent first at equal deadlines), as the plan
 *  table orders them (PlanView). */
export function firstTasks(executor: ExecutorResult | undefined, count: number): PlanTask[] {
  return [...(executor?.tasks ?? [])].sort((a, b) => a.deadlineMin - b.deadlineMin || b.priority - a.priority).slice(0, count);
}

/** How a cached answer is labelled: from the cache, and when it was first computed (`computedAt`, else
 *  unknown). Null for a fresh answer. */
export function cacheNote(result: Pick<AnalysisResult, 'cached' | 'computedAt'>): { computedAt: Date | null } | null {
  if (!result.cached) return null;
  const at = result.computedAt ? new Date(result.computedAt) : null;
  return { computedAt: at && !Number.isNaN(at.getTime()) ? at : null };
}

/** A time in the UI's language (zh-CN or en-GB: day before month, 24-hour clock), in the viewer's zone. */
export function formatLocalTime(at: Date, language: 'zh' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
