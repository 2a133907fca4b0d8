// Database maintenance: stats, integrity check, online backup (SQLite's backup API, safe while the
// engine writes), restore that refuses anything that is not a sound SAFE Edge database, vacuum, and
// scheduled backups with retention.
import Database from 'better-sqlite3';
import { chmodSync, existsSync, readdirSync, renameSync, rmSync, statSync, copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import { DATABASE_FILE, quickCheck, SAFE_EDGE_APPLICATION_ID, summariseFindings, type SqliteDatabase } from './database.js';
import { MIGRATIONS } from './migrations.js';
import { BACKUPS_DIR, OWNER_ONLY_FILE_MODE, makeOwnerOnlyDir, touchOwnerOnly } from './dataDirPermissions.js';
import { schemaDifference } from './knownSchemas.js';

export { BACKUPS_DIR };

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

/** `PRAGMA integrity_check`, foreign keys and the schema (exactly one this engine made, knownSchemas.ts):
 *  ['ok'] when sound, else what is wrong. */
export function checkDatabase(db: SqliteDatabase): string[] {
  const problems = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).filter((p) => p !== 'ok');
  const fk = db.pragma('foreign_key_check') as unknown[];
  if (fk.length) problems.push(`${fk.length} foreign-key violations`);
  const schema = schemaDifference(db);
  if (schema) problems.push(schema);
  return problems.length ? problems : ['ok'];
}

export async function backupDatabase(db: SqliteDatabase, file: string): Promise<{ file: string; bytes: number }> {
  touchOwnerOnly(file); // a backup holds every incident: owner-only from its first byte
  await db.backup(file);
  // A backup is one self-contained file: out of WAL mode, so checking or copying it never needs (or
  // leaves) a -wal and -shm beside it. A restore puts the engine's pragmas back when it opens it.
  const copy = new Database(file, { fileMustExist: true });
  try { copy.pragma('journal_mode = DELETE'); } finally { copy.close(); }
  return { file, bytes: statSync(file).size };
}

/**
 * Why a file cannot be restored, or null when it is a sound SAFE Edge database this engine can open: its
 * schema exactly one this engine made (no tables, an extra trigger, view or index are refused, naming
 * what differs), then `check`: the full integrity check (restore) or the quick one (naming a backup).
 */
export function restoreRefusal(file: string, check: 'full' | 'quick' = 'full'): string | null {
  if (!existsSync(file)) return 'file does not exist';
  // Reading a file in WAL mode makes SQLite create its -wal and -shm: those this check made go with it.
  const made = ['-wal', '-shm'].filter((suffix) => !existsSync(file + suffix));
  let candidate: Database.Database | undefined;
  try {
    candidate = new Database(file, { readonly: true, fileMustExist: true });
    const appId = candidate.pragma('application_id', { simple: true }) as number;
    if (appId !== SAFE_EDGE_APPLICATION_ID) return `not a SAFE Edge database (application_id ${appId})`;
    const version = candidate.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) return `made by a newer engine (schema v${version} > v${MIGRATIONS.length})`;
    const schema = schemaDifference(candidate);
    if (schema) return schema;
    const problems = check === 'full' ? checkDatabase(candidate) : quickCheck(candidate);
    if (problems[0] !== 'ok') return `damaged: ${summariseFindings(problems)}`;
    return null;
  } catch (err) {
    return `not a readable SQLite database (${(err as Error).message})`;
  } finally {
    candidate?.close();
    if (made.includes('-wal') && existsSync(`${file}-wal`) && statSync(`${file}-wal`).size === 0) for (const suffix of made) rmSync(file + suffix, { force: true });
  }
}

/** Replaces the data directory's database with a verified backup. The engine must not be running. */
export function restoreDatabase(dataDir: string, file: string): void {
  const why = restoreRefusal(file);
  if (why) throw new SafeError(ERROR_CODES.RESTORE_REFUSED, `refusing to restore ${file}: ${why}`, 'file');
  const target = join(dataDir, DATABASE_FILE);
  const holder = runningEnginePid(dataDir);
  if (holder !== null) throw new SafeError(ERROR_CODES.DATA_DIR_IN_USE, `the engine (pid ${holder}) is using this database: stop the app or \`safe-edge serve\` before restoring`);
  makeOwnerOnlyDir(dataDir);
  const staged = `${target}.restoring`;
  copyFileSync(file, staged);
  chmodSync(staged, OWNER_ONLY_FILE_MODE); // the copy took the backup's mode, which may be looser
  for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
  renameSync(staged, target); // atomic on the same file system: never a half-restored database
}

