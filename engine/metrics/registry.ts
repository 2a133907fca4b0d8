// The engine's metrics, in one registry (prom-client), rendered in the Prometheus text format by the
// `metrics` operation (GET /metrics). Names, units and labels: docs/metrics.md. The main thread observes
// what it times itself (analyses, SQL statements, HTTP requests), reads gauges and counters from the
// parts that already count (queue, pool, cache, models) when scraped, and adds up the histograms the
// agent workers count (workerMetrics.ts).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { SummedHistogram } from './summedHistogram.js';
import { WORKER_HISTOGRAMS, bucketIndex, type HistogramDelta, type WorkerHistogramName } from './workerMetrics.js';
import { DEVICE_METRICS, type DeviceSample, type MetricName } from '../contract/deviceHealth.js';

/** What the engine's parts already count, read when the metrics are scraped. */
export interface MetricSources {
  /** Analyses waiting for a slot (interactive and batch). */
  queueDepth(): number;
  /** Agent workers replaced after a crash or a timeout, since start. */
  workerRestarts(): number;
  /** Cache lookups since start, per level (l1, l2) and result (hit, miss, stale). */
  cacheRequests(): Array<{ level: string; result: string; count: number }>;
  /** The models the workers run now. */
  liveModels(): Array<{ model: string; version: string; variant: string }>;
  /** The device sampler's latest sample; absent when this engine samples nothing. */
  deviceSample?(): DeviceSample | null;
}

// Seconds. Agents run from under a millisecond (the reading step) to seconds (a slow machine's Executor).
const DEVICE_METRIC_HELP: Record<MetricName, string> = {
  safe_cpu_busy_ratio: 'CPU busy share over the last sampling interval (0-1)', safe_load1: 'One-minute load average',
  safe_memory_used_ratio: 'Memory in use, (total - available) / total', safe_swap_used_ratio: 'Swap in use (0-1)',
  safe_disk_used_ratio: "Used share of the data directory's disk", safe_disk_free_bytes: "Bytes free to the engine on the data directory's disk",
  safe_network_receive_bytes_total: 'Bytes received over all interfaces but loopback (as the OS counts them)',
  safe_network_transmit_bytes_total: 'Bytes sent over all interfaces but loopback (as the OS counts them)',
  safe_battery_charge_ratio: 'Battery charge (0-1), the lowest battery', safe_battery_charging: '1 while charging or on mains with a full battery',
  safe_temperature_celsius: 'Hottest temperature sensor', safe_thermal_throttled: '1 when the CPU throttled for heat since the last sample',
};

const ANALYSIS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const SQLITE_BUCKETS = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5];
const HTTP_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * prom-client's default metrics under their standard names (process_cpu_seconds_total,
 * process_resident_memory_bytes, nodejs_eventloop_lag_seconds...), so the usual dashboards read them
 * unchanged. One registry per process: they describe the process, and several engines in one process
 * (the tests) must not each install an event-loop monitor and a GC observer. Left out: the three gauges
 * named `nodejs_active_*_total`, which `promtool check metrics` rejects (a gauge must not end in _total);
 * `nodejs_active_handles`, `_requests` and `_resources` give the same counts by type.
 */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
    for (const name of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total']) processRegistry.removeSingleMetric(name);
  }
  return processRegistry;
}

export class EngineMetrics {
  readonly registry = new Registry();
  private sources: MetricSources | undefined;

  readonly analysisDuration = new Histogram({
    name: 'safe_analysis_duration_seconds', help: 'Agent stage durations (as the worker timed them) and whole analyses (agent="analysis", from submission)',
    labelNames: ['agent', 'status'] as const, buckets: ANALYSIS_BUCKETS, registers: [this.registry],
  });
  readonly sqliteStatementDuration = new Histogram({
    name: 'safe_sqlite_statement_duration_seconds', help: 'SQLite statements run by the store, by statement name',
    labelNames: ['statement'] as const, buckets: SQLITE_BUCKETS, registers: [this.registry],
  });
  readonly httpRequestDuration = new Histogram({
    name: 'safe_http_request_duration_seconds', help: 'HTTP requests answered by the local API, by route template, method and status code',
    labelNames: ['route', 'method', 'code'] as const, buckets: HTTP_BUCKETS, registers: [this.registry],
  });
  private readonly sqliteSlowStatements = new Counter({
    name: 'safe_sqlite_slow_statements_total', help: 'SQLite statements slower than the slow-query bound (the configuration\'s slowQueryMs, 50 ms by default)', registers: [this.registry],
  });
  /** The same count as a plain number, for the alert runner. */
  sqliteSlowStatementsTotal = 0;
  readonly powerStepDowns = new Counter({
    name: 'safe_power_step_downs_total', help: 'Times background work stepped down for a low battery, thermal throttling or a critical temperature', registers: [this.registry],
  });
  /** Whole analyses per bucket (not cumulative; the last is +Inf), kept beside the histogram so the alert
   *  runner reads them without awaiting prom-client (docs/alerts.md, "Running live"). */
  private readonly analysisBucketCounts = new Array<number>(ANALYSIS_BUCKETS.length + 1).fill(0);
  private readonly workerHistograms = Object.fromEntries(
    (Object.keys(WORKER_HISTOGRAMS) as WorkerHistogramName[]).map((name) => [name, new SummedHistogram(name, this.registry)]),
  ) as Record<WorkerHistogramName, SummedHistogram>;

