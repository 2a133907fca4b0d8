// Incident bodies under load (docs/hardening.md#load): admission by bytes as well as count, large bodies
// parsed off the serving thread (with the same answers as small ones), and /health answering while they are.
// Nothing here is timed: the bench (npm run bench:api) measures how long /health takes during a flood.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ERROR_CODES } from '../contract/errors.js';
import { parseIncident } from '../contract/parseIncident.js';
import { resolveConfig, type EngineConfig } from '../config.js';
import { Engine } from '../engine.js';
import { createLogger } from '../logging.js';
import { buildServer } from './app.js';
import { loadOrCreateTokens } from './apiToken.js';
import { IncidentParserPool, PARSER_WORKER_LIMITS } from './bodies/incidentParserPool.js';
import { GATED_PARSER_URL, LIMITS_PARSER_URL, ParseGate } from './bodies/testing/parseGate.js';

/** A valid incident of about `bytes` bytes as JSON: a gas sensor with one reading a minute. */
function largeIncident(bytes: number, text = 'Ammonia leak at the cold store, sensors along the fence'): Record<string, unknown> {
  const count = Math.ceil(bytes / 50);
  const readings = Array.from({ length: count }, (_, i) => ({ at: new Date(Date.UTC(2026, 10, 30) + i * 60_000).toISOString(), value: 10 + (i % 7) }));
  const sensors = [];
  for (let i = 0; i < readings.length; i += 10_000) sensors.push({ id: `fence-${i}`, kind: 'gas_ppm', readings: readings.slice(i, i + 10_000) });
  return { text, sensors };
}

async function start(overrides: Partial<EngineConfig>, incidentParsers?: IncidentParserPool) {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-load-'));
  const engine = await Engine.start(resolveConfig({ dataDir, workers: 1, ...overrides }), { logger: createLogger('silent') });
  const tokens = loadOrCreateTokens(dataDir);
  const app = buildServer(engine, { tokens, uiDir: null, ...(incidentParsers ? { incidentParsers } : {}) });
  const headers = { authorization: `Bearer ${tokens.operator}`, 'content-type': 'application/json' };
  const close = async () => { await app.close(); await engine.close(); };
  return { engine, app, headers, close };
}

test('beyond the body budget an incident is refused with SAFE_E_BUSY and Retry-After; every answer gives its bytes back', async (t) => {
  const { engine, app, headers, close } = await start({ maxIncidentBytesInFlight: 1024 * 1024 });
  t.after(close);
  const other = engine.bodyBudget.reserve(1024 * 1024 - 10); // another request's body, being read
  const refused = await app.inject({ method: 'POST', url: '/v1/analyses', headers, payload: { text: 'Gas explosion in the mall car park, 4 injured' } });
  assert.equal(refused.statusCode, 503, refused.body.slice(0, 200));
  assert.equal(refused.headers['retry-after'], '1');
  assert.equal(refused.json<{ code: string }>().code, ERROR_CODES.BUSY);
  const job = await app.inject({ method: 'POST', url: '/v1/analyses/jobs', headers, payload: { text: 'Gas explosion in the mall car park, 4 injured' } });
  assert.equal(job.statusCode, 503, 'a background job is refused up front too');
  other.release();

  const ok = await app.inject({ method: 'POST', url: '/v1/analyses', headers, payload: { text: 'Gas explosion in the mall car park, 4 injured' } });
  assert.equal(ok.statusCode, 200, ok.body);
  const bad = await app.inject({ method: 'POST', url: '/v1/analyses', headers, payload: { text: '' } });
  assert.equal(bad.statusCode, 400);
  const notJson = await app.inject({ method: 'POST', url: '/v1/analyses', headers, payload: '{"text":' });
  assert.equal(notJson.statusCode, 400);
  assert.equal(engine.bodyBudget.heldBytes, 0, 'answered, refused and failed requests all released their bytes');
});

