// Timing statistics (per agent, per SQL statement) over the most recent runs (a ring buffer, so memory stays flat).
import { quantile, round } from '../numeric/stats.js';

export interface TimingSummary { count: number; meanMs: number; p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number }

export class TimingStats {
  private readonly samples = new Map<string, { values: number[]; next: number; count: number }>();

  constructor(private readonly window = 1024) {}

  record(name: string, ms: number): void {
    let s = this.samples.get(name);
    if (!s) { s = { values: [], next: 0, count: 0 }; this.samples.set(name, s); }
    if (s.values.length < this.window) s.values.push(ms);
    else s.values[s.next] = ms;
    s.next = (s.next + 1) % this.window;
    s.count++;
  }

  snapshot(): Record<string, TimingSummary> {
    const out: Record<string, TimingSummary> = {};
    for (const [name, s] of this.samples) {
      out[name] = {
        count: s.count,
        meanMs: round(s.values.reduce((a, b) => a + b, 0) / s.values.length, 3),
        p50Ms: round(quantile(s.values, 0.5), 3),
        p95Ms: round(quantile(s.values, 0.95), 3),
        p99Ms: round(quantile(s.values, 0.99), 3),
        maxMs: round(Math.max(...s.values), 3),
      };
    }
    return out;
  }
}
