// How much of a pressure-liquefied gas's release stays airborne (docs/physics.md, "Aerosol and rain-out"). The
// liquid leaving its tank boils down to its normal boiling point Tb: the flash fraction F = Cp·(T_storage − Tb)/ΔHvap
// leaves as vapour at once (the heat balance of an adiabatic flash), and by the CCPS rule an equal mass of fine
// droplets is carried with it, so 2F is airborne (at most all of it); the rest rains out into a pool. Only a
// liquefied gas with sourced flash properties and a known storage temperature gets a split. The split is reported;
// the dispersion keeps the whole release (why: WHOLE_RELEASE_NOTE below).
import type { FLASH_RAIN_OUT_BASES, PlumeResult } from '../../../contract/result.js';
import type { Substance } from '../../../contract/substances.js';
import { releaseTemperatureOf } from './releaseTemperature.js';

const KELVIN_OFFSET = 273.15;
/** CCPS's rule for a flashing release: the aerosol carried with the flashed vapour equals it, so twice the flash
 *  fraction is airborne (as the issue gives it; docs/validation.md, "Flash and rain-out"). */
export const AIRBORNE_PER_FLASH = 2;

export const FLASH_RAIN_OUT_METHOD = 'flash fraction F = Cp,liquid·(T_storage − Tb)/ΔHvap (adiabatic flash), airborne fraction min(1, 2F) (CCPS: aerosol equal to the flashed vapour), the rest rained out into a pool';

/** The share of the liquid that flashes at once, within [0, 1]. */
export function flashFraction(liquidHeatCapacityJPerKgK: number, heatOfVaporisationJPerKg: number, storageK: number, boilingK: number): number {
  const f = (liquidHeatCapacityJPerKgK * (storageK - boilingK)) / heatOfVaporisationJPerKg;
  return Math.min(1, Math.max(0, f));
}

/** The airborne share (vapour and the aerosol carried with it), within [flash, 1]. */
export const airborneFraction = (flash: number): number => Math.min(1, AIRBORNE_PER_FLASH * flash);

/** Why the release has the split it has, for a reader to put in its own language. */
export type FlashRainOutBasis = (typeof FLASH_RAIN_OUT_BASES)[number];

export interface FlashRainOut {
  basis: FlashRainOutBasis;
  /** The liquid's temperature in the tank (K): the incident's air temperature; null when not stated. */
  storageTemperatureK: number | null;
  /** Null unless the split was computed. */
  flashFraction: number | null;
  /** 1 (all vapour) unless the split was computed. */
  airborneFraction: number;
  note: string;
}

/** The split of a release of `substance` from a tank at the air's temperature `airTemperatureC` (undefined: not
 *  stated, so the tank's temperature is unknown and the whole release is taken as vapour: the longer distances). */
export function flashRainOutOf(substance: Pick<Substance, 'normalBoilingPointK' | 'criticalTemperatureK' | 'refrigeratedLiquidOf' | 'flashProperties'>, airTemperatureC?: number): FlashRainOut {
  const allVapour = (basis: FlashRainOutBasis, storageTemperatureK: number | null, note: string): FlashRainOut => ({ basis, storageTemperatureK, flashFraction: null, airborneFraction: 1, note });
  // Flashing needs a liquid held above its boiling point by pressure (UN 2.2.1.2): releaseTemperature.ts decides which.
  const temperature = releaseTemperatureOf(substance, airTemperatureC);
  if (temperature.basis !== 'boiling-point') return allVapour('not-pressure-liquefied', null, 'not a pressure-liquefied gas: no flash, the release is taken as stated');
  const props = substance.flashProperties;
  if (props === undefined) return allVapour('no-flash-properties', null, 'a pressure-liquefied gas, but no sourced liquid heat capacity and heat of vaporisation: the whole release is taken as vapour (the conservative case)');
  if (airTemperatureC === undefined) return allVapour('storage-temperature-unknown', null, 'the tank\'s temperature is unknown (no air temperature stated): the whole release is taken as vapour (the conservative case)');
  const storageK = airTemperatureC + KELVIN_OFFSET;
  const boilingK = substance.normalBoilingPointK!; // a 'boiling-point' release has one
  const flash = flashFraction(props.liquidHeatCapacityJPerKgK, props.heatOfVaporisationJPerKg, storageK, boilingK);
  const airborne = airborneFraction(flash);
  return {
    basis: 'flash-rain-out', storageTemperatureK: storageK, flashFraction: flash, airborneFraction: airborne,
    note: `stored at the air's ${airTemperatureC} °C, ${(storageK - boilingK).toFixed(1)} K above its boiling point: ${(flash * 100).toFixed(1)} % flashes, ${(airborne * 100).toFixed(1)} % is airborne (vapour and aerosol), ${((1 - airborne) * 100).toFixed(1)} % rains out into a pool`,
  };
}

