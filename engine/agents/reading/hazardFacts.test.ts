// Floods, wildfires and a release's amount read from a report's words (docs/input.md, "Facts read from the
// text"), in Chinese (simplified and traditional) and English; numbers that are not these facts are not
// read; the facts fill facts.flood, facts.fire and the release only as docs/result.md says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseIncident } from '../../contract/parseIncident.js';
import { hazardFactsFromText } from './hazardFacts.js';
import { physicalFactsFromText } from './physicalFacts.js';
import { withFactsFromText } from './factsForPhysics.js';
import { runField } from '../field/index.js';
import { assertLinearTime } from './testing/linearTime.js';

const read = (text: string) => Object.fromEntries(hazardFactsFromText(text).map((f) => [f.fact, f.value]));

test('flood: breach width, head and polder area, rain', () => {
  assert.deepEqual(read('堤防决口宽约200米，内外水位差4.5米，垸区面积12平方公里，降雨120毫米。'),
    { 'flood.breachWidthM': 200, 'flood.headM': 4.5, 'flood.polderAreaKm2': 12, 'flood.rainMm': 120 });
  assert.deepEqual(read('口门宽度扩大至226米，水头差约3米，蓄洪区面积4.5万亩'), { 'flood.breachWidthM': 226, 'flood.headM': 3, 'flood.polderAreaKm2': 30 });
  assert.deepEqual(read('潰口寬約80米，外江水位高出垸內2.5米'), { 'flood.breachWidthM': 80, 'flood.headM': 2.5 }, 'traditional');
  assert.deepEqual(read('A 200 m breach opened in the levee; the river stands 4 m above the polder, a 30 km² polder; 120 mm of rain fell.'),
    { 'flood.breachWidthM': 200, 'flood.headM': 4, 'flood.polderAreaKm2': 30, 'flood.rainMm': 120 });
  assert.deepEqual(read('The breach was 50 m wide at noon; the breach has widened to 80 metres. Head difference of 3.5 m across the breach.'),
    { 'flood.breachWidthM': 80, 'flood.headM': 3.5 }, 'the later statement wins');
});

test('flood: a level above the warning mark, depths, speeds and heights are no breach, head or area', () => {
  for (const text of ['河道水位超警戒水位2.3米，水深约6米，流速3米每秒，堤顶高程32米。', '江水超警戒水位1.8米，水位高出警戒线1.8米', '决口处水深5米，决口200米处有村庄',
    'River is 2.4 m above warning level and 7 m deep; current 2.5 m/s; the levee crest is 5 m high.', 'Flood water stands 1.5 m above the ground in the village.',
    'The breach is 3 m deep; teams are 500 m from the breach.', 'Rain gauge cracked 12 mm; 30 km from the river.']) {
    assert.deepEqual(read(text), {}, text);
  }
});

test('wildfire: fuel words map to Anderson (1982) models; slope in degrees becomes percent; time burning; distance to the community', () => {
  const fuel = (text: string) => read(text)['fire.fuelModel'];
  assert.deepEqual([fuel('草地起火'), fuel('高草草场起火'), fuel('灌木林火灾'), fuel('密灌丛起火'), fuel('针叶林下枯落物燃烧'), fuel('林下枯落物和下木燃烧'), fuel('采伐剩余物起火'), fuel('轻度采伐剩余物起火')],
    [1, 3, 5, 4, 8, 10, 12, 11]);
  assert.deepEqual([fuel('grass fire'), fuel('tall grass fire'), fuel('brush fire'), fuel('chaparral fire'), fuel('fire in pine litter'), fuel('timber litter fire with heavy understory'), fuel('heavy logging slash burning')],
    [1, 3, 5, 4, 8, 10, 13]);
  assert.equal(fuel('草地被洪水淹没'), undefined, 'a fuel word with no fire near is no fuel');
  assert.equal(fuel('Fire engines parked on the grass verge by the flooded road'), undefined, 'the fire service is no fire');
  assert.equal(fuel('火车站旁草地积水'), undefined, '火车 is a train');
  assert.deepEqual(read('山火发生在灌木林，坡度30度，已燃烧2小时，火头距最近的村庄约2公里'),
    { 'fire.fuelModel': 5, 'fire.slopePct': 57.7, 'fire.burningForMin': 120, 'fire.distanceToCommunityM': 2000 });
  assert.deepEqual(read('Grass fire on a 30% slope, burning for 40 minutes, 1.5 km from the nearest homes'),
    { 'fire.fuelModel': 1, 'fire.slopePct': 30, 'fire.burningForMin': 40, 'fire.distanceToCommunityM': 1500 });
  assert.deepEqual(read('草原起火约半小时，下风向3公里有柳树村约800人'), { 'fire.fuelModel': 1, 'fire.burningForMin': 30, 'fire.distanceToCommunityM': 3000 },
    'no distance stated for the fire: the nearest place named');
});

