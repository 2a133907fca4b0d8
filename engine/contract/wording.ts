// Words the engine and the UI both put in front of a commander, in Chinese and English: incident type
// names, compass points and distances. One place, so the briefing, the headline and the screen say the
// same thing the same way (a distance at the model's limit is "≥ 10 km", never "10000–10000 m").
import type { IncidentType } from './taxonomy.js';

export type Lang = 'zh' | 'en';

export const INCIDENT_TYPE_NAMES: Record<IncidentType, Record<Lang, string>> = {
  structure_fire: { zh: '建筑火灾', en: 'structure fire' }, wildfire: { zh: '森林草原火灾', en: 'wildfire' },
  hazmat_release: { zh: '危险化学品泄漏', en: 'hazardous materials release' }, explosion: { zh: '爆炸', en: 'explosion' },
  flood: { zh: '洪涝', en: 'flood' }, earthquake: { zh: '地震', en: 'earthquake' }, landslide: { zh: '滑坡/泥石流', en: 'landslide or debris flow' },
  traffic_accident: { zh: '交通事故', en: 'traffic accident' }, building_collapse: { zh: '建筑倒塌', en: 'building collapse' },
  mine_accident: { zh: '矿山事故', en: 'mine accident' }, severe_weather: { zh: '灾害性天气', en: 'severe weather' }, other: { zh: '其他事件', en: 'incident' },
};

/** The zones, sites and lines responders draw (docs/zones.md), as the briefing and GIS exports name them. */
export const ZONE_WORDS: Record<'hot' | 'warm' | 'cold' | 'protective_action', Record<Lang, string>> = {
  hot: { zh: '热区', en: 'Hot zone' }, warm: { zh: '温区', en: 'Warm zone' }, cold: { zh: '冷区', en: 'Cold zone' },
  protective_action: { zh: '公众防护行动区', en: 'Protective-action area' },
};
export const SITE_WORDS: Record<'command_post' | 'staging', Record<Lang, string>> = {
  command_post: { zh: '指挥部', en: 'Command post' }, staging: { zh: '集结区', en: 'Staging area' },
};
export const GROUND_LINE_WORDS: Record<'evacuation_trigger' | 'bleve_evacuation', Record<Lang, string>> = {
  evacuation_trigger: { zh: '疏散触发线', en: 'Evacuation trigger line' }, bleve_evacuation: { zh: '罐体着火撤离圈', en: 'Tank-in-fire evacuation circle' },
};

const POINTS: Record<Lang, string[]> = {
  en: ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'],
  zh: ['北', '东北', '东', '东南', '南', '西南', '西', '西北'],
};

/** The nearest of eight compass points for a bearing in degrees. */
export function compassPoint(bearingDeg: number, lang: Lang): string {
  return POINTS[lang][Math.round((((bearingDeg % 360) + 360) % 360) / 45) % 8] as string;
}

/** "wind from NE, plume toward SW": a from-bearing said as the wind's own name and where it carries. */
export function windAndPlume(windFromDeg: number, lang: Lang): string {
  const from = compassPoint(windFromDeg, lang), toward = compassPoint(windFromDeg + 180, lang);
  return lang === 'zh' ? `${from}风，烟羽飘向${toward}` : `wind from ${from}, plume toward ${toward}`;
}

/** A distance in the reader's words: metres below 1 km, km above; `atLeast` for a model's limit. */
export function distanceText(metres: number, lang: Lang, atLeast = false): string {
  const km = metres >= 1000;
  const value = km ? `${+(metres / 1000).toFixed(metres >= 10_000 ? 0 : 1)}` : `${Math.round(metres)}`;
  const unit = lang === 'zh' ? (km ? '公里' : '米') : km ? ' km' : ' m';
  return `${atLeast ? '≥ ' : ''}${value}${unit}`;
}

/** A P10–P90 band, or one figure when the band has collapsed (both ends at the same value or at the limit). */
export function bandText(p10: number, p90: number, lang: Lang, limitM?: number): string {
  if (limitM !== undefined && p10 >= limitM) return distanceText(limitM, lang, true);
  if (Math.round(p10) === Math.round(p90)) return distanceText(p10, lang);
  return `${distanceText(p10, lang)}–${limitM !== undefined && p90 >= limitM ? distanceText(limitM, lang, true) : distanceText(p90, lang)}`;
}

export function minutesText(minutes: number, lang: Lang): string {
  const m = Math.round(minutes);
  if (m >= 120) return lang === 'zh' ? `${+(m / 60).toFixed(1)}小时` : `${+(m / 60).toFixed(1)} h`;
  return lang === 'zh' ? `${m}分钟` : `${m} min`;
}

/** 12,345: thousands grouped with commas (as both languages' reports write them); cheaper than Intl on the hot path. */
export function groupedNumber(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
