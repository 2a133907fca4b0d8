// The SAFE pipeline (declared in pipeline.ts) as a DAG on the worker pool (docs/architecture.md): the
// reading step, then Strategist and Field experts together, Awareness after both, the Executor after all.
// A crashed or hung stage is retried once on a fresh worker; if it fails again the analysis is `partial`,
// with what succeeded and why the rest did not. The calling thread only schedules and assembles: it
// never runs agent work.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ERROR_CODES, toErrorBody, type SafeErrorBody } from '../contract/errors.js';
import type { Incident } from '../contract/incident.js';
import type { AgentFailure, AnalysisResult } from '../contract/result.js';
import type { PipelineStage } from '../contract/taxonomy.js';
import type { EngineConfig } from '../config.js';
import { createLogger, type Logger } from '../logging.js';
import { CHAINS, STAGE_NEEDS, STAGE_ORDER, incidentForStage, type AnyStageInput, type StageOutputs } from './pipeline.js';
import { AnalysisScheduler, type AnalysisPriority } from './scheduler.js';
import { TimingStats } from '../metrics/timingStats.js';
import type { EngineMetrics } from '../metrics/registry.js';
import type { ModelStats } from '../inference/inferenceCore.js';
import { inventoryHashes, type ModelInventory } from '../inference/modelInventory.js';
import { WorkerPool } from './workerPool.js';
import type { ModelSet, WorkerHeap } from './workerProtocol.js';
import { DRAIN_TIMEOUT_MS, modelSetFileBytes, osFreeMemory, planSwap, type FreeMemorySource, type SwapRecord } from './swapPlan.js';
import { limitHeapGrowth } from './heapGrowth.js';

export interface ProgressEvent {
  analysisId: string;
  /** A pipeline stage, or the analysis as a whole. */
  agent: PipelineStage | 'analysis';
  state: 'queued' | 'started' | 'finished' | 'failed' | 'retrying';
  /** Milliseconds since the analysis was submitted. */
  atMs: number;
  durationMs?: number;
  error?: SafeErrorBody;
}

export interface AnalyzeOptions {
  priority?: AnalysisPriority;
  /** Run on the trial's models (a canary, or a shadow comparison) when a trial is loaded; default live. */
  modelSet?: ModelSet;
  onProgress?: (event: ProgressEvent) => void;
  analysisId?: string;
  /** Run on the model set in this folder (a kept view: the versions the incident started with), loaded
   *  beside the live models, instead of the live ones (docs/updates.md#keeping-an-incidents-models). */
  keptModelsDir?: string;
}

/** A kept model set held loaded (see Orchestrator.holdKept): its versions and file hashes, until `release`. */
export interface HeldModels { models: Record<string, string>; hashes: Record<string, string>; release(): void }

/** How a live swap chooses between loading beside and draining (docs/updates.md#how-a-swap-loads). */
export interface SwapOptions {
  /** Free memory now (os.freemem() by default; tests fake it). */
  freeMemory?: FreeMemorySource;
  /** The engine's memory budget in bytes; null or absent: only free memory decides. */
  memoryBudgetBytes?: number | null;
  /** How long a drain waits for the analyses in flight (DRAIN_TIMEOUT_MS by default). */
  drainTimeoutMs?: number;
}

/** What the power governor decides for the pipeline (docs/device-health.md#power-and-heat): how many batch
 *  analyses run at once and how large the F-Agent's ensembles are; null: no step-down. */
export interface PipelinePower { batchSlots(): number | null; ensembleMembers(): number | null }

/** A finished reload: the models now in use, the workers' warnings, and for a live swap how it loaded. */
export interface ReloadOutcome { models: Record<string, string>; warnings: string[]; swap?: SwapRecord }

type OrchestratorConfig = Pick<EngineConfig, 'modelsDir' | 'modelPrecision' | 'workers' | 'agentTimeoutMs' | 'slowAnalysisMs' | 'maxConcurrentAnalyses' | 'maxQueuedInteractive' | 'maxQueuedBatch'>;

const RETRYABLE = new Set<string>([ERROR_CODES.AGENT_TIMEOUT, ERROR_CODES.AGENT_CRASHED]);

