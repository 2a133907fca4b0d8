// The rules' aggregates read their window by binary search over the series, without copying it
// (aggregate.ts, docs/device-health.md "What monitoring costs"). They must give what the plain reading
// gives: every sample in [now − window, now], oldest first. Checked on seeded random series, with samples
// after `now`, samples exactly at `now` or at the window's start, gaps, counter resets and flat stretches, against that plain reading written out here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { aggregateSeries, type Point } from './aggregate.js';
import { durationMs, type Aggregate } from './rules.js';

/** The plain reading: filter the window, then aggregate (the PromQL definitions, docs/alerts.md). */
function plain(agg: Aggregate, points: readonly Point[], nowMs: number, lookbackMs: number): number | undefined {
  if (agg.fn === 'last') {
    const newest = points.filter((p) => p.t <= nowMs).at(-1);
    return newest && nowMs - newest.t <= lookbackMs ? newest.v : undefined;
  }
  if (agg.fn === 'histogram_quantile') throw new Error('not a series aggregate');
  const windowMs = durationMs(agg.window);
  const w = points.filter((p) => p.t <= nowMs && p.t >= nowMs - windowMs);
  if (w.length === 0) return undefined;
  if (agg.fn === 'avg_over') return w.reduce((a, p) => a + p.v, 0) / w.length;
  if (agg.fn === 'max_over') return Math.max(...w.map((p) => p.v));
  if (w.length < 2) return undefined;
  if (agg.fn === 'predict_linear') {
    if (w.every((p) => p.v === w[0]!.v)) return w[0]!.v;
    let n = 0, sx = 0, sy = 0, sxy = 0, sxx = 0;
    for (const p of w) { const x = (p.t - nowMs) / 1000; n++; sx += x; sy += p.v; sxy += x * p.v; sxx += x * x; }
    const slope = (sxy - (sx * sy) / n) / (sxx - (sx * sx) / n);
    return slope * (durationMs(agg.horizon) / 1000) + (sy / n - (slope * sx) / n);
  }
  const first = w[0]!, last = w.at(-1)!;
  let increase = last.v - first.v;
  for (let i = 1; i < w.length; i++) if (w[i]!.v < w[i - 1]!.v) increase += w[i - 1]!.v;
  const sampled = (last.t - first.t) / 1000, average = sampled / (w.length - 1);
  let toStart = (first.t - (nowMs - windowMs)) / 1000;
  const toEnd = (nowMs - last.t) / 1000;
  if (increase > 0 && first.v >= 0) toStart = Math.min(toStart, sampled * (first.v / increase));
  const extended = sampled + (toStart < average * 1.1 ? toStart : average / 2) + (toEnd < average * 1.1 ? toEnd : average / 2);
  return (increase * (extended / sampled)) / (windowMs / 1000);
}

const AGGREGATES: Aggregate[] = [
  { fn: 'last' }, { fn: 'avg_over', window: '10s' }, { fn: 'max_over', window: '1m' }, { fn: 'rate', window: '30s' },
  { fn: 'predict_linear', window: '1m', horizon: '8h' },
];

test('aggregates over a binary-searched window equal the plain filtered reading', () => {
  const steps = fc.array(fc.record({ gapMs: fc.constantFrom(0, 500, 1000, 1000, 1000, 7000, 45_000), v: fc.oneof(fc.constantFrom(0, 1, 1), fc.double({ min: -5, max: 100, noNaN: true })) }), { maxLength: 150 });
  fc.assert(fc.property(steps, fc.oneof(fc.integer({ min: -10_000, max: 200_000 }), fc.integer({ min: -20, max: 400 }).map((k) => k * 500)), (raw, nowMs) => {
    const points: Point[] = [];
    let t = 0;
    for (const s of raw) { t += s.gapMs; if (points.at(-1)?.t !== t) points.push({ t, v: s.v }); }
    for (const agg of AGGREGATES) assert.equal(aggregateSeries(agg, points, nowMs, 60_000), plain(agg, points, nowMs, 60_000), `${agg.fn} at ${nowMs}`);
  }), { seed: 20261130, numRuns: 400 });
});
