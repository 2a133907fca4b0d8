// Gaussian plume with total ground reflection, receptor at ground level:
//   C(x, y) = Q / (π·u·σy·σz) · exp(−y² / 2σy²) · exp(−H² / 2σz²)        (Turner 1970, eq. 5.8)
// A release of finite duration T is a cloud u·T long that spreads along the wind as it travels; its peak
// at x is the steady value times erf(u·T / (2√2·σx)) (Palazzi et al. 1982, Atmos. Environ. 16:2785,
// with σx = σy as they take it): near the source a long release looks continuous, far away it thins.
// Threat distance for a level = the farthest downwind x where the centreline reaches it (as ALOHA reports).
import type { StabilityClass } from '../../../contract/taxonomy.js';
import { erf } from '../../../numeric/erf.js';
import { briggsFormulas, briggsSigmas, type Terrain } from './dispersion.js';

/** ppm ↔ mg/m³ at 25 °C and 1 atm: mg/m³ = ppm · M / 24.45 (molar volume 24.45 L). */
export const MOLAR_VOLUME_L = 24.45;
export const ppmToMgPerM3 = (ppm: number, molarMassGPerMol: number): number => (ppm * molarMassGPerMol) / MOLAR_VOLUME_L;
export const mgPerM3ToPpm = (mg: number, molarMassGPerMol: number): number => (mg * MOLAR_VOLUME_L) / molarMassGPerMol;

export interface PlumeSource {
  rateKgPerS: number;
  heightM: number;
  windSpeedMps: number;
  stability: StabilityClass;
  terrain: Terrain;
  molarMassGPerMol: number;
  /** A release that stops after this long; undefined: continuous. */
  releaseDurationMin?: number | undefined;
  /** The gas's and the air's temperatures near the source (releaseTemperature.ts), for the dense-gas side
   *  only; undefined: 25 °C. The Gaussian takes the cloud warmed to ambient. */
  releaseTemperatureK?: number | undefined;
  ambientTemperatureK?: number | undefined;
}

/** The same source at ground level (and at `windSpeedMps`), written out field by field: the dense side makes
 *  several per ensemble member, and an object spread costs more than the arithmetic around it. */
export function atGroundLevel(source: PlumeSource, windSpeedMps = source.windSpeedMps): PlumeSource {
  return {
    rateKgPerS: source.rateKgPerS, heightM: 0, windSpeedMps, stability: source.stability, terrain: source.terrain,
    molarMassGPerMol: source.molarMassGPerMol, releaseDurationMin: source.releaseDurationMin,
    releaseTemperatureK: source.releaseTemperatureK, ambientTemperatureK: source.ambientTemperatureK,
  };
}

/** A cold release's twin: the same release with its vapour warmed to the air's temperature (25 °C when the
 *  incident gives none), written out as atGroundLevel is (docs/physics.md, "A liquefied gas's cold release"). */
export function atAmbientTemperature(source: PlumeSource): PlumeSource {
  return {
    rateKgPerS: source.rateKgPerS, heightM: source.heightM, windSpeedMps: source.windSpeedMps, stability: source.stability, terrain: source.terrain,
    molarMassGPerMol: source.molarMassGPerMol, releaseDurationMin: source.releaseDurationMin,
    releaseTemperatureK: source.ambientTemperatureK, ambientTemperatureK: source.ambientTemperatureK,
  };
}

/** The model is not meaningful in calm air; ALOHA also refuses winds below 1 m/s. */
export const MIN_WIND_MPS = 1;
export const MIN_DISTANCE_M = 10;
/** Like ALOHA, no threat distance is reported beyond 10 km, the range of the Briggs fits. */
export const MAX_DISTANCE_M = 10_000;

