import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIncident } from '../../contract/parseIncident.js';
import { INCIDENT_TYPES, type IncidentType } from '../../contract/taxonomy.js';
import { figuresFromText, parseChineseNumeral } from '../reading/figures.js';
import { gradeSeverity } from '../common/severityGrade.js';
import { strategize } from './index.js';
import { PRIORITY_WEIGHTS } from '../../knowledge/priorityWeights.js';
import type { TypeScores } from './classifier/incidentClassifier.js';
import { readReport } from '../reading/index.js';

const scoresFor = (main: IncidentType, p: number, second?: IncidentType, q = 0): TypeScores => {
  const rest = (1 - p - q) / (INCIDENT_TYPES.length - (second ? 2 : 1));
  return Object.fromEntries(INCIDENT_TYPES.map((t) => [t, t === main ? p : t === second ? q : rest])) as TypeScores;
};

test('Chinese numerals', () => {
  assert.equal(parseChineseNumeral('十二'), 12);
  assert.equal(parseChineseNumeral('二十三'), 23);
  assert.equal(parseChineseNumeral('三百'), 300);
  assert.equal(parseChineseNumeral('两'), 2);
});

test('figures read from Chinese and English reports', () => {
  const zh = figuresFromText('液氯槽罐车泄漏，已造成3人死亡，十二人受伤，2人失联，疏散群众1.5万人，直接经济损失约5000万元');
  assert.deepEqual([zh.deaths?.value, zh.injuries?.value, zh.missing?.value, zh.evacuated?.value, zh.directLossCny?.value], [3, 12, 2, 15000, 5e7]);
  const en = figuresFromText('2 dead, 14 injured, 5 persons trapped, evacuated about 2,000 residents, losses of 80 million yuan');
  assert.deepEqual([en.deaths?.value, en.injuries?.value, en.trapped?.value, en.evacuated?.value, en.directLossCny?.value], [2, 14, 5, 2000, 8e7]);
  assert.deepEqual(figuresFromText('M6.8 earthquake near Luding, depth 16 km'), {});
});

const read = (text: string) => Object.fromEntries(Object.entries(figuresFromText(text)).map(([k, f]) => [k, `${f.value}${f.lowerBound ? '+' : ''}`]));

test('figures: number words, Chinese numerals and multipliers, lower bounds, traditional characters', () => {
  assert.deepEqual(read('The death toll rose to 12. Forty-two people were injured, 3 of them seriously.'), { deaths: '12', injuries: '42', seriousInjuries: '3' });
  assert.deepEqual(read('三十余人受伤，两千余人转移安置，直接经济损失1.8亿元，受灾人口4.6万人'), { injuries: '30+', evacuated: '2000+', directLossCny: '180000000', exposed: '46000' });
  assert.deepEqual(read('12人受傷，3人罹難，2人失蹤，十余人受困'), { injuries: '12', deaths: '3', missing: '2', trapped: '10+' });
  assert.deepEqual(read('Over 30 residents stranded on rooftops; dozens evacuated; a dozen hurt'), { stranded: '30+', evacuated: '24+', injuries: '12' });
  assert.deepEqual(read('Crews report 30+ injured'), { injuries: '30+' });
});

test('figures: updates and corrections win, an earlier report is not a count, stated zeros are kept', () => {
  assert.deepEqual(read('Earlier reports said 5 dead; the confirmed toll is 7.'), { deaths: '7' });
  assert.deepEqual(read('初报3人死亡，现核实为2人。'), { deaths: '2' });
  assert.deepEqual(read('遇难人数已升至9人'), { deaths: '9' });
  assert.deepEqual(read('无人员伤亡，暂无人员被困'), { deaths: '0', injuries: '0', trapped: '0' });
  assert.deepEqual(read('No casualties were reported at first. Later, 2 workers were injured.'), { deaths: '0', injuries: '2' });
});

test('figures: numbers that are not counts stay unread, and every figure keeps its span', () => {
  assert.deepEqual(read('At 14:30 on the G4, 3 vehicles collided on floor 3 of the depot; M6.8 at 10 km depth; 20吨液氨; 7月5日'), {});
  const text = '事故造成3人死亡';
  const deaths = figuresFromText(text).deaths;
  assert.equal(text.slice(...(deaths?.span ?? [0, 0])), '3人死亡');
});

