// The one place the engine runs ONNX models (agents never touch onnxruntime directly): verified models
// loaded and warmed off the request path, sessions kept in a cache with a memory budget (least recently
// used released first, reloaded on demand, reloads counted), one micro-batcher per model, an execution
// provider chosen by configuration with a logged fallback to CPU, and statistics per model and version.
import * as ort from 'onnxruntime-node';
import { performance } from 'node:perf_hooks';
import { loadVerifiedModelAsync, type Precision, type VerifiedModel } from './modelRepository.js';
import { nativeCallGuardOfThisThread, type NativeCallGuard } from './nativeCallGuard.js';

// Imports are evaluated before this line: onnxruntime's binding is loaded, and an owner waiting to
// terminate this thread may now do so between two calls (nativeCallGuard.ts).
nativeCallGuardOfThisThread().bindingLoaded();

/** A verified, loaded model: its manifest, file and the precision actually loaded (fp32 when no variant
 *  of the one asked for exists), with that file's verified sha256 and size. The file's bytes are not
 *  kept: the session has its own copy. */
export type LoadedModel = Omit<VerifiedModel, 'bytes'> & { precision: Precision; sha256: string; fileBytes: number };

/** How results name a loaded model's version: the manifest version, with the precision when it is not
 *  fp32 ("1+int8"), so cached answers never mix precisions. */
export const loadedVersion = (model: LoadedModel): string => `${model.manifest.version}${model.precision === 'fp32' ? '' : `+${model.precision}`}`;
import { emptyBatchStats, mergeBatchStats, MicroBatcher, type BatcherOptions, type BatchStats, type InferencePriority } from './microBatcher.js';

export interface InferenceCoreOptions {
  modelsDir: string;
  /** Memory budget for loaded sessions, counted as model file bytes × 2 (weights plus runtime copies). */
  sessionBudgetBytes: number;
  executionProvider: 'cpu' | 'cuda' | 'webgpu';
  batcher: BatcherOptions;
  log?: (msg: string, fields?: Record<string, unknown>) => void;
  /** Each inference call once its model is known (version: the manifest's, as safe_model_info has it):
   *  rows, and each row's queue wait in ms (none for an ensemble, which does not queue). The agent
   *  workers count these for GET /metrics (docs/metrics.md). */
  observeBatch?: (model: string, version: string, rows: number, queueWaitsMs: readonly number[]) => void;
  /** Counts every onnxruntime call in and out, so whoever may terminate this thread does it between two
   *  calls (nativeCallGuard.ts); default: this thread's guard. */
  nativeCalls?: NativeCallGuard;
}

/** A tensor as plain data: agents describe their inputs without touching onnxruntime. */
export type FeedTensor = { type: 'int64'; data: BigInt64Array; dims: number[] } | { type: 'float32'; data: Float32Array; dims: number[] };

/** How a model's rows become tensors and its outputs (name → flat data) become per-row results. */
export interface ModelAdapter<I, O> {
  name: string;
  version?: number;
  /** int8 uses the manifest's int8 variant when it has one (fp32 otherwise). */
  precision?: Precision;
  toFeeds(rows: I[]): Record<string, FeedTensor>;
  fromOutputs(outputs: Record<string, ArrayLike<number>>, rows: number): O[];
  /** Representative inputs run once after loading, so the first real request is not the slow one. */
  warmupRows: I[];
  /** Largest batch for this model when it is not the core's default (tiny models amortise more). */
  maxBatch?: number;
}

/**
 * Session options, chosen by the sweep in bench:inference (docs/performance.md). One intra-op and one
 * inter-op thread: the engine already runs one agent worker per core, so a thread pool per session would
 * oversubscribe the cores (and with one thread there is no pool whose threads could spin). Full graph
 * optimisation: it fuses MatMul+Add and the int8 chain at load, costs a few milliseconds of load time
 * (in the worker, once per load), and was the fastest or level with the fastest on every model. The CPU
 * memory arena and memory patterns stay on: the same shapes recur (one row or one ensemble), so buffers
 * are reused instead of reallocated.
 */
export const SESSION_OPTIONS = {
  intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all', enableCpuMemArena: true, enableMemPattern: true, executionMode: 'sequential',
} as const satisfies ort.InferenceSession.SessionOptions;

