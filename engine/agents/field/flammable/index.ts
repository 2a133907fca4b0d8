// Flammable hazards of a release: vapour cloud (LEL, ½ LEL), explosion overpressure (TNT equivalence) and a
// BLEVE fireball of the stated inventory. Each part runs when its inputs and the substance's values allow.
import type { Incident, Release, Weather } from '../../../contract/incident.js';
import type { FlammableResult } from '../../../contract/result.js';
import { ERG_GUIDES, type Substance } from '../../../contract/substances.js';
import { round } from '../../../numeric/stats.js';
import { atmosphereAt } from '../plume/atmosphere.js';
import { MAX_DISTANCE_M, MIN_WIND_MPS, type PlumeSource } from '../plume/gaussianPlume.js';
import { combinedFootprint, denseGasSummary } from '../plume/combinedPlume.js';
import { fuelInCloudKg, lelDistances, puffLelDistances, reachesLimit } from './vapourCloud.js';
import { combinedPuffFootprint, densePuffSummary } from '../plume/combinedPuff.js';
import { releaseTemperatureOf, sourceTemperatures, temperatureSummary, type ReleaseTemperature } from '../plume/releaseTemperature.js';
import { flashRainOutOf, massSplitSummary, rateSplitSummary } from '../plume/flashRainOut.js';
import { lngPoolOf, lngPoolSummary } from '../plume/lngPool.js';
import { KPA_PER_PSI, overpressureDistanceM, scaledDistanceForKPa, TNT_KJ_PER_KG, tntMassKg, YIELD_FACTOR } from './tntEquivalence.js';
import { distanceForDoseM, doseForProbit, fireballDiameterM, fireballDurationS, PROBIT_CRITERIA, SURFACE_EMISSIVE_POWER_KW_PER_M2 } from './bleve.js';

const OVERPRESSURES_PSI = [1, 3, 5, 10] as const;

