// An agent worker thread's message loop (started by agentWorkerMain.ts, or by a test's fault-injecting
// worker). Agent work never runs on the thread that serves requests.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { ERROR_CODES, SafeError, type ErrorCode, type SafeErrorBody } from '../contract/errors.js';
import { createWorkerContext, runStageTask, stageModels, workerInventory, workerModels, type WorkerContext } from './agentTasks.js';
import { compileNextStageCheck } from './stageChecks.js';
import type { FromWorker, TaskOptions, ToWorker, WorkerInit } from './workerProtocol.js';
import type { PipelineStage } from '../contract/taxonomy.js';
import type { AnyStageInput } from './pipeline.js';
import { WorkerMetricsRecorder } from '../metrics/workerMetrics.js';

/** One stage of a run message, with the outputs of the stages run before it in the same task. */
export interface StageRun { taskId: number; stage: PipelineStage; input: AnyStageInput; options?: TaskOptions }
type Runner = (context: WorkerContext, run: StageRun) => Promise<unknown>;

/** A SafeError keeps its own code; anything else gets `fallbackCode` with what it said. */
function errorBody(err: unknown, fallbackCode: ErrorCode, context: string): SafeErrorBody {
  return err instanceof SafeError ? err.toBody() : { code: fallbackCode, message: `${context}: ${(err as Error).message}` };
}

