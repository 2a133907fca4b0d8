// Wildfire zones (docs/zones.md): hot = the fire's area now (when how long it has burned is known);
// warm = where the fire can be within the next hour, where no one stays; and an evacuation trigger line
// at the distance the head covers in the time an evacuation needs (the trigger-point method of Cova et
// al. 2005, Fire Safety Journal 40:53): when the fire reaches the line, the community must already be moving.
import type { FireResult, GroundLine } from '../../../contract/result.js';
import { round } from '../../../numeric/stats.js';
import { circle, ellipse, fromAxis, towards } from './geometry.js';
import type { ZoneBand, ZoneSpec } from './zone.js';

/** How long getting a community out takes when the commander has not said: a planning value. */
export const DEFAULT_EVACUATION_MIN = 60;
const THREAT_HORIZON_MIN = 60;

/** The fire's ellipse after `minutes` from ignition at constant rates (Anderson 1983: the shape scales with time). */
function fireEllipseAt(fire: FireResult, minutes: number, axisDeg: number | null) {
  const k = fire.durationMin > 0 ? minutes / fire.durationMin : 0;
  const headM = fire.ellipse.headM * k, backM = fire.ellipse.backM * k, widthM = fire.ellipse.widthM * k;
  if (axisDeg === null) return { headM, polygon: circle(headM), backM }; // direction unknown: it may run any way
  const centre = towards(axisDeg, (headM - backM) / 2);
  return { headM, backM, polygon: ellipse(centre, axisDeg, (headM + backM) / 2, widthM / 2) };
}

/** The ellipse at the P10 and P90 head rates: at constant rates the fire's shape scales with time, so a rate k
 *  times the forecast's gives the forecast's ellipse at k times the minutes (docs/zones.md, "P10 and P90 outlines"). */
function fireBands(fire: FireResult, minutes: number, axisDeg: number | null, what: string, whatZh: string): ZoneBand[] {
  const rate = fire.rateOfSpreadMPerMin;
  if (!(rate > 0)) return [];
  return (['p10', 'p90'] as const).map((band) => {
    const k = fire.headRateBandMPerMin[band] / rate;
    const { headM, polygon } = fireEllipseAt(fire, minutes * k, axisDeg);
    return { band, name: `${what} at the ${band.toUpperCase()} head rate, head ${Math.round(headM)} m`, nameZh: `${whatZh}（${band.toUpperCase()}火头速度，火头${Math.round(headM)}米）`, polygon };
  });
}

export interface FireZoneInputs { burningForMin: number | undefined; evacuationMin: number; distanceToCommunityM: number | undefined }

