// Both transports against fakes of what they talk to: the desktop one against a fake preload bridge
// (progress passed through, engine errors surfaced with their stable code, engine status forwarded),
// the browser one against a fake fetch (requests built from the operations table).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SafeEdgeBridge, EngineStatus } from '../../../engine/contract/ipc.js';
import type { ProgressEventBody } from '../../../engine/contract/api.js';
import { createIpcTransport } from './ipcTransport.js';
import { createHttpTransport } from './httpTransport.js';
import { EngineError, resubmitting } from './engineTransport.js';

function fakeBridge() {
  const status = new Set<(s: EngineStatus) => void>();
  const calls: Array<{ name: string; args: unknown }> = [];
  const bridge = {
    invoke: async (name: string, args: { analysisId?: string }, onEvent?: (e: ProgressEventBody) => void) => {
      calls.push({ name, args });
      if (name === 'analyze') {
        onEvent?.({ analysisId: args.analysisId ?? '', agent: 'strategist', state: 'finished', atMs: 1, durationMs: 0.4 });
        return { id: args.analysisId, status: 'ok', models: {}, timingsMs: {} };
      }
      if (name === 'about') return { dataDir: '/data' };
      throw Object.assign(new Error('SAFE_E_NOT_FOUND: no run'), { body: { code: 'SAFE_E_NOT_FOUND', message: 'no run' } });
    },
    onEngineStatus: (l: (s: EngineStatus) => void) => { status.add(l); return () => status.delete(l); },
  } as unknown as SafeEdgeBridge;
  return { bridge, status, calls };
}

test('an analysis goes through the bridge with its id and its progress reaches the page', async () => {
  const { bridge, calls } = fakeBridge();
  const seen: ProgressEventBody[] = [];
  const result = await createIpcTransport(bridge).analyze({ id: 'inc-7', text: 'x' }, (e) => seen.push(e));
  assert.equal(result.id, 'inc-7');
  assert.deepEqual(seen.map((e) => [e.analysisId, e.agent]), [['inc-7', 'strategist']]);
  const { idempotencyKey, ...args } = (calls[0]?.args ?? {}) as { idempotencyKey?: string };
  assert.deepEqual({ name: calls[0]?.name, args }, { name: 'analyze', args: { incident: { id: 'inc-7', text: 'x' }, analysisId: 'inc-7' } });
  assert.match(idempotencyKey ?? '', /^ui-[0-9a-f]{32}$/, 'every submission carries an idempotency key');
});

test('a submission whose answer was lost is sent again with the same key; a new submission gets a new key', async () => {
  const { bridge, calls } = fakeBridge();
  let restarts = 1;
  const invoke = bridge.invoke.bind(bridge);
  // The engine dies once mid-analysis (the supervisor answers SAFE_E_ENGINE_RESTARTED), then answers.
  (bridge as { invoke: unknown }).invoke = async (name: string, args: never, onEvent?: never) => {
    if (name === 'analyze' && restarts-- > 0) {
      calls.push({ name, args });
      throw Object.assign(new Error('restarted'), { body: { code: 'SAFE_E_ENGINE_RESTARTED', message: 'the engine restarted' } });
    }
    return invoke(name as never, args, onEvent);
  };
  const transport = createIpcTransport(bridge);
  const result = await transport.analyze({ id: 'inc-8', text: 'x' }, () => {});
  assert.equal(result.id, 'inc-8');
  await transport.analyze({ id: 'inc-8', text: 'x' }, () => {});
  const keys = calls.map((c) => (c.args as { idempotencyKey: string }).idempotencyKey);
  assert.equal(keys.length, 3);
  assert.equal(keys[0], keys[1], 'the retry carries the first attempt\'s key');
  assert.notEqual(keys[2], keys[0], 'a new submission has its own key');
});

