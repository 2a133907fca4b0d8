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
  let context: WorkerContext;
  try {
    context = await createWorkerContext((workerData as WorkerInit).modelsDir, (workerData as WorkerInit).precision);
  } catch (err) {
    const body = err instanceof SafeError ? err.toBody() : { code: ERROR_CODES.MODEL_MISSING, message: String((err as Error).message) };
    send({ type: 'startFailed', error: body });
    return;
  }
  port.on('message', async (message: ToWorker) => {
    if (message.type === 'shutdown') {
      // Release the ONNX sessions and end the thread ourselves: terminate() during a native call can
      // abort the whole process.
      await context.core.release();
      port.close();
      process.exit(0);
    }
    const started = performance.now();
    try {
      const result = await runner(context, message);
      send({ type: 'done', taskId: message.taskId, result, durationMs: performance.now() - started });
    } catch (err) {
      const body = err instanceof SafeError ? err.toBody() : { code: ERROR_CODES.AGENT_FAILED, message: `${message.agent}: ${(err as Error).message}` };
      send({ type: 'failed', taskId: message.taskId, error: body, durationMs: performance.now() - started });
    }
  });
  send({ type: 'ready', models: workerModels(context), warnings: context.warnings });
}
