// Opens the engine's SQLite database. better-sqlite3 is synchronous on purpose: SQLite is in-process and
// a write of one run takes well under a millisecond, so a promise API would add overhead, not
// concurrency. WAL lets readers (history, the dashboard) run while an analysis is being saved, and
// synchronous=NORMAL in WAL mode is durable across application crashes (only an OS crash can lose
// the last transactions), a fair trade on a laptop.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from './migrations.js';

export type SqliteDatabase = Database.Database;
export const DATABASE_FILE = 'safe-edge.sqlite';

export function openDatabase(dataDir: string, file = DATABASE_FILE): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, file));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export function migrate(db: SqliteDatabase): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema v${current} is newer than this engine (v${MIGRATIONS.length}); update SAFE Edge`);
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] as string);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return MIGRATIONS.length;
}
