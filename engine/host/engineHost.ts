// Serves the engine over a message port: the Electron utility process's parentPort in the app, a
// worker_threads MessagePort in tests. Same Engine, same views as the HTTP API; only the wire differs.
import { hostRequestSchema, type HostMessage } from '../contract/hostProtocol.js';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import { parseIncident } from '../contract/parseIncident.js';
import type { Engine } from '../engine.js';
import { ENGINE_VERSION, healthView, modelsView, statsView, storedRunView } from '../engineViews.js';

/** The minimum a port must offer. Electron's MessagePortMain wraps data in `{ data }`; Node's does not. */
export interface HostPort {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  postMessage(message: HostMessage): void;
}

const unwrap = (message: unknown): unknown =>
  message && typeof message === 'object' && 'data' in message && !('method' in message) ? (message as { data: unknown }).data : message;

export function serveEngineOverPort(engine: Engine, port: HostPort): void {
  port.on('message', async (raw) => {
    const parsed = hostRequestSchema.safeParse(unwrap(raw));
    const id = typeof (unwrap(raw) as { id?: unknown })?.id === 'number' ? (unwrap(raw) as { id: number }).id : -1;
    if (!parsed.success) {
      port.postMessage({ type: 'reply', id, ok: false, error: { code: ERROR_CODES.INVALID_FIELD, message: `bad host request: ${parsed.error.issues[0]?.message}` } });
      return;
    }
    const request = parsed.data;
    try {
      let value: unknown;
      switch (request.method) {
        case 'health': value = healthView(engine); break;
        case 'models': value = modelsView(engine); break;
        case 'stats': value = await statsView(engine); break;
        case 'history': value = engine.store.history(request.query.limit, request.query.incidentId); break;
        case 'run': value = storedRunView(engine, request.runId); break;
        case 'analyze':
          value = await engine.analyze(parseIncident(request.incident), {
            analysisId: request.analysisId,
            onProgress: (event) => port.postMessage({ type: 'progress', requestId: request.id, event }),
          });
          break;
      }
      port.postMessage({ type: 'reply', id: request.id, ok: true, value });
    } catch (err) {
      const error = err instanceof SafeError ? err.toBody() : { code: ERROR_CODES.INTERNAL, message: (err as Error).message };
      port.postMessage({ type: 'reply', id: request.id, ok: false, error });
    }
  });
  port.postMessage({ type: 'ready', version: ENGINE_VERSION });
}
