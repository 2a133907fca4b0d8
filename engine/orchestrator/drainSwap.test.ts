// How a live swap loads (docs/updates.md#how-a-swap-loads): with too little free memory it drains (new
// analyses wait in the queue, none is refused or fails, the running one finishes on the models it started
// on, and the queued ones start only once the new set is in); with enough it loads beside, analyses
// running on as before. Free memory is faked, so which way a swap goes never depends on the machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIncident } from '../contract/parseIncident.js';
import { resolveConfig } from '../config.js';
import { createLogger } from '../logging.js';
import { DEFAULT_MODELS_DIR, listModelNames, listVersions } from '../inference/modelRepository.js';
import { buildLiveView } from '../updates/liveView.js';
import { Orchestrator, type ProgressEvent, type SwapOptions } from './orchestrator.js';
import { modelSetFileBytes, planSwap, SESSION_BYTES_PER_FILE_BYTE } from './swapPlan.js';

const FAULTY_WORKER = new URL('./testing/faultyAgentWorker.js', import.meta.url);
const FIRE = 'fire-spread-surrogate';
const GiB = 1024 ** 3;
const wildfire = (text: string) => parseIncident({ text, facts: { weather: { windSpeedMps: 6, windFromDeg: 270 } } });

/** A view of the shipped models with the fire surrogate at `fireVersion`. */
function view(dataDir: string, fireVersion: number): string {
  const selection = Object.fromEntries(listModelNames(DEFAULT_MODELS_DIR).map((name) => {
    const version = name === FIRE ? fireVersion : (listVersions(DEFAULT_MODELS_DIR, name)[0] as number);
    return [name, { version, dir: join(DEFAULT_MODELS_DIR, name, String(version)) }];
  }));
  return buildLiveView(dataDir, selection);
}

/**
 * One worker on fire v2; an analysis whose field stage takes a while is running when the swap to v1
 * starts, and two more are submitted while it swaps. Resolves with what each saw.
 */
async function swapWithAnalysisInFlight(swap: SwapOptions) {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-drain-swap-'));
  const orchestrator = await Orchestrator.start(resolveConfig({ workers: 1, agentTimeoutMs: 10_000, modelsDir: view(dataDir, 2) }), { logger: createLogger('silent'), workerUrl: FAULTY_WORKER, swap });
  try {
    let fieldStarted: () => void = () => {};
    const inField = new Promise<void>((resolve) => { fieldStarted = resolve; });
    const running = orchestrator.analyze(wildfire('Forest fire near the village SLOW_field:400 (running)'), {
      onProgress: (e) => { if (e.agent === 'field' && e.state === 'started') fieldStarted(); },
    });
    await inField;
    const next = view(dataDir, 1);
    const swapping = orchestrator.reloadModels(next);
    // What the live models were when each analysis submitted during the swap started its first stage.
    const liveAtStart: string[] = [];
    const during = ['(during 1)', '(during 2)'].map((tag) => {
      let seen = false;
      return orchestrator.analyze(wildfire(`Forest fire spreading toward the town ${tag}`), {
        onProgress: (e: ProgressEvent) => { if (!seen && e.agent !== 'analysis' && e.state === 'started') { seen = true; liveAtStart.push(orchestrator.models[FIRE] as string); } },
      });
    });
    const queuedDuringSwap = orchestrator.queue.interactive;
    const [outcome, before, ...after] = await Promise.all([swapping, running, ...during]);
    return { outcome, before, after, liveAtStart, queuedDuringSwap, newFileBytes: modelSetFileBytes(next, 'fp32') };
  } finally {
    await orchestrator.close();
  }
}

test('too little free memory: the swap drains; analyses submitted meanwhile wait, then all complete on the new versions', async () => {
  const { outcome, before, after, liveAtStart, queuedDuringSwap, newFileBytes } = await swapWithAnalysisInFlight({ freeMemory: () => 0 });
  assert.equal(outcome.swap?.way, 'drained');
  assert.equal(outcome.swap?.drainTimedOut, false);
  assert.equal(outcome.swap?.freeBytes, 0);
  assert.equal(outcome.swap?.estimateBytes, newFileBytes * SESSION_BYTES_PER_FILE_BYTE * 1, 'file bytes × 2 × one worker');
  assert.equal(queuedDuringSwap, 2, 'both held in the queue while the swap drained, neither refused');
  assert.deepEqual([before.status, before.models[FIRE]], ['ok', '2'], 'the analysis in flight finished on the version it started with');
  assert.deepEqual(after.map((r) => [r.status, r.models[FIRE]]), [['ok', '1'], ['ok', '1']], 'none failed; both ran on the new version');
  assert.deepEqual(liveAtStart, ['1', '1'], 'neither started a stage before the new set was in');
});

test('enough free memory: the swap loads beside; analyses submitted meanwhile start at once', async () => {
  const { outcome, before, after, queuedDuringSwap } = await swapWithAnalysisInFlight({ freeMemory: () => 64 * GiB });
  assert.equal(outcome.swap?.way, 'beside');
  assert.equal(queuedDuringSwap, 0, 'nothing held: the swap loads beside the live models');
  assert.deepEqual([before.status, before.models[FIRE]], ['ok', '2']);
  assert.ok(after.every((r) => r.status === 'ok'), 'none failed');
});

test('a drain that outlasts its timeout loads beside after all, and still fails nothing', async () => {
  const { outcome, before, after } = await swapWithAnalysisInFlight({ freeMemory: () => 0, drainTimeoutMs: 1 });
  assert.deepEqual([outcome.swap?.way, outcome.swap?.drainTimedOut], ['beside', true]);
  assert.deepEqual([before.status, before.models[FIRE]], ['ok', '2']);
  assert.deepEqual(after.map((r) => [r.status, r.models[FIRE]]), [['ok', '1'], ['ok', '1']]);
});

test('the plan: beside only when free memory minus the margin holds the estimate and the engine stays within its budget', () => {
  const MiB = 1024 ** 2;
  const base = { newFileBytes: 10 * MiB, workers: 4, rssBytes: 200 * MiB, budgetBytes: null, marginBytes: 100 * MiB };
  assert.equal(planSwap({ ...base, freeBytes: 180 * MiB }).estimateBytes, 80 * MiB);
  assert.equal(planSwap({ ...base, freeBytes: 180 * MiB }).way, 'beside', '80 MiB fits in 180 − 100');
  assert.equal(planSwap({ ...base, freeBytes: 179 * MiB }).way, 'drained', '80 MiB does not fit in 179 − 100');
  assert.equal(planSwap({ ...base, freeBytes: 64 * 1024 * MiB, budgetBytes: 300 * MiB }).way, 'beside', '200 + 80 within 300');
  assert.equal(planSwap({ ...base, freeBytes: 64 * 1024 * MiB, budgetBytes: 279 * MiB }).way, 'drained', '200 + 80 over 279');
});