test('wildfire: the burned area in hectares, from 公顷, 亩, km² and acres; areas that are not burned are not read', () => {
  const area = (text: string) => read(text)['fire.burnedAreaHa'];
  assert.deepEqual([area('过火面积约50公顷'), area('過火面積已逾千公頃'), area('受害森林面积3000亩'), area('火场面积已扩大到1.2万亩'), area('过火面积约2平方公里')],
    [50, 1000, 200, 800, 200]);
  assert.deepEqual([area('The fire has now burned 3,400 hectares'), area('The Ridge Fire has burned more than 12,000 acres'), area('a 500-hectare bushfire'), area('about 40 ha have been scorched by the blaze')],
    [3400, 4856.23, 500, 40]);
  for (const text of ['垸区面积12平方公里，决口', '洪水淹没农田3000亩', 'The flood covered 300 hectares of farmland.', 'The fire is 2 km from a 300-hectare orchard.',
    'Fire crews saved 40 hectares of vineyard.', '山火距离300公顷的保护区约2公里', '洪涝致农作物受害面积3000亩']) {
    assert.equal(area(text), undefined, text);
  }
});

test('release amount: the inventory and how long it leaked; rates, truck weights and a release still going are not', () => {
  assert.deepEqual(read('20吨液化石油气槽车侧翻，泄漏持续10分钟'), { 'release.massKg': 20000, 'release.durationMin': 10 });
  assert.deepEqual(read('槽罐车载有液氯25吨，已泄漏约半小时'), { 'release.massKg': 25000, 'release.durationMin': 30 });
  assert.deepEqual(read('載有液化石油氣約24噸的槽罐車，洩漏持續約20分鐘'), { 'release.massKg': 24000, 'release.durationMin': 20 }, 'traditional');
  assert.deepEqual(read('a 20-tonne tank of LPG leaked for 15 minutes'), { 'release.massKg': 20000, 'release.durationMin': 15 });
  assert.deepEqual(read('30 t of ammonia in the receiver; the leak lasted half an hour'), { 'release.massKg': 30000, 'release.durationMin': 30 });
  for (const text of ['泄漏速率2吨/小时', '一辆30吨的货车', '5万吨级油轮', '已泄漏约半小时，目前仍在泄漏', 'a 40-tonne truck', 'leaking at 2 t/h',
    'The release of chlorine forced evacuation for 2 hours.', 'It has leaked for 20 minutes and is still leaking.']) {
    assert.deepEqual(read(text), {}, text);
  }
});

test('a Chinese levee-breach report with no form facts: facts.flood is filled and the F-Agent gives its flood result', () => {
  const text = '7月5日，洞庭湖一线堤防发生决口，决口宽约226米，内外水位差约4米，团洲垸面积约47平方公里，垸内群众正在转移。';
  const incident = parseIncident({ text });
  const { incident: filled, used } = withFactsFromText(incident, physicalFactsFromText(text));
  assert.deepEqual([filled.facts.flood?.breachWidthM, filled.facts.flood?.headM, filled.facts.flood?.polderAreaKm2, filled.facts.flood?.weirCoefficient], [226, 4, 47, 1.7]);
  assert.deepEqual(used.map((f) => f.fact), ['flood.breachWidthM', 'flood.headM', 'flood.polderAreaKm2']);
  const flood = runField(filled, { flood: 0 }).flood;
  // Broad-crested weir Q = C·b·h^1.5 (docs/physics.md): 1.7 × 226 × 4^1.5 = 3073.6 m³/s at the start.
  assert.ok(flood && Math.abs(flood.inflowM3PerS - 1.7 * 226 * 8) < 1, `inflow ${flood?.inflowM3PerS}`);
  assert.ok(flood.timeToDepth.some((d) => d.hours !== null));
});

