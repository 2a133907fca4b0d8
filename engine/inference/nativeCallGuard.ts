// onnxruntime-node loads, runs and releases a model inside native code on the calling thread. A worker
// thread terminated while one of those calls is in flight takes the whole process down ("terminate called
// after throwing an instance of 'Napi::Error'": the binding calls back into a JavaScript engine that is
// being torn down; docs/hardening.md#terminating-a-worker-that-runs-models). So a thread that runs models
// shares one counter with the thread that may terminate it: the worker counts its native calls in and
// out, and its owner terminates it only after claiming it between two calls. A claimed thread never
// starts another native call, so the claim holds until the thread is gone.
import { workerData, type Worker } from 'node:worker_threads';

/** The counter's value once the owner has claimed the thread for termination. */
const CLAIMED = -1;

/** What an owner adds to the workerData of a worker it may terminate: the guard's counter. */
export interface NativeCallOwnerData { nativeCallState: SharedArrayBuffer }

export class NativeCallGuard {
  private readonly state: Int32Array;
  private loadingCounted: boolean;

  /** `buffer`: the counter shared with the other side; `loadingCounted`: the worker's side of a count that
   *  began at one for the binding's load (forNewWorker). */
  private constructor(readonly buffer: SharedArrayBuffer, loadingCounted: boolean) {
    this.state = new Int32Array(buffer);
    this.loadingCounted = loadingCounted;
  }

  /** The owner's guard for a worker it is about to start: loading onnxruntime's binding is native code
   *  too, so the count starts at one call, which the worker counts out once the binding is loaded. Pass
   *  `ownerData` in the worker's data. */
  static forNewWorker(): NativeCallGuard {
    const guard = new NativeCallGuard(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT), false);
    Atomics.store(guard.state, 0, 1);
    return guard;
  }

  /** What the worker's data carries for this guard. */
  get ownerData(): NativeCallOwnerData { return { nativeCallState: this.buffer }; }

  /** A guard nobody else reads (a thread nobody terminates). */
  static private(): NativeCallGuard { return new NativeCallGuard(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT), false); }

  /** The worker's side of an owner's guard (the buffer from its workerData). */
  static fromOwner(buffer: SharedArrayBuffer): NativeCallGuard { return new NativeCallGuard(buffer, true); }

  /** The worker's side, once onnxruntime's binding is loaded: counts out the load the owner counted in. */
  bindingLoaded(): void {
    if (!this.loadingCounted) return;
    this.loadingCounted = false;
    this.leave();
  }

  /** Native calls in flight on the worker's thread now (CLAIMED once claimed). */
  get inFlight(): number { return Atomics.load(this.state, 0); }

  /** Counts a native call in; false when the thread is claimed (the call must not start). */
  private enter(): boolean {
    for (;;) {
      const calls = Atomics.load(this.state, 0);
      if (calls === CLAIMED) return false;
      if (Atomics.compareExchange(this.state, 0, calls, calls + 1) === calls) return true;
    }
  }

  private leave(): void { Atomics.sub(this.state, 0, 1); }

  /** Runs an asynchronous native call (counted from its start to its settling). On a claimed thread the
   *  call never starts and the promise never settles: the thread is about to be terminated. */
  async around<T>(call: () => Promise<T>): Promise<T> {
    if (!this.enter()) return new Promise<never>(() => undefined);
    try {
      return await call();
    } finally {
      this.leave();
    }
  }

  /** Runs a synchronous native call; on a claimed thread it throws instead of starting. */
  aroundSync<T>(call: () => T): T {
    if (!this.enter()) throw new Error('this thread is being terminated; no native call starts');
    try {
      return call();
    } finally {
      this.leave();
    }
  }

  /** The owner's side: claims the thread if no native call is in flight; true once claimed. */
  claim(): boolean {
    return Atomics.compareExchange(this.state, 0, 0, CLAIMED) === 0 || Atomics.load(this.state, 0) === CLAIMED;
  }
}

/** The guard of this thread's native calls: the counter its owner passed in workerData, or a private one
 *  (the main thread, a tool, a worker nobody terminates). */
export function nativeCallGuardOfThisThread(): NativeCallGuard {
  const shared = (workerData as Partial<NativeCallOwnerData> | null)?.nativeCallState;
  threadGuard ??= shared instanceof SharedArrayBuffer ? NativeCallGuard.fromOwner(shared) : NativeCallGuard.private();
  return threadGuard;
}
let threadGuard: NativeCallGuard | undefined;

/** How `terminateBetweenNativeCalls` ended: terminated by us, or it exited by itself meanwhile. */
export type WorkerEnd = 'terminated' | 'exited';

/**
 * Terminates `worker` as soon as it is between two native calls, never during one. Polls its guard, a
 * millisecond apart at first and up to every 100 ms (a model call takes milliseconds; a worker stuck in
 * one for good is left running rather than take the process down, and is terminated if it ever leaves
 * it). Resolves when the worker is gone either way.
 */
export async function terminateBetweenNativeCalls(worker: Worker, guard: NativeCallGuard): Promise<WorkerEnd> {
  let exited = worker.threadId === -1; // already gone (threadId is -1 once a worker has exited)
  const onExit = () => { exited = true; };
  worker.once('exit', onExit);
  try {
    for (let waitMs = 1; !exited; waitMs = Math.min(100, waitMs * 2)) {
      if (guard.claim()) {
        await worker.terminate();
        return 'terminated';
      }
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
    return 'exited';
  } finally {
    worker.off('exit', onExit);
  }
}
