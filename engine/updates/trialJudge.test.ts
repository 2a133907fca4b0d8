// The trial verdict on synthetic pairs: it waits for its minimum sample, promotes a version as good as
// the live one, rolls back on disagreement, on a significantly higher error rate or on slowness, and
// rolls back early when consecutive windows fail; two results agree only on type, severity and every
// physics figure within 10 %.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisResult } from '../contract/result.js';
import { DEFAULT_TRIAL_RULES, judgeTrial, resultsAgree, type TrialSample } from './trialJudge.js';

const good = (n: number): TrialSample[] => Array.from({ length: n }, (_, i) => ({ agreed: true, liveOk: true, trialOk: true, liveMs: 10 + (i % 3), trialMs: 10 + (i % 4) }));
const rules = { ...DEFAULT_TRIAL_RULES, minSamples: 30, windowSize: 10, failedWindowsToRollback: 2, warmupPairs: 0 };

test('a trial as good as the live version is promoted only after its minimum sample', () => {
  assert.equal(judgeTrial(good(29), rules).decision, 'continue');
  const verdict = judgeTrial(good(30), rules);
  assert.equal(verdict.decision, 'promote');
  assert.equal(verdict.figures.agreement, 1);
});

test('disagreement, errors or slowness over the full sample roll it back', () => {
  const disagree = good(30).map((s, i) => ({ ...s, agreed: i % 5 !== 0 })); // 80 % < 90 %
  assert.equal(judgeTrial(disagree, { ...rules, failedWindowsToRollback: 99 }).decision, 'rollback');
  const errors = good(30).map((s, i) => ({ ...s, trialOk: i % 4 !== 0, agreed: i % 4 !== 0 ? true : null }));
  const verdict = judgeTrial(errors, { ...rules, failedWindowsToRollback: 99 });
  assert.equal(verdict.decision, 'rollback');
  assert.ok(verdict.figures.errorZ > 1.645, `z ${verdict.figures.errorZ}`);
  const slow = good(30).map((s) => ({ ...s, trialMs: s.liveMs * 2 }));
  assert.match(judgeTrial(slow, { ...rules, failedWindowsToRollback: 99 }).reason, /median time 2\.00x/);
});

test('the first pairs run cold: their times are not judged', () => {
  const coldStart = good(10).map((s, i) => (i < 5 ? { ...s, trialMs: s.liveMs * 3 } : s));
  const small = { ...rules, minSamples: 10, failedWindowsToRollback: 99 };
  assert.equal(judgeTrial(coldStart, { ...small, warmupPairs: 0 }).decision, 'rollback');
  assert.equal(judgeTrial(coldStart, { ...small, warmupPairs: 5 }).decision, 'promote');
});

test('one error among thirty is not significant; two failed windows in a row roll back before the minimum sample', () => {
  const oneError = good(30).map((s, i) => (i === 7 ? { ...s, trialOk: false, agreed: null } : s));
  assert.equal(judgeTrial(oneError, rules).decision, 'promote');
  const broken = [...good(5), ...good(20).map((s) => ({ ...s, trialOk: false, agreed: null }))];
  const early = judgeTrial(broken, rules);
  assert.equal(early.decision, 'rollback');
  assert.equal(early.figures.failedWindows, 2);
  assert.ok(early.figures.samples < rules.minSamples);
});

test('results agree on type, severity and every physics figure within 10 %', () => {
  const base = { id: 'a', status: 'ok', models: {}, timingsMs: {}, strategist: { type: 'wildfire', severity: 'II' }, field: { fire: { rateOfSpreadMPerMin: 10, band: { p5: 8, p95: 12 } } } } as unknown as AnalysisResult;
  const near = { ...base, field: { fire: { rateOfSpreadMPerMin: 10.5, band: { p5: 8.2, p95: 12.9 } } } } as unknown as AnalysisResult;
  const far = { ...base, field: { fire: { rateOfSpreadMPerMin: 12, band: { p5: 8, p95: 12 } } } } as unknown as AnalysisResult;
  const otherSeverity = { ...base, strategist: { type: 'wildfire', severity: 'I' } } as unknown as AnalysisResult;
  assert.equal(resultsAgree(base, near), true);
  assert.equal(resultsAgree(base, far), false);
  assert.equal(resultsAgree(base, otherSeverity), false);
  assert.equal(resultsAgree(base, { ...base, status: 'partial' } as AnalysisResult), null);
});
