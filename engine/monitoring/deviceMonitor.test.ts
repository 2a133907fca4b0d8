// The sampler thread end to end: samples arrive on the engine's thread, the history file fills, the
// capability list says what this machine measures, and closing stops the thread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeviceMonitor } from './deviceMonitor.js';
import { TimeSeriesStore } from './timeseries/timeSeriesStore.js';

test('the sampler thread collects, stores and reports; memory is measured here, and closing stops it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-monitor-'));
  const historyFile = join(dir, 'metrics.sqlite');
  const monitor = new DeviceMonitor({ dataDir: dir, historyFile, intervalMs: 100 });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && (monitor.view().latest?.values.safe_cpu_busy_ratio === undefined)) await new Promise((r) => setTimeout(r, 100));
  const view = monitor.view();
  assert.equal(view.lastError, null);
  assert.ok(view.latest && (view.latest.values.safe_memory_used_ratio ?? 0) > 0);
  assert.equal(view.capabilities.safe_memory_used_ratio, 'available');
  assert.ok(view.engine.rssBytes > 0);
  await monitor.close();
  const store = new TimeSeriesStore(historyFile);
  assert.ok(store.query('safe_memory_used_ratio', 0, Date.now(), 'raw').length >= 2, 'the history file holds the samples');
  store.close();
});
