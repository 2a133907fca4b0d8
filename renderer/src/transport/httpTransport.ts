// Browser mode: the HTTP API of `safe-edge serve`, with progress over Server-Sent Events. The token comes
// from the URL the server prints (#token=…) and is kept for the session only.
import { API_ROUTES } from '../../../engine/contract/api.js';
import type { AnalysisResult } from '../../../engine/contract/result.js';
import type { IncidentInput } from '../../../engine/contract/incident.js';
import type { ProgressEventBody } from '../../../engine/contract/api.js';
import { EngineError, type EngineTransport, type Health, type ModelInfo, type RunSummary, type StoredRun } from './engineTransport.js';

export function createHttpTransport(baseUrl: string, token: string | null): EngineTransport {
  const headers = (): Record<string, string> => ({ 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) });
  async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
    const response = await fetch(baseUrl + path, { ...init, headers: headers() });
    const body = await response.json() as unknown;
    if (!response.ok) throw new EngineError(body as EngineError['body']);
    return body as T;
  }
  return {
    kind: 'http',
    health: () => request<Health>(API_ROUTES.health.path),
    history: (limit) => request<RunSummary[]>(`${API_ROUTES.history.path}?limit=${limit}`),
    run: (id) => request<StoredRun>(API_ROUTES.run.path.replace(':id', encodeURIComponent(id))),
    models: () => request<ModelInfo[]>(API_ROUTES.models.path),
    dataDir: async () => null,
    async analyze(incident: IncidentInput, onProgress: (e: ProgressEventBody) => void): Promise<AnalysisResult> {
      const { events } = await request<{ analysisId: string; events: string }>(API_ROUTES.submitJob.path, { method: 'POST', body: JSON.stringify(incident) });
      return new Promise<AnalysisResult>((resolve, reject) => {
        const source = new EventSource(`${baseUrl}${events}${token ? `?token=${encodeURIComponent(token)}` : ''}`);
        source.addEventListener('progress', (e) => onProgress(JSON.parse((e as MessageEvent<string>).data) as ProgressEventBody));
        source.addEventListener('result', (e) => {
          source.close();
          resolve(JSON.parse((e as MessageEvent<string>).data) as AnalysisResult);
        });
        source.onerror = () => {
          if (source.readyState === EventSource.CLOSED) reject(new EngineError({ code: 'SAFE_E_INTERNAL', message: 'lost the connection to the engine' }));
        };
      });
    },
  };
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