interface LoadedSession { session: ort.InferenceSession; model: LoadedModel; bytes: number; lastUsed: number; inUse: number }

export interface ModelStats extends BatchStats { loads: number; reloads: number; evictions: number; provider: string }

export class InferenceCore {
  private readonly sessions = new Map<string, LoadedSession>();
  private readonly loading = new Map<string, Promise<LoadedSession>>();
  private readonly batchers = new Map<string, MicroBatcher<unknown, unknown>>();
  private readonly counters = new Map<string, { loads: number; reloads: number; evictions: number }>();
  /** The version each session key loaded first (for keys that name no version). */
  private readonly pinnedVersions = new Map<string, number>();
  /** Statistics of runMany calls (ensembles), which do not pass through a batcher. */
  private readonly directStats = new Map<string, BatchStats>();
  readonly provider: string;
  private readonly native: NativeCallGuard;

  constructor(private readonly options: InferenceCoreOptions) {
    this.native = options.nativeCalls ?? nativeCallGuardOfThisThread();
    const available = this.native.aroundSync(() => ort.listSupportedBackends()).filter((b) => b.bundled).map((b) => b.name);
    this.provider = available.includes(options.executionProvider) ? options.executionProvider : 'cpu';
    if (this.provider !== options.executionProvider) {
      options.log?.('execution provider not available here; using CPU', { requested: options.executionProvider, available });
    }
  }

  /** Loads (and warms) a model now, so requests never wait for it. */
  async preload<I, O>(adapter: ModelAdapter<I, O>): Promise<LoadedModel> {
    return (await this.session(adapter)).model;
  }

  run<I, O>(adapter: ModelAdapter<I, O>, row: I, priority: InferencePriority = 'interactive'): Promise<O> {
    const key = this.key(adapter);
    let batcher = this.batchers.get(key) as MicroBatcher<I, O> | undefined;
    if (!batcher) {
      batcher = new MicroBatcher<I, O>((rows, waitsMs) => this.execute(adapter, rows, waitsMs), { ...this.options.batcher, maxBatch: adapter.maxBatch ?? this.options.batcher.maxBatch });
      this.batchers.set(key, batcher as MicroBatcher<unknown, unknown>);
    }
    return batcher.submit(row, priority);
  }

  /** Runs many rows as one call (an ensemble): no batching delay, same session cache, counted in the
   *  model's statistics as one batch of that size. */
  async runMany<I, O>(adapter: ModelAdapter<I, O>, rows: I[]): Promise<O[]> {
    const key = this.key(adapter);
    const stats = this.directStats.get(key) ?? emptyBatchStats();
    this.directStats.set(key, stats);
    stats.requests += rows.length;
    stats.batches++;
    stats.batchSizes[rows.length] = (stats.batchSizes[rows.length] ?? 0) + 1;
    const started = performance.now();
    try {
      return await this.execute(adapter, rows);
    } catch (err) {
      stats.errors += rows.length;
      throw err;
    } finally {
      stats.runMsTotal += performance.now() - started;
    }
  }

  private async execute<I, O>(adapter: ModelAdapter<I, O>, rows: I[], queueWaitsMs: readonly number[] = []): Promise<O[]> {
    const loaded = await this.session(adapter);
    this.options.observeBatch?.(loaded.model.manifest.name, String(loaded.model.manifest.version), rows.length, queueWaitsMs);
    loaded.inUse++; // a session in use is never released under it
    try {
      return adapter.fromOutputs(await this.runSession(loaded.session, adapter.toFeeds(rows)), rows.length);
    } finally {
      loaded.inUse--;
    }
  }

  /** Per model, keyed name@version (with the precision when not fp32): batched single requests and
   *  ensembles together. */
  stats(): Record<string, ModelStats> {
    const out: Record<string, ModelStats> = {};
    for (const [key, c] of this.counters) {
      const batched = mergeBatchStats(this.batchers.get(key)?.stats ?? emptyBatchStats(), this.directStats.get(key) ?? emptyBatchStats());
      const loaded = this.sessions.get(key)?.model;
      out[loaded ? `${loaded.manifest.name}@${loadedVersion(loaded)}` : key] = { ...batched, ...c, provider: this.provider };
    }
    return out;
  }

