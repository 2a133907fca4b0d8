// Desktop mode: the preload's typed bridge (window.safeEdge). Progress events are matched to the
// analysis by id.
import type { SafeEdgeBridge } from '../../../engine/contract/ipc.js';
import type { IncidentInput } from '../../../engine/contract/incident.js';
import type { ProgressEventBody } from '../../../engine/contract/api.js';
import { EngineError, type EngineTransport } from './engineTransport.js';
import type { SafeErrorBody } from '../../../engine/contract/errors.js';

/** The preload rejects with an Error carrying the engine's error body; surface it as an EngineError. */
const asEngineError = (err: unknown): never => {
  const body = (err as { body?: SafeErrorBody }).body;
  throw body ? new EngineError(body) : err;
};

let counter = 0;

export function createIpcTransport(bridge: SafeEdgeBridge): EngineTransport {
  return {
    kind: 'ipc',
    health: () => bridge.health().catch(asEngineError),
    history: (limit) => bridge.history({ limit }).catch(asEngineError),
    run: (id) => bridge.run(id).catch(asEngineError),
    models: () => bridge.models().catch(asEngineError),
    dataDir: async () => (await bridge.appInfo().catch(asEngineError)).dataDir,
    onEngineStatus: (listener) => bridge.onEngineStatus(listener),
    async analyze(incident: IncidentInput, onProgress: (e: ProgressEventBody) => void) {
      const analysisId = incident.id ?? `ui-${Date.now().toString(36)}-${(counter++).toString(36)}`;
      const stop = bridge.onProgress((event) => { if (event.analysisId === analysisId) onProgress(event); });
      try {
        return await bridge.analyze(incident, analysisId).catch(asEngineError);
      } finally {
        stop();
      }
    },
  };
}