test('half a flood is not filled; a stated release is completed with the text\'s mass, a stated field wins, another substance\'s mass is not taken', () => {
  const half = '圩堤决口已扩大至150米，超警戒水位1.8米，圩区面积约8平方公里';
  assert.equal(withFactsFromText(parseIncident({ text: half }), physicalFactsFromText(half)).incident.facts.flood, undefined, 'no head: no flood');

  const text = '液化石油气槽车侧翻，载有液化石油气20吨，泄漏持续10分钟';
  const stated = parseIncident({ text, facts: { release: { substance: 'propane', rateKgPerS: 5 } } });
  const filled = withFactsFromText(stated, physicalFactsFromText(text));
  assert.deepEqual(filled.incident.facts.release, { substance: 'propane', rateKgPerS: 5, heightM: 0, massKg: 20000, durationMin: 10 });
  assert.deepEqual(filled.used.map((f) => f.fact), ['release.massKg', 'release.durationMin']);

  const withMass = parseIncident({ text, facts: { release: { substance: 'propane', rateKgPerS: 5, massKg: 1000 } } });
  assert.equal(withFactsFromText(withMass, physicalFactsFromText(text)).incident.facts.release?.massKg, 1000, 'a stated mass wins');
  const other = parseIncident({ text, facts: { release: { substance: 'chlorine', rateKgPerS: 5 } } });
  assert.equal(withFactsFromText(other, physicalFactsFromText(text)).incident.facts.release?.massKg, undefined, 'the text\'s LPG mass is not the stated chlorine\'s');
});

test('a wildfire from the words alone gets facts.fire with the physics defaults and a fire result', () => {
  const text = '山火：灌木林起火，坡度约20度，已燃烧1小时，西北风4米/秒';
  const { incident } = withFactsFromText(parseIncident({ text }), physicalFactsFromText(text));
  assert.equal(incident.facts.fire?.fuelModel, 5);
  assert.equal(incident.facts.fire?.deadFuelMoisturePct, 6);
  assert.equal(incident.facts.fire?.burningForMin, 60);
  assert.ok(runField(incident, { fire: 0 }).fire);
});

test('property: reports made only of speeds, depths, heights, levels, times and counts give none of these facts', () => {
  const distractors = ['水深4米', '流速3米每秒', '风速5米/秒', '堤顶高程32米', '超警戒水位1.8米', '水位28.5米', '震源深度10千米', 'G4高速K1523+300', '3人受伤', '23:40', '转移群众1200人',
    '距现场3公里', '警戒区500米', '2 m deep', 'wind 20 km/h', 'current 2.5 m/s', '5 m high', '1.2 m above warning stage', 'km 1402', '12 injured', 'cordon of 300 m', 'magnitude 6.1',
    '，', '。', ', ', '; ', ' '];
  fc.assert(fc.property(fc.array(fc.constantFrom(...distractors), { minLength: 1, maxLength: 30 }), (parts) => {
    const text = parts.join('');
    assert.deepEqual(hazardFactsFromText(text), [], text);
  }), { seed: 20261201, numRuns: 300 });
});

test('reading stays linear: long runs of markers and digits are read promptly', () => {
  const units = ['决口宽', '水位差', '面积', 'breach ', 'head of ', 'km² polder ', '坡度', 'burning for ', '泄漏持续', '吨液氯', ' t of ammonia ', 'leaked for ', '储罐破裂', 'not ruptured ', '9'];
  for (const unit of units) assertLinearTime(unit, (n) => unit.repeat(n), hazardFactsFromText, Math.ceil(5_000 / unit.length));
  fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => {
    for (const f of hazardFactsFromText(text)) assert.ok(f.span[0] >= 0 && f.span[0] < f.span[1] && f.span[1] <= text.length && (f.value === true || Number.isFinite(f.value as number)));
  }), { seed: 20261201, numRuns: 300 });
});

