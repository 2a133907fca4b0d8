// Turns the executor's zone plan into shapes drawn to scale: the engine's own outlines (metres east and
// north of the origin) mapped onto an SVG viewport with one scale for both axes, the command post and
// staging area, ground lines, and a round-number distance scale. Analyses saved before zones carried
// outlines are drawn from their along/across extents. Bearings are compass degrees (0 = north, clockwise).
import type { ExecutorResult, Zone } from '../../../engine/contract/result.js';
import { measurePart } from './zoneMeasures.js';

export interface Viewport { widthPx: number; heightPx: number; marginPx: number }
export interface ZoneShape {
  zone: Zone['zone'];
  /** SVG path of the zone's parts (each closed); empty for a legacy ellipse. */
  path: string;
  /** Legacy ellipse: centre and radii in pixels, rotation in SVG degrees (clockwise from +x). An older
   *  engine's zone without outlines: its size is from along/across and its shape is approximate. */
  legacy?: { cx: number; cy: number; rx: number; ry: number; rotateDeg: number };
  /** The engine says the size is true but the shape is not known (docs/zones.md). */
  schematic: boolean;
}
export interface SiteMark { kind: 'command_post' | 'staging'; x: number; y: number }
export interface LineMark { kind: string; path: string }
export interface PlaceMark { name: string; action: string; zone: Zone['zone'] | null; arrivalMin: number | null; x: number; y: number }
/** A zone's P10 or P90 outline, as the engine drew it (zone.bands). */
export interface BandMark { zone: Zone['zone']; band: 'p10' | 'p90'; path: string }
/** A circle among a zone's parts (the isolation circle, a schematic polder): its radius and top point in pixels. */
export interface CircleMark { zone: Zone['zone']; radiusM: number; cx: number; cy: number; rPx: number; schematic: boolean }
export interface HazardPicture {
  shapes: ZoneShape[]; sites: SiteMark[]; lines: LineMark[]; places: PlaceMark[]; bands: BandMark[]; circles: CircleMark[];
  sourcePx: { x: number; y: number }; metresPerPx: number; scaleBar: { metres: number; px: number };
  /** Some zone is an older engine's ellipse without outlines: the picture is approximate, not to scale. */
  approximate: boolean;
}
type ZonePlan = Pick<ExecutorResult, 'zones' | 'sites' | 'groundLines' | 'placesAtRisk'>;
type Box = { minE: number; maxE: number; minN: number; maxN: number };

/** A point `distanceM` from the origin towards `bearingDeg`, as metres east and north. */
export function offsetM(bearingDeg: number, distanceM: number): { east: number; north: number } {
  const rad = (bearingDeg * Math.PI) / 180;
  return { east: distanceM * Math.sin(rad), north: distanceM * Math.cos(rad) };
}

/** The largest 1-2-5 × 10ⁿ length not above `maxM`. */
export function niceScaleLength(maxM: number): number {
  if (!(maxM > 0)) return 0;
  const power = 10 ** Math.floor(Math.log10(maxM));
  for (const step of [5, 2, 1]) if (step * power <= maxM) return step * power;
  return power;
}

/** Extent of a legacy zone (no outline) in metres: a circle, or an ellipse from the source downwind. */
function legacyBoxM(zone: Zone): Box {
  if (zone.shape === 'circle' || zone.bearingDeg === null) {
    const r = zone.alongM;
    return { minE: -r, maxE: r, minN: -r, maxN: r };
  }
  const centre = offsetM(zone.bearingDeg, zone.alongM / 2);
  const r = Math.max(zone.alongM / 2, zone.acrossM / 2);
  return { minE: centre.east - r, maxE: centre.east + r, minN: centre.north - r, maxN: centre.north + r };
}

const boxOf = (points: ReadonlyArray<readonly [number, number]>): Box => ({
  minE: Math.min(...points.map((p) => p[0])), maxE: Math.max(...points.map((p) => p[0])),
  minN: Math.min(...points.map((p) => p[1])), maxN: Math.max(...points.map((p) => p[1])),
});

