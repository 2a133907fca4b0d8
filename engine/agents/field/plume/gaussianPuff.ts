// Gaussian puff: a mass released at once (a tank rupture, a cylinder failing) travels with the wind as a
// cloud that spreads in all three directions. Ground reflection, receptor at ground level, centre of the
// cloud passing over (CCPS 1999, "Guidelines for Consequence Analysis of Chemical Releases", §2.1.2):
//   peak C(x) = 2·M / ((2π)^(3/2)·σx·σy·σz) · exp(−y²/2σy²) · exp(−H²/2σz²)
//   dose D(x) = ∫C dt = M / (π·u·σy·σz) · exp(−y²/2σy²) · exp(−H²/2σz²)
// The puff's σ's are CCPS (1999) Table 2-13 (after Slade 1968), with σx = σy; they do not distinguish
// urban from rural terrain. The threat distance of a level is where the passing cloud's peak falls to it
// (docs/physics.md, "Instantaneous releases"; docs/validation.md checks it).
import type { StabilityClass } from '../../../contract/taxonomy.js';
import { MIN_WIND_MPS, mgPerM3ToPpm } from './gaussianPlume.js';

/** σ = a·x^b (m, x in m) for each class: CCPS (1999) Table 2-13, instantaneous releases. */
export const PUFF_SIGMAS: Readonly<Record<StabilityClass, { y: readonly [number, number]; z: readonly [number, number] }>> = {
  A: { y: [0.18, 0.92], z: [0.6, 0.75] },
  B: { y: [0.14, 0.92], z: [0.53, 0.73] },
  C: { y: [0.1, 0.92], z: [0.34, 0.71] },
  D: { y: [0.06, 0.92], z: [0.15, 0.7] },
  E: { y: [0.04, 0.92], z: [0.1, 0.65] },
  F: { y: [0.02, 0.89], z: [0.05, 0.61] },
};

export interface PuffSource {
  massKg: number;
  heightM: number;
  windSpeedMps: number;
  stability: StabilityClass;
  molarMassGPerMol: number;
  /** As PlumeSource's: the dense-gas side's temperatures (releaseTemperature.ts); undefined: 25 °C. */
  releaseTemperatureK?: number | undefined;
  ambientTemperatureK?: number | undefined;
}

/** The same source at ground level (and at `windSpeedMps`), written out field by field as gaussianPlume.ts's
 *  atGroundLevel is: one shape for every source keeps the physics' property reads monomorphic. */
export function puffAtGroundLevel(source: PuffSource, windSpeedMps = source.windSpeedMps): PuffSource {
  return {
    massKg: source.massKg, heightM: 0, windSpeedMps, stability: source.stability, molarMassGPerMol: source.molarMassGPerMol,
    releaseTemperatureK: source.releaseTemperatureK, ambientTemperatureK: source.ambientTemperatureK,
  };
}

/** A cold release's twin: its vapour warmed to the air's temperature (25 °C when the incident gives none). */
export function puffAtAmbientTemperature(source: PuffSource): PuffSource {
  return {
    massKg: source.massKg, heightM: source.heightM, windSpeedMps: source.windSpeedMps, stability: source.stability, molarMassGPerMol: source.molarMassGPerMol,
    releaseTemperatureK: source.ambientTemperatureK, ambientTemperatureK: source.ambientTemperatureK,
  };
}

export function puffSigmas(downwindM: number, stability: StabilityClass): { sigmaXM: number; sigmaYM: number; sigmaZM: number } {
  const { y, z } = PUFF_SIGMAS[stability];
  const sigmaYM = y[0] * downwindM ** y[1];
  return { sigmaXM: sigmaYM, sigmaYM, sigmaZM: z[0] * downwindM ** z[1] };
}

/** Peak concentration (ppm) as the centre of the cloud passes `downwindM` (at `crosswindM` off its axis). */
export function puffPeakPpm(source: PuffSource, downwindM: number, crosswindM = 0): number {
  if (downwindM <= 0) return 0;
  const { sigmaXM, sigmaYM, sigmaZM } = puffSigmas(downwindM, source.stability);
  const mg = ((2 * source.massKg * 1e6) / ((2 * Math.PI) ** 1.5 * sigmaXM * sigmaYM * sigmaZM))
    * Math.exp(-(crosswindM * crosswindM) / (2 * sigmaYM * sigmaYM))
    * Math.exp(-(source.heightM * source.heightM) / (2 * sigmaZM * sigmaZM));
  return mgPerM3ToPpm(mg, source.molarMassGPerMol);
}

/** Time-integrated concentration on the axis as the whole cloud passes `downwindM` (ppm·min). */
export function puffDosePpmMin(source: PuffSource, downwindM: number): number {
  if (downwindM <= 0) return 0;
  const { sigmaYM, sigmaZM } = puffSigmas(downwindM, source.stability);
  const u = Math.max(source.windSpeedMps, MIN_WIND_MPS);
  const mgSPerM3 = ((source.massKg * 1e6) / (Math.PI * u * sigmaYM * sigmaZM)) * Math.exp(-(source.heightM * source.heightM) / (2 * sigmaZM * sigmaZM));
  return mgPerM3ToPpm(mgSPerM3, source.molarMassGPerMol) / 60;
}

/** How long the cloud takes to pass (min): dose over peak, √(2π)·σx / u, the length of a square pulse with
 *  the same peak and dose. What the peak is compared over (docs/physics.md, "Instantaneous releases"). */
export function puffPassageMin(source: PuffSource, downwindM: number): number {
  const { sigmaXM } = puffSigmas(Math.max(downwindM, 1), source.stability);
  return (Math.sqrt(2 * Math.PI) * sigmaXM) / Math.max(source.windSpeedMps, MIN_WIND_MPS) / 60;
}

/** Crosswind half-width (m) where the passing peak is at least `ppm`, at `downwindM`. */
export function puffHalfWidthM(source: PuffSource, ppm: number, downwindM: number, axisPpm = puffPeakPpm(source, downwindM)): number {
  if (axisPpm <= ppm) return 0;
  return puffSigmas(downwindM, source.stability).sigmaYM * Math.sqrt(2 * Math.log(axisPpm / ppm));
}