export function fireZones(fire: FireResult, axisDeg: number | null, inputs: FireZoneInputs): { zones: ZoneSpec[]; lines: GroundLine[]; upwindReachM: number } {
  const now = inputs.burningForMin;
  const horizon = (now ?? 0) + THREAT_HORIZON_MIN;
  const threat = fireEllipseAt(fire, horizon, axisDeg);
  const direction = axisDeg === null ? ' (direction unknown: drawn as a circle, the fire may run any way)' : '';
  const directionZh = axisDeg === null ? '（蔓延方向未知：按圆形绘制）' : '';
  const zones: ZoneSpec[] = [];
  if (now !== undefined && now > 0) {
    const current = fireEllipseAt(fire, now, axisDeg);
    zones.push({
      zone: 'hot', shape: axisDeg === null ? 'circle' : 'ellipse', bearingDeg: axisDeg,
      parts: [{ name: `fire area after ${now} min`, nameZh: `起火${now}分钟后的过火范围`, polygon: current.polygon }],
      bands: fireBands(fire, now, axisDeg, 'fire area', '过火范围'),
      basis: `the fire's area now, ${now} min after ignition (Rothermel spread, Anderson ellipse)${direction}`,
      basisZh: `当前过火范围，起火后${now}分钟（Rothermel蔓延、Anderson椭圆）${directionZh}`,
    });
  }
  zones.push({
    zone: now !== undefined && now > 0 ? 'warm' : 'hot', shape: axisDeg === null ? 'circle' : 'ellipse', bearingDeg: axisDeg,
    parts: [{ name: `where the fire can be within ${THREAT_HORIZON_MIN} min`, nameZh: `${THREAT_HORIZON_MIN}分钟内火线可能到达的范围`, polygon: threat.polygon }],
    bands: fireBands(fire, horizon, axisDeg, 'threat zone', '威胁区'),
    basis: `threat zone: the fire's forecast area ${horizon} min after ignition${now === undefined ? ' (time since ignition not given: counted from now)' : ''}${direction}`,
    basisZh: `威胁区：起火后${horizon}分钟的预测范围${now === undefined ? '（未给出起火时长：自现在起算）' : ''}${directionZh}`,
  });

  const rate = fire.rateOfSpreadMPerMin;
  const headNowM = now !== undefined ? fire.ellipse.headM * (now / Math.max(fire.durationMin, 1)) : 0;
  const lines: GroundLine[] = [];
  if (axisDeg !== null && rate > 0) {
    const coverM = rate * inputs.evacuationMin;
    const atM = inputs.distanceToCommunityM !== undefined ? Math.max(headNowM, inputs.distanceToCommunityM - coverM) : headNowM + coverM;
    // Wide enough to cross the fire's front with room to spare: the forecast width (at least 200 m), widening
    // by a fifth of the distance ahead, as a front spreads sideways while it runs.
    const halfM = Math.max(fire.ellipse.widthM, 200) / 2 + atM * 0.2;
    const late = inputs.distanceToCommunityM !== undefined && inputs.distanceToCommunityM - coverM <= headNowM;
    lines.push({
      kind: 'evacuation_trigger', points: [fromAxis(axisDeg, atM, -halfM), fromAxis(axisDeg, atM, halfM)],
      basis: inputs.distanceToCommunityM !== undefined
        ? `${round(atM, 0)} m ahead of ignition: the head covers ${round(coverM, 0)} m in the ${inputs.evacuationMin} min an evacuation needs${late ? ' — already passed: an evacuation can no longer finish before the fire arrives; move people to refuges now' : ''}`
        : `${round(coverM, 0)} m ahead of the head: communities inside this line must move now (the head covers it in the ${inputs.evacuationMin} min an evacuation needs)`,
      basisZh: inputs.distanceToCommunityM !== undefined
        ? `距起火点${round(atM, 0)}米：疏散需${inputs.evacuationMin}分钟，火头在此期间推进${round(coverM, 0)}米${late ? '——已越过：疏散已来不及在火到前完成，立即组织群众进入避险场所' : ''}`
        : `火头前方${round(coverM, 0)}米：此线以内的居民须立即撤离（疏散需${inputs.evacuationMin}分钟，火头在此期间推进该距离）`,
    });
  }
  return { zones, lines, upwindReachM: threat.backM };
}

/** Minutes after ignition at which the growing fire ellipse reaches `point` (metres east/north of the
 *  ignition point). The ellipse scales with time around a centre that moves with it, so the place lies
 *  on its edge at one scale s: ((x·u − c)/a)² + (y·u/b)² = 1 with u = 1/s, solved for the smallest s. */
export function fireArrivalMin(fire: FireResult, axisDeg: number | null, point: readonly [number, number]): number | null {
  const { headM, backM, widthM } = fire.ellipse;
  if (fire.durationMin <= 0 || headM <= 0) return null;
  let x: number, y: number;
  if (axisDeg === null) {
    // Direction unknown: it may run any way, so the head may come straight at the place.
    x = Math.hypot(point[0], point[1]); y = 0;
  } else {
    const rad = (axisDeg * Math.PI) / 180;
    x = point[0] * Math.sin(rad) + point[1] * Math.cos(rad);
    y = point[0] * Math.cos(rad) - point[1] * Math.sin(rad);
  }
  const a = (headM + backM) / 2, b = widthM / 2, c = (headM - backM) / 2;
  if (b <= 0) return null;
  const qa = (x * x) / (a * a) + (y * y) / (b * b);
  const qb = (-2 * x * c) / (a * a);
  const qc = (c * c) / (a * a) - 1;
  const disc = qb * qb - 4 * qa * qc;
  if (qa === 0) return 0;
  const u = (-qb + Math.sqrt(Math.max(0, disc))) / (2 * qa);
  return u > 0 ? fire.durationMin / u : null;
}