export function hazardPicture(plan: ZonePlan, view: Viewport): HazardPicture | null {
  const drawable = plan.zones.filter((z) => (z.parts ? z.parts.some((p) => p.polygon.length >= 3) : z.alongM > 0));
  if (drawable.length === 0) return null;
  const sites = plan.sites ?? [];
  const lines = plan.groundLines ?? [];
  const places = plan.placesAtRisk ?? [];
  const boxes: Box[] = [
    ...places.map((p) => boxOf([p.point])),
    ...drawable.map((z) => (z.parts ? boxOf(z.parts.flatMap((p) => p.polygon)) : legacyBoxM(z))),
    ...drawable.flatMap((z) => (z.bands ?? []).filter((b) => b.polygon.length >= 3).map((b) => boxOf(b.polygon))),
    ...sites.map((s) => boxOf([s.point])), ...lines.map((l) => boxOf(l.points)), boxOf([[0, 0]]),
  ];
  const minE = Math.min(...boxes.map((b) => b.minE)), maxE = Math.max(...boxes.map((b) => b.maxE));
  const minN = Math.min(...boxes.map((b) => b.minN)), maxN = Math.max(...boxes.map((b) => b.maxN));
  const usableW = view.widthPx - 2 * view.marginPx;
  const usableH = view.heightPx - 2 * view.marginPx;
  // One scale for both axes: distances must be true in every direction.
  const metresPerPx = Math.max((maxE - minE) / usableW, (maxN - minN) / usableH, 1e-9);
  const toPx = (east: number, north: number) => ({
    x: view.marginPx + (east - minE) / metresPerPx + (usableW - (maxE - minE) / metresPerPx) / 2,
    y: view.marginPx + (maxN - north) / metresPerPx + (usableH - (maxN - minN) / metresPerPx) / 2,
  });
  const pathOf = (points: ReadonlyArray<readonly [number, number]>, close: boolean) =>
    points.map(([e, n], i) => { const p = toPx(e, n); return `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`; }).join(' ') + (close ? ' Z' : '');
  const sourcePx = toPx(0, 0);
  const shapes = drawable.map((zone): ZoneShape => {
    const schematic = zone.drawing === 'schematic';
    if (zone.parts) return { zone: zone.zone, path: zone.parts.map((p) => pathOf(p.polygon, true)).join(' '), schematic };
    if (zone.shape === 'circle' || zone.bearingDeg === null) {
      const r = zone.alongM / metresPerPx;
      return { zone: zone.zone, path: '', legacy: { cx: sourcePx.x, cy: sourcePx.y, rx: r, ry: r, rotateDeg: 0 }, schematic };
    }
    const c = offsetM(zone.bearingDeg, zone.alongM / 2);
    const centre = toPx(c.east, c.north);
    // SVG rotation is clockwise from +x (east); compass bearing is clockwise from north.
    return { zone: zone.zone, path: '', legacy: { cx: centre.x, cy: centre.y, rx: zone.alongM / 2 / metresPerPx, ry: zone.acrossM / 2 / metresPerPx, rotateDeg: zone.bearingDeg - 90 }, schematic };
  });
  const circles = drawable.flatMap((zone) => (zone.parts ?? []).flatMap((part): CircleMark[] => {
    const m = measurePart(part.polygon, zone.bearingDeg);
    if (m.kind !== 'circle') return [];
    const centre = toPx(m.centre[0], m.centre[1]);
    return [{ zone: zone.zone, radiusM: m.radiusM, cx: centre.x, cy: centre.y, rPx: m.radiusM / metresPerPx, schematic: zone.drawing === 'schematic' }];
  }));
  const scaleM = niceScaleLength((usableW * metresPerPx) / 4);
  return {
    shapes, circles,
    bands: drawable.flatMap((zone) => (zone.bands ?? []).filter((b) => b.polygon.length >= 3).map((b) => ({ zone: zone.zone, band: b.band, path: pathOf(b.polygon, true) }))),
    sites: sites.map((s) => ({ kind: s.kind, ...toPx(s.point[0], s.point[1]) })),
    lines: lines.map((l) => ({ kind: l.kind, path: pathOf(l.points, false) })),
    places: places.map((p) => ({ name: p.name, action: p.action, zone: p.zone, arrivalMin: p.arrivalMin, ...toPx(p.point[0], p.point[1]) })),
    sourcePx, metresPerPx, scaleBar: { metres: scaleM, px: scaleM / metresPerPx },
    approximate: shapes.some((s) => s.legacy !== undefined),
  };
}

export function formatDistance(metres: number): string {
  return metres >= 1000 ? `${+(metres / 1000).toFixed(metres >= 10_000 ? 0 : 1)} km` : `${Math.round(metres)} m`;
}
