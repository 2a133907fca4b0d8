// Database maintenance: stats, integrity check, online backup (SQLite's backup API, safe while the
// engine writes), restore that refuses anything that is not a sound SAFE Edge database, vacuum, and
// scheduled backups with retention.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import { DATABASE_FILE, SAFE_EDGE_APPLICATION_ID, type SqliteDatabase } from './database.js';
import { MIGRATIONS } from './migrations.js';

export function databaseStats(db: SqliteDatabase, dataDir: string) {
  const pragma = (name: string) => db.pragma(name, { simple: true }) as number;
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const wal = join(dataDir, `${DATABASE_FILE}-wal`);
  return {
    file: join(dataDir, DATABASE_FILE),
    schemaVersion: pragma('user_version'),
    pageSize: pragma('page_size'),
    pages: pragma('page_count'),
    freePages: pragma('freelist_count'),
    sizeBytes: pragma('page_size') * pragma('page_count'),
    walBytes: existsSync(wal) ? statSync(wal).size : 0,
    journalMode: db.pragma('journal_mode', { simple: true }) as string,
    synchronous: pragma('synchronous'),
    rows: { incidents: count('incidents'), runs: count('runs'), runModels: count('run_models'), cacheEntries: count('cache_entries') },
  };
}

/** `PRAGMA integrity_check` plus foreign keys: ['ok'] when sound. */
export function checkDatabase(db: SqliteDatabase): string[] {
  const problems = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
  const fk = db.pragma('foreign_key_check') as unknown[];
  if (fk.length) problems.push(`${fk.length} foreign-key violations`);
  return problems.length === 1 && problems[0] === 'ok' ? ['ok'] : problems.filter((p) => p !== 'ok');
}

export async function backupDatabase(db: SqliteDatabase, file: string): Promise<{ file: string; bytes: number }> {
  await db.backup(file);
  return { file, bytes: statSync(file).size };
}

/** Why a file cannot be restored, or null when it is a sound SAFE Edge database this engine can open. */
export function restoreRefusal(file: string): string | null {
  if (!existsSync(file)) return 'file does not exist';
  let candidate: Database.Database | undefined;
  try {
    candidate = new Database(file, { readonly: true, fileMustExist: true });
    const appId = candidate.pragma('application_id', { simple: true }) as number;
    if (appId !== SAFE_EDGE_APPLICATION_ID) return `not a SAFE Edge database (application_id ${appId})`;
    const version = candidate.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) return `made by a newer engine (schema v${version} > v${MIGRATIONS.length})`;
    const problems = checkDatabase(candidate);
    if (problems[0] !== 'ok') return `damaged: ${problems.slice(0, 3).join('; ')}`;
    return null;
  } catch (err) {
    return `not a readable SQLite database (${(err as Error).message})`;
  } finally {
    candidate?.close();
  }
}

/** Replaces the data directory's database with a verified backup. The engine must not be running. */
export function restoreDatabase(dataDir: string, file: string): void {
  const why = restoreRefusal(file);
  if (why) throw new SafeError(ERROR_CODES.RESTORE_REFUSED, `refusing to restore ${file}: ${why}`, 'file');
  const target = join(dataDir, DATABASE_FILE);
  const holder = runningEnginePid(dataDir);
  if (holder !== null) throw new SafeError(ERROR_CODES.DATA_DIR_IN_USE, `the engine (pid ${holder}) is using this database: stop the app or \`safe-edge serve\` before restoring`);
  mkdirSync(dataDir, { recursive: true });
  const staged = `${target}.restoring`;
  copyFileSync(file, staged);
  for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
  renameSync(staged, target); // atomic on the same file system: never a half-restored database
}

/** Each running engine writes engine.<pid>.pid in its data directory, so maintenance that needs every
 *  engine stopped (restore) can tell; one file per process, so one engine's exit cannot hide another. */
const PID_FILE = /^engine\.(\d+)\.pid$/;