test('figures: adversarial runs of digits, numerals and figure words read nothing absurd (their time is measured by npm run eval)', () => {
  for (const text of ['1'.repeat(60_000), '一二三四五六七八九十'.repeat(6000), '1,'.repeat(30_000), '死亡'.repeat(30_000), '１２３人死亡\u200d\u200f😀']) {
    const figures = figuresFromText(text);
    for (const f of Object.values(figures)) assert.ok(Number.isFinite(f.value) && f.value >= 0 && f.value < 1e8, `${text.slice(0, 12)}: ${f.value}`);
  }
  assert.equal(figuresFromText('１２３人死亡').deaths?.value, 123, 'full-width digits');
});

test('Order 493 grading: worst of deaths, serious injuries and loss; boundaries inclusive', () => {
  const g = (deaths: number, serious = 0, loss = 0) => gradeSeverity({
    deaths: { value: deaths, source: 'fact' }, seriousInjuries: { value: serious, source: 'fact' }, directLossCny: { value: loss, source: 'fact' },
  }).severity;
  assert.equal(g(30), 'I');
  assert.equal(g(29), 'II');
  assert.equal(g(10), 'II');
  assert.equal(g(9), 'III');
  assert.equal(g(3), 'III');
  assert.equal(g(2), 'IV');
  assert.equal(g(0, 100), 'I');
  assert.equal(g(0, 50), 'II');
  assert.equal(g(0, 10), 'III');
  assert.equal(g(0, 0, 100e6), 'I');
  assert.equal(g(0, 0, 50e6), 'II');
  assert.equal(g(0, 0, 10e6), 'III');
  assert.equal(g(0, 0, 9.99e6), 'IV');
  assert.equal(g(1, 60, 0), 'II', 'the worst criterion decides');
});

test('missing count with the dead, marked as an estimate; trapped and stranded people are not injuries', () => {
  const grade = gradeSeverity({ deaths: { value: 2, source: 'text' }, missing: { value: 1, source: 'text' }, trapped: { value: 12, source: 'text' } });
  assert.equal(grade.severity, 'III');
  assert.equal(grade.isEstimate, true);
  assert.equal(grade.basis.deaths?.value, 3);
  assert.equal(grade.basis.seriousInjuries, undefined);
  // People stranded on rooftops with no one hurt: a flood to hurry for, not a level-I disaster.
  assert.equal(gradeSeverity({ stranded: { value: 120, source: 'text' }, injuries: { value: 0, source: 'text' } }).severity, 'IV');
  assert.ok(grade.confidence < 0.75);
  const none = gradeSeverity({});
  assert.equal(none.severity, 'IV');
  assert.equal(none.isEstimate, true, 'no figures at all is an estimate');
});

test('strategist: type, severity from facts over text, SOP, objectives ranked by SAFE weights', () => {
  const incident = parseIncident({ text: '京港澳高速液氯槽罐车泄漏，已造成3人死亡，5人被困', facts: { deaths: 12 } });
  const s = strategize(incident, scoresFor('hazmat_release', 0.8, 'traffic_accident', 0.1), readReport(incident));
  assert.equal(s.type, 'hazmat_release');
  assert.equal(s.severity, 'II', 'the fact (12 deaths) overrides the text (3)');
  assert.equal(s.severityColour, 'orange');
  assert.equal(s.figures.deaths?.source, 'fact');
  assert.equal(s.sop.id, 'hazmat');
  assert.equal(s.language, 'zh');
  assert.deepEqual(s.priorityWeights, PRIORITY_WEIGHTS);
  const scores = s.objectives.map((o) => o.score);
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a), 'objectives are ranked');
  const top = s.objectives[0];
  assert.ok(top);
  const recomputed = Object.entries(PRIORITY_WEIGHTS).reduce((sum, [f, w]) => sum + w * (top.factors[f] as number), 0);
  assert.ok(Math.abs(recomputed - top.score) < 1e-3);
});

test('low confidence becomes other; stated facts shift the type', () => {
  const vague = parseIncident({ text: 'something happened' });
  assert.equal(strategize(vague, scoresFor('flood', 0.3), readReport(vague)).type, 'other');
  const withBreach = parseIncident({ text: 'something happened', facts: { flood: { breachWidthM: 50, headM: 2, polderAreaKm2: 5 } } });
  assert.equal(strategize(withBreach, scoresFor('flood', 0.3), readReport(withBreach)).type, 'flood');
});

