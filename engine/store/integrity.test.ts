// The schemas this engine knows, and what `db restore` and `db check` make of a file that is not exactly
// one of them (docs/hardening.md#integrity).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parseIncident } from '../contract/parseIncident.js';
import type { AnalysisResult } from '../contract/result.js';
import { DATABASE_FILE, openDatabase, SAFE_EDGE_APPLICATION_ID, type SqliteDatabase } from './database.js';
import { HealthProblems } from '../healthProblems.js';
import { createLogger } from '../logging.js';
import { openCheckedDatabase } from './startCheck.js';
import { MIGRATIONS } from './migrations.js';
import { AnalysisStore } from './analysisStore.js';
import { knownSchemas, schemaDifference, schemaOf } from './knownSchemas.js';
import { backupDatabase, BACKUPS_DIR, backupFileName, checkDatabase, newestGoodBackup, restoreCommand, restoreDatabase, restoreRefusal } from './maintenance.js';
import { flipBytesInUpperPages } from './testing/flipPageBytes.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'safe-integrity-'));
const result = (id: string): AnalysisResult => ({ id, status: 'ok', models: { m: '1' }, timingsMs: { total: 1 } });

/** A sound database with a few runs, backed up to `file`, then changed by `alter` (on the backup only). */
async function alteredBackup(alter: (db: SqliteDatabase) => void): Promise<string> {
  const dir = tempDir();
  const db = openDatabase(dir);
  const store = new AnalysisStore(db);
  for (let i = 0; i < 5; i++) store.saveRun(parseIncident({ id: `inc-${i}`, text: 'x' }), result(`inc-${i}`));
  const file = join(dir, 'candidate.sqlite');
  await backupDatabase(db, file);
  db.close();
  const candidate = new Database(file);
  alter(candidate);
  candidate.close();
  return file;
}

test('the known schemas are the migrations applied one by one: one per version, the newest what a new database gets', () => {
  const schemas = knownSchemas();
  assert.equal(schemas.length, MIGRATIONS.length);
  assert.ok(schemas[0]?.has('table runs') && !schemas[0].has('table cache_entries'), 'v1 has runs, not yet the cache');
  assert.ok(schemas[1]?.has('table cache_entries'));
  const db = openDatabase(tempDir());
  assert.deepEqual([...schemaOf(db).keys()].sort(), [...(schemas.at(-1) as Map<string, unknown>).keys()].sort());
  assert.equal(schemaDifference(db), null);
  db.close();
});

test('restore refuses a SAFE Edge file without tables, naming what is missing', () => {
  const file = join(tempDir(), 'empty.sqlite');
  const empty = new Database(file);
  empty.pragma(`application_id = ${SAFE_EDGE_APPLICATION_ID}`);
  empty.pragma(`user_version = ${MIGRATIONS.length}`);
  empty.close();
  const why = restoreRefusal(file) ?? '';
  assert.match(why, /missing table runs/);
  assert.match(why, /missing table incidents/);
  assert.throws(() => restoreDatabase(join(tempDir(), 'data'), file), (e: { code?: string; message: string }) => e.code === 'SAFE_E_RESTORE_REFUSED' && /missing table runs/.test(e.message));
});

test('restore refuses a file carrying an extra trigger, index or view, or a changed table; db check reports it too', async () => {
  const trigger = await alteredBackup((db) => db.exec('CREATE TRIGGER wipe_runs AFTER INSERT ON runs BEGIN DELETE FROM runs WHERE id <> NEW.id; END'));
  assert.match(restoreRefusal(trigger) ?? '', /extra trigger wipe_runs/);
  const dataDir = tempDir();
  assert.throws(() => restoreDatabase(dataDir, trigger), (e: { code?: string; message: string }) => e.code === 'SAFE_E_RESTORE_REFUSED' && /extra trigger wipe_runs/.test(e.message));
  const index = await alteredBackup((db) => db.exec('CREATE INDEX runs_by_severity ON runs (severity)'));
  assert.match(restoreRefusal(index) ?? '', /extra index runs_by_severity/);
  const view = await alteredBackup((db) => db.exec('CREATE VIEW everything AS SELECT * FROM runs'));
  assert.match(restoreRefusal(view) ?? '', /extra view everything/);
  const changed = await alteredBackup((db) => db.exec('ALTER TABLE runs ADD COLUMN note TEXT'));
  assert.match(restoreRefusal(changed) ?? '', /changed table runs/);
  // `db check` (checkDatabase) on the file with the trigger: no longer "ok".
  const opened = new Database(trigger, { readonly: true });
  assert.ok(checkDatabase(opened).some((p) => /extra trigger wipe_runs/.test(p)));
  opened.close();
  const sound = await alteredBackup(() => {});
  assert.equal(restoreRefusal(sound), null, 'the same file untouched is accepted');
});

test('the newest good backup is named with the exact command; a damaged or foreign one is passed over', async () => {
  const dataDir = tempDir();
  const db = openDatabase(dataDir);
  new AnalysisStore(db).saveRun(parseIncident({ id: 'a', text: 'x' }), result('a'));
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync(join(dataDir, BACKUPS_DIR));
  const older = join(dataDir, BACKUPS_DIR, backupFileName(new Date('2026-01-01T00:00:00Z')));
  await backupDatabase(db, older);
  const newer = join(dataDir, BACKUPS_DIR, backupFileName(new Date('2026-01-02T00:00:00Z')));
  writeFileSync(newer, 'not a database at all'.repeat(300));
  db.close();
  assert.equal(newestGoodBackup(dataDir), older);
  assert.equal(restoreCommand(dataDir, older), `safe-edge db restore "${older}" --data-dir "${dataDir}"`);
  assert.equal(newestGoodBackup(tempDir()), null);
});

test('a quick check that outlasts its budget: the start goes on, and damage found later still stops every write', async () => {
  const dataDir = tempDir();
  const db = openDatabase(dataDir);
  const store = new AnalysisStore(db);
  for (let i = 0; i < 60; i++) store.saveRun(parseIncident({ id: `inc-${i}`, text: '储罐泄漏 '.repeat(400) + i }), result(`inc-${i}`));
  db.close();
  const file = join(dataDir, DATABASE_FILE);
  flipBytesInUpperPages(file);
  const problems = new HealthProblems();
  // A budget of 0 ms: the start does not wait for the quick check (whenever its answer comes, it is taken);
  // the check runs on its worker, as for a large file.
  const checked = await openCheckedDatabase(dataDir, { problems, logger: createLogger('silent'), fullCheck: true, quickCheckBudgetMs: 0, inlineQuickCheckMaxBytes: 0 });
  try {
    while (checked.integrity.state !== 'damaged') await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(problems.list()[0]?.code, 'SAFE_E_DATABASE_DAMAGED');
    assert.throws(() => checked.integrity.assertWritable(), (e: { code?: string }) => e.code === 'SAFE_E_DATABASE_DAMAGED');
    assert.throws(() => checked.db.exec("INSERT INTO model_highest_seen (name, version) VALUES ('x', 1)"), /readonly/, 'SQLite itself refuses writes (query_only)');
  } finally {
    checked.stopChecks();
    checked.db.close();
  }
});
