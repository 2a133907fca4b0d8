// One interface to the engine, two implementations: IPC inside the desktop app, HTTP + Server-Sent
// Events against `safe-edge serve` in a browser. Pages only ever see this interface.
import type { z } from 'zod';
import type { AnalysisResult } from '../../../engine/contract/result.js';
import type { IncidentInput } from '../../../engine/contract/incident.js';
import type { ProgressEventBody, healthSchema, modelInfoSchema, runSummarySchema, storedRunSchema } from '../../../engine/contract/api.js';
import type { SafeErrorBody } from '../../../engine/contract/errors.js';
import type { EngineStatus } from '../../../engine/contract/ipc.js';

export type Health = z.infer<typeof healthSchema>;
export type ModelInfo = z.infer<typeof modelInfoSchema>;
export type RunSummary = z.infer<typeof runSummarySchema>;
export type StoredRun = z.infer<typeof storedRunSchema>;

export interface EngineTransport {
  readonly kind: 'ipc' | 'http';
  health(): Promise<Health>;
  analyze(incident: IncidentInput, onProgress: (event: ProgressEventBody) => void): Promise<AnalysisResult>;
  history(limit: number): Promise<RunSummary[]>;
  run(id: string): Promise<StoredRun>;
  models(): Promise<ModelInfo[]>;
  dataDir(): Promise<string | null>;
  /** Desktop mode only: the supervisor's view of the engine process (starting, restarting, failed). */
  onEngineStatus?(listener: (status: EngineStatus) => void): () => void;
}

/** An engine error as the UI shows it: the stable code plus the field it concerns. */
export class EngineError extends Error {
  constructor(readonly body: SafeErrorBody) { super(`${body.code}: ${body.message}`); }
}
