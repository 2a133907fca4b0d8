// Times every statement the store runs, by name: count and p50/p99 for the dashboards, and a log line
// when one is slower than the configured bound (the slow-query log).
import { performance } from 'node:perf_hooks';
import { TimingStats } from '../metrics/timingStats.js';
import type { Logger } from '../logging.js';

export class StatementTimer {
  /** Quantiles for GET /v1/stats (its contract); the Prometheus histogram is `observe` (docs/metrics.md). */
  readonly stats = new TimingStats();

  /** `onSlow`: counts a statement over the bound (safe_sqlite_slow_statements_total, the SqliteSlowStatements alert). */
  constructor(private readonly slowQueryMs = 50, private readonly logger?: Logger, private readonly observe?: (statement: string, seconds: number) => void,
    private readonly onSlow?: (statement: string) => void) {}

  run<T>(name: string, statement: () => T): T {
    const started = performance.now();
    try {
      return statement();
    } finally {
      const ms = performance.now() - started;
      this.stats.record(name, ms);
      this.observe?.(name, ms / 1000);
      if (ms > this.slowQueryMs) {
        this.logger?.warn('slow query', { statement: name, ms: Math.round(ms * 1000) / 1000, boundMs: this.slowQueryMs });
        this.onSlow?.(name);
      }
    }
  }
}
