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

test('history holds every second the engine has seen, though the sampler writes its file in batches', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-monitor-'));
  const monitor = new DeviceMonitor({ dataDir: dir, historyFile: join(dir, 'metrics.sqlite'), intervalMs: 100 });
  const seen: number[] = [];
  monitor.onSample((s) => { if (s.values.safe_memory_used_ratio !== undefined) seen.push(s.atMs); });
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && seen.length < 8) await new Promise((r) => setTimeout(r, 100));
  const nowMs = Date.now();
  // The samples seen before the question: one may arrive while the monitor closes, after the history was read.
  const seenBefore = seen.filter((atMs) => atMs <= nowMs);
  const { resolution, points } = monitor.history('safe_memory_used_ratio', nowMs - 60_000, nowMs);
  await monitor.close();
  assert.equal(resolution, 'raw');
  const times = points.map((p) => p.atMs);
  assert.ok(seenBefore.length >= 8, 'samples arrived');
  for (const atMs of seenBefore) assert.ok(times.includes(atMs), `the sample at ${atMs} is in the history`);
  assert.deepEqual(times, [...new Set(times)].sort((a, b) => a - b), 'each second once, oldest first');
});
