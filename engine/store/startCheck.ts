// Opening the engine's database at start (docs/hardening.md#integrity): the quick check runs first (off
// the serving thread unless the file is small, databaseChecks.ts) and within a time budget, before
// anything is written (migrations included); the schema must then be exactly one this engine made; the
// full check follows in the background for hosts that keep running. What the checks find goes to
// DatabaseIntegrity, which keeps a damaged database from being written to.
import { setTimeout as delay } from 'node:timers/promises';
import { join } from 'node:path';
import type { HealthProblems } from '../healthProblems.js';
import type { Logger } from '../logging.js';
import { DATABASE_FILE, migrate, openDatabaseFile, type SqliteDatabase } from './database.js';
import { MIGRATIONS } from './migrations.js';
import { schemaDifference } from './knownSchemas.js';
import { startDatabaseChecks, type CheckAnswer, type DatabaseChecks } from './databaseChecks.js';
import { DatabaseIntegrity } from './databaseIntegrity.js';

/** How long a start waits for the quick check. It reads every page once: about 0.5 s for a 280 MB
 *  database where it was measured (docs/hardening.md#integrity), so 5 s is ample; past it the engine
 *  starts anyway, degraded until the check answers. */
export const QUICK_CHECK_BUDGET_MS = 5000;

export interface StartCheckOptions {
  problems: HealthProblems;
  logger: Logger;
  /** Run the full check in the background after the quick one (hosts that keep running). */
  fullCheck: boolean;
  quickCheckBudgetMs?: number;
  /** Files up to this size are quick-checked on this thread (INLINE_QUICK_CHECK_MAX_BYTES). */
  inlineQuickCheckMaxBytes?: number;
}

export interface CheckedDatabase {
  db: SqliteDatabase;
  integrity: DatabaseIntegrity;
  /** Stops a check still running, without waiting for it (the engine is closing). */
  stopChecks(): void;
}

export async function openCheckedDatabase(dataDir: string, options: StartCheckOptions): Promise<CheckedDatabase> {
  const db = openDatabaseFile(dataDir);
  const integrity = new DatabaseIntegrity(db, dataDir, options.problems, options.logger);
  let checks: DatabaseChecks | undefined;
  try {
    const tables = db.prepare("SELECT COUNT(*) FROM sqlite_master").pluck().get() as number;
    if (tables === 0 && (db.pragma('user_version', { simple: true }) as number) === 0) {
      migrate(db); // a new database: nothing in it to check
      integrity.passed(0);
      return { db, integrity, stopChecks: () => {} };
    }
    const running = startDatabaseChecks(join(dataDir, DATABASE_FILE), options.fullCheck, options.inlineQuickCheckMaxBytes);
    checks = running;
    integrity.checking('the analysis database is being checked (quick check at start)');
    const budgetMs = options.quickCheckBudgetMs ?? QUICK_CHECK_BUDGET_MS;
    const quick = await Promise.race([running.quick, delay(budgetMs, null, { ref: false })]);
    if (quick && 'problems' in quick && quick.problems[0] !== 'ok') {
      running.stop();
      const damage = integrity.damaged('quick check at start', quick.problems);
      // An older schema cannot be used without migrating, i.e. writing into the damaged file.
      if ((db.pragma('user_version', { simple: true }) as number) < MIGRATIONS.length) throw damage;
    } else {
      migrate(db);
    }
    // No tables, an extra trigger or index, a changed table: statements would fail, or do what nobody wrote.
    const schema = schemaDifference(db);
    if (schema) {
      running.stop();
      throw integrity.damaged('schema check at start', [schema]);
    }
    // Answers that arrive once the engine is closing are dropped: its connection may be closed already.
    let stopped = false;
    if (integrity.state !== 'damaged') follow(running, quick, integrity, options, budgetMs, () => stopped);
    if (options.fullCheck) running.runFull(); // migrated: the full check reads the file as the engine will use it
    return { db, integrity, stopChecks: () => { stopped = true; running.stop(); } };
  } catch (err) {
    checks?.stop();
    db.close();
    throw err;
  }
}

/** Hands the checks' later answers to `integrity`: the quick one if it came after the budget, then the full one. */
function follow(checks: DatabaseChecks, quickInBudget: CheckAnswer | null, integrity: DatabaseIntegrity, options: StartCheckOptions, budgetMs: number, stopped: () => boolean): void {
  const onQuick = (answer: CheckAnswer): boolean => {
    if (stopped()) return false;
    if ('unknown' in answer) {
      integrity.checking(`the analysis database could not be checked (${answer.unknown}); run safe-edge db check`);
      return false;
    }
    if (answer.problems[0] !== 'ok') {
      integrity.damaged('quick check', answer.problems);
      return false;
    }
    if (options.fullCheck) integrity.checking('the analysis database is being checked (full integrity check in the background)');
    else integrity.passed(answer.durationMs);
    return options.fullCheck;
  };
  const onFull = (answer: CheckAnswer | null): void => {
    if (answer === null || stopped()) return;
    if ('unknown' in answer) integrity.checking(`the full check of the analysis database could not run (${answer.unknown}); run safe-edge db check`);
    else if (answer.problems[0] !== 'ok') integrity.damaged('full integrity check', answer.problems);
    else integrity.passed(answer.durationMs);
  };
  if (quickInBudget) {
    if (onQuick(quickInBudget)) void checks.full.then(onFull);
    return;
  }
  options.logger.warn('the quick database check is taking longer than its budget: started without waiting for it', { budgetMs });
  integrity.checking(`the analysis database is being checked (the quick check took longer than ${budgetMs / 1000} s)`);
  void checks.quick.then((answer) => { if (onQuick(answer)) void checks.full.then(onFull); });
}
