// Every way a start can fail, as a coded error (docs/hardening.md#integrity): the host prints it and
// exits instead of a raw "EACCES" or SQLite message, and the operator is told what to do.
import { ERROR_CODES, SafeError } from './contract/errors.js';
import { MigrationFailed } from './store/database.js';
import { restoreAdvice } from './store/maintenance.js';

/** The file system or SQLite saying the data directory cannot be written (or read). */
const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'SQLITE_READONLY', 'SQLITE_READONLY_DIRECTORY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_CANTOPEN', 'SQLITE_FULL', 'SQLITE_IOERR']);
/** SQLite finding the file damaged while reading it. */
const DAMAGED = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);

const codeOf = (err: unknown): string => String((err as { code?: unknown } | null)?.code ?? '');
const family = (code: string): string => code.replace(/^(SQLITE_(?:IOERR|READONLY|CANTOPEN|CORRUPT))_.*/, '$1');

export function codedStartFailure(err: unknown, dataDir: string): SafeError {
  if (err instanceof SafeError) return err;
  const cause = err instanceof MigrationFailed ? err.sqliteError : err;
  const code = codeOf(cause);
  const message = (err as Error | null)?.message ?? String(err);
  if (UNWRITABLE.has(code) || UNWRITABLE.has(family(code))) {
    return new SafeError(ERROR_CODES.DATA_DIR_UNWRITABLE, `the data directory ${dataDir} cannot be written (${code}: ${message}): make it writable (a crash or a mount may have left it read-only) and free some space, or choose another with --data-dir`, 'dataDir');
  }
  if (DAMAGED.has(code) || DAMAGED.has(family(code)) || err instanceof MigrationFailed) {
    return new SafeError(ERROR_CODES.DATABASE_DAMAGED, `the analysis database in ${dataDir} cannot be used (${message}); nothing was written to it. To repair: ${restoreAdvice(dataDir).advice}`);
  }
  return new SafeError(ERROR_CODES.INTERNAL, `the engine could not start: ${message}`);
}
