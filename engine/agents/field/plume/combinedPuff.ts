// An instantaneous release of a gas heavier than air near the source: the Britter–McQuaid workbook's puff
// curves where they apply, handed over to a Gaussian puff from a virtual source where they end, and never
// less than the Gaussian puff itself: the instantaneous counterpart of combinedPlume.ts (docs/physics.md,
// "Instantaneous releases"). Each distance says which model made it.
import { curveRatioOf, distanceForRatioM, fartherOf, ratioAtM, ratioOfCurve, releaseThermal, type ReleaseThermal } from './denseGas.js';
import { britterMcQuaidPuff, DENSE_PUFF_CRITERION, isDensePuff, PUFF_MAX_RATIO, PUFF_MIN_RATIO, type DenseGasPuff } from './denseGasPuff.js';
import { fallingToLevelM, farthestAtLeastM, MAX_DISTANCE_M, MIN_WIND_MPS, outlineOfHalfWidths, widestOfHalfWidthsM } from './gaussianPlume.js';
import { puffAtAmbientTemperature, puffAtGroundLevel, puffHalfWidthM, puffPeakPpm, type PuffSource } from './gaussianPuff.js';
import { GROUND_RELEASE_MAX_HEIGHT_M, type DenseGasCheck } from './combinedPlume.js';

/** Which model made a distance of an instantaneous release. */
export type PuffDistanceModel = 'gaussian-puff' | 'dense-gas-puff' | 'gaussian-puff-after-dense-gas';
const PPM_PER_FRACTION = 1e6;

export interface CombinedPuff {
  source: PuffSource;
  /** The gas's and the air's temperatures and densities near the source (25 °C unless a liquefied gas flashes). */
  thermal: ReleaseThermal;
  /** Null when the workbook does not apply; `check` and `reason` say why. */
  dense: { puff: DenseGasPuff; handoverM: number; virtualSourceM: number } | null;
  check: Exclude<DenseGasCheck, 'short-release'>;
  reason: string;
  /** A cold release's twin at the air's temperature, as CombinedPlume's (the dense side is the farther of the two); absent when the gas does not flash. */
  atAmbient?: CombinedPuff;
}

export function combinedPuff(source: PuffSource): CombinedPuff {
  const atRelease = puffAtItsTemperature(source);
  if (!atRelease.thermal.nonIsothermal) return atRelease;
  return { source: atRelease.source, thermal: atRelease.thermal, dense: atRelease.dense, check: atRelease.check, reason: atRelease.reason, atAmbient: puffAtItsTemperature(puffAtAmbientTemperature(source)) };
}

function puffAtItsTemperature(source: PuffSource): CombinedPuff {
  const u = Math.max(source.windSpeedMps, MIN_WIND_MPS);
  const thermal = releaseThermal(source.molarMassGPerMol, source.releaseTemperatureK, source.ambientTemperatureK);
  if (thermal.gasDensityKgPerM3 <= thermal.airDensityKgPerM3) return { source, thermal, dense: null, check: 'not-heavier-than-air', reason: 'not heavier than air' };
  if (source.heightM > GROUND_RELEASE_MAX_HEIGHT_M) return { source, thermal, dense: null, check: 'elevated-release', reason: `released at ${source.heightM} m, above ground level (the workbook covers ground-level releases)` };
  const puff = britterMcQuaidPuff(source.massKg, u, thermal.gasDensityKgPerM3, thermal.airDensityKgPerM3);
  if (!isDensePuff(puff)) return { source, thermal, dense: null, check: 'passive', reason: `(g0'·V0^⅓)^½/u = ${puff.criterion.toFixed(3)} < ${DENSE_PUFF_CRITERION}: disperses passively` };
  const handoverM = distanceForRatioM(puff, PUFF_MIN_RATIO);
  // The curves' last ratio stands for a higher concentration at ambient temperature when the release is cold.
  const virtualSourceM = groundPuffDistanceForPpmM(puffAtGroundLevel(source, u), ratioOfCurve(thermal, PUFF_MIN_RATIO) * PPM_PER_FRACTION);
  return { source, thermal, dense: { puff, handoverM, virtualSourceM }, check: 'dense', reason: 'dense gas near the source' };
}

/** Where a ground-level Gaussian puff's peak falls to `ppm` (it only falls with distance). */
function groundPuffDistanceForPpmM(ground: PuffSource, ppm: number): number {
  return fallingToLevelM((x) => puffPeakPpm(ground, x), ppm);
}

/** The dense side alone (a cold release: the larger of it and its twin's at the air's temperature). */
function denseSidePpm(combined: CombinedPuff, downwindM: number): number {
  const atAmbientPpm = combined.atAmbient ? denseSidePpm(combined.atAmbient, downwindM) : 0;
  return Math.max(atAmbientPpm, denseSideAtItsTemperaturePpm(combined, downwindM));
}

