// The hazard map's meaning in words, for screen readers and printing (docs/app.md): the wind and where it
// carries, each zone's measured size, the P10/P90 reach, the origin, the places with their zone and
// arrival, the sites and the scale. Sizes are read from the engine's outlines (zoneMeasures.ts).
import type { ExecutorResult, FieldResult, Zone } from '../../../engine/contract/result.js';
import { compassPoint, distanceText, minutesText, type Lang } from '../../../engine/contract/wording.js';
import type { MessageKey } from '../i18n/locales/zh.js';
import { measurePart, measureZone, type PartMeasure } from './zoneMeasures.js';
import { countText } from './dateTime.js';

type T = (key: MessageKey, params?: Record<string, unknown>) => string;
export type MapPlan = Pick<ExecutorResult, 'zones' | 'sites' | 'groundLines' | 'origin' | 'placesAtRisk' | 'wind'>;
export type OriginKind = NonNullable<ExecutorResult['origin']>['kind'];

export type MapTextItem =
  | { kind: 'wind'; fromDeg: number | null; text: string }
  | { kind: 'origin'; origin: OriginKind; text: string }
  | { kind: 'zone'; zone: Zone['zone']; text: string }
  | { kind: 'bands'; text: string }
  | { kind: 'place'; action: string; text: string }
  | { kind: 'site'; site: string; text: string }
  | { kind: 'line'; line: string; text: string }
  | { kind: 'scale'; text: string };

export interface MapWind { fromDeg: number; speedMps: number | null }

/** The wind the zones were drawn with; runs from before the plan stated it take the plume's. */
export function mapWind(plan: Pick<ExecutorResult, 'wind'>, field: FieldResult | undefined): MapWind | null {
  if (plan.wind) return plan.wind;
  const plume = field?.plume;
  if (!plume) return null;
  const speed = Number(plume.inputsUsed.windSpeedMps);
  return { fromDeg: plume.windFromDeg, speedMps: Number.isFinite(speed) ? speed : null };
}

/** "wind from NE (45°), 2 m/s" in the UI's language. */
export function windText(wind: MapWind, t: T, lang: Lang): string {
  const from = t('map.windFrom', { from: compassPoint(wind.fromDeg, lang), deg: Math.round(wind.fromDeg) });
  return wind.speedMps === null ? from : `${from}${t('map.comma')}${t('map.windSpeed', { v: +wind.speedMps.toFixed(1) })}`;
}

export function measureText(m: PartMeasure, t: T, lang: Lang): string {
  return m.kind === 'circle'
    ? t('map.radius', { d: distanceText(m.radiusM, lang) })
    : t('map.reach', { d: distanceText(m.reachM, lang), to: compassPoint(m.towardDeg, lang), w: distanceText(m.widthM, lang) });
}

/** A zone in words: each part's name and measured size; an older engine's zone from its extents, said to be approximate. */
export function zoneText(zone: Zone, t: T, lang: Lang): string {
  const sep = t('map.sep');
  let body: string;
  if (zone.parts) {
    body = measureZone(zone).map((p) => {
      const name = lang === 'zh' ? p.nameZh : p.name;
      // A circle whose name already gives its radius ("initial isolation, 800 m all round") is not said twice.
      const saysRadius = p.measure.kind === 'circle' && name.includes(String(Math.round(p.measure.radiusM)));
      return saysRadius ? name : `${name}${t('map.colon')}${measureText(p.measure, t, lang)}`;
    }).join(sep);
  } else {
    const size = zone.shape === 'circle' || zone.bearingDeg === null
      ? t('map.radius', { d: distanceText(zone.alongM, lang) })
      : t('map.reach', { d: distanceText(zone.alongM, lang), to: compassPoint(zone.bearingDeg, lang), w: distanceText(zone.acrossM, lang) });
    body = `${size}${t('map.paren', { x: t('map.approximate') })}`;
  }
  const schematic = zone.drawing === 'schematic' ? `${sep}${t('map.schematic')}` : '';
  return `${t(`map.${zone.zone}`)}${t('map.colon')}${body}${schematic}${sep}${t('map.people', { n: countText(zone.populationEstimate, lang) })}`;
}

/** When the hazard reaches a place: "in 13 min", "already affected", or not forecast. */
export function arrivalText(arrivalMin: number | null, t: T, lang: Lang): string {
  if (arrivalMin === null) return t('map.noArrival');
  return arrivalMin === 0 ? t('places.now') : t('map.arrivesIn', { t: minutesText(arrivalMin, lang) });
}

export function mapTextItems(plan: MapPlan, field: FieldResult | undefined, scale: { metres: number }, t: T, lang: Lang): MapTextItem[] {
  const items: MapTextItem[] = [];
  const wind = mapWind(plan, field);
  const sep = t('map.sep');
  // Where the hazard travels: the plume downwind, the fire along its spread axis (docs/zones.md).
  const axis = plan.zones.find((z) => z.bearingDeg !== null && z.zone !== 'warm')?.bearingDeg ?? null;
  const toward = plan.origin?.kind === 'release' && wind ? t('map.plumeToward', { to: compassPoint(wind.fromDeg + 180, lang) })
    : plan.origin?.kind === 'ignition' && axis !== null ? t('map.spreadToward', { to: compassPoint(axis, lang) }) : null;
  if (wind || toward) items.push({ kind: 'wind', fromDeg: wind?.fromDeg ?? null, text: [wind ? windText(wind, t, lang) : null, toward].filter(Boolean).join(sep) });
  if (plan.origin) items.push({ kind: 'origin', origin: plan.origin.kind, text: lang === 'zh' ? plan.origin.nameZh : plan.origin.name });
  const order = ['hot', 'warm', 'protective_action', 'cold'] as const;
  for (const name of order) for (const zone of plan.zones.filter((z) => z.zone === name)) items.push({ kind: 'zone', zone: zone.zone, text: zoneText(zone, t, lang) });
  const banded = plan.zones.filter((z) => (z.bands ?? []).length > 0);
  if (banded.length > 0) {
    items.push({ kind: 'bands', text: `${t('map.bands')}${t('map.colon')}${banded.map((z) => {
      const reach = (band: 'p10' | 'p90') => {
        const outline = z.bands?.find((b) => b.band === band);
        const m = outline ? measurePart(outline.polygon, z.bearingDeg) : null;
        return m ? distanceText(m.kind === 'circle' ? m.radiusM : m.reachM, lang) : '—';
      };
      return `${t(`map.${z.zone}`)} ${t('map.bandRange', { from: reach('p10'), to: reach('p90') })}`;
    }).join(sep)}` });
  }
  for (const p of plan.placesAtRisk ?? []) {
    items.push({ kind: 'place', action: p.action, text: t('map.placeAt', { name: p.name, zone: p.zone ? t(`map.${p.zone}`) : t('places.outside'), arrival: arrivalText(p.arrivalMin, t, lang) }) });
  }
  for (const site of plan.sites ?? []) items.push({ kind: 'site', site: site.kind, text: `${t(`map.${site.kind}`)}${t('map.colon')}${distanceText(site.distanceM, lang)}${t('map.comma')}${lang === 'zh' ? site.basisZh : site.basis}` });
  for (const line of plan.groundLines ?? []) items.push({ kind: 'line', line: line.kind, text: `${t(`map.${line.kind}` as MessageKey)}${t('map.colon')}${lang === 'zh' ? line.basisZh : line.basis}` });
  items.push({ kind: 'scale', text: t('map.scaleText', { d: distanceText(scale.metres, lang) }) });
  return items;
}
