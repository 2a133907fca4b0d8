// The headline leads with the answer, wholly in one language, with the figures the analysis computed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIncident } from '../../contract/parseIncident.js';
import type { IncidentInput } from '../../contract/incident.js';
import { INCIDENT_TYPES } from '../../contract/taxonomy.js';
import type { TypeScores } from '../strategist/classifier/incidentClassifier.js';
import { readReport } from '../reading/index.js';
import { strategize } from '../strategist/index.js';
import { runField } from '../field/index.js';
import { runAwareness } from '../awareness/index.js';
import { runExecutor } from './index.js';
import { compassPoint, bandText, distanceText, windAndPlume } from '../../contract/wording.js';

const scores = (type: string): TypeScores => Object.fromEntries(INCIDENT_TYPES.map((t) => [t, t === type ? 0.91 : 0.01])) as TypeScores;
const analyse = (input: IncidentInput, type: string) => {
  const incident = parseIncident(input);
  const s = strategize(incident, scores(type), readReport(incident));
  const f = runField(incident, { plume: 0, fire: 0, flood: 0 });
  const a = runAwareness(incident, s, f);
  return runExecutor(incident, s, a, f);
};

test('wording: compass points, wind said as wind and plume, "≥ 10 km" for a collapsed band at the limit', () => {
  assert.equal(compassPoint(44, 'en'), 'NE');
  assert.equal(compassPoint(359, 'zh'), '北');
  assert.equal(windAndPlume(45, 'en'), 'wind from NE, plume toward SW');
  assert.equal(windAndPlume(45, 'zh'), '东北风，烟羽飘向西南');
  assert.equal(bandText(10_000, 10_000, 'en', 10_000), '≥ 10 km');
  assert.equal(bandText(800, 800, 'zh'), '800米');
  assert.equal(bandText(2400, 10_000, 'en', 10_000), '2.4 km–≥ 10 km');
  assert.equal(distanceText(1500, 'zh'), '1.5公里');
});

test('a night chlorine release with a village downwind: what, how bad, who, what to do — all Chinese in zh, all English in en', () => {
  const e = analyse({
    text: '化工厂液氯储罐泄漏', lang: 'zh',
    facts: {
      release: { substance: 'chlorine', rateKgPerS: 3 }, weather: { windSpeedMps: 2, windFromDeg: 45 }, populationDensityPerKm2: 400,
      places: [{ name: '柳树村', distanceM: 1500, bearingDeg: 225, population: 800 }],
    },
  }, 'hazmat_release');
  const { zh, en } = e.headline!;
  assert.match(zh, /^氯气危险化学品泄漏。/);
  assert.match(zh, /风险(高|极高)/);
  assert.match(zh, /柳树村（800人），约13分钟后到达/);
  assert.match(zh, /柳树村就地避险/);
  assert.match(zh, /东北风，烟羽飘向西南/);
  assert.doesNotMatch(zh.replace(/AEGL-\d|\b[IV]+级/g, ''), /[A-Za-z]{2,}/, `no English words in the Chinese line: ${zh}`);
  assert.match(en, /^Hazardous materials release of Chlorine\. Level /);
  assert.match(en, /wind from NE, plume toward SW/);
  assert.doesNotMatch(en.replaceAll('柳树村', ''), /[\u4e00-\u9fff]/, `no Chinese besides the place's own name: ${en}`);
});

test('quake and flood headlines say where to act first', () => {
  const quake = analyse({ text: '6.8级地震', facts: { quake: { magnitude: 6.8, depthKm: 16 } } }, 'earthquake').headline!;
  assert.match(quake.zh, /优先搜救烈度/);
  const flood = analyse({ text: 'levee breach', lang: 'en', facts: { flood: { breachWidthM: 200, headM: 4, polderAreaKm2: 3 } } }, 'flood').headline!;
  assert.match(flood.en, /0\.5 m of water in the polder in about \d+ min: move people out now/);
});
