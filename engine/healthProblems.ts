// What keeps the engine from being fully trusted right now, each under a stable key: a database whose full
// check has not passed, an analysis that could not be saved, a refused model. Any entry makes `/health`
// answer `degraded` and names the problem with its error code (docs/hardening.md#health), so a client, the
// device dashboard and the logs all see the same list. Parts of the engine set and clear their own keys.
import type { ErrorCode } from './contract/errors.js';

export interface HealthProblem {
  /** Which part raised it and about what ("database-check", "save", "model:plume-surrogate"). */
  key: string;
  code: ErrorCode;
  /** The engine's own words: what is wrong and what to do. */
  message: string;
  sinceIso: string;
}

export class HealthProblems {
  private readonly byKey = new Map<string, HealthProblem>();

  /** Raise (or restate) a problem; its `sinceIso` stays the first time it was raised. */
  raise(key: string, code: ErrorCode, message: string, now = new Date()): void {
    const previous = this.byKey.get(key);
    this.byKey.set(key, { key, code, message, sinceIso: previous?.code === code ? previous.sinceIso : now.toISOString() });
  }

  clear(key: string): void {
    this.byKey.delete(key);
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  list(): HealthProblem[] {
    return [...this.byKey.values()].sort((a, b) => a.sinceIso.localeCompare(b.sinceIso) || a.key.localeCompare(b.key));
  }
}
