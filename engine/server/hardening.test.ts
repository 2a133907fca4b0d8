// Small hardening fixes, each with the failure it prevents: transient refusals say when to retry, a
// background job is refused up front rather than accepted and failed, long ids can be fetched, readings
// that would overflow the trend are refused, and the CLI refuses what the API refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import { parseIncident, parseIncidentText } from '../contract/parseIncident.js';
import { resolveConfig } from '../config.js';
import { Engine } from '../engine.js';
import { createLogger } from '../logging.js';
import { buildServer } from './app.js';
import { registerErrorReplies } from './plugins/errorReplies.js';
import { loadOrCreateTokens } from './apiToken.js';

const coded = (code: string, field?: string) => (err: unknown) => {
  assert.ok(err instanceof SafeError, String(err));
  assert.equal(err.code, code, err.message);
  if (field !== undefined) assert.equal(err.field, field);
  return true;
};

test('a transient refusal carries Retry-After; a bad request does not', async () => {
  const app = Fastify();
  registerErrorReplies(app, createLogger('silent'));
  app.get('/busy', async () => { throw new SafeError(ERROR_CODES.BUSY, 'busy'); });
  app.get('/closing', async () => { throw new SafeError(ERROR_CODES.SHUTTING_DOWN, 'closing'); });
  app.get('/bad', async () => { throw new SafeError(ERROR_CODES.INVALID_FIELD, 'bad', 'x'); });
  const busy = await app.inject('/busy');
  assert.deepEqual([busy.statusCode, busy.headers['retry-after']], [503, '1']);
  const closing = await app.inject('/closing');
  assert.deepEqual([closing.statusCode, closing.headers['retry-after']], [503, '5']);
  const bad = await app.inject('/bad');
  assert.deepEqual([bad.statusCode, bad.headers['retry-after']], [400, undefined]);
  await app.close();
});

test('a background job is refused with SAFE_E_BUSY when the queue is full, never accepted and then failed', async () => {
  const engine = await Engine.start(resolveConfig({ dataDir: mkdtempSync(join(tmpdir(), 'safe-busy-')), workers: 1, maxConcurrentAnalyses: 1, maxQueuedInteractive: 0 }), { logger: createLogger('silent') });
  try {
    const first = engine.analyze(parseIncident({ text: 'Chlorine tank leaking at the rail yard, wind 3 m/s from the north' }));
    // Wait until the first analysis holds the only slot (it runs for far longer than a turn of the loop).
    while (engine.health().queue.running === 0) await new Promise((resolve) => setImmediate(resolve));
    assert.throws(() => engine.submitAnalysis(parseIncident({ text: 'Levee breach upstream of the town' })), coded(ERROR_CODES.BUSY));
    assert.equal((await first).status, 'ok');
    // With the slot free again the same job is accepted.
    assert.match(engine.submitAnalysis(parseIncident({ text: 'Levee breach upstream of the town' })).events, /\/v1\/analyses\/jobs\/.+\/events$/);
  } finally {
    await engine.close();
  }
});

test('ids up to the schema\'s 128 characters can be fetched back', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-ids-'));
  const engine = await Engine.start(resolveConfig({ dataDir, workers: 1 }), { logger: createLogger('silent') });
  const tokens = loadOrCreateTokens(dataDir);
  const app = buildServer(engine, { tokens, uiDir: null });
  try {
    for (const id of ['a'.repeat(128), `run:${'x.y-z_'.repeat(20)}`]) {
      const post = await app.inject({ method: 'POST', url: '/v1/analyses', headers: { authorization: `Bearer ${tokens.operator}`, 'content-type': 'application/json' }, payload: { id, text: 'Building collapsed after the gas explosion, 3 trapped' } });
      assert.equal(post.statusCode, 200, post.body);
      const get = await app.inject({ url: `/v1/runs/${encodeURIComponent(id)}`, headers: { authorization: `Bearer ${tokens.operator}` } });
      assert.equal(get.statusCode, 200, get.body.slice(0, 200));
      assert.equal((get.json() as { run: { incidentId: string } }).run.incidentId, id);
    }
  } finally {
    await app.close();
    await engine.close();
  }
});

test('sensor readings beyond any sensor\'s range are refused by field instead of overflowing the trend', () => {
  const reading = (value: number) => ({ at: '2026-11-30T09:00:00Z', value });
  const incident = (value: number) => ({ text: 'gas leak', sensors: [{ id: 's', kind: 'gas_ppm', readings: [reading(1), reading(value)] }] });
  assert.throws(() => parseIncident(incident(1e308)), coded(ERROR_CODES.INVALID_FIELD, 'sensors[0].readings[1].value'));
  assert.throws(() => parseIncident(incident(-1.7e308)), coded(ERROR_CODES.INVALID_FIELD, 'sensors[0].readings[1].value'));
  assert.throws(() => parseIncident({ ...incident(1), sensors: [{ id: 's', kind: 'gas_ppm', thresholdValue: 1e300, readings: [reading(1)] }] }), coded(ERROR_CODES.INVALID_FIELD, 'sensors[0].thresholdValue'));
  assert.equal(parseIncident(incident(5e11)).sensors?.[0]?.readings[1]?.value, 5e11);
});

test('the CLI refuses a __proto__ key as the HTTP API does', () => {
  assert.throws(() => parseIncidentText('{"text":"fire","__proto__":{"polluted":true}}'), coded(ERROR_CODES.INVALID_JSON));
  assert.throws(() => parseIncidentText('{"text":"fire","facts":{"__proto__":{"deaths":1}}}'), coded(ERROR_CODES.INVALID_JSON));
  assert.equal(parseIncidentText('{"text":"fire","constructor":1}').text, 'fire', 'constructor keys are accepted by both (fastify\'s default)');
});
