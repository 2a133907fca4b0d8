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
}

export interface RothermelOutputs {
  rateOfSpreadFtPerMin: number;
  reactionIntensityBtuPerFt2Min: number;
  windFactor: number;
  slopeFactor: number;
  /** Wind speed was capped at 0.9·I_R (Rothermel's wind limit). */
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
  const windLimit = 0.9 * reactionIntensity;
  const wind = Math.min(inputs.midflameWindFtPerMin, windLimit);
  const windFactor = wind > 0 ? c * wind ** b * ratio ** -e : 0;
  const slopeFactor = 5.275 * beta ** -0.3 * inputs.slopeTan ** 2;

  const heatSink = (ps: Particle[], f: number[]) => ps.reduce((s, p, i) => s + (f[i] as number) * Math.exp(-138 / p.savPerFt) * (250 + 1116 * p.moisture), 0);
  const heatOfPreignition = bulkDensity * (fCatDead * heatSink(dead, fDead) + fCatLive * heatSink(live, fLive));
  const rate = (reactionIntensity * propagatingFlux * (1 + windFactor + slopeFactor)) / heatOfPreignition;
  return {
    rateOfSpreadFtPerMin: rate,
    reactionIntensityBtuPerFt2Min: reactionIntensity,
    windFactor,
    slopeFactor,
    windLimited: inputs.midflameWindFtPerMin > windLimit,
  };
}

/** Anderson (1983, INT-305) length-to-breadth ratio of a wind-driven fire from midflame wind in mi/h. */
export function lengthToBreadth(midflameWindMph: number): number {
  const u = midflameWindMph;
  return Math.max(1, 0.936 * Math.exp(0.2566 * u) + 0.461 * Math.exp(-0.1548 * u) - 0.397);
}
