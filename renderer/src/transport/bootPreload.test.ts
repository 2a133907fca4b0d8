// The first page's requests sent before React renders (bootPreload.ts): one request each, handed to the
// page's first call; its error is that call's error; a refused token still reaches the status pill.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHttpTransport } from './httpTransport.js';
import { EngineError } from './engineTransport.js';
import { routeRunId, withBootPreload } from './bootPreload.js';

/** A fake engine behind fetch: records each request's path; `reply` decides the answer. */
function fakeEngine(reply: (path: string) => Response) {
  const paths: string[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (url: string) => {
    const path = new URL(url).pathname;
    paths.push(path);
    return reply(path);
  }) as typeof fetch;
  return { paths, restore: () => { globalThis.fetch = realFetch; } };
}
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
const storedRun = { run: { runId: 'r-1' }, incident: { id: 'inc-1', text: 'x' }, result: { id: 'inc-1', status: 'ok' } };

test('the route names the run to fetch early: a stored workspace, its briefing, a re-run form; not the live view', () => {
  assert.equal(routeRunId({ page: 'analysis', id: 'r-1' }), 'r-1');
  assert.equal(routeRunId({ page: 'analysis', id: 'live' }), null);
  assert.equal(routeRunId({ page: 'briefing', id: 'r-2' }), 'r-2');
  assert.equal(routeRunId({ page: 'new', fromRunId: 'r-3' }), 'r-3');
  assert.equal(routeRunId({ page: 'new' }), null);
  assert.equal(routeRunId({ page: 'incidents' }), null);
});

test('the session and then the run are asked for before any page asks, and the page\'s first calls get those answers without a second request', async () => {
  const engine = fakeEngine((path) => (path === '/v1/session' ? json({ access: 'operator' }) : json(storedRun)));
  try {
    const transport = withBootPreload(createHttpTransport('http://127.0.0.1:9', 'c'.repeat(64)), { page: 'analysis', id: 'r-1' });
    assert.deepEqual(engine.paths, ['/v1/session'], 'the session at once');
    assert.deepEqual(await transport.call('session', {}), { access: 'operator' });
    assert.deepEqual(await transport.run('r-1'), storedRun);
    assert.deepEqual(engine.paths, ['/v1/session', '/v1/runs/r-1'], 'the run once the operator\'s session said it may read it');
    assert.equal(engine.paths.length, 2, 'the page\'s first calls sent nothing more');
    // A retry, a reconnection, another run: asked again.
    await transport.run('r-1');
    await transport.call('session', {});
    await transport.run('r-2');
    assert.deepEqual(engine.paths.slice(2), ['/v1/runs/r-1', '/v1/session', '/v1/runs/r-2']);
  } finally {
    engine.restore();
  }
});

test('an early request\'s error is the page\'s call\'s error, and a refused token made before anyone listened still reaches the pill', async () => {
  const engine = fakeEngine((path) => (path === '/v1/session'
    ? json({ code: 'SAFE_E_UNAUTHORIZED', message: 'bad token' }, 401)
    : json({ code: 'SAFE_E_NOT_FOUND', message: 'no run', field: 'id' }, 404)));
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const transport = withBootPreload(createHttpTransport('http://127.0.0.1:9', 'd'.repeat(64)), { page: 'briefing', id: 'gone' });
    // Both answers are in before the app subscribes or the page asks.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const reports: string[] = [];
    transport.onCallReport((r) => reports.push(`${r.operation}:${r.outcome}`));
    assert.deepEqual(reports.sort(), ['run:failed', 'session:unauthorised'], 'the first listener hears what ended before it');
    await assert.rejects(transport.call('session', {}), (e: unknown) => e instanceof EngineError && e.body.code === 'SAFE_E_UNAUTHORIZED');
    await assert.rejects(transport.run('gone'), (e: unknown) => e instanceof EngineError && e.body.code === 'SAFE_E_NOT_FOUND' && e.body.field === 'id');
    assert.deepEqual(unhandled, [], 'an early failure is not an unhandled rejection');
    assert.equal(engine.paths.length, 2);
  } finally {
    process.off('unhandledRejection', onUnhandled);
    engine.restore();
  }
});

test('a read-only viewer\'s session: the run it may not read is not asked for; a page that asks anyway gets the engine\'s refusal', async () => {
  const engine = fakeEngine((path) => (path === '/v1/session'
    ? json({ access: 'viewer' })
    : json({ code: 'SAFE_E_FORBIDDEN', message: 'run needs the operator token', field: 'authorization' }, 403)));
  try {
    const transport = withBootPreload(createHttpTransport('http://127.0.0.1:9', 'e'.repeat(64)), { page: 'analysis', id: 'r-1' });
    assert.deepEqual(await transport.call('session', {}), { access: 'viewer' });
    // The early run is settled once the session has answered; then nothing but the session was sent.
    const asked = transport.run('r-1');
    await assert.rejects(asked, (e: unknown) => e instanceof EngineError && e.body.code === 'SAFE_E_FORBIDDEN');
    assert.deepEqual(engine.paths, ['/v1/session', '/v1/runs/r-1'], 'the run only when the page itself asked');
  } finally {
    engine.restore();
  }
});

test('a viewer\'s page that never asks for the run: only the session is requested', async () => {
  const engine = fakeEngine((path) => (path === '/v1/session' ? json({ access: 'viewer' }) : json(storedRun)));
  try {
    const transport = withBootPreload(createHttpTransport('http://127.0.0.1:9', 'f'.repeat(64)), { page: 'briefing', id: 'r-1' });
    assert.deepEqual(await transport.call('session', {}), { access: 'viewer' });
    // Let every promise the session's answer started run out (the run's request, if one were made, is sent by then).
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(engine.paths, ['/v1/session']);
  } finally {
    engine.restore();
  }
});
