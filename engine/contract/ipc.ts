// The desktop app's IPC contract, in one place (GitHub Desktop's ipc-shared.ts habit): every channel
// with its argument schema. The preload exposes exactly these calls; the main process validates every
// argument against the same schemas before anything reaches the engine.
import { z } from 'zod';
import type { AnalysisResult } from './result.js';
import { historyQuerySchema, type ProgressEventBody, type healthSchema, type modelInfoSchema, type runSummarySchema, type storedRunSchema } from './api.js';

export const IPC_INVOKE = {
  health: { channel: 'safe-edge:health', args: z.tuple([]) },
  analyze: { channel: 'safe-edge:analyze', args: z.tuple([z.unknown(), z.string().min(1).max(128)]) },
  history: { channel: 'safe-edge:history', args: z.tuple([historyQuerySchema]) },
  run: { channel: 'safe-edge:run', args: z.tuple([z.string().min(1).max(128)]) },
  models: { channel: 'safe-edge:models', args: z.tuple([]) },
  appInfo: { channel: 'safe-edge:app-info', args: z.tuple([]) },
} as const;
export type IpcInvokeName = keyof typeof IPC_INVOKE;

/** Main → renderer events. */
export const IPC_EVENTS = {
  progress: 'safe-edge:progress',
  engineStatus: 'safe-edge:engine-status',
} as const;

export type EngineStatus = { state: 'starting' | 'ready' | 'restarting' | 'failed'; restarts: number; message?: string };
export interface AppInfo { appVersion: string; dataDir: string; platform: string }

/** What `window.safeEdge` offers the renderer inside the desktop app. */
export interface SafeEdgeBridge {
  health(): Promise<z.infer<typeof healthSchema>>;
  /** Starts an analysis; progress arrives through onProgress with the same analysisId. */
  analyze(incident: unknown, analysisId: string): Promise<AnalysisResult>;
  history(query: z.input<typeof historyQuerySchema>): Promise<Array<z.infer<typeof runSummarySchema>>>;
  run(id: string): Promise<z.infer<typeof storedRunSchema>>;
  models(): Promise<Array<z.infer<typeof modelInfoSchema>>>;
  appInfo(): Promise<AppInfo>;
  onProgress(listener: (event: ProgressEventBody) => void): () => void;
  onEngineStatus(listener: (status: EngineStatus) => void): () => void;
}
