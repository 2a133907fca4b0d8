// Which SOP tasks apply to this incident, with what words, in what order (docs/plan.md). Pure functions:
// the plan context is a few facts from the incident, S and F; each task's `when` is tested against it;
// `{name}` in a title is filled from it; and when anyone is trapped, extrication goes before treatment.
import type { Incident } from '../../contract/incident.js';
import type { FieldResult, StrategistResult } from '../../contract/result.js';
import { placeholders, type PlanValue, type Sop, type SopCondition, type SopTask } from '../../knowledge/sopLibrary.js';
import { FLOOD_KINDS, FLOOD_KIND_TERMS, WEATHER_KINDS, WEATHER_KIND_TERMS, type FloodKind, type WeatherKind } from '../../knowledge/hazardKinds.js';
import { firstAffirmed } from '../common/reportMarkers.js';

export interface PlanContext {
  /** The released material's hazard class; null when nothing was released. */
  hazards: 'toxic' | 'flammable' | 'both' | 'unknown' | null;
  ergGuide: number | null;
  tih: boolean;
  corrosive: boolean;
  bleve: boolean;
  trapped: boolean;
  displaced: boolean;
  stranded: boolean;
  /** The kinds of flood and storm the report names (not denied); `unknown` alone when it names none. */
  floodKinds: Array<FloodKind | 'unknown'>;
  weatherKinds: Array<WeatherKind | 'unknown'>;
  values: Record<PlanValue, number | null>;
}

/** The kinds whose words the report affirms; `unknown` when none. One indexOf pass per word (linear). */
function kindsNamed<K extends string>(text: string, kinds: readonly K[], terms: Readonly<Record<K, readonly string[]>>): Array<K | 'unknown'> {
  const lower = text.toLowerCase();
  const named = kinds.filter((kind) => terms[kind].some((term) => firstAffirmed(text, lower, term) !== undefined));
  return named.length ? named : ['unknown'];
}

/** ERG guides for corrosive liquids and solids (guide titles: "Flammable liquids - corrosive", "Substances -
 *  water-reactive - corrosive", "Substances - toxic and/or corrosive"); corrosive gases (124, 125) count as TIH. */
export const CORROSIVE_GUIDES: readonly number[] = [132, 137, 153, 154, 155, 156, 157];

export function planContext(incident: Incident, strategist: StrategistResult, field: FieldResult): PlanContext {
  const hazmat = field.hazmat;
  // A release reported without a substance is an unidentified material (ERG Guide 111).
  const hazards = hazmat?.hazards ?? (strategist.type === 'hazmat_release' ? 'unknown' : null);
  const flammable = hazards === 'flammable' || hazards === 'both';
  const ergGuide = hazmat?.ergGuide ?? null;
  const trapped = Math.max(incident.facts.trapped ?? 0, strategist.figures.trapped?.value ?? 0) > 0;
  const named = kindsNamed(incident.text, FLOOD_KINDS, FLOOD_KIND_TERMS);
  // A stated breach (facts.flood) is a breach whatever the words.
  const floodKinds: PlanContext['floodKinds'] = incident.facts.flood?.breachWidthM !== undefined && !named.includes('breach')
    ? [...named.filter((k) => k !== 'unknown'), 'breach'] : named;
  return {
    hazards,
    ergGuide,
    tih: hazmat?.table1 != null,
    corrosive: ergGuide !== null && CORROSIVE_GUIDES.includes(ergGuide),
    bleve: field.flammable?.bleve !== undefined || (flammable && incident.facts.release?.massKg !== undefined),
    trapped,
    displaced: Math.max(incident.facts.evacuated ?? 0, strategist.figures.evacuated?.value ?? 0) > 0,
    stranded: (strategist.figures.stranded?.value ?? 0) > 0,
    floodKinds,
    weatherKinds: kindsNamed(incident.text, WEATHER_KINDS, WEATHER_KIND_TERMS),
    values: {
      isolationM: hazmat?.isolationM ?? null,
      fireIsolationM: field.flammable?.bleve?.ergFragmentIsolationM ?? hazmat?.fireIsolationM ?? null,
      halfLelM: field.flammable?.vapourCloud?.halfLel.distanceM ?? null,
    },
  };
}