  async release(): Promise<void> {
    await Promise.allSettled([...this.sessions.values()].map((s) => this.native.around(() => s.session.release())));
    this.sessions.clear();
  }

  private async runSession(session: ort.InferenceSession, feeds: Record<string, FeedTensor>): Promise<Record<string, ArrayLike<number>>> {
    const tensors = Object.fromEntries(Object.entries(feeds).map(([name, f]) => [name, new ort.Tensor(f.type, f.data, f.dims)]));
    const out = await this.native.around(() => session.run(tensors));
    return Object.fromEntries(Object.entries(out).map(([name, t]) => [name, t.data as Float32Array]));
  }

  private key(adapter: { name: string; version?: number; precision?: Precision }): string {
    return `${adapter.name}@${adapter.version ?? 'latest'}${adapter.precision && adapter.precision !== 'fp32' ? `:${adapter.precision}` : ''}`;
  }

  private async session<I, O>(adapter: ModelAdapter<I, O>): Promise<LoadedSession> {
    const key = this.key(adapter);
    const loaded = this.sessions.get(key);
    if (loaded) { loaded.lastUsed = performance.now(); return loaded; }
    const pending = this.loading.get(key);
    if (pending) return pending;
    const load = (async () => {
      const counters = this.counters.get(key) ?? { loads: 0, reloads: 0, evictions: 0 };
      this.counters.set(key, counters);
      if (counters.loads > 0) counters.reloads++;
      counters.loads++;
      // A model asked for without a version is pinned to the version first loaded: a reload after an
      // eviction must not pick up a newer version installed meanwhile (that is reloadModels' job).
      const { bytes, ...verified } = await loadVerifiedModelAsync(this.options.modelsDir, adapter.name, adapter.version ?? this.pinnedVersions.get(key), adapter.precision);
      this.pinnedVersions.set(key, verified.manifest.version);
      const session = await this.native.around(() => ort.InferenceSession.create(bytes, { executionProviders: [this.provider], ...SESSION_OPTIONS }));
      const model: LoadedModel = { ...verified, fileBytes: bytes.length };
      await this.runSession(session, adapter.toFeeds(adapter.warmupRows));
      const entry: LoadedSession = { session, model, bytes: model.fileBytes * 2, lastUsed: performance.now(), inUse: 0 };
      this.sessions.set(key, entry);
      await this.evictOverBudget(key);
      return entry;
    })().finally(() => this.loading.delete(key));
    this.loading.set(key, load);
    return load;
  }

  private async evictOverBudget(keep: string): Promise<void> {
    let total = [...this.sessions.values()].reduce((s, e) => s + e.bytes, 0);
    const byAge = [...this.sessions.entries()].filter(([k, e]) => k !== keep && e.inUse === 0).sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    for (const [key, entry] of byAge) {
      if (total <= this.options.sessionBudgetBytes) break;
      this.sessions.delete(key);
      total -= entry.bytes;
      const c = this.counters.get(key);
      if (c) c.evictions++;
      this.options.log?.('model session released (over the memory budget)', { model: key });
      await this.native.around(() => entry.session.release());
    }
  }
}

/** The core's defaults in one place: a 64 MiB session budget, CPU, batches of up to 32, no waiting. */
export function createInferenceCore(modelsDir: string, overrides: Partial<InferenceCoreOptions> = {}): InferenceCore {
  return new InferenceCore({ modelsDir, sessionBudgetBytes: 64 << 20, executionProvider: 'cpu', batcher: { maxBatch: 32, maxDelayMs: 0, maxQueue: 1024 }, ...overrides });
}

/** Loads a model into `core` (or a private core the caller then owns), verified and warmed. */
export async function preloadModel<I, O>(modelsDir: string, adapter: ModelAdapter<I, O>, core?: InferenceCore): Promise<{ core: InferenceCore; model: LoadedModel; ownsCore: boolean }> {
  const target = core ?? createInferenceCore(modelsDir);
  return { core: target, model: await target.preload(adapter), ownsCore: core === undefined };
}
