// The channel worker: where tuf-js runs (refresh, verified downloads), in a thread of its own that lives
// for one update, so the serving process never loads tuf-js (channelView.ts says why). It answers the
// engine's thread (channelSession.ts) one request at a time; errors travel as their stable codes.
import { parentPort, workerData } from 'node:worker_threads';
import { ERROR_CODES, toErrorBody } from '../contract/errors.js';
import { ChannelClient } from './channelClient.js';
import type { ChannelSource } from './channelSource.js';
import type { TargetInfo } from './channelView.js';

export interface ChannelWorkerData { dataDir: string; source: ChannelSource; nowMs: number; offline: boolean }
export type ChannelRequest = { id: number; type: 'refresh' } | { id: number; type: 'download'; target: TargetInfo; file: string; chunkHashes?: string[] };

if (parentPort && workerData?.channelWorker) {
  const port = parentPort;
  const data = workerData.channelWorker as ChannelWorkerData;
  let client: ChannelClient | null = null;
  port.on('message', async (request: ChannelRequest) => {
    try {
      client ??= new ChannelClient(data.dataDir, data.source, () => new Date(data.nowMs), data.offline);
      const value = request.type === 'refresh' ? await client.refresh() : await client.download(request.target, request.file, request.chunkHashes);
      port.postMessage({ id: request.id, ok: true, value });
    } catch (err) {
      port.postMessage({ id: request.id, ok: false, error: toErrorBody(err, ERROR_CODES.UPDATE_UNREACHABLE) });
    }
  });
}
