// Tests only: one call of any operation over the utility-process protocol, as the desktop app's main
// process makes it (engine/host/engineHost.ts), on a fresh message channel; resolves with its reply.
import { MessageChannel } from 'node:worker_threads';
import type { HostMessage } from '../../contract/hostProtocol.js';
import type { Engine } from '../../engine.js';
import { serveEngineOverPort } from '../engineHost.js';

export type HostReply = Extract<HostMessage, { type: 'reply' }>;

export function callOverPort(engine: Engine, op: string, args: unknown): Promise<HostReply> {
  const { port1, port2 } = new MessageChannel();
  serveEngineOverPort(engine, port1 as never);
  return new Promise((resolve) => {
    port2.on('message', (m: HostMessage) => {
      if (m.type !== 'reply') return;
      port1.close();
      resolve(m);
    });
    port2.postMessage({ id: 7, op, args });
  });
}