test('a chunked body (no announced length) is counted as it arrives and refused once over the budget', async (t) => {
  const { engine, app, headers, close } = await start({ maxIncidentBytesInFlight: 1024 * 1024 });
  t.after(close);
  const other = engine.bodyBudget.reserve(600 * 1024);
  const body = JSON.stringify(largeIncident(600 * 1024));
  const chunked = await app.inject({ method: 'POST', url: '/v1/analyses', headers, payload: Readable.from([Buffer.from(body)]) });
  assert.equal(chunked.statusCode, 503, chunked.body.slice(0, 300));
  assert.equal(chunked.json<{ code: string }>().code, ERROR_CODES.BUSY);
  other.release();
  assert.equal(engine.bodyBudget.heldBytes, 0);
});

test('a background job holds its body\'s bytes until its analysis ends, not only until the 202', async (t) => {
  const { engine, app, headers, close } = await start({ maxConcurrentAnalyses: 1, maxQueuedInteractive: 4 });
  t.after(close);
  const first = engine.analyze(parseIncident({ text: 'Chlorine tank leaking at the rail yard, wind 3 m/s from the north' }));
  while (engine.health().queue.running === 0) await new Promise((resolve) => setImmediate(resolve));
  const runningBytes = engine.bodyBudget.heldBytes; // an in-process caller's incident is held too (Engine.holdIncident)
  const payload = JSON.stringify({ text: 'Levee breach upstream of the town, water rising' });
  const accepted = await app.inject({ method: 'POST', url: '/v1/analyses/jobs', headers, payload });
  assert.equal(accepted.statusCode, 202, accepted.body);
  assert.equal(engine.bodyBudget.heldBytes, runningBytes + Buffer.byteLength(payload), 'the queued job still holds its body');
  await first;
  const events = await app.inject({ url: accepted.json<{ events: string }>().events, headers });
  assert.match(events.body, /event: result/);
  assert.equal(engine.bodyBudget.heldBytes, 0);
});

test('a large incident is parsed and validated on a body-parsing worker, with the same answers as a small one', async (t) => {
  const pool = new IncidentParserPool(1);
  const { app, headers, close } = await start({ offThreadBodyBytes: 256 * 1024 }, pool);
  t.after(close);
  const incident = largeIncident(400 * 1024);
  const ok = await app.inject({ method: 'POST', url: '/v1/analyses', headers, payload: incident });
  assert.equal(ok.statusCode, 200, ok.body.slice(0, 300));
  assert.equal(ok.json<{ status: string }>().status, 'ok');
  assert.equal(pool.parsedCount, 1, 'parsed off the serving thread');

  const sensors = incident.sensors as Array<{ readings: Array<{ value: unknown }> }>;
  sensors[0]!.readings[5]!.value = 1e308;
  const bad = await app.inject({ method: 'POST', url: '/v1/analyses', headers, payload: incident });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual([bad.json<{ code: string }>().code, bad.json<{ field: string }>().field], [ERROR_CODES.INVALID_FIELD, 'sensors[0].readings[5].value']);
  const small = await app.inject({ method: 'POST', url: '/v1/analyses', headers, payload: { text: 'gas leak', sensors: [{ id: 's', kind: 'gas_ppm', readings: [{ at: '2026-11-30T09:00:00Z', value: 1e308 }] }] } });
  assert.equal(small.json<{ code: string }>().code, ERROR_CODES.INVALID_FIELD, 'the small path answers the same code');

  sensors[0]!.readings[5]!.value = 1;
  const poisoned = JSON.stringify(incident).replace('{"text"', '{"__proto__":{"x":1},"text"');
  const proto = await app.inject({ method: 'POST', url: '/v1/analyses', headers, payload: poisoned });
  assert.equal(proto.json<{ code: string }>().code, ERROR_CODES.INVALID_JSON);
  const broken = await app.inject({ method: 'POST', url: '/v1/analyses', headers, payload: JSON.stringify(incident).slice(0, -2) });
  assert.equal(broken.json<{ code: string }>().code, ERROR_CODES.INVALID_JSON);
  const constructor = JSON.stringify(incident).replace('{"text"', '{"constructor":{"prototype":{"x":1}},"text"');
  assert.equal((await app.inject({ method: 'POST', url: '/v1/analyses', headers, payload: constructor })).json<{ code: string }>().code, ERROR_CODES.INVALID_JSON);
  assert.equal(pool.parsedCount, 1, 'refused bodies are not counted as parsed');
});

