// Components rendered to HTML under Node (react-dom/server): what a commander sees for a known result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { initI18n } from '../i18n/i18n.js';
import { StrategistCard } from './StrategistCard.js';
import { ProgressStrip } from './ProgressStrip.js';
import { HazardMap } from './HazardMap.js';
import { PlanView } from './PlanView.js';
import { DenseGasNote } from './DenseGasNote.js';
import { ReportReading, reportedDistanceText } from './ReportReading.js';
import { missingFieldKey } from '../logic/missingFieldNames.js';
import type { AnalysisResult, ExecutorResult, StrategistResult, Zone } from '../../../engine/contract/result.js';

initI18n('zh');

const strategist = {
  type: 'hazmat_release', confidence: 0.93, severity: 'II', severityColour: 'orange', severityIsEstimate: true, severityConfidence: 0.55,
  severityBasis: { deaths: { value: 12, source: 'estimate' } }, severityStandard: 'order-493', figures: {}, typeScores: {}, language: 'zh',
  secondaryHazards: [{ type: 'traffic_accident', cue: 'x', confidence: 0.6 }], sop: { id: 'hazmat', title: 'Hazmat', titleZh: '危化品' },
  priorityWeights: {}, objectives: [{ id: 'a', title: 'Protect', titleZh: '保护群众', score: 0.9, factors: {} }],
} as unknown as StrategistResult;

test('strategist card: type, coloured level, estimate flag, reasons, in Chinese then English', async () => {
  const zhHtml = renderToStaticMarkup(<StrategistCard strategist={strategist} />);
  assert.match(zhHtml, /危险化学品泄漏/);
  assert.match(zhHtml, /class="severity severity-orange"[^>]*>II 级（重大） · 估计值/);
  assert.match(zhHtml, /死亡 12（估计）/);
  assert.match(zhHtml, /次生灾害：交通事故/, 'a Chinese colon in the Chinese UI');
  assert.match(zhHtml, /处置规程：危化品/);
  await i18next.changeLanguage('en');
  const enHtml = renderToStaticMarkup(<StrategistCard strategist={strategist} />);
  assert.match(enHtml, /Hazmat release/);
  assert.match(enHtml, /Level II \(severe\) · estimate/);
  assert.match(enHtml, /<p>[^<:]+: Hazmat<\/p>/, 'the SOP after an English colon');
  await i18next.changeLanguage('zh');
});

test('progress strip shows each agent\'s latest state and time', () => {
  const html = renderToStaticMarkup(<ProgressStrip events={[
    { analysisId: 'a', agent: 'strategist', state: 'started', atMs: 0 },
    { analysisId: 'a', agent: 'strategist', state: 'finished', atMs: 3, durationMs: 2.5 },
    { analysisId: 'a', agent: 'field', state: 'failed', atMs: 4 },
  ]} />);
  assert.match(html, /data-testid="progress-strategist" data-state="finished"/);
  assert.match(html, /2.5 ms/);
  assert.match(html, /data-testid="progress-field" data-state="failed"/);
  assert.match(html, /data-testid="progress-executor" data-state="waiting"/);
});