test('secondary hazards from the report and from the classifier', () => {
  const incident = parseIncident({ text: 'M6.8 earthquake near Luding; several houses collapsed and a landslide blocked the road' });
  const s = strategize(incident, scoresFor('earthquake', 0.7, 'building_collapse', 0.2), readReport(incident));
  const types = s.secondaryHazards.map((h) => h.type);
  assert.ok(types.includes('building_collapse'));
  assert.ok(types.includes('landslide'));
  assert.ok(!types.includes('earthquake'), 'the primary type is not its own secondary hazard');
});

test('an earthquake is graded by the national earthquake plan: deaths with the missing, and the magnitude\'s initial judgement beside them', () => {
  const tenDead = gradeSeverity({ deaths: { value: 12, source: 'text', lowerBound: true } }, 'national-earthquake-plan');
  assert.deepEqual([tenDead.severity, tenDead.standard], ['III', 'national-earthquake-plan'], 'more than ten dead is III (较大), not IV');
  assert.equal(gradeSeverity({ deaths: { value: 40, source: 'fact' }, missing: { value: 12, source: 'fact' } }, 'national-earthquake-plan').severity, 'II', '40 dead + 12 missing = 52 ≥ 50');
  const m68 = gradeSeverity({ deaths: { value: 12, source: 'text' } }, 'national-earthquake-plan', { magnitude: 6.8 });
  assert.deepEqual([m68.severity, m68.isEstimate, m68.initial?.severity], ['II', true, 'II'], 'M6.8 in a moderately populated area: initially II, which drives');
  assert.equal(gradeSeverity({}, 'national-earthquake-plan', { magnitude: 6.2, denselyPopulated: true }).severity, 'I', 'densely populated: one magnitude lower per level');
  assert.equal(gradeSeverity({ deaths: { value: 350, source: 'fact' } }, 'national-earthquake-plan', { magnitude: 5.2 }).severity, 'I', 'the figures, when higher, drive');
});

test('a landslide is graded by the geological disaster plan: deaths, direct loss, and the people who must be relocated', () => {
  assert.equal(gradeSeverity({ deaths: { value: 4, source: 'text' } }, 'national-geological-disaster-plan').severity, 'III');
  assert.equal(gradeSeverity({ directLossCny: { value: 6e6, source: 'text' } }, 'national-geological-disaster-plan').severity, 'II', '5–10 million yuan is 大型');
  assert.equal(gradeSeverity({ evacuated: { value: 1200, source: 'text' } }, 'national-geological-disaster-plan').severity, 'I', '1000 people to relocate: 特大型险情');
  assert.equal(gradeSeverity({ evacuated: { value: 1200, source: 'text' } }, 'order-493').severity, 'IV', 'Order 493 does not grade by evacuation');
});

test('a wildfire is graded by the forest fire regulations: burned forest area, deaths, serious injuries; a grass fire not by area', () => {
  const fire = (text: string, facts: Record<string, unknown> = {}) => {
    const incident = parseIncident({ text, facts });
    return strategize(incident, scoresFor('wildfire', 0.8), readReport(incident));
  };
  const burned = fire('山林大火持續延燒，過火面積已逾千公頃，目前有2名消防員失聯。');
  assert.deepEqual([burned.severityStandard, burned.severity, burned.severityBasis.burnedForestHa?.value, burned.severityBasis.burnedForestHa?.source],
    ['forest-fire-regulations', 'I', 1000, 'text'], '1 000 ha of forest is 特别重大 whatever the casualties');
  assert.ok(burned.severityBasis.burnedForestHa?.span, 'the area keeps where the report says it');
  assert.equal(fire('某林场发生森林火灾，过火面积约50公顷，2名扑火队员被烧伤。').severity, 'III', '1–100 ha is 较大');
  assert.equal(fire('The forest fire has burned 300 hectares; no injuries.').severity, 'II', '100–1 000 ha is 重大');
  assert.equal(fire('Forest fire in the state park, 0.5 hectares burned, contained.').severity, 'IV', 'under 1 ha is 一般');
  assert.equal(fire('Grass fire, 300 hectares burned, no injuries.').severity, 'IV', 'a grass fire is not graded by forest area');
  assert.equal(fire('山火，扑火队员8人遇难').severity, 'III', 'deaths grade as under Order 493');
  assert.equal(fire('Forest fire reported.', { burnedAreaHa: 150 }).severityBasis.burnedForestHa?.source, 'fact', 'a stated area is used');
  assert.equal(fire('Forest fire has burned 2,000 hectares.', { burnedAreaHa: 50 }).severity, 'III', 'a stated area wins over the text');
  assert.equal(gradeSeverity({}, 'forest-fire-regulations', { burnedForestHa: { value: 99.9, source: 'text' } }).severity, 'III');
  assert.equal(gradeSeverity({}, 'forest-fire-regulations', { burnedForestHa: { value: 100, source: 'text' } }).severity, 'II', 'the regulation counts its bound in (以上, 含本数)');
});