test('a body-parsing worker idle for its idle time exits, and the next large body starts one again', async (t) => {
  const pool = new IncidentParserPool(1, undefined, 20);
  t.after(() => pool.close());
  const body = () => new TextEncoder().encode(JSON.stringify(largeIncident(300 * 1024)));
  assert.equal((await pool.parse(body())).sensors.length, 1);
  assert.equal(pool.workerCount, 1, 'the worker that parsed is alive right after');
  const deadline = Date.now() + 30_000;
  while (pool.workerCount > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  assert.equal(pool.workerCount, 0, 'the idle worker exited (its heap goes with it)');
  assert.equal((await pool.parse(body())).sensors.length, 1, 'a new worker parses the next body');
  assert.equal(pool.parsedCount, 2);
});

test('a body-parsing worker exits right after a body of retireAfterBytes or more, and keeps serving after smaller ones', async (t) => {
  const pool = new IncidentParserPool(1, undefined, 10 * 60_000, 200 * 1024);
  t.after(() => pool.close());
  const body = (bytes: number) => new TextEncoder().encode(JSON.stringify(largeIncident(bytes)));
  assert.equal((await pool.parse(body(50 * 1024))).sensors.length, 1);
  assert.equal(pool.workerCount, 1, 'a smaller body keeps its worker (until its idle time)');
  const large = await pool.parse(body(300 * 1024));
  assert.equal(large.sensors.length, 1);
  assert.equal(pool.workerCount, 0, 'the worker that parsed a large body is gone (its heap with it)');
  assert.deepEqual(await pool.parse(body(300 * 1024)), large, 'a new worker parses the next body, the same way');
  assert.equal(pool.parsedCount, 3);
});

test('a body-parsing worker starts with its young generation capped', async (t) => {
  // The limits worker answers with the resourceLimits its thread got, whatever the body (V8's default is 48 MB).
  const pool = new IncidentParserPool(1, { url: LIMITS_PARSER_URL });
  t.after(() => pool.close());
  const answer = await pool.parse(new TextEncoder().encode('{}')) as unknown as { resourceLimits: { maxYoungGenerationSizeMb: number } };
  assert.equal(answer.resourceLimits.maxYoungGenerationSizeMb, PARSER_WORKER_LIMITS.maxYoungGenerationSizeMb);
  assert.ok(PARSER_WORKER_LIMITS.maxYoungGenerationSizeMb <= 24, 'the cap is the agent workers\' (docs/hardening.md#memory)');
});

test('/health answers while large incidents are being parsed', async (t) => {
  // The gated workers hold every body until the gate opens: while they do, the serving thread must answer.
  const gate = new ParseGate();
  const pool = new IncidentParserPool(2, { url: GATED_PARSER_URL, workerData: gate.workerData });
  const { app, headers, close } = await start({ offThreadBodyBytes: 256 * 1024, maxQueuedInteractive: 16 }, pool);
  t.after(close);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const flood = Array.from({ length: 4 }, (_, i) => fetch(`${base}/v1/analyses`, {
    method: 'POST', headers, body: JSON.stringify(largeIncident(1024 * 1024, `Ammonia leak ${i} at the cold store`)),
  }).then(async (response) => ({ status: response.status, body: await response.text() })));
  const allAnswered = Promise.all(flood);
  let answeredFirst = false;
  void allAnswered.then(() => { answeredFirst = true; });
  while (pool.pending < 4) {
    assert.equal(answeredFirst, false, 'the flood was answered without reaching the body-parsing workers');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  for (let i = 0; i < 10; i++) {
    const health = await fetch(`${base}/health`);
    assert.equal(health.status, 200);
    assert.equal(pool.pending, 4, 'the bodies were still being parsed');
  }
  gate.open();
  const answers = await allAnswered;
  assert.deepEqual(answers.map((a) => a.status), [200, 200, 200, 200], answers.map((a) => a.body.slice(0, 200)).join('\n'));
  assert.equal(pool.parsedCount, 4);
});
