// The default rules on the engine's own metrics, live (docs/alerts.md, "Running live"): a real engine with the
// fault-injecting worker runs real analyses and saves real runs, and the alert runner reads its registry at
// each evaluation. Only the clock is simulated (15 s a step, the rules' interval), so AnalysisSlow's 5-minute
// `for` passes in a few seconds. Analyses slower than the 50 ms budget fire AnalysisSlow; a crashed worker
// fires WorkerRestarts; statements over the slow bound fire SqliteSlowStatements; a refused model fires
// ModelCheckFailed with its name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../config.js';
import { parseIncident } from '../../contract/parseIncident.js';
import { createLogger } from '../../logging.js';
import { Engine } from '../../engine.js';
import { DEFAULT_MODELS_DIR } from '../../inference/modelRepository.js';
import { rehashModelFile } from '../../updates/testing/tamper.js';

const FAULTY_WORKER = new URL('../../orchestrator/testing/faultyAgentWorker.js', import.meta.url);
const STEP_MS = 15_000;
const FIRE = 'fire-spread-surrogate';

const firing = (engine: Engine) => engine.alerts().alerts.filter((a) => a.state === 'firing').map((a) => a.rule);

test('AnalysisSlow, WorkerRestarts, SqliteSlowStatements and ModelCheckFailed evaluate live on the engine\'s metrics', async () => {
  const root = mkdtempSync(join(tmpdir(), 'safe-live-rules-'));
  const modelsDir = join(root, 'models');
  cpSync(DEFAULT_MODELS_DIR, modelsDir, { recursive: true });
  rehashModelFile(join(modelsDir, FIRE, '2')); // refused as unsigned: the engine runs without it
  const clock = { t: Date.now() };
  // Every statement counts as slow (bound 0 ms): the store's real statements feed the counter.
  const engine = await Engine.start(resolveConfig({ dataDir: join(root, 'data'), modelsDir, workers: 2, slowQueryMs: 0 }), {
    logger: createLogger('silent'), workerUrl: FAULTY_WORKER, deviceMonitor: true, testAlerts: { nowMs: () => clock.t, timer: false },
  });
  try {
    const step = async (i: number, text: string) => {
      clock.t += STEP_MS;
      await engine.analyze(parseIncident({ text: `${text} ${i}` }), { useCache: false });
      engine.evaluateAlerts();
    };
    await step(0, 'Chemical leak at the plant, SLOW_strategist:80');
    await step(1, 'Chemical leak at the plant, SLOW_strategist:80');
    const early = firing(engine);
    assert.ok(early.includes('ModelCheckFailed'), `no for: fires at once (${early.join(', ')})`);
    assert.ok(!early.includes('AnalysisSlow'), 'pending for 5 min first');
    assert.ok(!early.includes('WorkerRestarts'), 'no worker has crashed yet');
    const model = engine.alerts().alerts.find((a) => a.rule === 'ModelCheckFailed');
    assert.equal(model?.labels.model, FIRE);

    await step(2, 'Chemical leak at the plant, CRASH_awareness'); // the worker dies (twice: the retry too)
    assert.ok(engine.health().replacedWorkers >= 1);
    assert.ok(firing(engine).includes('WorkerRestarts'));

    // Analyses over the 50 ms budget for more than the rule's 5 minutes (20 steps of 15 s, simulated).
    for (let i = 3; i < 26; i++) await step(i, 'Chemical leak at the plant, SLOW_strategist:80');
    const slow = engine.alerts().alerts.find((a) => a.rule === 'AnalysisSlow');
    assert.equal(slow?.state, 'firing', JSON.stringify(slow));
    assert.ok((slow?.value ?? 0) > 0.05, `p99 ${slow?.value} s over the 0.05 s budget`);
    assert.match(slow?.summary.en ?? '', /Analysis p99 .*over its 50 ms budget/);
    // Every saved run's statements are over the 0 ms bound: more than 0.01 a second over 10 minutes.
    assert.match(await engine.metricsText(), /^safe_sqlite_slow_statements_total [1-9]\d*$/m);
    assert.ok(firing(engine).includes('SqliteSlowStatements'), firing(engine).join(', '));
  } finally {
    await engine.close();
  }
});