/** Null when the substance is not flammable or nothing could be computed (the reasons go to `notes`). */
export function flammableHazards(incident: Incident, release: Release, substance: Substance, weather: Weather | undefined, notes: string[]): FlammableResult | null {
  if (substance.hazards === 'toxic') return null;
  const result: FlammableResult = { substance: substance.key };
  const source = weather && substance.molarMassGPerMol !== null && substance.lelPctVol !== null ? plumeSource(incident, release, weather, substance.molarMassGPerMol, substance) : null;
  if (!weather) notes.push('facts.weather is needed for the LEL distance and the vapour cloud explosion');
  if (substance.lelPctVol === null) notes.push(`no LEL value for '${substance.key}': no vapour cloud distances`);
  if (substance.molarMassGPerMol === null) notes.push(`no molar mass for '${substance.key}' (a mixture): no vapour cloud distances`);
  // A pressure-liquefied gas's flash and rain-out, reported; the cloud keeps the whole release (flashRainOut.ts).
  const split = flashRainOutOf(substance, weather?.temperatureC);
  if (source && substance.lelPctVol !== null && release.releaseMassKg !== undefined) {
    result.vapourCloud = puffVapourCloud(source, release.releaseMassKg, release.heightM, substance.key, substance.lelPctVol);
    if (split.basis !== 'not-pressure-liquefied') result.vapourCloud.flashRainOut = massSplitSummary(split, release.releaseMassKg);
    const heat = substance.heatOfCombustionKjPerKg;
    if (heat === null) notes.push(`no heat of combustion for '${substance.key}': no explosion overpressure`);
    else if (result.vapourCloud.lel.distanceM > 0) result.explosion = explosionOf(Math.min(release.releaseMassKg, release.massKg ?? Infinity), heat, source.defaulted, 'fuel in the cloud = the whole mass released at once (capped by facts.release.massKg): an upper bound');
  } else if (source && substance.lelPctVol !== null) {
    const d = lelDistances(source.source, substance.lelPctVol);
    const denseCheck = denseGasSummary(d.plume);
    const denseGas = denseCheck && { ...denseCheck, ...temperatureSummary(source.temperature) };
    result.vapourCloud = {
      method: 'Gaussian plume centreline (Turner 1970, Briggs 1973) to the LEL and ½ LEL; ppm = %vol × 10 000'
        + (denseGas?.applies ? '; near the source a dense-gas plume (Britter & McQuaid 1988 workbook), the farther distance taken' : ''),
      inputsUsed: { substance: substance.key, rateKgPerS: source.source.rateKgPerS, heightM: release.heightM, windSpeedMps: source.source.windSpeedMps, stability: source.source.stability, lelPctVol: substance.lelPctVol },
      assumptions: [
        'steady release and wind',
        denseGas === null ? 'neutrally buoyant cloud (the gas is not heavier than air)'
          : denseGas.applies ? `heavier than air and dense at the source (criterion ${denseGas.criterion} ≥ 0.15): the dense-gas workbook's curves to ${denseGas.handoverM} m; release temperature: ${source.temperature.note}`
            : `heavier than air, but the dense-gas workbook does not apply (${denseGas.reason}): Gaussian plume`,
        'centreline, time-averaged concentration: ½ LEL covers the patchiness of a real cloud',
      ],
      validity: `downwind 10 m – ${MAX_DISTANCE_M / 1000} km`,
      defaulted: source.defaulted,
      lelPctVol: substance.lelPctVol,
      lel: { ppm: d.lelPpm, distanceM: round(d.lelDistanceM, 0), reachesModelLimit: reachesLimit(d.lelDistanceM), model: d.lelModel },
      halfLel: {
        ppm: d.halfLelPpm, distanceM: round(d.halfLelDistanceM, 0), reachesModelLimit: reachesLimit(d.halfLelDistanceM),
        footprint: combinedFootprint(d.plume, d.halfLelPpm, d.halfLelDistanceM).map(([x, y]) => [round(x, 0), round(y, 0)] as [number, number]),
        model: d.halfLelModel,
      },
      ...(denseGas ? { denseGas } : {}),
      ...(split.basis !== 'not-pressure-liquefied' ? { flashRainOut: rateSplitSummary(split, source.source.rateKgPerS, release.durationMin) } : {}),
    };
    // A refrigerated liquid (LNG) pools and boils off (lngPool.ts): its size, and what a bund does to the vapour.
    const pool = lngPoolOf(substance, release, weather?.temperatureC);
    if (pool) result.vapourCloud.lngPool = lngPoolSummary(pool, source.source.rateKgPerS);
    const heat = substance.heatOfCombustionKjPerKg;
    if (heat === null) notes.push(`no heat of combustion for '${substance.key}': no explosion overpressure`);
    else if (d.lelDistanceM > 0) {
      const cloudKg = fuelInCloudKg(source.source, d.lelDistanceM);
      result.explosion = explosionOf(release.massKg !== undefined ? Math.min(cloudKg, release.massKg) : cloudKg, heat, source.defaulted, 'fuel in the cloud = release rate × travel time to the LEL distance (capped by facts.release.massKg)');
    }
  }
  // A mass released at once is the inventory the fireball can burn when no inventory is stated.
  const inventoryKg = release.massKg ?? release.releaseMassKg;
  if (inventoryKg === undefined) notes.push('facts.release.massKg (the inventory) is needed for a BLEVE fireball');
  else {
    const m = inventoryKg;
    const guide = substance.erg ? ERG_GUIDES[substance.erg.guide] : undefined;
    result.bleve = {
      method: 'CCPS (1994) fireball: D = 5.8·M^(1/3), t = 0.45·M^(1/3) (M < 30 t) or 2.6·M^(1/6); solid flame E = 350 kW/m²; Eisenberg / Tsao & Perry dose probits',
      inputsUsed: { massKg: m, surfaceEmissivePowerKwPerM2: SURFACE_EMISSIVE_POWER_KW_PER_M2 },
      assumptions: ['all of the inventory burns in the fireball', 'fireball centre one radius above ground for the whole burn', 'atmospheric transmissivity 1 (conservative)', 'people exposed in the open for the whole burn, no shelter or escape'],
      validity: 'pressure-liquefied flammable gases (LPG, propane); masses 1 kg – 10 000 t',
      defaulted: [],
      massKg: m,
      diameterM: round(fireballDiameterM(m), 1),
      durationS: round(fireballDurationS(m), 1),
      centreHeightM: round(fireballDiameterM(m) / 2, 1),
      surfaceEmissivePowerKwPerM2: SURFACE_EMISSIVE_POWER_KW_PER_M2,
      thermalDose: PROBIT_CRITERIA.map((c) => {
        const dose = doseForProbit(c.a, c.probit);
        return { criterion: c.criterion, doseW43SPerM83: Math.round(dose), distanceM: round(distanceForDoseM(m, dose), 0) };
      }),
      ergFragmentIsolationM: substance.erg?.fireIsolationM ?? guide?.tankFireIsolateM ?? null,
    };
  }
  return result.vapourCloud || result.explosion || result.bleve ? result : null;
}

