// The HTTP API round trip on a real socket: token, validation with stable codes, a synchronous analysis,
// a background job followed over Server-Sent Events, history and stored runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { resolveConfig } from '../config.js';
import { Engine } from '../engine.js';
import { createLogger } from '../logging.js';
import { analysisResultSchema } from '../contract/result.js';
import { healthSchema, progressEventSchema, runSummarySchema, storedRunSchema } from '../contract/api.js';
import { buildServer } from './app.js';
import { loadOrCreateToken, loadOrCreateTokens, type ApiTokens } from './apiToken.js';

let engine: Engine;
let app: FastifyInstance;
let base: string;
let token: string;
let tokens: ApiTokens;
const example = JSON.parse(readFileSync(new URL('../../../examples/chlorine-tank-car-zh.json', import.meta.url), 'utf8')) as Record<string, unknown>;

before(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-api-'));
  engine = await Engine.start(resolveConfig({ dataDir, workers: 2 }), { logger: createLogger('silent') });
  tokens = loadOrCreateTokens(dataDir);
  token = tokens.operator;
  app = buildServer(engine, { tokens });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});
after(async () => {
  await app.close();
  await engine.close();
});

const call = (path: string, init: RequestInit = {}, auth = true) => fetch(base + path, {
  ...init, headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) },
});

test('the token file is owner-only and stable', () => {
  assert.match(token, /^[0-9a-f]{64}$/);
  assert.equal(loadOrCreateToken(engine.config.dataDir), token);
});

test('/health answers without a token; everything else needs it', async () => {
  const health = await fetch(base + '/health');
  assert.equal(health.status, 200);
  const body = healthSchema.parse(await health.json());
  assert.equal(body.workers, 2);
  assert.equal(body.status, 'ok');
  assert.deepEqual(body.problems, []);
  // A raised problem makes the engine degraded and is named over HTTP; clearing it makes it ok again.
  engine.problems.raise('save', 'SAFE_E_SAVE_FAILED', 'the last analysis could not be saved');
  const degraded = healthSchema.parse(await (await fetch(base + '/health')).json());
  assert.equal(degraded.status, 'degraded');
  assert.deepEqual(degraded.problems.map((p) => [p.key, p.code]), [['save', 'SAFE_E_SAVE_FAILED']]);
  engine.problems.clear('save');
  assert.equal(healthSchema.parse(await (await fetch(base + '/health')).json()).status, 'ok');
  const denied = await call('/v1/runs', {}, false);
  assert.equal(denied.status, 401);
  assert.equal((await denied.json() as { code: string }).code, 'SAFE_E_UNAUTHORIZED');
  const wrong = await fetch(base + '/v1/runs', { headers: { authorization: 'Bearer ' + '0'.repeat(64) } });
  assert.equal(wrong.status, 401);
});

test('POST /v1/analyses returns a contract-valid result and saves the run', async () => {
  const response = await call('/v1/analyses', { method: 'POST', body: JSON.stringify(example) });
  assert.equal(response.status, 200);
  const result = analysisResultSchema.parse(await response.json());
  assert.equal(result.status, 'ok');
  assert.equal(result.strategist?.type, 'hazmat_release');
  assert.ok(result.runId);
  const stored = await call(`/v1/runs/${result.runId}`);
  assert.equal(stored.status, 200);
  const run = storedRunSchema.parse(await stored.json());
  assert.equal(run.result.id, 'cl2-yueyang-zh');
});

test('an unknown substance is analysed, not refused: no plume, the ERG generic guide and a warning naming it', async () => {
  const body = JSON.stringify({ text: 'tanker leak, unknown cargo', facts: { release: { substance: 'kryptonite', rateKgPerS: 1 } } });
  const response = await call('/v1/analyses', { method: 'POST', body });
  assert.equal(response.status, 200);
  const result = analysisResultSchema.parse(await response.json());
  assert.equal(result.field?.plume, undefined);
  assert.equal(result.field?.hazmat?.ergGuide, 111);
  assert.ok(result.field?.hazmat?.warnings.some((w) => w.includes('kryptonite')));
});

