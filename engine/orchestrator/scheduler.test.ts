// The scheduler under the power governor's batch limit (docs/device-health.md#power-and-heat): batch
// analyses run one at a time while stepped down, interactive ones start as before and are never refused,
// and the queued batch work starts when the limit rises again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisScheduler, type AnalysisPriority } from './scheduler.js';
import { PowerGovernor } from '../monitoring/powerGovernor.js';

/** A job that runs until `finish` is called; `started` records the order jobs began. */
function jobs(scheduler: AnalysisScheduler) {
  const started: string[] = [];
  const finishers = new Map<string, () => void>();
  const submit = (name: string, priority: AnalysisPriority) => scheduler.schedule(priority, () => new Promise<string>((resolve) => {
    started.push(name);
    finishers.set(name, () => resolve(name));
  }));
  const finish = async (name: string) => { finishers.get(name)?.(); await new Promise((r) => setImmediate(r)); };
  return { started, submit, finish };
}

test('stepped down: one batch analysis at a time, interactive ones still start at once; stepping up starts the rest', async () => {
  const governor = new PowerGovernor();
  const scheduler = new AnalysisScheduler({ maxConcurrent: 4, maxQueuedInteractive: 8, maxQueuedBatch: 8, batchSlots: () => governor.batchSlots() });
  governor.update({ atMs: 0, values: { safe_battery_charge_ratio: 0.05, safe_battery_charging: 0 } });
  const { started, submit, finish } = jobs(scheduler);
  void submit('b1', 'batch'); void submit('b2', 'batch'); void submit('b3', 'batch');
  void submit('i1', 'interactive'); void submit('i2', 'interactive');
  assert.deepEqual(started, ['b1', 'i1', 'i2'], 'one batch slot; interactive analyses take the free ones');
  assert.deepEqual(scheduler.depth, { running: 3, interactive: 0, batch: 2 });
  await finish('b1');
  assert.deepEqual(started, ['b1', 'i1', 'i2', 'b2'], 'the next batch analysis starts when the running one ends');
  governor.update({ atMs: 61_000, values: { safe_battery_charge_ratio: 0.5, safe_battery_charging: 1 } });
  scheduler.startQueued(); // what the engine does at the step-up
  assert.deepEqual(started, ['b1', 'i1', 'i2', 'b2', 'b3'], 'stepped up: the queued batch analysis starts at once');
});

test('without a limit, batch analyses fill every free slot as before', () => {
  const scheduler = new AnalysisScheduler({ maxConcurrent: 3, maxQueuedInteractive: 8, maxQueuedBatch: 8, batchSlots: () => new PowerGovernor().batchSlots() });
  const { started, submit } = jobs(scheduler);
  void submit('b1', 'batch'); void submit('b2', 'batch'); void submit('b3', 'batch'); void submit('b4', 'batch');
  assert.deepEqual(started, ['b1', 'b2', 'b3']);
});
