// Device health for the engine (docs/device-health.md): starts the sampler thread, keeps the latest
// sample and what this machine can measure, and measures the engine's own event-loop delay here, on the
// thread whose delay matters (a histogram reset each window, as the issue asks).
import { Worker } from 'node:worker_threads';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { capabilities, DEVICE_METRICS, type CollectorSources, type DeviceSample, type MetricName } from './collectors/index.js';
import type { DeviceHealth } from '../contract/deviceHealth.js';
import { TimeSeriesStore } from './timeseries/timeSeriesStore.js';

export interface SamplerOptions {
  dataDir: string; historyFile: string; intervalMs: number;
  /** Fault injection only: parts of the machine replaced (collectors/sample.ts). */
  sources?: CollectorSources;
}
export type SamplerMessage = { kind: 'sample'; sample: DeviceSample } | { kind: 'error'; message: string }
  | { kind: 'thread'; linuxThreadId: number | null };

const SAMPLER_URL = new URL('./samplerWorker.js', import.meta.url);
/** Samples remembered for the capability list (and the newest seconds of history): one minute at 1 s. */
const RECENT = 60;
const LOOP_DELAY_RESOLUTION_MS = 20;

/** What the monitor knows; the engine adds the power governor's state. */
export type DeviceHealthView = Omit<DeviceHealth, 'power'>;

export class DeviceMonitor {
  private readonly worker: Worker;
  private readonly recent: DeviceSample[] = [];
  /** Sampled every 20 ms: each sample wakes the engine's thread, and at Node's default 10 ms the wake-ups
   *  alone cost more of a core than the whole sampler thread (docs/device-health.md, "What monitoring
   *  costs"). 500 samples per 10-second window still give a p99, and a stall stands out no less. */
  private readonly loopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
  private lastLoopP99Ms: number | null = null;
  private lastError: string | null = null;
  private readonly windowTimer: NodeJS.Timeout;
  private reader: TimeSeriesStore | undefined;
  private readonly listeners: Array<(sample: DeviceSample) => void> = [];
  private samplerThreadId: number | null = null;

  constructor(private readonly options: SamplerOptions) {
    this.worker = new Worker(SAMPLER_URL, { workerData: options, resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 } });
    this.worker.unref();
    this.worker.on('message', (m: SamplerMessage) => {
      if (m.kind === 'thread') { this.samplerThreadId = m.linuxThreadId; return; }
      if (m.kind === 'error') { this.lastError = m.message; return; }
      this.recent.push(m.sample);
      if (this.recent.length > RECENT) this.recent.shift();
      for (const listener of this.listeners) listener(m.sample);
    });
    this.worker.on('error', (err) => { this.lastError = err.message; });
    this.loopDelay.enable();
    // The delay histogram is read and reset per window, so a stall an hour ago does not hide today's p99.
    this.windowTimer = setInterval(() => {
      this.lastLoopP99Ms = this.loopDelay.count > 0 ? this.loopDelay.percentile(99) / 1e6 : null;
      this.loopDelay.reset();
    }, options.intervalMs * 10);
    this.windowTimer.unref();
  }

  /** The sampler thread's Linux thread id once it started (null before, and off Linux): bench:monitor reads
   *  that thread's own CPU time (docs/device-health.md, "What monitoring costs"). */
  get samplerLinuxThreadId(): number | null { return this.samplerThreadId; }

  /** Each sample as it arrives on the engine's thread (the alert runner ingests them). */
  onSample(listener: (sample: DeviceSample) => void): void { this.listeners.push(listener); }

  /** The latest sample alone (what the metrics scrape needs, without the capability list). */
  latest(): DeviceSample | null {
    return this.recent.at(-1) ?? null;
  }

  view(): DeviceHealthView {
    const memory = process.memoryUsage();
    return {
      monitoring: true,
      latest: this.latest(),
      capabilities: this.recent.length > 1 ? capabilities(this.recent) : Object.fromEntries(DEVICE_METRICS.map((m) => [m, 'not-available'])) as DeviceHealthView['capabilities'],
      engine: { eventLoopDelayP99Ms: this.lastLoopP99Ms, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
      lastError: this.lastError,
    };
  }

  /** One metric's history from the sampler's file (a second, read-only connection: WAL lets it read while the sampler writes). */
  history(metric: string, fromMs: number, toMs: number) {
    const resolution = TimeSeriesStore.resolutionFor(fromMs, Date.now());
    this.reader ??= new TimeSeriesStore(this.options.historyFile);
    const points = this.reader.query(metric, fromMs, toMs, resolution);
    // The sampler writes the file every 10 s (samplerWorker.ts): the newer seconds come from the samples kept here.
    if (resolution === 'raw') {
      const newestMs = points.at(-1)?.atMs ?? -Infinity;
      for (const s of this.recent) {
        const v = s.values[metric as MetricName];
        if (v !== undefined && Number.isFinite(v) && s.atMs > newestMs && s.atMs >= fromMs && s.atMs <= toMs) points.push({ atMs: s.atMs, min: v, avg: v, max: v });
      }
    }
    return { resolution, points };
  }

  async close(): Promise<void> {
    this.reader?.close();
    clearInterval(this.windowTimer);
    this.loopDelay.disable();
    this.worker.postMessage({ kind: 'stop' });
    await new Promise<void>((resolve) => { const t = setTimeout(() => { void this.worker.terminate().then(() => resolve()); }, 1000); this.worker.once('exit', () => { clearTimeout(t); resolve(); }); });
  }
}
