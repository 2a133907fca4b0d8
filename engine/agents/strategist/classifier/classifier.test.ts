// The shipped classifier: held-out accuracy measured through onnxruntime on the project's own test split,
// refusal of a tampered model, and a deterministic rebuild.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INCIDENT_TYPES } from '../../../contract/taxonomy.js';
import { SafeError } from '../../../contract/errors.js';
import { DEFAULT_MODELS_DIR } from '../../../inference/modelRepository.js';
import { DEFAULT_CORPUS, generateCorpus } from '../../../training/corpus/generateCorpus.js';
import { buildIncidentClassifier, formatConfusion } from '../../../training/buildModels.js';
import { CLASSIFIER_MODEL_NAME, IncidentClassifier } from './incidentClassifier.js';

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

test('classifies plain reports in both languages', async () => {
  const classifier = await IncidentClassifier.load(DEFAULT_MODELS_DIR);
  const [zh, en] = await classifier.classify(['京港澳高速岳阳段一辆液氯槽罐车发生泄漏，现场有刺激性气味', 'M6.8 earthquake near Luding, many houses collapsed']);
  assert.equal(INCIDENT_TYPES.reduce((a, b) => ((zh as Record<string, number>)[b]! > (zh as Record<string, number>)[a]! ? b : a)), 'hazmat_release');
  assert.equal(INCIDENT_TYPES.reduce((a, b) => ((en as Record<string, number>)[b]! > (en as Record<string, number>)[a]! ? b : a)), 'earthquake');
  const total = Object.values(zh as Record<string, number>).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(total - 1) < 1e-4, 'probabilities sum to 1');
  await classifier.release();
});

test('a model whose bytes do not match its manifest is refused with SAFE_E_MODEL_HASH_MISMATCH', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-models-'));
  cpSync(DEFAULT_MODELS_DIR, dir, { recursive: true });
  const file = join(dir, CLASSIFIER_MODEL_NAME, '1', 'model.onnx');
  const bytes = readFileSync(file);
  bytes[bytes.length - 5] = (bytes[bytes.length - 5] as number) ^ 0xff;
  writeFileSync(file, bytes);
  await assert.rejects(IncidentClassifier.load(dir), (err: unknown) => err instanceof SafeError && err.code === 'SAFE_E_MODEL_HASH_MISMATCH');
});

test('models:build is deterministic: a rebuild gives the shipped bytes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-build-'));
  const manifest = await buildIncidentClassifier(dir, () => {});
  const shipped = JSON.parse(readFileSync(join(DEFAULT_MODELS_DIR, CLASSIFIER_MODEL_NAME, '1', 'manifest.json'), 'utf8')) as { sha256: string };
  assert.equal(manifest.sha256, shipped.sha256);
  assert.deepEqual(readFileSync(join(dir, CLASSIFIER_MODEL_NAME, '1', 'manifest.json')), readFileSync(join(DEFAULT_MODELS_DIR, CLASSIFIER_MODEL_NAME, '1', 'manifest.json')));
});
