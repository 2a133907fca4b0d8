// Places at risk (docs/zones.md, "Places at risk"): each place the commander named, with the zone it lies
// in, when the hazard arrives, and the protective action with its reason. Evacuate or shelter follows the
// ERG's protective-action guidance: sheltering in place is preferred when the cloud arrives before people
// could be got out, or when the release is short and the cloud will pass; evacuating when there is time
// and the release goes on.
import type { Incident } from '../../contract/incident.js';
import type { ExecutorResult, FieldResult, PlaceAtRisk, Zone } from '../../contract/result.js';
import { round } from '../../numeric/stats.js';
import { insidePolygon, towards, type PointM } from './zones/geometry.js';
import { DEFAULT_EVACUATION_MIN, fireArrivalMin } from './zones/fireZones.js';

const ZONE_SEVERITY: Record<Zone['zone'], number> = { hot: 3, protective_action: 2, warm: 1, cold: 0 };
/** A release this short passes before indoor air builds up: shelter (ERG protective actions). */
const SHORT_RELEASE_MAX_MIN = 60;

type Action = PlaceAtRisk['action'];
interface Decision { action: Action; reason: string; reasonZh: string }

function zoneOf(point: PointM, zones: readonly Zone[]): Zone['zone'] | null {
  const inside = zones.filter((z) => (z.parts ?? []).some((p) => insidePolygon(point, p.polygon)));
  return inside.sort((a, b) => ZONE_SEVERITY[b.zone] - ZONE_SEVERITY[a.zone])[0]?.zone ?? null;
}

/** Minutes for the wind to carry the cloud to the place (a flammable gas with no plume model uses the stated wind). */
function cloudArrivalMin(incident: Incident, point: PointM): number | null {
  const weather = incident.facts.weather;
  if (!weather) return null;
  const rad = (((weather.windFromDeg + 180) % 360) * Math.PI) / 180;
  const alongM = point[0] * Math.sin(rad) + point[1] * Math.cos(rad);
  return alongM <= 0 ? 0 : alongM / Math.max(1, weather.windSpeedMps) / 60;
}

function hazmatDecision(incident: Incident, zone: Zone['zone'] | null, arrivalMin: number | null, evacuationMin: number): Decision {
  if (zone === null || zone === 'cold') return { action: 'monitor', reason: 'outside every zone: stay alert to wind shifts', reasonZh: '位于各分区以外：注意风向变化' };
  if (zone === 'warm') return { action: 'evacuate', reason: 'inside the decontamination corridor: responders only', reasonZh: '位于洗消通道内：仅限救援人员' };
  const duration = incident.facts.release?.durationMin;
  const arrive = arrivalMin === null ? 'when the cloud arrives is not known (no wind stated)' : `the cloud arrives in about ${Math.round(arrivalMin)} min`;
  const arriveZh = arrivalMin === null ? '烟羽到达时间未知（未给出风况）' : `烟羽约${Math.round(arrivalMin)}分钟后到达`;
  if (arrivalMin !== null && arrivalMin < evacuationMin) {
    return { action: 'shelter_in_place', reason: `${arrive}, before an evacuation (${evacuationMin} min) could be complete: shelter indoors, close windows, stop ventilation; evacuate once the cloud has passed`,
      reasonZh: `${arriveZh}，早于完成疏散所需的${evacuationMin}分钟：就地室内避险，关闭门窗与通风；烟羽过后再疏散` };
  }
  // A mass released at once passes as a puff in minutes (docs/physics.md, "Instantaneous releases").
  if (incident.facts.release?.releaseMassKg !== undefined) {
    return { action: 'shelter_in_place', reason: `released at once: the cloud passes in minutes, before indoor air builds up; ${arrive}`,
      reasonZh: `一次性释放：烟团数分钟内经过，室内浓度来不及升高；${arriveZh}` };
  }
  if (duration !== undefined && duration <= SHORT_RELEASE_MAX_MIN) {
    return { action: 'shelter_in_place', reason: `short release (${duration} min): the cloud passes before indoor air builds up; ${arrive}`,
      reasonZh: `泄漏时间短（${duration}分钟）：烟羽将在室内浓度升高前过去；${arriveZh}` };
  }
  const time = arrivalMin === null ? arrive : `${arrive}, more than the ${evacuationMin} min an evacuation needs`;
  const timeZh = arrivalMin === null ? arriveZh : `${arriveZh}，多于疏散所需的${evacuationMin}分钟`;
  return { action: 'evacuate', reason: `${time}, and the release goes on: evacuate crosswind, then upwind`,
    reasonZh: `${timeZh}，且泄漏持续：沿侧风方向撤离，再转向上风向` };
}

