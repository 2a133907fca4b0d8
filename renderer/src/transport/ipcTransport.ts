// Desktop mode: the preload's bridge (window.safeEdge), which offers exactly the bridged operations of
// the table. Analysis progress arrives as the analyze operation's events.
import type { SafeEdgeBridge } from '../../../engine/contract/ipc.js';
import type { IncidentInput } from '../../../engine/contract/incident.js';
import type { ProgressEventBody } from '../../../engine/contract/api.js';
import type { AnalysisResult } from '../../../engine/contract/result.js';
import type { SafeErrorBody } from '../../../engine/contract/errors.js';
import { loadReplySchemas } from './replySchemas.js';
import { EngineError, engineTransport, newSubmissionKey, resubmitting, type AnalyzeChoice, type EngineTransport } from './engineTransport.js';

/** The preload rejects with an Error carrying the engine's error body; surface it as an EngineError. */
const asEngineError = (err: unknown): never => {
  const body = (err as { body?: SafeErrorBody }).body;
  throw body ? new EngineError(body) : err;
};

let counter = 0;

export function createIpcTransport(bridge: SafeEdgeBridge): EngineTransport {
  return engineTransport({
    kind: 'ipc',
    call: (name, args) => bridge.invoke(name, args).catch(asEngineError),
    onEngineStatus: (listener) => bridge.onEngineStatus(listener),
    analyze(incident: IncidentInput, onProgress: (e: ProgressEventBody) => void, options: AnalyzeChoice = {}) {
      const analysisId = incident.id ?? `ui-${Date.now().toString(36)}-${(counter++).toString(36)}`;
      const submission = { incident, analysisId, ...options, idempotencyKey: newSubmissionKey() };
      // An engine that crashed mid-analysis is restarted by the supervisor: the same submission is sent again.
      // Not saved (SAFE_E_SAVE_FAILED): still the answer, shown with its saveError (docs/app.md, "Not saved").
      // The not-saved body's schema comes with the first failure, not in the first bundle (docs/performance.md, bench:ui).
      return resubmitting(() => bridge.invoke('analyze', submission, onProgress)
        .catch(async (err: unknown): Promise<AnalysisResult> => {
          const { resultNotSaved } = await loadReplySchemas();
          return resultNotSaved((err as { body?: unknown }).body) ?? asEngineError(err);
        }));
    },
  });
}