/** The result's record of the split (contract/result.ts's flashRainOut). */
export type FlashRainOutSummary = NonNullable<PlumeResult['flashRainOut']>;

const round4 = (v: number): number => Math.round(v * 1e4) / 1e4;
const round3 = (v: number): number => Math.round(v * 1e3) / 1e3;

/** The dispersion keeps the whole release as its source: the airborne share is uncertain between 2F and all of it (the
 *  CCPS RELEASE model's worked example keeps 94 % airborne where 2F gives 34 %: docs/validation.md, "Flash and
 *  rain-out"), so the engine takes the upper end, and a steady plume's rained-out liquid pools on open ground, which
 *  spreads until it boils off as fast as it is fed. The split is reported for what it tells a commander: the pool. */
const WHOLE_RELEASE_NOTE = 'the dispersion takes the whole release: the airborne share is uncertain between 2F and all of it (a published worked example of the CCPS RELEASE rain-out model keeps 94 % airborne where 2F gives 34 %), so its upper end is taken, and a steady release\'s pool on open ground spreads until it boils off as fast as it is fed';

/** A release with a rate (continuous or finite): the airborne and rained-out rates, and a finite release's masses. */
export function rateSplitSummary(split: FlashRainOut, rateKgPerS: number, durationMin: number | undefined): FlashRainOutSummary {
  const rainedOutRateKgPerS = rateKgPerS * (1 - split.airborneFraction);
  return {
    ...common(split),
    airborneRateKgPerS: round3(rateKgPerS * split.airborneFraction),
    rainedOutRateKgPerS: round3(rainedOutRateKgPerS),
    ...(durationMin !== undefined ? { airborneMassKg: round3(rateKgPerS * split.airborneFraction * durationMin * 60), rainedOutPoolMassKg: round3(rainedOutRateKgPerS * durationMin * 60) } : {}),
  };
}

/** A mass released at once: the airborne mass and the pool's. */
export function massSplitSummary(split: FlashRainOut, releaseMassKg: number): FlashRainOutSummary {
  return {
    ...common(split),
    airborneMassKg: round3(releaseMassKg * split.airborneFraction),
    rainedOutPoolMassKg: round3(releaseMassKg * (1 - split.airborneFraction)),
  };
}

function common(split: FlashRainOut): Pick<FlashRainOutSummary, 'method' | 'basis' | 'note' | 'storageTemperatureK' | 'flashFraction' | 'airborneFraction' | 'dispersionSource' | 'dispersionNote'> {
  return {
    method: FLASH_RAIN_OUT_METHOD, basis: split.basis, note: split.note,
    dispersionSource: 'whole-release', dispersionNote: split.basis === 'flash-rain-out' ? WHOLE_RELEASE_NOTE : 'the whole release is taken as vapour',
    storageTemperatureK: split.storageTemperatureK === null ? null : round3(split.storageTemperatureK),
    flashFraction: split.flashFraction === null ? null : round4(split.flashFraction),
    airborneFraction: round4(split.airborneFraction),
  };
}
