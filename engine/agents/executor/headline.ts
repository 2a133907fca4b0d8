// The briefing's first line, which leads with the answer: what, how bad, who is threatened and what to do
// now, wholly in each language (docs/result.md, "headline"). Every figure in it is one the analysis
// computed elsewhere, so the line and the detail below it can never disagree.
import type { AwarenessResult, ExecutorResult, FieldResult, PlaceAtRisk, StrategistResult } from '../../contract/result.js';
import { findSubstance } from '../../contract/substances.js';
import { SEVERITY_LEVELS } from '../../contract/taxonomy.js';
import { bandText, compassPoint, distanceText, groupedNumber, INCIDENT_TYPE_NAMES, minutesText, windAndPlume, type Lang } from '../../contract/wording.js';

const COLOUR = { red: { zh: '红', en: 'red' }, orange: { zh: '橙', en: 'orange' }, yellow: { zh: '黄', en: 'yellow' }, blue: { zh: '蓝', en: 'blue' } } as const;
const RISK = { low: { zh: '低', en: 'low' }, medium: { zh: '中', en: 'medium' }, high: { zh: '高', en: 'high' }, extreme: { zh: '极高', en: 'extreme' } } as const;
const ACTION = {
  evacuate: { zh: '立即疏散', en: 'evacuate now' }, shelter_in_place: { zh: '就地避险', en: 'shelter in place' },
  vertical_evacuation: { zh: '向楼上转移', en: 'move to upper floors' }, search_and_rescue: { zh: '优先搜救', en: 'search and rescue first' },
  prepare: { zh: '做好转移准备', en: 'be ready to move' }, monitor: { zh: '持续关注', en: 'monitor' },
} as const;

type Plan = Pick<ExecutorResult, 'zones' | 'placesAtRisk' | 'groundLines' | 'tasks'> & { windFromDeg: number | null };

function what(s: StrategistResult, field: FieldResult, lang: Lang): string {
  const type = INCIDENT_TYPE_NAMES[s.type][lang];
  const given = field.hazmat?.substanceGiven;
  const substance = given ? findSubstance(given) : undefined;
  const name = substance ? (lang === 'zh' ? substance.nameZh : substance.nameEn) : given;
  if (!name) return type;
  return lang === 'zh' ? `${name}${type}` : `${type} of ${name}`;
}

/** The higher of the reported level and the physics' estimated level leads (levels run I = worst … IV). */
function howBad(s: StrategistResult, a: AwarenessResult, lang: Lang): string {
  const physics = a.severityFromPhysics;
  const risk = lang === 'zh' ? `，风险${RISK[a.riskMatrix.level].zh}` : `, risk ${RISK[a.riskMatrix.level].en}`;
  if (physics && SEVERITY_LEVELS.indexOf(physics.severity) < SEVERITY_LEVELS.indexOf(s.severity)) {
    return lang === 'zh'
      ? `按物理估计${physics.severity}级（${COLOUR[physics.colour].zh}）（报告数字为${s.severity}级）${risk}`
      : `level ${physics.severity} (${COLOUR[physics.colour].en}) by the physics' estimate (reported figures: ${s.severity})${risk}`;
  }
  const est = s.severityIsEstimate ? (lang === 'zh' ? '（估计）' : ' (estimate)') : '';
  return lang === 'zh'
    ? `${s.severity}级（${COLOUR[s.severityColour].zh}）${est}${risk}`
    : `level ${s.severity} (${COLOUR[s.severityColour].en})${est}${risk}`;
}

function who(a: AwarenessResult, urgent: PlaceAtRisk | undefined, lang: Lang): string {
  const n = groupedNumber(a.populationAtRisk.estimate);
  const people = lang === 'zh' ? `受威胁约${n}人` : `about ${n} people at risk`;
  if (!urgent) return people;
  const arrival = urgent.arrivalMin === null ? '' : urgent.arrivalMin === 0
    ? (lang === 'zh' ? '，已在影响范围内' : ', already affected')
    : (lang === 'zh' ? `，约${minutesText(urgent.arrivalMin, lang)}后到达` : `, reached in about ${minutesText(urgent.arrivalMin, lang)}`);
  const pop = urgent.population !== null ? (lang === 'zh' ? `（${groupedNumber(urgent.population)}人）` : ` (${groupedNumber(urgent.population)} people)`) : '';
  return lang === 'zh' ? `${people}；${urgent.name}${pop}${arrival}` : `${people}; ${urgent.name}${pop}${arrival}`;
}

