// Dynamic micro-batching (Triton's dynamic batcher, sized for a laptop): requests that arrive within
// `maxDelayMs` of the first one are run together, up to `maxBatch`; interactive requests go before
// background ones; a bounded queue answers SAFE_E_BUSY instead of growing without limit.
import { performance } from 'node:perf_hooks';
import { ERROR_CODES, SafeError } from '../contract/errors.js';

export type InferencePriority = 'interactive' | 'background';

export interface BatcherOptions { maxBatch: number; maxDelayMs: number; maxQueue: number }

export interface BatchStats {
  requests: number; batches: number; errors: number;
  /** batchSizes[n] = batches of n requests. */
  batchSizes: Record<number, number>;
  queueWaitMsTotal: number; runMsTotal: number;
}

export const emptyBatchStats = (): BatchStats => ({ requests: 0, batches: 0, errors: 0, batchSizes: {}, queueWaitMsTotal: 0, runMsTotal: 0 });

/** The sum of two sets of statistics (two sources in one core, or the same model in several workers). */
export function mergeBatchStats(a: BatchStats, b: BatchStats): BatchStats {
  const batchSizes: Record<number, number> = { ...a.batchSizes };
  for (const [size, count] of Object.entries(b.batchSizes)) batchSizes[Number(size)] = (batchSizes[Number(size)] ?? 0) + count;
  return {
    requests: a.requests + b.requests, batches: a.batches + b.batches, errors: a.errors + b.errors, batchSizes,
    queueWaitMsTotal: a.queueWaitMsTotal + b.queueWaitMsTotal, runMsTotal: a.runMsTotal + b.runMsTotal,
  };
}

interface Pending<I, O> { input: I; resolve: (o: O) => void; reject: (e: unknown) => void; enqueuedAt: number }

export class MicroBatcher<I, O> {
  readonly stats: BatchStats = emptyBatchStats();
  private readonly queues: Record<InferencePriority, Array<Pending<I, O>>> = { interactive: [], background: [] };
  private timer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  private running = false;

  /** `runBatch` is also given how long each input waited in the queue (ms), for the metrics. */
  constructor(private readonly runBatch: (inputs: I[], queueWaitsMs: number[]) => Promise<O[]>, private readonly options: BatcherOptions) {}

  get queued(): number { return this.queues.interactive.length + this.queues.background.length; }

  submit(input: I, priority: InferencePriority = 'interactive'): Promise<O> {
    if (this.queued >= this.options.maxQueue) {
      return Promise.reject(new SafeError(ERROR_CODES.BUSY, `inference queue full (${this.options.maxQueue} waiting); retry shortly`));
    }
    return new Promise<O>((resolve, reject) => {
      this.queues[priority].push({ input, resolve, reject, enqueuedAt: performance.now() });
      this.stats.requests++;
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running) return; // the batch in progress picks the queue up when it ends
    if (this.queued >= this.options.maxBatch) { this.flush(); return; }
    // A zero delay still gathers the requests of the same turn of the event loop, at no latency cost.
    if (!this.timer) this.timer = this.options.maxDelayMs > 0 ? setTimeout(() => this.flush(), this.options.maxDelayMs) : setImmediate(() => this.flush());
  }

  private flush(): void {
    if (this.timer) { clearTimeout(this.timer as NodeJS.Timeout); clearImmediate(this.timer as NodeJS.Immediate); this.timer = null; }
    if (this.running || this.queued === 0) return;
    const batch = [...this.queues.interactive.splice(0, this.options.maxBatch)];
    batch.push(...this.queues.background.splice(0, this.options.maxBatch - batch.length));
    this.running = true;
    const started = performance.now();
    const waitsMs = batch.map((p) => started - p.enqueuedAt);
    for (const wait of waitsMs) this.stats.queueWaitMsTotal += wait;
    this.stats.batches++;
    this.stats.batchSizes[batch.length] = (this.stats.batchSizes[batch.length] ?? 0) + 1;
    this.runBatch(batch.map((p) => p.input), waitsMs).then((outputs) => {
      batch.forEach((p, i) => p.resolve(outputs[i] as O));
    }, (err: unknown) => {
      this.stats.errors += batch.length;
      for (const p of batch) p.reject(err);
    }).finally(() => {
      this.stats.runMsTotal += performance.now() - started;
      this.running = false;
      if (this.queued > 0) this.schedule();
    });
  }
}
