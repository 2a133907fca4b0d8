// Rothermel (1972), "A Mathematical Model for Predicting Fire Spread in Wildland Fuels", USDA INT-115,
// with the multi-class weighting of Albini (1976, INT-30) as summarised by Andrews (2018, RMRS-GTR-371).
// Computed in the model's native units (ft, lb, Btu, min); callers convert at the boundary.
import type { FuelModel } from './fuelModels.js';

const TONS_PER_ACRE_TO_LB_PER_FT2 = 2000 / 43560;
const HEAT_CONTENT_BTU_PER_LB = 8000;
const PARTICLE_DENSITY_LB_PER_FT3 = 32;
const TOTAL_MINERAL = 0.0555;
const EFFECTIVE_MINERAL = 0.01;

export interface RothermelInputs {
  deadMoisture: number; // fraction, e.g. 0.06
  liveMoisture: number; // fraction
  midflameWindFtPerMin: number;
  slopeTan: number; // rise over run
  /** Direction the wind blows toward, clockwise from upslope; 0 (the default) is wind blowing upslope. */
  windFromUpslopeRad?: number;
  /** Cap the effective wind at Rothermel's (1972) limit 0.9·I_R. Off by default, as in BehavePlus: Andrews,
   *  Cruz & Rothermel (2013, Int. J. Wildland Fire 22:959) found that limit too restrictive. */
  applyWindLimit?: boolean;
}

export interface RothermelOutputs {
  /** Head-fire rate, in the direction of maximum spread. */
  rateOfSpreadFtPerMin: number;
  noWindNoSlopeRateFtPerMin: number;
  reactionIntensityBtuPerFt2Min: number;
  windFactor: number;
  slopeFactor: number;
  /** The wind that alone would give the combined wind and slope effect (Albini 1976; Andrews 2018, RMRS-GTR-371). */
  effectiveWindFtPerMin: number;
  /** Direction of maximum spread, clockwise from upslope (the vector sum of the wind and slope rates). */
  maxSpreadFromUpslopeRad: number;
  /** The effective wind is above Rothermel's (1972) limit 0.9·I_R (whether or not it was applied). */
  windLimitExceeded: boolean;
  /** The limit was applied (only with applyWindLimit). */
  windLimited: boolean;
}

interface Particle { loadLbPerFt2: number; savPerFt: number; moisture: number }

const moistureDamping = (ratio: number): number => {
  if (ratio >= 1) return 0; // at or above the moisture of extinction the fuel does not carry fire
  const r = ratio;
  return Math.max(0, 1 - 2.59 * r + 5.11 * r * r - 3.52 * r * r * r);
};