export class Orchestrator {
  /** Quantiles over recent runs for GET /v1/stats (its contract and the renderer's dashboard); the
   *  Prometheus histogram safe_analysis_duration_seconds is kept beside it (docs/metrics.md). */
  readonly timings = new TimingStats();
  private readonly scheduler: AnalysisScheduler;
  analysesTotal = 0;
  retriesTotal = 0;

  private constructor(private readonly pool: WorkerPool, private readonly config: OrchestratorConfig, private readonly logger: Logger,
    private readonly metrics?: EngineMetrics, private readonly swapOptions: SwapOptions = {}, private readonly power?: PipelinePower) {
    this.scheduler = new AnalysisScheduler({
      maxConcurrent: config.maxConcurrentAnalyses, maxQueuedInteractive: config.maxQueuedInteractive, maxQueuedBatch: config.maxQueuedBatch,
      batchSlots: () => power?.batchSlots() ?? null,
    });
  }

  /** `recycleAfterReadings`: see WorkerPool (tests lower it). */
  static async start(config: OrchestratorConfig, options: { logger?: Logger; workerUrl?: URL; metrics?: EngineMetrics; swap?: SwapOptions; power?: PipelinePower; recycleAfterReadings?: number } = {}): Promise<Orchestrator> {
    const { metrics } = options;
    // Before the workers start; the serving thread's heap is bounded from here on too.
    limitHeapGrowth();
    const pool = await WorkerPool.start({
      size: config.workers, modelsDir: config.modelsDir, precision: config.modelPrecision, agentTimeoutMs: config.agentTimeoutMs, workerUrl: options.workerUrl,
      ...(options.recycleAfterReadings !== undefined ? { recycleAfterReadings: options.recycleAfterReadings } : {}),
      ...(metrics ? { onWorkerMetrics: (deltas) => metrics.addWorkerDeltas(deltas) } : {}),
    });
    return new Orchestrator(pool, config, options.logger ?? createLogger(), metrics, options.swap, options.power);
  }

