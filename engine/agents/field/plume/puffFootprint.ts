// The toxic footprint of a mass released at once (facts.release.releaseMassKg): a Gaussian puff, with the
// dense-gas workbook's puff curves near the source for a gas heavier than air. Each AEGL level's distance is
// where the passing cloud's peak falls to the 60-min value (docs/physics.md, "Instantaneous releases").
import type { Incident, Release, Weather } from '../../../contract/incident.js';
import type { PlumeResult } from '../../../contract/result.js';
import type { Substance } from '../../../contract/substances.js';
import { createRandom, hashSeed, lognormalFactor } from '../../../numeric/random.js';
import { round } from '../../../numeric/stats.js';
import { atmosphereAt } from './atmosphere.js';
import { shiftStability } from './stability.js';
import { MIN_WIND_MPS } from './gaussianPlume.js';
import { puffDosePpmMin, puffPassageMin, type PuffSource } from './gaussianPuff.js';
import { combinedPuff, combinedPuffFootprint, combinedPuffMaxWidthM, combinedPuffPeakPpm, combinedPuffThresholdM, densePuffSummary, type CombinedPuff, type PuffDistanceModel } from './combinedPuff.js';
import { aeglThresholds, type FootprintModel } from './aeglThresholds.js';
import { releaseTemperatureOf, sourceTemperatures, temperatureSummary } from './releaseTemperature.js';
import { flashRainOutOf, massSplitSummary } from './flashRainOut.js';

/** Spread of what a commander rarely knows well (log-σ): wind ±25 % as for a plume, and the mass released
 *  ±40 % (the plume's rate spread: how much of a tank's inventory went at once is as uncertain). */
const PUFF_UNCERTAINTY = { windLogSigma: 0.25, massLogSigma: 0.4 } as const;

/** A puff, with its dense-gas side near the source (combinedPuff.ts). */
const PUFF_MODEL: FootprintModel<CombinedPuff, PuffDistanceModel> = { thresholdM: combinedPuffThresholdM, maxWidthM: combinedPuffMaxWidthM, footprint: combinedPuffFootprint };

export function puffFootprint(incident: Incident, release: Release & { releaseMassKg: number }, weather: Weather, substance: Substance & { molarMassGPerMol: number }, bandSamples: number): PlumeResult {
  const { stability, stabilitySource, daylight, terrain, worseCaseDefaults, defaulted } = atmosphereAt(incident, weather);
  // A liquefied gas flashes: near the source its vapour is at its boiling point (releaseTemperature.ts).
  const temperature = releaseTemperatureOf(substance, weather.temperatureC);
  // A flashing liquefied gas's split is reported; the puff keeps the whole mass (flashRainOut.ts says why).
  const split = flashRainOutOf(substance, weather.temperatureC);
  const flashRainOut = split.basis === 'not-pressure-liquefied' ? null : massSplitSummary(split, release.releaseMassKg);
  const source: PuffSource = {
    massKg: release.releaseMassKg, heightM: release.heightM, windSpeedMps: Math.max(weather.windSpeedMps, MIN_WIND_MPS),
    stability, molarMassGPerMol: substance.molarMassGPerMol, ...sourceTemperatures(temperature),
  };
  const random = createRandom(hashSeed(JSON.stringify([release, weather, terrain])));
  const members = Array.from({ length: bandSamples }, () => combinedPuff({
    ...source,
    windSpeedMps: Math.max(MIN_WIND_MPS, source.windSpeedMps * lognormalFactor(random, PUFF_UNCERTAINTY.windLogSigma)),
    massKg: source.massKg * lognormalFactor(random, PUFF_UNCERTAINTY.massLogSigma),
    stability: shiftStability(source.stability, random),
  }));
  const combined = combinedPuff(source);
  const denseCheck = densePuffSummary(combined);
  const denseGas = denseCheck && { ...denseCheck, ...temperatureSummary(temperature) };
  // A puff adds, at each level's edge, how long the cloud takes to pass and the dose it leaves.
  const thresholds = aeglThresholds(substance.aeglPpm, PUFF_MODEL, combined, members, (downwindM) => ({
    passageMin: round(puffPassageMin(source, Math.max(downwindM, 1)), 1),
    dosePpmMin: round(puffDosePpmMin(source, Math.max(downwindM, 1)), 1),
  }));
  const centrelinePpm = [100, 200, 500, 1000, 2000, 5000, 10000].map((x) => ({ downwindM: x, ppm: round(combinedPuffPeakPpm(combined, x), 3) }));
  const denseNote = denseGas === null
    ? 'neutrally buoyant gas (lighter than air: no dense-gas slumping)'
    : denseGas.applies
      ? `heavier than air and dense at the source (Britter & McQuaid 1988 instantaneous criterion ${denseGas.criterion} ≥ 0.20): the workbook's puff curves to ${denseGas.handoverM} m, then a Gaussian puff from a virtual source; each distance is the farther of that and the Gaussian puff alone (thresholds[].model says which); release temperature: ${temperature.note}`
      : `heavier than air, but the dense-gas workbook does not apply (${denseGas.reason}): Gaussian puff`;
  return {
    method: 'Gaussian puff, instantaneous point source with ground reflection (CCPS 1999); puff σx = σy, σz of CCPS Table 2-13 (after Slade 1968); Pasquill–Turner stability'
      + (denseGas?.applies ? '; near the source a dense-gas puff (Britter & McQuaid 1988 workbook, instantaneous curves) handed over to the Gaussian puff from a virtual source' : ''),
    inputsUsed: {
      substance: substance.key, releaseMassKg: release.releaseMassKg, heightM: release.heightM,
      windSpeedMps: weather.windSpeedMps, stability, terrain,
      ...(daylight.daytime !== null ? { daytime: daylight.daytime } : {}),
    },
    assumptions: [
      'the whole mass is airborne at once as gas at the source (a flashing liquefied gas\'s rain-out is reported in flashRainOut, not taken off: the airborne share is uncertain up to all of it); the peak of the passing cloud is compared with the 60-min AEGL, though the cloud passes in minutes (thresholds[].passageMin): a shorter exposure tolerates more, so this errs long',
      denseNote,
      'the puff σ\'s do not distinguish urban from rural terrain (CCPS 1999)',
      `wind below ${MIN_WIND_MPS} m/s treated as ${MIN_WIND_MPS} m/s`,
      'flat terrain, no deposition or chemical decay',
    ],
    validity: 'downwind 100 m – 10 km (the puff σ\'s were fitted to trials over about that range); a distance of 10 km means "10 km or more" (reachesModelLimit)',
    defaulted,
    worseCaseDefaults,
    substance: substance.key,
    stability,
    stabilitySource,
    daylight,
    releaseModel: 'instantaneous',
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
