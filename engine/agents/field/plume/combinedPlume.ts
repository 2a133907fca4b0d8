// A heavier-than-air release near the source: the Britter–McQuaid workbook where it applies, handed over
// to a Gaussian plume from a virtual source where its curves end, and never less than the Gaussian plume
// itself (docs/physics.md, "Dense gas near the source"). Each distance says which model made it.
import { briggsSigmas } from './dispersion.js';
import { atAmbientTemperature, atGroundLevel, centrelinePpm, concentrationPpm, fallingToLevelM, MAX_DISTANCE_M, MIN_WIND_MPS, outlineOfHalfWidths, thresholdDistanceM, widestOfHalfWidthsM, type PlumeSource } from './gaussianPlume.js';
import {
  britterMcQuaidPlume, CONTINUOUS_DURATION_FACTOR, curveRatioOf, DENSE_GAS_CRITERION, distanceForRatioM,
  fartherOf, isDense, MAX_RATIO, MIN_RATIO, ratioAtM, ratioOfCurve, releaseThermal, type DenseGasPlume, type ReleaseThermal,
} from './denseGas.js';

/** Which model made a distance: the Gaussian plume, the workbook's curves, or the Gaussian from the virtual source. */
export type DistanceModel = 'gaussian' | 'dense-gas' | 'gaussian-after-dense-gas';
/** The workbook's trials (Thorney Island, Burro, Maplin Sands…) were ground-level releases. */
export const GROUND_RELEASE_MAX_HEIGHT_M = 1;
const PPM_PER_FRACTION = 1e6;

export interface DenseGasHandover {
  plume: DenseGasPlume;
  /** Where the curves end (Cm/C0 = 0.002) and the Gaussian from the virtual source takes over (m). */
  handoverM: number;
  /** The distance at which a ground-level Gaussian plume alone falls to the handover concentration (m). */
  virtualSourceGaussianM: number;
}

/** The dense-gas check's outcome, for the UI to say in its own language (the result's `check`). */
export type DenseGasCheck = 'not-heavier-than-air' | 'elevated-release' | 'passive' | 'short-release' | 'dense';

export interface CombinedPlume {
  source: PlumeSource;
  /** The gas's and the air's temperatures and densities near the source (25 °C unless a liquefied gas flashes). */
  thermal: ReleaseThermal;
  /** Null when the dense-gas model does not apply; `check` and `reason` then say why. */
  dense: DenseGasHandover | null;
  check: DenseGasCheck;
  reason: string;
  /** A cold release's twin with its vapour at the air's temperature: the vapour's lies between its boiling point and the air's, and
   *  the workbook's distances are not monotone in it, so the dense side is the farther of the two ends
   *  (docs/physics.md, "A liquefied gas's cold release"). Absent when the gas does not flash. */
  atAmbient?: CombinedPlume;
}

/** Decides whether the dense-gas model applies to this release (the workbook's own criteria) and sets up the handover;
 *  a cold release also sets up its twin at the air's temperature. */
export function combinedPlume(source: PlumeSource): CombinedPlume {
  const atRelease = plumeAtItsTemperature(source);
  if (!atRelease.thermal.nonIsothermal) return atRelease;
  return { source: atRelease.source, thermal: atRelease.thermal, dense: atRelease.dense, check: atRelease.check, reason: atRelease.reason, atAmbient: plumeAtItsTemperature(atAmbientTemperature(source)) };
}