test('过火面积 (burned area), written in every fire report, is no evidence of a wildfire', () => {
  const mall = parseIncident({ text: '商业综合体地下一层超市起火，过火面积约800平方米，3人受伤。' });
  assert.equal(strategize(mall, scoresFor('wildfire', 0.45, 'structure_fire', 0.4), readReport(mall)).type, 'structure_fire');
  const forest = parseIncident({ text: '山火过火面积约50公顷。' });
  assert.equal(strategize(forest, scoresFor('wildfire', 0.45, 'structure_fire', 0.4), readReport(forest)).type, 'wildfire', '山火 still is');
});

test('a crash that releases its load is answered hazmat_release, the crash kept as a secondary hazard', () => {
  const incident = parseIncident({ text: 'Tanker crash on the G4, corrosive liquid leaking onto the road, driver trapped' });
  const s = strategize(incident, scoresFor('traffic_accident', 0.7, 'hazmat_release', 0.2), readReport(incident));
  assert.equal(s.type, 'hazmat_release');
  assert.ok(s.secondaryHazards.some((h) => h.type === 'traffic_accident'));
  const plain = parseIncident({ text: 'Head-on collision on the G4, no leak, one driver hurt' });
  assert.equal(strategize(plain, scoresFor('traffic_accident', 0.7, 'hazmat_release', 0.2), readReport(plain)).type, 'traffic_accident', 'a denied leak changes nothing');
});

test('an affirmed hazard word is evidence for its type; a denied one is not', () => {
  // The classifier leans to `other` on a death-toll update; the word that names the hazard tips it.
  const leaning = scoresFor('other', 0.3, 'earthquake', 0.2);
  const toll = parseIncident({ text: 'The toll from last night\'s quake in the valley has risen to 57.' });
  assert.equal(strategize(toll, leaning, readReport(toll)).type, 'earthquake');
  const denied = parseIncident({ text: 'Caller felt no quake, asks about the valley road toll booth.' });
  assert.notEqual(strategize(denied, leaning, readReport(denied)).type, 'earthquake');
  const none = parseIncident({ text: 'The toll in the valley has risen to 57.' });
  assert.notEqual(strategize(none, leaning, readReport(none)).type, 'earthquake', 'no hazard word, no evidence');
});