function doNow(field: FieldResult, plan: Plan, urgent: PlaceAtRisk | undefined, lang: Lang): string {
  const steps: string[] = [];
  if (field.hazmat) {
    steps.push(lang === 'zh' ? `隔离${distanceText(field.hazmat.isolationM, lang)}范围` : `isolate ${distanceText(field.hazmat.isolationM, lang)} all round`);
  }
  if (urgent && urgent.action !== 'monitor') steps.push(`${urgent.name}${lang === 'zh' ? '' : ': '}${ACTION[urgent.action][lang]}`);
  const plume = field.plume;
  const aegl2 = plume?.thresholds.find((t) => t.level === 'AEGL-2');
  if (plume && aegl2 && aegl2.downwindM > 0) {
    const reach = aegl2.reachesModelLimit ? distanceText(aegl2.downwindM, lang, true) : bandText(aegl2.downwindBandM.p10, aegl2.downwindBandM.p90, lang, 10_000);
    steps.push(lang === 'zh'
      ? `${windAndPlume(plume.windFromDeg, lang)}，下风向${reach}内公众疏散或就地避险`
      : `${windAndPlume(plume.windFromDeg, lang)}: evacuate or shelter the public downwind to ${reach}`);
  }
  const hazmat = field.hazmat;
  const padKm = hazmat ? (hazmat.daytime ? hazmat.protectiveActionDayKm : hazmat.protectiveActionNightKm) : null;
  if (hazmat && padKm !== null && !(plume && aegl2 && aegl2.downwindM > 0)) {
    const wind = plan.windFromDeg;
    const where = wind === null ? '' : windAndPlume(wind, lang).split(lang === 'zh' ? '，' : ', ')[0] + (lang === 'zh' ? '，' : ': ');
    steps.push(lang === 'zh' ? `${where}下风向${distanceText(padKm * 1000, lang)}内公众疏散或就地避险` : `${where}evacuate or shelter the public downwind to ${distanceText(padKm * 1000, lang)}`);
  }
  const halfLel = field.flammable?.vapourCloud?.halfLel;
  if (halfLel && halfLel.distanceM > 0) {
    steps.push(lang === 'zh' ? `下风向${distanceText(halfLel.distanceM, lang, halfLel.reachesModelLimit)}内严禁一切火源` : `no ignition sources within ${distanceText(halfLel.distanceM, lang, halfLel.reachesModelLimit)} downwind`);
  }
  const bleve = plan.groundLines?.find((l) => l.kind === 'bleve_evacuation');
  if (bleve) steps.push(lang === 'zh' ? bleve.basisZh : bleve.basis);
  const fire = field.fire;
  if (fire) {
    const toward = fire.ellipse.spreadTowardDeg;
    const dir = toward === null ? '' : (lang === 'zh' ? `向${compassPoint(toward, lang)}` : ` toward ${compassPoint(toward, lang)}`);
    steps.push(lang === 'zh' ? `火头${dir}蔓延，每分钟${fire.rateOfSpreadMPerMin}米` : `fire head spreading${dir} at ${fire.rateOfSpreadMPerMin} m/min`);
    const trigger = plan.groundLines?.find((l) => l.kind === 'evacuation_trigger');
    if (trigger) steps.push(lang === 'zh' ? trigger.basisZh : trigger.basis);
  }
  const quake = field.quake;
  if (quake) {
    const hot = plan.zones.find((z) => z.zone === 'hot');
    if (hot?.parts?.[0]) steps.push(lang === 'zh' ? `优先搜救${hot.parts[0].nameZh}区域（距震中${distanceText(hot.alongM, lang)}内）` : `search ${hot.parts[0].name} first (within ${distanceText(hot.alongM, lang)} of the epicentre)`);
  }
  const flood = field.flood;
  if (flood) {
    const first = flood.timeToDepth.find((d) => d.hours !== null);
    if (first?.hours != null) steps.push(lang === 'zh' ? `垸内约${minutesText(first.hours * 60, lang)}水深达${first.depthM}米：立即转移` : `${first.depthM} m of water in the polder in about ${minutesText(first.hours * 60, lang)}: move people out now`);
  }
  if (steps.length === 0) {
    const first = [...plan.tasks].sort((x, y) => x.deadlineMin - y.deadlineMin || y.priority - x.priority)[0];
    if (first) steps.push(lang === 'zh' ? first.titleZh : first.title);
  }
  return steps.join(lang === 'zh' ? '；' : '; ');
}

export function headline(s: StrategistResult, a: AwarenessResult, field: FieldResult, plan: Plan): { zh: string; en: string } {
  const urgent = plan.placesAtRisk?.find((p) => p.action !== 'monitor');
  const line = (lang: Lang) => {
    const parts = [what(s, field, lang), howBad(s, a, lang), who(a, urgent, lang), doNow(field, plan, urgent, lang)];
    return lang === 'zh' ? `${parts.join('。')}。` : `${parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('. ')}.`;
  };
  return { zh: line('zh'), en: line('en') };
}