function explosionOf(fuelMassKg: number, heat: number, defaulted: string[], fuelAssumption: string): NonNullable<FlammableResult['explosion']> {
  const tntKg = tntMassKg(fuelMassKg, heat, YIELD_FACTOR);
  return {
    method: 'TNT equivalence; Kingery–Bulmash (1984) hemispherical surface burst as simplified by Swisdak (1994)',
    inputsUsed: { fuelMassKg: round(fuelMassKg, 1), heatOfCombustionKjPerKg: heat, yieldFactor: YIELD_FACTOR, tntKjPerKg: TNT_KJ_PER_KG },
    assumptions: [
      fuelAssumption,
      `yield ${YIELD_FACTOR * 100} % of the heat of combustion (upper end of 3–5 %, Gugan 1978)`,
      'ignition at the cloud centre; congestion and confinement, which decide real flame speeds, are not modelled',
    ],
    validity: 'scaled distance 0.2–198.5 m/kg^(1/3); far-field only: the TNT model overstates the near field of a deflagration',
    defaulted,
    fuelMassKg: round(fuelMassKg, 1), yieldFactor: YIELD_FACTOR, tntMassKg: round(tntKg, 1),
    overpressures: OVERPRESSURES_PSI.map((psi) => {
      const kPa = psi * KPA_PER_PSI;
      return { overpressurePsi: psi, overpressureKPa: round(kPa, 1), distanceM: round(overpressureDistanceM(tntKg, kPa), 0), scaledDistanceMPerKg13: round(scaledDistanceForKPa(kPa), 2) };
    }),
  };
}

/** The flammable cloud of a mass released at once: where the passing puff's peak falls to the LEL and ½ LEL. */
function puffVapourCloud(air: { source: PlumeSource; defaulted: string[]; temperature: ReleaseTemperature }, releaseMassKg: number, heightM: number, substanceKey: string, lelPctVol: number): NonNullable<FlammableResult['vapourCloud']> {
  const source = { massKg: releaseMassKg, heightM, windSpeedMps: air.source.windSpeedMps, stability: air.source.stability, molarMassGPerMol: air.source.molarMassGPerMol, ...sourceTemperatures(air.temperature) };
  const d = puffLelDistances(source, lelPctVol);
  const denseCheck = densePuffSummary(d.puff);
  const denseGas = denseCheck && { ...denseCheck, ...temperatureSummary(air.temperature) };
  return {
    method: 'Gaussian puff peak (CCPS 1999, puff σ\'s of Table 2-13) to the LEL and ½ LEL; ppm = %vol × 10 000'
      + (denseGas?.applies ? '; near the source a dense-gas puff (Britter & McQuaid 1988 workbook, instantaneous curves), the farther distance taken' : ''),
    inputsUsed: { substance: substanceKey, releaseMassKg, heightM, windSpeedMps: source.windSpeedMps, stability: source.stability, lelPctVol },
    assumptions: [
      'the whole mass released at once; the cloud drifts with the wind',
      denseGas === null ? 'neutrally buoyant cloud (the gas is not heavier than air)'
        : denseGas.applies ? `heavier than air and dense at the source (instantaneous criterion ${denseGas.criterion} ≥ 0.20): the workbook's puff curves to ${denseGas.handoverM} m; release temperature: ${air.temperature.note}`
          : `heavier than air, but the dense-gas workbook does not apply (${denseGas.reason}): Gaussian puff`,
      'peak of the passing cloud on its axis: ½ LEL covers the patchiness of a real cloud',
    ],
    validity: `downwind 10 m – ${MAX_DISTANCE_M / 1000} km`,
    defaulted: air.defaulted,
    lelPctVol,
    lel: { ppm: d.lelPpm, distanceM: round(d.lelDistanceM, 0), reachesModelLimit: reachesLimit(d.lelDistanceM), model: d.lelModel },
    halfLel: {
      ppm: d.halfLelPpm, distanceM: round(d.halfLelDistanceM, 0), reachesModelLimit: reachesLimit(d.halfLelDistanceM),
      footprint: combinedPuffFootprint(d.puff, d.halfLelPpm, d.halfLelDistanceM).map(([x, y]) => [round(x, 0), round(y, 0)] as [number, number]),
      model: d.halfLelModel,
    },
    ...(denseGas ? { denseGas } : {}),
  };
}

function plumeSource(incident: Incident, release: Release, weather: Weather, molarMassGPerMol: number, substance: Substance): { source: PlumeSource; defaulted: string[]; temperature: ReleaseTemperature } {
  const air = atmosphereAt(incident, weather);
  // A liquefied gas flashes, a refrigerated one (LNG) boils off: near the source its vapour is at its boiling point, as for the toxic plume.
  const temperature = releaseTemperatureOf(substance, weather.temperatureC);
  return {
    // A mass released at once has no rate; its puff takes only the air from this source (puffVapourCloud).
    source: { rateKgPerS: release.rateKgPerS ?? 0, heightM: release.heightM, windSpeedMps: Math.max(weather.windSpeedMps, MIN_WIND_MPS), stability: air.stability, terrain: air.terrain, molarMassGPerMol, releaseDurationMin: release.durationMin, ...sourceTemperatures(temperature) },
    defaulted: air.defaulted,
    temperature,
  };
}
