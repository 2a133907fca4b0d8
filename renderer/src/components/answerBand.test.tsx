// The answer band and the progress strip rendered to HTML under Node (react-dom/server).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { initI18n } from '../i18n/i18n.js';
import { AnswerBand } from './AnswerBand.js';
import { ProgressStrip } from './ProgressStrip.js';
import type { AnalysisResult } from '../../../engine/contract/result.js';

initI18n('zh');

const result = {
  id: 'a', status: 'ok', models: {}, timingsMs: { total: 3 },
  strategist: { severity: 'IV', severityColour: 'blue', severityIsEstimate: false, figures: { deaths: { value: 0, source: 'text' }, injuries: { value: 12, source: 'fact' } } },
  awareness: {
    sensors: [], populationAtRisk: { estimate: 2660, radiusM: 1, densityPerKm2: 1, densitySource: 'fact', basis: '' },
    riskMatrix: { likelihood: 5, consequence: 5, score: 25, level: 'extreme', drivers: [] },
  },
  executor: {
    headline: { zh: '氯气泄漏。', en: 'Chlorine release.' },
    tasks: [
      { id: 'cordon', title: 'Set the cordon', titleZh: '设置警戒区', deadlineMin: 10, priority: 0.9, assignedUnitId: 'E1', etaMin: 8, late: false },
      { id: 'shelter', title: 'Shelter the village', titleZh: '村庄就地避险', deadlineMin: 2, priority: 0.9, assignedUnitId: null, etaMin: null, late: true },
    ],
    placesAtRisk: [{ name: '村庄', arrivalMin: 5 }],
    units: [], zones: [], timeline: [], missingInformation: [],
  },
} as unknown as AnalysisResult;

test('answer band: stated zero, unknown for what the report did not say, the earliest arrival, tasks by deadline', async () => {
  const zh = renderToStaticMarkup(<AnswerBand result={result} />);
  assert.match(zh, /data-testid="figure-deaths" data-known="true"><dt>死亡<\/dt><dd>0<\/dd>/, 'a stated zero is 0');
  assert.match(zh, /data-testid="figure-trapped" data-known="false"><dt>被困<\/dt><dd><span class="unknown">不详<\/span>/);
  assert.match(zh, /data-testid="figure-missing" data-known="false">/);
  assert.match(zh, /约 2,660 人/);
  assert.match(zh, /约 5 分钟 <small>村庄<\/small>/);
  assert.doesNotMatch(zh, /figure-sensor/, 'no sensors: no sensor figure');
  const tasks = [...zh.matchAll(/class="band-task-title">([^<]+)</g)].map((m) => m[1]);
  assert.deepEqual(tasks, ['村庄就地避险', '设置警戒区']);
  // A blue level beside an extreme risk says why.
  assert.match(zh, /data-testid="band-level" data-colour="blue"/);
  assert.match(zh, /data-testid="band-why">级别按已报告的伤亡评定/);
  assert.doesNotMatch(zh, /cache-note/);
  await i18next.changeLanguage('en');
  const en = renderToStaticMarkup(<AnswerBand result={{ ...result, cached: true, computedAt: '2026-03-14T15:40:00.000Z' }} />);
  assert.match(en, /Chlorine release\./);
  assert.match(en, /<dt>Trapped<\/dt><dd><span class="unknown">unknown<\/span>/);
  assert.match(en, /data-testid="cache-note">From cache, computed at 14 Mar 2026/);
  await i18next.changeLanguage('zh');
});

test('progress strip: a cached answer leaves no agent waiting; elapsed time only while running', () => {
  const cached = renderToStaticMarkup(<ProgressStrip events={[{ analysisId: 'a', agent: 'analysis', state: 'finished', atMs: 2 }]} result={{ ...result, cached: true }} startedAtMs={0} />);
  assert.doesNotMatch(cached, /data-state="waiting"/);
  assert.match(cached, /data-testid="progress-field" data-state="cached"/);
  assert.doesNotMatch(cached, /progress-elapsed/);
  const running = renderToStaticMarkup(<ProgressStrip events={[]} startedAtMs={Date.now()} />);
  assert.match(running, /data-testid="progress-elapsed">已用时 \d+ 秒/);
});
