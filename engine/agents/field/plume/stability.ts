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

/** Daytime insolation from cloud cover alone (Turner 1970: more cloud, less insolation). */
export function insolationFromCloud(cloudOktas: number): Insolation {
  if (cloudOktas <= 2) return 'strong';
  if (cloudOktas <= 5) return 'moderate';
  return 'slight';
}

/** Insolation from the sun's elevation (Turner 1964: strong above 60°, moderate 35–60°, slight below). */
export function insolationFromSun(solarElevationDeg: number): Insolation {
  if (solarElevationDeg > 60) return 'strong';
  if (solarElevationDeg > 35) return 'moderate';
  return 'slight';
}

const INSOLATION_ORDER: Insolation[] = ['strong', 'moderate', 'slight'];
/** The weaker of two insolations: the sun and the cloud each limit it. */
const weaker = (a: Insolation, b: Insolation): Insolation => INSOLATION_ORDER[Math.max(INSOLATION_ORDER.indexOf(a), INSOLATION_ORDER.indexOf(b))] as Insolation;

export interface StabilityInputs {
  windSpeedMps: number;
  /** null: not known; night is assumed (the worse case). */
  daytime: boolean | null;
  cloudOktas?: number | undefined;
  insolation?: Insolation | undefined;
  solarElevationDeg?: number | null | undefined;
}

/** An input the plume did not know, and the worse value it took instead. */
export interface WorseCaseDefault { input: string; assumed: string; why: string; whyZh: string }

/** The Pasquill class, and the worse-case values it assumed for what was not known. Unknown never means
 *  sunny: the more stable class gives the longer threat distance (AEGL-3 of a chlorine release reaches
 *  kilometres further at night than on a sunny day), which is the safe side for protective action. */
export function pasquillStability(inputs: StabilityInputs): { stability: StabilityClass; worseCaseDefaults: WorseCaseDefault[] } {
  const assumed: WorseCaseDefault[] = [];
  // Fully overcast skies give neutral conditions by day and by night (Turner 1970, note to Table 1).
  if (inputs.cloudOktas === 8) return { stability: 'D', worseCaseDefaults: assumed };
  const row = windRow(inputs.windSpeedMps);
  if (inputs.daytime === true) {
    let insolation = inputs.insolation;
    if (!insolation) {
      const fromSun = inputs.solarElevationDeg != null ? insolationFromSun(inputs.solarElevationDeg) : undefined;
      const fromCloud = inputs.cloudOktas !== undefined ? insolationFromCloud(inputs.cloudOktas) : undefined;
      if (fromCloud === undefined) {
        assumed.push({ input: 'facts.weather.cloudOktas', assumed: 'slight insolation',
          why: 'sky not stated: weak sunshine assumed (the more stable daytime class, longer distances)',
          whyZh: '未说明云量：按弱日照计算（白天较稳定的等级，距离更远）' });
      }
      insolation = weaker(fromSun ?? 'strong', fromCloud ?? 'slight');
    }
    return { stability: DAY[insolation][row] as StabilityClass, worseCaseDefaults: assumed };
  }
  if (inputs.daytime === null) {
    assumed.push({ input: 'facts.weather.daytime', assumed: 'night',
      why: 'time of day not known: night assumed (the more stable class, longer distances)',
      whyZh: '昼夜未知：按夜间计算（大气更稳定，距离更远）' });
  }
  if (inputs.cloudOktas === undefined) {
    assumed.push({ input: 'facts.weather.cloudOktas', assumed: 'clear night sky',
      why: 'sky not stated: a clear night assumed (the most stable class, longest distances)',
      whyZh: '未说明云量：按晴朗夜空计算（最稳定，距离最远）' });
  }
  const cloudy = (inputs.cloudOktas ?? 0) >= 4;
  return { stability: (cloudy ? NIGHT_CLOUDY : NIGHT_CLEAR)[row] as StabilityClass, worseCaseDefaults: assumed };
}

/** One class either way a quarter of the time each: a stability class estimated from wind and cloud is
 *  rarely better than that. Used by both band methods (physics Monte Carlo and surrogate ensemble). */
export function shiftStability(s: StabilityClass, random: () => number): StabilityClass {
  const u = random();
  const i = STABILITY_CLASSES.indexOf(s) + (u < 0.25 ? -1 : u > 0.75 ? 1 : 0);
  return STABILITY_CLASSES[Math.min(STABILITY_CLASSES.length - 1, Math.max(0, i))] as StabilityClass;
}
