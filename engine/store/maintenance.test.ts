import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parseIncident } from '../contract/parseIncident.js';
import type { AnalysisResult } from '../contract/result.js';
import { openDatabase } from './database.js';
import { AnalysisStore, STORE_QUERIES } from './analysisStore.js';
import { backupDatabase, checkDatabase, markEngineRunning, restoreDatabase, restoreRefusal, scheduleBackups, vacuumDatabase, databaseStats } from './maintenance.js';
import { adviseIndexes } from './indexAdvisor.js';
import { PowerGovernor } from '../monitoring/powerGovernor.js';

const result = (id: string): AnalysisResult => ({ id, status: 'ok', models: { m: '1' }, timingsMs: { total: 1 } });
const fill = (store: AnalysisStore, n: number, prefix = 'inc') => { for (let i = 0; i < n; i++) store.saveRun(parseIncident({ id: `${prefix}-${i}`, text: 'x' }), result(`${prefix}-${i}`)); };

test('integrity check, stats and vacuum on a live database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-maint-'));
  const db = openDatabase(dir);
  fill(new AnalysisStore(db), 20);
  assert.deepEqual(checkDatabase(db), ['ok']);
  const stats = databaseStats(db, dir);
  assert.equal(stats.rows.runs, 20);
  assert.equal(stats.journalMode, 'wal');
  assert.equal(stats.synchronous, 2, 'FULL');
  const v = vacuumDatabase(db);
  assert.ok(v.afterBytes <= v.beforeBytes);
  db.close();
});

test('online backup while writing, and restore of that backup', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-maint-'));
  const db = openDatabase(dir);
  const store = new AnalysisStore(db);
  fill(store, 50);
  const file = join(dir, 'backup.sqlite');
  const backing = backupDatabase(db, file);
  fill(store, 10, 'during'); // writes continue during the backup
  const { bytes } = await backing;
  assert.ok(bytes > 0);
  assert.equal(restoreRefusal(file), null);
  const release = markEngineRunning(dir); // as the engine does while it runs
  assert.throws(() => restoreDatabase(dir, file), (e: { code?: string }) => e.code === 'SAFE_E_DATA_DIR_IN_USE', 'refused while the engine runs');
  release();
  db.close();
  restoreDatabase(dir, file);
  const restored = openDatabase(dir);
  const runs = new AnalysisStore(restored).history(1000);
  assert.ok(runs.length >= 50 && runs.length <= 60);
  assert.deepEqual(checkDatabase(restored), ['ok']);
  restored.close();
});

test('restore refuses what is not a sound SAFE Edge database, with the reason', () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-maint-'));
  const garbage = join(dir, 'garbage.sqlite');
  writeFileSync(garbage, 'this is not sqlite at all'.repeat(100));
  assert.match(restoreRefusal(garbage) ?? '', /not a readable SQLite database|not a SAFE Edge database/);
  const foreign = join(dir, 'foreign.sqlite');
  const other = new Database(foreign);
  other.exec('CREATE TABLE t (x)');
  other.close();
  assert.match(restoreRefusal(foreign) ?? '', /not a SAFE Edge database/);
  assert.match(restoreRefusal(join(dir, 'missing.sqlite')) ?? '', /does not exist/);
  assert.throws(() => restoreDatabase(join(dir, 'data'), foreign), (e: { code?: string; message: string }) => e.code === 'SAFE_E_RESTORE_REFUSED' && /not a SAFE Edge database/.test(e.message));
});

test('the index advisor: the store\'s queries use indexes; a query written without one is caught', () => {
  const db = openDatabase(mkdtempSync(join(tmpdir(), 'safe-maint-')));
  const ours = adviseIndexes(db, STORE_QUERIES);
  assert.deepEqual(ours.filter((a) => a.fullScans.length), [], JSON.stringify(ours));
  assert.ok(ours.every((a) => !a.plan.some((d) => d.includes('TEMP B-TREE'))), 'no temporary sorts');
  const [advice] = adviseIndexes(db, [{ name: 'bySeverity', sql: 'SELECT * FROM runs WHERE severity = ? ORDER BY created_at DESC LIMIT 20', params: ['I'] }]);
  assert.ok(advice && advice.fullScans.length === 1);
  assert.equal(advice.suggestion, 'CREATE INDEX runs_by_severity_created_at ON runs (severity, created_at);');
  db.exec(advice.suggestion as string);
  const [after] = adviseIndexes(db, [{ name: 'bySeverity', sql: 'SELECT * FROM runs WHERE severity = ? ORDER BY created_at DESC LIMIT 20', params: ['I'] }]);
  assert.deepEqual(after?.fullScans, [], 'the suggested index fixes it');
  db.close();
});

test('scheduled backups keep only the newest ones', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-maint-'));
  const db = openDatabase(dir);
  fill(new AnalysisStore(db), 5);
  const logs: string[] = [];
  const { readdirSync, writeFileSync: write } = await import('node:fs');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(dir, 'backups'), { recursive: true });
  for (const old of ['2024-01-01', '2024-01-02', '2024-01-03']) write(join(dir, 'backups', `safe-edge-${old}T00-00-00-000Z.sqlite`), 'old');
  const stop = scheduleBackups(db, dir, 3600_000, 2, (msg) => logs.push(msg));
  for (let i = 0; i < 50 && !logs.length; i++) await new Promise((r) => setTimeout(r, 20));
  stop();
  const kept = readdirSync(join(dir, 'backups')).sort();
  assert.equal(kept.length, 2);
  assert.ok(!kept.includes('safe-edge-2024-01-01T00-00-00-000Z.sqlite'), 'the oldest went first');
  assert.equal(restoreRefusal(join(dir, 'backups', kept.at(-1) as string)), null, 'the new backup is a sound database');
  assert.deepEqual(logs, ['database backed up']);
  db.close();
});

test('a scheduled backup is deferred while the power governor steps down and taken once at its step-up', async () => {
  const { readdirSync, existsSync } = await import('node:fs');
  const dir = mkdtempSync(join(tmpdir(), 'safe-maint-'));
  const db = openDatabase(dir);
  fill(new AnalysisStore(db), 1);
  const governor = new PowerGovernor();
  governor.update({ atMs: 0, values: { safe_thermal_throttled: 1 } });
  const logs: string[] = [];
  const stop = scheduleBackups(db, dir, 3600_000, 2, (msg) => logs.push(msg), (resume) => governor.allow('backup', resume));
  assert.deepEqual(logs, ['scheduled backup deferred: background work stepped down for power or heat']);
  assert.equal(existsSync(join(dir, 'backups')) && readdirSync(join(dir, 'backups')).length > 0, false, 'nothing written while stepped down');
  assert.deepEqual(governor.state().deferred, ['backup']);
  governor.update({ atMs: 61_000, values: { safe_thermal_throttled: 0 } }); // a quiet minute: step up
  for (let i = 0; i < 100 && logs.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
  stop();
  assert.deepEqual(logs.slice(1), ['database backed up']);
  assert.equal(readdirSync(join(dir, 'backups')).length, 1);
  db.close();
});
