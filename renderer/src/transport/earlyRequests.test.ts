// public/boot-requests.js (run before the bundle arrives) sends exactly the requests the app would send
// first for the address (same token, same paths), and the HTTP transport takes each answer once, for the
// same GET with the same token, then asks the engine itself (earlyRequests.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { httpRequestForArgs } from '../../../engine/contract/httpBindings.js';
import { parseRoute } from '../logic/routes.js';
import { routeRunId } from './bootPreload.js';
import { createHttpTransport } from './httpTransport.js';
import { EngineError } from './engineTransport.js';
import type { EarlyRequests } from './earlyRequests.js';

// dist/renderer/src/transport → the repository's renderer/public
const BOOT = readFileSync(new URL('../../../../renderer/public/boot-requests.js', import.meta.url), 'utf8');
const TOKEN = 'ab'.repeat(32);

/** Runs the boot script for an address: what it fetched (path, authorization) and what it left on the window. */
/** What the build writes into index.html: each page's files beyond the entry's (renderer/vite.config.ts). */
const PAGE_CHUNKS = { analysis: ['./assets/AnalysisPage-a.js', './assets/uplot-b.js'], briefing: ['./assets/BriefingPage-c.js'], edit: ['./assets/EditIncidentPage-d.js'], incidents: ['./assets/IncidentsPage-e.js'] };

function boot(hash: string, options: { stored?: string | null; bridge?: boolean; access?: 'operator' | 'viewer'; pageChunks?: string | null } = {}) {
  const fetched: Array<{ path: string; authorization: string | undefined }> = [];
  const preloaded: Array<{ rel: string; href: string }> = [];
  const listed = options.pageChunks === null ? null : { textContent: options.pageChunks ?? JSON.stringify(PAGE_CHUNKS) };
  const document = {
    getElementById: (id: string) => (id === 'page-chunks' ? listed : null),
    createElement: () => ({ rel: '', href: '', crossOrigin: null as string | null }),
    head: { appendChild: (link: { rel: string; href: string }) => preloaded.push({ rel: link.rel, href: link.href }) },
  };
  const window: { safeEdge?: object; safeEdgeEarlyRequests?: EarlyRequests } = options.bridge ? { safeEdge: {} } : {};
  runInNewContext(BOOT, {
    window, location: { hash }, document, setTimeout,
    sessionStorage: { getItem: (key: string) => (key === 'safe-edge-token' ? options.stored ?? null : null) },
    fetch: (path: string, init: { headers: Record<string, string> }) => {
      fetched.push({ path, authorization: init.headers.authorization });
      return Promise.resolve(new Response(path === '/v1/session' ? JSON.stringify({ access: options.access ?? 'operator' }) : '{}'));
    },
  });
  return { fetched, early: window.safeEdgeEarlyRequests, preloaded };
}

