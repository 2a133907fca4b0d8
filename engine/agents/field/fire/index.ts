// Surface fire spread and elliptical growth for a wildfire, with bands over wind and fuel moisture.
import type { FireFacts, Incident } from '../../../contract/incident.js';
import type { FireResult } from '../../../contract/result.js';
import { createRandom, hashSeed, lognormalFactor } from '../../../numeric/random.js';
import { round, roundedBand } from '../../../numeric/stats.js';
import { fuelModel } from './fuelModels.js';
import { lengthToBreadth, rothermelSpread, type RothermelInputs } from './rothermel.js';
import { maxDeadMoisturePct, type FireCase } from './surrogateFeatures.js';

const FT_PER_M = 3.28084;
const MPS_TO_FT_PER_MIN = FT_PER_M * 60;
const MPS_TO_MPH = 2.236936;
/** A 10-m wind is reduced to midflame height by ~0.4 in partially sheltered fuels (Andrews 2012, RMRS-GTR-266). */
export const WIND_ADJUSTMENT_FACTOR = 0.4;
const BAND_SAMPLES = 64;
/** Spread of the inputs a commander estimates rather than measures (log-σ): midflame wind ±30 %, dead and
 *  live fuel moisture ±20 %. Dead moisture stays below extinction (maxDeadMoisturePct): the fuel burns.
 *  Both band methods (physics Monte Carlo and surrogate ensemble) use these. */
export const FIRE_UNCERTAINTY = { windLogSigma: 0.3, deadMoistureLogSigma: 0.2, liveMoistureLogSigma: 0.2 } as const;

/** Rothermel's inputs, in its native units, for a case given in the product's units. */
function rothermelInputs(c: FireCase): RothermelInputs {
  return {
    deadMoisture: c.deadMoisturePct / 100,
    liveMoisture: c.liveMoisturePct / 100,
    midflameWindFtPerMin: c.midflameWindMps * MPS_TO_FT_PER_MIN,
    slopeTan: c.slopePct / 100,
  };
}

/** Head-fire rate of spread (m/min): the physics the surrogate is trained on and judged against. */
export function headFireRateMPerMin(c: FireCase): number {
  return rothermelSpread(fuelModel(c.fuelModel), rothermelInputs(c)).rateOfSpreadFtPerMin / FT_PER_M;
}

/** `bandSamples` 0 skips the Monte Carlo (the caller has a surrogate ensemble for the band). */
export function fireSpread(incident: Incident, fire: FireFacts, bandSamples = BAND_SAMPLES): FireResult {
  const defaulted: string[] = [];
  let midflameMps = fire.midflameWindSpeedMps;
  if (midflameMps === undefined) {
    const open = incident.facts.weather?.windSpeedMps;
    if (open === undefined) defaulted.push('facts.fire.midflameWindSpeedMps');
    midflameMps = (open ?? 0) * WIND_ADJUSTMENT_FACTOR;
  }
  const model = fuelModel(fire.fuelModel);
  const head = rothermelSpread(model, rothermelInputs({
    fuelModel: fire.fuelModel, midflameWindMps: midflameMps, slopePct: fire.slopePct,
    deadMoisturePct: fire.deadFuelMoisturePct, liveMoisturePct: fire.liveFuelMoisturePct,
  }));
  const rateMPerMin = head.rateOfSpreadFtPerMin / FT_PER_M;
  const lb = lengthToBreadth(midflameMps * MPS_TO_MPH);
  const eccentricity = Math.sqrt(lb * lb - 1) / lb;
  const backRateMPerMin = (rateMPerMin * (1 - eccentricity)) / (1 + eccentricity);
  const headM = rateMPerMin * fire.durationMin;
  const backM = backRateMPerMin * fire.durationMin;
  const lengthM = headM + backM;
  const widthM = lengthM / lb;

  const random = createRandom(hashSeed(JSON.stringify(fire) + midflameMps));
  const rates = bandSamples === 0 ? [rateMPerMin] : Array.from({ length: bandSamples }, () => {
    const wind = midflameMps * lognormalFactor(random, FIRE_UNCERTAINTY.windLogSigma);
    const dead = Math.min(maxDeadMoisturePct(fire.fuelModel), fire.deadFuelMoisturePct * lognormalFactor(random, FIRE_UNCERTAINTY.deadMoistureLogSigma));
    const live = Math.min(300, Math.max(30, fire.liveFuelMoisturePct * lognormalFactor(random, FIRE_UNCERTAINTY.liveMoistureLogSigma)));
    return headFireRateMPerMin({ fuelModel: fire.fuelModel, midflameWindMps: wind, slopePct: fire.slopePct, deadMoisturePct: dead, liveMoisturePct: live });
  });

  return {
    method: 'Rothermel (1972) surface spread with Albini (1976) weighting; Anderson (1982) fuel models; Anderson (1983) elliptical shape',
    inputsUsed: {
      fuelModel: model.number, fuelModelName: model.name, midflameWindSpeedMps: round(midflameMps, 2),
      slopePct: fire.slopePct, deadFuelMoisturePct: fire.deadFuelMoisturePct, liveFuelMoisturePct: fire.liveFuelMoisturePct,
    },
    assumptions: [
      'uniform fuel, wind and slope over the forecast period; wind and slope aligned upslope',
      '10-h and 100-h dead fuel moisture 1 and 2 points above 1-h moisture',
      `open wind reduced to midflame by a factor of ${WIND_ADJUSTMENT_FACTOR} when midflame wind is not given`,
      'surface fire only: crowning and spotting are not modelled',
      ...(head.windLimited ? ['wind capped at the Rothermel wind limit (0.9·I_R)'] : []),
    ],
    validity: 'surface fires in continuous wildland fuels; not for crown fires, urban fuels or spotting-driven spread',
    defaulted,
    bands: { method: 'physics-monte-carlo', members: bandSamples },
    fuelModel: model.number,
    rateOfSpreadMPerMin: round(rateMPerMin, 2),
    headRateBandMPerMin: roundedBand(rates, 2),
    lengthToBreadth: round(lb, 2),
    ellipse: {
      headM: round(headM, 0), backM: round(backM, 0), lengthM: round(lengthM, 0), widthM: round(widthM, 0),
      areaHa: round((Math.PI / 4) * lengthM * widthM / 10_000, 1),
    },
    durationMin: fire.durationMin,
    minutesToCommunity: fire.distanceToCommunityM !== undefined && rateMPerMin > 0
      ? round(fire.distanceToCommunityM / rateMPerMin, 0) : null,
  };
}
