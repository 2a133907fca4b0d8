// An agent worker thread's message loop (started by agentWorkerMain.ts, or by a test's fault-injecting
// worker). Agent work never runs on the thread that serves requests.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import { createWorkerContext, runAgentTask, workerModels, type WorkerContext } from './agentTasks.js';
import type { FromWorker, ToWorker, WorkerInit } from './workerProtocol.js';

type RunMessage = Extract<ToWorker, { type: 'run' }>;
type Runner = (context: WorkerContext, message: RunMessage) => Promise<unknown>;

/** Serves run requests; `runner` is swappable so tests can inject crashes and hangs. */
export async function serveAgentWorker(runner: Runner = (ctx, m) => runAgentTask(ctx, m.agent, m.input)): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('agentWorker must run in a worker thread');
  const send = (message: FromWorker) => port.postMessage(message);
  const init = workerData as WorkerInit;
  let context: WorkerContext;
  try {
    context = await createWorkerContext(init.modelsDir, init.precision);
  } catch (err) {
    const body = err instanceof SafeError ? err.toBody() : { code: ERROR_CODES.MODEL_MISSING, message: String((err as Error).message) };
    send({ type: 'startFailed', error: body });
    return;
  }
  // The agent run in progress, so a reload releases the old models only after it has finished with them.
  let running: Promise<unknown> = Promise.resolve();
  port.on('message', async (message: ToWorker) => {
    if (message.type === 'shutdown') {
      // Release the ONNX sessions and end the thread ourselves: terminate() during a native call can
      // abort the whole process.
      await context.core.release();
      port.close();
      process.exit(0);
    }
    if (message.type === 'inferenceStats') {
      send({ type: 'inferenceStats', requestId: message.requestId, models: context.core.stats() });
      return;
    }
    if (message.type === 'reloadModels') {
      const started = performance.now();
      try {
        // Loaded and warmed beside the current models, which keep serving; then swapped in one step.
        const next = await createWorkerContext(init.modelsDir, init.precision);
        const previous = context;
        context = next;
        send({ type: 'reloaded', requestId: message.requestId, models: workerModels(next), warnings: next.warnings, durationMs: performance.now() - started });
        await running.catch(() => undefined);
        await previous.core.release();
      } catch (err) {
        const body = err instanceof SafeError ? err.toBody() : { code: ERROR_CODES.MODEL_MISSING, message: String((err as Error).message) };
        send({ type: 'reloadFailed', requestId: message.requestId, error: body });
      }
      return;
    }
    const started = performance.now();
    const task = runner(context, message);
    running = task;
    try {
      const result = await task;
      send({ type: 'done', taskId: message.taskId, result, durationMs: performance.now() - started });
    } catch (err) {
      const body = err instanceof SafeError ? err.toBody() : { code: ERROR_CODES.AGENT_FAILED, message: `${message.agent}: ${(err as Error).message}` };
      send({ type: 'failed', taskId: message.taskId, error: body, durationMs: performance.now() - started });
    }
  });
  send({ type: 'ready', models: workerModels(context), warnings: context.warnings });
}
