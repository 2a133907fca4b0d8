// Rows, retries and purge through the doors a user has (docs/hardening.md#rows-retries-and-purge): the
// HTTP API of a real engine and the `safe-edge` CLI. Stored bytes are changed with plain SQL from another
// connection, bypassing the engine, as a flipped bit on disk would change them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { resolveConfig } from '../engine/config.js';
import { Engine } from '../engine/engine.js';
import { createLogger } from '../engine/logging.js';
import { buildServer } from '../engine/server/app.js';
import { loadOrCreateTokens } from '../engine/server/apiToken.js';
import { DATABASE_FILE } from '../engine/store/database.js';
import { IDEMPOTENCY_KEY_HEADER } from '../engine/contract/operations.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'safe-edge.js');

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SAFE_EDGE_LOG: 'error' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Served { dataDir: string; engine: Engine; app: FastifyInstance; base: string; token: string }

async function serve(dataDir = mkdtempSync(join(tmpdir(), 'safe-rows-http-'))): Promise<Served> {
  const engine = await Engine.start(resolveConfig({ dataDir, workers: 1 }), { logger: createLogger('silent') });
  const { operator: token } = loadOrCreateTokens(dataDir);
  const app = buildServer(engine, { tokens: loadOrCreateTokens(dataDir), uiDir: null });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return { dataDir, engine, app, base, token };
}

async function stop(s: Served): Promise<void> {
  await s.app.close();
  await s.engine.close();
}

async function call(s: Served, method: 'GET' | 'POST', path: string, options: { body?: unknown; key?: string } = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${s.base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${s.token}`,
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.key !== undefined ? { [IDEMPOTENCY_KEY_HEADER]: options.key } : {}),
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: (response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : { text }) as Record<string, unknown> };
}

/** The result at the end of a background job's event stream. */
async function jobResult(s: Served, events: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${s.base}${events}?token=${s.token}`);
  const blocks = (await response.text()).trim().split('\n\n');
  const last = blocks.at(-1)?.split('\n') ?? [];
  assert.equal(last[0], 'event: result');
  return JSON.parse(last[1]?.slice('data: '.length) ?? 'null') as Record<string, unknown>;
}

const runsOf = (dataDir: string, incidentId: string): number => {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM runs WHERE incident_id = ?').get(incidentId) as { n: number }).n;
  } finally {
    db.close();
  }
};

const chlorine = (id: string, extra = '') => ({ id, text: `Chlorine tank car leaking at the rail yard, wind 3 m/s from the north${extra}` });

test('an Idempotency-Key makes a retried submission answer the run it made, across a restart; another request under it is 409', async () => {
  let s = await serve();
  try {
    const first = await call(s, 'POST', '/v1/analyses', { body: chlorine('idem-1'), key: 'key-1' });
    assert.equal(first.status, 200);
    const again = await call(s, 'POST', '/v1/analyses', { body: chlorine('idem-1'), key: 'key-1' });
    assert.deepEqual([again.status, again.body.runId], [200, first.body.runId], 'a retry answers the same run');

    // Sent twice at once (the first still running): the second joins it.
    const [a, b] = await Promise.all([0, 1].map(() => call(s, 'POST', '/v1/analyses', { body: chlorine('idem-2'), key: 'key-2' })));
    assert.equal(a?.body.runId, b?.body.runId);

    // The background-job route: the retry's stream ends with the run the first made.
    const job = await call(s, 'POST', '/v1/analyses/jobs', { body: chlorine('idem-3'), key: 'key-3' });
    assert.equal(job.status, 202);
    const made = await jobResult(s, job.body.events as string);
    const retried = await call(s, 'POST', '/v1/analyses/jobs', { body: chlorine('idem-3'), key: 'key-3' });
    assert.equal(retried.status, 202);
    assert.equal((await jobResult(s, retried.body.events as string)).runId, made.runId);

    // The same key with another incident: refused up front on both routes, nothing analysed.
    for (const path of ['/v1/analyses', '/v1/analyses/jobs']) {
      const conflict = await call(s, 'POST', path, { body: chlorine('idem-1', ', 4 hurt'), key: 'key-1' });
      assert.deepEqual([conflict.status, conflict.body.code, conflict.body.field], [409, 'SAFE_E_IDEMPOTENCY_CONFLICT', 'idempotencyKey'], path);
    }
    const tooLong = await call(s, 'POST', '/v1/analyses', { body: chlorine('idem-4'), key: 'k'.repeat(129) });
    assert.deepEqual([tooLong.status, tooLong.body.code, tooLong.body.field], [400, 'SAFE_E_INVALID_FIELD', 'idempotencyKey']);

    // Without a key a retry is a second run (what the key prevents).
    await call(s, 'POST', '/v1/analyses', { body: chlorine('idem-5') });
    await call(s, 'POST', '/v1/analyses', { body: chlorine('idem-5') });
    assert.deepEqual(['idem-1', 'idem-2', 'idem-3', 'idem-4', 'idem-5'].map((id) => runsOf(s.dataDir, id)), [1, 1, 1, 0, 2]);

    // The key is stored with the run: a new engine on the same data (after a crash between the commit
    // and the reply) still answers the run, and still refuses another request under the key.
    await stop(s);
    s = await serve(s.dataDir);
    const afterRestart = await call(s, 'POST', '/v1/analyses', { body: chlorine('idem-1'), key: 'key-1' });
    assert.deepEqual([afterRestart.status, afterRestart.body.runId], [200, first.body.runId]);
    assert.equal((await call(s, 'POST', '/v1/analyses', { body: chlorine('idem-1', '!'), key: 'key-1' })).status, 409);
    assert.equal(runsOf(s.dataDir, 'idem-1'), 1);
  } finally {
    await stop(s);
  }
});