  constructor() {
    // collect() runs with `this` bound to its metric; the sources are reached through this arrow.
    const sources = (): MetricSources | undefined => this.sources;
    new Gauge({
      name: 'safe_analysis_queue_depth', help: 'Analyses waiting for a slot (interactive and batch)', registers: [this.registry],
      collect() { this.set(sources()?.queueDepth() ?? 0); },
    });
    new Counter({
      name: 'safe_worker_restarts_total', help: 'Agent workers replaced after a crash or a timeout', registers: [this.registry],
      collect() { this.reset(); this.inc(sources()?.workerRestarts() ?? 0); },
    });
    new Counter({
      name: 'safe_cache_requests_total', help: 'Analysis cache lookups by level (l1 memory, l2 SQLite) and result (hit, miss, stale)',
      labelNames: ['level', 'result'] as const, registers: [this.registry],
      collect() {
        this.reset();
        for (const { level, result, count } of sources()?.cacheRequests() ?? []) this.inc({ level, result }, count);
      },
    });
    // Device health from the sampler (docs/device-health.md). Labelled by the collector that measured it, so a
    // metric this machine cannot measure is absent from the scrape, never a 0.
    // The OS's own running byte counts (…_total) are counters; the rest are gauges.
    for (const metric of DEVICE_METRICS) {
      const latest = () => { const sample = sources()?.deviceSample?.(); const value = sample?.values[metric]; return sample && value !== undefined ? { source: sample.source, value } : null; };
      const config = { name: metric, help: DEVICE_METRIC_HELP[metric], labelNames: ['source'] as const, registers: [this.registry] };
      if (metric.endsWith('_total')) new Counter({ ...config, collect() { this.reset(); const v = latest(); if (v) this.inc({ source: v.source }, v.value); } });
      else new Gauge({ ...config, collect() { this.reset(); const v = latest(); if (v) this.set({ source: v.source }, v.value); } });
    }
    new Gauge({
      name: 'safe_model_info', help: 'Models the agent workers run now (1 per live model, version and variant)',
      labelNames: ['model', 'version', 'variant'] as const, registers: [this.registry],
      collect() {
        this.reset();
        for (const labels of sources()?.liveModels() ?? []) this.set(labels, 1);
      },
    });
  }

  /** The power governor's state (docs/device-health.md#power-and-heat), registered only by an engine that has
   *  one: an unlabelled gauge always renders a value, and an engine without a governor must not say 0. */
  watchPower(steppedDown: () => boolean): void {
    new Gauge({
      name: 'safe_power_stepped_down', help: '1 while background work is stepped down for power or heat', registers: [this.registry],
      collect() { this.set(steppedDown() ? 1 : 0); },
    });
  }

  /** A store statement slower than the slow-query bound. */
  countSlowStatement(): void {
    this.sqliteSlowStatements.inc();
    this.sqliteSlowStatementsTotal++;
  }

  /** One whole analysis (agent="analysis"), from submission to its result. */
  observeAnalysis(status: 'ok' | 'partial' | 'error', seconds: number): void {
    this.analysisDuration.observe({ agent: 'analysis', status }, seconds);
    (this.analysisBucketCounts[bucketIndex(ANALYSIS_BUCKETS, seconds)] as number)++;
  }

  /** Whole analyses so far as cumulative buckets (`le` as Prometheus writes it, "+Inf" last), every status. */
  analysisBuckets(): Array<{ le: string; count: number }> {
    let cumulative = 0;
    return this.analysisBucketCounts.map((n, i) => { cumulative += n; return { le: i < ANALYSIS_BUCKETS.length ? String(ANALYSIS_BUCKETS[i]) : '+Inf', count: cumulative }; });
  }

  /** Connects the counters the engine's parts keep (called once they exist). */
  watch(sources: MetricSources): void { this.sources = sources; }

  /** Adds a worker's histogram counts (sent with its task's result). */
  addWorkerDeltas(deltas: readonly HistogramDelta[]): void {
    for (const delta of deltas) this.workerHistograms[delta.name]?.add(delta);
  }

  /** The exposition: the engine's metrics, then the process's. */
  async render(): Promise<string> {
    const [own, process] = await Promise.all([this.registry.metrics(), processMetrics().metrics()]);
    return `${own}\n${process}`;
  }
}
