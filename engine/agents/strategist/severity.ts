// Severity I–IV by State Council Order 493 (2007) Article 3: the worst of deaths, serious injuries and
// direct economic loss. Early reports rarely have final counts, so the missing are counted with the
// dead — a worst-case planning estimate, flagged as one. People trapped or stranded raise the urgency of
// rescue (the Strategist's objectives), not the injury count: many are unhurt.
import type { SeverityLevel } from '../../contract/taxonomy.js';
import type { Figure, Figures } from '../../contract/reading.js';

// Lower bounds of levels I, II, III (Order 493, Art. 3). Below all three the level is IV.
const THRESHOLDS = {
  deaths: [30, 10, 3],
  seriousInjuries: [100, 50, 10],
  directLossCny: [100e6, 50e6, 10e6],
} as const;
const LEVELS: SeverityLevel[] = ['I', 'II', 'III', 'IV'];

function levelFor(kind: keyof typeof THRESHOLDS, value: number): number {
  const bounds = THRESHOLDS[kind];
  const index = bounds.findIndex((b) => value >= b);
  return index === -1 ? 3 : index;
}

export interface SeverityGrade {
  severity: SeverityLevel;
  isEstimate: boolean;
  confidence: number;
  basis: { deaths?: Figure; seriousInjuries?: Figure; directLossCny?: Figure };
}

const sum = (a: Figure | undefined, b: Figure | undefined): Figure | undefined => {
  if (!a && !b) return undefined;
  if (!b) return a;
  return { value: (a?.value ?? 0) + b.value, source: 'estimate' };
};

export function gradeSeverity(figures: Figures): SeverityGrade {
  const basis: SeverityGrade['basis'] = {};
  const deaths = sum(figures.deaths, figures.missing);
  const serious = figures.seriousInjuries;
  if (deaths) basis.deaths = deaths;
  if (serious) basis.seriousInjuries = serious;
  if (figures.directLossCny) basis.directLossCny = figures.directLossCny;

  let worst = 3;
  if (basis.deaths) worst = Math.min(worst, levelFor('deaths', basis.deaths.value));
  if (basis.seriousInjuries) worst = Math.min(worst, levelFor('seriousInjuries', basis.seriousInjuries.value));
  if (basis.directLossCny) worst = Math.min(worst, levelFor('directLossCny', basis.directLossCny.value));

  const sources = Object.values(basis).map((f) => f.source);
  const isEstimate = sources.length === 0 || sources.includes('estimate');
  // Confidence reflects where the figures came from: entered facts > read from text > estimated > none.
  const confidence = sources.length === 0 ? 0.3 : sources.includes('estimate') ? 0.55 : sources.includes('text') ? 0.75 : 0.95;
  return { severity: LEVELS[worst] as SeverityLevel, isEstimate, confidence, basis };
}
