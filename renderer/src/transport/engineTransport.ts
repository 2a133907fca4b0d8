// One interface to the engine, two implementations: IPC inside the desktop app, HTTP + Server-Sent
// Events against `safe-edge serve` in a browser. Both only implement `call` (and the analysis with live
// progress); everything else pages use is derived here, once, from the operations table.
import type { z } from 'zod';
import type { AnalysisResult, ModelChoice } from '../../../engine/contract/result.js';
import type { IncidentInput } from '../../../engine/contract/incident.js';
import type { ProgressEventBody, healthSchema, modelInfoSchema, runSummarySchema, storedRunSchema } from '../../../engine/contract/api.js';
import type { SafeErrorBody } from '../../../engine/contract/errors.js';
import type { EngineStatus } from '../../../engine/contract/ipc.js';
import type { BridgeOperationName, OperationArgsInput, OperationResult } from '../../../engine/contract/operations.js';

export type Health = z.infer<typeof healthSchema>;
export type ModelInfo = z.infer<typeof modelInfoSchema>;
export type RunSummary = z.infer<typeof runSummarySchema>;
export type StoredRun = z.infer<typeof storedRunSchema>;
/** Which model versions run an analysis (docs/updates.md#keeping-an-incidents-models); absent: the incident's remembered choice. */
export interface AnalyzeChoice { models?: ModelChoice }

/** What a transport itself provides: any operation the UI may call, and an analysis with its progress. */
export interface EngineCalls {
  readonly kind: 'ipc' | 'http';
  call<K extends BridgeOperationName>(name: K, args: OperationArgsInput<K>): Promise<OperationResult<K>>;
  analyze(incident: IncidentInput, onProgress: (event: ProgressEventBody) => void, options?: AnalyzeChoice): Promise<AnalysisResult>;
  /** Desktop mode only: the supervisor's view of the engine process (starting, restarting, failed). */
  onEngineStatus?(listener: (status: EngineStatus) => void): () => void;
}

export interface EngineTransport extends EngineCalls {
  health(): Promise<Health>;
  history(limit: number): Promise<RunSummary[]>;
  run(id: string): Promise<StoredRun>;
  models(): Promise<ModelInfo[]>;
  dataDir(): Promise<string | null>;
}

/** The pages' conveniences over a transport's `call`. */
export function engineTransport(calls: EngineCalls): EngineTransport {
  return {
    kind: calls.kind,
    call: (name, args) => calls.call(name, args),
    analyze: (incident, onProgress, options) => calls.analyze(incident, onProgress, options),
    ...(calls.onEngineStatus ? { onEngineStatus: (listener: (status: EngineStatus) => void) => calls.onEngineStatus!(listener) } : {}),
    health: () => calls.call('health', {}),
    history: (limit) => calls.call('runs', { limit }),
    run: (id) => calls.call('run', { id }),
    models: () => calls.call('models', {}),
    dataDir: async () => (await calls.call('about', {})).dataDir,
  };
}

/** An engine error as the UI shows it: the stable code plus the field it concerns. */
export class EngineError extends Error {
  constructor(readonly body: SafeErrorBody) { super(`${body.code}: ${body.message}`); }
}
