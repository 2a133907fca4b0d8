// The reading step's physical facts: what the report's words say about the quake, the wind and the
// release, and how they fill (never override) the form's facts for the physics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIncident } from '../../contract/parseIncident.js';
import { physicalFactsFromText } from './physicalFacts.js';
import { withFactsFromText } from './factsForPhysics.js';
import { readReport } from './index.js';

const facts = (text: string) => Object.fromEntries(physicalFactsFromText(text).map((f) => [f.fact, f.value]));

test('quake magnitude and depth in Chinese and English', () => {
  assert.deepEqual(facts('四川甘孜州泸定县发生6.8级地震，震源深度16千米。'), { 'quake.magnitude': 6.8, 'quake.depthKm': 16 });
  assert.deepEqual(facts('M6.8 earthquake near Luding, depth 16 km'), { 'quake.magnitude': 6.8, 'quake.depthKm': 16 });
  assert.deepEqual(facts('A magnitude 5.9 quake, 10 km deep, struck at dawn'), { 'quake.magnitude': 5.9, 'quake.depthKm': 10, 'weather.daytime': false });
  // The word before the value: 震级, 里氏, and Taiwan's 規模 (only in a report about a quake: 规模 also means "scale").
  assert.equal(facts('台東外海發生規模5.3有感地震')['quake.magnitude'], 5.3);
  assert.equal(facts('此次地震震级为4.6，震中位于山区')['quake.magnitude'], 4.6);
  assert.equal(facts('仓库火灾过火规模约6公顷')['quake.magnitude'], undefined);
  assert.deepEqual(facts('Building 7 collapsed; 3 km from the river; 2 dead'), {}, 'no magnitude in numbers that are not one');
});

test('wind from its direction words and speed in m/s, km/h, knots and Beaufort force', () => {
  assert.deepEqual(facts('东北风3级'), { 'weather.windFromDeg': 45, 'weather.windSpeedMps': 4.4 });
  assert.deepEqual(facts('风速5米/秒，西北风'), { 'weather.windSpeedMps': 5, 'weather.windFromDeg': 315 });
  assert.deepEqual(facts('winds from the southwest at 20 km/h'), { 'weather.windFromDeg': 225, 'weather.windSpeedMps': 5.6 });
  assert.deepEqual(facts('a northerly wind gusting 15 knots'), { 'weather.windFromDeg': 0, 'weather.windSpeedMps': 7.7 });
});

test('substance by name, formula or UN number; rate only when a rate is stated; time of day', () => {
  assert.deepEqual(facts('Chlorine (UN1017) leaking at about 2 kg/s at 23:40'), { 'release.substance': 'chlorine', 'release.rateKgPerS': 2, 'weather.daytime': false });
  assert.deepEqual(facts('化工厂氯化氢泄漏，每秒约0.5公斤，下午'), { 'release.substance': 'hydrogen_chloride', 'release.rateKgPerS': 0.5, 'weather.daytime': true });
  assert.deepEqual(facts('槽罐车载有20吨液氨'), { 'release.substance': 'ammonia', 'release.massKg': 20000 }, 'a tonnage carried is not a rate (it is the inventory)');
  assert.deepEqual(facts('Ltd Co. warehouse fire'), {}, '"Co." is not carbon monoxide');
});

test('LNG words are LNG, a refrigerated liquid; natural gas in a pipeline stays methane', () => {
  const substance = (text: string) => facts(text)['release.substance'];
  for (const text of ['液化天然气槽车侧翻泄漏', '一辆LNG槽罐车在高速上侧翻', 'LNG tanker overturned on the ring road', 'Liquefied natural gas spilling from a storage tank',
    'placard UN1972 on the trailer', '液化天然氣槽車洩漏', 'LNG槽车侧翻，大量天然气泄漏', 'An LNG carrier is leaking; a cloud of natural gas is drifting east']) {
    assert.equal(substance(text), 'lng', text);
  }
  for (const text of ['天然气管道破裂泄漏', 'natural gas pipeline rupture', '压缩天然气加气站泄漏', 'CNG bus leaking gas', 'methane leak at the landfill']) {
    assert.equal(substance(text), 'methane', text);
  }
  // The later gas is another one: an LNG terminal's chlorine store is chlorine.
  assert.equal(substance('LNG terminal: chlorine leaking from the water-treatment plant'), 'chlorine');
  assert.deepEqual(facts('槽罐车载有20吨液化天然气'), { 'release.substance': 'lng', 'release.massKg': 20000 });
});

test('a name read across the end of another is a misreading: 氯化氢气体 is hydrogen chloride, not hydrogen', () => {
  const substance = (text: string) => facts(text)['release.substance'];
  assert.equal(substance('化工厂氯化氢气体泄漏'), 'hydrogen_chloride');
  assert.equal(substance('电镀企业产生氰化氢气体'), 'hydrogen_cyanide');
  assert.equal(substance('加氢站氢气泄漏'), 'hydrogen', 'hydrogen named on its own is hydrogen');
  assert.equal(substance('硫化氢气体中毒'), 'hydrogen_sulfide');
});

test('a 12-hour clock with its suffix is read by the suffix: 9:15 p.m. is night, not the 9:15 of a 24-hour clock', () => {
  const daytime = (text: string) => facts(text)['weather.daytime'];
  assert.equal(daytime('Called in at 9:15 p.m.: acid fumes in the plating shop'), false);
  assert.equal(daytime('Called in at 9:15 pm, fumes in the shop'), false);
  assert.equal(daytime('Called in at 9:15 a.m., fumes in the shop'), true);
  assert.equal(daytime('Called in at 21:15, fumes in the shop'), false);
  assert.equal(daytime('Called in at 9:15, fumes in the shop'), true, 'no suffix: a 24-hour clock');
});

test('a text full of substance names is read in linear time', async () => {
  const { assertLinearTime } = await import('./testing/linearTime.js');
  assertLinearTime('substance names', (n) => '液化天然气，天然气，natural gas, LNG, liquefied natural gas, 液氯, '.repeat(n), physicalFactsFromText, 200);
});

