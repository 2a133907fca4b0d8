// Surface fire spread and elliptical growth for a wildfire, with bands over wind and fuel moisture.
import type { FireFacts, Incident } from '../../../contract/incident.js';
import type { FireResult } from '../../../contract/result.js';
import { createRandom, hashSeed, lognormalFactor } from '../../../numeric/random.js';
import { round, roundedBand } from '../../../numeric/stats.js';
import { fuelModel } from './fuelModels.js';
import { ellipseRates, LENGTH_TO_WIDTH_METHOD, lengthToWidth, rothermelSpread, type RothermelInputs } from './rothermel.js';
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
function rothermelInputs(c: FireCase, applyWindLimit = false): RothermelInputs {
  return {
    deadMoisture: c.deadMoisturePct / 100,
    liveMoisture: c.liveMoisturePct / 100,
    midflameWindFtPerMin: c.midflameWindMps * MPS_TO_FT_PER_MIN,
    slopeTan: c.slopePct / 100,
    windFromUpslopeRad: ((c.windFromUpslopeDeg ?? 0) * Math.PI) / 180,
    applyWindLimit,
  };
}

const normalDeg = (deg: number): number => ((deg % 360) + 360) % 360;

/** Head-fire rate of spread (m/min): the physics the surrogate is trained on and judged against. */
export function headFireRateMPerMin(c: FireCase): number {
  return rothermelSpread(fuelModel(c.fuelModel), rothermelInputs(c)).rateOfSpreadFtPerMin / FT_PER_M;
}

export interface FireGrowth {
  rateMPerMin: number; backRateMPerMin: number; flankRateMPerMin: number; effectiveWindMps: number;
  lengthToWidthRatio: number; headM: number; backM: number; lengthM: number; widthM: number; areaHa: number;
  /** Direction of maximum spread, clockwise from upslope. */
  maxSpreadFromUpslopeDeg: number;
  windLimitExceeded: boolean;
}

/** A point-ignited fire's ellipse after `durationMin`, unrounded: the head rate, the length-to-width ratio
 *  from the effective wind (wind and slope together), the backing rate from the ellipse's eccentricity,
 *  and the area π/4 · length · width, the way BehavePlus computes them (Andrews 2018, RMRS-GTR-371). */
