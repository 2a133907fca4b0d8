// Inputs of the fire rate-of-spread surrogate, shared by training and inference. Rothermel's spread rate
// depends on the fuel model (one-hot), the wind factor (a power of midflame wind), the slope factor
// (∝ tan²), and moisture damping, which is a polynomial in dead moisture / moisture of extinction: the
// features give the network those shapes directly.
import { withinRange, type SurrogateSpec } from '../surrogate/surrogateSpec.js';
import { FUEL_MODELS, fuelModel } from './fuelModels.js';

export interface FireCase {
  fuelModel: number; midflameWindMps: number; slopePct: number; deadMoisturePct: number; liveMoisturePct: number;
  /** Wind direction clockwise from upslope; 0 or absent is wind blowing upslope. */
  windFromUpslopeDeg?: number;
}

export const FIRE_SURROGATE_FEATURE_VERSION = 1;
export const FIRE_SURROGATE_FEATURES = FUEL_MODELS.length + 6;

/** Dead moisture is kept below this share of the fuel's moisture of extinction: at extinction the
 *  spread rate falls to zero and its logarithm has no useful slope to learn. */
export const MAX_DEAD_MOISTURE_SHARE_OF_EXTINCTION = 0.95;
export const FIRE_SURROGATE_RANGE = { midflameWindMps: [0, 10], slopePct: [0, 100], deadMoisturePct: [1, 40], liveMoisturePct: [30, 300] } as const;

export const maxDeadMoisturePct = (fuel: number): number => fuelModel(fuel).deadExtinctionMoisturePct * MAX_DEAD_MOISTURE_SHARE_OF_EXTINCTION;

export function inFireSurrogateRange(c: FireCase): boolean {
  const r = FIRE_SURROGATE_RANGE;
  // The surrogate learned wind blowing upslope only; a cross-slope wind goes to the physics.
  if ((c.windFromUpslopeDeg ?? 0) !== 0 && c.slopePct > 0) return false;
  return Number.isInteger(c.fuelModel) && c.fuelModel >= 1 && c.fuelModel <= FUEL_MODELS.length
    && withinRange(c.midflameWindMps, r.midflameWindMps) && withinRange(c.slopePct, r.slopePct) && withinRange(c.liveMoisturePct, r.liveMoisturePct)
    && c.deadMoisturePct >= r.deadMoisturePct[0] && c.deadMoisturePct <= maxDeadMoisturePct(c.fuelModel);
}

export function writeFireFeatures(c: FireCase, out: Float32Array, offset: number): void {
  for (let i = 0; i < FUEL_MODELS.length; i++) out[offset + i] = i === c.fuelModel - 1 ? 1 : 0;
  const o = offset + FUEL_MODELS.length;
  out[o] = c.midflameWindMps / 5 - 1;
  out[o + 1] = Math.sqrt(c.midflameWindMps) - 1.6;
  out[o + 2] = (c.slopePct / 100) ** 2 * 2 - 0.5;
  const ratio = c.deadMoisturePct / fuelModel(c.fuelModel).deadExtinctionMoisturePct;
  out[o + 3] = ratio * 2 - 1;
  out[o + 4] = Math.log10(1 - Math.min(ratio, 0.999)) + 0.5;
  out[o + 5] = c.liveMoisturePct / 100 - 1.5;
}

/** The network predicts log10 of the head-fire spread rate in m/min, floored at 1 mm/min. */
const MIN_RATE_M_PER_MIN = 0.001;

export const FIRE_SURROGATE: SurrogateSpec<FireCase> = {
  name: 'fire-spread-surrogate',
  featureVersion: FIRE_SURROGATE_FEATURE_VERSION,
  featureCount: FIRE_SURROGATE_FEATURES,
  outputName: 'log10_rate_m_per_min',
  writeFeatures: writeFireFeatures,
  toTarget: (rateMPerMin) => Math.log10(Math.max(MIN_RATE_M_PER_MIN, rateMPerMin)),
  fromTarget: (target) => 10 ** target,
  inRange: inFireSurrogateRange,
  warmupCase: { fuelModel: 1, midflameWindMps: 2, slopePct: 0, deadMoisturePct: 6, liveMoisturePct: 100 },
};
