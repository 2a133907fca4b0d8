// Dense-gas plume near the source: the Britter–McQuaid (1988) workbook correlations for a continuous
// ground-level release of a gas heavier than air (R. E. Britter & J. McQuaid, "Workbook on the Dispersion
// of Dense Gases", HSE Contract Research Report 17/1988), as digitised in the US EPA's TSCREEN
// (EPA-454/B-94-023, 1994) and given in CCPS (1999), "Guidelines for Consequence Analysis of Chemical
// Releases" (docs/physics.md, "Dense gas near the source"; docs/validation.md checks it).
//
//   q0 = Q / ρ0 (m³/s)    D = √(q0 / u) (m)    g0' = g·(ρ0 − ρa) / ρa (m/s²)
//   dense-gas criterion:  (g0'·q0 / (u³·D))^(1/3) ≥ 0.15
//   α = ⅕·lg(g0'²·q0 / u⁵)    β = lg(x / D)    the workbook's curves give β at Cm/C0 = 0.1 … 0.002
//
// u is the 10-m wind. Cm/C0 is the volume fraction of the released gas on the centreline. The gas is taken
// at 25 °C, or for a liquefied gas's flashing release at its boiling point, the concentrations then read
// through the workbook's non-isothermal correction (releaseTemperature.ts; docs/physics.md).

import { densityAtK, REFERENCE_AMBIENT_K } from './releaseTemperature.js';

export const GRAVITY_MPS2 = 9.81;
/** Dry air at 25 °C and 1 atm: p·M / (R·T) = 101 325 · 0.028965 / (8.314 · 298.15). */
export const AIR_DENSITY_KG_PER_M3 = 1.184;
/** Molar volume at 25 °C and 1 atm (L/mol), as the plume's ppm conversion (gaussianPlume.ts). */
const MOLAR_VOLUME_L = 24.45;
/** Britter & McQuaid (1988): below this the continuous release disperses passively. */
export const DENSE_GAS_CRITERION = 0.15;
/** A continuous plume in the workbook's sense when u·T ≥ 2.5·x at the distance of interest. */
export const CONTINUOUS_DURATION_FACTOR = 2.5;

interface Segment { upToAlpha: number; slope: number; intercept: number }
export interface Curve { ratio: number; segments: Segment[] }
/** A workbook cloud read on its curves: the length scale x is divided by and β = lg(x / scale) of each
 *  curve, from the highest Cm/C0 to the lowest (the continuous plume's D, or the puff's V0^(1/3)). */
export interface OnCurves { sourceScaleM: number; betas: ReadonlyArray<{ ratio: number; beta: number }> }

/** β = slope·α + intercept on each α segment (the last one runs to α = 1), per TSCREEN's digitisation. */
export const BRITTER_MCQUAID_PLUME_CURVES: readonly Curve[] = [
  { ratio: 0.1, segments: [{ upToAlpha: -0.55, slope: 0, intercept: 1.75 }, { upToAlpha: -0.14, slope: 0.24, intercept: 1.88 }, { upToAlpha: 1, slope: -0.5, intercept: 1.78 }] },
  { ratio: 0.05, segments: [{ upToAlpha: -0.68, slope: 0, intercept: 1.92 }, { upToAlpha: -0.29, slope: 0.36, intercept: 2.16 }, { upToAlpha: -0.18, slope: 0, intercept: 2.06 }, { upToAlpha: 1, slope: -0.56, intercept: 1.96 }] },
  { ratio: 0.02, segments: [{ upToAlpha: -0.69, slope: 0, intercept: 2.08 }, { upToAlpha: -0.31, slope: 0.45, intercept: 2.39 }, { upToAlpha: -0.16, slope: 0, intercept: 2.25 }, { upToAlpha: 1, slope: -0.54, intercept: 2.16 }] },
  { ratio: 0.01, segments: [{ upToAlpha: -0.7, slope: 0, intercept: 2.25 }, { upToAlpha: -0.29, slope: 0.49, intercept: 2.59 }, { upToAlpha: -0.2, slope: 0, intercept: 2.45 }, { upToAlpha: 1, slope: -0.52, intercept: 2.35 }] },
  { ratio: 0.005, segments: [{ upToAlpha: -0.67, slope: 0, intercept: 2.4 }, { upToAlpha: -0.28, slope: 0.59, intercept: 2.8 }, { upToAlpha: -0.15, slope: 0, intercept: 2.63 }, { upToAlpha: 1, slope: -0.48, intercept: 2.56 }] },
  { ratio: 0.002, segments: [{ upToAlpha: -0.69, slope: 0, intercept: 2.6 }, { upToAlpha: -0.25, slope: 0.39, intercept: 2.87 }, { upToAlpha: -0.13, slope: 0, intercept: 2.77 }, { upToAlpha: 1, slope: -0.5, intercept: 2.71 }] },
];
export const MAX_RATIO = BRITTER_MCQUAID_PLUME_CURVES[0]!.ratio;
export const MIN_RATIO = BRITTER_MCQUAID_PLUME_CURVES[BRITTER_MCQUAID_PLUME_CURVES.length - 1]!.ratio;
/** The curves were drawn for −1 ≤ α ≤ 1 (TSCREEN); outside, α is held at the nearer end. */
export const ALPHA_RANGE = { min: -1, max: 1 } as const;

