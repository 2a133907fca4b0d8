// One interface to the engine, two implementations: IPC inside the desktop app, HTTP + Server-Sent
// Events against `safe-edge serve` in a browser. Both only implement `call` (and the analysis with live
// progress); everything else pages use is derived here, once, from the operations table.
import type { z } from 'zod';
import type { AnalysisResult, ModelChoice } from '../../../engine/contract/result.js';
import type { IncidentInput } from '../../../engine/contract/incident.js';
import type { ProgressEventBody, aboutSchema, healthSchema, modelInfoSchema, runSummarySchema, storedRunSchema } from '../../../engine/contract/api.js';
import { ERROR_CODES } from '../../../engine/contract/errors.js';
import { TRANSPORT_ERROR_CODES, type EngineErrorBody } from './transportErrors.js';
import type { EngineStatus } from '../../../engine/contract/ipc.js';
import type { BridgeOperationName, OperationArgsInput, OperationResult } from '../../../engine/contract/operations.js';

export type Health = z.infer<typeof healthSchema>;
export type About = z.infer<typeof aboutSchema>;
export type ModelInfo = z.infer<typeof modelInfoSchema>;
export type RunSummary = z.infer<typeof runSummarySchema>;
export type StoredRun = z.infer<typeof storedRunSchema>;
/** Which model versions run an analysis (docs/updates.md#keeping-an-incidents-models); absent: the incident's remembered choice. */
export interface AnalyzeChoice { models?: ModelChoice }

/**
 * A new idempotency key: one per submission, sent again with every retry of it, so a retry after a lost
 * reply answers the run the engine already made instead of making a second (docs/hardening.md#rows-retries-and-purge).
 * getRandomValues, not randomUUID: a page served over plain HTTP on a LAN is not a secure context.
 */
export function newSubmissionKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `ui-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** How often a submission is sent when its answer is lost, and the wait before the next try (times the
 *  attempt): an engine restarting after a crash is back within seconds. */
const SUBMIT_ATTEMPTS = 3;
const RESUBMIT_AFTER_MS = 1000;
/** Where the answer was lost on the way, not refused: sending the same submission again is safe. */
const LOST = new Set<string>([TRANSPORT_ERROR_CODES.UNREACHABLE, ERROR_CODES.ENGINE_RESTARTED]);

/**
 * Sends one submission (the same idempotency key every time) until it is answered: when the reply or the
 * progress stream is lost (the engine restarted, the connection dropped), it is sent again, up to
 * SUBMIT_ATTEMPTS times, and the engine answers the run it already saved or analyses it once more if it
 * had not (docs/hardening.md#rows-retries-and-purge). Any other error is the answer.
 */
export async function resubmitting<T>(send: () => Promise<T>, waitMs = RESUBMIT_AFTER_MS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (attempt >= SUBMIT_ATTEMPTS || !(err instanceof EngineError) || !LOST.has(err.body.code)) throw err;
      await new Promise((resolve) => setTimeout(resolve, waitMs * attempt));
    }
  }
}

/** What a transport itself provides: any operation the UI may call, and an analysis with its progress. */
export interface EngineCalls {
  readonly kind: 'ipc' | 'http';
  call<K extends BridgeOperationName>(name: K, args: OperationArgsInput<K>): Promise<OperationResult<K>>;
  analyze(incident: IncidentInput, onProgress: (event: ProgressEventBody) => void, options?: AnalyzeChoice): Promise<AnalysisResult>;
  /** Desktop mode only: the supervisor's view of the engine process (starting, restarting, failed). */
  onEngineStatus?(listener: (status: EngineStatus) => void): () => void;
}

/** How one call ended, as far as the connection goes: the status pill and the offline banner follow it
 *  (`/health` needs no token, so only the other calls can tell that the token is refused). */
export type CallOutcome = 'ok' | 'unauthorised' | 'unreachable' | 'failed';
export interface CallReport { operation: BridgeOperationName | 'analyze'; outcome: CallOutcome }

export interface EngineTransport extends EngineCalls {
  /** Every call's outcome, as it ends (the first listener also gets those that ended before it). Returns the unsubscribe. */
  onCallReport(listener: (report: CallReport) => void): () => void;
  health(): Promise<Health>;
  history(limit: number): Promise<RunSummary[]>;
  run(id: string): Promise<StoredRun>;
  models(): Promise<ModelInfo[]>;
  /** Version, data directory and the TLS certificate's fingerprint (operator token only). */
  about(): Promise<About>;
}

/** The pages' conveniences over a transport's `call`. */
export function engineTransport(calls: EngineCalls): EngineTransport {
  const listeners = new Set<(report: CallReport) => void>();
  // Calls made before anyone listened (the first page's, sent before React renders: bootPreload.ts) are
  // kept for the first listener, so the status pill still learns that the token was refused.
  let early: CallReport[] | null = [];
  function reported<T>(operation: CallReport['operation'], promise: Promise<T>): Promise<T> {
    const tell = (outcome: CallOutcome) => {
      if (early) early.push({ operation, outcome });
      for (const listener of listeners) listener({ operation, outcome });
    };
    return promise.then(
      (value) => { tell('ok'); return value; },
      (err: unknown) => { tell(callOutcome(err)); throw err; },
    );
  }
  return {
    kind: calls.kind,
    onCallReport: (listener) => {
      listeners.add(listener);
      const before = early ?? [];
      early = null;
      for (const report of before) listener(report);
      return () => { listeners.delete(listener); };
    },
    call: (name, args) => reported(name, calls.call(name, args)),
    analyze: (incident, onProgress, options) => reported('analyze', calls.analyze(incident, onProgress, options)),
    ...(calls.onEngineStatus ? { onEngineStatus: (listener: (status: EngineStatus) => void) => calls.onEngineStatus!(listener) } : {}),
    health: () => reported('health', calls.call('health', {})),
    history: (limit) => reported('runs', calls.call('runs', { limit })),
    run: (id) => reported('run', calls.call('run', { id })),
    models: () => reported('models', calls.call('models', {})),
    about: () => reported('about', calls.call('about', {})),
  };
}

function callOutcome(err: unknown): CallOutcome {
  if (!(err instanceof EngineError)) return 'failed';
  if (err.body.code === TRANSPORT_ERROR_CODES.UNREACHABLE) return 'unreachable';
  return err.body.code === ERROR_CODES.UNAUTHORIZED ? 'unauthorised' : 'failed';
}

/** An engine error as the UI shows it: the stable code plus the field it concerns; a transport code
 *  (transportErrors.ts) when the engine's reply never arrived. */
export class EngineError extends Error {
  constructor(readonly body: EngineErrorBody) { super(`${body.code}: ${body.message}`); }
}