test('resubmitting stops at once on an answer that is a refusal, and after three lost answers', async () => {
  let sent = 0;
  const refusal = new EngineError({ code: 'SAFE_E_IDEMPOTENCY_CONFLICT', message: 'other submission' });
  await assert.rejects(resubmitting(async () => { sent++; throw refusal; }, 0), (e) => e === refusal);
  assert.equal(sent, 1);
  sent = 0;
  await assert.rejects(resubmitting(async () => { sent++; throw new EngineError({ code: 'SAFE_UI_ENGINE_UNREACHABLE', message: 'Failed to fetch' }); }, 0));
  assert.equal(sent, 3);
});

test('engine errors arrive as EngineError with the stable code; conveniences map to operations', async () => {
  const { bridge, calls } = fakeBridge();
  const transport = createIpcTransport(bridge);
  await assert.rejects(transport.run('x'), (e: unknown) => e instanceof EngineError && e.body.code === 'SAFE_E_NOT_FOUND');
  assert.equal((await transport.about()).dataDir, '/data');
  assert.deepEqual(calls.map((c) => [c.name, c.args]), [['run', { id: 'x' }], ['about', {}]]);
});

test('an analysis the engine could not save comes back as its result with saveError; other errors stay errors', async () => {
  const result = { id: 'full', status: 'ok', models: {}, timingsMs: {}, saveError: { code: 'SAFE_E_SAVE_FAILED', message: 'the analysis was not saved: the disk holding the data directory is full' } };
  let body: unknown = { code: 'SAFE_E_SAVE_FAILED', message: result.saveError.message, result };
  // As the preload rejects: an Error carrying the engine's error body (electron/preload.ts).
  const bridge = { invoke: async () => { throw Object.assign(new Error('refused'), { body }); } } as unknown as SafeEdgeBridge;
  const shown = await createIpcTransport(bridge).analyze({ id: 'full', text: 'x' }, () => {});
  assert.equal(shown.id, 'full');
  assert.equal(shown.saveError?.code, 'SAFE_E_SAVE_FAILED');
  body = { code: 'SAFE_E_BUSY', message: 'queue full' };
  await assert.rejects(createIpcTransport(bridge).analyze({ id: 'busy', text: 'x' }, () => {}), (e: unknown) => e instanceof EngineError && e.body.code === 'SAFE_E_BUSY');
});

test('engine status from the supervisor reaches the UI', () => {
  const { bridge, status } = fakeBridge();
  const states: string[] = [];
  const stop = createIpcTransport(bridge).onEngineStatus?.((s) => states.push(s.state));
  for (const l of status) l({ state: 'restarting', restarts: 1 });
  stop?.();
  assert.deepEqual(states, ['restarting']);
  assert.equal(status.size, 0);
});

test('the browser transport builds each request from the operations table and keeps error codes', async () => {
  const requests: Array<{ url: string; method: string; auth: string | null }> = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    requests.push({ url, method: init.method ?? 'GET', auth: new Headers(init.headers).get('authorization') });
    if (url.includes('/v1/runs/missing')) return new Response(JSON.stringify({ code: 'SAFE_E_NOT_FOUND', message: 'no run', field: 'id' }), { status: 404 });
    return new Response('[]', { status: 200 });
  }) as typeof fetch;
  try {
    const transport = createHttpTransport('http://127.0.0.1:9', 'a'.repeat(64));
    await transport.history(5);
    await assert.rejects(transport.run('missing'), (e: unknown) => e instanceof EngineError && e.body.code === 'SAFE_E_NOT_FOUND' && e.body.field === 'id');
    assert.deepEqual(requests.map((r) => [r.method, r.url]), [['GET', 'http://127.0.0.1:9/v1/runs?limit=5'], ['GET', 'http://127.0.0.1:9/v1/runs/missing']]);
    assert.ok(requests.every((r) => r.auth === `Bearer ${'a'.repeat(64)}`));
  } finally {
    globalThis.fetch = realFetch;
  }
});