export function markEngineRunning(dataDir: string): () => void {
  const file = join(dataDir, `engine.${process.pid}.pid`);
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

/** The pid of a live engine using this data directory, or null (files left by a crash are ignored). */
export function runningEnginePid(dataDir: string): number | null {
  if (!existsSync(dataDir)) return null;
  for (const name of readdirSync(dataDir)) {
    const pid = Number(PID_FILE.exec(name)?.[1]);
    if (!pid) continue;
    try {
      process.kill(pid, 0);
      return pid;
    } catch {
      rmSync(join(dataDir, name), { force: true }); // stale: that process is gone
    }
  }
  return null;
}

export function vacuumDatabase(db: SqliteDatabase): { beforeBytes: number; afterBytes: number } {
  const size = () => (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
  const beforeBytes = size();
  db.exec('VACUUM');
  return { beforeBytes, afterBytes: size() };
}

/** What a purge removed and what the file came to (docs/storage.md#purging). */
export interface PurgeReport { incidents: number; runs: number; backupsRemoved: number; beforeBytes: number; afterBytes: number; walTruncated: boolean }

/**
 * Purging for a lost laptop (docs/storage.md#purging): `remove` deletes the rows with SQLite's
 * secure_delete on, so their pages are overwritten with zeros instead of being left free; VACUUM then
 * rebuilds the file without free pages, and a TRUNCATE checkpoint empties the write-ahead log, which
 * would otherwise still hold the deleted pages. The backups in <dataDir>/backups are removed as well:
 * each one holds what was purged. Blocks the file system itself freed are beyond SQLite's reach: that is
 * what the OS's disk encryption is for.
 */
export function securePurge(db: SqliteDatabase, dataDir: string, remove: () => { incidents: number; runs: number }): PurgeReport {
  const size = () => (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
  const beforeBytes = size();
  const was = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    const removed = remove();
    db.exec('VACUUM');
    const [checkpoint] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    return { ...removed, backupsRemoved: removeBackups(dataDir), beforeBytes, afterBytes: size(), walTruncated: checkpoint?.busy === 0 };
  } finally {
    db.pragma(`secure_delete = ${was}`);
  }
}

const BACKUP_FILE = /^safe-edge-.*\.sqlite$/;

function removeBackups(dataDir: string): number {
  const dir = join(dataDir, 'backups');
  if (!existsSync(dir)) return 0;
  const files = readdirSync(dir).filter((f) => BACKUP_FILE.test(f));
  for (const f of files) rmSync(join(dir, f), { force: true });
  return files.length;
}

/** Takes a backup into <dataDir>/backups now and then every `everyMs`, keeping the newest `keep`. */
export function scheduleBackups(db: SqliteDatabase, dataDir: string, everyMs: number, keep: number, log: (msg: string, fields?: Record<string, unknown>) => void): () => void {
  const dir = join(dataDir, 'backups');
  const take = async () => {
    try {
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `safe-edge-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`);
      await backupDatabase(db, file);
      const old = readdirSync(dir).filter((f) => BACKUP_FILE.test(f)).sort().reverse().slice(keep);
      for (const f of old) rmSync(join(dir, f));
      log('database backed up', { file, removed: old.length });
    } catch (err) {
      log('scheduled backup failed', { error: (err as Error).message });
    }
  };
  const timer = setInterval(() => void take(), everyMs);
  timer.unref();
  void take();
  return () => clearInterval(timer);
}

/** Left in a legacy data directory once its database has been moved; names where it went. */
export const MIGRATED_MARKER = 'MOVED-TO-SHARED-DATA-DIRECTORY.txt';

/**
 * Moves an older build's database (the desktop app kept its own) into the shared data directory, once:
 * only if the legacy one exists, has not been moved before, and the target has no database yet. Copies
 * with SQLite's backup API (consistent even with a WAL), leaves the original where it was and a marker
 * beside it. Returns the marker's name when it moved something.
 */
export function migrateLegacyDatabase(legacyDir: string, dataDir: string): string | null {
  const legacy = join(legacyDir, DATABASE_FILE);
  const target = join(dataDir, DATABASE_FILE);
  if (legacyDir === dataDir || !existsSync(legacy) || existsSync(join(legacyDir, MIGRATED_MARKER)) || existsSync(target)) return null;
  const why = restoreRefusal(legacy);
  if (why) throw new SafeError(ERROR_CODES.RESTORE_REFUSED, `the earlier data directory ${legacyDir} holds a database that cannot be moved: ${why}`, 'dataDir');
  mkdirSync(dataDir, { recursive: true });
  const source = new Database(legacy, { readonly: true, fileMustExist: true });
  const staged = `${target}.moving`;
  try {
    // better-sqlite3's backup is asynchronous; VACUUM INTO is its synchronous equivalent for a one-off copy.
    rmSync(staged, { force: true });
    source.prepare('VACUUM INTO ?').run(staged);
  } finally {
    source.close();
  }
  renameSync(staged, target);
  writeFileSync(join(legacyDir, MIGRATED_MARKER), `The analysis history in this folder was copied to ${dataDir} on ${new Date().toISOString()}.\nThis copy is no longer used.\n`);
  return MIGRATED_MARKER;
}
