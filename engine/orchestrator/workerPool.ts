// A fixed pool of agent worker threads (sized to the cores). Each worker runs one agent task at a time.
// A task that exceeds its timeout has its worker terminated (between two model calls, never during one:
// nativeCallGuard.ts); a worker that dies mid-task is replaced;
// in both cases the task fails with a stable code and the caller decides whether to retry.
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { ERROR_CODES, SafeError, type SafeErrorBody } from '../contract/errors.js';
import type { PipelineStage } from '../contract/taxonomy.js';
import type { AnyStageInput } from './pipeline.js';
import type { FromWorker, ModelSet, ReloadPhase, TaskOptions, ToWorker, WorkerHeap, WorkerInit } from './workerProtocol.js';
import type { ModelStats } from '../inference/inferenceCore.js';
import { mergeBatchStats } from '../inference/microBatcher.js';
import { emptyInventory, type ModelInventory } from '../inference/modelInventory.js';
import { NativeCallGuard, terminateBetweenNativeCalls } from '../inference/nativeCallGuard.js';
import type { HistogramDelta } from '../metrics/workerMetrics.js';

export const AGENT_WORKER_URL = new URL('./agentWorkerMain.js', import.meta.url);

export interface PoolOptions {
  size: number;
  modelsDir: string;
  /** Model precision for the agents (default fp32). */
  precision?: 'fp32' | 'int8';
  agentTimeoutMs: number;
  /** The worker script; tests substitute one that injects faults. */
  workerUrl?: URL;
  /** The histogram counts a worker sends with each task's end (docs/metrics.md). */
  onWorkerMetrics?: (deltas: HistogramDelta[]) => void;
  /** A worker that ran a task with at least this many sensor readings is recycled after it (default
   *  RECYCLE_AFTER_READINGS; docs/hardening.md#memory). */
  recycleAfterReadings?: number;
}

/**
 * A worker whose task carried this many sensor readings or more (about 2.5 MB of JSON) exits after it and
 * a fresh one takes its place. Holding a large incident's readings as objects grows the worker's old
 * generation, and V8 keeps what it grew while the thread lives: a worker that ran the A-Agent on a 15 MB
 * incident held a 109 MB heap, against 34 MB after a warm-up (docs/hardening.md#memory). Incidents this
 * large are rare (ordinary ones carry a few hundred readings), so loading a worker's models again is rare.
 */
export const RECYCLE_AFTER_READINGS = 50_000;

/** How many sensor readings a task's incident carries (what a recycled worker held). */
function taskReadings(input: AnyStageInput): number {
  let total = 0;
  for (const sensor of input.incident.sensors) total += sensor.readings.length;
  return total;
}

/** What each stage of a task reports as it finishes (the task goes on with the next stage), with the
 *  model versions it ran with. */
export type StageDone = (stage: PipelineStage, result: unknown, durationMs: number, models: Record<string, string>) => void;
/** A stage that failed in the worker, with how long it ran (a crash or a timeout reports none). */
export type StageFailed = (stage: PipelineStage, durationMs: number) => void;

interface PendingTask {
  taskId: number;
  /** Sensor readings in the task's incident (a large one recycles its worker). */
  readings: number;
  stages: PipelineStage[];
  /** The stage running now: the one a crash or a timeout is reported against. */
  current: PipelineStage;
  input: AnyStageInput;
  modelSet: ModelSet;
  generation: number;
  options?: TaskOptions;
  onStage: StageDone;
  onFailed?: StageFailed;
  resolve: () => void;
  reject: (error: SafeError) => void;
}

type ReloadStep = { models: Record<string, string>; inventory: ModelInventory; warnings: string[] };
interface PendingReload { requestId: number; resolve: (step: ReloadStep | null) => void; reject: (error: SafeError) => void }