test('"fire" naming the fire service is no evidence of a fire; a fire burning still is; dispatch and regional words', () => {
  const leaning = scoresFor('structure_fire', 0.45, 'traffic_accident', 0.35);
  const crash = parseIncident({ text: 'MVC with entrapment on Route 9. Two cars, one driver pinned. Fire on scene for extrication, fire crews requesting a second ambulance.' });
  assert.equal(strategize(crash, leaning, readReport(crash)).type, 'traffic_accident');
  const debrisFlow = parseIncident({ text: '連日豪雨，山區發生土石流，2人失聯。' });
  assert.equal(strategize(debrisFlow, scoresFor('other', 0.35, 'landslide', 0.25), readReport(debrisFlow)).type, 'landslide', "Taiwan's 土石流 is a debris flow");
  const slope = parseIncident({ text: '今晨邊坡大面積坍方，土石沖入民宅，1人受困。' });
  assert.equal(strategize(slope, scoresFor('other', 0.35, 'landslide', 0.25), readReport(slope)).type, 'landslide', '坍方 is 塌方');
  const running = parseIncident({ text: 'Division B: fire jumped the ridge above the reservoir, 20-foot flame lengths, crews pulling back.' });
  assert.equal(strategize(running, scoresFor('structure_fire', 0.38, 'wildfire', 0.4), readReport(running)).type, 'wildfire', 'a wildland fire\'s behaviour');
  const house = parseIncident({ text: 'House fire on Ridge Road, flames through the roof.' });
  assert.equal(strategize(house, scoresFor('structure_fire', 0.38, 'wildfire', 0.4), readReport(house)).type, 'structure_fire', 'a ridge in a road name is no wildland fire');
  const tanker = parseIncident({ text: 'Tanker truck crashed on the bypass, the tank leaking a yellow liquid, driver out.' });
  assert.equal(strategize(tanker, scoresFor('traffic_accident', 0.5, 'hazmat_release', 0.2), readReport(tanker)).type, 'hazmat_release', 'a crash that releases its load');
  const dry = parseIncident({ text: 'Tanker truck and a car collided on the bypass, the car driver trapped, the tank intact.' });
  assert.equal(strategize(dry, scoresFor('traffic_accident', 0.5, 'hazmat_release', 0.2), readReport(dry)).type, 'traffic_accident');
  const burning = parseIncident({ text: 'Car crash on Route 9; the wreck is on fire and fire crews are on the way.' });
  assert.equal(strategize(burning, leaning, readReport(burning)).type, 'structure_fire', '"on fire" is a fire, whatever follows it later');
});

test('one hazard named when the classifier is unsure of every key is the type; a confident other stays; 防震 names a drill\'s hazard', () => {
  const unsure = scoresFor('other', 0.35, 'flood', 0.25);
  const debris = parseIncident({ text: '山区突发泥石流，冲毁道路，2人失踪。' });
  assert.equal(strategize(debris, unsure, readReport(debris)).type, 'landslide');
  const two = parseIncident({ text: '暴雨引发山洪和泥石流，2人失踪。' });
  assert.equal(strategize(two, unsure, readReport(two)).type, 'flood', 'two hazards named: the scores decide');
  const collapsed = parseIncident({ text: 'A man collapsed in the station, not breathing.' });
  assert.equal(strategize(collapsed, scoresFor('other', 0.7), readReport(collapsed)).type, 'other', 'a confident other stays');
  const drill = parseIncident({ text: '某中学开展防震应急疏散演练，全校师生有序撤离。' });
  assert.equal(strategize(drill, scoresFor('structure_fire', 0.3, 'hazmat_release', 0.25), readReport(drill)).type, 'earthquake');
});

test('seventh round: the bare verb 淹 in a resident\'s words is flood evidence; a denied one, or none, is not', () => {
  const unsure = scoresFor('other', 0.32, 'structure_fire', 0.2);
  const carPark = parseIncident({ text: '我们小区地库全淹了，好多车泡在水里，物业在抽水。' });
  assert.equal(strategize(carPark, unsure, readReport(carPark)).type, 'flood');
  const denied = parseIncident({ text: '我们小区地库没有淹，物业在检查电路，好多车停在里面。' });
  assert.notEqual(strategize(denied, unsure, readReport(denied)).type, 'flood', 'a denied verb is no evidence');
  const none = parseIncident({ text: '我们小区地库停了好多车，物业在检查电路。' });
  assert.notEqual(strategize(none, unsure, readReport(none)).type, 'flood');
});

test('tenth round: a trade\'s or a region\'s own words are evidence of their type (冒落 and 采场 underground, 水浸), a denied one is not', () => {
  const unsure = scoresFor('other', 0.32, 'building_collapse', 0.2);
  const stope = parseIncident({ text: '井下二水平5号采场发生顶板冒落，一名工人被压，正在组织救援。' });
  assert.equal(strategize(stope, unsure, readReport(stope)).type, 'mine_accident');
  const macau = parseIncident({ text: '今日凌晨內港一帶出現水浸，最深處約0.5米，多間商鋪入水。' });
  assert.equal(strategize(macau, unsure, readReport(macau)).type, 'flood');
  const none = parseIncident({ text: '工地一面临时围墙倒了，一名工人被压，正在组织救援。' });
  assert.notEqual(strategize(none, unsure, readReport(none)).type, 'mine_accident', 'no word of the mine');
});
