// The toxic-plume footprint for a continuous release: AEGL threat distances with uncertainty bands.
import { AEGL_LEVELS } from '../../../contract/taxonomy.js';
import type { Incident, Release, Weather } from '../../../contract/incident.js';
import type { PlumeResult } from '../../../contract/result.js';
import { findSubstance } from '../../../contract/substances.js';
import { createRandom, hashSeed, lognormalFactor } from '../../../numeric/random.js';
import { round, roundedBand } from '../../../numeric/stats.js';
import { isDaytime } from '../daylight.js';
import { pasquillStability, shiftStability } from './stability.js';
import { concentrationPpm, MAX_DISTANCE_M, maxWidthM, MIN_WIND_MPS, thresholdDistanceM, type PlumeSource } from './gaussianPlume.js';

/** Monte-Carlo draws for the bands: enough for stable P10/P90 at < 1 ms per analysis. */
const BAND_SAMPLES = 64;
/** Spread of the inputs a commander rarely knows well (log-σ): wind ±25 %, source rate ±40 %; and the
 *  stability class, one class either way (shiftStability). Both band methods use these. */
export const PLUME_UNCERTAINTY = { windLogSigma: 0.25, rateLogSigma: 0.4 } as const;

/** `bandSamples` 0 skips the Monte Carlo (the caller has a surrogate ensemble for the bands). */
export function plumeFootprint(incident: Incident, release: Release, weather: Weather, bandSamples = BAND_SAMPLES): PlumeResult {
  const substance = findSubstance(release.substance);
  if (!substance || substance.molarMassGPerMol === null) throw new Error(`no plume for ${release.substance}`); // runField checks first
  const defaulted: string[] = [];
  const day = isDaytime(incident);
  if (day.source === 'default') defaulted.push('facts.weather.daytime');
  const stability = weather.stability ?? pasquillStability({
    windSpeedMps: weather.windSpeedMps, daytime: day.daytime, cloudOktas: weather.cloudOktas, insolation: weather.insolation,
  });
  const terrain = incident.facts.terrain ?? 'rural';
  if (!incident.facts.terrain) defaulted.push('facts.terrain');
  const source: PlumeSource = {
    rateKgPerS: release.rateKgPerS, heightM: release.heightM, windSpeedMps: weather.windSpeedMps,
    stability, terrain, molarMassGPerMol: substance.molarMassGPerMol,
  };
  const random = createRandom(hashSeed(JSON.stringify([release, weather, terrain])));
  const perturbed: PlumeSource[] = Array.from({ length: bandSamples }, () => ({
    ...source,
    windSpeedMps: Math.max(MIN_WIND_MPS, source.windSpeedMps * lognormalFactor(random, PLUME_UNCERTAINTY.windLogSigma)),
    rateKgPerS: source.rateKgPerS * lognormalFactor(random, PLUME_UNCERTAINTY.rateLogSigma),
    stability: shiftStability(source.stability, random),
  }));

  const thresholds = AEGL_LEVELS.flatMap((level) => {
    const ppm = substance.aeglPpm[level];
    if (ppm === null) return [];
    const downwindM = thresholdDistanceM(source, ppm);
    return [{
      level, ppm,
      downwindM: round(downwindM, 0),
      maxWidthM: round(maxWidthM(source, ppm, downwindM), 0),
      reachesModelLimit: downwindM >= MAX_DISTANCE_M,
      downwindBandM: roundedBand(bandSamples > 0 ? perturbed.map((s) => thresholdDistanceM(s, ppm)) : [downwindM], 0),
    }];
  });
  const centrelinePpm = [100, 200, 500, 1000, 2000, 5000, 10000].map((x) => ({ downwindM: x, ppm: round(concentrationPpm(source, x), 3) }));

  return {
    method: 'Gaussian plume, continuous point source with ground reflection (Turner 1970); Briggs (1973) σy/σz; Pasquill–Turner stability',
    inputsUsed: {
      substance: substance.key, rateKgPerS: release.rateKgPerS, heightM: release.heightM,
      windSpeedMps: weather.windSpeedMps, stability, terrain, daytime: day.daytime,
    },
    assumptions: [
      'steady wind and release for the averaging time of the AEGL (60 min)',
      'neutrally buoyant gas (dense-gas slumping of e.g. chlorine is not modelled; near-field distances may be underestimated)',
      `wind below ${MIN_WIND_MPS} m/s treated as ${MIN_WIND_MPS} m/s`,
      'flat terrain, no deposition or chemical decay',
    ],
    validity: 'downwind 100 m – 10 km (range of the Briggs fits); a distance of 10 km means "10 km or more" (reachesModelLimit)',
    defaulted,
    substance: substance.key,
    stability,
    stabilitySource: weather.stability ? 'fact' : 'derived',
    terrain,
    windFromDeg: weather.windFromDeg,
    downwindBearingDeg: (weather.windFromDeg + 180) % 360,
    thresholds,
    centrelinePpm,
    bands: { method: 'physics-monte-carlo', members: bandSamples },
  };
}

