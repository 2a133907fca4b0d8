// Flammable vapour cloud of a continuous release: the downwind distances to the LEL and to ½ LEL on the
// plume's centreline (ppm = %vol × 10 000): the Gaussian plume, or for a dense gas such as LPG the
// dense-gas workbook near the source (docs/physics.md). ½ LEL is the usual margin for a cloud's patchiness.
import { MAX_DISTANCE_M, MIN_WIND_MPS, type PlumeSource } from '../plume/gaussianPlume.js';
import { combinedPlume, combinedThresholdM, type CombinedPlume, type DistanceModel } from '../plume/combinedPlume.js';
import { combinedPuff, combinedPuffThresholdM, type CombinedPuff, type PuffDistanceModel } from '../plume/combinedPuff.js';
import type { PuffSource } from '../plume/gaussianPuff.js';

export const PPM_PER_PCT_VOL = 10_000;

/** The LEL and ½ LEL with the distance where a cloud falls to each and the model that drew it. */
interface LelPair<Model> {
  lelPpm: number; lelDistanceM: number; lelModel: Model;
  halfLelPpm: number; halfLelDistanceM: number; halfLelModel: Model;
}

/** Both limits by one model's threshold search (`distanceAt`: where the cloud falls to a concentration). */
function lelPair<Model>(lelPctVol: number, distanceAt: (ppm: number) => { distanceM: number; model: Model }): LelPair<Model> {
  const lelPpm = lelPctVol * PPM_PER_PCT_VOL;
  const lel = distanceAt(lelPpm);
  const halfLel = distanceAt(lelPpm / 2);
  return { lelPpm, lelDistanceM: lel.distanceM, lelModel: lel.model, halfLelPpm: lelPpm / 2, halfLelDistanceM: halfLel.distanceM, halfLelModel: halfLel.model };
}

export interface LelDistances extends LelPair<DistanceModel> { plume: CombinedPlume }

export function lelDistances(source: PlumeSource, lelPctVol: number): LelDistances {
  const plume = combinedPlume(source);
  return { ...lelPair(lelPctVol, (ppm) => combinedThresholdM(plume, ppm)), plume };
}

export interface PuffLelDistances extends LelPair<PuffDistanceModel> { puff: CombinedPuff }

/** The same for a mass released at once: where the passing puff's peak falls to the LEL and ½ LEL. */
export function puffLelDistances(source: PuffSource, lelPctVol: number): PuffLelDistances {
  const puff = combinedPuff(source);
  return { ...lelPair(lelPctVol, (ppm) => combinedPuffThresholdM(puff, ppm)), puff };
}

/** Fuel in the cloud above the LEL of a steady release: what was released while the cloud travelled to the LEL
 *  distance (rate × distance / wind). An upper bound: it counts the part above the UEL too. */
export function fuelInCloudKg(source: PlumeSource, lelDistanceM: number): number {
  return (source.rateKgPerS * lelDistanceM) / Math.max(source.windSpeedMps, MIN_WIND_MPS);
}

export const reachesLimit = (distanceM: number): boolean => distanceM >= MAX_DISTANCE_M;
