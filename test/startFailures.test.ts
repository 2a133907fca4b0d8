// A start that fails exits, with its code on stderr, in bounded time: a real `safe-edge analyze` or
// `serve` child process each time (docs/hardening.md#integrity). Before, a failure after the agent
// workers had started (a data directory left read-only by a crash) left the process running forever.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { DATABASE_FILE, openDatabase, SAFE_EDGE_APPLICATION_ID } from '../engine/store/database.js';
import { MIGRATIONS } from '../engine/store/migrations.js';
import { AnalysisStore } from '../engine/store/analysisStore.js';
import { parseIncident } from '../engine/contract/parseIncident.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'safe-edge.js');
/** Generous: a start on a loaded machine takes seconds; a hang is forever. */
const EXIT_BOUND_MS = 60_000;
const INCIDENT = join(ROOT, 'examples', 'chlorine-tank-car-en.json');

interface Exit { code: number | null; signal: NodeJS.Signals | null; stderr: string }

/** Runs safe-edge with `args` and waits for it to exit; a child still running after the bound is killed and the test fails. */
function run(args: string[], dataDir: string): Promise<Exit> {
  const child = spawn(process.execPath, [BIN, ...args, '--data-dir', dataDir, '--workers', '1'], {
    env: { ...process.env, SAFE_EDGE_LOG: 'warn' }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  return new Promise((resolve, reject) => {
    const bound = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`safe-edge ${args[0]} still running after ${EXIT_BOUND_MS} ms:\n${stderr}`)); }, EXIT_BOUND_MS);
    child.once('exit', (code, signal) => { clearTimeout(bound); resolve({ code, signal, stderr }); });
  });
}

const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `safe-exit-${name}-`));

/** A SAFE Edge file (its application id and the newest schema version) with no tables in it. */
function withoutTables(dataDir: string): void {
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.pragma(`application_id = ${SAFE_EDGE_APPLICATION_ID}`);
  db.pragma(`user_version = ${MIGRATIONS.length}`);
  db.close();
}

test('a database without tables (restored by an older build): analyze and serve exit with SAFE_E_DATABASE_DAMAGED naming what is missing', async () => {
  for (const command of [['analyze', INCIDENT], ['serve', '--port', '0']]) {
    const dataDir = tempDir('no-tables');
    withoutTables(dataDir);
    const exit = await run(command, dataDir);
    assert.equal(exit.code, 2, exit.stderr);
    assert.match(exit.stderr, /^SAFE_E_DATABASE_DAMAGED: .*missing table runs/m);
    assert.match(exit.stderr, /no good backup in/);
  }
});

test('a migration that fails: exits with SAFE_E_DATABASE_DAMAGED naming the migration, the file left at its version', async () => {
  const dataDir = tempDir('migration');
  const db = new Database(join(dataDir, DATABASE_FILE));
  for (const migration of MIGRATIONS.slice(0, 3)) db.exec(migration);
  db.exec('ALTER TABLE incidents ADD COLUMN keep_models INTEGER'); // what migration 4 adds, already there
  db.pragma('user_version = 3');
  db.pragma(`application_id = ${SAFE_EDGE_APPLICATION_ID}`);
  db.close();
  const exit = await run(['analyze', INCIDENT], dataDir);
  assert.equal(exit.code, 2, exit.stderr);
  assert.match(exit.stderr, /^SAFE_E_DATABASE_DAMAGED: .*migration 4 failed, the database stays at schema v3/m);
  const after = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  assert.equal(after.pragma('user_version', { simple: true }), 3);
  after.close();
});

/** Makes `dir` read-only for this process: chmod, or for root (whom chmod does not stop) the immutable
 *  attribute. Returns how to undo it, or null where neither takes effect here. */
function makeReadOnly(dir: string): (() => void) | null {
  const probe = join(dir, 'probe');
  const blocked = () => { try { writeFileSync(probe, ''); return false; } catch { return true; } };
  chmodSync(dir, 0o555);
  if (blocked()) return () => chmodSync(dir, 0o755);
  chmodSync(dir, 0o755);
  if (existsSync(probe)) spawnSync('rm', ['-f', probe]);
  if (spawnSync('chattr', ['+i', dir]).status === 0 && blocked()) return () => { spawnSync('chattr', ['-i', dir]); };
  return null;
}

test('a data directory left read-only by a crash: analyze starts its workers, fails, closes them and exits with SAFE_E_DATA_DIR_UNWRITABLE', async (t) => {
  // What a crash leaves: the database with its -wal and -shm (SQLite can open it without creating a file).
  const source = tempDir('crashed-source');
  const db = openDatabase(source);
  new AnalysisStore(db).saveRun(parseIncident({ id: 'before-crash', text: 'x' }), { id: 'before-crash', status: 'ok', models: {}, timingsMs: {} });
  const dataDir = tempDir('read-only');
  for (const suffix of ['', '-wal', '-shm']) copyFileSync(join(source, DATABASE_FILE + suffix), join(dataDir, DATABASE_FILE + suffix));
  db.close();
  const undo = makeReadOnly(dataDir);
  if (!undo) { t.skip('this machine cannot make a directory read-only for this process'); return; }
  try {
    const exit = await run(['analyze', INCIDENT], dataDir);
    assert.equal(exit.code, 2, exit.stderr);
    assert.match(exit.stderr, /^SAFE_E_DATA_DIR_UNWRITABLE: the data directory .* cannot be written/m);
    const serve = await run(['serve', '--port', '0'], dataDir);
    assert.equal(serve.code, 2, serve.stderr);
    assert.match(serve.stderr, /^SAFE_E_DATA_DIR_UNWRITABLE: /m);
  } finally {
    undo();
  }
});
