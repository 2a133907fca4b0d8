// The database checks off the serving thread: a worker opens the file read-only (its own connection, so
// it reads one consistent snapshot while the engine keeps writing, docs/storage.md) and runs the quick
// check, then, when asked, the full one (integrity_check, foreign keys, schema). It only reads.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { quickCheck } from './database.js';
import { checkDatabase } from './maintenance.js';

export interface DatabaseCheckRequest { file: string; full: boolean }
export interface DatabaseCheckRunFull { kind: 'run-full' }
export type DatabaseCheckMessage =
  | { kind: 'quick'; problems: string[]; durationMs: number }
  | { kind: 'full'; problems: string[]; durationMs: number }
  | { kind: 'failed'; message: string };

/** SQLite's words for a file it found damaged while reading it, rather than listing the damage. */
const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/** A check's findings; a check that SQLite stopped because the file is damaged is a finding too. */
function findings(check: () => string[]): string[] {
  try {
    return check();
  } catch (err) {
    if (DAMAGE_CODES.has((err as { code?: string }).code ?? '')) return [(err as Error).message];
    throw err;
  }
}

const { file, full } = workerData as DatabaseCheckRequest;
const send = (message: DatabaseCheckMessage) => parentPort?.postMessage(message);
let db: Database.Database | undefined;

/** Runs `step` on the open file; a step that cannot run ends the worker with `failed`. */
function attempt(step: (open: Database.Database) => boolean): void {
  try {
    db ??= new Database(file, { readonly: true, fileMustExist: true });
    if (step(db)) return;
  } catch (err) {
    // The check could not run (the file could not be opened read-only, out of memory): nothing is known.
    send({ kind: 'failed', message: (err as Error).message });
  }
  db?.close();
  parentPort?.close();
}

attempt((open) => {
  const started = performance.now();
  const quick = findings(() => quickCheck(open));
  send({ kind: 'quick', problems: quick, durationMs: performance.now() - started });
  return full && quick[0] === 'ok'; // then wait for `full`: sent once the engine has migrated the file
});
// The full check starts when asked: it must read the file as migrated, in a snapshot taken after that.
parentPort?.once('message', (message: DatabaseCheckRunFull) => {
  if (message.kind !== 'run-full') return;
  attempt((open) => {
    const started = performance.now();
    send({ kind: 'full', problems: findings(() => checkDatabase(open)), durationMs: performance.now() - started });
    return false;
  });
});
