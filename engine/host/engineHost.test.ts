// The desktop app's engine protocol over a real MessageChannel: the same requests the main process sends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MessageChannel } from 'node:worker_threads';
import { mkdtempSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../config.js';
import { Engine } from '../engine.js';
import { createLogger } from '../logging.js';
import type { HostMessage } from '../contract/hostProtocol.js';
import { serveEngineOverPort } from './engineHost.js';

test('health, analyze with progress, history, run and bad requests over a message port', async () => {
  const engine = await Engine.start(resolveConfig({ dataDir: mkdtempSync(join(tmpdir(), 'safe-host-')), workers: 1 }), { logger: createLogger('silent') });
  const { port1, port2 } = new MessageChannel();
  const messages: HostMessage[] = [];
  const waiters = new Map<number, (m: HostMessage) => void>();
  port2.on('message', (m: HostMessage) => {
    messages.push(m);
    if (m.type === 'reply') waiters.get(m.id)?.(m);
  });
  const ask = (request: Record<string, unknown> & { id: number }) => new Promise<HostMessage>((resolve) => {
    waiters.set(request.id, resolve);
    port2.postMessage(request);
  });
  try {
    serveEngineOverPort(engine, port1 as never);
    const health = await ask({ id: 1, op: 'health', args: {} });
    assert.ok(health.type === 'reply' && health.ok);
    const incident = JSON.parse(readFileSync(new URL('../../../examples/wildfire-village-en.json', import.meta.url), 'utf8')) as unknown;
    const analysed = await ask({ id: 2, op: 'analyze', args: { incident } });
    assert.ok(analysed.type === 'reply' && analysed.ok);
    const progress = messages.filter((m) => m.type === 'event' && m.requestId === 2);
    assert.ok(progress.length >= 8, 'agent started/finished events arrive before the reply');
    const history = await ask({ id: 3, op: 'runs', args: { limit: 5 } });
    assert.ok(history.type === 'reply' && history.ok && Array.isArray(history.value) && history.value.length === 1);
    const run = await ask({ id: 4, op: 'run', args: { id: 'fire-pinecrest-en' } });
    assert.ok(run.type === 'reply' && run.ok);
    const bad = await ask({ id: 5, op: 'analyze', args: { incident: { text: 'x', facts: { weather: { windSpeedMps: -1, windFromDeg: 0 } } } } });
    assert.ok(bad.type === 'reply' && !bad.ok && bad.error.code === 'SAFE_E_INVALID_FIELD' && bad.error.field === 'facts.weather.windSpeedMps');
    const unknown = await ask({ id: 6, op: 'format-disk', args: {} });
    assert.ok(unknown.type === 'reply' && !unknown.ok && unknown.error.code === 'SAFE_E_UNKNOWN_OPERATION' && unknown.error.field === 'op');
    const missing = await ask({ id: 7, op: 'run', args: { id: 'nope' } });
    assert.ok(missing.type === 'reply' && !missing.ok && missing.error.code === 'SAFE_E_NOT_FOUND');
    const badArgs = await ask({ id: 8, op: 'runs', args: { limit: 0 } });
    assert.ok(badArgs.type === 'reply' && !badArgs.ok && badArgs.error.code === 'SAFE_E_INVALID_FIELD' && badArgs.error.field === 'limit');
  } finally {
    port1.close();
    port2.close();
    await engine.close();
  }
});

test('a repeated question is answered from the analysis cache, re-addressed to its own id', async () => {
  const engine = await Engine.start(resolveConfig({ dataDir: mkdtempSync(join(tmpdir(), 'safe-cache-e2e-')), workers: 1 }), { logger: createLogger('silent') });
  try {
    const { parseIncident } = await import('../contract/parseIncident.js');
    const incident = parseIncident(JSON.parse(readFileSync(new URL('../../../examples/levee-breach-dongting-zh.json', import.meta.url), 'utf8')));
    const cold = await engine.analyze(incident);
    const warm = await engine.analyze({ ...incident, id: 'same-question' });
    assert.equal(cold.cached, undefined);
    assert.equal(warm.cached, true);
    assert.equal(warm.id, 'same-question');
    // It says when it was first computed: the cold answer's time, not the time it was served.
    assert.equal(warm.computedAt, cold.analysedAt);
    assert.equal(cold.computedAt, undefined);
    assert.deepEqual(warm.executor, cold.executor, 'the same answer');
    assert.notEqual(warm.runId, cold.runId, 'and still its own saved run');
    assert.equal((await engine.stats()).analysesTotal, 1, 'the agents ran once');
    const partialNeverCached = await engine.analyze({ ...incident, text: incident.text + '!' }, { useCache: false });
    assert.equal(partialNeverCached.cached, undefined);
  } finally {
    await engine.close();
  }
});

test('concurrent identical questions under different ids keep their own ids and incidents', async () => {
  const engine = await Engine.start(resolveConfig({ dataDir: mkdtempSync(join(tmpdir(), 'safe-ids-')), workers: 1 }), { logger: createLogger('silent') });
  try {
    const { parseIncident } = await import('../contract/parseIncident.js');
    const text = 'levee breach at the north dike, water rising';
    const [a, b] = await Promise.all([engine.analyze(parseIncident({ id: 'call-A', text })), engine.analyze(parseIncident({ id: 'call-B', text }))]);
    assert.deepEqual([a.id, b.id], ['call-A', 'call-B']);
    const anonymous = await engine.analyze(parseIncident({ text }));
    assert.ok(anonymous.id !== 'call-A' && anonymous.id !== 'call-B', 'a question without an id gets its own');
    const incidents = new Set(engine.runs({ limit: 10 }).map((r) => r.incidentId));
    assert.deepEqual([...incidents].sort(), [anonymous.id, 'call-A', 'call-B'].sort());
  } finally {
    await engine.close();
  }
});

test('an analysis that cannot be saved is still returned, marked with saveError', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-nosave-'));
  const engine = await Engine.start(resolveConfig({ dataDir, workers: 1 }), { logger: createLogger('silent') });
  // Another process holds the database's write lock past the engine's busy timeout: the save must fail.
  const blocker = new Database(join(dataDir, 'safe-edge.sqlite'));
  try {
    const { parseIncident } = await import('../contract/parseIncident.js');
    blocker.exec('BEGIN EXCLUSIVE');
    const result = await engine.analyze(parseIncident({ id: 'unsaved', text: 'levee breach' }));
    assert.equal(result.status, 'ok');
    assert.equal(result.runId, undefined);
    assert.equal(result.saveError?.code, 'SAFE_E_SAVE_FAILED');
    assert.match(result.saveError?.message ?? '', /not saved/);
  } finally {
    blocker.exec('ROLLBACK');
    blocker.close();
    await engine.close();
  }
});
