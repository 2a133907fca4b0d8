// The shipped classifier: plain reports in both languages, and refusal of a tampered model. Its held-out
// accuracy and the deterministic rebuild need the build-time corpus: training/incidentClassifier.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INCIDENT_TYPES } from '../../../contract/taxonomy.js';
import { SafeError } from '../../../contract/errors.js';
import { DEFAULT_MODELS_DIR } from '../../../inference/modelRepository.js';
import { CLASSIFIER_MODEL_NAME, IncidentClassifier } from './incidentClassifier.js';

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
  const file = join(dir, CLASSIFIER_MODEL_NAME, '3', 'model.onnx');
  const bytes = readFileSync(file);
  bytes[bytes.length - 5] = (bytes[bytes.length - 5] as number) ^ 0xff;
  writeFileSync(file, bytes);
  await assert.rejects(IncidentClassifier.load(dir), (err: unknown) => err instanceof SafeError && err.code === 'SAFE_E_MODEL_HASH_MISMATCH');
});
