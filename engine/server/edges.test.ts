// Every answer fastify gives by itself is a coded error body too (docs/hardening.md, Edges), checked on a
// real socket because some of them (an unparseable request, a request arriving while the server closes)
// never reach fastify's inject: unknown routes, a malformed URL, a non-canonical path to the UI's files, a
// path segment longer than any id, the Host check and the viewer's 403, and the 503 while shutting down.
// And ids of 101–128 characters, valid by the schema, are fetched back by every route that takes one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { isErrorCode } from '../contract/errors.js';
import { resolveConfig } from '../config.js';
import { Engine } from '../engine.js';
import { createLogger } from '../logging.js';
import { buildServer } from './app.js';
import { loadOrCreateTokens, type ApiTokens } from './apiToken.js';

let engine: Engine;
let app: FastifyInstance;
let base: string;
let tokens: ApiTokens;

before(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-edges-'));
  const uiDir = join(dataDir, 'ui');
  mkdirSync(join(uiDir, 'assets'), { recursive: true });
  writeFileSync(join(uiDir, 'index.html'), '<!doctype html><title>ui</title>');
  writeFileSync(join(uiDir, 'assets', 'app.js'), '');
  engine = await Engine.start(resolveConfig({ dataDir, workers: 1 }), { logger: createLogger('silent') });
  tokens = loadOrCreateTokens(dataDir);
  app = buildServer(engine, { tokens, uiDir });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});
after(async () => {
  await app.close();
  await engine.close();
});

const operator = () => ({ authorization: `Bearer ${tokens.operator}` });