test('facts from the text fill only what the form left empty, and only whole facts', () => {
  const fromText = parseIncident({ text: 'Chlorine leaking at 2 kg/s, NE wind 3 m/s, 02:10' });
  const filled = withFactsFromText(fromText, readReport(fromText).facts);
  assert.deepEqual(filled.incident.facts.release, { substance: 'chlorine', rateKgPerS: 2, heightM: 0 });
  assert.deepEqual(filled.incident.facts.weather, { windFromDeg: 45, windSpeedMps: 3, daytime: false });
  assert.deepEqual(filled.used.map((f) => f.fact).sort(), ['release.rateKgPerS', 'release.substance', 'weather.daytime', 'weather.windFromDeg', 'weather.windSpeedMps']);

  const stated = parseIncident({ text: 'M7.1 quake, NE wind 3 m/s', facts: { quake: { magnitude: 6.2, depthKm: 8 }, weather: { windSpeedMps: 1, windFromDeg: 270 } } });
  const kept = withFactsFromText(stated, readReport(stated).facts);
  assert.deepEqual([kept.incident.facts.quake?.magnitude, kept.incident.facts.weather?.windFromDeg], [6.2, 270], 'a stated fact always wins');
  assert.deepEqual(kept.used, []);

  const half = parseIncident({ text: 'ammonia leak, NE wind' });
  assert.deepEqual(withFactsFromText(half, readReport(half).facts).used, [], 'no rate, no speed: nothing the physics could run on');
});

test('drills and exercises are flagged with the words that say so; "exercise caution" is not one', async () => {
  const { findDrill } = await import('../common/reportMarkers.js');
  assert.equal(findDrill('某化工园区开展液氯泄漏应急演练，模拟3人中毒')?.cue, '演练');
  assert.equal(findDrill('Joint evacuation drill at the rail yard: simulated chlorine leak')?.cue, 'drill');
  assert.equal(findDrill('Residents should exercise caution near the river; levee breach at 3 km'), undefined);
  assert.equal(findDrill('Chlorine tank car leaking, 2 dead'), undefined);
});

test('a hazard the report denies is no cue: 未发现明火, "no leak", "not a fire"', async () => {
  const { isNegated, firstAffirmed } = await import('../common/reportMarkers.js');
  const zh = '现场未发现明火，槽罐车发生泄漏';
  assert.equal(isNegated(zh, zh.indexOf('明火')), true);
  assert.equal(isNegated(zh, zh.indexOf('泄漏')), false, 'a new clause');
  const en = 'Crash on the G4, no fire and no leak reported; two injured.';
  assert.equal(firstAffirmed(en, en.toLowerCase(), 'fire'), undefined);
  assert.equal(firstAffirmed('fire in the warehouse', 'fire in the warehouse', 'fire'), 0);
  assert.equal(firstAffirmed('A firefighter was hurt', 'a firefighter was hurt', 'fire'), undefined, 'whole words only');
});

test('a figure stated in the form and another in the text are both kept; the more severe grades', () => {
  const incident = parseIncident({ text: '事故已造成5人死亡，3人受伤', facts: { deaths: 2, injuries: 4 } });
  const reading = readReport(incident);
  assert.deepEqual(reading.conflicts.map((c) => [c.figure, c.stated, c.read, c.used]), [['deaths', 2, 5, 'read'], ['injuries', 4, 3, 'stated']]);
  assert.deepEqual([reading.figures.deaths?.value, reading.figures.deaths?.source, reading.figures.injuries?.value, reading.figures.injuries?.source], [5, 'text', 4, 'fact']);
  assert.deepEqual(readReport(parseIncident({ text: '2人死亡', facts: { deaths: 2 } })).conflicts, [], 'the same figure twice is no conflict');
});

test('messages that are not incidents are screened with a reason; an affirmed hazard or a casualty never is', async () => {
  const { screenReport } = await import('./screening.js');
  const reason = (text: string) => screenReport(text, false)?.reason;
  assert.equal(reason('测试，测试，收到请回复'), 'test_message');
  assert.equal(reason('Radio check, please ignore'), 'test_message');
  assert.equal(reason('asdkjh qwpoeiru zxcmnb'), 'gibberish');
  assert.equal(reason('巡查河堤未发现异常'), 'all_clear');
  assert.equal(reason('Patrol completed: no fire, no leak found'), 'no_incident_evidence', 'hazards named only to be denied: nothing is left');
  assert.equal(reason('Checked the chlorine tank, everything normal'), 'all_clear', 'a hazard word before an all-clear');
  assert.equal(reason('Thought it was a false alarm, but confirmed fire in a bedroom'), undefined, 'a contrast overturns the all-clear');
  assert.equal(reason('New SOP for chlorine incidents uploaded, please read'), 'notice');
  assert.equal(reason('Vehicle 12 refuelled and washed'), 'no_incident_evidence', 'no event, casualty or call for help');
  assert.equal(reason('B库还剩多少沙袋？'), 'no_incident_evidence');
  assert.equal(reason('哈哈哈哈哈哈'), 'gibberish');
  assert.equal(reason('Kid fell through the ice, send divers'), undefined, 'an event verb and a request, no hazard noun');
  assert.equal(reason('超市一名老人突然倒地，请派救护车'), undefined);
  assert.equal(reason('下午三点在指挥部召开调度会'), 'notice');
  assert.equal(reason('消防演练通知：明天上午9点举行'), 'notice', 'a drill announced for later');
  assert.equal(reason('今天天气晴好，大家辛苦了'), 'chit_chat');
  assert.equal(reason('No fire, but ammonia is leaking from the tank'), undefined);
  assert.equal(reason('Chlorine tank car leaking near the rail yard'), undefined);
  assert.equal(screenReport('测试消息：3人受伤', true), undefined, 'a casualty makes it an incident');
});

test('the Strategist answers `other` with the reason for a screened message, whatever the classifier says', async () => {
  const { strategize } = await import('../strategist/index.js');
  const { INCIDENT_TYPES } = await import('../../contract/taxonomy.js');
  const confidentFire = Object.fromEntries(INCIDENT_TYPES.map((t) => [t, t === 'structure_fire' ? 0.95 : 0.05 / (INCIDENT_TYPES.length - 1)])) as never;
  const radio = parseIncident({ text: 'Radio check, please ignore' });
  const s = strategize(radio, confidentFire, readReport(radio));
  assert.deepEqual([s.type, s.notIncidentReason?.reason], ['other', 'test_message']);
  const drill = parseIncident({ text: '开展液氯泄漏应急演练，模拟槽罐车泄漏' });
  const d = strategize(drill, confidentFire, readReport(drill));
  assert.equal(d.notIncidentReason, undefined, 'a drill is read as its scenario');
  assert.equal(d.drill?.cue, '演练');
  const later = readReport(parseIncident({ text: '消防演练通知：明天上午9点举行' }));
  assert.deepEqual([later.drill, later.notIncident?.reason], [undefined, 'notice'], 'a drill announced for later is a notice');
  for (const text of ['不是演练！仓库真实起火', 'Warehouse on fire, this is NOT a drill', 'Drill cancelled, this is real: H2S near the well pad']) {
    assert.equal(readReport(parseIncident({ text })).drill, undefined, text);
  }
});

