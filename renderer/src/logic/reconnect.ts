// The engine connection as the header shows it (docs/app.md, "Errors"): health is polled every 10 s;
// when it fails the offline banner retries with exponential backoff; the status pill follows the last
// authenticated call too, because `/health` answers without a token and cannot tell a refused one.
import type { EngineStatus } from '../../../engine/contract/ipc.js';
import type { CallReport } from '../transport/engineTransport.js';

export const HEALTH_POLL_MS = 10_000;
export const RETRY_FIRST_MS = 2_000;
export const RETRY_MAX_MS = 30_000;

/** The wait before retry number `failures` (1, 2, …): 2 s, 4 s, 8 s, 16 s, then every 30 s. */
export function retryDelayMs(failures: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.max(0, failures - 1));
}

/** Whole seconds left until `retryAtMs` (never below 0), for "retrying in N s". */
export const secondsUntil = (retryAtMs: number, nowMs: number): number => Math.max(0, Math.ceil((retryAtMs - nowMs) / 1000));

export type Authorisation = 'unknown' | 'ok' | 'refused';

/** The token's standing after a call: a 401 refuses it, any other authenticated success restores it. */
export function authorisationAfter(current: Authorisation, report: CallReport): Authorisation {
  if (report.operation === 'health') return current;
  if (report.outcome === 'unauthorised') return 'refused';
  return report.outcome === 'ok' ? 'ok' : current;
}

export type PillState = 'ok' | 'degraded' | 'down' | 'restarting' | 'failed' | 'unauthorised';

export function pillState(s: { processState: EngineStatus['state'] | null; healthStatus: 'ok' | 'degraded' | null; offline: boolean; authorisation: Authorisation }): PillState {
  if (s.processState === 'restarting' || s.processState === 'failed') return s.processState;
  if (s.offline || s.healthStatus === null) return 'down';
  if (s.authorisation === 'refused') return 'unauthorised';
  return s.healthStatus;
}
