// Isoseismal ellipses read as Yu et al. (2013) fitted them, and their expected size over the relation's
// own scatter (docs/physics.md, "Reading the relation"; docs/validation.md shows why both matter).
//
// The relation was fitted to isoseismal lines: I(R) is the intensity of the line whose semi-axis is R, the
// outer edge of the zone of that intensity. So the zone of intensity i or more is the ellipse where I = i.
// The relation is a median with scatter σ; an event's field is the median shifted by ε ~ N(0, σ). A zone's
// area is convex in ε near the top of the field (an Ms 6.8's median field stops at 8.9, so its median IX
// zone is empty, while half of such events have one), so the expected area is taken, not the median's.
import { axesFromPowers, isoseismalAxesKm, levelPowers, shiftFactors, type IntensityRegion } from '../../common/quakeIntensity.js';

export interface IsoseismalEllipse {
  /** Semi-axes (km) of the ellipse inside which intensity is `intensity` or more. */
  longAxisKm: number;
  shortAxisKm: number;
  /** π·a·b (km²). */
  areaKm2: number;
}

/** Semi-axes of the isoseismal of `level` for the median field shifted by `offset` intensity units. */
export function isoseismalAt(magnitude: number, level: number, region: IntensityRegion, offset = 0): IsoseismalEllipse {
  return ellipseOf(isoseismalAxesKm(magnitude, level, region, offset));
}

/** The same ellipse from a level's powers and a shift's factors (quakeIntensity.ts, levelPowers): a shifted field
 *  asked at every level takes its powers once. */
export function isoseismalFromPowers(region: IntensityRegion, powers: Float64Array, factors: Float64Array): IsoseismalEllipse {
  return ellipseOf(axesFromPowers(region, powers, factors));
}

const ellipseOf = ({ longKm, shortKm }: { longKm: number; shortKm: number }): IsoseismalEllipse =>
  ({ longAxisKm: longKm, shortAxisKm: shortKm, areaKm2: Math.PI * longKm * shortKm });

// Standard normal quadrature on a fixed grid (z from −5 to 5 in steps of 0.05): deterministic, and fine
// enough that the expected area moves by less than 0.1 % against a grid ten times finer.
const Z_STEP = 0.05;
const Z_NODES = Array.from({ length: 201 }, (_, k) => -5 + k * Z_STEP);
const Z_WEIGHTS = (() => {
  const raw = Z_NODES.map((z) => Math.exp(-z * z / 2));
  const sum = raw.reduce((s, w) => s + w, 0);
  return raw.map((w) => w / sum);
})();

/** Each quadrature node's shift factors for a region and σ: the same for every level and every earthquake. */
const NODE_FACTORS = new Map<string, readonly Float64Array[]>();
function nodeFactors(region: IntensityRegion, sigma: number): readonly Float64Array[] {
  const key = `${region} ${sigma}`;
  let factors = NODE_FACTORS.get(key);
  if (!factors) {
    if (NODE_FACTORS.size >= 64) NODE_FACTORS.clear(); // a few regions and σ in use; bounded whatever a caller asks
    factors = Z_NODES.map((z) => shiftFactors(region, sigma * z));
    NODE_FACTORS.set(key, factors);
  }
  return factors;
}

/** Expected area (km²) of the zone of `level` or more, over ε ~ N(0, σ) added to the whole field. */
export function expectedIsoseismalAreaKm2(magnitude: number, level: number, region: IntensityRegion, sigma: number): number {
  // Summed in node order, each node's area as isoseismalAt computes it, from the level's powers taken once.
  const powers = levelPowers(magnitude, level, region);
  const factors = nodeFactors(region, sigma);
  let sum = 0;
  for (let k = 0; k < Z_NODES.length; k += 1) {
    const { longKm, shortKm } = axesFromPowers(region, powers, factors[k]!);
    sum += Z_WEIGHTS[k]! * (Math.PI * longKm * shortKm);
  }
  return sum;
}

/**
 * The ellipse of the relation's own shape that holds the expected area of the zone of `level` or more:
 * the isoseismal of the median field at the level (found by bisection) whose π·a·b is that area. The
 * relation's isoseismals are nested, so the ellipses of successive levels nest too.
 */
export function expectedIsoseismal(magnitude: number, level: number, region: IntensityRegion, sigma: number): IsoseismalEllipse {
  const targetKm2 = expectedIsoseismalAreaKm2(magnitude, level, region, sigma);
  // The median field's isoseismal area falls as its level rises; search the level whose area is the target.
  let lo = level - 6 * sigma;
  let hi = level + 6 * sigma;
  for (let k = 0; k < 60; k += 1) {
    const mid = (lo + hi) / 2;
    if (isoseismalAt(magnitude, mid, region).areaKm2 > targetKm2) lo = mid; else hi = mid;
  }
  return isoseismalAt(magnitude, (lo + hi) / 2, region);
}