test('screening: remembrance, foreign press, questions about what is coming, drill papers, purchases and a watch that saw nothing', async () => {
  const { screenReport } = await import('./screening.js');
  const reason = (text: string, casualty = false, drill = false) => screenReport(text, casualty, drill)?.reason;
  assert.equal(reason('今天是舟曲泥石流纪念日，1700余人遇难，愿逝者安息。', true), 'notice', 'remembrance, even with its toll');
  assert.equal(reason('AFP: floods in the south of the country have displaced 20,000 people.', true), 'notice', 'the foreign press relaying news');
  assert.equal(reason('明天的暴雨会不会导致水库超警？要不要提前转移下游群众？'), 'notice');
  assert.equal(reason('Will the storm surge hit the harbour tomorrow? Should we move the boats?'), 'notice');
  assert.equal(reason('Storm surge over the harbour wall now, is anyone still on the pier?'), undefined, 'a statement beside the question is a report');
  // An event stated in its own clause before a question about what to do next is a report, not an enquiry.
  assert.equal(reason('Chlorine leaking at the plant, should we evacuate?'), undefined);
  assert.equal(reason('化工厂泄漏，要不要疏散？'), undefined);
  assert.equal(reason('大坝管涌，明天会不会溃坝？'), undefined);
  assert.equal(reason('化工园区泄漏处置演练讲评会材料已发群里。', false, true), 'notice', 'papers about a drill that is over');
  assert.equal(reason('Debrief notes from the tunnel fire exercise attached.', false, true), 'notice');
  assert.equal(reason('Flood drill under way at the pumping station, two role-players trapped.', false, true), undefined, 'a drill in progress is read as its scenario');
  assert.equal(reason('Drill debrief: the rescue team reached the trapped role-players in 14 minutes.', false, true), undefined, 'a debrief told in the message is the drill');
  assert.equal(reason('申请采购防化服20套、空气呼吸器6具。'), 'notice');
  assert.equal(reason('Requesting a purchase order for 200 sandbags and two pumps.'), 'notice');
  assert.equal(reason('Requesting two more pumps, the basement is flooding.'), undefined, 'a request beside an event is a call for help');
  assert.equal(reason('Fire watch at the quarry finished: nothing sighted.'), 'all_clear');
  assert.equal(reason('Worker down in the pump room, smell of gas.'), undefined, 'plain words for what befell someone');
});

test('screening: a request inside a notice with nothing happening is the notice', async () => {
  const { screenReport } = await import('./screening.js');
  assert.equal(screenReport('下周一召开安全例会，请派一名代表参加。', false)?.reason, 'notice');
  assert.equal(screenReport('Shift handover at 18:00, please send one person from each team.', false)?.reason, 'notice');
  assert.equal(screenReport('Meeting room on fire, send an engine.', false), undefined, 'an event beside the notice word: a call for help');
});

test('an event told as happening now is found in bounded work: a run with no clause end stays linear', async () => {
  const { eventToldNow } = await import('./screening.js');
  const { assertLinearTime } = await import('./testing/linearTime.js');
  assert.equal(eventToldNow('仓库着火了'), '着火');
  assert.equal(eventToldNow('The 1998 warehouse fire in this podcast'), undefined);
  // Each event word looked at reads its clause: without bounds a 20 000-character run with no clause end was quadratic
  // (a CJK run timed the reading out through the pipeline, orchestrator/adversarialText.test.ts).
  assertLinearTime('event told now, CJK run', (n) => '液氯泄漏起火'.repeat(n), (text) => eventToldNow(text));
  assertLinearTime('event told now, English run', (n) => 'the old mill fire story '.repeat(n), (text) => eventToldNow(text));
});

test('screening: a caller\'s plea to come is a call for help; 快来 before another verb is an invitation', async () => {
  const { requestPhrase, screenReport } = await import('./screening.js');
  assert.equal(screenReport('我家楼下车库一直往外冒黑烟，味道很呛，你们快点来！', false), undefined);
  assert.equal(requestPhrase('隔壁老人晕过去了，快来人啊', '隔壁老人晕过去了，快来人啊')?.phrase, '快来');
  assert.equal(requestPhrase('There is black smoke coming out of the garage next door, please hurry!', 'there is black smoke coming out of the garage next door, please hurry!')?.phrase, 'please hurry');
  assert.equal(requestPhrase('消防开放日快来报名，名额有限', '消防开放日快来报名，名额有限'), undefined, 'an invitation');
  assert.equal(requestPhrase('大家快来看这个防火科普视频', '大家快来看这个防火科普视频'), undefined);
  assert.equal(requestPhrase('有人受伤了，快来帮忙', '有人受伤了，快来帮忙')?.phrase, '快来', '快来帮忙 is a plea');
  assert.equal(requestPhrase('Please come, my dad fell off the ladder', 'please come, my dad fell off the ladder')?.phrase, 'please come');
  assert.equal(requestPhrase('Please come and join us for the flood fair on Saturday', 'please come and join us for the flood fair on saturday'), undefined, 'an invitation');
});

test('screening: a disaster of the past told with its toll, and a device test that asks for no answer', async () => {
  const { screenReport } = await import('./screening.js');
  const reason = (text: string, casualty = false) => screenReport(text, casualty)?.reason;
  assert.equal(reason('Thirty years ago the pit explosion killed 40 miners; the village still gathers each spring.', true), 'notice', 'a fronted "years ago" governs the sentence');
  assert.equal(reason('1976年唐山大地震造成24万余人遇难。', true), 'notice', 'a year standing alone, not a date');
  assert.equal(reason('2026年11月30日14时，某厂房起火，3人受伤。', true), undefined, 'a date is no past');
  assert.equal(reason('The bridge, built 60 years ago, collapsed this morning, 2 cars in the river.', true), undefined, 'a past clause inside a report of now');
  assert.equal(reason('Siren test at 12:00, no response required.'), 'test_message');
  assert.equal(reason('Siren test failed, smoke from the control box.'), undefined, 'an event beside the test words');
});

