// The pool of a refrigerated liquid (LNG) spilled at a steady rate (docs/physics.md, "An LNG pool"). The liquid is at
// its boiling point already: it boils off by the heat the water or the ground gives it, and an unconfined pool spreads
// until it boils off as fast as it is fed, so its equilibrium area is the spill rate over the boil-off flux. A bund
// stops it growing: once the bund floor has cooled, the pool boils off more slowly than it is fed.
import type { Release } from '../../../contract/incident.js';
import type { FlammableResult } from '../../../contract/result.js';
import type { Substance } from '../../../contract/substances.js';
import { REFERENCE_AMBIENT_K } from './releaseTemperature.js';

const KELVIN_OFFSET = 273.15;
/** LNG taken as methane: its heat of vaporisation at the normal boiling point, 510.83 kJ/kg (CoolProp 8.0.0's methane,
 *  Setzmann & Wagner 1991, run here; docs/validation.md, "An LNG pool"). */
export const LNG_HEAT_OF_VAPORISATION_J_PER_KG = 510_830;
/** Liquid methane boiling on water: Chang (1981, MIT ScD thesis) simulated its measured spreading fronts with a
 *  constant boil-off heat flux of 92 kW/m². */
export const METHANE_ON_WATER_HEAT_FLUX_W_PER_M2 = 92_000;
/** Concrete, a bund's floor (no other ground was sourced): Bejan & Kraus (2003), *Heat Transfer Handbook*, as the
 *  worked example cited in docs/validation.md gives them. */
export const CONCRETE_CONDUCTIVITY_W_PER_M_K = 1.28;
export const CONCRETE_DIFFUSIVITY_M2_PER_S = 6.6e-7;
/** A release with no stated end is sized at 60 min, the plume's steady averaging time; a finite one at its end. */
export const OPEN_ENDED_POOL_TIME_S = 3600;

/** Heat conducted into a boiling pool from the ground it has lain on for `elapsedS` (W/m²): a semi-infinite solid whose
 *  surface drops to the liquid's temperature, q = k·ΔT/√(π·α·t) (CCPS 1999, eqs. 2.38–2.39). */
export function groundHeatFluxWPerM2(groundK: number, liquidK: number, elapsedS: number): number {
  return (CONCRETE_CONDUCTIVITY_W_PER_M_K * (groundK - liquidK)) / Math.sqrt(Math.PI * CONCRETE_DIFFUSIVITY_M2_PER_S * elapsedS);
}

/** The area over which a pool boiling off at `fluxKgPerM2PerS` vaporises `rateKgPerS`. */
export const equilibriumPoolAreaM2 = (rateKgPerS: number, fluxKgPerM2PerS: number): number => rateKgPerS / fluxKgPerM2PerS;

export const radiusOfAreaM = (areaM2: number): number => Math.sqrt(areaM2 / Math.PI);

/** When a bund of `bundAreaM2` starts to hold back the vapour: the time at which the floor's flux over the whole bund
 *  falls to the spill rate (s); before it, the pool boils off as fast as it is fed. */
export function bundCapsAfterS(rateKgPerS: number, bundAreaM2: number, groundK: number, liquidK: number): number {
  const rootPiAlphaT = (CONCRETE_CONDUCTIVITY_W_PER_M_K * (groundK - liquidK) * bundAreaM2) / (LNG_HEAT_OF_VAPORISATION_J_PER_KG * rateKgPerS);
  return (rootPiAlphaT * rootPiAlphaT) / (Math.PI * CONCRETE_DIFFUSIVITY_M2_PER_S);
}

export interface LngPool {
  surface: 'land' | 'water';
  /** Stated in the incident, or land assumed (the lower flux, the larger pool). */
  surfaceSource: 'stated' | 'assumed';
  /** When the pool is sized (s after the spill began): on land the floor cools and the pool grows; on water it does not. */
  atS: number;
  boilOffFluxKgPerM2PerS: number;
  poolAreaM2: number;
  poolRadiusM: number;
  /** The pool filled the bund: it boils off more slowly than it is fed. */
  confinedByBund: boolean;
  /** The vapour rate at `atS` (kg/s): the spill rate, or less once a bund holds the pool. */
  vapourRateKgPerS: number;
  /** A bund: when it starts to hold back the vapour (s); null when it never does within `atS`, or no bund. */
  bundCapsAfterS: number | null;
  note: string;
}

/** The pool of a refrigerated liquid spilled at `release.rateKgPerS` into air (and onto ground) at `airTemperatureC`
 *  (undefined: 25 °C); null for anything else (a gas, a flashing liquefied gas, a mass at once). */
