// An agent worker that ran a task with a large incident's readings is recycled after it: it exits and a
// fresh worker takes its place (workerPool.ts, RECYCLE_AFTER_READINGS; docs/hardening.md#memory). The
// answers are the same as without recycling, and nothing counts as a failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIncident } from '../contract/parseIncident.js';
import type { AnalysisResult } from '../contract/result.js';
import { resolveConfig } from '../config.js';
import { createLogger } from '../logging.js';
import { Orchestrator } from './orchestrator.js';

const quiet = createLogger('silent');
const config = resolveConfig({ workers: 1, agentTimeoutMs: 10_000 });
/** An ammonia release with `count` gas readings, a minute apart, rising. */
const withReadings = (count: number) => parseIncident({
  text: 'Ammonia leaking at the cold store, fence gas sensors rising',
  sensors: [{ id: 'fence', kind: 'gas_ppm', thresholdValue: 300, readings: Array.from({ length: count }, (_, i) => ({ at: new Date(Date.UTC(2026, 10, 30, 6, i)).toISOString(), value: 20 + i * 0.5 + (i % 3) })) }],
});
/** What an analysis answered, without what differs from run to run (timings, when, its id). */
const answer = ({ timingsMs: _t, analysedAt: _a, id: _i, ...rest }: AnalysisResult) => rest;

test('a worker is recycled after a task with at least recycleAfterReadings readings, with the same answers, and the pool goes on', async () => {
  const recycling = await Orchestrator.start(config, { logger: quiet, recycleAfterReadings: 200 });
  const keeping = await Orchestrator.start(config, { logger: quiet, recycleAfterReadings: Number.MAX_SAFE_INTEGER });
  try {
    const small = await recycling.analyze(withReadings(50));
    assert.equal(small.status, 'ok');
    assert.equal(recycling.recycledWorkers, 0, 'a task under the threshold keeps its worker');

    const large = withReadings(400);
    const recycled = await recycling.analyze(large);
    const kept = await keeping.analyze(large);
    assert.equal(recycled.status, 'ok');
    assert.deepEqual(answer(recycled), answer(kept), 'recycling changes no answer');
    // Only the A-Agent's task (with the Executor chained to it) carries the readings; the other stages get
    // each sensor's last reading (pipeline.ts READS_SENSOR_READINGS), so one analysis recycles one worker.
    assert.equal(recycling.recycledWorkers, 1);
    assert.equal(keeping.recycledWorkers, 0);

    // The replacement serves the next analyses, large ones too; a recycle is not a crash.
    const again = await recycling.analyze(large);
    assert.deepEqual(answer(again), answer(kept));
    assert.equal(recycling.recycledWorkers, 2);
    assert.equal(recycling.queue.replacedWorkers, 0, 'not counted as a worker replaced after a failure');
    // A small analysis waits for the replacement (it starts once the recycled worker has exited).
    assert.equal((await recycling.analyze(withReadings(50))).status, 'ok');
    assert.equal((await recycling.workerHeaps()).length, 1, 'the pool is back to its size');
    assert.equal(recycling.recycledWorkers, 2);
  } finally {
    await Promise.all([recycling.close(), keeping.close()]);
  }
});