test('screening stays linear on long texts with past markers', async () => {
  const { screenReport } = await import('./screening.js');
  const { assertLinearTime } = await import('./testing/linearTime.js');
  assertLinearTime('past markers', (n) => 'in 1998, years ago, 曾，2008年，'.repeat(n), (text) => screenReport(text, false));
});

test('screening, fourth round: a disaster abroad relayed as news is a notice; one felt at home, or at home, is an incident', async () => {
  const { screenReport } = await import('./screening.js');
  const reason = (text: string, casualty = true) => screenReport(text, casualty)?.reason;
  assert.equal(reason('据中新社报道，菲律宾吕宋岛遭台风袭击，已致20人死亡。'), 'notice', 'the press and a place abroad');
  assert.equal(reason('墨西哥城发生7.0级地震，我驻墨使馆称暂无中国公民伤亡。'), 'notice', 'our mission and a place abroad');
  assert.equal(reason('Per state media, floods in Nepal have killed 31; the embassy is checking on its nationals.'), 'notice');
  assert.equal(reason('越南北部发生6.0级地震，广西东兴震感明显，部分墙体开裂。', false), undefined, 'felt at home: no press, no nationals');
  assert.equal(reason('据新华社消息，缅甸发生7.9级地震，云南瑞丽部分房屋受损。'), undefined, 'a place at home beside the news');
  assert.equal(reason('据新华社消息，今日本市一化工厂发生爆炸，3人受伤。'), undefined, '今日本市 is no Japan');
  assert.equal(reason('A ferry capsized off the coast of Peru, killing 9 passengers, police said.'), undefined, 'an incident abroad in news style, with no relay, is read');
});

test('screening, fourth round: remembrance with a time since, statistics and forecasts without an event are notices', async () => {
  const { screenReport } = await import('./screening.js');
  const reason = (text: string, casualty = false) => screenReport(text, casualty)?.reason;
  assert.equal(reason('Twenty years on from the Buncefield depot explosion, a plaque is unveiled today.'), 'notice');
  assert.equal(reason('舟曲泥石流十五周年，县里组织群众默哀。'), 'notice');
  assert.equal(reason('1998年8月7日九江大堤决口，全市今天举行公祭，今年是第28年。'), 'notice', 'a date and a time since in one remembering sentence');
  assert.equal(reason('Vigil at the memorial service: a stand collapsed and 6 people were hurt.', true), undefined, 'no time since: a crush at a memorial is news now');
  assert.equal(reason('今年以来全省共发生道路交通事故312起，死亡97人，同比下降6%。', true), 'notice');
  assert.equal(reason('Annual statistics: 41 people drowned in the county last year.', true), 'notice');
  assert.equal(reason('During the annual inspection, a gas leak was found in the boiler room.'), undefined, 'a statistics word marks only its clause');
  assert.equal(reason('气象台预计明天午后有雷暴大风，请注意防范。'), 'notice');
  assert.equal(reason('Gales are forecast for the coast tomorrow; ferries may be cancelled.'), 'notice');
  assert.equal(reason('预计今晚有暴雨，目前城区已有多处积水，一辆公交车被困。'), undefined, 'an event now beside the forecast');
  assert.equal(reason('暴雨红色预警，预计未来3小时雨量将超过100毫米，全市立即启动一级应急响应。'), undefined, 'a response ordered');
  assert.equal(reason('可能有人员被困，请求增援。'), undefined, '"可能" is not a forecast');
  assert.equal(reason('Typhoon expected to make landfall tomorrow; 3,000 residents already evacuated.', true), undefined);
  assert.equal(reason('台风将于今夜登陆，港内渔船仍在加固。'), undefined, 'what arrives within hours is the severe-weather plan\'s first phase');
  assert.equal(reason('预计今夜台风登陆，沿海仍有12艘渔船尚未回港。'), undefined, 'boats still exposed');
});

test('screening stays linear on long texts with news and forecast words', async () => {
  const { screenReport } = await import('./screening.js');
  const { assertLinearTime } = await import('./testing/linearTime.js');
  assertLinearTime('news and forecasts', (n) => '据新华社消息，预计明天，第一一一年，vigil 2008, '.repeat(n), (text) => screenReport(text, false));
});

test('screening, fifth round: a share of the dead is statistics; a share alone is not', async () => {
  const { screenReport } = await import('./screening.js');
  const reason = (text: string, casualty = false) => screenReport(text, casualty)?.reason;
  assert.equal(reason('Road crashes claimed over 1.7 lakh lives in 2023, the annual report said; riders made up 45 per cent of those killed.', true), 'notice');
  assert.equal(reason('The wildfire has burned 40 percent of the park and is moving east.'), undefined, 'a share without the dead is news now');
  assert.equal(reason('2025年全省溺水事故中，儿童占死亡人数的四成。', true), 'notice');
  assert.equal(reason('一辆货车侵占车道致2人死亡。', true), undefined, '占 in another word is no share');
  assert.equal(reason('孩子说全校已经有37个学生送到县医院了，有没有人管管？', true), undefined, 'people in hospital keep a citizen message');
});

test('screening stays linear on long texts with shares of the dead', async () => {
  const { screenReport } = await import('./screening.js');
  const { assertLinearTime } = await import('./testing/linearTime.js');
  assertLinearTime('shares', (n) => '45 per cent of those killed, 占死亡人数, '.repeat(n), (text) => screenReport(text, false));
});

test('screening, sixth round: a notice recalling last season\'s figures is a notice; a meeting about a flood now, or last year\'s building on fire, is not', async () => {
  const { screenReport } = await import('./screening.js');
  const reason = (text: string, casualty = false) => screenReport(text, casualty)?.reason;
  assert.equal(reason('通知：请各单位下周一到会议室参加防汛会议，会上通报去年汛期转移群众3000人、2人死亡的情况。', true), 'notice');
  assert.equal(reason('Reminder: the storm preparedness briefing is on Monday. Last year\'s flooding forced 900 people from their homes.', true), 'notice');
  assert.equal(reason('县里召开紧急会议，洪水已造成2人死亡，转移群众600人。', true), undefined, 'a meeting about a flood now');
  assert.equal(reason('去年建成的厂房今天起火，3人受伤。', true), undefined, 'outside a notice, last year dates a thing');
});

