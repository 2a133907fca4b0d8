// The local HTTP API (fastify), bound to 127.0.0.1 by default. Built as fastify's authors build servers:
// one error path and a not-found handler (plugins/errorReplies.ts), access control as a plugin
// (plugins/access.ts), incident bodies held against the body budget and large ones parsed off this thread
// (plugins/incidentBodies.ts), and one encapsulated plugin per feature whose routes are derived from the
// operations table (plugins/operationRoutes.ts). The browser UI is served from the same origin.
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MAX_INCIDENT_BYTES } from '../contract/incident.js';
import type { HttpGroup } from '../contract/operations.js';
import type { Engine } from '../engine.js';
import { operationHandlers } from '../operationHandlers.js';
import type { ApiTokens } from './apiToken.js';
import { IncidentParserPool } from './bodies/incidentParserPool.js';
import { accessPlugin } from './plugins/access.js';
import { incidentBodiesPlugin } from './plugins/incidentBodies.js';
import { clientErrorReply, frameworkErrorReply, refuseWhileClosing, registerErrorReplies } from './plugins/errorReplies.js';
import { operationRoutes } from './plugins/operationRoutes.js';
import { uiStatic } from './plugins/uiStatic.js';

export interface ServerOptions {
  /** The operator and viewer tokens; null turns the token check off. */
  tokens: ApiTokens | null;
  /** The built renderer (browser mode): the same bundle the desktop app loads. Served at `/` when present. */
  uiDir?: string | null;
  /** Host names accepted besides the loopback ones: the addresses being served (servedAddresses.ts). */
  allowedHosts?: string[];
  /** Serve HTTPS with this certificate and key (tlsCertificate.ts); absent: plain HTTP. */
  https?: { cert: string; key: string } | null;
  /** The body-parsing workers for large incidents (docs/hardening.md#load); by default a pool of
   *  `bodyParserWorkers`. Tests pass their own to watch it. */
  incidentParsers?: IncidentParserPool;
}

/** Where `npm run build` puts the renderer bundle (dist/engine/server → dist/renderer-app). */
export const DEFAULT_UI_DIR = fileURLToPath(new URL('../../renderer-app', import.meta.url));

const GROUPS: HttpGroup[] = ['system', 'analyses', 'runs', 'handover', 'models', 'stats', 'alerts'];

export function buildServer(engine: Engine, options: ServerOptions): FastifyInstance {
  // maxParamLength: an id is up to 128 characters, and percent-encoded UTF-8 makes a character up to 12
  // (fastify's default of 100 answered ids of 101–128 ASCII characters "no route").
  // logger: false — fastify's request log would carry the URL, and an event stream's URL carries `?token=`.
  // frameworkErrors, clientErrorHandler and return503OnClosing: fastify's own bodies carry no SAFE_E_ code,
  // so the errors it answers before routing, for unparseable requests and while closing are ours too.
  const settings = {
    logger: false, bodyLimit: MAX_INCIDENT_BYTES, routerOptions: { maxParamLength: 128 * 12 },
    frameworkErrors: frameworkErrorReply, clientErrorHandler: clientErrorReply, return503OnClosing: false,
  } as const;
  // An HTTPS server has another type parameter; the routes and hooks are the same, so one type serves both.
  const server = options.https ? (Fastify({ ...settings, https: options.https }) as unknown as FastifyInstance) : Fastify(settings);
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorReplies(app, engine.logger);
  refuseWhileClosing(app);
  // safe_http_request_duration_seconds (docs/metrics.md): by route template, so ids in paths and unknown
  // paths (route "unmatched") cannot grow the series. Event streams are hijacked and not timed.
  app.addHook('onResponse', async (request, reply) => {
    const labels = { route: request.routeOptions.url ?? 'unmatched', method: request.method, code: String(reply.statusCode) };
    engine.metrics.httpRequestDuration.observe(labels, reply.elapsedTime / 1000);
  });
  void app.register(accessPlugin, { tokens: options.tokens, allowedHosts: options.allowedHosts ?? [] });
  void app.register(incidentBodiesPlugin, {
    budget: engine.bodyBudget, pool: options.incidentParsers ?? new IncidentParserPool(engine.config.bodyParserWorkers), offThreadBytes: engine.config.offThreadBodyBytes,
  });
  const handlers = operationHandlers(engine);
  for (const group of GROUPS) void app.register(operationRoutes(group, handlers));
  const uiDir = options.uiDir === undefined ? DEFAULT_UI_DIR : options.uiDir;
  if (uiDir && existsSync(uiDir)) void app.register(uiStatic(uiDir));
  return app;
}