function holds(c: SopCondition, ctx: PlanContext): boolean {
  if (c.hazards && (ctx.hazards === null || !c.hazards.includes(ctx.hazards))) return false;
  if (c.ergGuides && (ctx.ergGuide === null || !c.ergGuides.includes(ctx.ergGuide))) return false;
  if (c.tih !== undefined && c.tih !== ctx.tih) return false;
  if (c.corrosive !== undefined && c.corrosive !== ctx.corrosive) return false;
  if (c.bleve !== undefined && c.bleve !== ctx.bleve) return false;
  if (c.trapped !== undefined && c.trapped !== ctx.trapped) return false;
  if (c.displaced !== undefined && c.displaced !== ctx.displaced) return false;
  if (c.stranded !== undefined && c.stranded !== ctx.stranded) return false;
  if (c.floodKinds && !c.floodKinds.some((k) => (ctx.floodKinds as string[]).includes(k))) return false;
  if (c.weatherKinds && !c.weatherKinds.some((k) => (ctx.weatherKinds as string[]).includes(k))) return false;
  return true;
}

/** A task's `when`: absent holds; one condition: all its keys; a list: any one of them. */
export function conditionHolds(when: SopTask['when'], ctx: PlanContext): boolean {
  if (when === undefined) return true;
  return Array.isArray(when) ? when.some((c) => holds(c, ctx)) : holds(when, ctx);
}

/** `{name}` replaced by the rounded number, or null when any quoted number is unknown. */
export function fillTemplate(text: string, values: PlanContext['values']): string | null {
  let missing = false;
  const filled = text.replace(/\{([^{}]*)\}/g, (_, name: string) => {
    const v = (values as Record<string, number | null | undefined>)[name];
    if (typeof v !== 'number' || !Number.isFinite(v)) { missing = true; return ''; }
    return String(Math.round(v));
  });
  return missing ? null : filled;
}

export interface SelectedTask extends SopTask { phase: string }

/** The SOP's tasks whose conditions hold, titles filled (or their fallback when a number is unknown). */
export function selectTasks(sop: Sop, ctx: PlanContext): SelectedTask[] {
  return sop.phases.flatMap((phase) => phase.tasks.filter((task) => conditionHolds(task.when, ctx)).map((task) => {
    const title = fillTemplate(task.title, ctx.values);
    const titleZh = fillTemplate(task.titleZh, ctx.values);
    const quotes = placeholders(task.title + task.titleZh).length > 0;
    const words = title !== null && titleZh !== null ? { title, titleZh } : (task.fallback as { title: string; titleZh: string });
    return { ...task, ...(quotes ? words : {}), phase: phase.id };
  }));
}

/** How far an extrication task's priority stays above any treatment task's when people are trapped. */
export const LIFE_SAVING_GAP = 0.05;

interface Ordered { lifeSaving?: 'extrication' | 'treatment' | undefined; priority: number; deadlineMin: number }

/** Life-saving order: when anyone is trapped, every extrication task gets a higher priority than every
 *  treatment task, is due no later than the first of them, and is listed before them. */
export function lifeSavingOrder<T extends Ordered>(tasks: readonly T[], trapped: boolean): T[] {
  const extrication = tasks.filter((t) => t.lifeSaving === 'extrication');
  const treatment = tasks.filter((t) => t.lifeSaving === 'treatment');
  if (!trapped || extrication.length === 0 || treatment.length === 0) return [...tasks];
  const topTreatment = Math.max(...treatment.map((t) => t.priority));
  const firstTreatmentDue = Math.min(...treatment.map((t) => t.deadlineMin));
  const raised = new Map(extrication.map((t) => [t, {
    ...t, priority: Math.max(t.priority, Math.min(1, topTreatment + LIFE_SAVING_GAP)), deadlineMin: Math.min(t.deadlineMin, firstTreatmentDue),
  }]));
  const lowestExtrication = Math.min(...[...raised.values()].map((t) => t.priority));
  const adjusted = tasks.map((t) => raised.get(t)
    ?? (t.lifeSaving === 'treatment' ? { ...t, priority: Math.min(t.priority, Math.round((lowestExtrication - LIFE_SAVING_GAP) * 1000) / 1000) } : t));
  // Extrication tasks listed after the first treatment task move up to just before it.
  const firstTreatment = adjusted.findIndex((t) => t.lifeSaving === 'treatment');
  const head = adjusted.slice(0, firstTreatment);
  const tail = adjusted.slice(firstTreatment);
  return [...head, ...tail.filter((t) => t.lifeSaving === 'extrication'), ...tail.filter((t) => t.lifeSaving !== 'extrication')];
}