function plumeAtItsTemperature(source: PlumeSource): CombinedPlume {
  const u = Math.max(source.windSpeedMps, MIN_WIND_MPS);
  const thermal = releaseThermal(source.molarMassGPerMol, source.releaseTemperatureK, source.ambientTemperatureK);
  if (thermal.gasDensityKgPerM3 <= thermal.airDensityKgPerM3) return { source, thermal, dense: null, check: 'not-heavier-than-air', reason: 'not heavier than air' };
  if (source.heightM > GROUND_RELEASE_MAX_HEIGHT_M) return { source, thermal, dense: null, check: 'elevated-release', reason: `released at ${source.heightM} m, above ground level (the workbook covers ground-level releases)` };
  const plume = britterMcQuaidPlume(source.rateKgPerS, u, thermal.gasDensityKgPerM3, thermal.airDensityKgPerM3);
  if (!isDense(plume)) return { source, thermal, dense: null, check: 'passive', reason: `(g0'·q0/u³D)^⅓ = ${plume.criterion.toFixed(3)} < ${DENSE_GAS_CRITERION}: disperses passively` };
  const handoverM = distanceForRatioM(plume, MIN_RATIO);
  if (source.releaseDurationMin !== undefined && u * source.releaseDurationMin * 60 < CONTINUOUS_DURATION_FACTOR * handoverM) {
    return { source, thermal, dense: null, check: 'short-release', reason: `a ${source.releaseDurationMin}-min release is not a continuous plume out to ${Math.round(handoverM)} m (u·T < 2.5·x)` };
  }
  const ground = atGroundLevel(source, u);
  // The curves' last ratio stands for a higher concentration at ambient temperature when the release is cold.
  const virtualSourceGaussianM = groundDistanceForPpmM(ground, ratioOfCurve(thermal, MIN_RATIO) * PPM_PER_FRACTION);
  return { source, thermal, dense: { plume, handoverM, virtualSourceGaussianM }, check: 'dense', reason: 'dense gas near the source' };
}

/** Where a ground-level Gaussian plume falls to `ppm` (m, MIN_DISTANCE_M … MAX_DISTANCE_M): it runs twice for every
 *  ensemble member of a cold heavy gas, hence the centreline function and fallingToLevelM's few evaluations. */
export function groundDistanceForPpmM(ground: PlumeSource, ppm: number): number {
  return fallingToLevelM(centrelinePpm(ground), ppm);
}

/** The dense side alone: the curves up to the handover, then the ground-level Gaussian shifted to the virtual source
 *  (a cold release: the larger of it and its twin's at the air's temperature). */
function denseSidePpm(combined: CombinedPlume, downwindM: number): number {
  const atAmbientPpm = combined.atAmbient ? denseSidePpm(combined.atAmbient, downwindM) : 0;
  return Math.max(atAmbientPpm, denseSideAtItsTemperaturePpm(combined, downwindM));
}

function denseSideAtItsTemperaturePpm(combined: CombinedPlume, downwindM: number): number {
  const dense = combined.dense;
  if (!dense) return 0;
  if (downwindM <= dense.handoverM) return ratioOfCurve(combined.thermal, ratioAtM(dense.plume, downwindM) ?? MAX_RATIO) * PPM_PER_FRACTION;
  return concentrationPpm(atGroundLevel(combined.source), downwindM - dense.handoverM + dense.virtualSourceGaussianM);
}

/** Centreline concentration (ppm): the larger of the dense side and the Gaussian plume. */
export function combinedConcentrationPpm(combined: CombinedPlume, downwindM: number): number {
  return Math.max(concentrationPpm(combined.source, downwindM), denseSidePpm(combined, downwindM));
}

/** Farthest distance (m) where the dense side reaches `ppm` (0 when the workbook gives none, above 10 % gas);
 *  null when the dense-gas model does not apply. A cold release: the farther of it and its twin at the air's temperature. */
export function denseSideThresholdM(combined: CombinedPlume, ppm: number, groundGaussianM?: number): { distanceM: number; model: DistanceModel } | null {
  const cold = denseSideAtItsTemperatureM(combined, ppm, groundGaussianM);
  const warm = combined.atAmbient ? denseSideAtItsTemperatureM(combined.atAmbient, ppm, groundGaussianM) : null;
  return fartherOf(cold, warm);
}

