// Opens the engine's SQLite database. better-sqlite3 is synchronous on purpose: SQLite is in-process and
// a write of one run takes well under a millisecond, so a promise API would add overhead, not
// concurrency. The pragmas, each chosen for a laptop that loses power and runs for days:
// - journal_mode=WAL: readers (history, the dashboard) never wait for the writer; crash-safe.
// - synchronous=FULL: in WAL mode each commit is fsynced, so an analysis acknowledged to the commander
//   survives a power cut or a closed lid, not only an application crash (NORMAL would risk the last
//   commits on power loss). Writes that arrive together share one commit (RunWriter), which pays for it.
// - busy_timeout=5000: a second process (the CLI while the app runs) waits instead of failing.
// - cache_size=-16384 (16 MiB) and mmap_size=64 MiB: the working set of history and the cache stays in
//   memory; both are small next to the laptop's RAM and bounded.
// - temp_store=MEMORY: sorts for the history never touch the disk.
// - foreign_keys=ON: runs cannot point at incidents that do not exist.
// - application_id: marks the file as a SAFE Edge database, so restore can refuse anything else.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { MIGRATIONS } from './migrations.js';
import { makeOwnerOnlyDir, touchOwnerOnly } from './dataDirPermissions.js';
import { backfillRunChecksums } from './runChecksum.js';
import { ERROR_CODES, SafeError } from '../contract/errors.js';

export type SqliteDatabase = Database.Database;
export const DATABASE_FILE = 'safe-edge.sqlite';
/** "SAFE" in ASCII: PRAGMA application_id of every SAFE Edge database. */
export const SAFE_EDGE_APPLICATION_ID = 0x53414645;

/** A migration that failed (its transaction rolled back); `sqliteError` is what SQLite said. */
export class MigrationFailed extends Error {
  constructor(readonly migration: number, readonly sqliteError: unknown) {
    super(`migration ${migration} failed, the database stays at schema v${migration - 1}: ${(sqliteError as Error).message}`);
    this.name = 'MigrationFailed';
  }
}

export const PRAGMAS: ReadonlyArray<[string, string | number]> = [
  ['journal_mode', 'WAL'],
  ['synchronous', 'FULL'],
  ['foreign_keys', 'ON'],
  ['busy_timeout', 5000],
  ['cache_size', -16384],
  ['mmap_size', 64 * 1024 * 1024],
  ['temp_store', 'MEMORY'],
];

export function openDatabase(dataDir: string, file = DATABASE_FILE): SqliteDatabase {
  const db = openDatabaseFile(dataDir, file);
  try {
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** SQLite's findings in a few words: one per line (a check may answer in one multi-line row, headed
 *  "*** in database main ***"), the first `shown`, then how many more. */
export function summariseFindings(findings: readonly string[], shown = 3): string {
  const lines = findings.flatMap((f) => f.split('\n')).map((l) => l.trim()).filter((l) => l && !l.startsWith('***'));
  return lines.slice(0, shown).join('; ') + (lines.length > shown ? `; and ${lines.length - shown} more` : '');
}

/** A migrated database in memory: the analysis cache's while the file is damaged (engine.ts). */
export function openMemoryDatabase(): SqliteDatabase {
  const db = new Database(':memory:');
  migrate(db);
  return db;
}

/** Opens the file with the pragmas but does not migrate it: the engine checks it first (startCheck.ts). */
export function openDatabaseFile(dataDir: string, file = DATABASE_FILE): SqliteDatabase {
  makeOwnerOnlyDir(dataDir);
  // Created 0600 before SQLite opens it: its -wal and -shm files take the database file's mode.
  touchOwnerOnly(join(dataDir, file));
  const db = new Database(join(dataDir, file));
  try {
    for (const [name, value] of PRAGMAS) db.pragma(`${name} = ${value}`);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** `PRAGMA quick_check`: ['ok'] when sound, else what it found (the b-tree structure of every page, not
 *  whether indexes match their tables; checkDatabase in maintenance.ts does the full check). */
export function quickCheck(db: SqliteDatabase, maxProblems = 20): string[] {
  return (db.pragma(`quick_check(${maxProblems})`) as Array<{ quick_check: string }>).map((r) => r.quick_check);
}

/** What a migration computes that SQL cannot (a sha256), run in its transaction right after its SQL; keyed by
 *  the version the migration brings the database to. The migrations themselves stay plain SQL. */
const MIGRATION_BACKFILLS: Readonly<Record<number, (db: SqliteDatabase) => void>> = {
  5: backfillRunChecksums,
};

export function migrate(db: SqliteDatabase): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new SafeError(ERROR_CODES.DATABASE_TOO_NEW, `database schema v${current} is newer than this engine (v${MIGRATIONS.length}); update SAFE Edge`);
  }
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId !== 0 && appId !== SAFE_EDGE_APPLICATION_ID) throw new SafeError(ERROR_CODES.DATABASE_NOT_SAFE_EDGE, `not a SAFE Edge database (application_id ${appId})`);
  for (let version = current; version < MIGRATIONS.length; version++) {
    try {
      db.transaction(() => {
        db.exec(MIGRATIONS[version] as string);
        MIGRATION_BACKFILLS[version + 1]?.(db);
        db.pragma(`user_version = ${version + 1}`);
      })();
    } catch (err) {
      // Each migration is one transaction: the file stays at the version before the one that failed.
      throw new MigrationFailed(version + 1, err);
    }
  }
  if (appId === 0) db.pragma(`application_id = ${SAFE_EDGE_APPLICATION_ID}`);
  return MIGRATIONS.length;
}
