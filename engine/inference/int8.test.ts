// The int8 classifier variant: loaded when asked for, refused when its bytes do not match its own hash,
// run by the engine when configured. Its size and accuracy gate: training/incidentClassifier.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MODELS_DIR, loadVerifiedModelAsync, listVersions, readManifest } from './modelRepository.js';
import { describeInventory, everyFileVerified, inventoryModels } from './modelInventory.js';
import { modelInfoSchema } from '../contract/api.js';

test('asking for int8 loads the variant; a tampered variant is refused by its own hash', async () => {
  const loaded = await loadVerifiedModelAsync(DEFAULT_MODELS_DIR, 'incident-classifier', 3, 'int8');
  assert.equal(loaded.precision, 'int8');
  assert.ok(loaded.bytes.length < 2_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'safe-int8-'));
  cpSync(DEFAULT_MODELS_DIR, dir, { recursive: true });
  const file = join(dir, 'incident-classifier', '3', 'model.int8.onnx');
  const bytes = readFileSync(file);
  bytes[100] = (bytes[100] as number) ^ 0xff;
  writeFileSync(file, bytes);
  await assert.rejects(loadVerifiedModelAsync(dir, 'incident-classifier', 3, 'int8'), (e: { code?: string }) => e.code === 'SAFE_E_MODEL_HASH_MISMATCH');
  // The fallback to fp32 when a model ships no int8 variant: training/surrogates.test.ts.
});

test('the repository inventory (safe-edge models) hashes the int8 variants too: a tampered one is refused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-int8-'));
  cpSync(DEFAULT_MODELS_DIR, dir, { recursive: true });
  const intact = inventoryModels(dir);
  assert.ok(everyFileVerified(intact));
  assert.ok(intact.every((m) => m.variants.some((v) => v.variant === 'int8' && v.verified === true)), 'every shipped model has a verified int8 variant');
  const file = join(dir, 'sensor-anomaly', '1', 'model.int8.onnx');
  const bytes = readFileSync(file);
  bytes[10] = (bytes[10] as number) ^ 0xff;
  writeFileSync(file, bytes);
  const models = inventoryModels(dir);
  for (const m of models) modelInfoSchema.parse(m);
  const anomaly = models.find((m) => m.name === 'sensor-anomaly');
  assert.equal(anomaly?.verified, true, 'its fp32 file is intact');
  const int8 = anomaly?.variants.find((v) => v.variant === 'int8');
  assert.equal(int8?.verified, false);
  assert.equal(int8?.error?.code, 'SAFE_E_MODEL_HASH_MISMATCH');
  assert.equal(everyFileVerified(models), false, 'so `safe-edge models` exits 1');
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
    assert.equal(result.models['incident-classifier'], '3+int8', 'so the analysis cache never mixes precisions');
    assert.equal(result.models['plume-surrogate'], '1+int8', 'the surrogates run their int8 variants too');
  } finally {
    await orchestrator.close();
  }
});

test('under int8 the workers report every model loaded as its int8 variant, with the variant\'s verified hash', async () => {
  const { Orchestrator } = await import('../orchestrator/orchestrator.js');
  const { resolveConfig } = await import('../config.js');
  const { createLogger } = await import('../logging.js');
  const orchestrator = await Orchestrator.start(resolveConfig({ workers: 1, modelPrecision: 'int8' }), { logger: createLogger('silent') });
  try {
    const names = ['fire-spread-surrogate', 'flood-depth-surrogate', 'incident-classifier', 'plume-surrogate', 'report-screen', 'sensor-anomaly'];
    const inventory = orchestrator.modelInventory;
    assert.equal(inventory.precision, 'int8');
    assert.deepEqual(Object.keys(inventory.loaded).sort(), names);
    assert.deepEqual(inventory.refused, []);
    const expected = Object.fromEntries(names.map((name) => [name, readManifest(DEFAULT_MODELS_DIR, name, Math.max(...listVersions(DEFAULT_MODELS_DIR, name))).variants?.int8?.sha256]));
    assert.deepEqual(orchestrator.modelHashes, expected, 'the content hash of each file the workers run');
    const view = describeInventory(inventory);
    for (const m of view) modelInfoSchema.parse(m);
    assert.deepEqual(view.map((m) => [m.name, m.loaded, m.verified, m.variant]), names.map((n) => [n, true, true, 'int8']));
    const classifier = view.find((m) => m.name === 'incident-classifier');
    const manifest = readManifest(DEFAULT_MODELS_DIR, 'incident-classifier', 3);
    assert.equal(classifier?.required, true);
    assert.equal(classifier?.bytes, manifest.variants?.int8?.bytes);
    assert.equal(classifier?.heldOutAccuracy, manifest.variants?.int8?.heldOutAccuracy, 'the accuracy of the file that runs');
    assert.deepEqual(classifier?.variants.map((v) => [v.variant, v.verified, v.loaded]), [['fp32', null, false], ['int8', true, true]], 'the fp32 file was not loaded, so not checked');
    // The repository inventory, told what the engine runs ("2+int8"), marks the newest version of each model
    // loaded as its int8 variant, and an older version kept beside it (fire surrogate v1) not loaded.
    const repository = inventoryModels(DEFAULT_MODELS_DIR, orchestrator.models);
    const newest = repository.filter((m) => m.version === Math.max(...listVersions(DEFAULT_MODELS_DIR, m.name)));
    assert.ok(newest.length === names.length && newest.every((m) => m.loaded && m.variants.find((v) => v.variant === 'int8')?.loaded));
    assert.ok(repository.filter((m) => !newest.includes(m)).every((m) => !m.loaded), 'older versions are not running');
  } finally {
    await orchestrator.close();
  }
});