/** One raw HTTP exchange (bytes as typed, so fetch cannot normalise the path), the connection closed after it. */
function rawExchange(request: string, port = new URL(base).port): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => { received += chunk; });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = received.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head, body });
    });
    socket.write(request); // each request asks "Connection: close": the server ends the exchange
  });
}
const rawGet = (path: string, host = '127.0.0.1') => rawExchange(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${tokens.operator}\r\nConnection: close\r\n\r\n`);

/** A contract error body: a known code, a message, and the status the code has. */
function assertCoded(got: { status: number; body: string }, status: number, code: string, field?: string): void {
  const body = JSON.parse(got.body) as { code: unknown; message: unknown; field?: unknown };
  assert.equal(got.status, status, got.body);
  assert.ok(isErrorCode(body.code), got.body);
  assert.equal(body.code, code, got.body);
  assert.equal(typeof body.message, 'string');
  if (field !== undefined) assert.equal(body.field, field);
}

test('an unknown route and a method a route does not take are coded 404s', async () => {
  assertCoded(await rawGet('/v1/nothing-here'), 404, 'SAFE_E_UNKNOWN_OPERATION', 'url');
  const del = await fetch(`${base}/v1/runs`, { method: 'DELETE', headers: operator() });
  assertCoded({ status: del.status, body: await del.text() }, 404, 'SAFE_E_UNKNOWN_OPERATION', 'url');
});

test('a malformed URL and an over-long path segment are coded 400s naming the url', async () => {
  assertCoded(await rawGet('/v1/runs/%E0%A4%A'), 400, 'SAFE_E_INVALID_FIELD', 'url');
  const long = await rawGet(`/v1/runs/${'%C3%A9'.repeat(400)}`);
  assert.equal(long.status >= 400 && long.status < 500, true, long.body);
  assert.ok(isErrorCode((JSON.parse(long.body) as { code: unknown }).code), long.body);
});

test('a non-canonical path to the UI\'s files is refused with a code, not an internal error', async () => {
  assert.equal((await rawGet('/assets/app.js')).status, 200);
  for (const path of ['/assets/../index.html', '/assets/./app.js', '//assets/app.js', '/assets%2f..%2findex.html']) {
    const got = await rawGet(path);
    assert.ok(got.status === 400 || got.status === 404, `${path}: ${got.status} ${got.body}`);
    assert.ok(isErrorCode((JSON.parse(got.body) as { code: unknown }).code), `${path}: ${got.body}`);
    assert.notEqual(got.status, 500);
  }
  assertCoded(await rawGet('/assets/../index.html'), 400, 'SAFE_E_INVALID_FIELD', 'url');
});

test('a request that is not HTTP at all, or whose headers are too large, gets a coded body', async () => {
  assertCoded(await rawExchange('NOT HTTP\r\n\r\n'), 400, 'SAFE_E_INVALID_FIELD', '(request)');
  const huge = await rawExchange(`GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: ${'x'.repeat(32 * 1024)}\r\n\r\n`);
  assertCoded(huge, 413, 'SAFE_E_INPUT_TOO_LARGE', 'headers');
});

test('the Host check (401) and the viewer token on an operator route (403) are coded', async () => {
  assertCoded(await rawGet('/v1/runs', 'attacker.example'), 401, 'SAFE_E_UNAUTHORIZED', 'host');
  const viewer = await fetch(`${base}/v1/runs`, { headers: { authorization: `Bearer ${tokens.viewer}` } });
  assertCoded({ status: viewer.status, body: await viewer.text() }, 403, 'SAFE_E_FORBIDDEN', 'authorization');
});

test('ids of 101–128 characters are fetched back by the run, incident and zone routes; jobs answer by code', async () => {
  for (const length of [101, 128]) {
    const id = `edge.${'a-b_c:'.repeat(30)}`.slice(0, length);
    assert.equal(id.length, length);
    const post = await fetch(`${base}/v1/analyses`, { method: 'POST', headers: { ...operator(), 'content-type': 'application/json' }, body: JSON.stringify({ id, text: 'Chlorine tank leaking at the rail yard, wind 3 m/s from the north', location: { lat: 31.2, lon: 121.5 } }) });
    assert.equal(post.status, 200, await post.clone().text());
    const encoded = encodeURIComponent(id);
    for (const path of [`/v1/runs/${encoded}`, `/v1/runs?incidentId=${encoded}`, `/v1/incidents/${encoded}/export`, `/v1/runs/${encoded}/zones.geojson`, `/v1/runs/${encoded}/zones.kml`]) {
      const got = await fetch(base + path, { headers: operator() });
      const text = await got.text();
      assert.equal(got.status, 200, `${path}: ${text.slice(0, 200)}`);
      assert.ok(text.includes(id), `${path} names the incident`);
    }
    // A job id is the engine's (a UUID): a long one is a job that does not exist, said with its code.
    const job = await fetch(`${base}/v1/analyses/jobs/${'j'.repeat(length)}/events`, { headers: operator() });
    assertCoded({ status: job.status, body: await job.text() }, 404, 'SAFE_E_NOT_FOUND', 'jobId');
  }
  const tooLong = await fetch(`${base}/v1/runs/${'a'.repeat(129)}`, { headers: operator() });
  assertCoded({ status: tooLong.status, body: await tooLong.text() }, 400, 'SAFE_E_INVALID_FIELD', 'id');
});

// The timeout bounds a failure: without the coded refusal no onSend hook sees the second request and the test would wait forever.
test('a request arriving while the server closes is refused with SAFE_E_SHUTTING_DOWN and Retry-After', { timeout: 30_000 }, async () => {
  // Its own server: this one is closed by the test. A request held open keeps its keep-alive connection
  // busy, so the request pipelined behind it reaches the server after close() began (as a client's would).
  const closing = buildServer(engine, { tokens: null, uiDir: null });
  let entered!: () => void;
  const held = new Promise<void>((resolve) => { entered = resolve; });
  let release!: () => void;
  const released = new Promise<void>((resolve) => { release = resolve; });
  let secondAnswered!: () => void;
  const answered = new Promise<void>((resolve) => { secondAnswered = resolve; });
  closing.get('/held', async () => { entered(); await released; return { held: true }; });
  closing.addHook('onSend', async (request, _reply, payload) => { if (request.url === '/health') secondAnswered(); return payload; });
  const port = new URL(await closing.listen({ host: '127.0.0.1', port: 0 })).port;
  const socket = connect(Number(port), '127.0.0.1');
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => { received += chunk; });
  const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.write('GET /held HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
  await held;
  const closed = closing.close();
  socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
  // The pipelined request is answered while the first is still held; then the first is let go.
  await answered;
  release();
  await ended;
  await closed;
  const responses = received.split(/(?=HTTP\/1\.1 )/);
  assert.equal(responses.length, 2, received);
  assert.match(responses[0] ?? '', /^HTTP\/1\.1 200/);
  const second = responses[1] ?? '';
  assert.match(second, /^HTTP\/1\.1 503/);
  assert.match(second, /\r\nretry-after: 5\r\n/i);
  const body = JSON.parse(second.split('\r\n\r\n')[1] ?? '') as { code: string };
  assert.equal(body.code, 'SAFE_E_SHUTTING_DOWN');
});
