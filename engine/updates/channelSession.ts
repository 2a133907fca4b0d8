// The engine's side of one update's conversation with a channel: the same questions as ChannelClient
// (refresh, download), answered by the channel worker (channelWorker.ts), where tuf-js runs.
import { Worker } from 'node:worker_threads';
import { SafeError, type SafeErrorBody } from '../contract/errors.js';
import type { ChannelSource } from './channelSource.js';
import type { ChannelView, DownloadStats, TargetInfo } from './channelView.js';
import type { ChannelRequest, ChannelWorkerData } from './channelWorker.js';

const CHANNEL_WORKER_URL = new URL('./channelWorker.js', import.meta.url);

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SafeErrorBody };
type Request = ChannelRequest extends infer R ? R extends { id: number } ? Omit<R, 'id'> : never : never;

export class ChannelSession {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();

  constructor(dataDir: string, readonly source: ChannelSource, now: Date, offline: boolean) {
    const data: ChannelWorkerData = { dataDir, source, nowMs: now.getTime(), offline };
    this.worker = new Worker(CHANNEL_WORKER_URL, { workerData: { channelWorker: data } });
    this.worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.ok) waiting?.resolve(reply.value);
      else waiting?.reject(SafeError.fromBody(reply.error));
    });
    const fail = (err: Error) => { for (const p of this.pending.values()) p.reject(err); this.pending.clear(); };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the channel worker exited (code ${code})`)));
  }

  private ask<T>(request: Request): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  refresh(): Promise<ChannelView> { return this.ask({ type: 'refresh' }); }

  download(target: TargetInfo, file: string, chunkHashes?: readonly string[]): Promise<DownloadStats> {
    return this.ask({ type: 'download', target, file, ...(chunkHashes ? { chunkHashes: [...chunkHashes] } : {}) });
  }

  async close(): Promise<void> { this.worker.removeAllListeners('exit'); await this.worker.terminate(); }
}