test('hazard map draws every zone with a scale bar and the wind arrow for plumes', () => {
  const zones: Zone[] = [
    { zone: 'hot', shape: 'corridor', alongM: 900, acrossM: 120, bearingDeg: 225, basis: '', populationEstimate: 10 },
    { zone: 'warm', shape: 'corridor', alongM: 2500, acrossM: 400, bearingDeg: 225, basis: '', populationEstimate: 100 },
  ];
  const html = renderToStaticMarkup(<HazardMap plan={{ zones }} field={{ notComputed: [], plume: { windFromDeg: 45, inputsUsed: { windSpeedMps: 3.2 } } } as never} />);
  assert.equal((html.match(/class="zone zone-/g) ?? []).length, 2);
  assert.match(html, /data-testid="scale-bar"/);
  assert.match(html, /transform="translate\(36 34\) rotate\(45\)" data-testid="wind-arrow"/);
  assert.match(html, /data-testid="wind-label">东北风（来自45°），3.2米\/秒</, 'the wind arrow says where from and how fast');
  // Zones without outlines (an older engine's run) are drawn, but not claimed to be to scale.
  assert.match(html, /危害范围（近似，未按比例）/);
  assert.match(html, /data-approximate="true"/);
  const describedBy = /aria-describedby="([^"]+)"/.exec(html)?.[1];
  assert.ok(describedBy && html.includes(`id="${describedBy}" data-testid="map-text"`), 'the SVG points at the text that says what it shows');
});

const ring = (radiusM: number): Array<[number, number]> => Array.from({ length: 48 }, (_, i) => [Math.round(radiusM * Math.sin((i * Math.PI) / 24)), Math.round(radiusM * Math.cos((i * Math.PI) / 24))]);

test('hazard map: each origin has its own shape; circles say their radius; P10/P90 outlines; places with zone and arrival; the map in words', () => {
  const plan = {
    zones: [
      { zone: 'hot', shape: 'circle', alongM: 800, acrossM: 1600, bearingDeg: 225, basis: '', populationEstimate: 10, drawing: 'to-scale',
        parts: [{ name: 'initial isolation', nameZh: '初始隔离区', polygon: ring(800) }],
        bands: [{ band: 'p10', name: '', nameZh: '', polygon: ring(700) }, { band: 'p90', name: '', nameZh: '', polygon: ring(1200) }] },
      { zone: 'protective_action', shape: 'polygon', alongM: 5000, acrossM: 5000, bearingDeg: 90, basis: '', populationEstimate: 900, drawing: 'to-scale',
        parts: [{ name: 'ERG area', nameZh: 'ERG防护行动区', polygon: [[0, -2500], [5000, -2500], [5000, 2500], [0, 2500]] }] },
    ],
    placesAtRisk: [{ name: '柳树村', point: [1500, 0], distanceM: 1500, bearingDeg: 90, population: 800, zone: 'protective_action', arrivalMin: 13, action: 'shelter_in_place', reason: '', reasonZh: '' }],
    wind: { fromDeg: 270, speedMps: 2 },
  } as const;
  const render = (kind: 'release' | 'ignition' | 'breach' | 'epicentre') =>
    renderToStaticMarkup(<HazardMap plan={{ ...plan, origin: { kind, name: kind, nameZh: kind } } as never} field={undefined} />);
  const markOf = (html: string) => /data-testid="origin-mark" data-kind="(\w+)"[^>]*>(<(\w+)[^>]*>)/.exec(html);
  const marks = (['release', 'ignition', 'breach', 'epicentre'] as const).map((k) => markOf(render(k)));
  assert.deepEqual(marks.map((m) => m?.[1]), ['release', 'ignition', 'breach', 'epicentre']);
  assert.equal(new Set(marks.map((m) => m?.[2])).size, 4, 'four different shapes, not one shape in four colours');
  const html = render('release');
  assert.match(html, /data-radius-m="800"><path[^>]*><\/path><text[^>]*>半径800米</, 'the isolation circle is labelled by its radius');
  assert.doesNotMatch(html, /800米 × /, 'not radius × diameter');
  assert.match(html, /data-band="p10"/);
  assert.match(html, /data-band="p90"/);
  assert.match(html, /柳树村 · 公众防护行动区 · 13分钟/, 'the place says its zone and arrival on the map');
  const text = /data-testid="map-text">(.*?)<\/ul>/s.exec(html)?.[1] ?? '';
  assert.match(text, /西风（来自270°），2米\/秒；烟羽飘向东/);
  assert.match(text, /热区：初始隔离区：半径800米/);
  assert.match(text, /公众防护行动区：ERG防护行动区：向东延伸5公里，宽5公里/);
  assert.match(text, /热区 P10–P90 700米至1.2公里/);
  assert.match(text, /柳树村：公众防护行动区，约13分钟后到达/);
});

test('information needed is named in the UI language, never as the engine\'s field path', async () => {
  const executor = { tasks: [], units: [], timeline: [], missingInformation: [
    { field: 'resources', impact: 0.8, why: 'the plan uses a default roster', whyZh: '当前使用默认力量编成' },
    { field: 'facts.quake.faultStrikeDeg', impact: 0.5, why: 'the model used a default for it', whyZh: '模型对此项使用了默认值' },
    { field: 'facts.weather.windSpeedMps', impact: 0.5, why: 'the model used a default for it', whyZh: '模型对此项使用了默认值' },
  ] } as unknown as ExecutorResult;
  const listOf = (html: string) => /data-testid="missing-info">(.*?)<\/ul>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '') ?? '';
  const zhList = listOf(renderToStaticMarkup(<PlanView executor={executor} />));
  assert.equal(zhList, '实际救援力量 — 当前使用默认力量编成断层走向 — 模型对此项使用了默认值气象（风速与风向） — 模型对此项使用了默认值');
  assert.doesNotMatch(zhList, /[A-Za-z]/, 'no field path in the Chinese UI');
  await i18next.changeLanguage('en');
  const enList = listOf(renderToStaticMarkup(<PlanView executor={executor} />));
  assert.match(enList, /^Units actually available — the plan uses a default roster/);
  assert.doesNotMatch(enList, /resources|facts\./);
  await i18next.changeLanguage('zh');
  // A path the table does not know stays visible, as code, rather than vanishing.
  assert.equal(missingFieldKey('somethingNew'), null);
  assert.equal(missingFieldKey('facts'), null);
});

