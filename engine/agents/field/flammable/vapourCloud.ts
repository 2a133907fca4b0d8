// Flammable vapour cloud of a continuous release: the downwind distances to the LEL and to ½ LEL on the
// Gaussian plume's centreline (ppm = %vol × 10 000). ½ LEL is the usual margin for a cloud's patchiness.
import { MAX_DISTANCE_M, MIN_WIND_MPS, thresholdDistanceM, type PlumeSource } from '../plume/gaussianPlume.js';

export const PPM_PER_PCT_VOL = 10_000;

export interface LelDistances { lelPpm: number; lelDistanceM: number; halfLelPpm: number; halfLelDistanceM: number }

export function lelDistances(source: PlumeSource, lelPctVol: number): LelDistances {
  const lelPpm = lelPctVol * PPM_PER_PCT_VOL;
  return {
    lelPpm, lelDistanceM: thresholdDistanceM(source, lelPpm),
    halfLelPpm: lelPpm / 2, halfLelDistanceM: thresholdDistanceM(source, lelPpm / 2),
  };
}

/** Fuel in the cloud above the LEL of a steady release: what was released while the cloud travelled to the LEL
 *  distance (rate × distance / wind). An upper bound: it counts the part above the UEL too. */
export function fuelInCloudKg(source: PlumeSource, lelDistanceM: number): number {
  return (source.rateKgPerS * lelDistanceM) / Math.max(source.windSpeedMps, MIN_WIND_MPS);
}

export const reachesLimit = (distanceM: number): boolean => distanceM >= MAX_DISTANCE_M;
