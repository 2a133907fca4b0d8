// Rows that integrity_check cannot see, retried submissions and purging, at the store
// (docs/hardening.md#rows-retries-and-purge). Bytes are changed with plain SQL, bypassing the engine, as a
// flipped bit on disk would change them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parseIncident } from '../contract/parseIncident.js';
import type { AnalysisResult } from '../contract/result.js';
import { DATABASE_FILE, openDatabase, SAFE_EDGE_APPLICATION_ID } from './database.js';
import { MIGRATIONS } from './migrations.js';
import { AnalysisStore } from './analysisStore.js';
import { checkDatabase, securePurge } from './maintenance.js';
import { runChecksum } from './runChecksum.js';

const result = (id: string, analysedAt?: string): AnalysisResult => ({
  id, status: 'ok', models: { 'incident-classifier': '1', 'plume-surrogate': '2' }, timingsMs: { total: 12 },
  strategist: { type: 'hazmat_release', severity: 'II' } as AnalysisResult['strategist'], ...(analysedAt ? { analysedAt } : {}),
});
const damagedCode = (err: { code?: string }) => err.code === 'SAFE_E_RUN_DAMAGED';

function storeIn(dir = mkdtempSync(join(tmpdir(), 'safe-rows-'))) {
  const db = openDatabase(dir);
  return { dir, db, store: new AnalysisStore(db) };
}

test('a byte changed inside a run is refused on every read, listed as damaged, and integrity_check does not see it', () => {
  const { db, store } = storeIn();
  const first = store.saveRun(parseIncident({ id: 'cl-1', text: 'chlorine tank car leaking' }), result('cl-1'));
  const second = store.saveRun(parseIncident({ id: 'cl-1', text: 'chlorine tank car leaking, 2 hurt' }), result('cl-1'));
  const other = store.saveRun(parseIncident({ id: 'fl-1', text: 'levee breach' }), result('fl-1'));
  assert.equal(store.find(first.runId as string)?.result.strategist?.severity, 'II', 'sound runs read as saved');

  // One byte of the stored result: severity II becomes III inside result_json.
  db.prepare("UPDATE runs SET result_json = replace(result_json, '\"severity\":\"II\"', '\"severity\":\"III\"') WHERE id = ?").run(first.runId);
  assert.deepEqual(checkDatabase(db), ['ok'], 'integrity_check cannot see a changed row');
  assert.throws(() => store.find(first.runId as string), damagedCode);
  assert.throws(() => store.incidentRuns('cl-1'), damagedCode, 'the handover export reads every run');
  assert.throws(() => store.previous({ ...store.history(10, 'cl-1')[0]!, seq: 2 }), damagedCode, 'comparing with it');
  const listed = store.history(10);
  const damaged = listed.find((r) => r.runId === first.runId);
  assert.equal(damaged?.damaged?.code, 'SAFE_E_RUN_DAMAGED');
  assert.deepEqual([damaged?.text, damaged?.type, damaged?.severity, damaged?.status], ['', null, null, 'error'], 'nothing it holds is listed');
  assert.ok(listed.filter((r) => r.runId !== first.runId).every((r) => r.damaged === undefined && r.text !== ''), 'the other runs are listed as they are');
  assert.equal(store.find(second.runId as string)?.runId, second.runId);
  assert.equal(store.find(other.runId as string)?.runId, other.runId);

  // A column of its own, and a model version in run_models, are covered too.
  db.prepare("UPDATE runs SET severity = 'I' WHERE id = ?").run(second.runId);
  assert.throws(() => store.find(second.runId as string), damagedCode);
  db.prepare("UPDATE run_models SET model_version = '3' WHERE run_id = ? AND model_name = 'plume-surrogate'").run(other.runId);
  assert.throws(() => store.find(other.runId as string), damagedCode);
  db.close();
});