export function lngPoolOf(substance: Pick<Substance, 'refrigeratedLiquidOf' | 'normalBoilingPointK'>, release: Pick<Release, 'rateKgPerS' | 'durationMin' | 'spillSurface' | 'bundAreaM2'>, airTemperatureC?: number): LngPool | null {
  const liquidK = substance.normalBoilingPointK;
  if (substance.refrigeratedLiquidOf === undefined || liquidK === null || release.rateKgPerS === undefined) return null;
  const rate = release.rateKgPerS;
  const surface = release.spillSurface ?? 'land';
  const surfaceSource = release.spillSurface === undefined ? 'assumed' : 'stated';
  const atS = release.durationMin !== undefined ? release.durationMin * 60 : OPEN_ENDED_POOL_TIME_S;
  if (surface === 'water') {
    const flux = METHANE_ON_WATER_HEAT_FLUX_W_PER_M2 / LNG_HEAT_OF_VAPORISATION_J_PER_KG;
    const area = equilibriumPoolAreaM2(rate, flux);
    return {
      surface, surfaceSource, atS, boilOffFluxKgPerM2PerS: flux, poolAreaM2: area, poolRadiusM: radiusOfAreaM(area), confinedByBund: false,
      vapourRateKgPerS: rate, bundCapsAfterS: null,
      note: `on water, boiling off at ${(flux * 1000).toFixed(0)} g/m²/s (92 kW/m², Chang 1981), the pool spreads until it boils off as fast as it is fed`
        + (release.bundAreaM2 !== undefined ? '; a bund does not hold a spill on water' : ''),
    };
  }
  const groundK = airTemperatureC === undefined ? REFERENCE_AMBIENT_K : airTemperatureC + KELVIN_OFFSET;
  const flux = groundHeatFluxWPerM2(groundK, liquidK, atS) / LNG_HEAT_OF_VAPORISATION_J_PER_KG;
  const unconfinedArea = equilibriumPoolAreaM2(rate, flux);
  const bund = release.bundAreaM2;
  const confined = bund !== undefined && bund < unconfinedArea;
  const area = confined ? bund : unconfinedArea;
  const capsAfterS = bund !== undefined && confined ? bundCapsAfterS(rate, bund, groundK, liquidK) : null;
  const where = `on ${surfaceSource === 'assumed' ? 'land (assumed: the slower boil-off, the larger pool)' : 'land'}, concrete at ${(groundK - KELVIN_OFFSET).toFixed(0)} °C cooling under the pool (boil-off ${(flux * 1000).toFixed(1)} g/m²/s after ${Math.round(atS / 60)} min)`;
  return {
    surface, surfaceSource, atS, boilOffFluxKgPerM2PerS: flux, poolAreaM2: area, poolRadiusM: radiusOfAreaM(area), confinedByBund: confined,
    vapourRateKgPerS: confined ? flux * area : rate, bundCapsAfterS: capsAfterS,
    note: confined
      ? `${where}: the ${bund} m² bund holds the pool; it boils off as fast as it is fed for the first ${Math.round(capsAfterS!)} s, then more slowly as the floor cools`
      : `${where}: the pool spreads until it boils off as fast as it is fed`,
  };
}

export const LNG_POOL_METHOD = 'equilibrium pool: area = spill rate / boil-off flux; on water a constant 92 kW/m² (Chang 1981, liquid methane on water); on land conduction from concrete cooling under the pool, q = k·ΔT/√(π·α·t) (CCPS 1999), at the release\'s end or 60 min; no larger than a stated bund';

const round3 = (v: number): number => Math.round(v * 1000) / 1000;

/** What the result says about the pool (contract/result.ts's lngPool). The dispersion keeps the spill rate: an
 *  unconfined pool boils off as fast as it is fed, and a bunded one does so until its floor cools, so the spill rate
 *  is the pool's highest vapour rate. */
export function lngPoolSummary(pool: LngPool, rateKgPerS: number): NonNullable<NonNullable<FlammableResult['vapourCloud']>['lngPool']> {
  return {
    method: LNG_POOL_METHOD,
    surface: pool.surface, surfaceSource: pool.surfaceSource, atMin: round3(pool.atS / 60),
    boilOffFluxKgPerM2PerS: Math.round(pool.boilOffFluxKgPerM2PerS * 1e5) / 1e5,
    poolAreaM2: round3(pool.poolAreaM2), poolRadiusM: round3(pool.poolRadiusM),
    confinedByBund: pool.confinedByBund, vapourRateKgPerS: round3(pool.vapourRateKgPerS),
    bundCapsAfterS: pool.bundCapsAfterS === null ? null : round3(pool.bundCapsAfterS),
    note: pool.note,
    dispersionRateKgPerS: rateKgPerS,
    dispersionNote: pool.confinedByBund
      ? `the dispersion takes the spill rate, the pool's highest vapour rate (until ${Math.round(pool.bundCapsAfterS!)} s): the bund lowers it to ${round3(pool.vapourRateKgPerS)} kg/s by ${Math.round(pool.atS / 60)} min`
      : 'the dispersion takes the spill rate: the pool boils off as fast as it is fed',
  };
}
