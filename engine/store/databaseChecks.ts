// Runs the database checks, in a worker thread (databaseCheckWorker.ts) unless the file is small enough to
// quick-check here, and hands their answers back as promises. Stopping never waits for the worker: a check
// inside SQLite cannot be interrupted, and an engine that is closing must exit in bounded time
// (docs/hardening.md#integrity).
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { quickCheck } from './database.js';
import { findings } from './checkFindings.js';
import type { DatabaseCheckMessage, DatabaseCheckRequest, DatabaseCheckRunFull } from './databaseCheckWorker.js';

const CHECK_WORKER_URL = new URL('./databaseCheckWorker.js', import.meta.url);

/** A check's answer: its findings (['ok'] when sound), or `unknown` with why when it could not run. */
export type CheckAnswer = { problems: string[]; durationMs: number } | { unknown: string };

export interface DatabaseChecks {
  /** The quick check's answer. */
  quick: Promise<CheckAnswer>;
  /** The full check's answer; null when it was not asked for or not run (the quick check found damage). */
  full: Promise<CheckAnswer | null>;
  /** Starts the full check (asked for with `full`), once the engine has migrated the file. */
  runFull(): void;
  /** Lets the process exit without waiting for a check still running. */
  stop(): void;
}

/** Files up to this size get the quick check on the calling thread: it reads every page once, about 1.8 ms
 *  per MB where it was measured (0.5 s for 280 MB, docs/hardening.md#integrity), so at most ~30 ms here,
 *  less than a check worker takes to start (90–130 ms of a cold start, docs/performance.md#cold-start). */
export const INLINE_QUICK_CHECK_MAX_BYTES = 16 * 1024 * 1024;

/** Starts the quick check (and the full one, when asked for with `full`); see INLINE_QUICK_CHECK_MAX_BYTES. */
export function startDatabaseChecks(file: string, full: boolean, inlineMaxBytes = INLINE_QUICK_CHECK_MAX_BYTES): DatabaseChecks {
  if (fileBytes(file) > inlineMaxBytes) return checksOnWorker(file, full ? 'quick-then-full' : 'quick');
  const quick = quickCheckHere(file);
  let onWorker: DatabaseChecks | undefined;
  let settleFull: (answer: CheckAnswer | null) => void = () => {};
  const fullAnswer = new Promise<CheckAnswer | null>((resolve) => { settleFull = resolve; });
  if (!full || !('problems' in quick) || quick.problems[0] !== 'ok') settleFull(null);
  return {
    quick: Promise.resolve(quick),
    full: fullAnswer,
    runFull: () => {
      if (!full || onWorker) return;
      onWorker = checksOnWorker(file, 'full');
      void onWorker.full.then(settleFull);
    },
    stop: () => onWorker?.stop(),
  };
}

function fileBytes(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return Number.POSITIVE_INFINITY; // not readable here: the worker finds out and says why
  }
}

/** The quick check on this thread, with its own read-only connection as the worker would have. */
function quickCheckHere(file: string): CheckAnswer {
  const started = performance.now();
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const checked = db;
    return { problems: findings(() => quickCheck(checked)), durationMs: performance.now() - started };
  } catch (err) {
    return { unknown: (err as Error).message };
  } finally {
    db?.close();
  }
}

function checksOnWorker(file: string, checks: DatabaseCheckRequest['checks']): DatabaseChecks {
  const worker = new Worker(CHECK_WORKER_URL, { workerData: { file, checks } satisfies DatabaseCheckRequest });
  let settleQuick: (answer: CheckAnswer) => void = () => {};
  let settleFull: (answer: CheckAnswer | null) => void = () => {};
  const quick = new Promise<CheckAnswer>((resolve) => { settleQuick = resolve; });
  const fullAnswer = new Promise<CheckAnswer | null>((resolve) => { settleFull = resolve; });
  worker.on('message', (message: DatabaseCheckMessage) => {
    if (message.kind === 'quick') {
      settleQuick({ problems: message.problems, durationMs: message.durationMs });
      if (checks === 'quick' || message.problems[0] !== 'ok') settleFull(null);
    } else if (message.kind === 'full') {
      settleFull({ problems: message.problems, durationMs: message.durationMs });
    } else {
      lost(message.message);
    }
  });
  // A check that could not run (or a worker that died first) leaves the database unchecked, not damaged.
  // Settled answers stay as they were: a promise settles once.
  function lost(why: string): void {
    settleQuick({ unknown: why });
    settleFull({ unknown: why });
  }
  worker.on('error', (err) => lost(err.message));
  worker.on('exit', (code) => lost(`its worker exited (${code})`));
  return {
    quick,
    full: fullAnswer,
    runFull: () => worker.postMessage({ kind: 'run-full' } satisfies DatabaseCheckRunFull),
    stop: () => {
      worker.unref();
      void worker.terminate();
    },
  };
}