  /**
   * Every agent worker loads the models in the models directory again, and all swap together or none
   * does (see WorkerPool.reloadModels). A trial's models always load beside. A live swap loads beside the
   * live models when the memory that costs fits (swapPlan.ts), without stopping analyses; otherwise it
   * drains: new analyses wait in the queue (none is refused for it), the running ones finish on the
   * models they started on, every worker releases its sessions, loads the new set, and the queue runs on
   * it. A drain that outlasts its timeout loads beside after all: a swap never fails an analysis, and an
   * update is never refused for a busy moment (docs/updates.md#how-a-swap-loads).
   */
  async reloadModels(modelsDir?: string, modelSet: ModelSet = 'live'): Promise<ReloadOutcome> {
    if (modelSet !== 'live') return this.pool.reloadModels(modelsDir, modelSet);
    const plan = this.planSwap(modelsDir ?? this.pool.modelsDir);
    if (plan.way === 'beside') return { ...await this.pool.reloadModels(modelsDir), swap: { ...plan, drainTimedOut: false } };
    const hold = this.scheduler.hold();
    try {
      const timeoutMs = this.swapOptions.drainTimeoutMs ?? DRAIN_TIMEOUT_MS;
      let timer: NodeJS.Timeout | undefined;
      const drained = await Promise.race([hold.drained.then(() => true), new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), timeoutMs); })]);
      clearTimeout(timer);
      if (!drained) {
        this.logger.warn('analyses still running after the drain timeout; loading the new models beside the live ones', { timeoutMs, running: this.scheduler.depth.running });
        const reason = `${plan.reason}; analyses still running after ${timeoutMs} ms, so loaded beside after all`;
        return { ...await this.pool.reloadModels(modelsDir), swap: { ...plan, way: 'beside', drainTimedOut: true, reason } };
      }
      return { ...await this.pool.reloadModels(modelsDir, 'live', true), swap: { ...plan, drainTimedOut: false } };
    } finally {
      hold.release();
    }
  }

  /** Beside or drained, from the new set's file sizes and free memory now. A set that cannot be sized
   *  (a manifest missing) loads beside: the workers' own checks then refuse it with their reason. */
  private planSwap(modelsDir: string): Omit<SwapRecord, 'drainTimedOut'> {
    const input = {
      workers: this.pool.size, freeBytes: (this.swapOptions.freeMemory ?? osFreeMemory)(), rssBytes: process.memoryUsage.rss(),
      budgetBytes: this.swapOptions.memoryBudgetBytes ?? null,
    };
    try {
      return planSwap({ ...input, newFileBytes: modelSetFileBytes(modelsDir, this.pool.precision) });
    } catch (err) {
      return { ...planSwap({ ...input, newFileBytes: 0, budgetBytes: null, marginBytes: 0 }), way: 'beside', reason: `the new models could not be sized (${(err as Error).message}); loaded beside` };
    }
  }
  /** Ends a trial: the workers release its models. */
  dropTrial(): Promise<void> { return this.pool.dropTrial(); }
  /** Model name → version of a running trial's models (empty when none runs). */
  get trialModels(): Record<string, string> { return { ...this.pool.trialModels }; }

  /** Loads (or finds loaded) the kept model set in `modelsDir` and holds it until `release`: what a cached
   *  analysis on it is keyed by (its versions and file hashes) before it runs. */
  async holdKept(modelsDir: string): Promise<HeldModels> {
    const pinned = await this.pool.pinKept(modelsDir);
    let released = false;
    return {
      models: pinned.models, hashes: inventoryHashes(pinned.inventory),
      release: () => { if (!released) { released = true; this.pool.unpin(pinned.generation); } },
    };
  }

  /** Model folders of the kept sets loaded beside the live models now. */
  get keptSets(): string[] { return this.pool.keptSets; }

  /** Each agent worker's V8 heap (null: it did not answer within a second); docs/hardening.md#memory. */
  workerHeaps(): Promise<Array<WorkerHeap | null>> { return this.pool.heapUsage(); }
  /** Agent workers recycled after a task with a large incident, since start. */
  get recycledWorkers(): number { return this.pool.recycledWorkers; }

  /** Inference statistics per model and version, summed over the agent workers. */
  inferenceStats(): Promise<Record<string, ModelStats>> { return this.pool.inferenceStats(); }

  /** Model name → version the workers have loaded. */
  get models(): Record<string, string> { return { ...this.pool.models }; }
  /** What the workers verified and loaded, per model (variant, sha256, bytes, metrics), and the optional
   *  models they refused with the reason; as the workers reported it, so reading it touches no file. */
  get modelInventory(): Readonly<ModelInventory> { return this.pool.inventory; }
  /** Model name → sha256 of the file the workers run (verified when they loaded it). */
  get modelHashes(): Readonly<Record<string, string>> {
    // Read on every analysis (the cache key): derived once per inventory, which a reload replaces.
    const inventory = this.pool.inventory;
    if (this.hashes?.inventory !== inventory) this.hashes = { inventory, byName: inventoryHashes(inventory) };
    return this.hashes.byName;
  }
  private hashes: { inventory: Readonly<ModelInventory>; byName: Record<string, string> } | undefined;
  /** Resolves once every agent worker has started: the orchestrator serves from the first (WorkerPool.start). */
  allWorkersStarted(): Promise<void> { return this.pool.allStarted(); }

  get queue() { return { ...this.scheduler.depth, poolQueued: this.pool.queued, workers: this.pool.size, replacedWorkers: this.pool.replacedWorkers }; }

  /** Throws SAFE_E_BUSY when an analysis of this priority would be refused now. */
  checkAdmission(priority: AnalysisPriority = 'interactive'): void { this.scheduler.checkAdmission(priority); }

  analyze(incident: Incident, options: AnalyzeOptions = {}): Promise<AnalysisResult> {
    const analysisId = options.analysisId ?? incident.id ?? randomUUID();
    const submitted = performance.now();
    options.onProgress?.({ analysisId, agent: 'analysis', state: 'queued', atMs: 0 });
    return this.scheduler.schedule(options.priority ?? 'interactive', () => this.runDag(incident, analysisId, submitted, options.onProgress, options.modelSet ?? 'live', options.keptModelsDir));
  }

  async close(): Promise<void> { await this.pool.close(); }

  /** Lets queued batch analyses start when the power governor raises their limit again (it stepped up). */
  startQueued(): void { this.scheduler.startQueued(); }

  private async runDag(incident: Incident, analysisId: string, submitted: number, onProgress: ((e: ProgressEvent) => void) | undefined, modelSet: ModelSet,
    keptModelsDir: string | undefined): Promise<AnalysisResult> {
    const started = performance.now();
    // The versions this analysis started with, each replaced by the version a stage actually ran with:
    // a result names the models that made it, also across a swap or on a trial's models.
    // The live models this analysis starts on stay loaded until it ends (a swap meanwhile does not change
    // them); so does a kept set it runs on.
    const pinned = keptModelsDir ? await this.pool.pinKept(keptModelsDir) : this.pool.pin();
    try {
      return await this.runPinned(incident, analysisId, submitted, onProgress, modelSet, pinned, started);
    } finally {
      this.pool.unpin(pinned.generation);
    }
  }

  private async runPinned(incident: Incident, analysisId: string, submitted: number, onProgress: ((e: ProgressEvent) => void) | undefined, modelSet: ModelSet,
    pinned: { generation: number; models: Record<string, string> }, started: number): Promise<AnalysisResult> {
    const usedModels: Record<string, string> = { ...(modelSet === 'trial' ? { ...pinned.models, ...this.pool.trialModels } : pinned.models) };
    const emit = (e: Omit<ProgressEvent, 'analysisId' | 'atMs'>) => onProgress?.({ analysisId, atMs: Math.round((performance.now() - submitted) * 1000) / 1000, ...e });
    const timingsMs: Record<string, number> = { queue: round3(started - submitted) };
    const failures: AgentFailure[] = [];
    const outputs: Partial<StageOutputs> = {};
    // Decided once per analysis: every stage of it (and a retry) runs with the same ensemble size.
    const ensembleMembers = this.power?.ensembleMembers() ?? null;
    const taskOptions = ensembleMembers === null ? undefined : { ensembleMembers };

    // Each stage's outcome, settled when its worker reports it (true) or it fails or is skipped (false):
    // a stage starts when the stages it needs have reported, not when their whole task has ended (the
    // Strategist starts on the reading while the Field experts run after it in the same task).
    const outcome = new Map(STAGE_ORDER.map((stage) => {
      let settle: (ok: boolean) => void = () => undefined;
      const reported = new Promise<boolean>((resolve) => { settle = resolve; });
      return [stage, { reported, settle }] as const;
    }));
    const settle = (stage: PipelineStage, ok: boolean) => outcome.get(stage)?.settle(ok);
    const reported = (stage: PipelineStage) => outcome.get(stage)?.reported ?? Promise.resolve(false);

    // Runs a stage, and the stages chained after it (pipeline.ts CHAINS), in one worker task. A crash or
    // a timeout is retried once on a fresh worker from the stage that was running; a stage that fails
    // leaves the rest of its chain not run.
    const runStage = async (stage: PipelineStage, input: AnyStageInput): Promise<void> => {
      let remaining: PipelineStage[] = [stage, ...(CHAINS[stage] ?? [])];
      let chainInput = input;
      emit({ agent: stage, state: 'started' });
      for (let attempt = 1; ; attempt++) {
        try {
          await this.pool.run(remaining, chainInput, (done, result, durationMs, models) => {
            // The worker checked `result` against STAGE_SCHEMAS[done] before sending it.
            Object.assign(outputs, { [done]: result });
            Object.assign(usedModels, models);
            chainInput = { ...chainInput, [done]: result } as AnyStageInput;
            remaining = remaining.slice(1);
            timingsMs[done] = round3(durationMs);
            this.timings.record(done, durationMs);
            this.metrics?.analysisDuration.observe({ agent: done, status: 'ok' }, durationMs / 1000);
            emit({ agent: done, state: 'finished', durationMs: round3(durationMs) });
            if (remaining[0]) emit({ agent: remaining[0], state: 'started' });
            settle(done, true);
          }, (failed, durationMs) => this.metrics?.analysisDuration.observe({ agent: failed, status: 'failed' }, durationMs / 1000), modelSet, pinned.generation, taskOptions);
          for (const left of remaining) settle(left, false); // none: the task ends with its last stage's report
          return;
        } catch (err) {
          const failed = remaining[0] as PipelineStage;
          const body = toErrorBody(err, ERROR_CODES.AGENT_FAILED);
          if (attempt === 1 && RETRYABLE.has(body.code)) {
            this.retriesTotal++;
            this.logger.warn('stage failed; retrying on a fresh worker', { analysisId, stage: failed, code: body.code });
            emit({ agent: failed, state: 'retrying', error: body });
            continue;
          }
          failures.push({ agent: failed, ...body });
          emit({ agent: failed, state: 'failed', error: body });
          for (const skipped of remaining.slice(1)) {
            const error = { code: ERROR_CODES.DEPENDENCY_FAILED, message: `${skipped} not run: ${failed} failed` } as const;
            failures.push({ agent: skipped, ...error });
            emit({ agent: skipped, state: 'failed', error });
          }
          for (const left of remaining) settle(left, false);
          return;
        }
      }
    };
    const chained = new Set(Object.values(CHAINS).flat());

    // Each task starts as soon as the stages its head needs have reported; if one of them failed, the
    // head and its chain are skipped. A chained stage runs in its head's task.
    const start = async (stage: PipelineStage): Promise<void> => {
      const needs: readonly PipelineStage[] = STAGE_NEEDS[stage];
      const ok = await Promise.all(needs.map(reported));
      const failed = needs.filter((_, i) => !ok[i]);
      if (failed.length === 0) return runStage(stage, stageInput(stage, incident, needs, outputs));
      for (const skipped of [stage, ...(CHAINS[stage] ?? [])]) {
        const error = { code: ERROR_CODES.DEPENDENCY_FAILED, message: `${skipped} not run: ${failed.join(', ')} failed` } as const;
        failures.push({ agent: skipped, ...error });
        emit({ agent: skipped, state: 'failed', error });
        settle(skipped, false);
      }
    };
    await Promise.all(STAGE_ORDER.filter((stage) => !chained.has(stage)).map(start));

    const totalMs = performance.now() - submitted;
    timingsMs.total = round3(totalMs);
    this.timings.record('total', totalMs);
    this.analysesTotal++;
    if (totalMs > this.config.slowAnalysisMs) this.logger.warn('slow analysis', { analysisId, totalMs: round3(totalMs), boundMs: this.config.slowAnalysisMs });
    const { strategist, field, awareness, executor } = outputs;
    const succeeded = [strategist, field, awareness, executor].filter((x) => x !== undefined).length;
    const status = failures.length === 0 ? 'ok' : succeeded > 0 ? 'partial' : 'error';
    this.metrics?.observeAnalysis(status, totalMs / 1000);
    emit({ agent: 'analysis', state: failures.length ? 'failed' : 'finished', durationMs: round3(totalMs) });

    const result: AnalysisResult = {
      id: analysisId,
      status,
      strategist, awareness, field, executor,
      models: usedModels,
      timingsMs,
      analysedAt: new Date().toISOString(),
    };
    if (failures.length) result.failures = failures;
    if (succeeded === 0) result.error = { code: failures[0]?.code ?? ERROR_CODES.AGENT_FAILED, message: 'no agent could complete the analysis' };
    return dropUndefined(result);
  }
}

/** A stage's input: the incident as the stage needs it and the outputs of the stages it needs (all present:
 *  the DAG waited for them). */
function stageInput(stage: PipelineStage, incident: Incident, needs: readonly PipelineStage[], outputs: Partial<StageOutputs>): AnyStageInput {
  return Object.assign({ incident: incidentForStage(stage, incident) }, ...needs.map((need) => ({ [need]: outputs[need] }))) as AnyStageInput;
}

const round3 = (ms: number) => Math.round(ms * 1000) / 1000;
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
