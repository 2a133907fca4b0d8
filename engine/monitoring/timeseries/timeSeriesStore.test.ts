// The device-health history (docs/device-health.md, "History"): raw for an hour, minutes for a week,
// hours for 90 days; min/avg/max kept exactly through the roll-ups; bounded; kept across a restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RETENTION, TimeSeriesStore } from './timeSeriesStore.js';

const file = () => join(mkdtempSync(join(tmpdir(), 'safe-ts-')), 'metrics.sqlite');

test('six hours of 1 s samples: raw keeps the last hour, minutes hold min/avg/max exactly, hours roll the minutes up', () => {
  const path = file();
  const store = new TimeSeriesStore(path);
  const t0 = Date.UTC(2026, 10, 30, 0, 0, 0);
  // CPU ramps 0 → 1 over each minute (value = second / 59), memory constant 0.5.
  for (let s = 0; s < 21_600; s++) {
    store.append(t0 + s * 1000, { safe_cpu_busy_ratio: (s % 60) / 59, safe_memory_used_ratio: 0.5 });
    if (s % 600 === 599) store.compact(t0 + (s + 1) * 1000);
  }
  const now = t0 + 21_600_000;
  store.compact(now);
  const counts = store.rowCounts();
  assert.ok(counts.raw <= 2 * 3600 + 2, `raw rows ${counts.raw}: one hour of two series`);
  assert.equal(counts.minute, 2 * 360, 'every minute of the six hours, both series');
  assert.equal(counts.hour, 2 * 6);
  const minute = store.query('safe_cpu_busy_ratio', t0 + 3_600_000, t0 + 3_600_000, 'minute')[0]!;
  assert.deepEqual([minute.min, minute.max], [0, 1]);
  assert.ok(Math.abs(minute.avg - 0.5) < 1e-9);
  const hour = store.query('safe_cpu_busy_ratio', t0, now, 'hour');
  assert.equal(hour.length, 6);
  assert.ok(hour.every((h) => h.min === 0 && h.max === 1 && Math.abs(h.avg - 0.5) < 1e-9), 'averages weighted by sample count');
  assert.equal(TimeSeriesStore.resolutionFor(now - 30 * 60_000, now), 'raw');
  assert.equal(TimeSeriesStore.resolutionFor(now - 2 * 86_400_000, now), 'minute');
  assert.equal(TimeSeriesStore.resolutionFor(now - 30 * 86_400_000, now), 'hour');
  const raw = store.query('safe_memory_used_ratio', now - 10_000, now, 'raw');
  assert.equal(raw.length, 10);
  store.close();
  const reopened = new TimeSeriesStore(path);
  assert.equal(reopened.query('safe_cpu_busy_ratio', t0, now, 'hour').length, 6, 'kept across a restart');
  reopened.close();
});

test('retention bounds every tier: nothing older than a week of minutes or 90 days of hours survives', () => {
  const store = new TimeSeriesStore(file());
  const t0 = Date.UTC(2026, 0, 1);
  // One sample every ten minutes for 100 days, compacted every hour.
  for (let m = 0; m < 100 * 1440; m += 10) {
    store.append(t0 + m * 60_000, { safe_disk_used_ratio: m / (100 * 1440) });
    if (m % 60 === 50) store.compact(t0 + (m + 10) * 60_000);
  }
  const now = t0 + 100 * 86_400_000;
  store.compact(now);
  const counts = store.rowCounts();
  assert.ok(counts.minute <= RETENTION.minuteMs / 600_000 + 1 && counts.minute > 0, `minutes ${counts.minute}`);
  assert.ok(counts.hour <= RETENTION.hourMs / 3_600_000 + 1, `hours ${counts.hour}`);
  assert.equal(store.query('safe_disk_used_ratio', t0, t0 + 9 * 86_400_000, 'hour').length, 0, 'the first ten days are gone');
  store.close();
});

test('summary: count / min / avg / max per series, raw by sample, minutes weighted by their counts', () => {
  const store = new TimeSeriesStore(file());
  const t0 = Date.UTC(2026, 10, 30, 0, 0, 0);
  // Two minutes: the first at 0.2 for 60 samples, the second at 0.8 for 30 samples.
  for (let s = 0; s < 90; s++) store.append(t0 + s * 1000, { safe_memory_used_ratio: s < 60 ? 0.2 : 0.8 }, s % 2 ? 'cpu=1' : '');
  store.compact(t0 + 120_000);
  const raw = store.summary(t0, t0 + 120_000, 'raw');
  assert.deepEqual(raw.map((r) => [r.metric, r.labels, r.count, r.min, r.max]), [['safe_memory_used_ratio', '', 45, 0.2, 0.8], ['safe_memory_used_ratio', 'cpu=1', 45, 0.2, 0.8]]);
  const minute = store.summary(t0, t0 + 120_000, 'minute');
  assert.deepEqual(minute.map((r) => r.count), [45, 45]);
  assert.ok(minute.every((r) => Math.abs(r.avg - (30 * 0.2 + 15 * 0.8) / 45) < 1e-9), 'weighted, not the mean of the two minutes');
  store.close();
});
