// The temperature a released gas leaves at (docs/physics.md, "A liquefied gas's cold release"). A gas that
// boils below the air's temperature and whose critical temperature is above −50 °C is carried as a liquefied
// gas (UN Model Regulations 2.2.1.2); escaping from its tank it flashes, and its vapour is taken at its normal
// boiling point (CCPS 1999's assumption for a flashing release). A refrigerated liquefied gas (UN 2.2.1.2 (c),
// LNG) is carried at its boiling point: a spill boils off there, and its vapour leaves at Tb whatever the air
// (CCPS 1999; the workbook's LNG trials, Burro, Coyote, Maplin Sands). Everything else is taken at 25 °C, as before.
import { isColdRelease, type RELEASE_TEMPERATURE_BASES } from '../../../contract/result.js';
import type { Substance } from '../../../contract/substances.js';

/** The models' reference air and gas temperature (25 °C): the dense-gas workbook's densities and the ppm conversion. */
export const REFERENCE_AMBIENT_K = 298.15;
/** UN Model Regulations 2.2.1.2: a gas with a critical temperature at or below −50 °C is a compressed gas. */
export const LIQUEFIED_GAS_MIN_CRITICAL_K = 223.15;
const KELVIN_OFFSET = 273.15;

/** Why a release has the temperature it has, for a reader to put in its own language. */
export type ReleaseTemperatureBasis = (typeof RELEASE_TEMPERATURE_BASES)[number];

export interface ReleaseTemperature {
  /** T0, the temperature of the released gas (K). */
  releaseK: number;
  /** Ta, the air's temperature (K): the incident's when a cold release has one, else 25 °C. */
  ambientK: number;
  basis: ReleaseTemperatureBasis;
  /** The reason in the workbook's terms (English). */
  note: string;
}

const celsius = (kelvin: number): string => `${Math.round((kelvin - KELVIN_OFFSET) * 10) / 10} °C`.replace('-', '−');

/** The release temperature of `substance` into air at `airTemperatureC` (undefined: 25 °C). */
export function releaseTemperatureOf(substance: Pick<Substance, 'normalBoilingPointK' | 'criticalTemperatureK' | 'refrigeratedLiquidOf'>, airTemperatureC?: number): ReleaseTemperature {
  const airK = airTemperatureC === undefined ? REFERENCE_AMBIENT_K : airTemperatureC + KELVIN_OFFSET;
  const ambient = (basis: ReleaseTemperatureBasis, note: string): ReleaseTemperature => ({ releaseK: REFERENCE_AMBIENT_K, ambientK: REFERENCE_AMBIENT_K, basis, note });
  const tb = substance.normalBoilingPointK;
  const tc = substance.criticalTemperatureK;
  // The contract's air (−60 … 60 °C) is always warmer than a refrigerated liquid's boiling point (LNG −161.5 °C).
  if (substance.refrigeratedLiquidOf !== undefined && tb !== null && tb < airK) {
    return {
      releaseK: tb, ambientK: airK, basis: 'refrigerated-liquid',
      note: `a refrigerated liquid (UN 2.2.1.2 (c)), carried at its boiling point: a spill boils off and its vapour leaves at ${celsius(tb)} whatever the air (CCPS 1999), into air at ${celsius(airK)}; near the source each distance is the farther of that and the same release warmed to the air's ${celsius(airK)}`,
    };
  }
  if (tc !== null && tc <= LIQUEFIED_GAS_MIN_CRITICAL_K) return ambient('ambient-compressed-gas', `critical temperature ${celsius(tc)} ≤ −50 °C: a compressed gas (UN 2.2.1.2), taken at 25 °C (its refrigerated liquid, such as LNG, is a substance of its own)`);
  if (tb === null) return ambient('ambient-no-boiling-point', 'no sourced normal boiling point: gas taken at 25 °C');
  if (tb >= airK) return ambient('ambient-liquid', `boils at ${celsius(tb)}, not below the air's ${celsius(airK)}: a liquid, its vapour taken at 25 °C`);
  if (tc === null) return ambient('ambient-no-critical-temperature', 'no sourced critical temperature to tell a liquefied from a compressed gas: gas taken at 25 °C');
  return {
    releaseK: tb, ambientK: airK, basis: 'boiling-point',
    note: `a liquefied gas (boils at ${celsius(tb)}, critical temperature ${celsius(tc)} > −50 °C, UN 2.2.1.2): a release flashes and its vapour leaves at its boiling point, ${celsius(tb)} (CCPS 1999), into air at ${celsius(airK)}; near the source each distance is the farther of that and the same release warmed to the air's ${celsius(airK)}`,
  };
}

/** Gas density (kg/m³) at `temperatureK` from its density at 25 °C (ideal gas, p·M/(R·T)). */
export const densityAtK = (densityAt25CKgPerM3: number, temperatureK: number): number =>
  temperatureK === REFERENCE_AMBIENT_K ? densityAt25CKgPerM3 : (densityAt25CKgPerM3 * REFERENCE_AMBIENT_K) / temperatureK;

/** A source's temperature fields: both keys always, undefined for a release at 25 °C (so its source is the
 *  isothermal one exactly): every source then has one shape, which keeps the physics' property
 *  reads monomorphic (docs/performance.md). */
export const sourceTemperatures = (temperature: ReleaseTemperature): { releaseTemperatureK: number | undefined; ambientTemperatureK: number | undefined } =>
  isColdRelease(temperature.basis)
    ? { releaseTemperatureK: temperature.releaseK, ambientTemperatureK: temperature.ambientK }
    : { releaseTemperatureK: undefined, ambientTemperatureK: undefined };

/** What a result's dense-gas check adds about the temperature (contract/result.ts's denseGas). */
export const temperatureSummary = (temperature: ReleaseTemperature): { releaseTemperatureK: number; ambientTemperatureK: number; releaseTemperature: ReleaseTemperatureBasis } =>
  ({ releaseTemperatureK: Math.round(temperature.releaseK * 1000) / 1000, ambientTemperatureK: Math.round(temperature.ambientK * 1000) / 1000, releaseTemperature: temperature.basis });
