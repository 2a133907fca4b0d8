// The local HTTP API (fastify), bound to 127.0.0.1 by default. Routes, request and reply schemas come
// from engine/contract/api.ts; incident bodies go through the same parser as the CLI so both give the
// same stable error codes. Every route but /health needs the per-install bearer token unless the
// operator explicitly turned that off.
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { serializerCompiler, validatorCompiler, hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import fastifyStatic from '@fastify/static';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  API_ROUTES, healthSchema, historyQuerySchema, jobAcceptedSchema, modelInfoSchema, runSummarySchema, statsSchema, storedRunSchema, submitQuerySchema,
} from '../contract/api.js';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import { MAX_INCIDENT_BYTES } from '../contract/incident.js';
import { parseIncident } from '../contract/parseIncident.js';
import { analysisResultSchema, errorBodySchema } from '../contract/result.js';
import type { Engine } from '../engine.js';
import { healthView, modelsView, statsView, storedRunView } from '../engineViews.js';
import { AnalysisJobs, type JobMessage } from './analysisJobs.js';
import { tokenMatches } from './apiToken.js';

const STATUS_FOR: Partial<Record<string, number>> = {
  [ERROR_CODES.BUSY]: 503, [ERROR_CODES.NOT_FOUND]: 404, [ERROR_CODES.UNAUTHORIZED]: 401, [ERROR_CODES.INPUT_TOO_LARGE]: 413,
  [ERROR_CODES.SHUTTING_DOWN]: 503, [ERROR_CODES.INVALID_JSON]: 400, [ERROR_CODES.INVALID_FIELD]: 400,
  [ERROR_CODES.UNKNOWN_SUBSTANCE]: 400, [ERROR_CODES.TEXT_TOO_LONG]: 400,
};

