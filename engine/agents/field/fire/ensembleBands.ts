// Uncertainty band for the head-fire spread rate from a 256-member ensemble through the surrogate:
// midflame wind (±30 %, log-normal), dead fuel moisture (±20 %) and live fuel moisture (±20 %) are the
// inputs a commander estimates rather than measures. The physics' own rate stays the answer.
import type { FireResult } from '../../../contract/result.js';
import { createRandom, hashSeed, lognormalFactor } from '../../../numeric/random.js';
import { roundedBand } from '../../../numeric/stats.js';
import type { SurrogateModel } from '../surrogate/surrogateModel.js';
import { ENSEMBLE_MEMBERS, perturbed } from '../surrogate/ensemble.js';
import { FIRE_SURROGATE_RANGE, maxDeadMoisturePct, type FireCase } from './surrogateFeatures.js';
import { FIRE_UNCERTAINTY } from './index.js';

/** The result with the surrogate-ensemble band; null when the case is outside the surrogate's range (the
 *  caller then runs the physics' Monte Carlo). */
export async function applyFireEnsembleBands(fire: FireResult, surrogate: SurrogateModel<FireCase>, memberCount = ENSEMBLE_MEMBERS): Promise<FireResult | null> {
  const base: FireCase = {
    fuelModel: fire.fuelModel, midflameWindMps: Number(fire.inputsUsed.midflameWindSpeedMps), slopePct: Number(fire.inputsUsed.slopePct),
    deadMoisturePct: Number(fire.inputsUsed.deadFuelMoisturePct), liveMoisturePct: Number(fire.inputsUsed.liveFuelMoisturePct),
    windFromUpslopeDeg: Number(fire.inputsUsed.windFromUpslopeDeg ?? 0),
  };
  if (!surrogate.spec.inRange(base)) return null; // outside what the surrogate was trained on
  const r = FIRE_SURROGATE_RANGE;
  const random = createRandom(hashSeed(JSON.stringify(base)));
  const members: FireCase[] = Array.from({ length: memberCount }, () => ({
    ...base,
    midflameWindMps: perturbed(base.midflameWindMps, lognormalFactor(random, FIRE_UNCERTAINTY.windLogSigma), 0, Infinity),
    // Moisture is capped below extinction, as the physics band does: the fuel is still burning.
    deadMoisturePct: perturbed(base.deadMoisturePct, lognormalFactor(random, FIRE_UNCERTAINTY.deadMoistureLogSigma), r.deadMoisturePct[0], maxDeadMoisturePct(base.fuelModel)),
    // The contract's own limits for live moisture (30–300 %), which are also the surrogate's.
    liveMoisturePct: perturbed(base.liveMoisturePct, lognormalFactor(random, FIRE_UNCERTAINTY.liveMoistureLogSigma), r.liveMoisturePct[0], r.liveMoisturePct[1]),
  }));
  // A member past the trained range (a gust above 10 m/s midflame) would be extrapolated: physics instead.
  if (!members.every((m) => surrogate.spec.inRange(m))) return null;
  const rates = await surrogate.predict(members);
  return {
    ...fire,
    headRateBandMPerMin: roundedBand(Array.from(rates), 2),
    bands: { method: 'surrogate-ensemble', members: memberCount, model: surrogate.label },
  };
}
