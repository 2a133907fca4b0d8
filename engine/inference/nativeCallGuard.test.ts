// The guard that keeps a worker from being terminated inside onnxruntime's native code
// (nativeCallGuard.ts; docs/hardening.md#terminating-a-worker-that-runs-models).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { NativeCallGuard, terminateBetweenNativeCalls } from './nativeCallGuard.js';

test('the owner claims a thread only between two native calls, and a claimed thread starts none', async () => {
  const owner = NativeCallGuard.forNewWorker();
  const worker = NativeCallGuard.fromOwner(owner.buffer);
  assert.equal(owner.claim(), false, 'loading the binding counts as a native call');
  worker.bindingLoaded();
  worker.bindingLoaded(); // counted out once only
  assert.equal(owner.inFlight, 0);

  let finish!: () => void;
  const first = worker.around(() => new Promise<string>((resolve) => { finish = () => resolve('first'); }));
  const second = worker.around(async () => 'second');
  assert.equal(owner.claim(), false, 'two calls in flight');
  assert.equal(await second, 'second');
  assert.equal(owner.claim(), false, 'one call still in flight');
  finish();
  assert.equal(await first, 'first');

  assert.equal(owner.claim(), true);
  assert.equal(owner.claim(), true, 'a claim holds');
  let started = false;
  const never = worker.around(async () => { started = true; });
  assert.throws(() => worker.aroundSync(() => { started = true; }), /being terminated/);
  const settled = await Promise.race([never.then(() => 'settled'), new Promise((resolve) => setImmediate(() => resolve('pending')))]);
  assert.equal(settled, 'pending');
  assert.equal(started, false, 'no call starts on a claimed thread');
});

test('a private guard (no owner) never counts a load that did not happen', () => {
  const guard = NativeCallGuard.private();
  guard.bindingLoaded();
  assert.equal(guard.inFlight, 0);
  assert.equal(guard.aroundSync(() => 7), 7);
});

/** A worker whose "native call" lasts until the main thread says 'finish' (its port listener keeps it
 *  alive afterwards, so only a termination ends it). */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.guardModule).then(({ nativeCallGuardOfThisThread }) => {
  const guard = nativeCallGuardOfThisThread();
  guard.bindingLoaded();
  void guard.around(() => new Promise((resolve) => { parentPort.on('message', resolve); parentPort.postMessage('inside'); }));
});`;

test('terminateBetweenNativeCalls waits for the call in flight, then terminates; a worker gone by itself is not waited for', async () => {
  const guard = NativeCallGuard.forNewWorker();
  const worker = new Worker(WORKER, { eval: true, workerData: { ...guard.ownerData, guardModule: new URL('./nativeCallGuard.js', import.meta.url).href } });
  await new Promise((resolve) => worker.once('message', resolve));
  let ended: string | undefined;
  const termination = terminateBetweenNativeCalls(worker, guard).then((how) => { ended = how; return how; });
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(ended, undefined, 'not terminated inside the call');
  assert.notEqual(worker.threadId, -1, 'the worker is still running');
  worker.postMessage('finish');
  assert.equal(await termination, 'terminated');
  assert.equal(worker.threadId, -1);

  const exiting = NativeCallGuard.forNewWorker(); // never counted out: only its exit ends the wait
  const quitter = new Worker('process.exit(0)', { eval: true, workerData: exiting.ownerData });
  assert.equal(await terminateBetweenNativeCalls(quitter, exiting), 'exited');
});