test('a vessel that ruptured with its tonnage stated: a release of that mass at once (a puff), zh and en', () => {
  const filled = (text: string) => withFactsFromText(parseIncident({ text, facts: { weather: { windSpeedMps: 3, windFromDeg: 0 } } }), physicalFactsFromText(text));
  const zh = filled('化工厂液氯储罐破裂，约1吨液氯瞬间泄漏，下风向有居民。');
  assert.equal(zh.incident.facts.release?.releaseMassKg, 1000);
  assert.equal(zh.incident.facts.release?.rateKgPerS, undefined);
  assert.ok(zh.used.some((f) => f.fact === 'release.instantaneous'));
  assert.equal(runField(zh.incident).plume?.releaseModel, 'instantaneous');
  const en = filled('A 900 kg chlorine cylinder ruptured at the water works; 2 dead.');
  assert.deepEqual(en.incident.facts.release, { substance: 'chlorine', releaseMassKg: 900, massKg: 900, heightM: 0 });
  // No rupture, or one the report denies: a tonnage alone is an inventory, not a release.
  for (const text of ['液氯储罐未破裂，罐内约1吨液氯，阀门处少量泄漏。', 'A 900 kg chlorine cylinder was found; it has not ruptured.', '20吨液氨储罐阀门泄漏']) {
    assert.equal(filled(text).incident.facts.release, undefined, text);
  }
  // A stated rate wins, and a duration read from the text is not added to a mass released at once.
  const rate = filled('液氯储罐破裂，约1吨液氯泄漏，泄漏速率2公斤/秒');
  assert.equal(rate.incident.facts.release?.rateKgPerS, 2);
  const stated = withFactsFromText(parseIncident({ text: '液氯储罐破裂，泄漏持续10分钟', facts: { release: { substance: 'chlorine', releaseMassKg: 1000 } } }), physicalFactsFromText('液氯储罐破裂，泄漏持续10分钟'));
  assert.equal(stated.incident.facts.release?.durationMin, undefined);
});

test('a burst pipe or valve is no rupture of the vessel; a denied one is none', () => {
  const atOnce = (text: string) => read(text)['release.instantaneous'];
  assert.equal(atOnce('液氯储罐破裂'), true);
  assert.equal(atOnce('钢瓶爆裂'), true);
  assert.equal(atOnce('The chlorine tank car ruptured in the derailment.'), true);
  for (const text of ['液氯储罐出口管道破裂', '储罐阀门破裂', '储罐未破裂', 'A pipe ruptured at the chlorine plant.', 'The tank has not ruptured; a valve leaks.', 'The cylinder did not burst.']) {
    assert.equal(atOnce(text), undefined, text);
  }
});

// Ninth round (eval/README.md, "Ninth round"): classes found on facts set b, each with a case on the other side.
test('ninth round: a breach width in 公尺 or as a gap N m wide beside a levee; a gap in a fence or wall is none', () => {
  assert.equal(read('北堤凌晨潰決，缺口約寬55公尺。')['flood.breachWidthM'], 55);
  assert.equal(read('溃口宽约120公尺，群众已转移')['flood.breachWidthM'], 120);
  assert.equal(read('The dyke has failed near the pumping station: a gap roughly 18 m wide, water pouring through.')['flood.breachWidthM'], 18);
  assert.equal(read('Embankment breach: gap approx. 60 metres wide.')['flood.breachWidthM'], 60);
  assert.equal(read('小区围墙倒塌形成一处宽约4公尺的缺口。')['flood.breachWidthM'], undefined);
  assert.equal(read('Thieves cut a gap 2 m wide in the security fence of the yard.')['flood.breachWidthM'], undefined);
});

