// The int8 classifier variant: loaded when asked for, refused when its bytes do not match its own hash,
// run by the engine when configured. Its size and accuracy gate: training/incidentClassifier.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MODELS_DIR, loadVerifiedModelAsync } from './modelRepository.js';

test('asking for int8 loads the variant; a tampered variant is refused by its own hash', async () => {
  const loaded = await loadVerifiedModelAsync(DEFAULT_MODELS_DIR, 'incident-classifier', 1, 'int8');
  assert.equal(loaded.precision, 'int8');
  assert.ok(loaded.bytes.length < 2_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'safe-int8-'));
  cpSync(DEFAULT_MODELS_DIR, dir, { recursive: true });
  const file = join(dir, 'incident-classifier', '1', 'model.int8.onnx');
  const bytes = readFileSync(file);
  bytes[100] = (bytes[100] as number) ^ 0xff;
  writeFileSync(file, bytes);
  await assert.rejects(loadVerifiedModelAsync(dir, 'incident-classifier', 1, 'int8'), (e: { code?: string }) => e.code === 'SAFE_E_MODEL_HASH_MISMATCH');
  // The fallback to fp32 when a model ships no int8 variant: training/surrogates.test.ts.
});

test('configured for int8, the engine runs the variant and says so in every result', async () => {
  const { Orchestrator } = await import('../orchestrator/orchestrator.js');
  const { resolveConfig } = await import('../config.js');
  const { createLogger } = await import('../logging.js');
  const { parseIncident } = await import('../contract/parseIncident.js');
  const orchestrator = await Orchestrator.start(resolveConfig({ workers: 1, modelPrecision: 'int8' }), { logger: createLogger('silent') });
  try {
    const result = await orchestrator.analyze(parseIncident({ text: '液氯槽罐车泄漏，3人受伤' }));
    assert.equal(result.status, 'ok');
    assert.equal(result.strategist?.type, 'hazmat_release');
    assert.equal(result.models['incident-classifier'], '1+int8', 'so the analysis cache never mixes precisions');
    assert.equal(result.models['plume-surrogate'], '1+int8', 'the surrogates run their int8 variants too');
  } finally {
    await orchestrator.close();
  }
});
