// Messages between the pool (main thread) and an agent worker.
import type { PipelineStage } from '../contract/taxonomy.js';
import type { SafeErrorBody } from '../contract/errors.js';
import type { AnyStageInput } from './pipeline.js';
import type { ModelStats } from '../inference/inferenceCore.js';
import type { ModelInventory } from '../inference/modelInventory.js';
import type { HistogramDelta } from '../metrics/workerMetrics.js';
import type { NativeCallOwnerData } from '../inference/nativeCallGuard.js';

export type ReloadPhase = 'prepare' | 'commit' | 'abort';

/** `trialModelsDir`: a second set of models (a canary or shadow trial, docs/updates.md) loaded beside the live ones. */
/** `keptSets`: model sets incidents keep (docs/updates.md#keeping-an-incidents-models), by their generation. */
/** `nativeCallState`: the pool's count of this worker's onnxruntime calls (nativeCallGuard.ts). */
export interface WorkerInit extends NativeCallOwnerData { modelsDir: string; precision: 'fp32' | 'int8'; trialModelsDir?: string; generation?: number; keptSets?: Array<{ generation: number; modelsDir: string }> }
/** Which of a worker's model sets runs a task: the live one, or the trial one when a trial is loaded. */
export type ModelSet = 'live' | 'trial';
/** How a task runs besides its input: the F-Agent's ensemble size while the power governor steps down
 *  (docs/device-health.md#power-and-heat); absent: the full ensemble. */
export interface TaskOptions { ensembleMembers?: number }
export type ToWorker =
  /** Runs `stages` one after another on this worker, each given the outputs of the ones before it. */
  /** `generation`: the live models the analysis started on (kept by the worker until the pool releases
   *  them), so an analysis in flight across a swap finishes on the versions it started with. */
  | { type: 'run'; taskId: number; stages: PipelineStage[]; input: AnyStageInput; modelSet?: ModelSet; generation?: number; options?: TaskOptions }
  /** A model update in two phases: 'prepare' loads the models again beside the current ones (which keep
   *  serving), from `modelsDir` when given (a new live view, engine/updates/liveView.ts); 'commit' swaps
   *  them in; 'abort' discards them. */
  /** `releaseFirst` (a drained swap, live set, 'prepare' only): no analysis runs; release every session
   *  held before loading the new models (released ones load again if asked). */
  | { type: 'reloadModels'; requestId: number; phase: ReloadPhase; modelsDir?: string; modelSet?: ModelSet; generation?: number; releaseFirst?: boolean }
  /** Loads the model set in `modelsDir` beside the live one, under `generation` (negative: a kept set, never
   *  a live generation): tasks of that generation run on it, and on nothing else. Answered by 'reloaded'. */
  | { type: 'loadKept'; requestId: number; modelsDir: string; generation: number }
  /** No analysis runs on these live models (or this kept set) any more: release them. */
  | { type: 'releaseGeneration'; generation: number }
  /** Releases the trial models (the trial ended); tasks run on the live ones again. */
  | { type: 'dropTrial' }
  /** The worker's inference statistics per model (answered between or during agent runs). */
  | { type: 'inferenceStats'; requestId: number }
  /** The worker's V8 heap now (docs/hardening.md#memory: where the RSS goes). */
  | { type: 'heapUsage'; requestId: number }
  | { type: 'shutdown' };
export type FromWorker =
  /** `inventory`: what the worker verified and loaded (and refused), per model. */
  | { type: 'ready'; models: Record<string, string>; inventory: ModelInventory; warnings: string[] }
  | { type: 'startFailed'; error: SafeErrorBody }
  /** One stage of a run finished; `done` is the last one's, and ends the task. A task's end (`done`,
   *  `failed`) carries the worker's histogram counts since its previous task end (docs/metrics.md). */
  /** `models`: the versions of the models the stage used (model name → version, as results name them). */
  | { type: 'stageDone'; taskId: number; stage: PipelineStage; result: unknown; durationMs: number; models: Record<string, string> }
  | { type: 'done'; taskId: number; stage: PipelineStage; result: unknown; durationMs: number; models: Record<string, string>; metrics?: HistogramDelta[] }
  | { type: 'failed'; taskId: number; stage: PipelineStage; error: SafeErrorBody; durationMs: number; metrics?: HistogramDelta[] }
  | { type: 'reloaded'; requestId: number; models: Record<string, string>; inventory: ModelInventory; warnings: string[]; durationMs: number }
  | { type: 'reloadFailed'; requestId: number; error: SafeErrorBody }
  | { type: 'inferenceStats'; requestId: number; models: Record<string, ModelStats> }
  | { type: 'heapUsage'; requestId: number; heap: WorkerHeap };

/** One agent worker's V8 heap, in bytes: what V8 holds for it, what is live in it, and memory outside it. */
export interface WorkerHeap { heapTotalBytes: number; heapUsedBytes: number; externalBytes: number }