/** β on one curve at α (clamped to the curves' range). */
export function betaOnCurve(curve: Curve, alpha: number): number {
  const a = Math.min(ALPHA_RANGE.max, Math.max(ALPHA_RANGE.min, alpha));
  const segment = curve.segments.find((s) => a <= s.upToAlpha) ?? curve.segments[curve.segments.length - 1]!;
  return segment.slope * a + segment.intercept;
}

export interface DenseGasPlume {
  gasDensityKgPerM3: number;
  reducedGravityMps2: number;
  volumeRateM3PerS: number;
  /** D = √(q0/u), the source length scale (m). */
  sourceScaleM: number;
  /** (g0'·q0 / (u³·D))^(1/3); dense when ≥ 0.15. */
  criterion: number;
  alpha: number;
  /** β of each curve at this α, from Cm/C0 = 0.1 down to 0.002. */
  betas: Array<{ ratio: number; beta: number }>;
}

/** Gas density (kg/m³) at 25 °C and 1 atm from the molar mass (g/mol). */
export const gasDensityKgPerM3 = (molarMassGPerMol: number): number => molarMassGPerMol / MOLAR_VOLUME_L;

/** A release's temperatures and the densities they give: the gas at T0, the air at Ta (releaseTemperature.ts). */
export interface ReleaseThermal {
  releaseK: number;
  ambientK: number;
  gasDensityKgPerM3: number;
  airDensityKgPerM3: number;
  /** T0 ≠ Ta: the curves are read through the non-isothermal correction. */
  nonIsothermal: boolean;
}

/** Both temperatures default to 25 °C, where the densities are exactly those of the isothermal model. */
export function releaseThermal(molarMassGPerMol: number, releaseK = REFERENCE_AMBIENT_K, ambientK = REFERENCE_AMBIENT_K): ReleaseThermal {
  return {
    releaseK, ambientK,
    gasDensityKgPerM3: densityAtK(gasDensityKgPerM3(molarMassGPerMol), releaseK),
    airDensityKgPerM3: densityAtK(AIR_DENSITY_KG_PER_M3, ambientK),
    nonIsothermal: releaseK !== ambientK,
  };
}

/**
 * The workbook's parameters of a continuous release of gas of density `releaseDensityKgPerM3` (the
 * engine passes the gas at 25 °C); `criterion` says whether it is dense at all.
 */
export function britterMcQuaidPlume(rateKgPerS: number, windSpeedMps: number, releaseDensityKgPerM3: number, airDensityKgPerM3 = AIR_DENSITY_KG_PER_M3): DenseGasPlume {
  const rho0 = releaseDensityKgPerM3;
  const reducedGravityMps2 = (GRAVITY_MPS2 * (rho0 - airDensityKgPerM3)) / airDensityKgPerM3;
  const q0 = rateKgPerS / rho0;
  const u = windSpeedMps;
  const sourceScaleM = Math.sqrt(q0 / u);
  const criterion = reducedGravityMps2 > 0 ? Math.cbrt((reducedGravityMps2 * q0) / (u ** 3 * sourceScaleM)) : 0;
  const alpha = reducedGravityMps2 > 0 ? 0.2 * Math.log10((reducedGravityMps2 ** 2 * q0) / u ** 5) : -Infinity;
  const betas = BRITTER_MCQUAID_PLUME_CURVES.map((c) => ({ ratio: c.ratio, beta: betaOnCurve(c, alpha) }));
  return { gasDensityKgPerM3: rho0, reducedGravityMps2, volumeRateM3PerS: q0, sourceScaleM, criterion, alpha, betas };
}