export function concentrationPpm(source: PlumeSource, downwindM: number, crosswindM = 0): number {
  if (downwindM <= 0) return 0;
  const { sigmaYM, sigmaZM } = briggsSigmas(downwindM, source.stability, source.terrain);
  const u = Math.max(source.windSpeedMps, MIN_WIND_MPS);
  const qMgPerS = source.rateKgPerS * 1e6;
  const mg = (qMgPerS / (Math.PI * u * sigmaYM * sigmaZM))
    * Math.exp(-(crosswindM * crosswindM) / (2 * sigmaYM * sigmaYM))
    * Math.exp(-(source.heightM * source.heightM) / (2 * sigmaZM * sigmaZM))
    * finiteReleasePeakFactor(source, u, sigmaYM);
  return mgPerM3ToPpm(mg, source.molarMassGPerMol);
}

/**
 * The centreline concentration (ppm) as a function of downwind distance: concentrationPpm with no crosswind
 * offset, with the source's constants and its σ formulas taken once. The threshold searches evaluate it dozens
 * of times per source (for every ensemble member), so it does no per-call lookups or allocations; the
 * arithmetic is concentrationPpm's (its crosswind factor is exactly 1 on the centreline).
 */
export function centrelinePpm(source: PlumeSource): (downwindM: number) => number {
  const sigma = briggsFormulas(source.stability, source.terrain);
  const u = Math.max(source.windSpeedMps, MIN_WIND_MPS);
  const qMgPerS = source.rateKgPerS * 1e6;
  const heightM = source.heightM;
  const cloudLengthM = source.releaseDurationMin === undefined ? undefined : u * source.releaseDurationMin * 60;
  const molarMassGPerMol = source.molarMassGPerMol;
  return (downwindM) => {
    if (downwindM <= 0) return 0;
    const sigmaYM = sigma.y(downwindM);
    const sigmaZM = sigma.z(downwindM);
    let mg = (qMgPerS / (Math.PI * u * sigmaYM * sigmaZM)) * Math.exp(-(heightM * heightM) / (2 * sigmaZM * sigmaZM));
    if (cloudLengthM !== undefined) mg *= erf(cloudLengthM / (2 * Math.SQRT2 * sigmaYM));
    return mgPerM3ToPpm(mg, molarMassGPerMol);
  };
}

/** Peak over steady concentration for a finite release (Palazzi et al. 1982, centre of the cloud); 1 when continuous. */
function finiteReleasePeakFactor(source: PlumeSource, windMps: number, sigmaXM: number): number {
  if (source.releaseDurationMin === undefined) return 1;
  const cloudLengthM = windMps * source.releaseDurationMin * 60;
  return erf(cloudLengthM / (2 * Math.SQRT2 * sigmaXM));
}

/** Farthest downwind distance (m) where the centreline concentration is at least `ppm`; 0 if never. */
export function thresholdDistanceM(source: PlumeSource, ppm: number): number {
  return farthestAtLeastM(centrelinePpm(source), ppm);
}

/** Farthest distance (m, MIN_DISTANCE_M … MAX_DISTANCE_M) where `valueAt` is at least `level`; 0 if never.
 *  Any centreline model (plume or puff) uses it. */
export function farthestAtLeastM(valueAt: (downwindM: number) => number, level: number): number {
  // Scan a log grid from far to near for the last point above the level, then bisect that interval.
  // A ground release decreases monotonically; an elevated one rises first, so a scan is needed.
  const steps = 48;
  const ratio = (MAX_DISTANCE_M / MIN_DISTANCE_M) ** (1 / steps);
  let far = MAX_DISTANCE_M;
  if (valueAt(far) >= level) return MAX_DISTANCE_M;
  for (let i = steps - 1; i >= 0; i--) {
    const near = MIN_DISTANCE_M * ratio ** i;
    if (valueAt(near) >= level) {
      let lo = near, hi = far;
      for (let k = 0; k < 40 && hi - lo > 0.5; k++) {
        const mid = (lo + hi) / 2;
        if (valueAt(mid) >= level) lo = mid; else hi = mid;
      }
      return lo;
    }
    far = near;
  }
  return 0;
}

