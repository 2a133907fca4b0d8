// The device-health sampler's thread (docs/device-health.md): collects a sample every interval, writes the
// history in batches and rolls it up once a minute, and posts each sample to the engine's thread.
// Off the request path: the engine's event loop only receives a small message per second.
import { readlinkSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { createDeviceCollector } from './collectors/index.js';
import { TimeSeriesStore } from './timeseries/timeSeriesStore.js';
import type { SamplerOptions, SamplerMessage } from './deviceMonitor.js';

/** How often the buffered samples are written to the history file. The engine's thread keeps the last
 *  minute of samples (deviceMonitor.ts), so this stays well under a minute. */
const HISTORY_FLUSH_MS = 10_000;

const options = workerData as SamplerOptions;
const store = new TimeSeriesStore(options.historyFile);
const collector = await createDeviceCollector({ dataDir: options.dataDir, sources: options.sources });
let lastCompactMs = 0;
let running = false;
/** Samples not yet in the history file: written together every HISTORY_FLUSH_MS, one commit instead of one
 *  per second (docs/device-health.md, "What monitoring costs"); the engine's thread serves the newest
 *  seconds from the samples it keeps (deviceMonitor.ts history()). */
const pending: Array<{ atMs: number; values: Readonly<Record<string, number>> }> = [];
let lastFlushMs = 0;

/** Writes the buffered samples; on a failed write (a full disk) they are dropped, as a failed second was
 *  before batching: metrics are not worth holding memory for. */
function flush(): void {
  try { store.appendMany(pending); } finally { pending.length = 0; }
}

// This thread's Linux id, so the monitoring's own CPU can be read from /proc/<pid>/task/<id> (bench:monitor,
// docs/device-health.md "What monitoring costs"); /proc/thread-self names the thread that reads it.
const linuxThreadId = (() => { try { return Number(readlinkSync('/proc/thread-self').split('/').pop()); } catch { return null; } })();
parentPort?.postMessage({ kind: 'thread', linuxThreadId: Number.isInteger(linuxThreadId) ? linuxThreadId : null } satisfies SamplerMessage);

const timer = setInterval(() => {
  if (running) return; // a slow sample (a sleeping disk) never piles up behind itself
  running = true;
  const nowMs = Date.now();
  collector.sample(nowMs).then((sample) => {
    pending.push({ atMs: nowMs, values: sample.values as Record<string, number> });
    const compactDue = nowMs - lastCompactMs >= 60_000;
    if (compactDue || nowMs - lastFlushMs >= HISTORY_FLUSH_MS || nowMs < lastFlushMs) { flush(); lastFlushMs = nowMs; }
    if (compactDue) { store.compact(nowMs); lastCompactMs = nowMs; }
    parentPort?.postMessage({ kind: 'sample', sample } satisfies SamplerMessage);
  }).catch((err: Error) => parentPort?.postMessage({ kind: 'error', message: err.message } satisfies SamplerMessage))
    .finally(() => { running = false; });
}, options.intervalMs);

parentPort?.on('message', (message: { kind: 'stop' }) => {
  if (message.kind !== 'stop') return;
  clearInterval(timer);
  collector.close();
  try { flush(); } finally { store.close(); parentPort?.close(); }
});