test('no reply at all is SAFE_UI_ENGINE_UNREACHABLE, a non-JSON reply SAFE_UI_BAD_REPLY; every call reports its outcome', async () => {
  const realFetch = globalThis.fetch;
  let mode: 'down' | 'html' | 'unauthorised' | 'ok' = 'down';
  globalThis.fetch = (async () => {
    if (mode === 'down') throw new TypeError('Failed to fetch');
    if (mode === 'html') return new Response('<html>502 Bad Gateway</html>', { status: 502 });
    if (mode === 'unauthorised') return new Response(JSON.stringify({ code: 'SAFE_E_UNAUTHORIZED', message: 'bad token' }), { status: 401 });
    return new Response('[]', { status: 200 });
  }) as typeof fetch;
  try {
    const transport = createHttpTransport('http://127.0.0.1:9', 'b'.repeat(64));
    const reports: string[] = [];
    transport.onCallReport((r) => reports.push(`${r.operation}:${r.outcome}`));
    await assert.rejects(transport.history(5), (e: unknown) => e instanceof EngineError && e.body.code === 'SAFE_UI_ENGINE_UNREACHABLE' && e.body.message === 'Failed to fetch');
    mode = 'html';
    await assert.rejects(transport.run('x'), (e: unknown) => e instanceof EngineError && e.body.code === 'SAFE_UI_BAD_REPLY' && e.body.message.startsWith('HTTP 502'));
    mode = 'unauthorised';
    await assert.rejects(transport.call('stats', {}), (e: unknown) => e instanceof EngineError && e.body.code === 'SAFE_E_UNAUTHORIZED');
    mode = 'ok';
    await transport.history(5);
    assert.deepEqual(reports, ['runs:unreachable', 'run:failed', 'stats:unauthorised', 'runs:ok']);
  } finally {
    globalThis.fetch = realFetch;
  }
});

test('the browser transport sends each submission\'s key as Idempotency-Key, and the same key when it sends it again', async () => {
  const realFetch = globalThis.fetch;
  const realEventSource = (globalThis as { EventSource?: unknown }).EventSource;
  const posts: Array<string | null> = [];
  let down = true;
  globalThis.fetch = (async (_url: string, init: RequestInit) => {
    posts.push(new Headers(init.headers).get('idempotency-key'));
    // The first reply is lost (the engine restarting), the second arrives.
    if (down) { down = false; throw new TypeError('Failed to fetch'); }
    return new Response(JSON.stringify({ analysisId: 'inc-9', events: '/v1/analyses/jobs/j1/events' }), { status: 202 });
  }) as typeof fetch;
  // The job's stream: its result at once.
  (globalThis as { EventSource?: unknown }).EventSource = class {
    static readonly CLOSED = 2;
    readyState = 1;
    onerror: (() => void) | null = null;
    constructor(readonly url: string) {}
    addEventListener(kind: string, listener: (e: unknown) => void) {
      if (kind === 'result') queueMicrotask(() => listener({ type: 'result', data: JSON.stringify({ id: 'inc-9', status: 'ok', models: {}, timingsMs: {} }) }));
    }
    close() { this.readyState = 2; }
  };
  try {
    const transport = createHttpTransport('http://127.0.0.1:9', null);
    assert.equal((await transport.analyze({ id: 'inc-9', text: 'x' }, () => {})).id, 'inc-9');
    await transport.analyze({ id: 'inc-9', text: 'x' }, () => {});
    assert.equal(posts.length, 3);
    assert.match(posts[0] ?? '', /^ui-[0-9a-f]{32}$/);
    assert.equal(posts[1], posts[0], 'sent again with the same key');
    assert.notEqual(posts[2], posts[0], 'a new submission, a new key');
  } finally {
    globalThis.fetch = realFetch;
    (globalThis as { EventSource?: unknown }).EventSource = realEventSource;
  }
});