/** Serves run requests; `runner` is swappable so tests can inject crashes and hangs. */
export async function serveAgentWorker(runner: Runner = (ctx, m) => runStageTask(ctx, m.stage, m.input, m.options)): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('agentWorker must run in a worker thread');
  const send = (message: FromWorker) => port.postMessage(message);
  const init = workerData as WorkerInit;
  // Inference calls counted here travel with each task's end (done / failed), summed by the main thread.
  const metrics = new WorkerMetricsRecorder();
  let context: WorkerContext;
  try {
    context = await createWorkerContext(init.modelsDir, init.precision, metrics);
  } catch (err) {
    send({ type: 'startFailed', error: errorBody(err, ERROR_CODES.MODEL_MISSING, 'models could not be loaded') });
    return;
  }
  // The agent run in progress, so a reload releases the old models only after it has finished with them.
  let running: Promise<unknown> = Promise.resolve();
  // Earlier live models still pinned by analyses in flight, by generation (released on the pool's word).
  let generation = init.generation ?? 0;
  const earlier = new Map<number, WorkerContext>();
  // Models loaded by a reload's 'prepare', waiting for its 'commit' or 'abort'.
  let prepared: WorkerContext | undefined;
  let preparedDir = init.modelsDir;
  // A trial's models (canary or shadow), beside the live ones; tasks that ask for them run on them.
  let trial: WorkerContext | undefined;
  let preparedTrial: WorkerContext | undefined;
  if (init.trialModelsDir) {
    try { trial = await createWorkerContext(init.trialModelsDir, init.precision, metrics); } catch { trial = undefined; }
  }
  // Kept sets loaded before this worker started (a replaced worker); one it cannot load fails its tasks.
  for (const kept of init.keptSets ?? []) {
    try { earlier.set(kept.generation, await createWorkerContext(kept.modelsDir, init.precision, metrics)); } catch { /* its tasks fail: MODEL_MISSING */ }
  }
  /** Runs a task's stages in turn on `models`, each reported as it finishes; a failure ends the task. */
  const runStages = async (models: WorkerContext, message: Extract<ToWorker, { type: 'run' }>) => {
    let input = message.input;
    for (const [i, stage] of message.stages.entries()) {
      const versions = stageModels(models, stage);
      const started = performance.now();
      const task = runner(models, { taskId: message.taskId, stage, input, ...(message.options ? { options: message.options } : {}) });
      running = task;
      try {
        const result = await task;
        // The last stage's result ends the task in the same message (one message fewer on the critical path).
        const last = i === message.stages.length - 1;
        const durationMs = performance.now() - started;
        send(last ? { type: 'done', taskId: message.taskId, stage, result, durationMs, models: versions, metrics: metrics.take() } : { type: 'stageDone', taskId: message.taskId, stage, result, durationMs, models: versions });
        input = { ...input, [stage]: result } as AnyStageInput;
      } catch (err) {
        send({ type: 'failed', taskId: message.taskId, stage, error: errorBody(err, ERROR_CODES.AGENT_FAILED, stage), durationMs: performance.now() - started, metrics: metrics.take() });
        return;
      }
    }
  };
  // Tasks in progress; the stage checks compile one at a time only when there are none (stageChecks.ts):
  // a message that arrives meanwhile waits for one schema's compile at most, never for all of them.
  let busy = 0;
  let compileQueued = false;
  const compileWhenIdle = () => {
    if (compileQueued) return;
    compileQueued = true;
    setImmediate(() => {
      compileQueued = false;
      if (busy === 0 && compileNextStageCheck()) compileWhenIdle();
    });
  };
  port.on('message', async (message: ToWorker) => {
    if (message.type === 'shutdown') {
      // Release the ONNX sessions and end the thread ourselves: terminate() during a native call can
      // abort the whole process.
      await context.core.release();
      port.close();
      process.exit(0);
    }
    if (message.type === 'releaseGeneration') {
      const old = earlier.get(message.generation);
      earlier.delete(message.generation);
      await running.catch(() => undefined);
      await old?.core.release();
      return;
    }
    if (message.type === 'loadKept') {
      const started = performance.now();
      try {
        // Already loaded when this worker started after the pool took the set on (a replaced worker).
        const kept = earlier.get(message.generation) ?? await createWorkerContext(message.modelsDir, init.precision, metrics);
        earlier.set(message.generation, kept);
        send({ type: 'reloaded', requestId: message.requestId, models: workerModels(kept), inventory: workerInventory(kept), warnings: kept.warnings, durationMs: performance.now() - started });
      } catch (err) {
        send({ type: 'reloadFailed', requestId: message.requestId, error: errorBody(err, ERROR_CODES.MODEL_MISSING, 'kept models could not be loaded') });
      }
      return;
    }
    if (message.type === 'dropTrial') {
      const ended = trial;
      trial = undefined;
      await running.catch(() => undefined);
      await ended?.core.release();
      return;
    }
    if (message.type === 'reloadModels' && message.modelSet === 'trial') {
      const started = performance.now();
      try {
        if (message.phase === 'prepare') {
          await preparedTrial?.core.release();
          preparedTrial = await createWorkerContext(message.modelsDir ?? init.modelsDir, init.precision, metrics);
          send({ type: 'reloaded', requestId: message.requestId, models: workerModels(preparedTrial), inventory: workerInventory(preparedTrial), warnings: preparedTrial.warnings, durationMs: performance.now() - started });
          return;
        }
        const next = preparedTrial;
        preparedTrial = undefined;
        if (message.phase === 'commit' && next) {
          const previous = trial;
          trial = next;
          await previous?.core.release();
        } else {
          await next?.core.release();
        }
        const current = trial ?? context;
        send({ type: 'reloaded', requestId: message.requestId, models: workerModels(current), inventory: workerInventory(current), warnings: [], durationMs: performance.now() - started });
      } catch (err) {
        send({ type: 'reloadFailed', requestId: message.requestId, error: errorBody(err, ERROR_CODES.MODEL_MISSING, 'trial models could not be loaded') });
      }
      return;
    }
    if (message.type === 'heapUsage') {
      const { heapTotal, heapUsed, external } = process.memoryUsage();
      send({ type: 'heapUsage', requestId: message.requestId, heap: { heapTotalBytes: heapTotal, heapUsedBytes: heapUsed, externalBytes: external } });
      return;
    }
    if (message.type === 'inferenceStats') {
      send({ type: 'inferenceStats', requestId: message.requestId, models: context.core.stats() });
      return;
    }
    if (message.type === 'reloadModels') {
      const started = performance.now();
      try {
        if (message.phase === 'prepare') {
          if (prepared) await prepared.core.release(); // a prepare that was never committed
          if (message.releaseFirst) {
            // A drained swap (docs/updates.md#how-a-swap-loads): no analysis runs, so every session this
            // worker holds goes before the new ones load. A released core loads a model again when asked,
            // so an aborted swap still serves on the models it had.
            await running.catch(() => undefined);
            await Promise.all([context, trial, ...earlier.values()].map((held) => held?.core.release()));
          }
          prepared = await createWorkerContext(message.modelsDir ?? init.modelsDir, init.precision, metrics);
          preparedDir = message.modelsDir ?? init.modelsDir;
          send({ type: 'reloaded', requestId: message.requestId, models: workerModels(prepared), inventory: workerInventory(prepared), warnings: prepared.warnings, durationMs: performance.now() - started });
          return;
        }
        const next = prepared;
        prepared = undefined;
        if (message.phase === 'abort' || !next) {
          if (next) await next.core.release();
          send({ type: 'reloaded', requestId: message.requestId, models: workerModels(context), inventory: workerInventory(context), warnings: [], durationMs: performance.now() - started });
          return;
        }
        const previous = context;
        context = next; // between two agent runs: the next analysis starts on the new models
        init.modelsDir = preparedDir; // and a later reload without a folder reloads these
        send({ type: 'reloaded', requestId: message.requestId, models: workerModels(next), inventory: workerInventory(next), warnings: next.warnings, durationMs: performance.now() - started });
        if (message.generation !== undefined) {
          // Analyses in flight keep the models they started on until the pool releases them.
          earlier.set(generation, previous);
          generation = message.generation;
        } else {
          await running.catch(() => undefined);
          await previous.core.release();
        }
      } catch (err) {
        send({ type: 'reloadFailed', requestId: message.requestId, error: errorBody(err, ERROR_CODES.MODEL_MISSING, 'models could not be loaded') });
      }
      return;
    }
    // The whole task runs on one set of models: the one it asked for, chosen once. A trial task without
    // trial models fails rather than run on the live ones (its pair would prove nothing); so does a task
    // of a kept set (a negative generation) this worker does not hold: it never runs on other versions.
    const keptSet = message.generation !== undefined && message.generation < 0;
    const models = message.modelSet === 'trial' ? trial
      : keptSet ? earlier.get(message.generation as number)
        : message.generation !== undefined && message.generation !== generation ? earlier.get(message.generation) ?? context : context;
    if (!models) {
      const missing = keptSet ? 'this worker holds no copy of the model versions this incident keeps' : 'this worker holds no trial models';
      send({ type: 'failed', taskId: message.taskId, stage: message.stages[0] as PipelineStage, error: { code: ERROR_CODES.MODEL_MISSING, message: missing }, durationMs: 0, metrics: metrics.take() });
      return;
    }
    busy++;
    try {
      await runStages(models, message);
    } finally {
      busy--;
      compileWhenIdle();
    }
  });
  send({ type: 'ready', models: workerModels(context), inventory: workerInventory(context), warnings: context.warnings });
  compileWhenIdle();
}
