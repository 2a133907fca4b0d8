// Components rendered to HTML under Node (react-dom/server): what a commander sees for a known result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { initI18n } from '../i18n/i18n.js';
import { StrategistCard } from './StrategistCard.js';
import { ProgressStrip } from './ProgressStrip.js';
import { HazardMap } from './HazardMap.js';
import type { StrategistResult, Zone } from '../../../engine/contract/result.js';

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
  assert.match(zhHtml, /次生灾害: 交通事故/);
  await i18next.changeLanguage('en');
  const enHtml = renderToStaticMarkup(<StrategistCard strategist={strategist} />);
  assert.match(enHtml, /Hazmat release/);
  assert.match(enHtml, /Level II \(severe\) · estimate/);
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
  const html = renderToStaticMarkup(<HazardMap plan={{ zones }} field={{ notComputed: [], plume: { windFromDeg: 45 } } as never} />);
  assert.equal((html.match(/class="zone zone-/g) ?? []).length, 2);
  assert.match(html, /data-testid="scale-bar"/);
  assert.match(html, /data-testid="wind-arrow" transform="translate\(40 40\) rotate\(45\)"|transform="translate\(40 40\) rotate\(45\)"[^>]*data-testid="wind-arrow"/);
});