test('migration 5 gives the runs already stored their checksum, and they verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-rows-'));
  // A database as schema v4 left it, with one run written the way that engine wrote runs.
  const old = new Database(join(dir, DATABASE_FILE));
  for (const sql of MIGRATIONS.slice(0, 4)) old.exec(sql);
  old.pragma('user_version = 4');
  old.pragma(`application_id = ${SAFE_EDGE_APPLICATION_ID}`);
  old.prepare("INSERT INTO incidents (id, created_at, updated_at, latest_text, run_count) VALUES ('old', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'levee breach', 1)").run();
  old.prepare(`INSERT INTO runs (id, incident_id, seq, created_at, status, type, severity, total_ms, incident_json, result_json)
    VALUES ('run-old', 'old', 1, '2026-01-01T00:00:00.000Z', 'ok', 'flood', 'III', 9, ?, ?)`).run(JSON.stringify({ id: 'old', text: 'levee breach' }), JSON.stringify({ ...result('old'), runId: 'run-old' }));
  old.prepare("INSERT INTO run_models VALUES ('run-old', 'incident-classifier', '1')").run();
  old.close();

  const { db, store } = storeIn(dir);
  assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
  const row = db.prepare("SELECT * FROM runs WHERE id = 'run-old'").get() as Parameters<typeof runChecksum>[0] & { checksum: string };
  assert.equal(row.checksum, runChecksum(row, { 'incident-classifier': '1' }));
  assert.equal(store.find('run-old')?.incident.text, 'levee breach');
  db.prepare("UPDATE runs SET incident_json = replace(incident_json, 'levee', 'lever') WHERE id = 'run-old'").run();
  assert.throws(() => store.find('run-old'), damagedCode);
  db.close();
});

test('a submission key is stored with its run: the same key answers that run; with another request, a coded conflict', () => {
  const { db, store } = storeIn();
  const incident = parseIncident({ id: 'q-1', text: 'M6.8 earthquake' });
  const first = store.saveRun(incident, result('q-1'), { key: 'k-1', requestSha256: 'aaa' });
  assert.deepEqual(store.findSubmission('k-1')?.run.result, first);
  assert.equal(store.findSubmission('k-1')?.requestSha256, 'aaa');
  // Another process saving the same submission (a race the engine's own map cannot see): no second run.
  const again = store.saveRun(incident, result('q-1'), { key: 'k-1', requestSha256: 'aaa' });
  assert.equal(again.runId, first.runId);
  const other = store.saveRun(incident, result('q-1'), { key: 'k-1', requestSha256: 'bbb' });
  assert.equal(other.saveError?.code, 'SAFE_E_IDEMPOTENCY_CONFLICT');
  assert.equal((db.prepare("SELECT COUNT(*) AS n FROM runs WHERE incident_id = 'q-1'").get() as { n: number }).n, 1);
  assert.equal(store.findSubmission('k-2'), undefined);
  db.close();
});

test('a purge deletes for good: the text is no longer anywhere in the database file or its log, and the backups go too', () => {
  const marker = 'PURGE-MARKER-7f3a9c';
  const { dir, db, store } = storeIn();
  store.saveRun(parseIncident({ id: 'old-1', text: `old incident ${marker}` }), result('old-1', '2026-01-10T08:00:00.000Z'));
  store.saveRun(parseIncident({ id: 'new-1', text: 'new incident' }), result('new-1', '2026-03-10T08:00:00.000Z'));
  mkdirSync(join(dir, 'backups'));
  writeFileSync(join(dir, 'backups', 'safe-edge-2026-03-01T00-00-00-000Z.sqlite'), marker);
  const onDisk = () => ['', '-wal'].some((suffix) => existsSync(join(dir, DATABASE_FILE + suffix)) && readFileSync(join(dir, DATABASE_FILE + suffix)).includes(marker));
  assert.ok(onDisk(), 'the marker is on disk before');

  const report = securePurge(db, dir, () => store.deleteIncidents('2026-02-01T00:00:00.000Z'));
  assert.deepEqual([report.incidents, report.runs, report.backupsRemoved, report.walTruncated], [1, 1, 1, true]);
  assert.deepEqual(store.history(10).map((r) => r.incidentId), ['new-1'], 'the incident after the day is kept');
  assert.ok(!onDisk(), 'no byte of the purged incident is left in the database or its write-ahead log');
  assert.ok(!existsSync(join(dir, 'backups', 'safe-edge-2026-03-01T00-00-00-000Z.sqlite')));
  assert.deepEqual(checkDatabase(db), ['ok']);
  assert.equal(db.pragma('secure_delete', { simple: true }), 0, 'secure_delete is back as it was');

  const all = securePurge(db, dir, () => store.deleteIncidents());
  assert.deepEqual([all.incidents, all.runs], [1, 1]);
  assert.deepEqual(store.history(10), []);
  db.close();
});

test('without the purge, a plain DELETE leaves the text in the file (what the purge is for)', () => {
  const marker = 'PLAIN-DELETE-MARKER-51c2';
  const { dir, db, store } = storeIn();
  store.saveRun(parseIncident({ id: 'p-1', text: `incident ${marker}` }), result('p-1'));
  store.deleteIncidents();
  db.pragma('wal_checkpoint(TRUNCATE)');
  assert.ok(readFileSync(join(dir, DATABASE_FILE)).includes(marker), 'freed pages still hold the deleted text');
  db.close();
});
