// The shipped incident classifier measured on the build-time corpus: held-out accuracy through onnxruntime
// on the project's own test split (fp32 and the int8 variant's gate), and a deterministic rebuild.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INCIDENT_TYPES } from '../engine/contract/taxonomy.js';
import { DEFAULT_MODELS_DIR, readManifest } from '../engine/inference/modelRepository.js';
import { CLASSIFIER_MODEL_NAME, IncidentClassifier } from '../engine/agents/strategist/classifier/incidentClassifier.js';
import { DEFAULT_CORPUS, generateCorpus } from './corpus/generateCorpus.js';
import { buildIncidentClassifier, CLASSIFIER_VERSION, formatConfusion, INT8_MAX_ACCURACY_DROP_PTS } from './buildModels.js';

test('held-out accuracy of the shipped ONNX classifier is at least 90 %', async () => {
  const classifier = await IncidentClassifier.load(DEFAULT_MODELS_DIR);
  const heldOut = generateCorpus(DEFAULT_CORPUS).filter((r) => r.split === 'test');
  const scores = await classifier.classify(heldOut.map((r) => r.text));
  const confusion: Record<string, Record<string, number>> = {};
  let right = 0;
  heldOut.forEach((report, i) => {
    const s = scores[i] as Record<string, number>;
    const predicted = INCIDENT_TYPES.reduce((a, b) => ((s[b] as number) > (s[a] as number) ? b : a));
    confusion[report.label] ??= {};
    (confusion[report.label] as Record<string, number>)[predicted] = ((confusion[report.label] as Record<string, number>)[predicted] ?? 0) + 1;
    if (predicted === report.label) right++;
  });
  const accuracy = right / heldOut.length;
  console.log(`held-out accuracy (ONNX, ${heldOut.length} reports never trained on): ${(accuracy * 100).toFixed(1)} %`);
  console.log(formatConfusion(confusion));
  assert.ok(accuracy >= 0.9, `accuracy ${accuracy}`);
  assert.ok(Math.abs(accuracy - (classifier.model.manifest.metrics.heldOutAccuracy ?? -1)) < 0.005, 'manifest metrics describe the shipped model');
  await classifier.release();
});

test('the int8 variant is 3× smaller and within its accuracy gate on the held-out split', async () => {
  const manifest = readManifest(DEFAULT_MODELS_DIR, CLASSIFIER_MODEL_NAME, CLASSIFIER_VERSION);
  const int8 = manifest.variants?.int8;
  assert.ok(int8, 'the variant passed its gate at build time');
  assert.ok(int8.bytes * 3 < manifest.bytes);
  const classifier = await IncidentClassifier.load(DEFAULT_MODELS_DIR, undefined, undefined, 'int8');
  const heldOut = generateCorpus(DEFAULT_CORPUS).filter((r) => r.split === 'test');
  const scores = await classifier.classify(heldOut.map((r) => r.text));
  const right = heldOut.filter((r, i) => INCIDENT_TYPES.reduce((a, b) => ((scores[i] as Record<string, number>)[b]! > (scores[i] as Record<string, number>)[a]! ? b : a)) === r.label).length;
  const dropPts = ((manifest.metrics.heldOutAccuracy ?? 0) - right / heldOut.length) * 100;
  console.log(`int8 classifier: held-out accuracy ${(right / heldOut.length * 100).toFixed(2)} %, drop ${dropPts.toFixed(2)} pts (gate ${INT8_MAX_ACCURACY_DROP_PTS})`);
  assert.ok(dropPts <= INT8_MAX_ACCURACY_DROP_PTS);
  await classifier.release();
});

test('models:build is deterministic: a rebuild gives the shipped bytes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-build-'));
  const manifest = await buildIncidentClassifier(dir, () => {});
  const shipped = JSON.parse(readFileSync(join(DEFAULT_MODELS_DIR, CLASSIFIER_MODEL_NAME, String(CLASSIFIER_VERSION), 'manifest.json'), 'utf8')) as { sha256: string };
  assert.equal(manifest.sha256, shipped.sha256);
  assert.deepEqual(readFileSync(join(dir, CLASSIFIER_MODEL_NAME, String(CLASSIFIER_VERSION), 'manifest.json')), readFileSync(join(DEFAULT_MODELS_DIR, CLASSIFIER_MODEL_NAME, String(CLASSIFIER_VERSION), 'manifest.json')));
});
