// The inference core: batching gives the same answers as one-by-one, priorities, a bounded queue,
// the session cache's budget with eviction and reload, and the CPU fallback.
import { test } from 'node:test';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { MicroBatcher } from './microBatcher.js';
import { InferenceCore } from './inferenceCore.js';
import { DEFAULT_MODELS_DIR } from './modelRepository.js';
import { classifierAdapter } from '../agents/strategist/classifier/incidentClassifier.js';
import { surrogateAdapter } from '../agents/field/surrogate/surrogateModel.js';
import { PLUME_SURROGATE } from '../agents/field/plume/surrogateFeatures.js';
import { SafeError } from '../contract/errors.js';

test('micro-batching: requests within the delay run together, interactive first, queue bounded', async () => {
  const batches: number[][] = [];
  const batcher = new MicroBatcher<number, number>(async (xs) => { batches.push(xs); return xs.map((x) => x * 2); }, { maxBatch: 8, maxDelayMs: 5, maxQueue: 6 });
  const background = [1, 2].map((x) => batcher.submit(x, 'background'));
  const interactive = [3, 4, 5].map((x) => batcher.submit(x, 'interactive'));
  const more = batcher.submit(6);
  await assert.rejects(batcher.submit(7), (e: unknown) => e instanceof SafeError && e.code === 'SAFE_E_BUSY');
  assert.deepEqual(await Promise.all([...background, ...interactive, more]), [2, 4, 6, 8, 10, 12]);
  assert.deepEqual(batches, [[3, 4, 5, 6, 1, 2]], 'one batch, interactive requests first');
  assert.deepEqual(batcher.stats.batchSizes, { 6: 1 });
  // A full batch runs at once, without waiting for the delay.
  const full = new MicroBatcher<number, number>(async (xs) => xs, { maxBatch: 2, maxDelayMs: 60_000, maxQueue: 10 });
  assert.deepEqual(await Promise.all([full.submit(1), full.submit(2)]), [1, 2]);
});

const core = (budget = 64 << 20, provider: 'cpu' | 'cuda' = 'cpu', logs: string[] = []) => new InferenceCore({
  modelsDir: DEFAULT_MODELS_DIR, sessionBudgetBytes: budget, executionProvider: provider, batcher: { maxBatch: 32, maxDelayMs: 2, maxQueue: 1024 },
  log: (msg) => logs.push(msg),
});

test('batched classification gives the same scores as one call per report', async () => {
  const c = core();
  const adapter = classifierAdapter();
  const texts = ['液氯槽罐车泄漏', 'house fire, persons trapped', '山体滑坡掩埋民房', 'M6.8 earthquake near Luding', 'levee breach', '高速追尾'];
  const together = await Promise.all(texts.map((t) => c.run(adapter, t)));
  const alone: unknown[] = [];
  for (const t of texts) alone.push((await c.runMany(adapter, [t]))[0]);
  together.forEach((scores, i) => {
    for (const [type, p] of Object.entries(scores)) assert.ok(Math.abs(p - (alone[i] as Record<string, number>)[type]!) < 1e-5, `${texts[i]} ${type}`);
  });
  const stats = c.stats()['incident-classifier@3'];
  assert.equal(stats?.requests, 2 * texts.length, 'single requests and direct runs are both counted, under the loaded version');
  assert.ok(Object.keys(stats?.batchSizes ?? {}).some((size) => Number(size) > 1), `concurrent requests were batched: ${JSON.stringify(stats?.batchSizes)}`);
  await c.release();
});

test('over its memory budget the core releases the least recently used session and reloads it on demand', async () => {
  const c = core(8_400_000); // room for the classifier (8 392 982 bytes counted) but not for both models
  const classifier = classifierAdapter();
  const surrogate = surrogateAdapter(PLUME_SURROGATE);
  await c.runMany(classifier, ['fire']);
  await c.runMany(surrogate, [{ rateKgPerS: 1, windSpeedMps: 3, heightM: 0, stability: 'D', terrain: 'rural', thresholdMgPerM3: 6 }]);
  await c.runMany(classifier, ['fire']);
  const stats = c.stats();
  assert.equal(stats['incident-classifier@3']?.evictions, 1);
  assert.equal(stats['incident-classifier@3']?.reloads, 1, 'the reload is visible in the statistics');
  assert.equal(stats['incident-classifier@3']?.batches, 2);
  await c.release();
});

test('an unavailable execution provider falls back to CPU and says why', async () => {
  const logs: string[] = [];
  const c = core(64 << 20, 'cuda', logs);
  assert.equal(c.provider, 'cpu');
  assert.match(logs[0] ?? '', /not available here; using CPU/);
  const [scores] = await c.runMany(classifierAdapter(), ['chlorine leak']);
  assert.ok(scores && scores.hazmat_release > 0.5);
  await c.release();
});

test('a session reloaded after eviction keeps the version it first loaded, even when a newer one is installed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-pin-'));
  cpSync(DEFAULT_MODELS_DIR, dir, { recursive: true });
  const c = new InferenceCore({ modelsDir: dir, sessionBudgetBytes: 8_400_000, executionProvider: 'cpu', batcher: { maxBatch: 32, maxDelayMs: 0, maxQueue: 100 } });
  const surrogate = surrogateAdapter(PLUME_SURROGATE);
  const row = { rateKgPerS: 1, windSpeedMps: 3, heightM: 0, stability: 'D' as const, terrain: 'rural' as const, thresholdMgPerM3: 6 };
  await c.runMany(surrogate, [row]);
  cpSync(join(dir, 'plume-surrogate', '1'), join(dir, 'plume-surrogate', '2'), { recursive: true });
  const manifestPath = join(dir, 'plume-surrogate', '2', 'manifest.json');
  writeFileSync(manifestPath, JSON.stringify({ ...JSON.parse(readFileSync(manifestPath, 'utf8')), version: 2 }));
  await c.runMany(classifierAdapter(), ['fire']); // over the budget: the surrogate's session is released
  await c.runMany(surrogate, [row]);
  const stats = c.stats();
  assert.equal(stats['plume-surrogate@1']?.reloads, 1, 'reloaded, and still version 1');
  assert.equal(stats['plume-surrogate@2'], undefined);
  await c.release();
});
