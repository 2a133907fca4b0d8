// Intensity (GB/T 17742) from surface-wave magnitude Ms and epicentral distance R (km): the elliptical
// relations of Yu Yanxiang (俞言祥) et al. (2013), "Development of ground motion attenuation relations
// for the new seismic hazard map of China", made for GB 18306-2015. Along each axis of the isoseismal ellipse:
//   I = A + B·Ms + C·lg(R + R0)
// fitted to isoseismal semi-axes: I(R) is the intensity of the isoseismal line at R, the outer edge of its zone
// (docs/physics.md, "Reading the relation").
// Shared: the F-Agent draws intensity rings with it, the A-Agent takes the area at risk from those rings.

export type Axis = 'long' | 'short';
interface AxisCoefficients { a: number; b: number; c: number; r0Km: number }
export interface IntensityRelation { name: string; long: AxisCoefficients; short: AxisCoefficients; sigma: number }

// Coefficients and σ as tabulated from Yu et al. (2013). Two short-axis R0 (7 and 9 km) are missing from
// that table and follow from the joint-ellipse condition I_long(0) = I_short(0), which the two complete
// columns satisfy to 1e-4; both come out as integers (6.998, 8.998). docs/physics.md.
export const INTENSITY_RELATIONS = {
  eastStrong: {
    name: 'eastern strong-earthquake region',
    long: { a: 5.7123, b: 1.3626, c: -4.2903, r0Km: 25 }, short: { a: 3.6588, b: 1.3626, c: -3.5406, r0Km: 13 }, sigma: 0.5826,
  },
  eastModerate: {
    name: 'moderate-to-strong earthquake region',
    long: { a: 5.8410, b: 1.0710, c: -3.6570, r0Km: 15 }, short: { a: 3.9440, b: 1.0710, c: -2.8450, r0Km: 7 }, sigma: 0.5200,
  },
  xinjiang: {
    name: 'Xinjiang region',
    long: { a: 5.6018, b: 1.4347, c: -4.4899, r0Km: 25 }, short: { a: 3.6113, b: 1.4347, c: -3.8477, r0Km: 13 }, sigma: 0.5924,
  },
  qinghaiTibet: {
    name: 'Qinghai–Tibet region',
    long: { a: 6.4580, b: 1.2746, c: -4.4709, r0Km: 25 }, short: { a: 3.3682, b: 1.2746, c: -3.3119, r0Km: 9 }, sigma: 0.6636,
  },
} as const satisfies Record<string, IntensityRelation>;

export type RelationId = keyof typeof INTENSITY_RELATIONS;
/** A region's relation, or the highest of several at each distance: `east` (both eastern sets), `any` (all four). */
export type IntensityRegion = RelationId | 'east' | 'any';
const RELATION_IDS = Object.keys(INTENSITY_RELATIONS) as RelationId[];

/**
 * The relation for a location, by a rough rule (not the map's zone boundaries): east of 105°E the
 * envelope of the two eastern sets; west of it Xinjiang north of 37°N and west of 96°E, else Qinghai–Tibet.
 * Unknown or outside mainland China (73–135°E, 18–54°N): the envelope of all four.
 */
export function regionFor(location?: { lat: number; lon: number }): IntensityRegion {
  if (!location) return 'any';
  const { lat, lon } = location;
  if (lon < 73 || lon > 135 || lat < 18 || lat > 54) return 'any';
  if (lon >= 105) return 'east';
  return lat >= 37 && lon < 96 ? 'xinjiang' : 'qinghaiTibet';
}

/** Each region's relations, built once: the F-Agent asks thousands of times per earthquake. */
const MEMBERS: Record<IntensityRegion, readonly RelationId[]> = {
  eastStrong: ['eastStrong'], eastModerate: ['eastModerate'], xinjiang: ['xinjiang'], qinghaiTibet: ['qinghaiTibet'],
  east: ['eastStrong', 'eastModerate'],
  any: RELATION_IDS,
};
const membersOf = (region: IntensityRegion): readonly RelationId[] => MEMBERS[region];

/** How a region is named in results and docs. */
export function regionName(region: IntensityRegion): string {
  if (region === 'any') return 'highest of the four regional relations (region not known)';
  if (region === 'east') return 'higher of the two eastern relations';
  return INTENSITY_RELATIONS[region].name;
}

const axisIntensity = (k: AxisCoefficients, magnitude: number, epicentralKm: number) =>
  k.a + k.b * magnitude + k.c * Math.log10(Math.max(epicentralKm, 0) + k.r0Km);

/** Epicentral distance (km) along `axis` where I = `intensity`; 0 when even the epicentre is below it. */
function axisDistanceKm(k: AxisCoefficients, magnitude: number, intensity: number): number {
  return Math.max(0, 10 ** ((intensity - k.a - k.b * magnitude) / k.c) - k.r0Km);
}