export interface ServerOptions {
  token: string | null;
  /** The built renderer (browser mode): the same bundle the desktop app loads. Served at `/` when present. */
  uiDir?: string | null;
  /** Host names accepted besides the loopback ones (when serving on another interface on purpose). */
  allowedHosts?: string[];
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Where `npm run build` puts the renderer bundle (dist/engine/server → dist/renderer-app). */
export const DEFAULT_UI_DIR = fileURLToPath(new URL('../../renderer-app', import.meta.url));

export function buildServer(engine: Engine, options: ServerOptions): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: MAX_INCIDENT_BYTES }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const jobs = new AnalysisJobs();
  const errors = { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema, 503: errorBodySchema };

  app.setErrorHandler((err, _request, reply) => {
    if (err instanceof SafeError) return reply.code(STATUS_FOR[err.code] ?? 500).send(err.toBody());
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issue = err.validation[0];
      const field = issue?.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(request)';
      return reply.code(400).send({ code: ERROR_CODES.INVALID_FIELD, message: `${field}: ${issue?.message ?? 'invalid'}`, field });
    }
    const e = err as { code?: string; statusCode?: number; message: string };
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send({ code: ERROR_CODES.INPUT_TOO_LARGE, message: `request body is larger than ${MAX_INCIDENT_BYTES} bytes` });
    if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (e.statusCode === 400 && /JSON/i.test(e.message))) return reply.code(400).send({ code: ERROR_CODES.INVALID_JSON, message: `not valid JSON: ${e.message}` });
    if (e.statusCode && e.statusCode < 500) return reply.code(e.statusCode).send({ code: ERROR_CODES.INVALID_FIELD, message: e.message });
    engine.logger.error('request failed', { error: e.message });
    return reply.code(500).send({ code: ERROR_CODES.INTERNAL, message: 'internal error; see the engine log' });
  });

  const authRoutes = new Set<string>(Object.values(API_ROUTES).filter((r) => r.auth).map((r) => r.path));
  // DNS rebinding: a web page whose name resolves to 127.0.0.1 must not reach the engine, token or not.
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    if (!LOOPBACK_HOSTS.has(host) && !(options.allowedHosts ?? []).includes(host)) {
      throw new SafeError(ERROR_CODES.UNAUTHORIZED, `requests for host "${host}" are refused: use http://127.0.0.1 or http://localhost`);
    }
  });
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (options.token === null || !authRoutes.has(request.routeOptions.url ?? '')) return;
    const header = request.headers.authorization;
    // EventSource cannot send headers, so the event stream alone may carry the token in its query.
    const fromQuery = request.routeOptions.url === API_ROUTES.jobEvents.path ? (request.query as { token?: string } | undefined)?.token : undefined;
    const presented = header?.startsWith('Bearer ') ? header.slice(7) : fromQuery;
    if (!tokenMatches(options.token, presented)) {
      throw new SafeError(ERROR_CODES.UNAUTHORIZED, 'missing or wrong API token: send "Authorization: Bearer <token>" (the token is in the data directory, file api-token)');
    }
  });

  app.get(API_ROUTES.health.path, { schema: { response: { 200: healthSchema } } }, async () => healthView(engine));

  app.post(API_ROUTES.analyze.path, {
    schema: { querystring: submitQuerySchema, response: { 200: analysisResultSchema, ...errors, 413: errorBodySchema } },
  }, async (request) => engine.analyze(parseIncident(request.body), { priority: request.query.priority }));

  app.post(API_ROUTES.submitJob.path, {
    schema: { querystring: submitQuerySchema, response: { 202: jobAcceptedSchema, ...errors, 413: errorBodySchema } },
  }, async (request, reply) => {
    const incident = parseIncident(request.body);
    const analysisId = incident.id ?? randomUUID();
    // Jobs have their own id: two re-runs of the same incident must not share (or steal) a stream.
    const jobId = randomUUID();
    const job = jobs.create(jobId);
    engine.analyze(incident, { priority: request.query.priority, analysisId, onProgress: (event) => job.push({ kind: 'progress', event }) })
      .then((result) => job.push({ kind: 'result', result }))
      .catch((err: unknown) => job.push({ kind: 'result', result: { id: analysisId, status: 'error', error: err instanceof SafeError ? err.toBody() : { code: ERROR_CODES.AGENT_FAILED, message: String(err) }, models: {}, timingsMs: {} } }));
    return reply.code(202).send({ analysisId, events: API_ROUTES.jobEvents.path.replace(':jobId', jobId) });
  });

  app.get(API_ROUTES.jobEvents.path, { schema: { params: z.object({ jobId: z.string() }) } }, (request, reply) => {
    const job = jobs.get(request.params.jobId);
    if (!job) throw new SafeError(ERROR_CODES.NOT_FOUND, `no analysis job ${request.params.jobId} (jobs are kept for 10 minutes)`);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    let unsubscribe = () => {};
    const send = (m: JobMessage) => {
      raw.write(m.kind === 'progress' ? `event: progress\ndata: ${JSON.stringify(m.event)}\n\n` : `event: result\ndata: ${JSON.stringify(m.result)}\n\n`);
      if (m.kind === 'result') { unsubscribe(); raw.end(); }
    };
    unsubscribe = job.follow(send);
    request.raw.on('close', () => unsubscribe());
  });

  app.get(API_ROUTES.history.path, { schema: { querystring: historyQuerySchema, response: { 200: z.array(runSummarySchema) } } },
    async (request) => engine.store.history(request.query.limit, request.query.incidentId));

  app.get(API_ROUTES.run.path, { schema: { params: z.object({ id: z.string() }), response: { 200: storedRunSchema, ...errors } } },
    async (request) => storedRunView(engine, request.params.id));

  app.get(API_ROUTES.models.path, { schema: { response: { 200: z.array(modelInfoSchema) } } }, async () => modelsView(engine));

  app.get(API_ROUTES.stats.path, { schema: { response: { 200: statsSchema } } }, async () => statsView(engine));

  const uiDir = options.uiDir === undefined ? DEFAULT_UI_DIR : options.uiDir;
  if (uiDir && existsSync(uiDir)) void app.register(fastifyStatic, { root: uiDir, prefix: '/', index: 'index.html' });

  return app;
}
