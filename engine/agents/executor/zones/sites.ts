// Command post and staging area (docs/zones.md): upwind of the source (uphill is not known without terrain
// data, and says so), beyond the farthest zone in that direction with a buffer, and checked to lie outside
// every zone; staging a little farther and off the upwind line, so arriving units do not drive through
// the command post.
import type { Site } from '../../../contract/result.js';
import { insidePolygon, towards, type PointM } from './geometry.js';
import type { ZoneSpec } from './zone.js';

const BUFFER_M = 100;
const STAGING_EXTRA_M = 100;
const STAGING_OFFSET_DEG = 30;
const ROUND_TO_M = 50;

const roundUp = (m: number) => Math.ceil(m / ROUND_TO_M) * ROUND_TO_M;
const outsideAll = (p: PointM, zones: readonly ZoneSpec[]) => zones.every((z) => z.parts.every((part) => !insidePolygon(p, part.polygon)));

/** First distance from `startM` along `bearingDeg`, in 50 m steps, whose point lies outside every zone. */
function clearPoint(bearingDeg: number, startM: number, zones: readonly ZoneSpec[]): { point: PointM; distanceM: number } {
  let d = roundUp(startM);
  while (!outsideAll(towards(bearingDeg, d), zones) && d < 50_000) d += ROUND_TO_M;
  return { point: towards(bearingDeg, d), distanceM: d };
}

export function commandSites(upwindDeg: number, upwindReachM: number, zones: readonly ZoneSpec[], hazard: string, hazardZh: string): Site[] {
  const post = clearPoint(upwindDeg, upwindReachM + BUFFER_M, zones);
  const stagingBearing = (upwindDeg + STAGING_OFFSET_DEG) % 360;
  const staging = clearPoint(stagingBearing, post.distanceM + STAGING_EXTRA_M, zones);
  const round = (p: PointM): PointM => [Math.round(p[0]), Math.round(p[1])];
  return [
    { kind: 'command_post', point: round(post.point), distanceM: post.distanceM, bearingDeg: Math.round(upwindDeg),
      basis: `upwind of the ${hazard}, ${BUFFER_M} m beyond every zone (uphill not known: no terrain data)`,
      basisZh: `位于${hazardZh}上风向，距各分区边界${BUFFER_M}米以外（无地形数据，未考虑高处）` },
    { kind: 'staging', point: round(staging.point), distanceM: staging.distanceM, bearingDeg: Math.round(stagingBearing),
      basis: `upwind, ${STAGING_EXTRA_M} m beyond the command post and ${STAGING_OFFSET_DEG}° off its line, so arriving units pass no zone and not the post`,
      basisZh: `上风向，较指挥部远${STAGING_EXTRA_M}米并偏离${STAGING_OFFSET_DEG}°，来车不穿越分区与指挥部` },
  ];
}