/** Each running engine writes engine.<pid>.pid in its data directory, so maintenance that needs every
 *  engine stopped (restore) can tell; one file per process, so one engine's exit cannot hide another. */
const PID_FILE = /^engine\.(\d+)\.pid$/;

export function markEngineRunning(dataDir: string): () => void {
  const file = join(dataDir, `engine.${process.pid}.pid`);
  writeFileSync(file, String(process.pid), { mode: OWNER_ONLY_FILE_MODE });
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

/** A scheduled backup's name: its time, so that names sort oldest to newest. */
const BACKUP_NAME = /^safe-edge-.*\.sqlite$/;
export const backupFileName = (at: Date): string => `safe-edge-${at.toISOString().replace(/[:.]/g, '-')}.sqlite`;

/** The scheduled backups in the data directory, newest first. */
export function listBackups(dataDir: string): string[] {
  const dir = join(dataDir, BACKUPS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => BACKUP_NAME.test(f)).sort().reverse().map((f) => join(dir, f));
}

/** The newest backup that would be restored (schema known, quick check passes), or null. `db restore`
 *  then runs the full check on it before replacing anything. */
export function newestGoodBackup(dataDir: string): string | null {
  return listBackups(dataDir).find((file) => restoreRefusal(file, 'quick') === null) ?? null;
}

/** The exact command that restores `file` into `dataDir` (double quotes work in sh, PowerShell and cmd). */
export const restoreCommand = (dataDir: string, file: string): string => `safe-edge db restore "${file}" --data-dir "${dataDir}"`;

/** What to do about a damaged database, in words: the newest good backup and the command, or that there is none. */
export function restoreAdvice(dataDir: string): { backup: string | null; advice: string } {
  const backup = newestGoodBackup(dataDir);
  return backup
    ? { backup, advice: `restore the newest good backup ${backup}: stop the engine, then run ${restoreCommand(dataDir, backup)}` }
    : { backup, advice: `no good backup in ${join(dataDir, BACKUPS_DIR)}: stop the engine, keep a copy of ${join(dataDir, DATABASE_FILE)} for IT support, and restore one you have with safe-edge db restore FILE --data-dir "${dataDir}"` };
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

function removeBackups(dataDir: string): number {
  const files = listBackups(dataDir);
  for (const file of files) rmSync(file, { force: true });
  return files.length;
}

/** Takes a backup into <dataDir>/backups now and then every `everyMs`, keeping the newest `keep`. */
export function scheduleBackups(db: SqliteDatabase, dataDir: string, everyMs: number, keep: number, log: (msg: string, fields?: Record<string, unknown>) => void,
  gate?: BackupGate): () => void {
  const dir = join(dataDir, BACKUPS_DIR);
  let stopped = false;
  const take = async () => {
    if (stopped) return;
    try {
      makeOwnerOnlyDir(dir);
      const file = join(dir, backupFileName(new Date()));
      await backupDatabase(db, file);
      const old = readdirSync(dir).filter((f) => BACKUP_NAME.test(f)).sort().reverse().slice(keep);
      for (const f of old) rmSync(join(dir, f));
      log('database backed up', { file, removed: old.length });
    } catch (err) {
      log('scheduled backup failed', { error: (err as Error).message });
    }
  };
  // A backup put off by the gate is taken once when it allows again (never after stop).
  const due = () => {
    if (gate && !gate(() => void take())) { log('scheduled backup deferred: background work stepped down for power or heat'); return; }
    void take();
  };
  const timer = setInterval(due, everyMs);
  timer.unref();
  due();
  return () => { stopped = true; clearInterval(timer); };
}

/** Asked before each scheduled backup: false puts it off, and `resume` is called once when background work
 *  may run again (the power governor, docs/device-health.md#power-and-heat). */
export type BackupGate = (resume: () => void) => boolean;

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
  makeOwnerOnlyDir(dataDir);
  const source = new Database(legacy, { readonly: true, fileMustExist: true });
  const staged = `${target}.moving`;
  try {
    // better-sqlite3's backup is asynchronous; VACUUM INTO is its synchronous equivalent for a one-off copy.
    rmSync(staged, { force: true });
    source.prepare('VACUUM INTO ?').run(staged);
  } finally {
    source.close();
  }
  chmodSync(staged, OWNER_ONLY_FILE_MODE);
  renameSync(staged, target);
  writeFileSync(join(legacyDir, MIGRATED_MARKER), `The analysis history in this folder was copied to ${dataDir} on ${new Date().toISOString()}.\nThis copy is no longer used.\n`);
  return MIGRATED_MARKER;
}
