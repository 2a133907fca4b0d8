// What a zone's outline measures, read from the engine's own polygon (metres east and north of the origin,
// docs/zones.md): a circle's radius, or how far a shape reaches from the origin and how wide it is across
// its direction. The map's text and labels say these numbers; nothing here invents a shape.
import type { Zone } from '../../../engine/contract/result.js';

type PointM = readonly [number, number];
export type PartMeasure =
  | { kind: 'circle'; radiusM: number; centre: PointM }
  /** reachM: farthest along `towardDeg` from the origin; widthM: extent across that direction. */
  | { kind: 'extent'; reachM: number; widthM: number; towardDeg: number };

/** Vertices closer to one radius than this (relative, or 1.5 m for outlines rounded to whole metres) make a circle. */
const CIRCLE_TOLERANCE = 0.02;
const ROUNDING_M = 1.5;

const bearingOf = (east: number, north: number) => ((Math.atan2(east, north) * 180) / Math.PI + 360) % 360;

export function measurePart(polygon: ReadonlyArray<PointM>, bearingDeg: number | null): PartMeasure {
  const n = polygon.length;
  const cx = polygon.reduce((s, p) => s + p[0], 0) / Math.max(n, 1);
  const cy = polygon.reduce((s, p) => s + p[1], 0) / Math.max(n, 1);
  const radii = polygon.map(([e, no]) => Math.hypot(e - cx, no - cy));
  const maxR = Math.max(...radii), minR = Math.min(...radii);
  // An outline with few vertices (a square, a corridor) is never a circle, however its corners lie.
  if (n >= 12 && maxR - minR <= Math.max(CIRCLE_TOLERANCE * maxR, ROUNDING_M)) {
    return { kind: 'circle', radiusM: radii.reduce((s, r) => s + r, 0) / n, centre: [cx, cy] };
  }
  let far: PointM = [0, 0], farM = 0;
  for (const p of polygon) { const d = Math.hypot(p[0], p[1]); if (d > farM) { farM = d; far = p; } }
  const towardDeg = bearingDeg ?? bearingOf(far[0], far[1]);
  // Reach along the direction and width across it: the vertices projected on the axis and its
  // perpendicular (a square downwind reaches its length, not its corner's distance).
  const project = (deg: number) => { const r = (deg * Math.PI) / 180; return polygon.map(([e, no]) => e * Math.sin(r) + no * Math.cos(r)); };
  const across = project(towardDeg + 90);
  return { kind: 'extent', reachM: Math.max(...project(towardDeg)), widthM: Math.max(...across) - Math.min(...across), towardDeg };
}

/** Each part of a zone with its measure; a zone from an older engine (no parts) gets none. */
export function measureZone(zone: Zone): Array<{ name: string; nameZh: string; measure: PartMeasure }> {
  return (zone.parts ?? []).filter((p) => p.polygon.length >= 3).map((p) => ({ name: p.name, nameZh: p.nameZh, measure: measurePart(p.polygon, zone.bearingDeg) }));
}
