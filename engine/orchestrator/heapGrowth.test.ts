// The heap growth bound (docs/hardening.md#memory): once set, a thread that keeps replacing about 25 MB of
// live objects (as the cache and the analyses in flight do) keeps its old generation near that live size,
// where V8's default let it grow to several times it. The thread is a worker started after the bound,
// as the agent workers are. Without limitHeapGrowth() this test fails (old space 135 MB over 28 MB live,
// measured with node 20 on a machine with a few GB of heap limit).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { HEAP_GROWING_PERCENT, limitHeapGrowth } from './heapGrowth.js';

const CHURN = `
const { parentPort } = require('node:worker_threads');
const v8 = require('node:v8');
const vm = require('node:vm');
v8.setFlagsFromString('--expose-gc');
const collect = globalThis.gc ?? vm.runInNewContext('gc');
const oldSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space').space_size;
const live = [];
let peak = 0;
for (let i = 0; i < 400000; i++) {
  live[i % 60000] = { id: 'run-' + i, values: Array.from({ length: 20 }, (_, k) => k * i), text: 'report '.repeat(4) + i };
  if (i % 1000 === 0) peak = Math.max(peak, oldSpace());
}
collect(); collect();
parentPort.postMessage({ peakOldSpaceBytes: peak, liveBytes: v8.getHeapStatistics().used_heap_size, kept: live.length });
`;

test('a worker that replaces its live data keeps its old generation near that size', async () => {
  limitHeapGrowth();
  const worker = new Worker(CHURN, { eval: true });
  const { peakOldSpaceBytes, liveBytes } = await new Promise<{ peakOldSpaceBytes: number; liveBytes: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  // Room for the growth allowed, plus V8's smallest step of the limit (16 MB on 64 bits) and what is
  // allocated while a collection's marking runs: 32 MB in all (57 MB over 27 live here; 135 MB without).
  const boundBytes = liveBytes * (1 + HEAP_GROWING_PERCENT / 100) + 32 * 1024 * 1024;
  assert.ok(peakOldSpaceBytes <= boundBytes, `old space peaked at ${mb(peakOldSpaceBytes)} MB over ${mb(liveBytes)} MB live (bound ${mb(boundBytes)} MB)`);
});
