// The toxic-plume footprint of a continuous or finite release: AEGL threat distances with uncertainty bands.
import type { Incident, Release, Weather } from '../../../contract/incident.js';
import type { PlumeResult } from '../../../contract/result.js';
import { findSubstance } from '../../../contract/substances.js';
import { createRandom, hashSeed, lognormalFactor } from '../../../numeric/random.js';
import { round } from '../../../numeric/stats.js';
import { atmosphereAt } from './atmosphere.js';
import { shiftStability } from './stability.js';
import { MIN_WIND_MPS, type PlumeSource } from './gaussianPlume.js';
import { puffFootprint } from './puffFootprint.js';
import { combinedConcentrationPpm, combinedFootprint, combinedMaxWidthM, combinedPlume, combinedThresholdM, denseGasSummary, type CombinedPlume, type DistanceModel } from './combinedPlume.js';
import { aeglThresholds, type FootprintModel } from './aeglThresholds.js';
import { releaseTemperatureOf, sourceTemperatures, temperatureSummary } from './releaseTemperature.js';
import { flashRainOutOf, rateSplitSummary } from './flashRainOut.js';

/** A continuous or finite plume, with its dense-gas side near the source (combinedPlume.ts). */
const PLUME_MODEL: FootprintModel<CombinedPlume, DistanceModel> = { thresholdM: combinedThresholdM, maxWidthM: combinedMaxWidthM, footprint: combinedFootprint };

/** Monte-Carlo draws for the bands: enough for stable P10/P90 at < 1 ms per analysis. */
const BAND_SAMPLES = 64;
/** Spread of the inputs a commander rarely knows well (log-σ): wind ±25 %, source rate ±40 %; and the
 *  stability class, one class either way (shiftStability). Both band methods use these. */
export const PLUME_UNCERTAINTY = { windLogSigma: 0.25, rateLogSigma: 0.4 } as const;

/** `bandSamples` 0 skips the Monte Carlo (the caller has a surrogate ensemble for the bands). A mass
 *  released at once is a puff (puffFootprint.ts): the surrogate learned plumes, so a puff always takes the
 *  physics' Monte Carlo. */
