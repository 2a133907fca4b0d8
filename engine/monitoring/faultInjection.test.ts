// Fault injection into a live engine (docs/device-health.md, "Fault injection"): its real sampler thread,
// collector and alert manager, the default rules with time compressed 30× so the test takes about a minute
// (bench:monitor runs them as they are and times them). A CPU hog and a memory hog in child processes (on
// the fake machine), an event-loop stall, a worker crash and a disk filling: each raises its rules, and
// each rule resolves after its fault ends. Bounds are generous (the machine is shared): the rule's own
// delay (`for` + window) plus 20 s, plus 10 s for the loop delay, read in 10-second windows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAlertRules } from './alerts/rules.js';
import { compressTime } from './alerts/testing/compressTime.js';
import { startFaultEngine } from './testing/faultEngine.js';
import { runFaults } from './testing/faultRun.js';

test('each injected fault raises its default alerts on a live engine, and they clear after the fault ends', { timeout: 300_000 }, async () => {
  const rules = compressTime(loadAlertRules(), 30);
  const live = await startFaultEngine(rules);
  try {
    assert.deepEqual(await live.quiet(40_000), [], 'no alert before any fault');
    const outcomes = await runFaults({ alerts: () => live.engine.alerts(), rules, faults: live.faults(), fireTimeoutMs: 90_000, clearTimeoutMs: 90_000 });
    assert.deepEqual(outcomes.map((o) => o.rule).sort(),
      ['CpuBusy', 'CpuBusyCritical', 'DiskSpaceCritical', 'DiskSpaceLow', 'EventLoopLag', 'MemoryCritical', 'MemoryHigh', 'WorkerRestarts']);
    for (const o of outcomes) {
      assert.notEqual(o.firedAfterS, null, `${o.fault}: ${o.rule} fired`);
      const boundS = o.forS + o.windowS + 20 + (o.rule === 'EventLoopLag' ? 10 : 0);
      assert.ok((o.firedAfterS as number) <= boundS, `${o.fault}: ${o.rule} fired after ${o.firedAfterS} s (bound ${boundS} s)`);
      assert.notEqual(o.clearedAfterS, null, `${o.fault}: ${o.rule} resolved after the fault ended`);
    }
  } finally {
    await live.close();
  }
});
