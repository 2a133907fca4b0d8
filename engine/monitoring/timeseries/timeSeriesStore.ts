// Device-health history in its own SQLite file (docs/device-health.md, "History"), apart from the
// analyses' database so a metric write never waits on, or delays, an acknowledged analysis. Raw samples at
// 1 s are kept for an hour; then min/avg/max per minute for a week, and per hour for 90 days. The tiers'
// retention bounds the file: about 3 600 + 10 080 + 2 160 rows per series. synchronous=NORMAL in WAL: a
// power cut may lose the last seconds of metrics, never the file, and metrics are not worth an fsync each.
import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { makeOwnerOnlyDir, touchOwnerOnly } from '../../store/dataDirPermissions.js';

export const RETENTION = { rawMs: 3_600_000, minuteMs: 7 * 86_400_000, hourMs: 90 * 86_400_000 } as const;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

export interface SeriesPoint { atMs: number; min: number; avg: number; max: number }
export type Resolution = 'raw' | 'minute' | 'hour';
export interface SeriesSummary { metric: string; labels: string; count: number; min: number; avg: number; max: number }

export class TimeSeriesStore {
  private readonly db: Database.Database;
  private readonly insertRaw: Database.Statement;
  private readonly compaction: Record<'mark' | 'setMark' | 'minuteRollup' | 'hourRollup' | 'dropRaw' | 'dropMinute' | 'dropHour', Database.Statement>;
  /** metric and labels → the series (knownSeries()); undefined until compaction first needs it. */
  private series: Map<string, { metric: string; labels: string }> | undefined;