test('ninth round: the outside water above the inside ground is a head; water standing inside above the ground is none', () => {
  assert.equal(read('決口處江水水位高出垸內地面約3.6公尺')['flood.headM'], 3.6);
  assert.equal(read('外河水位高出圩内田面2米，正组织抢堵')['flood.headM'], 2);
  assert.equal(read('街道积水高出地面0.8米，车辆无法通行')['flood.headM'], undefined);
  assert.equal(read('圩区面積约9平方公里')['flood.polderAreaKm2'], 9, 'traditional 面積 as well as 面积');
});

test('ninth round: rain with a phrase of place before its verb; a river rise in mm is no rain', () => {
  assert.equal(read('Rainfall totals over the upper valley reached 210 mm by dawn.')['flood.rainMm'], 210);
  assert.equal(read('Rain in the hills measured 95 mm overnight.')['flood.rainMm'], 95);
  assert.equal(read('The gauge showed the river up 400 mm since midnight; rain was patchy.')['flood.rainMm'], undefined);
});

test('ninth round: a release\'s duration after its rate, and the time before the leak was stopped; other durations are none', () => {
  assert.equal(read('储罐阀门泄漏，泄漏速率约每秒0.8公斤，持续约35分钟。')['release.durationMin'], 35);
  assert.equal(read('管线破损致氨气外泄，约12分钟后关阀止漏。')['release.durationMin'], 12);
  assert.equal(read('氯气洩漏，速率每分鐘約20公斤，約半小時後被封堵。')['release.durationMin'], 30);
  assert.equal(read('液氨泄漏，速率每秒约1公斤，仍在持续泄漏，道路封闭持续约3小时。')['release.durationMin'], undefined, 'still leaking; a closure\'s time');
  assert.equal(read('暴雨持续约40分钟，约10分钟后切断电源。')['release.durationMin'], undefined, 'no release in the sentence');
  assert.equal(read('Ammonia was emitted at about 0.9 kg/s for roughly 25 minutes.')['release.durationMin'], 25);
  assert.equal(read('Hydrogen sulfide emissions at 2.4 tonnes per hour lasted about 10 minutes.')['release.durationMin'], 10);
  assert.equal(read('Gas flowed from the ruptured line for about 45 minutes before the valve was shut.')['release.durationMin'], 45);
  assert.equal(read('Traffic flowed slowly for about 45 minutes; flood water flowed for 2 hours.')['release.durationMin'], undefined);
});

test('ninth round: a mass after a verb of release is what was released; a rate after it is none', () => {
  assert.equal(read('The relief valve lifted and vented an estimated 120 kg before it reseated.')['release.massKg'], 120);
  assert.equal(read('A drum fell from the forklift and spilled about 0.2 t.')['release.massKg'], 200);
  assert.equal(read('Chlorine released at 40 kg per minute from the cracked fitting.')['release.massKg'], undefined);
  assert.equal(read('The truck released its brakes; it weighs 12 t.')['release.massKg'], undefined);
});

test('ninth round: a rate with its units spelt out', () => {
  const rate = (text: string) => physicalFactsFromText(text).find((f) => f.fact === 'release.rateKgPerS')?.value;
  assert.equal(rate('Ammonia escaping at about 1.5 kilograms per second.'), 1.5);
  assert.equal(rate('Sulphur dioxide released at 3.6 tonnes per hour.'), 1);
  assert.equal(rate('Propane vented at 0.6 t per minute.'), 10);
  assert.equal(rate('Chlorine leak; crews handed out 3 kg per person of supplies.'), undefined, 'a mass per person is no rate');
});

test('ninth round: the new markers stay linear', () => {
  assertLinearTime('durations after a release', (n) => '泄漏持续约10分钟后止漏，'.repeat(n), (text) => hazardFactsFromText(text));
  assertLinearTime('gaps, rain phrases, emissions', (n) => 'gap about 3 m wide in the levee, rainfall across the basin reached 9 mm, emitted 2 t per hour for 3 minutes. '.repeat(n), (text) => physicalFactsFromText(text));
});
