// The device-health sampler's thread (docs/device-health.md): collects a sample every interval, writes it
// to the history and rolls the history up once a minute, and posts each sample to the engine's thread.
// Off the request path: the engine's event loop only receives a small message per second.
import { parentPort, workerData } from 'node:worker_threads';
import { createDeviceCollector } from './collectors/index.js';
import { TimeSeriesStore } from './timeseries/timeSeriesStore.js';
import type { SamplerOptions, SamplerMessage } from './deviceMonitor.js';

const options = workerData as SamplerOptions;
const store = new TimeSeriesStore(options.historyFile);
const collector = await createDeviceCollector({ dataDir: options.dataDir, sources: options.sources });
let lastCompactMs = 0;
let running = false;

const timer = setInterval(() => {
  if (running) return; // a slow sample (a sleeping disk) never piles up behind itself
  running = true;
  const nowMs = Date.now();
  collector.sample(nowMs).then((sample) => {
    store.append(nowMs, sample.values);
    if (nowMs - lastCompactMs >= 60_000) { store.compact(nowMs); lastCompactMs = nowMs; }
    parentPort?.postMessage({ kind: 'sample', sample } satisfies SamplerMessage);
  }).catch((err: Error) => parentPort?.postMessage({ kind: 'error', message: err.message } satisfies SamplerMessage))
    .finally(() => { running = false; });
}, options.intervalMs);

parentPort?.on('message', (message: { kind: 'stop' }) => {
  if (message.kind === 'stop') { clearInterval(timer); store.close(); parentPort?.close(); }
});
