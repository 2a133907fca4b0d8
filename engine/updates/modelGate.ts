// Runs the gate (gateWorker.ts) in a worker thread of its own and waits for its verdict; a gate that
// crashes or hangs is a failed gate, never a pass.
import { Worker } from 'node:worker_threads';
import type { GateResult } from '../contract/modelUpdates.js';
import type { Gate, GateRequest } from './modelUpdater.js';
import { NativeCallGuard, terminateBetweenNativeCalls } from '../inference/nativeCallGuard.js';

const GATE_WORKER_URL = new URL('./gateWorker.js', import.meta.url);
const GATE_TIMEOUT_MS = 120_000;

const failed = (detail: string, started: number): GateResult => ({ passed: false, checks: [{ check: 'loads', passed: false, value: null, bound: null, detail }], durationMs: Date.now() - started });

export const workerGate: Gate = (request: GateRequest) => new Promise<GateResult>((resolve) => {
  const started = Date.now();
  // The gate runs models: it is terminated between two model calls, never during one (nativeCallGuard.ts).
  const guard = NativeCallGuard.forNewWorker();
  const worker = new Worker(GATE_WORKER_URL, { workerData: { gateRequest: request, ...guard.ownerData } });
  const timer = setTimeout(() => { void terminateBetweenNativeCalls(worker, guard); resolve(failed(`the gate did not finish within ${GATE_TIMEOUT_MS / 1000} s`, started)); }, GATE_TIMEOUT_MS);
  worker.once('message', (message: { ok: true; result: GateResult } | { ok: false; message: string }) => {
    clearTimeout(timer);
    resolve(message.ok ? message.result : failed(message.message, started));
    void terminateBetweenNativeCalls(worker, guard);
  });
  worker.once('error', (err) => { clearTimeout(timer); resolve(failed(`the gate crashed: ${err.message}`, started)); });
});