interface Slot {
  worker: Worker;
  /** The worker's onnxruntime calls: it is terminated only between two of them (nativeCallGuard.ts). */
  guard: NativeCallGuard;
  busy?: PendingTask; timer?: NodeJS.Timeout; ready: boolean; reload?: PendingReload;
  /** When its last task ended (or it started): the worker idle longest takes the next task. */
  idleSinceMs: number;
  /** Snapshot requests (statistics, heap) waiting for this worker's answer, by request id; called with
   *  undefined when the worker leaves before answering. */
  snapshotRequests: Map<number, (answer: WorkerSnapshot | undefined) => void>;
}

/** A worker's answer to a snapshot request (workerProtocol.ts). */
type WorkerSnapshot = Extract<FromWorker, { type: 'inferenceStats' | 'heapUsage' }>;

/**
 * Each agent worker's V8 young generation is capped: left at V8's default it grew to about 2.5 times the
 * worker's live data and took the engine to 297–301 MB RSS (budget 300 MB). Measured with bench:pipeline on
 * 2026-11-30 (docs/performance.md#memory): 24 MB gives 260–262 MB with throughput and latency within the
 * run-to-run noise; 16 MB was slower, 32 MB saved nothing.
 */
const AGENT_WORKER_LIMITS = { maxYoungGenerationSizeMb: 24 };

/** At most this many model sets kept by incidents are loaded beside the live models (each costs every
 *  worker one more copy of the models; docs/updates.md#keeping-an-incidents-models). */
export const MAX_KEPT_SETS = 2;

/** A model set an incident keeps, loaded in every worker under its own (negative) generation; `loaded`
 *  settles when every worker has it. */
interface KeptSet { generation: number; modelsDir: string; models: Record<string, string>; inventory: ModelInventory; pins: number; lastUsed: number; loaded: Promise<void> }

/** A pinned kept set: its generation, versions and what the workers loaded (file hashes: the cache key). */
export interface KeptPin { generation: number; models: Record<string, string>; inventory: ModelInventory }

/** How long closing waits for each worker to leave: a busy one is terminated only between two model calls
 *  (nativeCallGuard.ts), and a call that never ends must not keep the engine from exiting. */
const CLOSE_WAIT_MS = 10_000;

