// Desktop mode: the preload's typed bridge (window.safeEdge). Progress events are matched to the
// analysis by id.
import type { SafeEdgeBridge } from '../../../engine/contract/ipc.js';
import type { IncidentInput } from '../../../engine/contract/incident.js';
import type { ProgressEventBody } from '../../../engine/contract/api.js';
import type { EngineTransport } from './engineTransport.js';

let counter = 0;

export function createIpcTransport(bridge: SafeEdgeBridge): EngineTransport {
  return {
    kind: 'ipc',
    health: () => bridge.health(),
    history: (limit) => bridge.history({ limit }),
    run: (id) => bridge.run(id),
    models: () => bridge.models(),
    dataDir: async () => (await bridge.appInfo()).dataDir,
    async analyze(incident: IncidentInput, onProgress: (e: ProgressEventBody) => void) {
      const analysisId = incident.id ?? `ui-${Date.now().toString(36)}-${(counter++).toString(36)}`;
      const stop = bridge.onProgress((event) => { if (event.analysisId === analysisId) onProgress(event); });
      try {
        return await bridge.analyze(incident, analysisId);
      } finally {
        stop();
      }
    },
  };
}