export function rothermelSpread(model: FuelModel, inputs: RothermelInputs): RothermelOutputs {
  const l = model.loadTonsPerAcre;
  const dead: Particle[] = [
    { loadLbPerFt2: l.oneHour * TONS_PER_ACRE_TO_LB_PER_FT2, savPerFt: model.oneHourSavPerFt, moisture: inputs.deadMoisture },
    { loadLbPerFt2: l.tenHour * TONS_PER_ACRE_TO_LB_PER_FT2, savPerFt: 109, moisture: inputs.deadMoisture + 0.01 },
    { loadLbPerFt2: l.hundredHour * TONS_PER_ACRE_TO_LB_PER_FT2, savPerFt: 30, moisture: inputs.deadMoisture + 0.02 },
  ].filter((p) => p.loadLbPerFt2 > 0);
  const live: Particle[] = l.live > 0
    ? [{ loadLbPerFt2: l.live * TONS_PER_ACRE_TO_LB_PER_FT2, savPerFt: 1500, moisture: inputs.liveMoisture }]
    : [];

  const area = (ps: Particle[]) => ps.reduce((s, p) => s + (p.savPerFt * p.loadLbPerFt2) / PARTICLE_DENSITY_LB_PER_FT3, 0);
  const deadArea = area(dead);
  const liveArea = area(live);
  const totalArea = deadArea + liveArea;
  const weightsOf = (ps: Particle[], a: number) => ps.map((p) => (a > 0 ? (p.savPerFt * p.loadLbPerFt2) / PARTICLE_DENSITY_LB_PER_FT3 / a : 0));
  const fDead = weightsOf(dead, deadArea);
  const fLive = weightsOf(live, liveArea);
  const fCatDead = deadArea / totalArea;
  const fCatLive = liveArea / totalArea;

  const weighted = (ps: Particle[], f: number[], pick: (p: Particle) => number) => ps.reduce((s, p, i) => s + (f[i] as number) * pick(p), 0);
  const savDead = weighted(dead, fDead, (p) => p.savPerFt);
  const savLive = weighted(live, fLive, (p) => p.savPerFt);
  const sigma = fCatDead * savDead + fCatLive * savLive;

  const totalLoad = [...dead, ...live].reduce((s, p) => s + p.loadLbPerFt2, 0);
  const bulkDensity = totalLoad / model.depthFt;
  const beta = bulkDensity / PARTICLE_DENSITY_LB_PER_FT3;
  const betaOpt = 3.348 * sigma ** -0.8189;
  const ratio = beta / betaOpt;
  const gammaMax = sigma ** 1.5 / (495 + 0.0594 * sigma ** 1.5);
  const aExp = 133 * sigma ** -0.7913;
  const gamma = gammaMax * ratio ** aExp * Math.exp(aExp * (1 - ratio));

  const netLoad = (ps: Particle[], f: number[]) => ps.reduce((s, p, i) => s + (f[i] as number) * p.loadLbPerFt2 * (1 - TOTAL_MINERAL), 0);
  const mineralDamping = Math.min(1, 0.174 * EFFECTIVE_MINERAL ** -0.19);
  const deadMoist = weighted(dead, fDead, (p) => p.moisture);
  const mxDead = model.deadExtinctionMoisturePct / 100;
  const etaDead = moistureDamping(deadMoist / mxDead);
  let etaLive = 0;
  if (live.length > 0) {
    // Live fuel moisture of extinction (Albini 1976): from the ratio of dead to live fine fuel loads.
    const wPrime = dead.reduce((s, p) => s + p.loadLbPerFt2 * Math.exp(-138 / p.savPerFt), 0)
      / live.reduce((s, p) => s + p.loadLbPerFt2 * Math.exp(-500 / p.savPerFt), 0);
    const fineDeadMoist = dead.reduce((s, p) => s + p.loadLbPerFt2 * Math.exp(-138 / p.savPerFt) * p.moisture, 0)
      / dead.reduce((s, p) => s + p.loadLbPerFt2 * Math.exp(-138 / p.savPerFt), 0);
    const mxLive = Math.max(mxDead, 2.9 * wPrime * (1 - fineDeadMoist / mxDead) - 0.226);
    etaLive = moistureDamping(weighted(live, fLive, (p) => p.moisture) / mxLive);
  }
  const reactionIntensity = gamma * HEAT_CONTENT_BTU_PER_LB * mineralDamping
    * (netLoad(dead, fDead) * etaDead + netLoad(live, fLive) * etaLive);

  const propagatingFlux = Math.exp((0.792 + 0.681 * sigma ** 0.5) * (beta + 0.1)) / (192 + 0.2595 * sigma);
  const c = 7.47 * Math.exp(-0.133 * sigma ** 0.55);
  const b = 0.02526 * sigma ** 0.54;
  const e = 0.715 * Math.exp(-3.59e-4 * sigma);
  const windFactor = inputs.midflameWindFtPerMin > 0 ? c * inputs.midflameWindFtPerMin ** b * ratio ** -e : 0;
  const slopeFactor = 5.275 * beta ** -0.3 * inputs.slopeTan ** 2;

  const heatSink = (ps: Particle[], f: number[]) => ps.reduce((s, p, i) => s + (f[i] as number) * Math.exp(-138 / p.savPerFt) * (250 + 1116 * p.moisture), 0);
  const heatOfPreignition = bulkDensity * (fCatDead * heatSink(dead, fDead) + fCatLive * heatSink(live, fLive));
  const noWindNoSlope = (reactionIntensity * propagatingFlux) / heatOfPreignition;

  // Wind and slope as vectors (Rothermel 1983, INT-143; Andrews 2018): their sum is the combined factor
  // φ_E and its direction the direction of maximum spread. Aligned upslope this is φ_w + φ_s.
  const angle = inputs.windFromUpslopeRad ?? 0;
  const x = slopeFactor + windFactor * Math.cos(angle);
  const y = windFactor * Math.sin(angle);
  const combined = Math.hypot(x, y);
  const maxSpreadFromUpslopeRad = combined > 0 ? Math.atan2(y, x) : 0;
  // Effective wind: the wind whose factor alone equals φ_E, from φ = C·U^B·(β/β_op)^−E.
  let effectiveWind = combined > 0 ? (combined * ratio ** e / c) ** (1 / b) : 0;
  let phiE = combined;
  const windLimit = 0.9 * reactionIntensity;
  const windLimitExceeded = effectiveWind > windLimit;
  const windLimited = windLimitExceeded && inputs.applyWindLimit === true;
  if (windLimited) {
    effectiveWind = windLimit;
    phiE = c * windLimit ** b * ratio ** -e;
  }
  return {
    rateOfSpreadFtPerMin: noWindNoSlope * (1 + phiE),
    noWindNoSlopeRateFtPerMin: noWindNoSlope,
    reactionIntensityBtuPerFt2Min: reactionIntensity,
    windFactor,
    slopeFactor,
    effectiveWindFtPerMin: effectiveWind,
    maxSpreadFromUpslopeRad,
    windLimitExceeded,
    windLimited,
  };
}

/** BehavePlus caps the surface fire's length-to-width ratio at 8 (Andrews 2018, RMRS-GTR-371). */
export const MAX_LENGTH_TO_WIDTH = 8;
export const LENGTH_TO_WIDTH_METHOD = 'Anderson (1983, INT-305) from the effective wind speed in mi/h, capped at 8 (BehavePlus; Andrews 2018, RMRS-GTR-371)';

/** Length-to-width ratio of a surface fire from the effective wind speed (wind and slope together) in
 *  mi/h: Anderson's (1983) curve with its coefficients for mi/h (0.2566 and 0.1548 per m/s are 0.1147 and
 *  0.0692 per mi/h), as BehavePlus uses it, never below 1 or above 8. */
export function lengthToWidth(effectiveWindMph: number): number {
  const u = effectiveWindMph;
  if (!(u > 0)) return 1;
  return Math.min(MAX_LENGTH_TO_WIDTH, Math.max(1, 0.936 * Math.exp(0.1147 * u) + 0.461 * Math.exp(-0.0692 * u) - 0.397));
}

/** The ellipse of a fire that started at a point (Anderson 1983; Andrews 2018): the backing rate from the
 *  eccentricity, the flank rate half the width. Rates in any one unit. */
export function ellipseRates(headRate: number, lengthToWidthRatio: number): { eccentricity: number; backRate: number; flankRate: number } {
  const lw = lengthToWidthRatio;
  const eccentricity = Math.sqrt(lw * lw - 1) / lw;
  const backRate = (headRate * (1 - eccentricity)) / (1 + eccentricity);
  return { eccentricity, backRate, flankRate: (headRate + backRate) / lw / 2 };
}
