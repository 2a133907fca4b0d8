// Turns the executor's zones into shapes drawn to scale: metres east/north of the source mapped onto an
// SVG viewport, with a round-number distance scale. Bearings are compass degrees (0 = north, clockwise).
import type { Zone } from '../../../engine/contract/result.js';

export interface Viewport { widthPx: number; heightPx: number; marginPx: number }
export interface ZoneShape {
  zone: Zone['zone'];
  kind: 'ellipse' | 'circle';
  /** Centre in pixels, radii in pixels, rotation in SVG degrees (clockwise from +x). */
  cx: number; cy: number; rx: number; ry: number; rotateDeg: number;
}
export interface HazardPicture { shapes: ZoneShape[]; sourcePx: { x: number; y: number }; metresPerPx: number; scaleBar: { metres: number; px: number } }

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

/** Extent of a zone in metres as an axis-aligned box around the source. */
function zoneBoxM(zone: Zone): { minE: number; maxE: number; minN: number; maxN: number } {
  if (zone.shape === 'circle' || zone.bearingDeg === null) {
    const r = zone.shape === 'circle' ? zone.alongM : Math.max(zone.alongM, zone.acrossM / 2);
    return { minE: -r, maxE: r, minN: -r, maxN: r };
  }
  // Ellipse from the source to alongM downwind: conservative box = its centre ± the larger semi-axis.
  const centre = offsetM(zone.bearingDeg, zone.alongM / 2);
  const r = Math.max(zone.alongM / 2, zone.acrossM / 2);
  return { minE: centre.east - r, maxE: centre.east + r, minN: centre.north - r, maxN: centre.north + r };
}

export function hazardPicture(zones: readonly Zone[], view: Viewport): HazardPicture | null {
  const drawable = zones.filter((z) => z.alongM > 0);
  if (drawable.length === 0) return null;
  const boxes = drawable.map(zoneBoxM);
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
  const sourcePx = toPx(0, 0);
  const shapes = drawable.map((zone): ZoneShape => {
    if (zone.shape === 'circle' || zone.bearingDeg === null) {
      const r = (zone.shape === 'circle' ? zone.alongM : zone.alongM) / metresPerPx;
      return { zone: zone.zone, kind: 'circle', cx: sourcePx.x, cy: sourcePx.y, rx: r, ry: r, rotateDeg: 0 };
    }
    const c = offsetM(zone.bearingDeg, zone.alongM / 2);
    const centre = toPx(c.east, c.north);
    // SVG rotation is clockwise from +x (east); compass bearing is clockwise from north.
    return { zone: zone.zone, kind: 'ellipse', cx: centre.x, cy: centre.y, rx: zone.alongM / 2 / metresPerPx, ry: zone.acrossM / 2 / metresPerPx, rotateDeg: zone.bearingDeg - 90 };
  });
  const scaleM = niceScaleLength((usableW * metresPerPx) / 4);
  return { shapes, sourcePx, metresPerPx, scaleBar: { metres: scaleM, px: scaleM / metresPerPx } };
}

export function formatDistance(metres: number): string {
  return metres >= 1000 ? `${+(metres / 1000).toFixed(metres >= 10_000 ? 0 : 1)} km` : `${Math.round(metres)} m`;
}
