// The only bridge between the sandboxed UI and the app: exactly the contract's calls, nothing else
// (no ipcRenderer, no Node). CommonJS because sandboxed preloads cannot be ES modules.
import { contextBridge, ipcRenderer } from 'electron';

// Channel names are repeated from engine/contract/ipc.ts because a sandboxed preload cannot require
// project files; a unit test checks that the two lists are identical.
const INVOKE = {
  health: 'safe-edge:health', analyze: 'safe-edge:analyze', history: 'safe-edge:history',
  run: 'safe-edge:run', models: 'safe-edge:models', appInfo: 'safe-edge:app-info',
} as const;
const EVENTS = { progress: 'safe-edge:progress', engineStatus: 'safe-edge:engine-status' } as const;

async function call(channel: string, ...args: unknown[]): Promise<unknown> {
  const reply = await ipcRenderer.invoke(channel, ...args) as { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
  if (reply.ok) return reply.value;
  throw Object.assign(new Error(`${reply.error.code}: ${reply.error.message}`), { body: reply.error });
}

function subscribe(channel: string, listener: (payload: unknown) => void): () => void {
  const wrapped = (_event: unknown, payload: unknown) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => { ipcRenderer.removeListener(channel, wrapped); };
}

contextBridge.exposeInMainWorld('safeEdge', {
  health: () => call(INVOKE.health),
  analyze: (incident: unknown, analysisId: string) => call(INVOKE.analyze, incident, analysisId),
  history: (query: unknown) => call(INVOKE.history, query),
  run: (id: string) => call(INVOKE.run, id),
  models: () => call(INVOKE.models),
  appInfo: () => call(INVOKE.appInfo),
  onProgress: (listener: (event: unknown) => void) => subscribe(EVENTS.progress, listener),
  onEngineStatus: (listener: (status: unknown) => void) => subscribe(EVENTS.engineStatus, listener),
});

