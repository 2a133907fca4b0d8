// Inputs of the plume threat-distance surrogate, shared by training and inference. The physics says
// centreline concentration scales with Q / (u · threshold), so that ratio (in logs) is the main feature;
// stability, terrain and release height shape the curve.
import { STABILITY_CLASSES, type StabilityClass } from '../../../contract/taxonomy.js';
import type { Terrain } from './dispersion.js';
import { withinRange, type SurrogateSpec } from '../surrogate/surrogateSpec.js';

export const PLUME_SURROGATE_FEATURES = 11;
export const PLUME_SURROGATE_FEATURE_VERSION = 1;

/** The validity range the surrogate was trained on; outside it the F-Agent falls back to the physics. */
export const PLUME_SURROGATE_RANGE = {
  rateKgPerS: [0.01, 100], windSpeedMps: [1, 15], heightM: [0, 20], thresholdMgPerM3: [0.1, 30_000],
} as const;

export interface PlumeCase { rateKgPerS: number; windSpeedMps: number; heightM: number; stability: StabilityClass; terrain: Terrain; thresholdMgPerM3: number }

export function inSurrogateRange(c: PlumeCase): boolean {
  const r = PLUME_SURROGATE_RANGE;
  return withinRange(c.rateKgPerS, r.rateKgPerS) && withinRange(c.windSpeedMps, r.windSpeedMps) && withinRange(c.heightM, r.heightM) && withinRange(c.thresholdMgPerM3, r.thresholdMgPerM3);
}

/** Writes one case's features into `out` at `offset` (scaled to roughly unit range). */
export function writePlumeFeatures(c: PlumeCase, out: Float32Array, offset: number): void {
  out[offset] = (Math.log10((c.rateKgPerS * 1e6) / (c.windSpeedMps * c.thresholdMgPerM3)) - 3) / 3;
  out[offset + 1] = (c.windSpeedMps - 6) / 5;
  out[offset + 2] = c.heightM / 10 - 1;
  const s = STABILITY_CLASSES.indexOf(c.stability);
  for (let i = 0; i < STABILITY_CLASSES.length; i++) out[offset + 3 + i] = i === s ? 1 : 0;
  out[offset + 9] = c.terrain === 'urban' ? 1 : 0;
  // The height term exp(−H²/2σz²) acts against the log-concentration ratio: give the net both scales.
  out[offset + 10] = Math.log10(1 + c.heightM) - 0.6;
}

/** The network predicts log10(distance in m) of a distance clipped to [1 m, 10 km]. */
export const distanceToTarget = (downwindM: number) => Math.log10(Math.min(10_000, Math.max(1, downwindM)));
export const targetToDistance = (target: number) => Math.min(10_000, Math.max(0, 10 ** target));

export const PLUME_SURROGATE: SurrogateSpec<PlumeCase> = {
  name: 'plume-surrogate',
  featureVersion: PLUME_SURROGATE_FEATURE_VERSION,
  featureCount: PLUME_SURROGATE_FEATURES,
  outputName: 'log10_downwind_m',
  writeFeatures: writePlumeFeatures,
  toTarget: distanceToTarget,
  fromTarget: targetToDistance,
  inRange: inSurrogateRange,
  warmupCase: { rateKgPerS: 1, windSpeedMps: 3, heightM: 0, stability: 'D', terrain: 'rural', thresholdMgPerM3: 6 },
};
