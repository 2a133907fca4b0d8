// A damaged database at start (docs/hardening.md#integrity): ~200 bytes flipped in a real database file
// are found by the quick check before anything is written; damage only the full check sees is found in
// the background; either way `/health` is degraded, saves are refused with SAFE_E_DATABASE_DAMAGED while
// the analysis is still answered, the file is never written to, and the newest good backup is named with
// the command that restores it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startEngine } from './bootstrap.js';
import type { Engine } from './engine.js';
import { createLogger } from './logging.js';
import { parseIncident } from './contract/parseIncident.js';
import { DATABASE_FILE, openDatabase } from './store/database.js';
import { backupDatabase, BACKUPS_DIR, backupFileName, restoreCommand, restoreDatabase } from './store/maintenance.js';
import { DATABASE_CHECK_PROBLEM } from './store/databaseIntegrity.js';
import { flipBytesInUpperPages } from './store/testing/flipPageBytes.js';

const logger = createLogger('silent');
const start = (dataDir: string) => startEngine({ host: 'server', overrides: { dataDir, workers: 1 }, logger });
const incident = (id: string) => parseIncident({ id, text: `化工厂储罐泄漏，疑似氯气，下风向有村庄 ${id}` });
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A data directory whose database holds `runs` runs, with a backup of it in backups/ (the newest). */
async function dataDirWithBackup(runs: number): Promise<{ dataDir: string; backup: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-damaged-'));
  const { engine } = await start(dataDir);
  for (let i = 0; i < runs; i++) await engine.analyze(incident(`inc-${i}`));
  await engine.close();
  const db = openDatabase(dataDir);
  mkdirSync(join(dataDir, BACKUPS_DIR), { recursive: true });
  const backup = join(dataDir, BACKUPS_DIR, backupFileName(new Date(Date.now() + 60_000)));
  await backupDatabase(db, backup);
  db.close();
  return { dataDir, backup };
}

/** Until `engine`'s integrity state is `state` (the full check runs in the background; the test's own timeout bounds it). */
async function until(engine: Engine, state: string): Promise<void> {
  while (engine.integrity.state !== state) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function assertRefusesWrites(engine: Engine, dataDir: string, backup: string): Promise<void> {
  const health = engine.health();
  assert.equal(health.status, 'degraded');
  const problem = health.problems.find((p) => p.key === DATABASE_CHECK_PROBLEM);
  assert.equal(problem?.code, 'SAFE_E_DATABASE_DAMAGED');
  assert.ok(problem?.message.includes(restoreCommand(dataDir, backup)), `names the newest backup and its restore command: ${problem?.message}`);
  const answered = await engine.analyze(incident('after-damage'));
  assert.equal(answered.status, 'ok', 'the analysis still runs and is answered');
  assert.equal(answered.saveError?.code, 'SAFE_E_DATABASE_DAMAGED', 'but is not saved');
  assert.equal(answered.runId, undefined);
  assert.throws(() => engine.importIncident({ bundle: {} } as never), (e: { code?: string }) => e.code === 'SAFE_E_DATABASE_DAMAGED');
  // Model updates and trials write through the ledger, which the engine guards the same way.
  assert.throws(() => engine.updates.updater.ledger.record('channel', null, 'checked'), (e: { code?: string; message?: string }) =>
    e.code === 'SAFE_E_DATABASE_DAMAGED' && (e.message ?? '').includes(restoreCommand(dataDir, backup)));
}

test('200 flipped bytes in the data pages: the quick check at start finds them and nothing is written', async () => {
  const { dataDir, backup } = await dataDirWithBackup(30);
  const file = join(dataDir, DATABASE_FILE);
  const pages = flipBytesInUpperPages(file);
  assert.ok(pages > 60, `enough pages to damage only data pages (${pages})`);
  const damagedHash = sha256(file);
  const backupsBefore = readdirSync(join(dataDir, BACKUPS_DIR)).sort();

  const { engine } = await start(dataDir);
  try {
    assert.equal(engine.integrity.state, 'damaged', 'found at start, within the quick check\'s budget');
    assert.match(engine.health().problems[0]?.message ?? '', /\(quick check at start: /, 'by the quick check, before anything was written');
    await assertRefusesWrites(engine, dataDir, backup);
  } finally {
    await engine.close();
  }
  assert.equal(sha256(file), damagedHash, 'the damaged file was not written to');
  assert.deepEqual(readdirSync(join(dataDir, BACKUPS_DIR)).sort(), backupsBefore, 'no backup of the damaged file pushed a good one out');

  // The named command's restore brings the history back and the engine is sound again.
  restoreDatabase(dataDir, backup);
  const { engine: restored } = await start(dataDir);
  try {
    await until(restored, 'sound');
    assert.equal(restored.health().problems.length, 0);
    assert.equal(restored.runs({ limit: 100 }).length, 30);
  } finally {
    await restored.close();
  }
});

test('damage only the full check sees (an index out of step with its table) is found in the background', async () => {
  const { dataDir, backup } = await dataDirWithBackup(3);
  const file = join(dataDir, DATABASE_FILE);
  const db = new Database(file, { readonly: true });
  const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'runs_by_time'").get() as { rootpage: number };
  const { created_at: earliest } = db.prepare('SELECT created_at FROM runs ORDER BY created_at LIMIT 1').get() as { created_at: string };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  // The index's oldest entry, made older still: the index stays well formed and ordered (the quick check
  // passes), but no longer matches its run (the full check's "missing from index").
  const bytes = readFileSync(file);
  const page = bytes.subarray((rootpage - 1) * pageSize, rootpage * pageSize);
  const at = page.lastIndexOf(Buffer.from(earliest));
  assert.ok(at > 0, 'the entry is on the index\'s root page');
  page[at] = '1'.charCodeAt(0);
  writeFileSync(file, bytes);

  const { engine } = await start(dataDir);
  try {
    await until(engine, 'damaged');
    assert.match(engine.health().problems[0]?.message ?? '', /full integrity check: row \d+ missing from index runs_by_time/, 'the quick check passed; the full one found it');
    await assertRefusesWrites(engine, dataDir, backup);
  } finally {
    await engine.close();
  }
});

test('while the full check runs, /health is degraded under database-check; it clears when the check passes', async () => {
  const { dataDir } = await dataDirWithBackup(2);
  const { engine } = await start(dataDir);
  try {
    if (engine.integrity.state === 'checking') {
      assert.equal(engine.health().problems.find((p) => p.key === DATABASE_CHECK_PROBLEM)?.code, 'SAFE_E_DATABASE_UNCHECKED');
      assert.equal(engine.health().status, 'degraded');
    }
    await until(engine, 'sound');
    assert.equal(engine.health().status, 'ok');
    const saved = await engine.analyze(incident('sound'));
    assert.equal(saved.saveError, undefined);
    assert.ok(saved.runId);
  } finally {
    await engine.close();
  }
});
