// Serves the engine over a message port: the Electron utility process's parentPort in the app, a
// worker_threads MessagePort in tests. Any operation of the table, by name; same handlers as HTTP.
import { hostRequestSchema, type HostMessage } from '../contract/hostProtocol.js';
import { ERROR_CODES, toErrorBody } from '../contract/errors.js';
import type { Engine } from '../engine.js';
import { ENGINE_VERSION } from '../engineVersion.js';
import { callOperation, operationHandlers } from '../operationHandlers.js';

/** The minimum a port must offer. Electron's MessagePortMain wraps data in `{ data }`; Node's does not. */
export interface HostPort {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  postMessage(message: HostMessage): void;
}

const unwrap = (message: unknown): unknown =>
  message && typeof message === 'object' && 'data' in message && !('op' in message) ? (message as { data: unknown }).data : message;

export function serveEngineOverPort(engine: Engine, port: HostPort): void {
  const handlers = operationHandlers(engine);
  port.on('message', async (raw) => {
    const message = unwrap(raw);
    const parsed = hostRequestSchema.safeParse(message);
    if (!parsed.success) {
      const id = typeof (message as { id?: unknown })?.id === 'number' ? (message as { id: number }).id : -1;
      const issue = parsed.error.issues[0];
      const unknownOp = issue?.path[0] === 'op';
      port.postMessage({ type: 'reply', id, ok: false, error: unknownOp
        ? { code: ERROR_CODES.UNKNOWN_OPERATION, message: `no operation ${JSON.stringify((message as { op?: unknown })?.op)}`, field: 'op' }
        : { code: ERROR_CODES.INVALID_FIELD, message: `bad host request: ${issue?.path.join('.')}: ${issue?.message}`, field: issue?.path.join('.') ?? '(request)' } });
      return;
    }
    const request = parsed.data;
    try {
      // The desktop app's own UI: the operator's (operations.ts, Access).
      const value = await callOperation(handlers, request.op, request.args,
        { emit: (event) => port.postMessage({ type: 'event', requestId: request.id, event }), access: 'operator' });
      port.postMessage({ type: 'reply', id: request.id, ok: true, value });
    } catch (err) {
      port.postMessage({ type: 'reply', id: request.id, ok: false, error: toErrorBody(err, ERROR_CODES.INTERNAL) });
    }
  });
  port.postMessage({ type: 'ready', version: ENGINE_VERSION });
}