export function placesAtRisk(incident: Incident, field: FieldResult, plan: Pick<ExecutorResult, 'zones' | 'groundLines'>): PlaceAtRisk[] {
  const zones = plan.zones;
  const bleve = plan.groundLines?.find((l) => l.kind === 'bleve_evacuation');
  const bleveRadiusM = bleve?.points[0] ? Math.hypot(bleve.points[0][0], bleve.points[0][1]) : 0;
  const places = incident.facts.places ?? [];
  if (places.length === 0) return [];
  const evacuationMin = incident.facts.evacuationTimeMin ?? DEFAULT_EVACUATION_MIN;
  const fireAxis = field.fire?.ellipse.spreadTowardDeg ?? null;
  return places.map((place): PlaceAtRisk => {
    const point = towards(place.bearingDeg, place.distanceM);
    const zone = zoneOf(point, zones);
    let arrivalMin: number | null = null;
    let decision: Decision;
    if (field.plume || incident.facts.release) {
      arrivalMin = zone === 'hot' || zone === 'protective_action' ? cloudArrivalMin(incident, point) : null;
      decision = hazmatDecision(incident, zone, arrivalMin, evacuationMin);
      if (decision.action === 'monitor' && bleve && place.distanceM <= bleveRadiusM) {
        decision = { action: 'prepare', reason: `${bleve.basis}: be ready to leave`, reasonZh: `${bleve.basisZh}：做好撤离准备` };
      }
    } else if (field.fire) {
      const fromIgnition = fireArrivalMin(field.fire, fireAxis, point);
      arrivalMin = fromIgnition === null ? null : Math.max(0, fromIgnition - (incident.facts.fire?.burningForMin ?? 0));
      if (arrivalMin === null) decision = { action: 'monitor', reason: 'the fire is not forecast to reach it', reasonZh: '预计火线不会到达' };
      else if (arrivalMin <= evacuationMin) decision = { action: 'shelter_in_place', reason: `the fire arrives in about ${Math.round(arrivalMin)} min, sooner than an evacuation (${evacuationMin} min) can finish: shelter in a refuge, do not leave by road through the fire front`, reasonZh: `火线约${Math.round(arrivalMin)}分钟后到达，早于完成疏散所需的${evacuationMin}分钟：进入避险场所，勿穿越火线撤离` };
      else decision = { action: 'evacuate', reason: `the fire arrives in about ${Math.round(arrivalMin)} min: evacuate now, away from the head`, reasonZh: `火线约${Math.round(arrivalMin)}分钟后到达：立即向火头相反方向撤离` };
    } else if (field.flood) {
      const halfMetreH = field.flood.timeToDepth.find((d) => d.depthM === 0.5)?.hours ?? field.flood.timeToDepth[0]?.hours ?? null;
      arrivalMin = zone === 'hot' && halfMetreH !== null ? halfMetreH * 60 : null;
      if (zone !== 'hot') decision = { action: 'monitor', reason: 'outside the flooding polder', reasonZh: '位于进水垸区以外' };
      else if (arrivalMin !== null && arrivalMin <= evacuationMin) decision = { action: 'vertical_evacuation', reason: `0.5 m of water in about ${Math.round(arrivalMin)} min, sooner than an evacuation (${evacuationMin} min): go to upper floors and roofs, boats to follow`, reasonZh: `约${Math.round(arrivalMin)}分钟后水深达0.5米，早于完成疏散：转移至楼上或屋顶，等待舟艇救援` };
      else decision = { action: 'evacuate', reason: `0.5 m of water in about ${arrivalMin === null ? '—' : Math.round(arrivalMin)} min: evacuate to high ground now`, reasonZh: `约${arrivalMin === null ? '—' : Math.round(arrivalMin)}分钟后水深达0.5米：立即向高处转移` };
    } else if (field.quake) {
      arrivalMin = zone ? 0 : null;
      decision = zone === 'hot' || zone === 'warm'
        ? { action: 'search_and_rescue', reason: `strong shaking (${zone === 'hot' ? 'priority 1' : 'priority 2'} sector): search collapsed buildings for the trapped first`, reasonZh: `强烈震动（${zone === 'hot' ? '优先级1' : '优先级2'}区）：优先搜救倒塌建筑中的被困人员` }
        : zone === 'cold' ? { action: 'prepare', reason: 'damage possible (priority 3 sector): check buildings, keep people in open ground during aftershocks', reasonZh: '可能有损坏（优先级3区）：排查建筑，余震期间人员留在空旷处' }
          : { action: 'monitor', reason: 'outside the damage sectors', reasonZh: '位于破坏区以外' };
    } else {
      decision = zone ? { action: 'prepare', reason: 'inside the screening area: be ready to move', reasonZh: '位于筛查范围内：做好转移准备' } : { action: 'monitor', reason: 'outside the screening area', reasonZh: '位于筛查范围以外' };
    }
    return {
      name: place.name, point: [Math.round(point[0]), Math.round(point[1])], distanceM: place.distanceM, bearingDeg: place.bearingDeg,
      population: place.population ?? null, zone, ...(place.bearingAssumed ? { bearingAssumed: true } : {}), arrivalMin: arrivalMin === null ? null : round(arrivalMin, 0), ...decision,
    };
  }).sort((a, b) => urgency(a) - urgency(b));
}

/** Most urgent first: inside a zone before outside, sooner arrival first. */
const urgency = (p: PlaceAtRisk) => (p.zone === null || p.zone === 'cold' ? 1e9 : 0) + (p.arrivalMin ?? 1e6);