test('bad bodies get 400 with stable codes and the field; oversized text names the field', async () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['{not json', 'SAFE_E_INVALID_JSON', '(body)'],
    [JSON.stringify({ text: 'x', facts: { weather: { windSpeedMps: -1, windFromDeg: 0 } } }), 'SAFE_E_INVALID_FIELD', 'facts.weather.windSpeedMps'],
    [JSON.stringify({ text: 'a'.repeat(5 * 1024 * 1024) }), 'SAFE_E_TEXT_TOO_LONG', 'text'],
  ];
  for (const [body, code, field] of cases) {
    const response = await call('/v1/analyses', { method: 'POST', body });
    assert.equal(response.status, 400, code);
    const error = await response.json() as { code: string; field?: string };
    assert.equal(error.code, code);
    assert.equal(error.field, field);
  }
  const tooBig = await call('/v1/analyses', { method: 'POST', body: JSON.stringify({ text: 'a'.repeat(17 * 1024 * 1024) }) });
  assert.equal(tooBig.status, 413);
  assert.equal((await tooBig.json() as { code: string }).code, 'SAFE_E_INPUT_TOO_LARGE');
  const badQuery = await call('/v1/runs?limit=0');
  assert.equal(badQuery.status, 400);
  const badQueryBody = await badQuery.json() as { code: string; field: string };
  assert.deepEqual([badQueryBody.code, badQueryBody.field], ['SAFE_E_INVALID_FIELD', 'limit']);
});

