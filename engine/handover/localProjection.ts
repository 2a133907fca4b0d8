// Metres east and north of the incident's origin (how the engine draws zones, docs/zones.md) to WGS84
// longitude and latitude, for GIS tools. A local tangent plane on the WGS84 ellipsoid: the radii of
// curvature at the origin's latitude scale each axis, so the scale is exact at the origin and off by
// about (d / 6400 km)² at distance d: 1e-5 at 20 km, far below a zone's own uncertainty.
const WGS84_A_M = 6_378_137;
const WGS84_E2 = 6.69437999014e-3;

export interface GeoPoint { lat: number; lon: number }

/** A projection from [east m, north m] to [lon, lat] degrees around `origin`. */
export function localProjection(origin: GeoPoint): (pointM: readonly [number, number]) => [number, number] {
  const phi = (origin.lat * Math.PI) / 180;
  const w = 1 - WGS84_E2 * Math.sin(phi) ** 2;
  const meridianRadiusM = (WGS84_A_M * (1 - WGS84_E2)) / w ** 1.5;
  const primeVerticalRadiusM = WGS84_A_M / Math.sqrt(w);
  const degPerMNorth = 180 / (Math.PI * meridianRadiusM);
  // Near a pole a degree of longitude has no length; zones there are drawn but east-west is meaningless.
  const degPerMEast = 180 / (Math.PI * primeVerticalRadiusM * Math.max(Math.cos(phi), 1e-9));
  // Longitude wraps at the antimeridian (a zone across 180° E stays one shape in GIS tools that unwrap).
  return ([eastM, northM]) => [((origin.lon + eastM * degPerMEast + 540) % 360) - 180, origin.lat + northM * degPerMNorth];
}
