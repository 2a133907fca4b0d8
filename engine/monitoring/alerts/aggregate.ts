// A rule's aggregate over one series' samples at `nowMs`, computed as PromQL computes it (docs/alerts.md,
// "Prometheus mapping"), so an exported rule and the engine agree on the same samples.
import { durationMs, type Aggregate } from './rules.js';

export interface Point { t: number; v: number }

/** The samples in [now − window, now] (PromQL's range selector) as the index range [lo, hi) of `points`,
 *  which are oldest first: found by binary search, nothing copied, since the rules are evaluated every
 *  second over up to an hour of samples (docs/device-health.md, "What monitoring costs"). */
interface Span { lo: number; hi: number }

/** The first index whose time is at least `t` (past `t` with `strict`). */
function firstAtOrAfter(points: readonly Point[], t: number, strict: boolean): number {
  let lo = 0, hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const pt = (points[mid] as Point).t;
    if (strict ? pt <= t : pt < t) lo = mid + 1; else hi = mid;
  }
  return lo;
}

function inWindow(points: readonly Point[], nowMs: number, windowMs: number): Span {
  return { lo: firstAtOrAfter(points, nowMs - windowMs, false), hi: firstAtOrAfter(points, nowMs, true) };
}

/** Counter increase over the window with resets corrected, extrapolated as PromQL's rate() does. */
function rate(w: readonly Point[], { lo, hi }: Span, nowMs: number, windowMs: number): number | undefined {
  const count = hi - lo;
  if (count < 2) return undefined;
  const first = w[lo] as Point, last = w[hi - 1] as Point;
  let increase = last.v - first.v;
  for (let i = lo + 1; i < hi; i++) if ((w[i] as Point).v < (w[i - 1] as Point).v) increase += (w[i - 1] as Point).v;
  // extrapolatedRate (Prometheus promql/functions.go): extend to the window's edges when the samples reach near them.
  const sampled = (last.t - first.t) / 1000;
  const average = sampled / (count - 1);
  let toStart = (first.t - (nowMs - windowMs)) / 1000;
  const toEnd = (nowMs - last.t) / 1000;
  if (increase > 0 && first.v >= 0) toStart = Math.min(toStart, sampled * (first.v / increase));
  const threshold = average * 1.1;
  let extended = sampled;
  extended += toStart < threshold ? toStart : average / 2;
  extended += toEnd < threshold ? toEnd : average / 2;
  return (increase * (extended / sampled)) / (windowMs / 1000);
}

/** PromQL's predict_linear: least squares with the intercept at `nowMs`, read `horizonS` ahead. */
function predictLinear(w: readonly Point[], { lo, hi }: Span, nowMs: number, horizonS: number): number | undefined {
  if (hi - lo < 2) return undefined;
  const v0 = (w[lo] as Point).v;
  let flat = true;
  for (let i = lo + 1; i < hi && flat; i++) flat = (w[i] as Point).v === v0;
  if (flat) return v0; // a flat line, as PromQL returns it
  let n = 0, sx = 0, sy = 0, sxy = 0, sxx = 0;
  for (let i = lo; i < hi; i++) {
    const p = w[i] as Point;
    const x = (p.t - nowMs) / 1000;
    n++; sx += x; sy += p.v; sxy += x * p.v; sxx += x * x;
  }
  const cov = sxy - (sx * sy) / n, variance = sxx - (sx * sx) / n;
  const slope = cov / variance;
  const intercept = sy / n - (slope * sx) / n;
  return slope * horizonS + intercept;
}

/** Durations as written in rules.yaml, parsed once each. */
const parsedMs = new Map<string, number>();
const cachedDurationMs = (text: string) => { let ms = parsedMs.get(text); if (ms === undefined) parsedMs.set(text, (ms = durationMs(text))); return ms; };

/** The value of one series' aggregate; undefined when there is no (fresh) data. `points` are oldest first
 *  (as the alert manager keeps them). `lookbackMs`: how old the newest sample may be for `last`. */
export function aggregateSeries(agg: Aggregate, points: readonly Point[], nowMs: number, lookbackMs: number): number | undefined {
  if (agg.fn === 'last') {
    let i = points.length - 1;
    while (i >= 0 && (points[i] as Point).t > nowMs) i--;
    const newest = points[i];
    return newest && nowMs - newest.t <= lookbackMs ? newest.v : undefined;
  }
  if (agg.fn === 'histogram_quantile') throw new Error('histogram_quantile aggregates bucket series: use histogramQuantile');
  const windowMs = cachedDurationMs(agg.window);
  const span = inWindow(points, nowMs, windowMs);
  if (span.hi <= span.lo) return undefined;
  switch (agg.fn) {
    case 'avg_over': { let sum = 0; for (let i = span.lo; i < span.hi; i++) sum += (points[i] as Point).v; return sum / (span.hi - span.lo); }
    case 'max_over': { let max = -Infinity; for (let i = span.lo; i < span.hi; i++) max = Math.max(max, (points[i] as Point).v); return max; }
    case 'rate': return rate(points, span, nowMs, windowMs);
    case 'predict_linear':
      // min_span: a sample at least that old in the window (PromQL: `and present_over_time(m[window − span] offset span)`).
      if (agg.min_span !== undefined && (points[span.lo] as Point).t > nowMs - cachedDurationMs(agg.min_span)) return undefined;
      return predictLinear(points, span, nowMs, cachedDurationMs(agg.horizon) / 1000);
  }
}


/** PromQL's histogram_quantile(q, sum by (le) (rate(<metric>_bucket[window]))): `buckets` maps each `le`
 *  (as written, "+Inf" included) to the sum of the rates of its series. */
export function histogramQuantile(q: number, buckets: ReadonlyMap<string, number>): number | undefined {
  const sorted = [...buckets].map(([le, count]) => ({ upper: le === '+Inf' ? Infinity : Number(le), count })).sort((a, b) => a.upper - b.upper);
  if (sorted.length < 2 || sorted[sorted.length - 1]!.upper !== Infinity) return undefined;
  for (let i = 1; i < sorted.length; i++) sorted[i]!.count = Math.max(sorted[i]!.count, sorted[i - 1]!.count); // monotonic, as Prometheus ensures
  const total = sorted[sorted.length - 1]!.count;
  if (!(total > 0)) return undefined;
  const rank = q * total;
  let b = sorted.findIndex((s) => s.count >= rank);
  if (b === sorted.length - 1) return sorted[sorted.length - 2]!.upper;
  if (b === 0 && sorted[0]!.upper <= 0) return sorted[0]!.upper;
  const end = sorted[b]!.upper;
  let start = 0, count = sorted[b]!.count, r = rank;
  if (b > 0) { start = sorted[b - 1]!.upper; count -= sorted[b - 1]!.count; r -= sorted[b - 1]!.count; }
  if (b < 0) b = 0;
  return start + (end - start) * (r / count);
}
