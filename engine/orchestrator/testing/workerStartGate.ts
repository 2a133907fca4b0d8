// Part of the gated test worker (gatedAgentWorker.ts), imported before any of the worker's code: when
// SAFE_TEST_WORKER_GATE names a folder, the first worker to get here goes on at once and every later one
// waits until the test creates `open` in that folder. Synchronous on purpose: nothing of the worker (the
// models included) loads before the gate opens, as for a worker still starting on a slow laptop.
import { closeSync, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';

const gate = process.env.SAFE_TEST_WORKER_GATE;
if (gate) {
  let first = false;
  try {
    closeSync(openSync(join(gate, 'first'), 'wx'));
    first = true;
  } catch {
    // another worker was first
  }
  const pause = new Int32Array(new SharedArrayBuffer(4));
  if (!first) while (!existsSync(join(gate, 'open'))) Atomics.wait(pause, 0, 0, 20);
}
