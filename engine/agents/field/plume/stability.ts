// Pasquill–Gifford stability class from surface wind, daytime insolation and night cloud cover:
// the Pasquill–Turner table (Turner 1970, "Workbook of Atmospheric Dispersion Estimates", Table 1).
import { STABILITY_CLASSES, type StabilityClass } from '../../../contract/taxonomy.js';

export type Insolation = 'strong' | 'moderate' | 'slight';

// Rows: surface wind < 2, 2–3, 3–5, 5–6, > 6 m/s. Where Turner gives a pair ("A–B") we take the more
// stable class: it forecasts the longer threat distance, which is the safe side for protective action.
const DAY: Record<Insolation, StabilityClass[]> = {
  strong: ['A', 'B', 'B', 'C', 'C'],
  moderate: ['B', 'B', 'C', 'D', 'D'],
  slight: ['B', 'C', 'C', 'D', 'D'],
};
// Night: thin overcast or ≥ 4/8 low cloud | ≤ 3/8 cloud. Turner leaves < 2 m/s blank; F and E are used.
const NIGHT_CLOUDY: StabilityClass[] = ['E', 'E', 'D', 'D', 'D'];
const NIGHT_CLEAR: StabilityClass[] = ['F', 'F', 'E', 'D', 'D'];

function windRow(windSpeedMps: number): number {
  if (windSpeedMps < 2) return 0;
  if (windSpeedMps < 3) return 1;
  if (windSpeedMps < 5) return 2;
  if (windSpeedMps < 6) return 3;
  return 4;
}

/** Daytime insolation from cloud cover when the commander did not state it (a simplification:
 *  the full method also uses solar elevation). */
export function insolationFromCloud(cloudOktas: number | undefined): Insolation {
  if (cloudOktas === undefined || cloudOktas <= 2) return 'strong';
  if (cloudOktas <= 5) return 'moderate';
  return 'slight';
}

export interface StabilityInputs {
  windSpeedMps: number;
  daytime: boolean;
  cloudOktas?: number | undefined;
  insolation?: Insolation | undefined;
}

export function pasquillStability(inputs: StabilityInputs): StabilityClass {
  // Fully overcast skies give neutral conditions by day and by night (Turner 1970, note to Table 1).
  if (inputs.cloudOktas === 8) return 'D';
  const row = windRow(inputs.windSpeedMps);
  if (inputs.daytime) {
    const insolation = inputs.insolation ?? insolationFromCloud(inputs.cloudOktas);
    return DAY[insolation][row] as StabilityClass;
  }
  const cloudy = (inputs.cloudOktas ?? 0) >= 4;
  return (cloudy ? NIGHT_CLOUDY : NIGHT_CLEAR)[row] as StabilityClass;
}

/** One class either way a quarter of the time each: a stability class estimated from wind and cloud is
 *  rarely better than that. Used by both band methods (physics Monte Carlo and surrogate ensemble). */
export function shiftStability(s: StabilityClass, random: () => number): StabilityClass {
  const u = random();
  const i = STABILITY_CLASSES.indexOf(s) + (u < 0.25 ? -1 : u > 0.75 ? 1 : 0);
  return STABILITY_CLASSES[Math.min(STABILITY_CLASSES.length - 1, Math.max(0, i))] as StabilityClass;
}
