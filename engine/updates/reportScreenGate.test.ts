// The update gate has a runner for the report-screen model: a staged version is scored on its signed evaluation set
// against its published figure and the live version, as the classifier and the surrogates are (docs/updates.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_MODELS_DIR, readManifest } from '../inference/modelRepository.js';
import { REPORT_SCREEN_MODEL_NAME } from '../agents/strategist/classifier/reportScreen.js';
import { runGate } from './gateWorker.js';
import type { ModelTargetFacts } from '../contract/modelChannel.js';

test('the gate scores a report-screen version on its evaluation set: the shipped one against itself passes every check', async () => {
  const manifest = readManifest(DEFAULT_MODELS_DIR, REPORT_SCREEN_MODEL_NAME, 1);
  const publishedBp = Math.round((manifest.metrics.heldOutAccuracy ?? 0) * 10_000);
  const facts = { scoresBp: { heldOutAccuracy: publishedBp }, rollout: { percent: 100, strategy: 'immediate', minAgreementBp: 9900 } } as unknown as ModelTargetFacts;
  const where = { modelsDir: DEFAULT_MODELS_DIR, version: 1 };
  const result = await runGate({ name: REPORT_SCREEN_MODEL_NAME, facts, candidate: where, live: where });
  assert.deepEqual(result.checks.map((c) => [c.check, c.passed]), [['loads', true], ['score', true], ['agreement', true], ['latency', true], ['memory', true]], JSON.stringify(result.checks));
  const score = result.checks.find((c) => c.check === 'score');
  assert.ok(Math.abs((score?.value ?? 0) - (manifest.metrics.heldOutAccuracy ?? 0)) < 1e-3, 'the published figure is the evaluation set\'s');

  const higher = { ...facts, scoresBp: { heldOutAccuracy: publishedBp + 300 } } as ModelTargetFacts;
  const refused = await runGate({ name: REPORT_SCREEN_MODEL_NAME, facts: higher, candidate: where, live: where });
  assert.equal(refused.passed, false, 'a version that scores 3 points under its published figure is refused');
});
