// The desktop app's bridge, derived from the operations table (GitHub Desktop's ipc-shared.ts habit,
// with the list itself kept in operations.ts): the preload exposes `invoke` for exactly the operations
// marked `bridge`, on channels named after them; the main process validates every call with the same
// schemas before anything reaches the engine.
import type { BridgeOperationName, OperationArgsInput, OperationEvent, OperationResult } from './operations.js';
import type { SafeErrorBody } from './errors.js';

/** Main → renderer: the supervisor's view of the engine process. */
export const ENGINE_STATUS_CHANNEL = 'safe-edge:engine-status';

export type EngineStatus = { state: 'starting' | 'ready' | 'restarting' | 'failed'; restarts: number; message?: string };

/** What an IPC handler answers: the value, or the engine's error body (errors do not survive IPC as classes). */
export type IpcReply<T> = { ok: true; value: T } | { ok: false; error: SafeErrorBody };

/** An operation's event as it crosses IPC: tagged with the call it belongs to. */
export interface IpcEvent<E> { callId: string; event: E }

/** What `window.safeEdge` offers the renderer inside the desktop app. */
export interface SafeEdgeBridge {
  /** Calls a bridged operation; its events (analysis progress) arrive through `onEvent` while it runs. */
  invoke<K extends BridgeOperationName>(name: K, args: OperationArgsInput<K>, onEvent?: (event: OperationEvent<K>) => void): Promise<OperationResult<K>>;
  onEngineStatus(listener: (status: EngineStatus) => void): () => void;
}