function denseSideAtItsTemperaturePpm(combined: CombinedPuff, downwindM: number): number {
  const dense = combined.dense;
  if (!dense) return 0;
  if (downwindM <= dense.handoverM) return ratioOfCurve(combined.thermal, ratioAtM(dense.puff, downwindM) ?? PUFF_MAX_RATIO) * PPM_PER_FRACTION;
  return puffPeakPpm(puffAtGroundLevel(combined.source), downwindM - dense.handoverM + dense.virtualSourceM);
}

/** Peak concentration (ppm) as the cloud passes `downwindM`: the larger of the dense side and the Gaussian puff. */
export function combinedPuffPeakPpm(combined: CombinedPuff, downwindM: number): number {
  return Math.max(puffPeakPpm(combined.source, downwindM), denseSidePpm(combined, downwindM));
}

/** Threshold distance of `ppm` and the model that made it: the farther of the Gaussian puff and the dense side. */
export function combinedPuffThresholdM(combined: CombinedPuff, ppm: number): { distanceM: number; model: PuffDistanceModel } {
  const gaussianM = farthestAtLeastM((x) => puffPeakPpm(combined.source, x), ppm);
  const cold = densePuffSideM(combined, ppm, gaussianM);
  const warm = combined.atAmbient ? densePuffSideM(combined.atAmbient, ppm, gaussianM) : null;
  const denseSide = fartherOf(cold, warm);
  return denseSide && denseSide.distanceM > gaussianM ? denseSide : { distanceM: gaussianM, model: 'gaussian-puff' };
}

/** The dense side's distance to `ppm` at the puff's own temperature; null when the workbook does not apply. */
function densePuffSideM(combined: CombinedPuff, ppm: number, gaussianM: number): { distanceM: number; model: PuffDistanceModel } | null {
  const dense = combined.dense;
  if (!dense) return null;
  const ratio = curveRatioOf(combined.thermal, ppm / PPM_PER_FRACTION);
  if (ratio > PUFF_MAX_RATIO) return { distanceM: 0, model: 'dense-gas-puff' };
  if (ratio >= PUFF_MIN_RATIO) return { distanceM: Math.min(MAX_DISTANCE_M, distanceForRatioM(dense.puff, ratio)), model: 'dense-gas-puff' };
  const ground = puffAtGroundLevel(combined.source);
  const groundM = combined.source.heightM === 0 ? gaussianM : farthestAtLeastM((x) => puffPeakPpm(ground, x), ppm);
  const shiftedM = groundM >= MAX_DISTANCE_M ? MAX_DISTANCE_M : dense.handoverM + groundM - dense.virtualSourceM;
  return { distanceM: Math.min(MAX_DISTANCE_M, Math.max(dense.handoverM, shiftedM)), model: 'gaussian-puff-after-dense-gas' };
}

/** Half-width (m) where the passing peak is above `ppm`: the puff's crosswind spread around the combined axis. */
export function combinedPuffHalfWidthM(combined: CombinedPuff, ppm: number, downwindM: number): number {
  return puffHalfWidthM(combined.source, ppm, downwindM, combinedPuffPeakPpm(combined, downwindM));
}

/** The area the passing cloud covers above `ppm`, as [downwind m, half-width m] pairs. */
export function combinedPuffFootprint(combined: CombinedPuff, ppm: number, downwindM: number, points = 24): Array<[number, number]> {
  return outlineOfHalfWidths((x) => combinedPuffHalfWidthM(combined, ppm, x), downwindM, points);
}

export function combinedPuffMaxWidthM(combined: CombinedPuff, ppm: number, downwindM: number): number {
  return widestOfHalfWidthsM((x) => combinedPuffHalfWidthM(combined, ppm, x), downwindM);
}

/** What the result says about the dense-gas check (as combinedPlume's denseGasSummary); null when not heavier than air. */
export function densePuffSummary(combined: CombinedPuff): { applies: boolean; check: DenseGasCheck; reason: string; criterion: number | null; alpha: number | null; sourceScaleM: number | null; handoverM: number | null; release: 'instantaneous' } | null {
  const thermal = combined.thermal;
  if (thermal.gasDensityKgPerM3 <= thermal.airDensityKgPerM3) return null;
  const puff = combined.dense?.puff ?? britterMcQuaidPuff(combined.source.massKg, Math.max(combined.source.windSpeedMps, MIN_WIND_MPS), thermal.gasDensityKgPerM3, thermal.airDensityKgPerM3);
  const round3 = (v: number) => Math.round(v * 1000) / 1000;
  return {
    applies: combined.dense !== null, check: combined.check, reason: combined.reason,
    criterion: round3(puff.criterion), alpha: round3(puff.alpha), sourceScaleM: round3(puff.sourceScaleM),
    handoverM: combined.dense ? Math.round(combined.dense.handoverM) : null, release: 'instantaneous',
  };
}
