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

/** Compass bearing (0–360) and distance of a point from the origin. */
export function bearingAndDistance(point: PointM): { bearingDeg: number; distanceM: number } {
  const bearing = Math.atan2(point[0], point[1]) / RAD;
  return { bearingDeg: (bearing + 360) % 360, distanceM: Math.hypot(point[0], point[1]) };
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

/** Area of the union of polygons (m²): exact for one, by a 96 × 96 grid over their bounding box for more,
 *  so overlapping parts of a zone (an isolation circle and a footprint) are not counted twice. */
export function unionAreaM2(polygons: readonly Polygon[]): number {
  const parts = polygons.filter((p) => p.length >= 3);
  if (parts.length === 0) return 0;
  if (parts.length === 1) return polygonAreaM2(parts[0] as Polygon);
  const xs = parts.flat().map((p) => p[0]), ys = parts.flat().map((p) => p[1]);
  const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
  const n = 96, dx = (maxX - minX) / n, dy = (maxY - minY) / n;
  let hits = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const p: PointM = [minX + (i + 0.5) * dx, minY + (j + 0.5) * dy];
      if (parts.some((poly) => insidePolygon(p, poly))) hits++;
    }
  }
  return hits * dx * dy;
}

export const roundPolygon = (polygon: Polygon): Polygon => polygon.map(([e, n]) => [Math.round(e), Math.round(n)]);