/** How long a statistics request waits for a worker (a worker stuck in a long native call answers later). */
const STATS_TIMEOUT_MS = 1000;

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: PendingTask[] = [];
  private nextTaskId = 1;
  private closed = false;
  /** Model name → version as reported by the workers when they loaded it. */
  models: Record<string, string> = {};
  /** What the workers verified and loaded, per model, and the optional models they refused. Every worker
   *  loads the same directory, so this is the first ready worker's report, then the one a reload commits. */
  inventory: ModelInventory;
  private inventoryReported = false;
  /** Workers replaced after a crash or a timeout, since start. */
  replacedWorkers = 0;
  /** Workers recycled after a task with a large incident (RECYCLE_AFTER_READINGS), since start. */
  recycledWorkers = 0;
  /** Recycled workers still exiting (close waits for them). */
  private readonly exiting = new Set<Promise<void>>();

  private constructor(private readonly options: PoolOptions) {
    this.inventory = emptyInventory(options.precision ?? 'fp32');
  }

  get precision(): 'fp32' | 'int8' { return this.options.precision ?? 'fp32'; }
  get modelsDir(): string { return this.options.modelsDir; }

  /** Starts the first worker and waits until it has loaded its models (rejects if it cannot); the others
   *  start once it is ready. Started together they would share the laptop's few cores with it and the
   *  first answer would wait for all of them (docs/performance.md#cold-start); the pool serves from its
   *  ready workers, and one that cannot start is tried again later (respawn). */
  static async start(options: PoolOptions): Promise<WorkerPool> {
    const pool = new WorkerPool(options);
    try {
      await pool.spawn();
    } catch (err) {
      await pool.close();
      throw err;
    }
    for (let i = 1; i < options.size; i++) pool.respawn();
    return pool;
  }

  /** The model sets a worker starting now loads (its init): one that finishes starting after they changed
   *  (a swap, a trial or a kept set loaded meanwhile, which only ready workers take part in) is stale. */
  private modelSetsKey(): string {
    return JSON.stringify([this.options.modelsDir, this.generation, this.trialModelsDir, [...this.kept.values()].map((set) => set.generation)]);
  }

  get size(): number { return this.slots.length; }

  private startedWaiters: Array<() => void> = [];

  /** Resolves once as many workers as the pool's size are ready (or it closes): for callers that need
   *  them all, such as a test that keeps every worker busy; the pool serves from the first one. */
  allStarted(): Promise<void> {
    if (this.closed || this.readyCount() >= this.options.size) return Promise.resolve();
    return new Promise((resolve) => this.startedWaiters.push(resolve));
  }

  private readyCount(): number { return this.slots.filter((slot) => slot.ready).length; }

  private noteStarted(): void {
    if (!this.closed && this.readyCount() < this.options.size) return;
    for (const resolve of this.startedWaiters.splice(0)) resolve();
  }

  /** Inference statistics per model, summed over the workers that answer within a second (a worker busy
   *  in a long native call is left out of this snapshot rather than holding it up). */
  async inferenceStats(): Promise<Record<string, ModelStats>> {
    const answers = await this.askEachWorker('inferenceStats', (answer) => answer?.type === 'inferenceStats' ? answer.models : {});
    const total: Record<string, ModelStats> = {};
    for (const models of answers) {
      for (const [key, s] of Object.entries(models)) {
        const t = total[key];
        total[key] = t ? { ...mergeBatchStats(t, s), loads: t.loads + s.loads, reloads: t.reloads + s.reloads, evictions: t.evictions + s.evictions, provider: s.provider } : s;
      }
    }
    return total;
  }

  /** Each ready worker's V8 heap (null for one that does not answer within a second): where the engine's
   *  memory goes (bench:api prints it; docs/hardening.md#memory). */
  heapUsage(): Promise<Array<WorkerHeap | null>> {
    return this.askEachWorker('heapUsage', (answer) => answer?.type === 'heapUsage' ? answer.heap : null);
  }

  /** Asks every ready worker for a snapshot and reads each answer with `read` (given undefined for a worker
   *  that does not answer within STATS_TIMEOUT_MS or leaves first, so one busy worker never holds it up). */
  private askEachWorker<T>(type: WorkerSnapshot['type'], read: (answer: WorkerSnapshot | undefined) => T): Promise<T[]> {
    return Promise.all(this.slots.filter((slot) => slot.ready).map((slot) => new Promise<T>((resolve) => {
      const requestId = this.nextTaskId++;
      const timer = setTimeout(() => { slot.snapshotRequests.delete(requestId); resolve(read(undefined)); }, STATS_TIMEOUT_MS);
      slot.snapshotRequests.set(requestId, (answer) => { clearTimeout(timer); resolve(read(answer)); });
      slot.worker.postMessage({ type, requestId } satisfies ToWorker);
    })));
  }

  /**
   * A model update without downtime, in two phases. Prepare: each worker in turn loads the models in the
   * models directory beside the ones it serves with (no request waits, and the serving thread does none
   * of the loading). Commit: once every worker has them, all swap in between two agent runs, so the
   * workers never disagree for longer than a message. If any worker cannot load them, every worker
   * discards what it prepared, keeps its current models, and this rejects with the reason. Calls run one
   * after another. Resolves with the model list now in use (optional models refused are missing from it)
   * and the workers' warnings. `releaseFirst` (a drained swap: the caller made sure no analysis runs):
   * each worker releases the sessions it holds before it prepares, instead of loading beside them.
   */
  reloadModels(modelsDir?: string, modelSet: ModelSet = 'live', releaseFirst = false): Promise<{ models: Record<string, string>; warnings: string[] }> {
    const run = this.reloadChain.then(() => this.reloadEveryWorker(modelsDir, modelSet, releaseFirst));
    this.reloadChain = run.catch(() => undefined);
    return run;
  }

  private reloadChain: Promise<unknown> = Promise.resolve();

  /** The live models' generation: bumped by every committed live reload. Analyses pin the generation they
   *  start on; the workers keep an earlier generation's models until no analysis pins it. */
  generation = 0;
  private readonly pins = new Map<number, number>();
  /** Model name → version of each generation still pinned (results name what their analysis ran on). */
  private readonly modelsByGeneration = new Map<number, Record<string, string>>();

  /** The generation a new analysis runs on, pinned until `unpin`. */
  pin(): { generation: number; models: Record<string, string> } {
    this.pins.set(this.generation, (this.pins.get(this.generation) ?? 0) + 1);
    return { generation: this.generation, models: { ...(this.modelsByGeneration.get(this.generation) ?? this.models) } };
  }

  unpin(generation: number): void {
    const kept = [...this.kept.values()].find((set) => set.generation === generation);
    if (kept) { kept.pins = Math.max(0, kept.pins - 1); kept.lastUsed = this.keptUses++; return; } // stays loaded for the next re-run
    const left = (this.pins.get(generation) ?? 1) - 1;
    if (left > 0) { this.pins.set(generation, left); return; }
    this.pins.delete(generation);
    if (generation !== this.generation) this.releaseGeneration(generation);
  }

  private releaseGeneration(generation: number): void {
    this.modelsByGeneration.delete(generation);
    for (const slot of this.slots) slot.worker.postMessage({ type: 'releaseGeneration', generation } satisfies ToWorker);
  }

  /** Model sets incidents keep, by their models folder (a kept view, engine/updates/liveView.ts). */
  private readonly kept = new Map<string, KeptSet>();
  private nextKeptGeneration = -1;
  private keptUses = 0;

  /**
   * Pins the model set in `modelsDir` (a kept view: an incident's first-run versions) for one analysis,
   * loading it into every worker beside the live models first if it is not loaded. Loaded sets stay
   * until a new one needs their place: at most MAX_KEPT_SETS, the least recently used idle one goes. When
   * every place is held by a running analysis this refuses with SAFE_E_BUSY rather than load more.
   * Loads run one after another with the live reloads (a worker takes one at a time).
   */
  pinKept(modelsDir: string): Promise<KeptPin> {
    const known = this.kept.get(modelsDir);
    if (known) { known.pins++; return known.loaded.then(() => keptPin(known)); }
    if (this.kept.size >= MAX_KEPT_SETS) {
      const idle = [...this.kept.values()].filter((set) => set.pins === 0).sort((a, b) => a.lastUsed - b.lastUsed)[0];
      if (!idle) return Promise.reject(new SafeError(ERROR_CODES.BUSY, `${MAX_KEPT_SETS} other incidents are being analysed on the model versions they keep; try again when one has finished`));
      this.dropKept(idle);
    }
    // Known before it loads: a second caller waits for this load, and a worker started meanwhile loads it as it starts.
    const set: KeptSet = { generation: this.nextKeptGeneration--, modelsDir, models: {}, inventory: this.inventory, pins: 1, lastUsed: this.keptUses++, loaded: Promise.resolve() };
    set.loaded = this.reloadChain.then(() => this.loadKept(set));
    this.reloadChain = set.loaded.catch(() => undefined);
    this.kept.set(modelsDir, set);
    return set.loaded.then(() => keptPin(set));
  }

  /** Model folders of the kept sets loaded now (tests and the stats). */
  get keptSets(): string[] { return [...this.kept.keys()]; }

  private async loadKept(set: KeptSet): Promise<void> {
    const steps = await Promise.allSettled(this.slots.filter((slot) => slot.ready).map((slot) => this.workerStep(slot, (requestId) => ({ type: 'loadKept', requestId, modelsDir: set.modelsDir, generation: set.generation }))));
    const failed = steps.find((step): step is PromiseRejectedResult => step.status === 'rejected');
    const first = steps.map((step) => (step.status === 'fulfilled' ? step.value : null)).find((step) => step !== null);
    if (failed || !first) {
      this.dropKept(set);
      throw failed ? failed.reason as SafeError : new SafeError(ERROR_CODES.AGENT_CRASHED, 'no agent worker could load the kept models');
    }
    set.models = first.models;
    set.inventory = first.inventory;
  }

  private dropKept(set: KeptSet): void {
    if (this.kept.get(set.modelsDir) === set) this.kept.delete(set.modelsDir);
    for (const slot of this.slots) slot.worker.postMessage({ type: 'releaseGeneration', generation: set.generation } satisfies ToWorker);
  }

  /** The trial's models folder while a trial runs (a replaced worker loads it too); null otherwise. */
  trialModelsDir: string | null = null;
  /** Model name → version of the trial's models while a trial runs. */
  trialModels: Record<string, string> = {};

  /** Ends a trial: every worker releases its trial models; tasks run on the live ones. */
  dropTrial(): Promise<void> {
    const run = this.reloadChain.then(() => {
      this.trialModelsDir = null;
      this.trialModels = {};
      for (const slot of this.slots) slot.worker.postMessage({ type: 'dropTrial' } satisfies ToWorker);
    });
    this.reloadChain = run.catch(() => undefined);
    return run;
  }

  private async reloadEveryWorker(modelsDir?: string, modelSet: ModelSet = 'live', releaseFirst = false): Promise<{ models: Record<string, string>; warnings: string[] }> {
    const previousModels = { ...this.models };
    const live = (slot: Slot) => this.slots.includes(slot); // a replaced worker restarts with the new models anyway
    const prepared: Slot[] = [];
    const warnings: string[] = [];
    try {
      for (const slot of this.slots.filter((s) => s.ready)) {
        if (!live(slot)) continue;
        const step = await this.reloadStep(slot, 'prepare', modelsDir, modelSet, undefined, releaseFirst);
        if (!step) continue;
        prepared.push(slot);
        warnings.push(...step.warnings);
      }
    } catch (err) {
      await Promise.all(prepared.filter(live).map((slot) => this.reloadStep(slot, 'abort').catch(() => undefined)));
      throw err;
    }
    // Workers started from now on (a crashed one's replacement) load the new models too.
    if (modelSet === 'trial') this.trialModelsDir = modelsDir ?? null;
    else if (modelsDir) this.options.modelsDir = modelsDir;
    const next = modelSet === 'live' ? this.generation + 1 : undefined;
    const committed = await Promise.all(prepared.filter(live).map((slot) => this.reloadStep(slot, 'commit', undefined, modelSet, next)));
    const step = committed.find((s) => s !== null);
    if (step && modelSet === 'trial') this.trialModels = step.models;
    else if (step) { this.models = step.models; this.inventory = step.inventory; this.inventoryReported = true; }
    if (next !== undefined) {
      const previous = this.generation;
      this.modelsByGeneration.set(previous, this.modelsByGeneration.get(previous) ?? previousModels);
      this.generation = next;
      this.modelsByGeneration.set(next, { ...this.models });
      // Nothing in flight on the previous models: release them now.
      if (!this.pins.has(previous)) this.releaseGeneration(previous);
    }
    return { models: { ...this.models }, warnings: [...new Set(warnings)] };
  }

  /** One phase on one worker; null when the worker was replaced meanwhile. */
  private reloadStep(slot: Slot, phase: ReloadPhase, modelsDir?: string, modelSet: ModelSet = 'live', generation?: number, releaseFirst = false): Promise<ReloadStep | null> {
    return this.workerStep(slot, (requestId) => ({
      type: 'reloadModels', requestId, phase, modelSet, ...(modelsDir ? { modelsDir } : {}), ...(generation !== undefined ? { generation } : {}), ...(releaseFirst ? { releaseFirst } : {}),
    }));
  }

  /** A loading request to one worker, answered by 'reloaded' or 'reloadFailed'; null when the worker was
   *  replaced meanwhile (its replacement loads the models as it starts). */
  private workerStep(slot: Slot, message: (requestId: number) => ToWorker): Promise<ReloadStep | null> {
    return new Promise((resolve, reject) => {
      const requestId = this.nextTaskId++;
      slot.reload = { requestId, resolve, reject };
      slot.worker.postMessage(message(requestId));
    });
  }

  get queued(): number { return this.waiting.length; }

  /** Runs `stages` one after another on one worker (a chain: no round trip between them); each stage's
   *  result goes to `onStage` as it finishes. Rejects with the failing stage's error (`current` stage). */
  run(stages: PipelineStage[], input: AnyStageInput, onStage: StageDone, onFailed?: StageFailed, modelSet: ModelSet = 'live', generation = this.generation, options?: TaskOptions): Promise<void> {
    if (this.closed) return Promise.reject(new SafeError(ERROR_CODES.SHUTTING_DOWN, 'the engine is shutting down'));
    // A recycled worker's replacement starts once it has exited: its tasks wait for it meanwhile.
    if (this.slots.length === 0 && this.exiting.size === 0) return Promise.reject(new SafeError(ERROR_CODES.AGENT_CRASHED, 'no agent worker is running (they failed to restart); see the engine log'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ taskId: this.nextTaskId++, readings: taskReadings(input), stages, current: stages[0] as PipelineStage, input, modelSet, generation, ...(options ? { options } : {}), onStage, onFailed, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.noteStarted();
    if (this.respawnTimer) clearTimeout(this.respawnTimer);
    for (const task of this.waiting.splice(0)) task.reject(new SafeError(ERROR_CODES.SHUTTING_DOWN, 'the engine is shutting down'));
    await Promise.all(this.slots.splice(0).map(async (slot) => {
      if (slot.timer) clearTimeout(slot.timer);
      slot.busy?.reject(new SafeError(ERROR_CODES.SHUTTING_DOWN, 'the engine is shutting down'));
      slot.reload?.reject(new SafeError(ERROR_CODES.SHUTTING_DOWN, 'the engine is shutting down'));
      slot.worker.removeAllListeners();
      const exited = new Promise<void>((resolve) => slot.worker.once('exit', () => resolve()));
      if (!slot.busy) slot.worker.postMessage({ type: 'shutdown' } satisfies ToWorker);
      // A busy (or unresponsive) worker is terminated after a grace period, between two model calls.
      const grace = setTimeout(() => void terminateBetweenNativeCalls(slot.worker, slot.guard), slot.busy ? 0 : 2000);
      // A model call ends in milliseconds; one that never ends must not hold the engine's exit for ever.
      let gaveUp: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise<void>((resolve) => { gaveUp = setTimeout(resolve, CLOSE_WAIT_MS); gaveUp.unref(); })]);
      clearTimeout(grace);
      clearTimeout(gaveUp);
    }));
    await Promise.all(this.exiting);
  }

  private spawn(): Promise<void> {
    const guard = NativeCallGuard.forNewWorker();
    const init: WorkerInit = {
      ...guard.ownerData, modelsDir: this.options.modelsDir, precision: this.options.precision ?? 'fp32', generation: this.generation, ...(this.trialModelsDir ? { trialModelsDir: this.trialModelsDir } : {}),
      ...(this.kept.size ? { keptSets: [...this.kept.values()].map(({ generation, modelsDir }) => ({ generation, modelsDir })) } : {}),
    };
    const worker = new Worker(this.options.workerUrl ?? AGENT_WORKER_URL, { workerData: init, resourceLimits: AGENT_WORKER_LIMITS });
    const slot: Slot = { worker, guard, ready: false, idleSinceMs: performance.now(), snapshotRequests: new Map() };
    const modelSets = this.modelSetsKey();
    this.slots.push(slot);
    return new Promise<void>((resolve, rejectStart) => {
      const reject = (error: SafeError) => {
        const index = this.slots.indexOf(slot);
        if (index !== -1) this.slots.splice(index, 1);
        void terminateBetweenNativeCalls(worker, guard);
        rejectStart(error);
      };
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          // Taken in between two changes of the model sets (reloadChain), never during one, which only
          // the ready workers take part in; one that started on sets changed since then is replaced.
          void this.reloadChain.then(() => {
            if (this.closed || !this.slots.includes(slot)) { resolve(); return; }
            if (modelSets !== this.modelSetsKey()) {
              this.restartStale(slot);
              resolve();
              return;
            }
            slot.ready = true;
            this.models = { ...this.models, ...message.models };
            if (!this.inventoryReported) { this.inventory = message.inventory; this.inventoryReported = true; }
            resolve();
            this.noteStarted();
            this.dispatch();
          });
        } else if (message.type === 'startFailed') {
          reject(new SafeError(message.error.code, message.error.message));
        } else if (message.type === 'inferenceStats' || message.type === 'heapUsage') {
          slot.snapshotRequests.get(message.requestId)?.(message);
          slot.snapshotRequests.delete(message.requestId);
        } else if (message.type === 'reloaded' || message.type === 'reloadFailed') {
          this.finishReload(slot, message);
        } else {
          this.finish(slot, message);
        }
      });
      worker.on('error', (err) => {
        if (!slot.ready) reject(new SafeError(ERROR_CODES.AGENT_CRASHED, `agent worker failed to start: ${err.message}`));
        else this.replace(slot, { code: ERROR_CODES.AGENT_CRASHED, message: `worker crashed: ${err.message}` });
      });
      worker.on('exit', (code) => {
        if (!slot.ready) reject(new SafeError(ERROR_CODES.AGENT_CRASHED, `agent worker exited with code ${code} while starting`));
        else this.replace(slot, { code: ERROR_CODES.AGENT_CRASHED, message: `worker exited with code ${code}` });
      });
    });
  }

  /** Fails the slot's task (if any), discards the worker and starts a fresh one in its place. */
  private replace(slot: Slot, error: SafeErrorBody): void {
    const index = this.slots.indexOf(slot);
    if (index === -1 || this.closed) return; // already replaced (error and exit both fire) or closing
    this.slots.splice(index, 1);
    if (slot.timer) clearTimeout(slot.timer);
    const task = slot.busy;
    slot.busy = undefined;
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined); // it is leaving: an error on its way out changes nothing
    // A timed-out worker may be inside a model call: it finishes that call first (terminating it there
    // would abort the process), while its replacement starts now.
    void terminateBetweenNativeCalls(slot.worker, slot.guard);
    this.replacedWorkers++;
    // Its replacement loads the models from the directory as it starts: nothing left to reload here.
    slot.reload?.resolve(null);
    slot.reload = undefined;
    if (task) task.reject(new SafeError(error.code, `${task.current}: ${error.message}`));
    this.respawn();
  }

  /** A worker that loaded model sets since replaced (modelSetsKey) goes before it takes a task; a fresh
   *  one starts on the current sets. */
  private restartStale(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index === -1 || this.closed) return;
    this.slots.splice(index, 1);
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined);
    void terminateBetweenNativeCalls(slot.worker, slot.guard);
    this.respawn();
  }

  private respawnTimer: NodeJS.Timeout | undefined;

  /** Starts a replacement; if it cannot start, tries again later (the pool is smaller meanwhile). */
  private respawn(delayMs = 0): void {
    const attempt = () => this.spawn().catch((err: SafeError) => {
      if (this.slots.length === 0) for (const waiting of this.waiting.splice(0)) waiting.reject(err);
      if (!this.closed) this.respawnTimer = setTimeout(() => this.respawn(), Math.min(30_000, Math.max(1000, delayMs * 2)));
    });
    if (delayMs === 0) void attempt(); else this.respawnTimer = setTimeout(() => void attempt(), delayMs);
  }

  private finishReload(slot: Slot, message: Extract<FromWorker, { type: 'reloaded' | 'reloadFailed' }>): void {
    const pending = slot.reload;
    if (!pending || pending.requestId !== message.requestId) return;
    slot.reload = undefined;
    if (message.type === 'reloaded') pending.resolve({ models: message.models, inventory: message.inventory, warnings: message.warnings });
    else pending.reject(new SafeError(message.error.code, message.error.message));
  }

  private finish(slot: Slot, message: Extract<FromWorker, { type: 'stageDone' | 'done' | 'failed' }>): void {
    // Counted whatever became of the task: the inference calls did run.
    if (message.type !== 'stageDone' && message.metrics) this.options.onWorkerMetrics?.(message.metrics);
    const task = slot.busy;
    if (!task || task.taskId !== message.taskId) return;
    if (message.type === 'stageDone') {
      task.current = task.stages[task.stages.indexOf(message.stage) + 1] ?? message.stage;
      task.onStage(message.stage, message.result, message.durationMs, message.models);
      return;
    }
    if (slot.timer) clearTimeout(slot.timer);
    slot.busy = undefined;
    slot.idleSinceMs = performance.now();
    if (message.type === 'done') {
      task.onStage(message.stage, message.result, message.durationMs, message.models);
      task.resolve();
    }
    else {
      task.onFailed?.(message.stage, message.durationMs);
      task.reject(new SafeError(message.error.code, message.error.message, message.error.field));
    }
    if (task.readings >= (this.options.recycleAfterReadings ?? RECYCLE_AFTER_READINGS)) this.recycle(slot);
    this.dispatch();
  }

  /**
   * The worker leaves the pool after its task (it held a large incident) and exits by itself, giving its
   * heap back; a fresh worker is started once it has gone, so the two heaps are never held together.
   * Not counted as a replacement: nothing failed.
   */
  private recycle(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    // A worker taking part in a model reload stays until its next large task: a replacement started
    // mid-reload would load the models from before it.
    if (index === -1 || this.closed || slot.reload) return;
    this.slots.splice(index, 1);
    this.recycledWorkers++;
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined); // it is leaving: an error on its way out changes nothing
    for (const answer of slot.snapshotRequests.values()) answer(undefined);
    const exited = new Promise<void>((resolve) => slot.worker.once('exit', () => resolve()));
    slot.worker.postMessage({ type: 'shutdown' } satisfies ToWorker);
    // A worker that does not exit by itself is terminated, between two model calls.
    const grace = setTimeout(() => void terminateBetweenNativeCalls(slot.worker, slot.guard), 2000);
    const gone = exited.then(() => {
      clearTimeout(grace);
      this.exiting.delete(gone);
      // The replacement starts after a model reload under way (reloadChain), so that it loads what the
      // reload commits rather than be replaced again when it is ready (spawn).
      void this.reloadChain.then(() => (this.closed ? undefined : this.spawn().catch(() => this.respawn(1000))));
    });
    this.exiting.add(gone);
  }

  /** The worker idle longest takes the next task, so an analysis's tasks take turns over the workers: the
   *  Awareness and Executor task does not land on the worker that has just run the physics (the longer
   *  branch, so the last to finish), whose heap then grew by about 15 MB (docs/performance.md). */
  private dispatch(): void {
    const free = this.slots.filter((slot) => slot.ready && !slot.busy).sort((a, b) => a.idleSinceMs - b.idleSinceMs);
    for (const slot of free) {
      if (this.waiting.length === 0) return;
      const task = this.waiting.shift() as PendingTask;
      slot.busy = task;
      slot.timer = setTimeout(() => {
        this.replace(slot, { code: ERROR_CODES.AGENT_TIMEOUT, message: `no answer within ${this.options.agentTimeoutMs} ms; worker replaced` });
      }, this.options.agentTimeoutMs);
      const message: ToWorker = { type: 'run', taskId: task.taskId, stages: task.stages, input: task.input, generation: task.generation, ...(task.modelSet === 'trial' ? { modelSet: 'trial' } : {}), ...(task.options ? { options: task.options } : {}) };
      slot.worker.postMessage(message);
    }
  }
}

const keptPin = (set: KeptSet): KeptPin => ({ generation: set.generation, models: { ...set.models }, inventory: set.inventory });
