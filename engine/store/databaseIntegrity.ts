// Whether the engine may write to its database (docs/hardening.md#integrity). Until the full check has
// passed, `/health` is degraded under "database-check" (DATABASE_UNCHECKED); once a check finds damage the
// database is never written to again by this engine: the connection turns query_only (SQLite itself then
// refuses every write, whichever part of the engine tries), saves and other writes are refused with
// DATABASE_DAMAGED, scheduled backups stop (a damaged copy must not push a good one out), and `/health`
// and the log name the newest good backup and the exact command that restores it.
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import type { HealthProblems } from '../healthProblems.js';
import type { Logger } from '../logging.js';
import { summariseFindings, type SqliteDatabase } from './database.js';
import { restoreAdvice } from './maintenance.js';

/** The health problem's key (docs/hardening.md#health). */
export const DATABASE_CHECK_PROBLEM = 'database-check';

export type IntegrityState = 'checking' | 'sound' | 'damaged';

export class DatabaseIntegrity {
  private current: IntegrityState = 'checking';
  private damage: SafeError | null = null;
  private readonly onDamageHooks: Array<() => void> = [];

  constructor(private readonly db: SqliteDatabase, private readonly dataDir: string, private readonly problems: HealthProblems, private readonly logger: Logger) {}

  get state(): IntegrityState { return this.current; }

  /** A check is running (or could not run: `why`); `/health` says so until `passed`. */
  checking(message: string): void {
    if (this.current === 'damaged') return;
    this.current = 'checking';
    this.problems.raise(DATABASE_CHECK_PROBLEM, ERROR_CODES.DATABASE_UNCHECKED, message);
  }

  passed(durationMs: number): void {
    if (this.current === 'damaged') return;
    this.current = 'sound';
    this.problems.clear(DATABASE_CHECK_PROBLEM);
    this.logger.info('database check passed', { durationMs: Math.round(durationMs) });
  }

  /** A check found damage (`which`: what found it, `findings`: what it said). From now on nothing is written. */
  damaged(which: string, findings: string[]): SafeError {
    if (this.damage) return this.damage;
    this.current = 'damaged';
    this.db.pragma('query_only = ON');
    const { backup, advice } = restoreAdvice(this.dataDir);
    this.damage = new SafeError(ERROR_CODES.DATABASE_DAMAGED,
      `the analysis database is damaged (${which}: ${summariseFindings(findings)}); nothing more is saved in it, analyses still run but are not saved. To repair: ${advice}`);
    this.problems.raise(DATABASE_CHECK_PROBLEM, ERROR_CODES.DATABASE_DAMAGED, this.damage.message);
    this.logger.error('database damaged: writing stopped', { check: which, findings: findings.slice(0, 10), newestGoodBackup: backup, advice });
    for (const hook of this.onDamageHooks.splice(0)) hook();
    return this.damage;
  }

  /** Runs `hook` once, when damage is found (at once if it already was). */
  onDamage(hook: () => void): void {
    if (this.current === 'damaged') hook();
    else this.onDamageHooks.push(hook);
  }

  /** Throws DATABASE_DAMAGED before anything is written to a damaged database. */
  assertWritable(): void {
    if (this.damage) throw this.damage;
  }
}