test('a run whose stored bytes changed is refused with SAFE_E_RUN_DAMAGED over HTTP and by the CLI; sound runs are still served', async () => {
  const s = await serve();
  let damagedRunId = '';
  try {
    const run1 = await call(s, 'POST', '/v1/analyses', { body: { ...chlorine('dmg-1'), location: { lat: 29.37, lon: 113.09 } } });
    await call(s, 'POST', '/v1/analyses', { body: { ...chlorine('dmg-1', ', 2 hurt'), location: { lat: 29.37, lon: 113.09 } } });
    damagedRunId = run1.body.runId as string;
    assert.equal((await call(s, 'GET', `/v1/runs/${damagedRunId}`)).status, 200, 'sound before');

    // Another connection, plain SQL: one word inside the stored result changes.
    const db = new Database(join(s.dataDir, DATABASE_FILE));
    const changed = db.prepare("UPDATE runs SET result_json = replace(result_json, 'hazmat_release', 'hazmat_relaase') WHERE id = ?").run(damagedRunId).changes;
    db.close();
    assert.equal(changed, 1);

    for (const path of [`/v1/runs/${damagedRunId}`, '/v1/incidents/dmg-1/export', `/v1/runs/${damagedRunId}/zones.geojson`]) {
      const refused = await call(s, 'GET', path);
      assert.deepEqual([refused.status, refused.body.code], [409, 'SAFE_E_RUN_DAMAGED'], path);
      assert.match(String(refused.body.message), /restore/, `${path}: says what to do`);
    }
    const latest = await call(s, 'GET', '/v1/runs/dmg-1');
    assert.equal(latest.status, 200, 'the sound latest run is still shown');
    assert.deepEqual([(latest.body.previousDamaged as { code: string }).code, latest.body.changesSincePrevious], ['SAFE_E_RUN_DAMAGED', []]);
    const list = (await call(s, 'GET', '/v1/runs?limit=10')).body as unknown as Array<{ runId: string; text: string; damaged?: { code: string } }>;
    const listed = list.find((r) => r.runId === damagedRunId);
    assert.deepEqual([listed?.damaged?.code, listed?.text], ['SAFE_E_RUN_DAMAGED', '']);
  } finally {
    await stop(s);
  }
  const shown = cli(['show', damagedRunId, '--data-dir', s.dataDir]);
  assert.equal(shown.code, 2);
  assert.match(shown.stderr, /^SAFE_E_RUN_DAMAGED: /);
  assert.equal(shown.stdout, '', 'nothing of it is printed');
});

test('db purge: a bad day is refused with a coded error; a purge over HTTP and by the CLI removes incidents and cached answers', async () => {
  const s = await serve();
  try {
    for (const day of ['2026-02-30', '2026-1-5', 'yesterday']) {
      const bad = await call(s, 'POST', `/v1/db/purge?before=${day}`);
      assert.deepEqual([bad.status, bad.body.code, bad.body.field], [400, 'SAFE_E_INVALID_FIELD', 'before'], day);
    }
    await call(s, 'POST', '/v1/analyses', { body: chlorine('purge-1') });
    const kept = await call(s, 'POST', '/v1/db/purge?before=2000-01-01');
    assert.deepEqual([kept.status, kept.body.incidents], [200, 0], 'nothing is that old');
    const purged = await call(s, 'POST', '/v1/db/purge');
    assert.deepEqual([purged.status, purged.body.incidents, purged.body.runs, purged.body.walTruncated], [200, 1, 1, true]);
    assert.deepEqual((await call(s, 'GET', '/v1/runs')).body, []);
    // The cached answer went with it: the same question is analysed afresh.
    const fresh = await call(s, 'POST', '/v1/analyses', { body: chlorine('purge-1') });
    assert.equal(fresh.body.cached, undefined);
  } finally {
    await stop(s);
  }

  const badDay = cli(['db', 'purge', '--before', '2026-13-01', '--data-dir', s.dataDir]);
  assert.equal(badDay.code, 2);
  assert.match(badDay.stderr, /^SAFE_E_INVALID_FIELD: db purge --before: "2026-13-01": not a day of the calendar/);
  const byCli = cli(['db', 'purge', '--before', '2999-01-01', '--json', '--data-dir', s.dataDir]);
  assert.equal(byCli.code, 0, byCli.stderr);
  assert.deepEqual((JSON.parse(byCli.stdout) as { incidents: number }).incidents, 1);
  assert.equal(runsOf(s.dataDir, 'purge-1'), 0);
});

test('the CLI carries an idempotency key too: a batch run again answers the lines it saved', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-rows-cli-'));
  const batch = join(dataDir, 'batch.jsonl');
  writeFileSync(batch, `${JSON.stringify(chlorine('cli-1'))}\n${JSON.stringify(chlorine('cli-2'))}\n`);
  const runIds = () => {
    const r = cli(['analyze', batch, '--idempotency-key', 'batch-7', '--data-dir', dataDir]);
    assert.equal(r.code, 0, r.stderr);
    return r.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { runId: string }).runId);
  };
  const first = runIds();
  assert.deepEqual(runIds(), first);
  assert.deepEqual([runsOf(dataDir, 'cli-1'), runsOf(dataDir, 'cli-2')], [1, 1]);
  const bad = cli(['analyze', batch, '--idempotency-key', 'has space', '--data-dir', dataDir]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^SAFE_E_INVALID_FIELD: --idempotency-key/);
});