test('screening stays linear on long notices with past seasons', async () => {
  const { screenReport } = await import('./screening.js');
  const { assertLinearTime } = await import('./testing/linearTime.js');
  assertLinearTime('past seasons', (n) => '通知：去年汛期转移群众，last year\'s flooding, flood preparedness meeting, '.repeat(n), (text) => screenReport(text, false));
});

// The facts round (docs/input.md, "Facts read from the text"): general classes, each with a case on the other side.
test('a rate per minute or per hour in Chinese, 公噸 included; a road number, a tonnage or 每分钟 without a mass is no rate', () => {
  const rate = (text: string) => facts(text)['release.rateKgPerS'];
  assert.equal(rate('液氨储罐阀门损坏，每分钟约90公斤外泄'), 1.5);
  assert.equal(rate('估算泄漏量为每分钟30千克'), 0.5);
  assert.equal(rate('储槽破裂，每小時約18公噸洩出'), 5);
  assert.equal(rate('泄漏速率每小时3.6吨'), 1);
  assert.equal(rate('氯气钢瓶泄漏，现场每10分钟监测一次，S20省道封闭'), undefined, '每分钟 of a watch, not of a mass');
  assert.equal(rate('心率每分钟120次，伤员送医'), undefined);
  assert.equal(rate('槽车载有30吨液氯，沿G15行驶'), undefined, 'a tonnage carried is not a rate');
  assert.deepEqual(facts('每小时约3.6吨液氯泄漏'), { 'release.substance': 'chlorine', 'release.rateKgPerS': 1 }, 'a rate per hour is no inventory');
});

test('a Chinese wind speed per second in 米 or 公尺, or in 节; a temperature or a distance is no speed', () => {
  const speed = (text: string) => facts(text)['weather.windSpeedMps'];
  assert.equal(speed('现场吹东北风，风速约每秒6公尺'), 6);
  assert.equal(speed('風速每秒2.5米，環保局已監測'), 2.5);
  assert.equal(speed('海面风速约10节'), 5.1);
  assert.equal(speed('现场气温每秒升高，距厂区300米，气温35℃'), undefined);
  assert.equal(speed('列车3节车厢脱轨，现场风很大'), undefined, '节 of carriages is no knot');
});

test('wind direction as a bearing, or as where the wind blows to; a volume or a speed is no bearing', () => {
  const from = (text: string) => facts(text)['weather.windFromDeg'];
  assert.equal(from('气象站测得风向120度，风速3米/秒'), 120);
  assert.equal(from('風向為300°'), 300);
  assert.equal(from('Met office: wind 310° at 8 knots'), 310);
  assert.equal(from('wind 090 at 6 knots, visibility good'), 90);
  assert.equal(from('winds from 200 degrees'), 200);
  assert.equal(from('现场风往东南方向吹'), 315);
  assert.equal(from('浓烟随风向东北方向飘散，风向东北吹'), 225);
  assert.equal(from('the wind is blowing towards the east'), 270);
  assert.equal(from('wind 12 km/h from the south-west'), 225);
  assert.equal(from('wind SE 4 m/s'), 135);
  assert.equal(from('Wind picked up; the 240 m³ tank ruptured'), undefined, 'a tank volume is no bearing');
  assert.equal(from('wind 15 km/h'), undefined, 'a speed is no bearing');
  assert.equal(from('消防员往西南方向撤离'), undefined, 'people moving, not the wind');
  assert.equal(from('储罐容量240立方米，风向不定'), undefined);
});

test('time of day from clock times N时M分, a.m./p.m. and hrs; a duration or a clock after a period word is not misread', () => {
  const daytime = (text: string) => facts(text)['weather.daytime'];
  assert.equal(daytime('5月3日15时40分，某县发生山体滑坡'), true);
  assert.equal(daytime('12月8日3时17分，仓库起火'), false);
  assert.equal(daytime('20時5分許，工廠爆炸'), false);
  assert.equal(daytime('at 3 a.m. a tanker overturned'), false);
  assert.equal(daytime('Shortly after 4.30pm a fire broke out'), true);
  assert.equal(daytime('Crews called at 1415 hrs'), true);
  assert.equal(daytime('泄漏已持续3小时20分，尚未控制'), undefined, 'a duration is no clock time');
  assert.equal(daytime('下午2时30分，车间氯气外泄'), true, 'the period word says afternoon');
  assert.equal(daytime('晚上9:15，冷库液氨泄漏'), false);
});

test('benzene by its one-character name, never inside a longer name', () => {
  const substance = (text: string) => facts(text)['release.substance'];
  assert.equal(substance('储罐区苯外溢，已围堵'), 'benzene');
  assert.equal(substance('苯泄漏'), 'benzene');
  for (const text of ['甲苯储罐泄漏', '苯乙烯罐车侧翻', '二甲苯槽车泄漏', '硝基苯装置着火', '苯酚车间泄漏', '苯胺泄漏']) assert.equal(substance(text), undefined, text);
});

test('an aftershock\'s magnitude is not the main shock\'s; a Beaufort force only near a wind word; HF written in capitals', () => {
  assert.equal(facts('An M6.1 quake hit the coast; the largest aftershock so far measured M4.2.')['quake.magnitude'], 6.1);
  assert.equal(facts('昨日发生5.6级地震，今晨又发生4.1级余震')['quake.magnitude'], 5.6);
  assert.equal(facts('凌晨发生3.2级余震，无人员伤亡')['quake.magnitude'], 3.2, 'an aftershock alone is still the magnitude read');
  assert.equal(facts('Strike Force 7 deployed to the chemical plant')['weather.windSpeedMps'], undefined);
  assert.equal(facts('gale, wind force 8 on the coast')['weather.windSpeedMps'], 18.9);
  assert.equal(facts('HF leaking from the alkylation unit')['release.substance'], 'hydrogen_fluoride');
  assert.equal(facts('Ltd Co. warehouse fire, the HF radio was down')['release.substance'], undefined, 'no release word near it');
});

test('a text full of the facts round\'s markers is read in linear time', async () => {
  const { assertLinearTime } = await import('./testing/linearTime.js');
  assertLinearTime('rate, wind and clock markers', (n) => '每分钟约60公斤，风速约每秒4公尺，风向240度，风往西南方向吹，11时22分，苯，wind 270 at 12 knots, blowing toward the south, 1 a.m., 1415 hrs, HF leak, aftershock M3.8, force 5 wind. '.repeat(n), physicalFactsFromText, 200);
});