export function plumeFootprint(incident: Incident, release: Release, weather: Weather, bandSamples = BAND_SAMPLES): PlumeResult {
  const substance = findSubstance(release.substance);
  if (!substance || substance.molarMassGPerMol === null) throw new Error(`no plume for ${release.substance}`); // runField checks first
  if (release.releaseMassKg !== undefined) {
    return puffFootprint(incident, { ...release, releaseMassKg: release.releaseMassKg }, weather, { ...substance, molarMassGPerMol: substance.molarMassGPerMol }, bandSamples || BAND_SAMPLES);
  }
  if (release.rateKgPerS === undefined) throw new Error('a release needs a rate or a mass'); // the contract refuses it first
  const { stability, stabilitySource, daylight, terrain, worseCaseDefaults, defaulted } = atmosphereAt(incident, weather);
  // A liquefied gas flashes: near the source its vapour is at its boiling point (releaseTemperature.ts).
  const temperature = releaseTemperatureOf(substance, weather.temperatureC);
  const source: PlumeSource = {
    rateKgPerS: release.rateKgPerS, heightM: release.heightM, windSpeedMps: weather.windSpeedMps,
    stability, terrain, molarMassGPerMol: substance.molarMassGPerMol, releaseDurationMin: release.durationMin, ...sourceTemperatures(temperature),
  };
  const random = createRandom(hashSeed(JSON.stringify([release, weather, terrain])));
  const perturbed: PlumeSource[] = Array.from({ length: bandSamples }, () => ({
    ...source,
    windSpeedMps: Math.max(MIN_WIND_MPS, source.windSpeedMps * lognormalFactor(random, PLUME_UNCERTAINTY.windLogSigma)),
    rateKgPerS: source.rateKgPerS * lognormalFactor(random, PLUME_UNCERTAINTY.rateLogSigma),
    stability: shiftStability(source.stability, random),
  }));

  // A gas heavier than air takes the dense-gas workbook near the source where it applies (docs/physics.md).
  const combined = combinedPlume(source);
  const perturbedCombined = perturbed.map(combinedPlume);
  const denseCheck = denseGasSummary(combined);
  const denseGas = denseCheck && { ...denseCheck, ...temperatureSummary(temperature) };
  const thresholds = aeglThresholds(substance.aeglPpm, PLUME_MODEL, combined, perturbedCombined, () => ({}));
  // A pressure-liquefied gas's flash and rain-out: reported; a steady plume keeps the whole rate (flashRainOut.ts).
  const split = flashRainOutOf(substance, weather.temperatureC);
  const flashRainOut = split.basis === 'not-pressure-liquefied' ? null : rateSplitSummary(split, release.rateKgPerS, release.durationMin);
  const centrelinePpm = [100, 200, 500, 1000, 2000, 5000, 10000].map((x) => ({ downwindM: x, ppm: round(combinedConcentrationPpm(combined, x), 3) }));
  const denseNote = denseGas === null
    ? 'neutrally buoyant gas (lighter than air: no dense-gas slumping)'
    : denseGas.applies
      ? `heavier than air and dense at the source (Britter & McQuaid 1988 criterion ${denseGas.criterion} ≥ 0.15): the workbook's curves to ${denseGas.handoverM} m, then a Gaussian plume from a virtual source; each distance is the farther of that and the Gaussian plume alone (thresholds[].model says which); release temperature: ${temperature.note}`
      : `heavier than air, but the dense-gas workbook does not apply (${denseGas.reason}): Gaussian plume`;

  return {
    method: (release.durationMin === undefined
      ? 'Gaussian plume, continuous point source with ground reflection (Turner 1970); Briggs (1973) σy/σz; Pasquill–Turner stability'
      : 'Gaussian plume, finite-duration point source (Palazzi et al. 1982) with ground reflection (Turner 1970); Briggs (1973) σy/σz; Pasquill–Turner stability')
      + (denseGas?.applies ? '; near the source a dense-gas plume (Britter & McQuaid 1988 workbook) handed over to the Gaussian from a virtual source' : ''),
    inputsUsed: {
      substance: substance.key, rateKgPerS: release.rateKgPerS, heightM: release.heightM,
      windSpeedMps: weather.windSpeedMps, stability, terrain,
      ...(daylight.daytime !== null ? { daytime: daylight.daytime } : {}),
      ...(release.durationMin !== undefined ? { durationMin: release.durationMin } : {}),
    },
    assumptions: [
      release.durationMin === undefined
        ? 'steady wind and release for the averaging time of the AEGL (60 min)'
        : `release stops after ${release.durationMin} min; the peak of the passing cloud is compared with the 60-min AEGL (a shorter exposure tolerates more, so this errs long)`,
      denseNote,
      `wind below ${MIN_WIND_MPS} m/s treated as ${MIN_WIND_MPS} m/s`,
      'flat terrain, no deposition or chemical decay',
    ],
    validity: 'downwind 100 m – 10 km (range of the Briggs fits); a distance of 10 km means "10 km or more" (reachesModelLimit)',
    defaulted,
    worseCaseDefaults,
    substance: substance.key,
    stability,
    stabilitySource,
    daylight,
    releaseModel: release.durationMin === undefined ? 'continuous' : 'finite',
    terrain,
    windFromDeg: weather.windFromDeg,
    downwindBearingDeg: (weather.windFromDeg + 180) % 360,
    thresholds,
    ...(denseGas ? { denseGas } : {}),
    ...(flashRainOut ? { flashRainOut } : {}),
    centrelinePpm,
    bands: { method: 'physics-monte-carlo', members: bandSamples },
  };
}

