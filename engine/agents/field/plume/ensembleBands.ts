// Uncertainty bands for the plume's threat distances from a 256-member ensemble run through the surrogate:
// wind speed (±25 %, log-normal), source rate (±40 %) and stability (one class either way, a quarter of
// the time each) are perturbed, the way a commander's inputs really are uncertain.
import { isColdRelease, type PlumeResult } from '../../../contract/result.js';
import { findSubstance } from '../../../contract/substances.js';
import { createRandom, hashSeed, lognormalFactor } from '../../../numeric/random.js';
import { roundedBand } from '../../../numeric/stats.js';
import { MIN_WIND_MPS, ppmToMgPerM3 } from './gaussianPlume.js';
import { combinedPlume, denseSideThresholdM } from './combinedPlume.js';
import { shiftStability } from './stability.js';
import { PLUME_UNCERTAINTY } from './index.js';
import { inSurrogateRange, type PlumeCase } from './surrogateFeatures.js';
import type { SurrogateModel } from '../surrogate/surrogateModel.js';
import { ENSEMBLE_MEMBERS, perturbed } from '../surrogate/ensemble.js';

/** The result with surrogate-ensemble bands; null when a member is outside the surrogate's range (the
 *  caller then runs the physics' Monte Carlo). */
export async function applyEnsembleBands(plume: PlumeResult, surrogate: SurrogateModel<PlumeCase>, memberCount = ENSEMBLE_MEMBERS): Promise<PlumeResult | null> {
  const substance = findSubstance(plume.substance);
  const molarMassGPerMol = substance?.molarMassGPerMol;
  // The surrogate learned continuous releases only; a finite one or a puff takes the physics' Monte Carlo.
  if (!molarMassGPerMol || plume.releaseModel === 'finite' || plume.releaseModel === 'instantaneous') return null;
  const base = {
    rateKgPerS: Number(plume.inputsUsed.rateKgPerS), windSpeedMps: Math.max(1, Number(plume.inputsUsed.windSpeedMps)),
    heightM: Number(plume.inputsUsed.heightM), stability: plume.stability, terrain: plume.terrain,
  };
  const random = createRandom(hashSeed(JSON.stringify(base)));
  const members = Array.from({ length: memberCount }, () => ({
    rateKgPerS: base.rateKgPerS * lognormalFactor(random, PLUME_UNCERTAINTY.rateLogSigma),
    windSpeedMps: perturbed(base.windSpeedMps, lognormalFactor(random, PLUME_UNCERTAINTY.windLogSigma), MIN_WIND_MPS, Infinity),
    heightM: base.heightM, stability: shiftStability(base.stability, random), terrain: base.terrain,
  }));
  // Written out rather than spread: 256 cases per level, and the spread copies cost more than the rest.
  const cases: PlumeCase[] = plume.thresholds.flatMap((t) => {
    const thresholdMgPerM3 = ppmToMgPerM3(t.ppm, molarMassGPerMol);
    return members.map((m) => ({ rateKgPerS: m.rateKgPerS, windSpeedMps: m.windSpeedMps, heightM: m.heightM, stability: m.stability, terrain: m.terrain, thresholdMgPerM3 }));
  });
  if (!cases.every(inSurrogateRange)) return null; // outside what the surrogate was trained on
  const distances = await surrogate.predict(cases);
  // The surrogate learned the Gaussian plume; for a gas heavier than air each member's distance is the farther
  // of that and the member's own dense-gas distance, as the physics takes it (combinedPlume.ts, docs/physics.md);
  // at ground level the surrogate's distance is also the virtual-source Gaussian's, so it is reused.
  // The members' release is as cold as the result's (releaseTemperature.ts); absent: 25 °C.
  const cold = isColdRelease(plume.denseGas?.releaseTemperature) ? plume.denseGas : undefined;
  const denseSides = members.map((m) => combinedPlume({
    // Field by field in PlumeSource's order, as every source is built (gaussianPlume.ts, atGroundLevel).
    rateKgPerS: m.rateKgPerS, heightM: m.heightM, windSpeedMps: m.windSpeedMps, stability: m.stability, terrain: m.terrain, molarMassGPerMol,
    releaseDurationMin: undefined, releaseTemperatureK: cold?.releaseTemperatureK, ambientTemperatureK: cold?.ambientTemperatureK,
  }));
  return {
    ...plume,
    thresholds: plume.thresholds.map((t, level) => ({
      ...t,
      downwindBandM: roundedBand(Array.from(distances.subarray(level * memberCount, (level + 1) * memberCount), (gaussianM, k) =>
        Math.max(gaussianM, denseSideThresholdM(denseSides[k]!, t.ppm, members[k]!.heightM === 0 ? gaussianM : undefined)?.distanceM ?? 0)), 0),
    })),
    bands: { method: 'surrogate-ensemble', members: memberCount, model: surrogate.label },
  };
}
