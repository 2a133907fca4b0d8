// A histogram whose observations were counted elsewhere (agent worker threads) and arrive as bucket
// counts (workerMetrics.ts): the main thread adds them up and prom-client's registry renders the sum.
// prom-client's own Histogram can only observe one value at a time, so this is a small collector of
// the same shape (`get()` answering histogram values) registered beside the others.
import type { Histogram, Metric, Registry } from 'prom-client';
import { WORKER_HISTOGRAMS, type HistogramDelta, type WorkerHistogramName } from './workerMetrics.js';

/** What prom-client's registry expects from `get()` (its own types do not export the name). */
type HistogramValues = Awaited<ReturnType<Histogram['get']>>;

interface Series { labels: Record<string, string>; counts: number[]; sum: number; count: number }

export class SummedHistogram {
  readonly type = 'histogram' as const;
  readonly help: string;
  readonly aggregator = 'sum' as const;
  private readonly buckets: readonly number[];
  private readonly labelNames: readonly string[];
  private readonly series = new Map<string, Series>();

  constructor(readonly name: WorkerHistogramName, registry: Registry) {
    const spec = WORKER_HISTOGRAMS[name];
    this.help = spec.help;
    this.buckets = spec.buckets;
    this.labelNames = spec.labelNames;
    registry.registerMetric(this as unknown as Metric);
  }

  /** Adds one worker's counts; a delta of another shape (buckets changed under a running worker) is refused. */
  add(delta: HistogramDelta): boolean {
    if (delta.name !== this.name || delta.counts.length !== this.buckets.length + 1 || delta.labels.length !== this.labelNames.length) return false;
    const key = delta.labels.join('\u0000');
    let series = this.series.get(key);
    if (!series) {
      series = { labels: Object.fromEntries(this.labelNames.map((n, i) => [n, delta.labels[i] as string])), counts: new Array<number>(this.buckets.length + 1).fill(0), sum: 0, count: 0 };
      this.series.set(key, series);
    }
    for (let i = 0; i < delta.counts.length; i++) (series.counts[i] as number) += delta.counts[i] as number;
    series.sum += delta.sum;
    series.count += delta.count;
    return true;
  }

  /** Cumulative `_bucket` lines (le first), then `_sum` and `_count`, per series: what prom-client's Histogram answers. */
  get(): Promise<HistogramValues> {
    const values: HistogramValues['values'] = [];
    for (const s of this.series.values()) {
      let cumulative = 0;
      this.buckets.forEach((le, i) => {
        cumulative += s.counts[i] as number;
        values.push({ metricName: `${this.name}_bucket`, labels: { le, ...s.labels }, value: cumulative });
      });
      values.push({ metricName: `${this.name}_bucket`, labels: { le: '+Inf', ...s.labels }, value: s.count });
      values.push({ metricName: `${this.name}_sum`, labels: s.labels, value: s.sum });
      values.push({ metricName: `${this.name}_count`, labels: s.labels, value: s.count });
    }
    return Promise.resolve({ name: this.name, help: this.help, type: this.type as unknown as HistogramValues['type'], values, aggregator: this.aggregator, collect: () => {} });
  }

  reset(): void { this.series.clear(); }
}