/** Intensity at `epicentralKm` along `axis` (the short axis never above the long one). */
export function intensityAt(magnitude: number, epicentralKm: number, region: IntensityRegion = 'any', axis: Axis = 'long'): number {
  return Math.max(...membersOf(region).map((id) => {
    const r = INTENSITY_RELATIONS[id];
    const long = axisIntensity(r.long, magnitude, epicentralKm);
    return axis === 'long' ? long : Math.min(long, axisIntensity(r.short, magnitude, epicentralKm));
  }));
}

/** Semi-axis (km) of the isoseismal of `intensity` along `axis`, the field shifted by `offset` intensity units. */
export function radiusForIntensityKm(magnitude: number, intensity: number, region: IntensityRegion = 'any', axis: Axis = 'long', offset = 0): number {
  // A fold of Math.max over the members (the same number as Math.max of them all, without an array per call).
  let radiusKm = -Infinity;
  for (const id of membersOf(region)) {
    const r = INTENSITY_RELATIONS[id];
    const long = axisDistanceKm(r.long, magnitude, intensity - offset);
    radiusKm = Math.max(radiusKm, axis === 'long' ? long : Math.min(long, axisDistanceKm(r.short, magnitude, intensity - offset)));
  }
  return radiusKm;
}

/**
 * Both semi-axes (km) of the isoseismal of `intensity`: the same numbers as radiusForIntensityKm along
 * 'long' and 'short', with each relation's long-axis distance computed once for the two (the F-Agent's
 * quadrature asks for both at every node).
 */
export function isoseismalAxesKm(magnitude: number, intensity: number, region: IntensityRegion = 'any', offset = 0): { longKm: number; shortKm: number } {
  let longKm = -Infinity;
  let shortKm = -Infinity;
  for (const id of membersOf(region)) {
    const r = INTENSITY_RELATIONS[id];
    const long = axisDistanceKm(r.long, magnitude, intensity - offset);
    longKm = Math.max(longKm, long);
    shortKm = Math.max(shortKm, Math.min(long, axisDistanceKm(r.short, magnitude, intensity - offset)));
  }
  return { longKm, shortKm };
}

/**
 * The same semi-axes factored for many shifts of one field: along each relation's axis, the distance is
 * 10^((i − a − b·Ms)/c) · 10^(−offset/c) − R0, so a level's powers (`levelPowers`) and a shift's factors
 * (`shiftFactors`) are each taken once and multiplied, where isoseismalAxesKm takes a power per level and
 * shift. The F-Agent's expected zones and its fatality band ask for thousands of (level, shift) pairs
 * per earthquake; the answer is the same up to the last bits of a double (a test).
 */
export function levelPowers(magnitude: number, level: number, region: IntensityRegion): Float64Array {
  const axes = axesOf(region);
  return Float64Array.from(axes, (k) => 10 ** ((level - k.a - k.b * magnitude) / k.c));
}

/** What a field shifted by `offset` intensity units multiplies a level's powers by, axis by axis. */
export function shiftFactors(region: IntensityRegion, offset: number): Float64Array {
  const axes = axesOf(region);
  return Float64Array.from(axes, (k) => 10 ** (-offset / k.c));
}

/** The isoseismal's semi-axes (km) from a level's powers and a shift's factors (isoseismalAxesKm's max and min). */
export function axesFromPowers(region: IntensityRegion, powers: Float64Array, factors: Float64Array): { longKm: number; shortKm: number } {
  const axes = axesOf(region);
  let longKm = -Infinity;
  let shortKm = -Infinity;
  for (let m = 0; m < axes.length; m += 2) {
    const long = Math.max(0, powers[m]! * factors[m]! - axes[m]!.r0Km);
    const short = Math.max(0, powers[m + 1]! * factors[m + 1]! - axes[m + 1]!.r0Km);
    longKm = Math.max(longKm, long);
    shortKm = Math.max(shortKm, Math.min(long, short));
  }
  return { longKm, shortKm };
}

/** The region's relations' axes, long then short for each member, in membersOf's order. */
const AXES = new Map<IntensityRegion, readonly AxisCoefficients[]>();
function axesOf(region: IntensityRegion): readonly AxisCoefficients[] {
  let axes = AXES.get(region);
  if (!axes) { axes = membersOf(region).flatMap((id) => [INTENSITY_RELATIONS[id].long, INTENSITY_RELATIONS[id].short]); AXES.set(region, axes); }
  return axes;
}

/** The relation's standard deviation in intensity units (the largest of the members for `east` or `any`). */
export function intensitySigma(region: IntensityRegion = 'any'): number {
  return Math.max(...membersOf(region).map((id) => INTENSITY_RELATIONS[id].sigma));
}