export const isDense = (plume: DenseGasPlume): boolean => plume.criterion >= DENSE_GAS_CRITERION;

/**
 * The workbook's correction for a release colder than the air: the volume fraction C of interest is read on
 * the curves at C / (C + (1 − C)·Ta/T0) (CCPS 1999). The engine applies it to a liquefied gas's flashing
 * release (releaseTemperature.ts); the worked example of docs/validation.md is a cold LNG release.
 */
export const isothermalRatio = (ratio: number, ambientK: number, releaseK: number): number => ratio / (ratio + (1 - ratio) * (ambientK / releaseK));

/** The inverse: the volume fraction (at ambient temperature) that the curves' `curveRatio` stands for. */
export const ratioFromIsothermal = (curveRatio: number, ambientK: number, releaseK: number): number => {
  const k = ambientK / releaseK;
  return (curveRatio * k) / (1 + curveRatio * (k - 1));
};

/** A concentration of interest (volume fraction) → the ratio to read on the curves; unchanged when isothermal. */
export const curveRatioOf = (thermal: ReleaseThermal, ratio: number): number => (thermal.nonIsothermal ? isothermalRatio(ratio, thermal.ambientK, thermal.releaseK) : ratio);
/** A ratio read on the curves → the concentration (volume fraction) it stands for; unchanged when isothermal. */
export const ratioOfCurve = (thermal: ReleaseThermal, curveRatio: number): number => (thermal.nonIsothermal ? ratioFromIsothermal(curveRatio, thermal.ambientK, thermal.releaseK) : curveRatio);

/**
 * Downwind distance (m) where the centreline falls to `ratio` (volume fraction, MIN_RATIO … MAX_RATIO):
 * β interpolated linearly in lg(Cm/C0) between the neighbouring curves (the workbook's figure is log–log).
 */
export function distanceForRatioM(plume: OnCurves, ratio: number): number {
  const top = plume.betas[0]!.ratio;
  const bottom = plume.betas[plume.betas.length - 1]!.ratio;
  if (ratio > top || ratio < bottom) throw new RangeError(`Cm/C0 ${ratio} is outside the workbook's curves (${bottom}–${top})`);
  const k = plume.betas.findIndex((b) => b.ratio <= ratio);
  const upper = plume.betas[Math.max(0, k - 1)]!;
  const lower = plume.betas[k]!;
  const t = upper === lower ? 0 : (Math.log10(upper.ratio) - Math.log10(ratio)) / (Math.log10(upper.ratio) - Math.log10(lower.ratio));
  return plume.sourceScaleM * 10 ** (upper.beta + t * (lower.beta - upper.beta));
}

/** Centreline volume fraction at `downwindM`, within the curves' reach (x(0.1) … x(0.002)); null outside it. */
export function ratioAtM(plume: OnCurves, downwindM: number): number | null {
  const beta = Math.log10(downwindM / plume.sourceScaleM);
  const b = plume.betas;
  if (beta < b[0]!.beta || beta > b[b.length - 1]!.beta) return null;
  for (let k = 1; k < b.length; k += 1) {
    const upper = b[k - 1]!;
    const lower = b[k]!;
    if (beta <= lower.beta) {
      const t = lower.beta === upper.beta ? 0 : (beta - upper.beta) / (lower.beta - upper.beta);
      return 10 ** (Math.log10(upper.ratio) + t * (Math.log10(lower.ratio) - Math.log10(upper.ratio)));
    }
  }
  return null;
}

/** The farther of a cold release's dense-side distance and its twin's at the air's temperature (either may be missing): the
 *  workbook's distances are not monotone in the release temperature (docs/physics.md). */
export function fartherOf<D extends { distanceM: number }>(cold: D | null, warm: D | null): D | null {
  return warm && (!cold || warm.distanceM > cold.distanceM) ? warm : cold;
}