/** Lets the boot script's chained requests (the run after the session) go out. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test('the boot script asks for the session and the run the app would ask for first, with the same token', async () => {
  const hashes = ['#/analysis/r-1', '#/analysis/r%2F%C3%A9', '#/analysis/live', '#/analysis/r-2/briefing', '#/new/r-3', '#/new', '#/incidents', '#/device', ''];
  for (const hash of hashes) {
    for (const inAddress of [true, false]) {
      const { fetched, early } = boot(inAddress ? `${hash || '#'}&token=${TOKEN}` : hash, { stored: inAddress ? null : TOKEN });
      await settle();
      const runId = routeRunId(parseRoute(hash));
      const expected = [httpRequestForArgs('session', {}).path, ...(runId ? [httpRequestForArgs('run', { id: runId }).path] : [])];
      assert.deepEqual(fetched.map((f) => f.path), expected, hash);
      assert.ok(fetched.every((f) => f.authorization === `Bearer ${TOKEN}`), hash);
      assert.equal(early?.token, TOKEN);
      assert.deepEqual(Object.keys(early?.sent ?? {}), expected);
    }
  }
});

test('the boot script preloads the files of the address\'s page after its own requests, token or not, bridge or not', async () => {
  const hrefs = async (hash: string, options = {}) => {
    const { preloaded } = boot(hash, options);
    assert.equal(preloaded.length, 0, 'not before the entry, the session and the run have gone out');
    await settle();
    return preloaded.map((l) => `${l.rel} ${l.href}`);
  };
  assert.deepEqual(await hrefs(`#/analysis/r-1&token=${TOKEN}`), PAGE_CHUNKS.analysis.map((f) => `modulepreload ${f}`));
  assert.deepEqual(await hrefs('#/analysis/r-1/briefing'), PAGE_CHUNKS.briefing.map((f) => `modulepreload ${f}`), 'no token: the code still loads');
  assert.deepEqual(await hrefs('#/new/r-3', { bridge: true }), PAGE_CHUNKS.edit.map((f) => `modulepreload ${f}`), 'the desktop app too');
  assert.deepEqual(await hrefs(''), PAGE_CHUNKS.incidents.map((f) => `modulepreload ${f}`), 'the incidents list by default, as parseRoute');
  assert.deepEqual(await hrefs('#/analysis/r-1', { pageChunks: null }), [], 'a development page has no list');
  assert.deepEqual(await hrefs('#/analysis/r-1', { pageChunks: '{not json' }), [], 'nor does a damaged one stop anything');
  const damaged = boot(`#/analysis/r-1&token=${TOKEN}`, { pageChunks: '{not json' });
  await settle();
  assert.deepEqual(damaged.fetched.map((f) => f.path), ['/v1/session', '/v1/runs/r-1']);
});

test('a viewer token: the boot script asks for the session only, never for a run it may not read', async () => {
  const { fetched, early } = boot(`#/analysis/r-1&token=${TOKEN}`, { access: 'viewer' });
  await settle();
  assert.deepEqual(fetched.map((f) => f.path), ['/v1/session']);
  assert.deepEqual(Object.keys(early?.sent ?? {}), ['/v1/session'], 'nothing left for the transport to take');
});

test('no token, or the desktop app (its bridge needs no HTTP): the boot script sends nothing', () => {
  assert.deepEqual(boot('#/analysis/r-1').fetched, []);
  assert.deepEqual(boot(`#/analysis/r-1&token=${TOKEN}`, { bridge: true }).fetched, []);
});

test('the transport takes an early answer once, for the same path and token, then asks the engine', async () => {
  const paths: string[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (url: string) => { paths.push(new URL(url).pathname); return new Response(JSON.stringify({ access: 'operator', from: 'engine' })); }) as typeof fetch;
  try {
    const early: EarlyRequests = { token: TOKEN, sent: { '/v1/session': Promise.resolve(new Response(JSON.stringify({ access: 'operator', from: 'boot' }))) } };
    const transport = createHttpTransport('http://127.0.0.1:1', TOKEN, early);
    assert.deepEqual(await transport.call('session', {}), { access: 'operator', from: 'boot' });
    assert.deepEqual(paths, [], 'the first call took the answer already under way');
    assert.deepEqual(await transport.call('session', {}), { access: 'operator', from: 'engine' });
    assert.deepEqual(paths, ['/v1/session'], 'a later call asks the engine again');

    const otherToken: EarlyRequests = { token: 'cd'.repeat(32), sent: { '/v1/session': Promise.resolve(new Response('{"from":"boot"}')) } };
    assert.deepEqual(await createHttpTransport('http://127.0.0.1:1', TOKEN, otherToken).call('session', {}), { access: 'operator', from: 'engine' });

    // A boot request that got no reply is that call's error, as its own fetch's would be.
    const lost: EarlyRequests = { token: TOKEN, sent: { '/v1/runs/r-1': Promise.reject(new TypeError('Failed to fetch')) } };
    await assert.rejects(createHttpTransport('http://127.0.0.1:1', TOKEN, lost).run('r-1'), (err: unknown) => err instanceof EngineError && err.body.code === 'SAFE_UI_ENGINE_UNREACHABLE');
  } finally {
    globalThis.fetch = realFetch;
  }
});
