// One zone from its parts: the union's population and the along/across extents kept for readers of the
// older fields, so every zone says how it was drawn and what it holds.
import type { Zone } from '../../../contract/result.js';
import { round } from '../../../numeric/stats.js';
import { roundPolygon, unionAreaM2, type Polygon } from './geometry.js';

export interface ZonePart { name: string; nameZh: string; polygon: Polygon }
/** A modelled part's outline at the P10 or P90 of its reach (docs/zones.md, "P10 and P90 outlines"). */
export interface ZoneBand extends ZonePart { band: 'p10' | 'p90' }

export interface ZoneSpec {
  zone: Zone['zone'];
  shape: Zone['shape'];
  parts: ZonePart[];
  /** The hazard's travel direction, when it has one. */
  bearingDeg: number | null;
  basis: string;
  basisZh: string;
  drawing?: 'to-scale' | 'schematic';
  /** The area the zone truly covers when the drawing is a covering shape (an ellipse of unknown orientation drawn as a circle). */
  trueAreaM2?: number;
  bands?: ZoneBand[];
}

export function makeZone(spec: ZoneSpec, densityPerKm2: number): Zone {
  const points = spec.parts.flatMap((p) => p.polygon);
  let farthestM = 0;
  for (const point of points) farthestM = Math.max(farthestM, Math.hypot(point[0], point[1]));
  const across = acrossExtentM(points, spec.bearingDeg);
  return {
    zone: spec.zone, shape: spec.shape,
    alongM: round(farthestM, 0), acrossM: round(across, 0), bearingDeg: spec.bearingDeg,
    basis: spec.basis, basisZh: spec.basisZh,
    populationEstimate: Math.round(((spec.trueAreaM2 ?? unionAreaM2(spec.parts.map((p) => p.polygon))) / 1e6) * densityPerKm2),
    parts: spec.parts.map((p) => ({ name: p.name, nameZh: p.nameZh, polygon: roundPolygon(p.polygon) })),
    drawing: spec.drawing ?? 'to-scale',
    ...(spec.bands && spec.bands.length > 0
      ? { bands: spec.bands.map((b) => ({ band: b.band, name: b.name, nameZh: b.nameZh, polygon: roundPolygon(b.polygon) })) } : {}),
  };
}

/** Width across the travel direction (or the widest extent when there is none). */
function acrossExtentM(points: Polygon, bearingDeg: number | null): number {
  if (points.length === 0) return 0;
  const rad = ((bearingDeg ?? 0) + 90) * (Math.PI / 180);
  let lowest = Infinity;
  let highest = -Infinity;
  for (const point of points) {
    const offset = point[0] * Math.sin(rad) + point[1] * Math.cos(rad);
    if (offset < lowest) lowest = offset;
    if (offset > highest) highest = offset;
  }
  return highest - lowest;
}
