// The only bridge between the sandboxed UI and the app: `invoke` for exactly the operations the table
// marks `bridge`, and the engine's status; no ipcRenderer, no Node. Bundled into one CommonJS file
// (dist/electron/preload.cjs, `npm run build`) because a sandboxed preload can require only `electron`,
// and so it can import the operations table instead of repeating it.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_OPERATIONS, ipcChannel, ipcEventChannel, type BridgeOperationName } from '../engine/contract/operations.js';
import { ERROR_CODES } from '../engine/contract/errors.js';
import { ENGINE_STATUS_CHANNEL, type EngineStatus, type IpcEvent, type IpcReply, type SafeEdgeBridge } from '../engine/contract/ipc.js';

let calls = 0;

async function invoke(name: BridgeOperationName, args: unknown, onEvent?: (event: unknown) => void): Promise<unknown> {
  if (!BRIDGE_OPERATIONS.includes(name)) throw Object.assign(new Error(`${String(name)} is not offered to the UI`), { body: { code: ERROR_CODES.UNKNOWN_OPERATION, message: `${String(name)} is not offered to the UI`, field: 'op' } });
  const callId = `${Date.now().toString(36)}-${(calls++).toString(36)}`;
  const listener = (_event: unknown, message: IpcEvent<unknown>) => { if (message.callId === callId) onEvent?.(message.event); };
  if (onEvent) ipcRenderer.on(ipcEventChannel(name), listener);
  try {
    const reply = await ipcRenderer.invoke(ipcChannel(name), args, callId) as IpcReply<unknown>;
    if (reply.ok) return reply.value;
    // Errors lose their class crossing the context bridge: the body travels on the Error.
    throw Object.assign(new Error(`${reply.error.code}: ${reply.error.message}`), { body: reply.error });
  } finally {
    if (onEvent) ipcRenderer.removeListener(ipcEventChannel(name), listener);
  }
}

const bridge = {
  invoke,
  onEngineStatus(listener: (status: EngineStatus) => void): () => void {
    const wrapped = (_event: unknown, status: EngineStatus) => listener(status);
    ipcRenderer.on(ENGINE_STATUS_CHANNEL, wrapped);
    return () => { ipcRenderer.removeListener(ENGINE_STATUS_CHANNEL, wrapped); };
  },
};

contextBridge.exposeInMainWorld('safeEdge', bridge as unknown as SafeEdgeBridge);