test('screening, seventh round: a commemoration with its historic toll, a forecast with advice, an all-clear and a siren test are not incidents; a quake on an anniversary, rain now, a tsunami that arrived and sirens for a real release are', async () => {
  const { screenReport } = await import('./screening.js');
  const reason = (text: string, casualty = false) => screenReport(text, casualty)?.reason;
  // commemorations: in a message counting the time since, a full date with its year is the disaster's date
  assert.equal(reason('今天是舟曲泥石流十四周年。2010年8月8日凌晨，特大山洪泥石流造成1501人遇难、264人失踪。我们深切缅怀逝者。', true), 'notice');
  assert.equal(reason('It is 20 years since the Kashmir earthquake. On 8 October 2005 it killed more than 80,000 people. We remember them today.', true), 'notice');
  assert.equal(reason('今天是防灾减灾日纪念日。今天上午10时许，我县发生4.5级地震，2间民房倒塌，3人受伤。', true), undefined, 'an anniversary sentence beside a quake now');
  assert.equal(reason('On the fifth anniversary of the blast, a fire broke out at the same depot. Two workers were hurt.', true), undefined, 'the anniversary dates its own sentence');
  assert.equal(reason('On 1 December 2026 a fire broke out in a warehouse on Dock Road; 2 workers were hurt.', true), undefined, 'a full date outside a remembering message is now');
  // forecasts: 将有 tells what is coming; a clause of possibility or advice after it goes on with it
  assert.equal(reason('气象台消息：后天我县将有一次寒潮过程，局地可能出现暴雪，并伴有大风。请市民做好防寒准备。'), 'notice');
  assert.equal(reason('A cold front is expected to reach the coast on Friday, with gales possible on exposed headlands. Residents are advised to avoid flooded roads.'), 'notice');
  assert.equal(reason('预计今晚雨势加强，目前老城区已有多处房屋进水。'), undefined, 'a clause without possibility tells what is so now');
  // all-clears: the threat has passed, the warning lifted, people may go back
  assert.equal(reason('The flood warning on the Clyde has been lifted: the danger has passed and evacuees can go back.'), 'all_clear');
  assert.equal(reason('台风蓝色预警已于今晨8时解除，转移群众可以返回家中。'), 'all_clear');
  assert.equal(reason('台风预警已解除，但城东仍有一处民房倒塌，2人被困。'), undefined, 'a contrast overturns the all-clear');
  assert.equal(reason('The tsunami warning was cancelled at noon. Waves flooded the marina an hour later.'), undefined, 'an event after the all-clear');
  // tests announced: the sirens will be tested, nothing to do; a condition supposes the weather
  assert.equal(reason('The town\'s flood warning sirens will be tested at 10 am on Monday. No action is needed. If a storm is present, the test will be postponed.'), 'test_message');
  assert.equal(reason('本周五上午10时将进行消防警报试鸣，无需采取任何行动，如遇大风暴雨顺延。'), 'test_message');
  assert.equal(reason('Sirens are sounding at the chemical works: ammonia is leaking from tank 4.'), undefined, 'sirens for a real release');
});

test('screening stays linear on long texts with dates, forecasts, all-clears and conditions', async () => {
  const { screenReport } = await import('./screening.js');
  const { assertLinearTime } = await import('./testing/linearTime.js');
  assertLinearTime('seventh round', (n) => '十周年，2008年5月12日，8 October 2005, 将有暴雨，局地可能，预警解除，if a storm, can go back, '.repeat(n), (text) => screenReport(text, false));
});

test('screening, eighth round: a recruitment notice, a road-works notice and an investigation closed are not incidents; rescuers sent, a road collapse and an investigation into today\'s blast are; so is a news agency\'s report of a disaster abroad', async () => {
  const { screenReport } = await import('./screening.js');
  const reason = (text: string, casualty = false) => screenReport(text, casualty)?.reason;
  // "因工作需要", "因工程需要": the need of the work, no call for help; 招聘, 报考 and 关于…的通告 are a notice's form
  assert.equal(reason('市消防救援支队2025年招录政府专职消防员简章：因工作需要，现招录专职消防员40名，负责灭火救援工作。报考人员须年满18周岁。'), 'notice');
  assert.equal(reason('县应急救援大队已调派15名救援队员赶赴现场，需要增援。'), undefined, 'rescuers sent, help asked for');
  assert.equal(reason('镇应急救援队12名队员已赶赴山洪现场，搜救被困群众。'), undefined, 'rescuers sent to a flash flood');
  assert.equal(reason('关于S305省道桥梁加固施工期间封闭交通的公告：因桥梁加固工程需要，自6月1日起S305省道K12段封闭施工，实行交通管制，请车辆绕行。特此公告。'), 'notice');
  assert.equal(reason('S305省道K12处路面突然塌陷，形成约5米深的坑，已实行交通管制，请求支援。'), undefined, 'a road collapse');
  assert.equal(reason('施工路段发生路面塌陷，一辆货车陷入坑中，交警已封闭道路。'), undefined, 'a collapse at road works with no notice form');
  assert.equal(reason('A lorry ploughed into the road works on the A9 this morning; two workers were injured.', true), undefined, 'a crash at road works');
  // an investigation closed, a final report's findings: the accident is past
  assert.equal(reason('The National Transportation Safety Board has concluded its investigation into the March 2019 bus crash in which four people died. The final report found the driver was fatigued.', true), 'notice');
  assert.equal(reason('该起事故调查报告认定，2023年4月的仓库火灾共造成3人死亡，系电气线路短路引发。', true), 'notice');
  assert.equal(reason('Police have opened an investigation into this morning\'s explosion at the paint factory, which killed two workers and injured five.', true), undefined, 'an investigation opened into today\'s blast');
  // a news agency's English wire of a disaster abroad, with its toll now: read as the report; our nationals asked after make it news
  assert.equal(reason('MANILA, March 3 (Xinhua) -- The death toll from landslides in the southern Philippines has climbed to 11, with 6 people still missing, the disaster agency said.', true), undefined);
  assert.equal(reason('Per state media, floods in Nepal have killed 31; the embassy is checking on its nationals.', true), 'notice', 'nationals asked after');
  assert.equal(reason('据中新社报道，菲律宾吕宋岛遭台风袭击，已致20人死亡。', true), 'notice', 'a Chinese relay of a disaster abroad stays news');
});

