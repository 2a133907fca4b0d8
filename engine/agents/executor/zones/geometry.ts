// Plane geometry for the zones responders draw, in metres east and north of the source (the incident's
// origin: the release point, the ignition point, the breach, the epicentre). Bearings are compass
// degrees: 0 = north, clockwise.
export type PointM = [eastM: number, northM: number];
export type Polygon = PointM[];

const RAD = Math.PI / 180;

/** A point `distanceM` from `from` towards `bearingDeg`. */
export function towards(bearingDeg: number, distanceM: number, from: PointM = [0, 0]): PointM {
  return [from[0] + distanceM * Math.sin(bearingDeg * RAD), from[1] + distanceM * Math.cos(bearingDeg * RAD)];
}

/** A point given along an axis pointing to `axisBearingDeg` and across it (positive to the right). */
export function fromAxis(axisBearingDeg: number, alongM: number, acrossM: number, origin: PointM = [0, 0]): PointM {
  const a = towards(axisBearingDeg, alongM, origin);
  return towards(axisBearingDeg + 90, acrossM, a);
}

export function circle(radiusM: number, centre: PointM = [0, 0], points = 48): Polygon {
  return Array.from({ length: points }, (_, i) => towards((360 * i) / points, radiusM, centre));
}

/** An ellipse with semi-axes `alongM` (pointing to `axisBearingDeg`) and `acrossM`, around `centre`. */
export function ellipse(centre: PointM, axisBearingDeg: number, alongM: number, acrossM: number, points = 48): Polygon {
  return Array.from({ length: points }, (_, i) => {
    const t = (2 * Math.PI * i) / points;
    return fromAxis(axisBearingDeg, alongM * Math.cos(t), acrossM * Math.sin(t), centre);
  });
}

/** A rectangle from `startAlongM` to `endAlongM` along the axis, `halfWidthM` either side of it. */
export function rectangle(axisBearingDeg: number, startAlongM: number, endAlongM: number, halfWidthM: number, origin: PointM = [0, 0]): Polygon {
  return [
    fromAxis(axisBearingDeg, startAlongM, -halfWidthM, origin), fromAxis(axisBearingDeg, endAlongM, -halfWidthM, origin),
    fromAxis(axisBearingDeg, endAlongM, halfWidthM, origin), fromAxis(axisBearingDeg, startAlongM, halfWidthM, origin),
  ];
}

/** A footprint given as [along, half-width] pairs, mirrored about the axis into one closed outline. */
export function mirroredOutline(axisBearingDeg: number, outline: ReadonlyArray<readonly [number, number]>): Polygon {
  const right = outline.map(([along, half]) => fromAxis(axisBearingDeg, along, half));
  const left = [...outline].reverse().map(([along, half]) => fromAxis(axisBearingDeg, along, -half));
  return [...right, ...left];
}

/** Shoelace area, m². */
export function polygonAreaM2(polygon: Polygon): number {
  let twice = 0;
  for (let i = 0; i < polygon.length; i++) {
    const [x1, y1] = polygon[i] as PointM;
    const [x2, y2] = polygon[(i + 1) % polygon.length] as PointM;
    twice += x1 * y2 - x2 * y1;
  }
  return Math.abs(twice) / 2;
}

/** Ray casting (even–odd rule). */
export function insidePolygon(point: PointM, polygon: Polygon): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i] as PointM;
    const [xj, yj] = polygon[j] as PointM;
    if ((yi > point[1]) !== (yj > point[1]) && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Area of the union of polygons (m²): exact for one; for more, by 96 horizontal scanlines, each cut
 *  exactly into the stretches inside any polygon (even–odd per polygon, stretches merged across them), so
 *  overlapping parts of a zone (an isolation circle and a footprint) are counted once. Edges are swept in
 *  order of their lowest point, so each row looks only at the few edges it crosses. */
export function unionAreaM2(polygons: readonly Polygon[], rows = 96): number {
  const parts = polygons.filter((p) => p.length >= 3);
  if (parts.length === 0) return 0;
  if (parts.length === 1) return polygonAreaM2(parts[0] as Polygon);
  interface Edge { part: number; y0: number; y1: number; x0: number; slope: number }
  const edges: Edge[] = [];
  parts.forEach((poly, part) => {
    for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
      const pi = poly[i] as PointM;
      const pj = poly[j] as PointM;
      const xi = pi[0], yi = pi[1], xj = pj[0], yj = pj[1];
      if (yi === yj) continue;
      // From the lower end to the upper one.
      edges.push(yi < yj
        ? { part, y0: yi, y1: yj, x0: xi, slope: (xj - xi) / (yj - yi) }
        : { part, y0: yj, y1: yi, x0: xj, slope: (xi - xj) / (yi - yj) });
    }
  });
  edges.sort((a, b) => a.y0 - b.y0);
  const minY = edges[0]?.y0 ?? 0;
  let maxY = -Infinity;
  for (const e of edges) if (e.y1 > maxY) maxY = e.y1;
  const dy = (maxY - minY) / rows;
  let area = 0, next = 0;
  // Reused row to row (this runs for every zone of every analysis): the edges crossing the row, each part's
  // crossings, and the stretches inside some part as [start, end] pairs.
  const active: Edge[] = [];
  const crossings: number[][] = parts.map(() => []);
  const stretches: Array<[number, number]> = [];
  const byStart = (a: [number, number], b: [number, number]) => a[0] - b[0];
  for (let r = 0; r < rows; r++) {
    const y = minY + (r + 0.5) * dy;
    while (next < edges.length && (edges[next] as Edge).y0 <= y) active.push(edges[next++] as Edge);
    let kept = 0;
    for (const e of active) if (e.y1 > y) active[kept++] = e;
    active.length = kept;
    for (const xs of crossings) xs.length = 0;
    for (const e of active) (crossings[e.part] as number[]).push(e.x0 + (y - e.y0) * e.slope);
    stretches.length = 0;
    for (const xs of crossings) {
      if (xs.length > 2) xs.sort((a, b) => a - b);
      else if (xs.length === 2 && (xs[0] as number) > (xs[1] as number)) xs.reverse();
      for (let k = 0; k + 1 < xs.length; k += 2) stretches.push([xs[k] as number, xs[k + 1] as number]);
    }
    if (stretches.length === 0) continue;
    if (stretches.length > 1) stretches.sort(byStart);
    let start = (stretches[0] as [number, number])[0];
    let end = (stretches[0] as [number, number])[1];
    let covered = 0;
    for (const stretch of stretches) {
      const a = stretch[0], b = stretch[1];
      if (a > end) { covered += end - start; start = a; end = b; } else if (b > end) end = b;
    }
    area += (covered + end - start) * dy;
  }
  return area;
}

export const roundPolygon = (polygon: Polygon): Polygon => polygon.map(([e, n]) => [Math.round(e), Math.round(n)]);