  constructor(file: string) {
    makeOwnerOnlyDir(dirname(file));
    touchOwnerOnly(file); // owner-only like every file in the data directory; -wal and -shm follow its mode
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS raw (metric TEXT NOT NULL, labels TEXT NOT NULL, at INTEGER NOT NULL, value REAL NOT NULL, PRIMARY KEY (metric, labels, at)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS minute (metric TEXT NOT NULL, labels TEXT NOT NULL, at INTEGER NOT NULL, min REAL, avg REAL, max REAL, n INTEGER, PRIMARY KEY (metric, labels, at)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS hour (metric TEXT NOT NULL, labels TEXT NOT NULL, at INTEGER NOT NULL, min REAL, avg REAL, max REAL, n INTEGER, PRIMARY KEY (metric, labels, at)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS watermark (tier TEXT PRIMARY KEY, at INTEGER NOT NULL);`);
    this.insertRaw = this.db.prepare('INSERT OR REPLACE INTO raw (metric, labels, at, value) VALUES (?, ?, ?, ?)');
    this.compaction = {
      mark: this.db.prepare('SELECT at FROM watermark WHERE tier = ?'),
      setMark: this.db.prepare('INSERT OR REPLACE INTO watermark (tier, at) VALUES (?, ?)'),
      minuteRollup: this.db.prepare(`INSERT OR REPLACE INTO minute SELECT metric, labels, (at / ${MINUTE_MS}) * ${MINUTE_MS}, MIN(value), AVG(value), MAX(value), COUNT(*)
        FROM raw WHERE metric = ? AND labels = ? AND at >= ? AND at < ? GROUP BY at / ${MINUTE_MS}`),
      hourRollup: this.db.prepare(`INSERT OR REPLACE INTO hour SELECT metric, labels, (at / ${HOUR_MS}) * ${HOUR_MS}, MIN(min), SUM(avg * n) / SUM(n), MAX(max), SUM(n)
        FROM minute WHERE metric = ? AND labels = ? AND at >= ? AND at < ? GROUP BY at / ${HOUR_MS}`),
      dropRaw: this.db.prepare('DELETE FROM raw WHERE metric = ? AND labels = ? AND at < ?'),
      dropMinute: this.db.prepare('DELETE FROM minute WHERE metric = ? AND labels = ? AND at < ?'),
      dropHour: this.db.prepare('DELETE FROM hour WHERE metric = ? AND labels = ? AND at < ?'),
    };
  }

  /** One sample's values at `atMs` (labels as a canonical "k=v,k=v" string; '' for none). */
  append(atMs: number, values: Readonly<Record<string, number>>, labels = ''): void {
    this.appendMany([{ atMs, values }], labels);
  }

  /** Several samples in one transaction: the sampler writes its buffered seconds this way (samplerWorker.ts),
   *  one commit per batch rather than per second. */
  appendMany(samples: ReadonlyArray<{ atMs: number; values: Readonly<Record<string, number>> }>, labels = ''): void {
    if (samples.length === 0) return;
    this.db.transaction(() => {
      for (const { atMs, values } of samples) {
        for (const metric in values) {
          const value = values[metric]!;
          if (!Number.isFinite(value)) continue;
          this.insertRaw.run(metric, labels, Math.round(atMs), value);
          if (this.series && !this.series.has(`${metric}\u0000${labels}`)) this.series.set(`${metric}\u0000${labels}`, { metric, labels });
        }
      }
    })();
  }

  /** Rolls finished minutes up into the minute tier and finished hours into the hour tier, then drops what
   *  is past each tier's retention. Call it about once a minute; calling it more often is harmless. Every
   *  statement names one series, so it seeks the tables' (metric, labels, at) key instead of scanning a
   *  week of minutes each minute (docs/device-health.md, "What monitoring costs"). */
  compact(nowMs: number): void {
    const c = this.compaction;
    this.db.transaction(() => {
      const mark = (tier: string) => (c.mark.get(tier) as { at: number } | undefined)?.at ?? 0;
      const minuteFrom = mark('minute'), hourFrom = mark('hour');
      const minuteEnd = Math.floor(nowMs / MINUTE_MS) * MINUTE_MS;
      const hourEnd = Math.floor(nowMs / HOUR_MS) * HOUR_MS;
      for (const { metric, labels } of this.knownSeries()) {
        c.minuteRollup.run(metric, labels, minuteFrom, minuteEnd);
        c.hourRollup.run(metric, labels, hourFrom, hourEnd);
        c.dropRaw.run(metric, labels, nowMs - RETENTION.rawMs);
        c.dropMinute.run(metric, labels, nowMs - RETENTION.minuteMs);
        c.dropHour.run(metric, labels, nowMs - RETENTION.hourMs);
      }
      c.setMark.run('minute', minuteEnd);
      c.setMark.run('hour', hourEnd);
    })();
  }

  /** Every series in the file: read once (one scan of each tier), then kept up to date as samples are appended.
   *  The connection that compacts is the file's only writer (the sampler thread), so nothing is missed. */
  private knownSeries(): Iterable<{ metric: string; labels: string }> {
    if (!this.series) {
      this.series = new Map();
      const rows = this.db.prepare('SELECT DISTINCT metric, labels FROM raw UNION SELECT DISTINCT metric, labels FROM minute UNION SELECT DISTINCT metric, labels FROM hour').all() as Array<{ metric: string; labels: string }>;
      for (const r of rows) this.series.set(`${r.metric}\u0000${r.labels}`, r);
    }
    return this.series.values();
  }

  /** The finest tier that still holds the whole range: raw up to an hour back, minutes up to a week, hours beyond. */
  static resolutionFor(fromMs: number, nowMs: number): Resolution {
    const age = nowMs - fromMs;
    return age <= RETENTION.rawMs ? 'raw' : age <= RETENTION.minuteMs ? 'minute' : 'hour';
  }

  query(metric: string, fromMs: number, toMs: number, resolution: Resolution, labels = ''): SeriesPoint[] {
    if (resolution === 'raw') {
      return (this.db.prepare('SELECT at, value FROM raw WHERE metric = ? AND labels = ? AND at >= ? AND at <= ? ORDER BY at')
        .all(metric, labels, fromMs, toMs) as Array<{ at: number; value: number }>).map((r) => ({ atMs: r.at, min: r.value, avg: r.value, max: r.value }));
    }
    return (this.db.prepare(`SELECT at, min, avg, max FROM ${resolution} WHERE metric = ? AND labels = ? AND at >= ? AND at <= ? ORDER BY at`)
      .all(metric, labels, fromMs, toMs) as Array<{ at: number; min: number; avg: number; max: number }>).map((r) => ({ atMs: r.at, min: r.min, avg: r.avg, max: r.max }));
  }

  /** Per series, count / min / avg / max over [fromMs, toMs] in one tier (for the support bundle, docs/cli.md):
   *  raw counts samples; minute and hour weight each row by its sample count. */
  summary(fromMs: number, toMs: number, resolution: Resolution): SeriesSummary[] {
    const sql = resolution === 'raw'
      ? 'SELECT metric, labels, COUNT(*) AS count, MIN(value) AS min, AVG(value) AS avg, MAX(value) AS max FROM raw WHERE at >= ? AND at <= ? GROUP BY metric, labels ORDER BY metric, labels'
      : `SELECT metric, labels, SUM(n) AS count, MIN(min) AS min, SUM(avg * n) / SUM(n) AS avg, MAX(max) AS max FROM ${resolution} WHERE at >= ? AND at <= ? GROUP BY metric, labels ORDER BY metric, labels`;
    return this.db.prepare(sql).all(fromMs, toMs) as SeriesSummary[];
  }

  rowCounts(): { raw: number; minute: number; hour: number } {
    const count = (t: string) => (this.db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
    return { raw: count('raw'), minute: count('minute'), hour: count('hour') };
  }

  close(): void { this.db.close(); }
}