test('screening stays linear on long texts with notice forms, investigations and wires', async () => {
  const { screenReport } = await import('./screening.js');
  const { assertLinearTime } = await import('./testing/linearTime.js');
  assertLinearTime('eighth round', (n) => '因工作需要，关于施工的通告，招聘，closed its investigation, final report found, (Bernama) Indonesia, 救援，管制，'.repeat(n), (text) => screenReport(text, false));
});

test('screening, ninth round: an investigation report published, a period\'s statistics and a season\'s readiness reminder are not incidents; a blast today beside an old report, a fire beside this year\'s count and a storm in the season are', async () => {
  const { screenReport } = await import('./screening.js');
  const reason = (text: string, casualty = false) => screenReport(text, casualty)?.reason;
  // an investigation report published or approved, its findings and the causes it names: the accident is past
  assert.equal(reason('市政府近日批复了某商场“1·9”火灾事故调查报告。经调查认定，该起火灾造成4人死亡、11人受伤。事故直接原因是电动自行车电池热失控起火。', true), 'notice');
  assert.equal(reason('The coroner\'s office released its investigation report into the 2021 tunnel collapse that killed six miners; investigators found the roof bolts had corroded.', true), 'notice');
  assert.equal(reason('今晨6时，某涂料厂仓库发生爆炸，造成1人死亡、3人受伤。该厂2019年的事故调查报告曾要求其整改。', true), undefined, 'a blast now, an old report in a past clause');
  assert.equal(reason('A silo exploded at a feed mill at 9 a.m., injuring two workers; the investigation report will be published next year.', true), undefined, 'a report still to come');
  // statistics over a period, published: their tolls are past; a cause named in general is no event
  assert.equal(reason('省应急管理厅今天发布上半年全省生产安全事故统计：共发生事故312起，死亡287人，同比下降9%。', true), 'notice');
  assert.equal(reason('Fire statistics show 2,410 house fires across the region, in which 31 people died; cooking remained the leading cause.', true), 'notice');
  assert.notEqual(reason('統計顯示，電氣故障仍是住宅火災主要原因。'), undefined, 'a cause in general, no event');
  assert.equal(reason('今天中午，西城一家餐馆后厨起火，1人受伤。消防部门统计，这是本月第3起餐饮场所火灾。', true), undefined, 'a fire now beside a count');
  // a season ahead: last season is past, the season's forecast ahead
  assert.equal(reason('台风季即将到来，气象部门预测今年影响我市的台风偏多。请各单位做好防御准备。去年台风季，全市共转移群众5.6万人。', true), 'notice');
  assert.equal(reason('Wildfire season starts next week. Officials urge residents to clear brush around homes; last summer, fires destroyed 120 homes and forced 8,000 people to evacuate.', true), 'notice');
  assert.equal(reason('Typhoon season arrived early: Typhoon Mawar made landfall at 5 a.m., killing two people and forcing 12,000 from their homes.', true), undefined, 'a typhoon now, in the season');
});

test('screening, ninth round: a notice caused by an event dated this morning is that event; a notice dated today for a meeting or planned works is a notice', async () => {
  const { screenReport } = await import('./screening.js');
  const reason = (text: string, casualty = false) => screenReport(text, casualty)?.reason;
  assert.equal(reason('电力公司紧急停电通知：今天凌晨4时许，城北变电站发生火灾，导致城北片区停电，目前正在抢修，恢复时间另行通知。'), undefined);
  assert.equal(reason('Road closure notice: a gas main was struck on Pine Street at about 8:40 a.m. today and is leaking; the street is closed between 2nd and 4th.'), undefined);
  assert.equal(reason('关于召开火灾事故警示教育会议的通知：定于今天下午3时召开会议，通报近期火灾事故情况。'), 'notice', 'a meeting today');
  assert.equal(reason('Notice: a review of last month\'s warehouse fire will be held today at 3 p.m. in the main hall.'), 'notice', 'a meeting today, the fire in the past');
  assert.equal(reason('停水通知：因管道检修，定于今天上午9时至下午5时停水，检修管道泄漏隐患。'), 'notice', 'planned works today');
});

test('screening stays linear on long texts with inquiry reports, statistics, seasons and notices dated today', async () => {
  const { screenReport } = await import('./screening.js');
  const { assertLinearTime } = await import('./testing/linearTime.js');
  assertLinearTime('ninth round', (n) => '批复事故调查报告，经调查认定，统计：1,240 fires，season begins，停水通知：今天上午9时许爆管，积水，'.repeat(n), (text) => screenReport(text, false));
});

test('screening, tenth round: a forecast with its risk, advice to its sentence\'s end, a recall, training announced and a report titled as annual figures are not incidents; an event beside each is', async () => {
  const { screenReport } = await import('./screening.js');
  const reason = (text: string, casualty = false) => screenReport(text, casualty)?.reason;
  // a forecast's risk, told in its own clause or a later sentence
  assert.equal(reason('气象台预报，明晚起我县将有一次大风降温过程，沿海阵风可达10级，届时海上发生风暴潮的风险较高。'), 'notice');
  assert.equal(reason('Heavy snow is forecast for the hills tomorrow. There is a risk of road closures and power cuts.'), 'notice');
  assert.equal(reason('预计明天有暴雨。目前城区局部已有积水，有车辆被困。'), undefined, 'water standing now, after a forecast');
  assert.equal(reason('Gales are forecast overnight. Flooding has already closed the B4391 and there is a risk of more.'), undefined, 'flooding now, before the risk');
  // advice goes on to its sentence's end
  assert.equal(reason('预计今夜到明天有大暴雨，请沿河群众注意防范，低洼地带人员及早转移。'), 'notice');
  // a product recalled
  assert.equal(reason('产品召回公告：某品牌燃气灶因熄火保护装置缺陷，存在燃气泄漏隐患，自即日起召回。'), 'notice');
  assert.equal(reason('SAFETY RECALL: certain carbon monoxide alarms may fail to sound; the maker has had reports of two small kitchen fires.'), 'notice');
  // training announced; an accident in training today is an incident
  assert.equal(reason('本周五上午组织危化品泄漏处置训练，内容包括堵漏和洗消，请各班组长参加。'), 'notice');
  assert.equal(reason('今天上午10时许，训练中一名队员从三楼坠落受伤，已送医救治。', true), undefined);
  assert.equal(reason('消防训练塔起火，浓烟很大，附近有居民楼。'), undefined, 'a fire in the training tower');
  assert.equal(reason('Sitrep key figures: 3 dead, 12 injured in the Main Street collapse; search continues.', true), undefined, 'a sitrep\'s key figures');
  // a report titled as a period's figures: every clause is told of that period
  assert.equal(reason('2025年度报告：全市共发生火灾1,200起，死亡8人，受伤35人，直接经济损失1.2亿元。', true), 'notice');
  assert.equal(reason('Coastguard annual report: 412 call-outs, 61 lives saved, 9 people lost at sea.', true), 'notice');
  assert.equal(reason('据市消防支队年报，去年全市共发生火灾两千余起，造成11人死亡。', true), 'notice');
  assert.equal(reason('今年报警中心接到的第一起火警：今晨6时，某小区一住户起火，1人受伤。', true), undefined, '今年 before 报警');
});

