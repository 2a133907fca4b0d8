// Inputs of the flood time-to-depth surrogate, shared by training and inference. For a level pool fed
// through a weir with Villemonte submergence, dd/dt = C·b·h^1.5·(1 − (d/h)^1.5)^0.385 / A, so with
// s = d/h the time to go from s0 to s1 is T·F(s0, s1), T = A / (C·b·√h). The features are log T and
// the two depth ratios: the network only has to learn log F, a smooth function of two numbers.
import { withinRange, type SurrogateSpec } from '../surrogate/surrogateSpec.js';
import { hoursToDepths } from './leveeBreach.js';

export interface FloodCase { breachWidthM: number; headM: number; polderAreaKm2: number; weirCoefficient: number; initialDepthM: number; targetDepthM: number }

export const FLOOD_SURROGATE_FEATURE_VERSION = 1;
export const FLOOD_SURROGATE_FEATURES = 4;

/** Depth ratios the surrogate was trained on: below 95 % of the head (above it the pool barely rises). */
export const FLOOD_SURROGATE_RANGE = {
  breachWidthM: [5, 1000], headM: [0.3, 15], polderAreaKm2: [0.05, 2000], weirCoefficient: [1.2, 2.2],
  initialDepthRatio: [0, 0.6], targetDepthRatio: [0.01, 0.95],
} as const;

/** The physics integrates 30 days at most; beyond that a depth is "not reached". */
export const FLOOD_HORIZON_H = 30 * 24;
/** Training drew only cases whose free-flow filling time is under a third of the horizon (submergence slows
 *  the real filling by up to about 3×, so every labelled case reaches its depth within the horizon). */
export const MAX_FREE_FLOW_HOURS = FLOOD_HORIZON_H / 3;

/** Hours to fill from the initial to the target depth at the free (unsubmerged) weir flow: the fastest possible. */
export const freeFlowHours = (c: FloodCase): number => ((c.targetDepthM - c.initialDepthM) * c.polderAreaKm2 * 1e6) / (c.weirCoefficient * c.breachWidthM * c.headM ** 1.5) / 3600;

/** T = A / (C·b·√h) in hours: the time scale of the filling. */
export const fillingTimeScaleH = (c: FloodCase): number => (c.polderAreaKm2 * 1e6) / (c.weirCoefficient * c.breachWidthM * Math.sqrt(c.headM)) / 3600;

export function inFloodSurrogateRange(c: FloodCase): boolean {
  const r = FLOOD_SURROGATE_RANGE;
  const s0 = c.initialDepthM / c.headM;
  const s1 = c.targetDepthM / c.headM;
  return withinRange(c.breachWidthM, r.breachWidthM) && withinRange(c.headM, r.headM) && withinRange(c.polderAreaKm2, r.polderAreaKm2)
    && withinRange(c.weirCoefficient, r.weirCoefficient) && withinRange(s0, r.initialDepthRatio) && withinRange(s1, r.targetDepthRatio) && s1 > s0
    && freeFlowHours(c) < MAX_FREE_FLOW_HOURS;
}

export function writeFloodFeatures(c: FloodCase, out: Float32Array, offset: number): void {
  const s0 = c.initialDepthM / c.headM;
  const s1 = c.targetDepthM / c.headM;
  out[offset] = Math.log10(fillingTimeScaleH(c)) / 2 - 1;
  out[offset + 1] = s0 * 2 - 0.5;
  out[offset + 2] = s1 * 2 - 1;
  // The integrand's singularity at s → 1 makes F steep near the head: give the network that scale.
  out[offset + 3] = Math.log10(1 - s1) + 0.5;
}

export const FLOOD_SURROGATE: SurrogateSpec<FloodCase> = {
  name: 'flood-depth-surrogate',
  featureVersion: FLOOD_SURROGATE_FEATURE_VERSION,
  featureCount: FLOOD_SURROGATE_FEATURES,
  outputName: 'log10_hours',
  writeFeatures: writeFloodFeatures,
  toTarget: (hours) => Math.log10(Math.max(1e-3, hours)),
  fromTarget: (target) => 10 ** target,
  inRange: inFloodSurrogateRange,
  warmupCase: { breachWidthM: 100, headM: 3, polderAreaKm2: 20, weirCoefficient: 1.7, initialDepthM: 0, targetDepthM: 1 },
};

/** The physics' answer for one case (null: not reached within its 30-day horizon). */
export function physicsHoursToDepth(c: FloodCase): number | null {
  return physicsHoursToDepths(c, [c.targetDepthM]).get(c.targetDepthM) ?? null;
}

/** The physics' answers for one breach and polder at several depths, from one integration (depth → hours). */
export function physicsHoursToDepths(c: Omit<FloodCase, 'targetDepthM'>, depthsM: readonly number[]): Map<number, number | null> {
  const hours = hoursToDepths({
    breachWidthM: c.breachWidthM, headM: c.headM, polderAreaM2: c.polderAreaKm2 * 1e6,
    initialDepthM: c.initialDepthM, weirCoefficient: c.weirCoefficient,
  }, depthsM);
  return new Map(depthsM.map((d, i) => [d, hours[i] ?? null]));
}
