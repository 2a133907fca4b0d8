// An analysis in flight when the models are swapped finishes on the models it started on: its stages
// dispatched after the swap still run (and are named) on the earlier versions, which the workers keep
// until no analysis needs them; an analysis that starts after the swap runs on the new ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIncident } from '../contract/parseIncident.js';
import { resolveConfig } from '../config.js';
import { createLogger } from '../logging.js';
import { DEFAULT_MODELS_DIR, listModelNames, listVersions } from '../inference/modelRepository.js';
import { buildLiveView } from '../updates/liveView.js';
import { Orchestrator } from './orchestrator.js';

const FAULTY_WORKER = new URL('./testing/faultyAgentWorker.js', import.meta.url);
const GATED_WORKER = new URL('./testing/gatedAgentWorker.js', import.meta.url);
const FIRE = 'fire-spread-surrogate';
const wildfire = (text: string) => parseIncident({ text, facts: { weather: { windSpeedMps: 6, windFromDeg: 270 } } });

/** A view of the shipped models with the fire surrogate at `fireVersion`. */
function view(dataDir: string, fireVersion: number): string {
  const selection = Object.fromEntries(listModelNames(DEFAULT_MODELS_DIR).map((name) => {
    const version = name === FIRE ? fireVersion : (listVersions(DEFAULT_MODELS_DIR, name)[0] as number);
    return [name, { version, dir: join(DEFAULT_MODELS_DIR, name, String(version)) }];
  }));
  return buildLiveView(dataDir, selection);
}

test('an analysis in flight across a swap finishes on the versions it started with', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-generations-'));
  const orchestrator = await Orchestrator.start(resolveConfig({ workers: 2, agentTimeoutMs: 5000, modelsDir: view(dataDir, 2) }), { logger: createLogger('silent'), workerUrl: FAULTY_WORKER });
  try {
    await orchestrator.allWorkersStarted();
    // Both workers busy for a while, so the next analysis's field stage waits in the queue.
    const busy = [
      orchestrator.analyze(wildfire('Forest fire near the village SLOW_strategist:900 (busy 1)')),
      orchestrator.analyze(wildfire('Forest fire near the village SLOW_field:900 (busy 2)')),
    ];
    await new Promise((resolve) => setTimeout(resolve, 100));
    const inFlight = orchestrator.analyze(wildfire('Forest fire spreading toward the village (in flight)'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await orchestrator.reloadModels(view(dataDir, 1));
    const after = await orchestrator.analyze(wildfire('Forest fire spreading toward the town (after)'));
    const [result] = await Promise.all([inFlight, ...busy]);
    assert.equal(result?.status, 'ok');
    assert.equal(result?.models[FIRE], '2', 'started on v2, finished on v2');
    assert.equal(after.models[FIRE], '1', 'started after the swap: v1');
    assert.equal(orchestrator.models[FIRE], '1');
  } finally {
    await orchestrator.close();
  }
});

test('a kept model set runs beside the live one, at most two are loaded, and one in use is never dropped', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-kept-sets-'));
  const orchestrator = await Orchestrator.start(resolveConfig({ workers: 1, agentTimeoutMs: 5000, modelsDir: view(dataDir, 2) }), { logger: createLogger('silent') });
  try {
    const keptV1 = view(dataDir, 1);
    const [kept, live] = await Promise.all([
      orchestrator.analyze(wildfire('Forest fire near the village (kept)'), { keptModelsDir: keptV1 }),
      orchestrator.analyze(wildfire('Forest fire near the village (live)')),
    ]);
    assert.deepEqual([kept.status, kept.models[FIRE]], ['ok', '1'], 'on the kept v1');
    assert.equal(live.models[FIRE], '2', 'the live analysis beside it stays on v2');
    assert.deepEqual(orchestrator.keptSets, [keptV1], 'kept loaded for the next re-run');

    // Two sets held by analyses in progress: a third is refused rather than loaded.
    const other = view(dataDir, 1);
    const held = [await orchestrator.holdKept(keptV1), await orchestrator.holdKept(other)];
    const third = view(dataDir, 1);
    await assert.rejects(orchestrator.holdKept(third), (err: { code?: string }) => err.code === 'SAFE_E_BUSY');
    assert.deepEqual(orchestrator.keptSets.sort(), [keptV1, other].sort());
    // Once one is free, the least recently used idle set makes room.
    held[0]?.release();
    const next = await orchestrator.holdKept(third);
    assert.deepEqual(orchestrator.keptSets.sort(), [other, third].sort());
    assert.equal(next.models[FIRE], '1');
    next.release();
    held[1]?.release();
  } finally {
    await orchestrator.close();
  }
});

test('a worker replaced during a kept analysis loads the kept set as it starts: the retried stage still runs on the kept versions', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-kept-respawn-'));
  const orchestrator = await Orchestrator.start(resolveConfig({ workers: 1, agentTimeoutMs: 5000, modelsDir: view(dataDir, 2) }), { logger: createLogger('silent'), workerUrl: FAULTY_WORKER });
  try {
    const kept = await orchestrator.analyze(wildfire(`Forest fire near the village FAILONCE_field:${join(dataDir, 'crashed')}`), { keptModelsDir: view(dataDir, 1) });
    assert.equal(orchestrator.queue.replacedWorkers, 1, 'the field stage crashed its worker once');
    assert.deepEqual([kept.status, kept.models[FIRE]], ['ok', '1'], 'retried on the replacement, on the kept v1');
  } finally {
    await orchestrator.close();
  }
});

test('the pool serves from its first worker; one that finishes starting after a swap is replaced and never runs the old models', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-staggered-'));
  const gate = mkdtempSync(join(tmpdir(), 'safe-worker-gate-'));
  process.env.SAFE_TEST_WORKER_GATE = gate;
  const orchestrator = await Orchestrator.start(resolveConfig({ workers: 2, agentTimeoutMs: 5000, modelsDir: view(dataDir, 2) }), { logger: createLogger('silent'), workerUrl: GATED_WORKER });
  try {
    assert.equal(orchestrator.queue.workers, 2, 'the second worker is starting');
    const before = await orchestrator.analyze(wildfire('Forest fire near the village (served by the first worker)'));
    assert.equal(before.models[FIRE], '2');
    // The swap reaches the ready worker only; the second, still held at its start, began on v2.
    await orchestrator.reloadModels(view(dataDir, 1));
    writeFileSync(join(gate, 'open'), '');
    await orchestrator.allWorkersStarted();
    // Both workers' field stages at once: each must run v1.
    const both = await Promise.all([1, 2].map((n) => orchestrator.analyze(wildfire(`Forest fire near the village SLOW_field:400 (${n})`))));
    assert.deepEqual(both.map((r) => r.models[FIRE]), ['1', '1']);
  } finally {
    delete process.env.SAFE_TEST_WORKER_GATE;
    await orchestrator.close();
  }
});