test('screening stays linear on long texts with forecast risks, recalls, training and annual figures', async () => {
  const { screenReport } = await import('./screening.js');
  const { assertLinearTime } = await import('./testing/linearTime.js');
  assertLinearTime('tenth round', (n) => 'forecast tomorrow, risk of flooding, 届时风险较高，产品召回，处置训练，请注意，低洼地带转移，annual report，'.repeat(n), (text) => screenReport(text, false));
});

test('screening, eleventh round: a forecast\'s list of hazards, a likelihood, a smell found harmless and a test that says so are not incidents; a fire logged and counted, a supply lost now and a search under way are', async () => {
  const { screenReport } = await import('./screening.js');
  const reason = (text: string, casualty = false) => screenReport(text, casualty)?.reason;
  assert.equal(reason('预计明天我县有大暴雨，可能引发山洪、滑坡、泥石流等灾害。请注意防范。'), 'notice', 'a list joined by 、 is one clause');
  assert.equal(reason('Heavy rain is forecast tonight, and flooding is likely in low-lying areas.'), 'notice');
  assert.equal(reason('居民反映楼道有煤气味，燃气公司到场检测，经查系邻居家煮中药的气味。'), 'all_clear');
  assert.equal(reason('Smoke reported from the school roof turned out to be steam from a kitchen vent.'), 'all_clear');
  assert.equal(reason('This is a test of the county emergency alert system. In a real emergency, such as a flood, you would be told where to go. This is only a test.'), 'test_message');
  assert.equal(reason('This is not a test: a wildfire is approaching Oak Road, evacuate now.'), undefined);
  assert.equal(reason('22:47 仓库配电箱冒烟起火，23:31 明火扑灭，经清点，无人员伤亡。'), undefined, '经清点 is a log\'s count, not a stock-taking');
  assert.equal(reason('Unplanned outage affecting 12,000 customers after a fault on the 69kV line; crews are working to restore supply.'), undefined);
  assert.equal(reason('Notice of planned outage: supply will be off on Sunday from 8am to 2pm for line maintenance.'), 'notice');
  assert.equal(reason('Rescuers are searching for two hikers overdue on the mountain since last night.'), undefined);
});

test('screening, twelfth round: equipment handed over is a notice; a call-out of that equipment to an event now is not', async () => {
  const { screenReport } = await import('./screening.js');
  const reason = (text: string, casualty = false) => screenReport(text, casualty)?.reason;
  assert.equal(reason('县消防救援大队今天举行新装备列装仪式，20辆消防车正式列装，用于火灾扑救和抢险救援。'), 'notice');
  assert.equal(reason('The Mayor today flagged off six new rescue boats for the flood season, to strengthen response to floods.'), 'notice');
  assert.equal(reason('The pumper inducted last month was sent at 3 a.m. today to a barn fire that is still spreading.'), undefined);
});

test('screening, twelfth round: a question about a risk is an enquiry; an event told beside a question is a report', async () => {
  const { screenReport } = await import('./screening.js');
  const reason = (text: string, casualty = false) => screenReport(text, casualty)?.reason;
  assert.equal(reason('Is it safe to swim in the lake after the algae bloom? Could a chemical spill upstream reach us?'), 'notice');
  assert.equal(reason('我家刚搬到加油站旁边，请问如果加油站发生爆炸会影响到我们吗？'), 'notice');
  assert.equal(reason('Gas leaking in the hallway of block 4, should we leave?'), undefined);
  assert.equal(reason('楼下仓库着火了，烟会不会飘到我们楼上？'), undefined);
  assert.equal(reason('What should I do if the house next door is on fire right now?'), undefined, 'a question about what is happening now');
});

test('screening, twelfth round: an order lifted is an all-clear; an order lifted beside a fire still burning is not', async () => {
  const { screenReport } = await import('./screening.js');
  const reason = (text: string, casualty = false) => screenReport(text, casualty)?.reason;
  assert.equal(reason('Boil water notice lifted. Residents may resume normal use of tap water.'), 'all_clear');
  assert.equal(reason('Evacuation order lifted for Riverside after yesterday\'s gas leak. Residents may now return.'), 'all_clear');
  assert.equal(reason('Evacuation order lifted for Zone A, but the fire is still burning near Zone C.'), undefined);
  assert.equal(reason('Car fire on the A1 southbound, lane 1 closed; northbound traffic can resume.'), undefined, 'one carriageway reopened');
});

test('screening, twelfth round: a drill told with its papers to come is the drill; papers handed round are a notice', async () => {
  const { screenReport } = await import('./screening.js');
  const drill = (text: string) => screenReport(text, false, true)?.reason;
  assert.equal(drill('Thanks everyone for this morning\'s chlorine leak exercise at the pool; the evaluation report will be circulated next week.'), undefined);
  assert.equal(drill('感谢各单位参加今天上午的危化品泄漏演练，演练总结将于下周印发。'), undefined);
  assert.equal(drill('今天上午的火灾疏散演练总结报告已上传共享盘，请查阅。'), 'notice');
  assert.equal(drill('The flood drill will be held next week; the debrief is the week after.'), 'notice', 'a drill announced for later');
});

test('screening stays linear on long texts with equipment, questions about a risk, orders lifted and drill papers', async () => {
  const { screenReport } = await import('./screening.js');
  const { assertLinearTime } = await import('./testing/linearTime.js');
  assertLinearTime('twelfth round, screen', (n) => '列装，inducted today, fire? would a leak happen if? order lifted, may resume, 演练总结将于下周印发，'.repeat(n), (text) => screenReport(text, false));
  assertLinearTime('twelfth round, drill papers', (n) => 'exercise today, the debrief will be circulated next week; '.repeat(n), (text) => screenReport(text, false, true));
});
