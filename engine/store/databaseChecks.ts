// Runs the database checks in a worker thread (databaseCheckWorker.ts) and hands their answers back as
// promises. Stopping never waits for the worker: a check inside SQLite cannot be interrupted, and an
// engine that is closing must exit in bounded time (docs/hardening.md#integrity).
import { Worker } from 'node:worker_threads';
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

export function startDatabaseChecks(file: string, full: boolean): DatabaseChecks {
  const worker = new Worker(CHECK_WORKER_URL, { workerData: { file, full } satisfies DatabaseCheckRequest });
  let settleQuick: (answer: CheckAnswer) => void = () => {};
  let settleFull: (answer: CheckAnswer | null) => void = () => {};
  const quick = new Promise<CheckAnswer>((resolve) => { settleQuick = resolve; });
  const fullAnswer = new Promise<CheckAnswer | null>((resolve) => { settleFull = resolve; });
  worker.on('message', (message: DatabaseCheckMessage) => {
    if (message.kind === 'quick') {
      settleQuick({ problems: message.problems, durationMs: message.durationMs });
      if (!full || message.problems[0] !== 'ok') settleFull(null);
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
