// Histograms observed inside the agent worker threads (inference batches). A worker keeps bucket counts
// since its last message and sends them with each task's `done` or `failed` message; the main thread
// adds them up (summedHistogram.ts), so the exposition shows one histogram for all workers
// (docs/metrics.md#how-the-workers-report). No prom-client here: workers only count.

/** Declared once for both ends: the worker counts into these buckets, the main thread renders them. */
export const WORKER_HISTOGRAMS = {
  safe_inference_batch_size: {
    help: 'Rows per inference call (micro-batches and ensembles), per model and version', labelNames: ['model', 'version'],
    buckets: [1, 2, 4, 8, 16, 32, 64],
  },
  safe_inference_queue_wait_seconds: {
    help: 'Time a request waited in the micro-batcher before its batch ran (ensembles do not queue)', labelNames: ['model', 'version'],
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
  },
} as const satisfies Record<string, { help: string; labelNames: readonly string[]; buckets: readonly number[] }>;

export type WorkerHistogramName = keyof typeof WORKER_HISTOGRAMS;

/** Observations since the previous message, for one histogram and one set of label values.
 *  `counts[i]`: observations ≤ buckets[i] and > buckets[i-1] (not cumulative); the last entry is +Inf. */
export interface HistogramDelta {
  name: WorkerHistogramName;
  /** Label values in the order of the histogram's labelNames. */
  labels: string[];
  counts: number[];
  sum: number;
  count: number;
}

/** Index of the bucket `value` falls in (buckets.length for +Inf). */
export function bucketIndex(buckets: readonly number[], value: number): number {
  for (let i = 0; i < buckets.length; i++) if (value <= (buckets[i] as number)) return i;
  return buckets.length;
}

export class WorkerMetricsRecorder {
  private pending = new Map<string, HistogramDelta>();

  observe(name: WorkerHistogramName, labels: string[], value: number): void {
    const key = `${name}\u0000${labels.join('\u0000')}`;
    const buckets = WORKER_HISTOGRAMS[name].buckets;
    let delta = this.pending.get(key);
    if (!delta) {
      delta = { name, labels, counts: new Array<number>(buckets.length + 1).fill(0), sum: 0, count: 0 };
      this.pending.set(key, delta);
    }
    (delta.counts[bucketIndex(buckets, value)] as number)++;
    delta.sum += value;
    delta.count++;
  }

  /** What was observed since the last call (undefined if nothing), and starts counting afresh. */
  take(): HistogramDelta[] | undefined {
    if (this.pending.size === 0) return undefined;
    const deltas = [...this.pending.values()];
    this.pending = new Map();
    return deltas;
  }
}
