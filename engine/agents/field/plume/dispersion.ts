// Briggs (1973) dispersion coefficients σy, σz (metres) as functions of downwind distance x (metres),
// for open-country and urban terrain, as tabulated in Hanna, Briggs & Hosker (1982), "Handbook on
// Atmospheric Diffusion", Table 4.5 (valid roughly 100 m – 10 km).
import type { StabilityClass } from '../../../contract/taxonomy.js';

export type Terrain = 'rural' | 'urban';
type Sigma = (x: number) => number;

const RURAL: Record<StabilityClass, { y: Sigma; z: Sigma }> = {
  A: { y: (x) => 0.22 * x * (1 + 0.0001 * x) ** -0.5, z: (x) => 0.2 * x },
  B: { y: (x) => 0.16 * x * (1 + 0.0001 * x) ** -0.5, z: (x) => 0.12 * x },
  C: { y: (x) => 0.11 * x * (1 + 0.0001 * x) ** -0.5, z: (x) => 0.08 * x * (1 + 0.0002 * x) ** -0.5 },
  D: { y: (x) => 0.08 * x * (1 + 0.0001 * x) ** -0.5, z: (x) => 0.06 * x * (1 + 0.0015 * x) ** -0.5 },
  E: { y: (x) => 0.06 * x * (1 + 0.0001 * x) ** -0.5, z: (x) => 0.03 * x * (1 + 0.0003 * x) ** -1 },
  F: { y: (x) => 0.04 * x * (1 + 0.0001 * x) ** -0.5, z: (x) => 0.016 * x * (1 + 0.0003 * x) ** -1 },
};

const URBAN_AB = { y: (x: number) => 0.32 * x * (1 + 0.0004 * x) ** -0.5, z: (x: number) => 0.24 * x * (1 + 0.001 * x) ** 0.5 };
const URBAN_EF = { y: (x: number) => 0.11 * x * (1 + 0.0004 * x) ** -0.5, z: (x: number) => 0.08 * x * (1 + 0.0015 * x) ** -0.5 };
const URBAN: Record<StabilityClass, { y: Sigma; z: Sigma }> = {
  A: URBAN_AB,
  B: URBAN_AB,
  C: { y: (x) => 0.22 * x * (1 + 0.0004 * x) ** -0.5, z: (x) => 0.2 * x },
  D: { y: (x) => 0.16 * x * (1 + 0.0004 * x) ** -0.5, z: (x) => 0.14 * x * (1 + 0.0003 * x) ** -0.5 },
  E: URBAN_EF,
  F: URBAN_EF,
};

export function briggsSigmas(x: number, stability: StabilityClass, terrain: Terrain): { sigmaYM: number; sigmaZM: number } {
  const formulas = briggsFormulas(stability, terrain);
  return { sigmaYM: formulas.y(x), sigmaZM: formulas.z(x) };
}

/** σy(x) and σz(x) for one stability class and terrain, for callers that evaluate many distances of one source. */
export function briggsFormulas(stability: StabilityClass, terrain: Terrain): { readonly y: Sigma; readonly z: Sigma } {
  return (terrain === 'urban' ? URBAN : RURAL)[stability];
}
