// Screening distances used before (or without) a physical model: how far around the scene people are
// counted as at risk. Where a published figure exists it is cited; the rest are planning assumptions,
// reported as such in the output so a commander can overrule them.
import type { IncidentType } from '../contract/taxonomy.js';

export const SCREENING_RADIUS_M: Record<IncidentType, { radiusM: number; basis: string; basisZh: string }> = {
  hazmat_release: { radiusM: 800, basis: 'ERG 2024: isolate 800 m in all directions when a tank car or truck is involved', basisZh: 'ERG 2024：涉及槽罐车时四周隔离800米' },
  explosion: { radiusM: 1600, basis: 'ERG 2024 Guide 112: isolate 1600 m for a vehicle load of explosives', basisZh: 'ERG 2024 指南112：整车爆炸品隔离1600米' },
  structure_fire: { radiusM: 300, basis: 'planning assumption: one city block around the fire building', basisZh: '规划假设：起火建筑周边一个街区' },
  wildfire: { radiusM: 2000, basis: 'planning assumption: 2 km around the fire front', basisZh: '规划假设：火线周边2公里' },
  flood: { radiusM: 2000, basis: 'planning assumption: 2 km when the flooded area is not stated', basisZh: '规划假设：未说明淹没范围时取2公里' },
  earthquake: { radiusM: 10_000, basis: 'planning assumption: 10 km when magnitude is not stated', basisZh: '规划假设：未说明震级时取10公里' },
  landslide: { radiusM: 500, basis: 'planning assumption: 500 m run-out and upslope area', basisZh: '规划假设：500米滑动距离及上坡区域' },
  traffic_accident: { radiusM: 100, basis: 'planning assumption: 100 m scene', basisZh: '规划假设：现场100米' },
  building_collapse: { radiusM: 200, basis: 'planning assumption: collapse zone of 1.5× building height plus neighbours', basisZh: '规划假设：1.5倍建筑高度的倒塌区及相邻建筑' },
  mine_accident: { radiusM: 500, basis: 'planning assumption: the mine surface works around the shaft (the people at risk are underground: count them from the headcount)', basisZh: '规划假设：井口周边矿区地面（井下人员按在册人数清点）' },
  severe_weather: { radiusM: 10_000, basis: 'planning assumption: 10 km around the reported place when the storm\'s track is not stated', basisZh: '规划假设：未说明路径时取报告地点周边10公里' },
  other: { radiusM: 100, basis: 'planning assumption: 100 m scene', basisZh: '规划假设：现场100米' },
};

/** Urban default density when the commander states none and terrain is urban (planning assumption,
 *  of the order of dense Chinese urban districts). Rural uses the national mean (population.ts). */
export const URBAN_DEFAULT_DENSITY_PER_KM2 = 5000;