function denseSideAtItsTemperatureM(combined: CombinedPlume, ppm: number, groundGaussianM?: number): { distanceM: number; model: DistanceModel } | null {
  const dense = combined.dense;
  if (!dense) return null;
  const ratio = curveRatioOf(combined.thermal, ppm / PPM_PER_FRACTION);
  if (ratio > MAX_RATIO) return { distanceM: 0, model: 'dense-gas' };
  if (ratio >= MIN_RATIO) return { distanceM: Math.min(MAX_DISTANCE_M, distanceForRatioM(dense.plume, ratio)), model: 'dense-gas' };
  // `groundGaussianM`: the caller's Gaussian distance when the source is already at ground level.
  const gaussianM = groundGaussianM ?? thresholdDistanceM(atGroundLevel(combined.source), ppm);
  const shiftedM = gaussianM >= MAX_DISTANCE_M ? MAX_DISTANCE_M : dense.handoverM + gaussianM - dense.virtualSourceGaussianM;
  return { distanceM: Math.min(MAX_DISTANCE_M, Math.max(dense.handoverM, shiftedM)), model: 'gaussian-after-dense-gas' };
}

/** Threshold distance of `ppm` and the model that made it: the farther of the Gaussian plume and the dense side. */
export function combinedThresholdM(combined: CombinedPlume, ppm: number): { distanceM: number; model: DistanceModel } {
  const gaussianM = thresholdDistanceM(combined.source, ppm);
  const dense = denseSideThresholdM(combined, ppm, combined.source.heightM === 0 ? gaussianM : undefined);
  return dense && dense.distanceM > gaussianM ? dense : { distanceM: gaussianM, model: 'gaussian' };
}

/** Half-width (m) above `ppm` at `downwindM`: the Gaussian's crosswind spread around the combined centreline. */
export function combinedHalfWidthM(combined: CombinedPlume, ppm: number, downwindM: number): number {
  const c0 = combinedConcentrationPpm(combined, downwindM);
  if (c0 <= ppm) return 0;
  return briggsSigmas(downwindM, combined.source.stability, combined.source.terrain).sigmaYM * Math.sqrt(2 * Math.log(c0 / ppm));
}

/** The footprint above `ppm` as [downwind m, half-width m] pairs (as gaussianPlume.footprintOutline). */
export function combinedFootprint(combined: CombinedPlume, ppm: number, downwindM: number, points = 24): Array<[number, number]> {
  return outlineOfHalfWidths((x) => combinedHalfWidthM(combined, ppm, x), downwindM, points);
}

/** Widest crosswind extent (m, both sides) above `ppm` up to `downwindM`. */
export function combinedMaxWidthM(combined: CombinedPlume, ppm: number, downwindM: number): number {
  return widestOfHalfWidthsM((x) => combinedHalfWidthM(combined, ppm, x), downwindM);
}

/** What the result says about the dense-gas check; null for a gas not heavier than air (nothing to say). */
export function denseGasSummary(combined: CombinedPlume): { applies: boolean; check: DenseGasCheck; reason: string; criterion: number | null; alpha: number | null; sourceScaleM: number | null; handoverM: number | null } | null {
  const thermal = combined.thermal;
  if (thermal.gasDensityKgPerM3 <= thermal.airDensityKgPerM3) return null;
  const plume = combined.dense?.plume ?? britterMcQuaidPlume(combined.source.rateKgPerS, Math.max(combined.source.windSpeedMps, MIN_WIND_MPS), thermal.gasDensityKgPerM3, thermal.airDensityKgPerM3);
  const round3 = (v: number) => Math.round(v * 1000) / 1000;
  return {
    applies: combined.dense !== null,
    check: combined.check,
    reason: combined.reason,
    criterion: round3(plume.criterion),
    alpha: round3(plume.alpha),
    sourceScaleM: round3(plume.sourceScaleM),
    handoverM: combined.dense ? Math.round(combined.dense.handoverM) : null,
  };
}
