// Messages between the pool (main thread) and an agent worker.
import type { PipelineStage } from '../contract/taxonomy.js';
import type { SafeErrorBody } from '../contract/errors.js';
import type { AnyStageInput } from './pipeline.js';
import type { ModelStats } from '../inference/inferenceCore.js';
import type { ModelInventory } from '../inference/modelInventory.js';
import type { HistogramDelta } from '../metrics/workerMetrics.js';

export type ReloadPhase = 'prepare' | 'commit' | 'abort';

export interface WorkerInit { modelsDir: string; precision: 'fp32' | 'int8' }
export type ToWorker =
  /** Runs `stages` one after another on this worker, each given the outputs of the ones before it. */
  | { type: 'run'; taskId: number; stages: PipelineStage[]; input: AnyStageInput }
  /** A model update in two phases: 'prepare' loads the models again beside the current ones (which keep
   *  serving), from `modelsDir` when given (a new live view, engine/updates/liveView.ts); 'commit' swaps
   *  them in; 'abort' discards them. */
  | { type: 'reloadModels'; requestId: number; phase: ReloadPhase; modelsDir?: string }
  /** The worker's inference statistics per model (answered between or during agent runs). */
  | { type: 'inferenceStats'; requestId: number }
  | { type: 'shutdown' };
export type FromWorker =
  /** `inventory`: what the worker verified and loaded (and refused), per model. */
  | { type: 'ready'; models: Record<string, string>; inventory: ModelInventory; warnings: string[] }
  | { type: 'startFailed'; error: SafeErrorBody }
  /** One stage of a run finished; `done` is the last one's, and ends the task. A task's end (`done`,
   *  `failed`) carries the worker's histogram counts since its previous task end (docs/metrics.md). */
  | { type: 'stageDone'; taskId: number; stage: PipelineStage; result: unknown; durationMs: number }
  | { type: 'done'; taskId: number; stage: PipelineStage; result: unknown; durationMs: number; metrics?: HistogramDelta[] }
  | { type: 'failed'; taskId: number; stage: PipelineStage; error: SafeErrorBody; durationMs: number; metrics?: HistogramDelta[] }
  | { type: 'reloaded'; requestId: number; models: Record<string, string>; inventory: ModelInventory; warnings: string[]; durationMs: number }
  | { type: 'reloadFailed'; requestId: number; error: SafeErrorBody }
  | { type: 'inferenceStats'; requestId: number; models: Record<string, ModelStats> };