export function fireGrowth(c: FireCase, durationMin: number, options: { applyWindLimit?: boolean } = {}): FireGrowth {
  const head = rothermelSpread(fuelModel(c.fuelModel), rothermelInputs(c, options.applyWindLimit));
  const rateMPerMin = head.rateOfSpreadFtPerMin / FT_PER_M;
  const effectiveWindMps = head.effectiveWindFtPerMin / MPS_TO_FT_PER_MIN;
  const lw = lengthToWidth(effectiveWindMps * MPS_TO_MPH);
  const { backRate, flankRate } = ellipseRates(rateMPerMin, lw);
  const headM = rateMPerMin * durationMin;
  const backM = backRate * durationMin;
  const lengthM = headM + backM;
  const widthM = lengthM / lw;
  return {
    rateMPerMin, backRateMPerMin: backRate, flankRateMPerMin: flankRate, effectiveWindMps, lengthToWidthRatio: lw,
    headM, backM, lengthM, widthM, areaHa: ((Math.PI / 4) * lengthM * widthM) / 10_000,
    maxSpreadFromUpslopeDeg: normalDeg((head.maxSpreadFromUpslopeRad * 180) / Math.PI),
    windLimitExceeded: head.windLimitExceeded,
  };
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
  // Wind direction against the slope: the wind blows toward windFromDeg + 180. Without both bearings the
  // wind is taken as blowing upslope.
  const windTowardDeg = incident.facts.weather?.windFromDeg !== undefined ? normalDeg(incident.facts.weather.windFromDeg + 180) : undefined;
  const upslopeDeg = fire.upslopeTowardDeg;
  const windFromUpslopeDeg = windTowardDeg !== undefined && upslopeDeg !== undefined && fire.slopePct > 0 ? normalDeg(windTowardDeg - upslopeDeg) : 0;
  const model = fuelModel(fire.fuelModel);
  const fireCase: FireCase = {
    fuelModel: fire.fuelModel, midflameWindMps: midflameMps, slopePct: fire.slopePct,
    deadMoisturePct: fire.deadFuelMoisturePct, liveMoisturePct: fire.liveFuelMoisturePct, windFromUpslopeDeg,
  };
  const growth = fireGrowth(fireCase, fire.durationMin);
  const { rateMPerMin, backRateMPerMin, flankRateMPerMin, effectiveWindMps, lengthToWidthRatio: lw, headM, backM, lengthM, widthM, areaHa, maxSpreadFromUpslopeDeg } = growth;
  // Direction of maximum spread, clockwise from north: on a slope of known bearing, upslope turned by the
  // wind; else downwind; unknown without either bearing.
  const spreadTowardDeg = upslopeDeg !== undefined && fire.slopePct > 0 ? normalDeg(upslopeDeg + maxSpreadFromUpslopeDeg) : windTowardDeg ?? null;

  const random = createRandom(hashSeed(JSON.stringify(fire) + midflameMps));
  const rates = bandSamples === 0 ? [rateMPerMin] : Array.from({ length: bandSamples }, () => {
    const wind = midflameMps * lognormalFactor(random, FIRE_UNCERTAINTY.windLogSigma);
    const dead = Math.min(maxDeadMoisturePct(fire.fuelModel), fire.deadFuelMoisturePct * lognormalFactor(random, FIRE_UNCERTAINTY.deadMoistureLogSigma));
    const live = Math.min(300, Math.max(30, fire.liveFuelMoisturePct * lognormalFactor(random, FIRE_UNCERTAINTY.liveMoistureLogSigma)));
    return headFireRateMPerMin({ ...fireCase, midflameWindMps: wind, deadMoisturePct: dead, liveMoisturePct: live });
  });

  return {
    method: 'Rothermel (1972) surface spread with Albini (1976) weighting as in BehavePlus; Anderson (1982) fuel models; elliptical shape from the effective wind (Anderson 1983)',
    inputsUsed: {
      fuelModel: model.number, fuelModelName: model.name, midflameWindSpeedMps: round(midflameMps, 2),
      slopePct: fire.slopePct, deadFuelMoisturePct: fire.deadFuelMoisturePct, liveFuelMoisturePct: fire.liveFuelMoisturePct,
      windFromUpslopeDeg: round(windFromUpslopeDeg, 0),
    },
    assumptions: [
      'uniform fuel, wind and slope over the forecast period',
      windFromUpslopeDeg !== 0 ? `wind ${round(windFromUpslopeDeg, 0)}° from upslope: wind and slope added as vectors (Rothermel 1983)`
        : (fire.slopePct > 0 ? 'wind taken as blowing upslope (the slope\'s bearing, facts.fire.upslopeTowardDeg, and the wind direction give the angle)' : 'flat ground'),
      'no wind limit, as in BehavePlus: Rothermel\'s (1972) cap of 0.9·I_R was found too restrictive by Andrews, Cruz & Rothermel (2013, Int. J. Wildland Fire 22:959)',
      '10-h and 100-h dead fuel moisture 1 and 2 points above 1-h moisture',
      `open wind reduced to midflame by a factor of ${WIND_ADJUSTMENT_FACTOR} when midflame wind is not given`,
      'surface fire only: crowning and spotting are not modelled',
      ...(growth.windLimitExceeded ? ['the effective wind is above Rothermel\'s (1972) limit 0.9·I_R, which would have capped the rate'] : []),
    ],
    validity: 'surface fires in continuous wildland fuels; not for crown fires, urban fuels or spotting-driven spread',
    defaulted,
    bands: { method: 'physics-monte-carlo', members: bandSamples },
    fuelModel: model.number,
    rateOfSpreadMPerMin: round(rateMPerMin, 2),
    headRateBandMPerMin: roundedBand(rates, 2),
    backRateMPerMin: round(backRateMPerMin, 2),
    flankRateMPerMin: round(flankRateMPerMin, 2),
    effectiveWindSpeedMps: round(effectiveWindMps, 2),
    lengthToBreadth: round(lw, 2),
    lengthToBreadthMethod: LENGTH_TO_WIDTH_METHOD,
    ellipse: {
      headM: round(headM, 0), backM: round(backM, 0), lengthM: round(lengthM, 0), widthM: round(widthM, 0),
      areaHa: round(areaHa, 1),
      spreadTowardDeg: spreadTowardDeg === null ? null : normalDeg(round(spreadTowardDeg, 0)),
    },
    durationMin: fire.durationMin,
    // Counted from now: the head has already run for burningForMin when that is given.
    minutesToCommunity: fire.distanceToCommunityM !== undefined && rateMPerMin > 0
      ? round(Math.max(0, fire.distanceToCommunityM / rateMPerMin - (fire.burningForMin ?? 0)), 0) : null,
  };
}