test('fastify never answers with its own body: unknown route, wrong content type, empty and bad JSON, bad URL', async () => {
  const cases: Array<[string, RequestInit & { headers?: Record<string, string> }, number, string, string]> = [
    ['/v1/nothing-here', {}, 404, 'SAFE_E_UNKNOWN_OPERATION', 'url'],
    ['/v1/analyses', { method: 'POST', body: 'text=fire', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'SAFE_E_UNSUPPORTED_MEDIA_TYPE', 'content-type'],
    ['/v1/analyses', { method: 'POST', body: '' }, 400, 'SAFE_E_INVALID_JSON', '(body)'],
    ['/v1/analyses', { method: 'POST', body: '{"text":"x","__proto__":{"a":1}}' }, 400, 'SAFE_E_INVALID_JSON', '(body)'],
    ['/v1/runs/%E0%A4%A', {}, 400, 'SAFE_E_INVALID_FIELD', 'url'],
  ];
  for (const [path, init, status, code, field] of cases) {
    const response = await call(path, init);
    const body = await response.json() as { code: string; field?: string; message: string; error?: unknown; statusCode?: unknown };
    assert.equal(response.status, status, `${path}: ${JSON.stringify(body)}`);
    assert.equal(body.code, code, path);
    assert.equal(body.field, field, path);
    assert.equal(body.statusCode, undefined, 'not fastify\'s default error body');
  }
});

test('the viewer token reads device health, alerts, models and stats, never incidents or analyses, and cannot silence or acknowledge', async () => {
  const asViewer = (path: string, init: RequestInit = {}) => fetch(base + path, { ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.viewer}` } });
  assert.equal((await asViewer('/v1/models')).status, 200);
  assert.equal((await asViewer('/v1/stats')).status, 200);
  assert.equal((await asViewer('/v1/alerts')).status, 200);
  // The UI asks who it is, and shows a viewer only what it may read (docs/app.md#read-only-viewer).
  assert.deepEqual(await (await asViewer('/v1/session')).json(), { access: 'viewer' });
  assert.deepEqual(await (await call('/v1/session')).json(), { access: 'operator' });
  assert.equal((await fetch(`${base}/v1/session`)).status, 401, 'no token, no answer');
  for (const [path, init] of [['/v1/runs', {}], ['/v1/about', {}], ['/v1/analyses', { method: 'POST', body: JSON.stringify(example) }],
    ['/v1/alerts/silences', { method: 'POST', body: JSON.stringify({ matchers: { alertname: 'DiskSpaceLow' } }) }], ['/v1/alerts/acknowledge?key=x', { method: 'POST' }]] as const) {
    const response = await asViewer(path, init);
    assert.equal(response.status, 403, path);
    assert.equal((await response.json() as { code: string }).code, 'SAFE_E_FORBIDDEN');
  }
});

test('a background job streams agent progress over SSE, then the result', async () => {
  // A new question (the text differs), so the agents really run rather than the cache answering.
  const accepted = await call('/v1/analyses/jobs', { method: 'POST', body: JSON.stringify({ ...example, id: 'sse-1', text: `${example.text as string} 更新` }) });
  assert.equal(accepted.status, 202);
  const { events } = await accepted.json() as { events: string };
  const stream = await fetch(`${base}${events}?token=${token}`);
  assert.equal(stream.headers.get('content-type'), 'text/event-stream; charset=utf-8');
  const text = await stream.text();
  const messages = text.trim().split('\n\n').map((block) => {
    const [eventLine, dataLine] = block.split('\n');
    return { event: eventLine?.slice('event: '.length), data: JSON.parse(dataLine?.slice('data: '.length) ?? 'null') as unknown };
  });
  const progress = messages.filter((m) => m.event === 'progress').map((m) => progressEventSchema.parse(m.data));
  for (const agent of ['strategist', 'field', 'awareness', 'executor'] as const) {
    assert.ok(progress.some((p) => p.agent === agent && p.state === 'started'), `${agent} started`);
    assert.ok(progress.some((p) => p.agent === agent && p.state === 'finished' && typeof p.durationMs === 'number'), `${agent} finished with timing`);
  }
  const last = messages.at(-1);
  assert.equal(last?.event, 'result');
  assert.equal(analysisResultSchema.parse(last?.data).id, 'sse-1');
  const unknown = await call('/v1/analyses/jobs/nope/events');
  assert.equal(unknown.status, 404);
});

test('history, models and stats', async () => {
  const history = await call('/v1/runs?limit=10');
  const runs = z.array(runSummarySchema).parse(await history.json());
  const chlorine = runs.find((r) => r.incidentId === 'cl2-yueyang-zh');
  assert.ok(chlorine);
  assert.deepEqual([chlorine.reportedAt, chlorine.location], [example.reportedAt, example.location], 'the list can show where and when, from the incident as submitted');
  const models = await (await call('/v1/models')).json() as Array<{ name: string; verified: boolean; loaded: boolean }>;
  assert.deepEqual(models.map((m) => [m.name, m.verified, m.loaded]), [['fire-spread-surrogate', true, true], ['flood-depth-surrogate', true, true], ['incident-classifier', true, true], ['plume-surrogate', true, true], ['report-screen', true, true], ['sensor-anomaly', true, true]]);
  const stats = await (await call('/v1/stats')).json() as { analysesTotal: number; agents: Record<string, { count: number }>; inference: Record<string, { requests: number; batchSizes: Record<string, number> }> };
  assert.ok((stats.inference['incident-classifier@3']?.requests ?? 0) >= 1, 'the classifier ran in a worker and the API reports it');
  assert.ok((stats.inference['plume-surrogate@1']?.batchSizes['768'] ?? 0) >= 1, 'a plume ensemble is one batch of 3 levels × 256 members');
  assert.ok(stats.analysesTotal >= 2);
  assert.ok((stats.agents.executor?.count ?? 0) >= 2);
});

test('a request for another host name (DNS rebinding) is refused even with the token', async () => {
  const { request } = await import('node:http');
  const status = await new Promise<number>((resolve, reject) => {
    const url = new URL(base + '/v1/runs');
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, headers: { host: 'evil.example:80', authorization: `Bearer ${token}` } }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
    req.on('error', reject);
    req.end();
  });
  assert.equal(status, 401);
});

test('the UI and its assets are served with the UI security headers (CSP, frame denial, nosniff, no referrer)', async () => {
  const page = await fetch(base + '/');
  assert.equal(page.status, 200);
  const html = await page.text();
  const script = /<script type="module"[^>]* src="\.\/([^"]+\.js)"/.exec(html)?.[1];
  assert.ok(script, 'index.html loads its entry script from assets/');
  const asset = await fetch(`${base}/${script}`);
  assert.equal(asset.status, 200);
  assert.match(asset.headers.get('content-type') ?? '', /javascript/);
  for (const response of [page, asset]) {
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/, response.url);
    assert.match(csp, /script-src 'self'(;|$)/, 'scripts only from the app: no inline script');
    assert.match(csp, /style-src 'self'(;|$)/, 'no inline style');
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
  }
});