test('a place\'s distance read from the report is in the UI language\'s units, as the report gave it', () => {
  assert.equal(reportedDistanceText(800, 'zh'), '800米');
  assert.equal(reportedDistanceText(1250, 'zh'), '1.25公里');
  assert.equal(reportedDistanceText(800, 'en'), '800 m');
  assert.equal(reportedDistanceText(1250, 'en'), '1.25 km');
});

test('the report reading lists a place as label, colon, name, distance and side, in each language', async () => {
  const text = '下风向约800米有村庄';
  const result = { field: { factsFromText: [{ fact: 'place', span: [0, 10], value: { name: '村庄', distanceM: 800, direction: 'downwind' } }] } } as unknown as AnalysisResult;
  const items = (html: string) => [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]);
  assert.deepEqual(items(renderToStaticMarkup(<ReportReading text={text} result={result} />)), ['地点：村庄 · 800米 · 下风向']);
  await i18next.changeLanguage('en');
  assert.deepEqual(items(renderToStaticMarkup(<ReportReading text={text} result={result} />)), ['place: 村庄 · 800 m · downwind']);
  await i18next.changeLanguage('zh');
});

test('dense-gas note: a refrigerated liquid (LNG) is said as one, with its boiling point and the air, in Chinese then English', async () => {
  const denseGas = { applies: true, check: 'dense', reason: 'dense gas near the source', criterion: 0.897, alpha: -0.057, sourceScaleM: 1.379, handoverM: 755,
    releaseTemperatureK: 111.667, ambientTemperatureK: 293.15, releaseTemperature: 'refrigerated-liquid' } as const;
  const zhHtml = renderToStaticMarkup(<DenseGasNote denseGas={denseGas} />);
  assert.match(zhHtml, /data-release-temperature="refrigerated-liquid"/);
  assert.match(zhHtml, /冷冻液化气体（如液化天然气）.*−161\.5 °C.*气温 20 °C/);
  await i18next.changeLanguage('en');
  assert.match(renderToStaticMarkup(<DenseGasNote denseGas={denseGas} />), /A refrigerated liquid \(such as LNG\).*−161\.5 °C.*the air&#x27;s 20 °C/);
  // A flashing liquefied gas keeps its own words.
  assert.match(renderToStaticMarkup(<DenseGasNote denseGas={{ ...denseGas, releaseTemperatureK: 239.198, releaseTemperature: 'boiling-point' }} />), /A liquefied gas: .*−34 °C/);
  await i18next.changeLanguage('zh');
});
