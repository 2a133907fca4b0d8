// Shared by the S-Agent (the reported figures) and the A-Agent (the physics' estimated figures).
// Severity I–IV by the standard that applies to the incident's type (engine/knowledge/severityStandards.ts):
// the worst level any graded figure reaches. Early reports rarely have final counts, so the missing are
// counted with the dead (a worst-case planning estimate, flagged as one, where the standard does not
// count them itself). People trapped or stranded raise the urgency of rescue (the Strategist's
// objectives), not the injury count: many are unhurt. Where a standard gives an initial judgement from
// the event itself (an earthquake's magnitude), that level is kept beside the one from the figures, and
// the higher drives the plan, marked as an estimate.
import type { SeverityLevel } from '../../contract/taxonomy.js';
import type { Figure, Figures } from '../../contract/reading.js';
import { STANDARD_DEFINITIONS, type SeverityStandard, type Thresholds } from '../../knowledge/severityStandards.js';

const LEVELS: SeverityLevel[] = ['I', 'II', 'III', 'IV'];

/** 0 = I … 3 = IV. */
function levelFor(thresholds: Thresholds, value: number): number {
  const index = thresholds.findIndex((b) => value >= b);
  return index === -1 ? 3 : index;
}

export interface SeverityGrade {
  severity: SeverityLevel;
  standard: SeverityStandard;
  isEstimate: boolean;
  confidence: number;
  basis: { deaths?: Figure; seriousInjuries?: Figure; directLossCny?: Figure; evacuated?: Figure; burnedForestHa?: Figure };
  /** The standard's initial judgement from the event itself, when it gives one (an earthquake's magnitude). */
  initial?: { severity: SeverityLevel; basis: string };
}

export interface EventFacts {
  magnitude?: number;
  /** Urban terrain is taken as densely populated for the earthquake plan's initial judgement. */
  denselyPopulated?: boolean;
  /** The forest area a wildfire has burned (a grass fire's area is not forest: not given). */
  burnedForestHa?: Figure;
}

const sum = (a: Figure | undefined, b: Figure | undefined, source: Figure['source']): Figure | undefined => {
  if (!a && !b) return undefined;
  if (!b) return a;
  return { value: (a?.value ?? 0) + b.value, source };
};

export function gradeSeverity(figures: Figures, standard: SeverityStandard = 'order-493', event: EventFacts = {}): SeverityGrade {
  const definition = STANDARD_DEFINITIONS[standard];
  const basis: SeverityGrade['basis'] = {};
  // Missing with the dead: by the standard's own rule (a stated figure then), or as our planning estimate.
  const deaths = sum(figures.deaths, figures.missing, definition.missingCountsAsDead ? (figures.deaths?.source ?? figures.missing?.source ?? 'text') : 'estimate');
  if (deaths) basis.deaths = deaths;
  if (definition.seriousInjuries && figures.seriousInjuries) basis.seriousInjuries = figures.seriousInjuries;
  if (definition.directLossCny && figures.directLossCny) basis.directLossCny = figures.directLossCny;
  if (definition.evacuated && figures.evacuated) basis.evacuated = figures.evacuated;
  if (definition.burnedForestHa && event.burnedForestHa) basis.burnedForestHa = event.burnedForestHa;

  let worst = 3;
  if (basis.deaths) worst = Math.min(worst, levelFor(definition.deaths, basis.deaths.value));
  if (basis.seriousInjuries && definition.seriousInjuries) worst = Math.min(worst, levelFor(definition.seriousInjuries, basis.seriousInjuries.value));
  if (basis.directLossCny && definition.directLossCny) worst = Math.min(worst, levelFor(definition.directLossCny, basis.directLossCny.value));
  if (basis.evacuated && definition.evacuated) worst = Math.min(worst, levelFor(definition.evacuated, basis.evacuated.value));
  if (basis.burnedForestHa && definition.burnedForestHa) worst = Math.min(worst, levelFor(definition.burnedForestHa, basis.burnedForestHa.value));

  const sources = Object.values(basis).map((f) => f.source);
  let isEstimate = sources.length === 0 || sources.includes('estimate');
  // Confidence reflects where the figures came from: entered facts > read from text > estimated > none.
  let confidence = sources.length === 0 ? 0.3 : sources.includes('estimate') ? 0.55 : sources.includes('text') ? 0.75 : 0.95;

  let initial: SeverityGrade['initial'];
  if (definition.magnitude && event.magnitude !== undefined) {
    const bands = event.denselyPopulated ? definition.magnitude.denselyPopulated : definition.magnitude.moderatelyPopulated;
    const level = levelFor(bands, event.magnitude);
    initial = { severity: LEVELS[level] as SeverityLevel, basis: `M${event.magnitude} in a ${event.denselyPopulated ? 'densely' : 'moderately'} populated area` };
    if (level < worst) { worst = level; isEstimate = true; confidence = Math.min(confidence, 0.55); }
  }
  return { severity: LEVELS[worst] as SeverityLevel, standard, isEstimate, confidence, basis, ...(initial ? { initial } : {}) };
}
