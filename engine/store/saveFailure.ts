// Why a run could not be saved, in words that say what to do, and the test-only way to make it happen:
// SQLite's max_page_count stands in for a full disk (docs/hardening.md#saving), because a test machine
// will not hand out a small file system. better-sqlite3's errors carry SQLite's result code as `code`.
import type { SqliteDatabase } from './database.js';

/** What could not be saved: an analysis's run, or an incident file another post handed over (docs/handover.md). */
export type UnsavedWork = 'analysis' | 'import';

/** Whether `err` is the database refusing a write (better-sqlite3 gives SQLite's result code as `code`). */
export const isDatabaseWriteRefusal = (err: unknown): boolean => String((err as { code?: unknown } | null)?.code ?? '').startsWith('SQLITE_');

/** What the operator reads in `/health` and in the not-saved reply: the cause, then what to do. */
export function describeSaveFailure(err: unknown, what: UnsavedWork = 'analysis'): string {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  const [cause, todo] = code.startsWith('SQLITE_FULL') ? ['the disk holding the data directory is full', 'free disk space there']
    : code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') ? ['another program holds the database locked', 'close the other program (another safe-edge command or a database tool)']
      : code.startsWith('SQLITE_READONLY') ? ['the database cannot be written (read-only)', 'make the data directory writable']
        : code.startsWith('SQLITE_IOERR') ? ['the disk failed a write', 'check the disk and free space on it']
          : [`the database refused the write (${err instanceof Error ? err.message : String(err)})`, 'see the engine log'];
  if (what === 'import') return `the incident file was not imported (none of its runs were saved): ${cause}. ${todo.charAt(0).toUpperCase()}${todo.slice(1)}, then import the file again`;
  return `the analysis was not saved: ${cause}. Export the result now and ${todo}; the next analysis is saved again by itself`;
}

/** Tests only: the database may grow by `sparePages` beyond its present size, then every write that needs
 *  a new page fails with SQLITE_FULL, as on a full disk. Per connection; returns the new page limit. */
export function limitDatabaseGrowth(db: SqliteDatabase, sparePages: number): number {
  const pages = db.pragma('page_count', { simple: true }) as number;
  return db.pragma(`max_page_count = ${pages + sparePages}`, { simple: true }) as number;
}

/** Tests only: gives the disk back (SQLite's own ceiling for max_page_count). */
export function liftDatabaseGrowthLimit(db: SqliteDatabase): number {
  return db.pragma('max_page_count = 4294967294', { simple: true }) as number;
}
