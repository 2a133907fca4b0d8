// The database checks off the serving thread: a worker opens the file read-only (its own connection, so
// it reads one consistent snapshot while the engine keeps writing, docs/storage.md) and runs the quick
// check, then, when asked, the full one (integrity_check, foreign keys, schema). It only reads.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { quickCheck } from './database.js';
import { checkDatabase } from './maintenance.js';
import { findings } from './checkFindings.js';

/** Which checks the worker runs: the quick one then (when asked) the full one, or, when the quick one ran
 *  on the engine's thread already (a small file, databaseChecks.ts), the full one alone, at once. */
export interface DatabaseCheckRequest { file: string; checks: 'quick' | 'quick-then-full' | 'full' }
export interface DatabaseCheckRunFull { kind: 'run-full' }
export type DatabaseCheckMessage =
  | { kind: 'quick'; problems: string[]; durationMs: number }
  | { kind: 'full'; problems: string[]; durationMs: number }
  | { kind: 'failed'; message: string };

const { file, checks } = workerData as DatabaseCheckRequest;
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

function runFull(): void {
  attempt((open) => {
    const started = performance.now();
    send({ kind: 'full', problems: findings(() => checkDatabase(open)), durationMs: performance.now() - started });
    return false;
  });
}

if (checks === 'full') {
  runFull(); // asked for once the engine had migrated the file
} else {
  attempt((open) => {
    const started = performance.now();
    const quick = findings(() => quickCheck(open));
    send({ kind: 'quick', problems: quick, durationMs: performance.now() - started });
    return checks === 'quick-then-full' && quick[0] === 'ok'; // then wait for `full`: sent once the engine has migrated the file
  });
  // The full check starts when asked: it must read the file as migrated, in a snapshot taken after that.
  parentPort?.once('message', (message: DatabaseCheckRunFull) => {
    if (message.kind === 'run-full') runFull();
  });
}
