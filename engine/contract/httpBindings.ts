// Each operation's HTTP binding (method, path, where its arguments travel), declared here and used by the
// operations table (operations.ts: `http: HTTP_BINDINGS.<name>`) and by the browser's transport. Plain data,
// no schema: the renderer's first bundle needs only these to send a request, so it does not carry zod and
// every operation's schemas (docs/performance.md, bench:ui). The table's type checks that every operation
// has its binding and every binding its operation.

export interface HttpBinding {
  method: 'GET' | 'POST';
  /** `:name` segments are arguments of the same name. */
  path: string;
  /** POST: the argument sent as the request body; the other arguments travel in the query string. */
  body?: string;
  /** Status of a successful reply (default 200). */
  status?: 200 | 202;
  /** Streams only: an EventSource cannot send headers, so this route also takes `?token=`. */
  tokenInQuery?: boolean;
  /** The result is text sent as is with this content type instead of JSON (a string result). */
  contentType?: string;
  /** Arguments that travel as request headers: argument name → header name. */
  headers?: Readonly<Record<string, string>>;
}

/** The Prometheus text exposition format, version 0.0.4 (docs/metrics.md). */
export const PROMETHEUS_TEXT_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** The header an HTTP client sends its submission's idempotency key in (the de facto standard's name). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Where each door carries it: a header over HTTP, an argument everywhere else. */
const submissionHeaders = { idempotencyKey: IDEMPOTENCY_KEY_HEADER } as const;

export const HTTP_BINDINGS = {
  health: { method: 'GET', path: '/health' },
  about: { method: 'GET', path: '/v1/about' },
  session: { method: 'GET', path: '/v1/session' },
  analyze: { method: 'POST', path: '/v1/analyses', body: 'incident', headers: submissionHeaders },
  submitAnalysis: { method: 'POST', path: '/v1/analyses/jobs', body: 'incident', status: 202, headers: submissionHeaders },
  analysisEvents: { method: 'GET', path: '/v1/analyses/jobs/:jobId/events', tokenInQuery: true },
  runs: { method: 'GET', path: '/v1/runs' },
  run: { method: 'GET', path: '/v1/runs/:id' },
  exportIncident: { method: 'GET', path: '/v1/incidents/:id/export' },
  importIncident: { method: 'POST', path: '/v1/incidents/import', body: 'bundle' },
  purgeIncidents: { method: 'POST', path: '/v1/db/purge' },
  zonesGeoJson: { method: 'GET', path: '/v1/runs/:id/zones.geojson', contentType: 'application/geo+json; charset=utf-8' },
  zonesKml: { method: 'GET', path: '/v1/runs/:id/zones.kml', contentType: 'application/vnd.google-earth.kml+xml; charset=utf-8' },
  models: { method: 'GET', path: '/v1/models' },
  modelUpdates: { method: 'GET', path: '/v1/models/updates' },
  updateModels: { method: 'POST', path: '/v1/models/update' },
  importModels: { method: 'POST', path: '/v1/models/import' },
  rollbackModel: { method: 'POST', path: '/v1/models/:name/rollback' },
  trustChannel: { method: 'POST', path: '/v1/models/trust' },
  stats: { method: 'GET', path: '/v1/stats' },
  deviceHealth: { method: 'GET', path: '/v1/device' },
  deviceHistory: { method: 'GET', path: '/v1/device/history' },
  alerts: { method: 'GET', path: '/v1/alerts' },
  silenceAlert: { method: 'POST', path: '/v1/alerts/silences', body: 'silence' },
  acknowledgeAlert: { method: 'POST', path: '/v1/alerts/acknowledge' },
  metrics: { method: 'GET', path: '/metrics', contentType: PROMETHEUS_TEXT_CONTENT_TYPE },
} as const satisfies Record<string, HttpBinding>;

export type HttpOperationName = keyof typeof HTTP_BINDINGS;

// ---- HTTP mapping: both ends (the server and the browser transport) use these, so they cannot drift.

/** Names of the `:param` segments of a path. */
export function pathParams(path: string): string[] {
  return path.split('/').filter((s) => s.startsWith(':')).map((s) => s.slice(1));
}

/** The request a client sends for an operation: method, path with its parameters filled in, query, body.
 *  (operations.ts types the arguments by the operation's schema.) */
export function httpRequestForArgs(name: HttpOperationName, args: object): { method: 'GET' | 'POST'; path: string; query: Record<string, string>; headers: Record<string, string>; body?: unknown } {
  const http: HttpBinding = HTTP_BINDINGS[name];
  const rest: Record<string, unknown> = { ...(args as Record<string, unknown>) };
  const headers: Record<string, string> = {};
  for (const [arg, header] of Object.entries(http.headers ?? {})) {
    if (rest[arg] !== undefined) headers[header] = String(rest[arg]);
    delete rest[arg];
  }
  let path = http.path;
  for (const param of pathParams(http.path)) {
    path = path.replace(`:${param}`, encodeURIComponent(String(rest[param])));
    delete rest[param];
  }
  let body: unknown;
  if (http.body !== undefined) {
    body = rest[http.body];
    delete rest[http.body];
  }
  const query = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  return body === undefined ? { method: http.method, path, query, headers } : { method: http.method, path, query, headers, body };
}
