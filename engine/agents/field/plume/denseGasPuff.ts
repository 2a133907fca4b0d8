// Dense-gas puff near the source: the Britter–McQuaid (1988) workbook's correlation for an instantaneous
// ground-level release of a gas heavier than air (R. E. Britter & J. McQuaid, "Workbook on the Dispersion
// of Dense Gases", HSE Contract Research Report 17/1988), as CCPS (1999), "Guidelines for Consequence
// Analysis of Chemical Releases", gives its curves (docs/physics.md, "Instantaneous releases";
// docs/validation.md checks it).
//
//   V0 = M / ρ0 (m³ of gas)    g0' = g·(ρ0 − ρa) / ρa (m/s²)
//   dense-gas criterion:  (g0'·V0^(1/3))^(1/2) / u ≥ 0.20
//   α = ½·lg(g0'·V0^(1/3) / u²)    β = lg(x / V0^(1/3))    the curves give β at Cm/C0 = 0.1 … 0.001
//
// u is the 10-m wind, x the distance the cloud has travelled, Cm/C0 the highest volume fraction in the
// cloud there. The gas is taken at 25 °C, as for the continuous plume (denseGas.ts).
import { AIR_DENSITY_KG_PER_M3, betaOnCurve, GRAVITY_MPS2, type Curve } from './denseGas.js';

/** Britter & McQuaid (1988): below this the instantaneous release disperses passively. */
export const DENSE_PUFF_CRITERION = 0.2;

/** β = slope·α + intercept on each α segment (the last one runs to α = 1), the workbook's instantaneous
 *  curves as CCPS (1999) fits them (the same values as GasDispersion.jl's britter_mcquaid_puff tests). */
export const BRITTER_MCQUAID_PUFF_CURVES: readonly Curve[] = [
  { ratio: 0.1, segments: [{ upToAlpha: -0.44, slope: 0, intercept: 0.7 }, { upToAlpha: 0.43, slope: 0.26, intercept: 0.81 }, { upToAlpha: 1, slope: 0, intercept: 0.93 }] },
  { ratio: 0.05, segments: [{ upToAlpha: -0.56, slope: 0, intercept: 0.85 }, { upToAlpha: 0.31, slope: 0.26, intercept: 1 }, { upToAlpha: 1, slope: -0.12, intercept: 1.12 }] },
  { ratio: 0.02, segments: [{ upToAlpha: -0.66, slope: 0, intercept: 0.95 }, { upToAlpha: 0.32, slope: 0.36, intercept: 1.19 }, { upToAlpha: 1, slope: -0.26, intercept: 1.38 }] },
  { ratio: 0.01, segments: [{ upToAlpha: -0.71, slope: 0, intercept: 1.15 }, { upToAlpha: 0.37, slope: 0.34, intercept: 1.39 }, { upToAlpha: 1, slope: -0.38, intercept: 1.66 }] },
  { ratio: 0.005, segments: [{ upToAlpha: -0.52, slope: 0, intercept: 1.48 }, { upToAlpha: 0.24, slope: 0.26, intercept: 1.62 }, { upToAlpha: 1, slope: -0.3, intercept: 1.75 }] },
  { ratio: 0.002, segments: [{ upToAlpha: 0.27, slope: 0, intercept: 1.83 }, { upToAlpha: 1, slope: -0.32, intercept: 1.92 }] },
  { ratio: 0.001, segments: [{ upToAlpha: -0.1, slope: 0, intercept: 2.075 }, { upToAlpha: 1, slope: -0.27, intercept: 2.05 }] },
];
export const PUFF_MAX_RATIO = BRITTER_MCQUAID_PUFF_CURVES[0]!.ratio;
export const PUFF_MIN_RATIO = BRITTER_MCQUAID_PUFF_CURVES[BRITTER_MCQUAID_PUFF_CURVES.length - 1]!.ratio;

export interface DenseGasPuff {
  gasDensityKgPerM3: number;
  reducedGravityMps2: number;
  volumeM3: number;
  /** V0^(1/3), the cloud's length scale (m). */
  sourceScaleM: number;
  /** (g0'·V0^(1/3))^(1/2) / u; dense when ≥ 0.20. */
  criterion: number;
  alpha: number;
  /** β of each curve at this α, from Cm/C0 = 0.1 down to 0.001. */
  betas: Array<{ ratio: number; beta: number }>;
}

/** The workbook's parameters of `massKg` released at once as gas of density `releaseDensityKgPerM3`. */
export function britterMcQuaidPuff(massKg: number, windSpeedMps: number, releaseDensityKgPerM3: number, airDensityKgPerM3 = AIR_DENSITY_KG_PER_M3): DenseGasPuff {
  const rho0 = releaseDensityKgPerM3;
  const reducedGravityMps2 = (GRAVITY_MPS2 * (rho0 - airDensityKgPerM3)) / airDensityKgPerM3;
  const volumeM3 = massKg / rho0;
  const sourceScaleM = Math.cbrt(volumeM3);
  const buoyancy = reducedGravityMps2 * sourceScaleM;
  const criterion = reducedGravityMps2 > 0 ? Math.sqrt(buoyancy) / windSpeedMps : 0;
  const alpha = reducedGravityMps2 > 0 ? 0.5 * Math.log10(buoyancy / windSpeedMps ** 2) : -Infinity;
  const betas = BRITTER_MCQUAID_PUFF_CURVES.map((c) => ({ ratio: c.ratio, beta: betaOnCurve(c, alpha) }));
  return { gasDensityKgPerM3: rho0, reducedGravityMps2, volumeM3, sourceScaleM, criterion, alpha, betas };
}

export const isDensePuff = (puff: DenseGasPuff): boolean => puff.criterion >= DENSE_PUFF_CRITERION;
