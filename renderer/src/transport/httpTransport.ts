// Browser mode: the HTTP API of `safe-edge serve`, with progress over Server-Sent Events. Requests are
// built from the operations' HTTP bindings (httpRequestForArgs), the same mapping the server's routes come
// from; the bindings are plain data, so this first bundle does not carry the operations' schemas. The
// analysis's events are still checked against theirs, loaded with the first analysis (docs/performance.md,
// bench:ui). The token comes from the URL the server prints (#token=…) and is kept for the session only.
import type { AnalysisResult } from '../../../engine/contract/result.js';
import type { IncidentInput } from '../../../engine/contract/incident.js';
import type { ProgressEventBody, jobMessageSchema as JobMessageSchema } from '../../../engine/contract/api.js';
import { ERROR_CODES, toErrorBody } from '../../../engine/contract/errors.js';
import { HTTP_BINDINGS, httpRequestForArgs, type HttpBinding } from '../../../engine/contract/httpBindings.js';
import type { BridgeOperationName, OperationArgsInput, OperationName, OperationResult } from '../../../engine/contract/operations.js';
import { EngineError, engineTransport, newSubmissionKey, resubmitting, type AnalyzeChoice, type EngineTransport } from './engineTransport.js';
import { TRANSPORT_ERROR_CODES } from './transportErrors.js';
import { loadReplySchemas } from './replySchemas.js';
import { takeEarlyResponse, type EarlyRequests } from './earlyRequests.js';

/** `early`: requests public/boot-requests.js already sent (earlyRequests.ts); the first call of each takes its answer. */
export function createHttpTransport(baseUrl: string, token: string | null, early: EarlyRequests | null = null): EngineTransport {
  async function send<K extends OperationName>(name: K, args: OperationArgsInput<K>): Promise<OperationResult<K>> {
    const request = httpRequestForArgs(name, args as object);
    const query = new URLSearchParams(request.query).toString();
    const sentEarly = request.method === 'GET' && !query ? takeEarlyResponse(early, token, request.path) : undefined;
    let response: Response;
    try {
      // Sent at once (no await before it): bootPreload.ts counts on the request being under way.
      response = await (sentEarly ?? fetch(`${baseUrl}${request.path}${query ? `?${query}` : ''}`, {
        method: request.method,
        headers: { ...request.headers, ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      }));
    } catch (err) {
      // fetch rejects (a TypeError, "Failed to fetch") only when no reply came at all.
      throw new EngineError({ code: TRANSPORT_ERROR_CODES.UNREACHABLE, message: err instanceof Error ? err.message : String(err) });
    }
    // A text result (the table's http.contentType: /metrics) comes as is; errors are always JSON.
    if (response.ok && (HTTP_BINDINGS[name] as HttpBinding).contentType !== undefined) return await response.text() as OperationResult<K>;
    let body: unknown;
    try {
      body = await response.json();
    } catch (err) {
      throw new EngineError({ code: TRANSPORT_ERROR_CODES.BAD_REPLY, message: `HTTP ${response.status}: ${err instanceof Error ? err.message : String(err)}` });
    }
    if (!response.ok) throw new EngineError(toErrorBody(body, ERROR_CODES.INTERNAL));
    return body as OperationResult<K>;
  }
  return engineTransport({
    kind: 'http',
    call: <K extends BridgeOperationName>(name: K, args: OperationArgsInput<K>) => send(name, args),
    /**
     * Submits the analysis and follows its events; when the reply or the stream is lost, submits it again
     * with the same idempotency key (resubmitting, engineTransport.ts).
     */
    async analyze(incident: IncidentInput, onProgress: (e: ProgressEventBody) => void, options: AnalyzeChoice = {}): Promise<AnalysisResult> {
      const submission = { incident, ...options, idempotencyKey: newSubmissionKey() };
      return resubmitting(async () => {
        const { jobMessageSchema } = await loadReplySchemas();
        return followJob((await send('submitAnalysis', submission)).events, onProgress, jobMessageSchema);
      });
    },
  });

  function followJob(events: string, onProgress: (e: ProgressEventBody) => void, jobMessageSchema: typeof JobMessageSchema): Promise<AnalysisResult> {
    return new Promise<AnalysisResult>((resolve, reject) => {
      const source = new EventSource(`${baseUrl}${events}${token ? `?token=${encodeURIComponent(token)}` : ''}`);
      // Each Server-Sent Event is named after the job message's kind and carries its data.
      const onMessage = (e: Event) => {
        const message = jobMessageSchema.safeParse({ kind: e.type, data: JSON.parse((e as MessageEvent<string>).data) as unknown });
        if (!message.success) return;
        if (message.data.kind === 'progress') onProgress(message.data.data);
        else { source.close(); resolve(message.data.data); }
      };
      source.addEventListener('progress', onMessage);
      source.addEventListener('result', onMessage);
      source.onerror = () => {
        if (source.readyState === EventSource.CLOSED) reject(new EngineError({ code: ERROR_CODES.ENGINE_RESTARTED, message: 'lost the connection to the engine' }));
      };
    });
  }
}


/** The token from `#token=…` (moved to session storage and removed from the address bar). */
export function takeTokenFromLocation(location: Location, storage: Storage): string | null {
  const match = /token=([0-9a-f]{64})/.exec(location.hash);
  if (match) {
    storage.setItem('safe-edge-token', match[1] as string);
    history.replaceState(null, '', location.pathname + location.search + location.hash.replace(/[#&]?token=[0-9a-f]{64}/, '').replace(/^$/, '#/incidents'));
  }
  return storage.getItem('safe-edge-token');
}
