// Earthquake sectors by intensity, for search-and-rescue priority, and the flooding polder (docs/zones.md).
import type { FloodResult, QuakeResult } from '../../../contract/result.js';
import { circle, ellipse } from './geometry.js';
import type { ZoneSpec } from './zone.js';

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** Hot = the strongest shaking (intensity VIII or more, or the top ring of a smaller quake): search and
 *  rescue first; warm = one degree less; cold = two less. Each is the area at or above its intensity: the
 *  isoseismal ellipse around the epicentre, its long axis along the fault's strike; with no strike given,
 *  a circle of the long semi-axis, which covers the ellipse whichever way it lies. */
export function quakeZones(quake: QuakeResult): ZoneSpec[] {
  const ring = (i: number) => quake.rings.find((r) => r.intensity === i);
  const top = Math.max(6, Math.min(8, Math.floor(quake.epicentralIntensity)));
  const levels: Array<[ZoneSpec['zone'], number, string, string]> = [
    ['hot', top, 'search and rescue priority 1', '搜救优先级1'], ['warm', top - 1, 'priority 2', '优先级2'], ['cold', top - 2, 'priority 3', '优先级3'],
  ];
  const strike = quake.longAxisBearingDeg;
  return levels.flatMap(([zone, i, what, whatZh]): ZoneSpec[] => {
    const edge = ring(i);
    if (!edge || edge.longAxisKm <= 0) return [];
    const polygon = strike === null ? circle(edge.longAxisKm * 1000) : ellipse([0, 0], strike, edge.longAxisKm * 1000, edge.shortAxisKm * 1000);
    const orientation = strike === null ? '; strike not given: a circle of the long semi-axis' : '';
    const orientationZh = strike === null ? '；未给出断层走向：按长半轴圆形绘制' : '';
    return [{
      zone, shape: strike === null ? 'circle' : 'ellipse', bearingDeg: strike, trueAreaM2: Math.PI * edge.longAxisKm * edge.shortAxisKm * 1e6,
      parts: [{ name: `intensity ${ROMAN[i]} or more`, nameZh: `烈度${ROMAN[i]}度及以上`, polygon }],
      basis: `${what}: intensity ${ROMAN[i]} or more (${quake.region} relation)${orientation}`,
      basisZh: `${whatZh}：烈度${ROMAN[i]}度及以上${orientationZh}`,
    }];
  });
}

/** The polder as a circle of its stated area: the size is true, the shape is not known (no terrain model). */
export function floodZones(flood: FloodResult): ZoneSpec[] {
  const areaKm2 = Number(flood.inputsUsed.polderAreaKm2);
  const radiusM = Math.sqrt((areaKm2 * 1e6) / Math.PI);
  const times = flood.timeToDepth.map((d) => `${d.depthM} m in ${d.hours ?? '—'} h`).join(', ');
  const timesZh = flood.timeToDepth.map((d) => `${d.hours ?? '—'}小时达${d.depthM}米`).join('，');
  return [{
    zone: 'hot', shape: 'circle', bearingDeg: null, drawing: 'schematic',
    parts: [{ name: `polder, ${areaKm2} km²`, nameZh: `垸区，${areaKm2}平方公里`, polygon: circle(radiusM) }],
    basis: `the flooding polder (${areaKm2} km², drawn as a circle of that area): ${times}`,
    basisZh: `进水垸区（${areaKm2}平方公里，按等面积圆示意）：${timesZh}`,
  }];
}