/**
 * Where a value that only falls with distance (a ground-level centreline, plume or puff) falls to `level` (m,
 * MIN_DISTANCE_M … MAX_DISTANCE_M). ln C is nearly straight in lg x (the σ's are near power laws), so regula falsi
 * with the Illinois step (Dowell & Jarratt 1971) on ln(C/level) over lg x finds it to about 1e-12 in a handful of
 * evaluations, where a bisection took 26 (docs/performance.md). A step that leaves the bracket (a C that
 * underflows) bisects instead.
 */
export function fallingToLevelM(valueAt: (downwindM: number) => number, level: number): number {
  const excess = (lgX: number) => Math.log(valueAt(10 ** lgX) / level);
  let lo = Math.log10(MIN_DISTANCE_M);
  let hi = Math.log10(MAX_DISTANCE_M);
  let excessLo = excess(lo);
  if (!(excessLo > 0)) return MIN_DISTANCE_M;
  let excessHi = excess(hi);
  if (excessHi >= 0) return MAX_DISTANCE_M;
  let kept: 'lo' | 'hi' | null = null;
  for (let k = 0; k < 60 && hi - lo > 1e-12; k += 1) {
    let t = hi - (excessHi * (hi - lo)) / (excessHi - excessLo);
    if (!(t > lo && t < hi)) t = (lo + hi) / 2;
    const e = excess(t);
    if (Math.abs(e) < 1e-12) return 10 ** t; // C within 1e-12 of the level: x within about 1e-12 of the root
    if (e > 0) {
      lo = t; excessLo = e;
      if (kept === 'hi') excessHi /= 2; // the far end stayed twice: halve it, or the steps creep
      kept = 'hi';
    } else {
      hi = t; excessHi = e;
      if (kept === 'lo') excessLo /= 2;
      kept = 'lo';
    }
  }
  return 10 ** lo;
}

/** Half-width (m) of the area above `ppm` at `downwindM`: where the crosswind Gaussian falls to the level. */
export function halfWidthAtM(source: PlumeSource, ppm: number, downwindM: number): number {
  const c0 = concentrationPpm(source, downwindM);
  if (c0 <= ppm) return 0;
  const { sigmaYM } = briggsSigmas(downwindM, source.stability, source.terrain);
  return sigmaYM * Math.sqrt(2 * Math.log(c0 / ppm));
}

/** The footprint as [downwind m, half-width m] pairs from the source to `downwindM`, denser near the
 *  source where the width changes fastest: the outline responders draw, not a bounding box. Any plume
 *  model gives it from its half-width at a distance. */
export function outlineOfHalfWidths(halfWidthAtM: (downwindM: number) => number, downwindM: number, points = 24): Array<[number, number]> {
  if (downwindM <= 0) return [];
  const outline: Array<[number, number]> = [[0, 0]];
  for (let i = 1; i < points; i++) {
    const x = downwindM * (i / points) ** 1.5;
    outline.push([x, halfWidthAtM(x)]);
  }
  outline.push([downwindM, 0]);
  return outline;
}

/** Widest crosswind extent (m, both sides) searched up to `downwindM`, from a half-width at a distance. */
export function widestOfHalfWidthsM(halfWidthAtM: (downwindM: number) => number, downwindM: number): number {
  if (downwindM <= 0) return 0;
  let widest = 0;
  const samples = 64;
  for (let i = 1; i <= samples; i++) widest = Math.max(widest, 2 * halfWidthAtM((downwindM * i) / samples));
  return widest;
}

/** The footprint above `ppm` as [downwind m, half-width m] pairs (outlineOfHalfWidths). */
export function footprintOutline(source: PlumeSource, ppm: number, downwindM: number, points = 24): Array<[number, number]> {
  return outlineOfHalfWidths((x) => halfWidthAtM(source, ppm, x), downwindM, points);
}

/** Widest crosswind extent (m, both sides) of the area above `ppm`, searched up to `downwindM`. */
export function maxWidthM(source: PlumeSource, ppm: number, downwindM: number): number {
  return widestOfHalfWidthsM((x) => halfWidthAtM(source, ppm, x), downwindM);
}
