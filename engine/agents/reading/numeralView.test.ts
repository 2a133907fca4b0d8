// Chinese numerals that measure something are read as numbers by every facts reader (numeralView.ts), and
// what is found points at the report's own words; numerals that measure nothing are left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { numeralView, sourceSpan } from './numeralView.js';
import { physicalFactsFromText } from './physicalFacts.js';
import { assertLinearTime } from './testing/linearTime.js';

const read = (text: string) => Object.fromEntries(physicalFactsFromText(text).filter((f) => f.fact !== 'place').map((f) => [f.fact, f.value]));

test('a numeral before a unit, a percentage, a magnitude and 一个半小时 are written in digits; the rest is kept', () => {
  const cases: Array<[string, string]> = [
    ['缺口寬約二十五公尺', '缺口寬約25公尺'],
    ['堤外水位高於堤內地面約一點五公尺', '堤外水位高於堤內地面約1.5公尺'],
    ['坡度約百分之四十，', '坡度約40%，'],
    ['芮氏規模五點九地震', '芮氏規模5.9地震'],
    ['已延燒約一個半小時', '已延燒約1.5小時'],
    ['已燃烧约三个小时', '已燃烧约3个小时'],
    ['约一千六百公顷', '约1600公顷'],
    ['三百多米、三百来米', '300多米、300来米'],
    ['三千米外', '3千米外'],
    ['震源深度16千米', '震源深度16千米'],
    ['两三百米长', '300米长'],
    // Not measures: people, places, substances, levels, "at one point", vague amounts.
    ['二氧化硫泄漏，一名工人，四川九江，三号楼', '二氧化硫泄漏，一名工人，四川九江，三号楼'],
    ['启动一级响应，发布二级预警', '启动一级响应，发布二级预警'],
    ['水位一度超过警戒线，十几米宽', '水位一度超过警戒线，十几米宽'],
  ];
  for (const [text, view] of cases) assert.equal(numeralView(text).text, view, text);
});

test('facts said in Chinese numerals are read, with spans on the report\'s own words', () => {
  const text = '【縣消防局】本縣山區發生火警，燃燒物以灌木叢為主，火場坡度約百分之四十，火點距離最近聚落約八百公尺，已延燒約一個半小時。';
  assert.deepEqual(read(text), { 'fire.fuelModel': 5, 'fire.slopePct': 40, 'fire.distanceToCommunityM': 800, 'fire.burningForMin': 90 });
  const burning = physicalFactsFromText(text).find((f) => f.fact === 'fire.burningForMin');
  assert.equal(text.slice(...(burning?.span ?? [0, 0])), '延燒約一個半小時');
  const distance = physicalFactsFromText(text).find((f) => f.fact === 'fire.distanceToCommunityM');
  assert.match(text.slice(...(distance?.span ?? [0, 0])), /八百公尺$/);
  assert.deepEqual(read('花蓮縣外海發生芮氏規模五點九地震，震源深度十五點三公里。'), { 'quake.magnitude': 5.9, 'quake.depthKm': 15.3 });
  assert.deepEqual(read('某溪堤防缺口寬約二十五公尺，堤外水位高於堤內地面約一點五公尺，保護區面積約六百公頃。'),
    { 'flood.breachWidthM': 25, 'flood.headM': 1.5, 'flood.polderAreaKm2': 6 });
});

test('a wildfire told by a villager: the wind in words, homes as the community, time burning in numerals', () => {
  assert.deepEqual(read('荒草地着火了，火往东边跑，风是从西边刮过来的。离村子最近的人家也就三百来米，已经烧了有二十分钟了'),
    { 'weather.windFromDeg': 270, 'fire.fuelModel': 1, 'fire.distanceToCommunityM': 300, 'fire.burningForMin': 20 });
  assert.deepEqual(read('风从西南方吹来'), { 'weather.windFromDeg': 225 });
  assert.deepEqual(read('North-westerly winds of 20 km/h.'), { 'weather.windFromDeg': 315, 'weather.windSpeedMps': 5.6 }, 'not "westerly"');
  assert.deepEqual(read('Winds were out of the north-west.'), { 'weather.windFromDeg': 315 });
  assert.deepEqual(read('The grass fire is 1.5 miles from the nearest homes.'), { 'fire.fuelModel': 1, 'fire.distanceToCommunityM': 2414.016 });
});

test('a vessel emptied at once, in the words reports use for it', () => {
  assert.equal(read('一個盛載約二百公斤氫氟酸的膠桶在搬運時跌落破裂，酸液全部瀉出')['release.instantaneous'], true);
  assert.equal(read('A gas bottle holding 30 kg of LPG burst in the heat, releasing its contents at once.')['release.instantaneous'], true);
  assert.equal(read('The valve on the tank is leaking steadily; the bottle has not burst.')['release.instantaneous'], undefined);
});

test('the view keeps every span inside the report, and text without Chinese numerals is read as it is', () => {
  const piece = fc.constantFrom('二十五', '一點五', '百分之', '四十', '公尺', '米', '千', '个', '半', '小时', '规模', '點', '九', '16', '级', '响应', '，', 'a', ' ');
  fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), (text) => {
    const view = numeralView(text);
    for (let i = 0; i < view.text.length; i++) {
      const [from, to] = sourceSpan(view, [i, i + 1]);
      assert.ok(from >= 0 && from < to && to <= text.length, `${text}: view character ${i}`);
    }
    for (const f of physicalFactsFromText(text)) assert.ok(f.span[0] >= 0 && f.span[0] <= f.span[1] && f.span[1] <= text.length, text);
  }), { seed: 20261202, numRuns: 400 });
  fc.assert(fc.property(fc.string({ maxLength: 200 }).filter((t) => !/[零〇一二两兩三四五六七八九十百千万萬]/.test(t)), (text) => {
    assert.equal(numeralView(text).text, text);
  }), { seed: 20261202, numRuns: 200 });
});

test('the view stays linear: long numeral runs with and without units', () => {
  for (const unit of ['一二三四五六七八九', '三百米', '百分之四十', '规模五點九', '一个半小时']) assertLinearTime(unit, (n) => unit.repeat(n), numeralView, Math.ceil(5_000 / unit.length));
});
