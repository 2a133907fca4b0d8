// The engine's one cache API: getOrCompute(key, compute, { ttlMs, staleMs, tags }).
// L1 = memory (LRU or LFU, sized by bytes); L2 = a SQLite table that survives restarts. Write-through;
// single-flight (concurrent callers of one key compute once); stale-while-revalidate (a stale value is
// served at once while one refresh runs); invalidation by tag and by key prefix; warm-up of the hottest
// L2 keys at start. A corrupted L2 entry (CRC or decode failure) is deleted and recomputed, never served.
// Both levels are bounded by bytes; L1 only ever holds keys that L2 holds (an L2 write that fails leaves
// L1 alone; an L2 eviction or invalidation drops L1's copy), so L2's tag table finds every cached key.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import type { SqliteDatabase } from '../store/database.js';
import type { Logger } from '../logging.js';
import { LfuStore, LruStore, type L1Store } from './l1Stores.js';

export interface CacheConfig {
  /** Memory budget of L1 in bytes: the UTF-8 size of each value's JSON (Buffer.byteLength, not string
   *  length), counted by the store itself (lru-cache's maxSize + sizeCalculation, or the LFU's own sum).
   *  Keys and object overhead are not counted: this is the payload, not the heap. */
  l1MaxBytes: number;
  l1Policy: 'lru' | 'lfu';
  defaultTtlMs: number;
  /** How long after expiry a value may still be served while it is recomputed. */
  defaultStaleMs: number;
  /** Disk budget of L2 in bytes: the sum of the stored (deflated) values, the `bytes` column; keys,
   *  tags and SQLite's page overhead come on top. When a write takes L2 over it, the least valuable
   *  entries are evicted (see trimL2) down to 90 % of it, so a full cache does not trim on every write.
   *  Default 64 MiB: several thousand analyses (a few KiB each, deflated), small next to the disk. */
  l2MaxBytes: number;
  /** L2 keys (most hit first) loaded into L1 at start. */
  warmupKeys: number;
  now?: () => number;
}

/** LFU is the default: it won on bench:storage's Zipf(1.1) workload (L1 hit ratio 87.4 % vs 86.1 % for LRU).
 *  L1 holds 8 MiB of results as JSON: in the heap they take about twice that, and the engine's whole
 *  memory budget is 400 MB (docs/storage.md). */
export const DEFAULT_CACHE_CONFIG: CacheConfig = { l1MaxBytes: 8 << 20, l1Policy: 'lfu', l2MaxBytes: 64 << 20, defaultTtlMs: 24 * 3600_000, defaultStaleMs: 3600_000, warmupKeys: 500 };

/** L2 is trimmed down to this share of l2MaxBytes once it goes over. */
const L2_TRIM_TO = 0.9;

/** `bytes`: the UTF-8 size of the serialised value (what L1's budget counts). `hits`: L1 hits not yet
 *  added to L2's hit count (flushHits), so that L2 ranks an entry served from memory as used. */
interface Entry { value: unknown; freshUntil: number; staleUntil: number; bytes: number; hits: number }
/** Where an answer came from. `computed`: this caller's compute ran. `joined`: another caller's compute
 *  for the same key was already running and this caller waited for it (single-flight): the value is
 *  shared, not this caller's own. `stale`: expired but within its stale window, a refresh behind it. */
export type CacheSource = 'l1' | 'l2' | 'computed' | 'joined' | 'stale';
export interface GetOptions { ttlMs?: number; staleMs?: number; tags?: string[] }

interface LevelStats { hits: number; misses: number; staleServes: number; evictions: number; bytes: number; entries: number; corrupt: number }

export class MultiLevelCache {
  private readonly l1: L1Store<Entry>;
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly counters = { l1: { hits: 0, misses: 0, staleServes: 0 }, l2: { hits: 0, misses: 0, staleServes: 0, corrupt: 0, evictions: 0 }, computes: 0, joins: 0, refreshes: 0 };
  /** The sum of L2's `bytes` column, kept up to date by every write and delete made here. */
  private l2Bytes: number;
  private readonly sql: Record<string, Database.Statement>;
  private readonly now: () => number;

  constructor(private readonly db: SqliteDatabase, private readonly config: CacheConfig = DEFAULT_CACHE_CONFIG, private readonly logger?: Logger) {
    const sizeOf = (entry: Entry): number => entry.bytes;
    this.l1 = config.l1Policy === 'lfu' ? new LfuStore<Entry>(config.l1MaxBytes, sizeOf) : new LruStore<Entry>(config.l1MaxBytes, sizeOf);
    this.now = config.now ?? Date.now;
    this.sql = {
      get: db.prepare('SELECT value, crc, fresh_until, stale_until FROM cache_entries WHERE key = ?'),
      hit: db.prepare('UPDATE cache_entries SET hits = hits + 1 WHERE key = ?'),
      addHits: db.prepare('UPDATE cache_entries SET hits = hits + ? WHERE key = ?'),
      bytesOf: db.prepare('SELECT bytes FROM cache_entries WHERE key = ?'),
      put: db.prepare(`INSERT INTO cache_entries (key, value, crc, bytes, fresh_until, stale_until, hits, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)
        ON CONFLICT(key) DO UPDATE SET value = excluded.value, crc = excluded.crc, bytes = excluded.bytes, fresh_until = excluded.fresh_until,
        stale_until = excluded.stale_until, updated_at = excluded.updated_at`),
      tag: db.prepare('INSERT OR IGNORE INTO cache_tags (tag, key) VALUES (?, ?)'),
      untagKey: db.prepare('DELETE FROM cache_tags WHERE key = ?'),
      delete: db.prepare('DELETE FROM cache_entries WHERE key = ? RETURNING bytes'),
      keysByTag: db.prepare('SELECT key FROM cache_tags WHERE tag = ?'),
      deletePrefix: db.prepare('DELETE FROM cache_entries WHERE key >= ? AND key < ? RETURNING key, bytes'),
      purge: db.prepare('DELETE FROM cache_entries WHERE stale_until < ? RETURNING key, bytes'),
      // Least valuable first: dead (past the stale window), then fewest hits, then oldest write.
      evictionOrder: db.prepare('SELECT key, bytes FROM cache_entries WHERE key <> @protect ORDER BY stale_until >= @now, hits, updated_at'),
      l2Bytes: db.prepare('SELECT COALESCE(SUM(bytes), 0) AS bytes FROM cache_entries'),
      hottest: db.prepare('SELECT key FROM cache_entries WHERE stale_until >= ? ORDER BY hits DESC LIMIT ?'),
      l2Entries: db.prepare('SELECT COUNT(*) AS entries FROM cache_entries'),
    };
    this.l2Bytes = this.sumL2Bytes();
  }

  /** `refresh` (default: `compute`) is what a stale-while-revalidate refresh runs in the background. */
  async getOrCompute<T>(key: string, compute: () => Promise<T>, options: GetOptions & { refresh?: () => Promise<T> } = {}): Promise<{ value: T; source: CacheSource }> {
    const now = this.now();
    const found = this.lookup(key);
    if (found && now < found.entry.freshUntil) return { value: found.entry.value as T, source: found.level };
    if (found && now < found.entry.staleUntil) {
      this.counters[found.level].staleServes++;
      // Serve the stale value at once; one background refresh (single-flight) brings the fresh one.
      if (!this.inflight.has(key)) {
        this.counters.refreshes++;
        void this.computeOnce(key, options.refresh ?? compute, options).catch((err: unknown) => this.logger?.warn('cache refresh failed', { key, error: (err as Error).message }));
      }
      return { value: found.entry.value as T, source: 'stale' };
    }
    const pending = this.inflight.get(key);
    if (pending) {
      this.counters.joins++;
      return { value: (await pending) as T, source: 'joined' };
    }
    return { value: await this.computeOnce(key, compute, options), source: 'computed' };
  }

  /** The fresh or stale value if present (no compute). */
  peek(key: string): unknown {
    const found = this.lookup(key);
    return found && this.now() < found.entry.staleUntil ? found.entry.value : undefined;
  }

  set(key: string, value: unknown, options: GetOptions = {}): void {
    const now = this.now();
    const freshUntil = now + (options.ttlMs ?? this.config.defaultTtlMs);
    // Sized in bytes, not characters: Buffer.byteLength of the JSON (a CJK character is 3 bytes in UTF-8).
    const raw = Buffer.from(JSON.stringify(value), 'utf8');
    // A replaced value keeps the L1 hits its key has not yet reported to L2.
    const entry: Entry = { value, freshUntil, staleUntil: freshUntil + (options.staleMs ?? this.config.defaultStaleMs), bytes: raw.byteLength, hits: this.l1.peek(key)?.hits ?? 0 };
    const packed = deflateRawSync(raw);
    if (packed.length > this.config.l2MaxBytes) {
      // Larger than all of L2: not cached at all (L1 only holds what L2 holds), and no older value either.
      this.invalidateKey(key);
      this.logger?.warn('cache entry larger than the L2 budget not cached', { key, bytes: packed.length });
      return;
    }
    const replaced = this.db.transaction(() => {
      const old = this.sql.bytesOf!.get(key) as { bytes: number } | undefined;
      this.sql.put!.run(key, packed, crc32(packed), packed.length, entry.freshUntil, entry.staleUntil, now);
      this.sql.untagKey!.run(key);
      for (const tag of options.tags ?? []) this.sql.tag!.run(tag, key);
      return old?.bytes ?? 0;
    })();
    this.l2Bytes += packed.length - replaced; // counted once committed
    this.l1.set(key, entry);
    if (this.l2Bytes > this.config.l2MaxBytes) {
      try {
        this.trimL2(key);
      } catch (err) {
        // The value is stored; the next write tries the trim again.
        this.logger?.warn('cache L2 trim failed', { error: (err as Error).message });
      }
    }
  }

  invalidateKey(key: string): void {
    this.l1.delete(key);
    this.l2Bytes -= this.deleteL2(key);
  }

  /** Drops every key tagged `tag` from both levels; returns how many. See analysisCacheKey.ts for the
   *  analysis cache's tags (`model:<name>` drops every answer of a model). */
  invalidateTag(tag: string): number {
    // Every key in L1 is in L2 too (see the top of this file), so L2's tag table knows them all.
    const keys = new Set((this.sql.keysByTag!.all(tag) as Array<{ key: string }>).map((r) => r.key));
    this.l2Bytes -= this.db.transaction(() => [...keys].reduce((freed, key) => freed + this.deleteL2(key), 0))();
    for (const key of keys) this.l1.delete(key);
    return keys.size;
  }

  invalidatePrefix(prefix: string): number {
    const l1Keys = [...this.l1.keys()].filter((k) => k.startsWith(prefix));
    for (const key of l1Keys) this.l1.delete(key);
    // Keys sort as text, so every key with the prefix lies in [prefix, prefix + U+FFFF).
    return this.deleteRows(this.sql.deletePrefix!.all(prefix, prefix + '\uffff') as Array<{ key: string; bytes: number }>);
  }

  /** Adds the L1 hits not yet reported to L2 to L2's hit counts, which rank its eviction and the
   *  warm-up: an answer served from memory all day is the most valuable one, not an unused one. Runs
   *  before every trim; worth calling before the database closes, so the next warm-up sees them. */
  flushHits(): number {
    const pending: Entry[] = [];
    this.db.transaction(() => {
      for (const [key, entry] of this.l1.entries()) {
        if (entry.hits > 0) { this.sql.addHits!.run(entry.hits, key); pending.push(entry); }
      }
    })();
    for (const entry of pending) entry.hits = 0;
    return pending.length;
  }

  /** Loads the most-hit live L2 entries into L1 (at engine start). */
  warmUp(limit = this.config.warmupKeys): number {
    let loaded = 0;
    for (const { key } of this.sql.hottest!.all(this.now(), limit) as Array<{ key: string }>) {
      const entry = this.readL2(key, false);
      if (entry) { this.l1.set(key, entry); loaded++; }
    }
    return loaded;
  }

  /** Deletes the entries past their stale window (at engine start); returns how many. */
  purgeExpired(): number { return this.deleteRows(this.sql.purge!.all(this.now()) as Array<{ key: string; bytes: number }>); }

  /** Lookups per level, each counted once: a fresh hit, a stale answer served (a refresh behind it) or a
   *  miss. No SQL, so GET /metrics can read it on every scrape. */
  requestCounts(): Array<{ level: 'l1' | 'l2'; result: 'hit' | 'stale' | 'miss'; count: number }> {
    return (['l1', 'l2'] as const).flatMap((level) => {
      const c = this.counters[level];
      return [{ level, result: 'hit' as const, count: c.hits - c.staleServes }, { level, result: 'stale' as const, count: c.staleServes }, { level, result: 'miss' as const, count: c.misses }];
    });
  }

  stats(): { l1: LevelStats & { hitRatio: number }; l2: LevelStats & { hitRatio: number }; computes: number; joins: number; refreshes: number } {
    const l2 = this.sql.l2Entries!.get() as { entries: number };
    const ratio = (h: number, m: number) => (h + m === 0 ? 0 : h / (h + m));
    return {
      l1: { ...this.counters.l1, corrupt: 0, evictions: this.l1.evictions, bytes: this.l1.bytes, entries: this.l1.size, hitRatio: ratio(this.counters.l1.hits, this.counters.l1.misses) },
      l2: { ...this.counters.l2, bytes: this.l2Bytes, entries: l2.entries, hitRatio: ratio(this.counters.l2.hits, this.counters.l2.misses) },
      computes: this.counters.computes,
      joins: this.counters.joins,
      refreshes: this.counters.refreshes,
    };
  }

  private computeOnce<T>(key: string, compute: () => Promise<T>, options: GetOptions): Promise<T> {
    const run = (async () => {
      try {
        this.counters.computes++;
        const value = await compute();
        try {
          this.set(key, value, options);
        } catch (err) {
          // A full or busy disk must not cost the caller a finished result: it is just not cached.
          this.logger?.warn('cache write failed', { key, error: (err as Error).message });
        }
        return value;
      } finally {
        this.inflight.delete(key);
      }
    })();
    this.inflight.set(key, run);
    return run;
  }

  private lookup(key: string): { entry: Entry; level: 'l1' | 'l2' } | undefined {
    const inMemory = this.l1.get(key);
    if (inMemory && this.now() < inMemory.staleUntil) { this.counters.l1.hits++; inMemory.hits++; return { entry: inMemory, level: 'l1' }; }
    this.counters.l1.misses++;
    const stored = this.readL2(key, true);
    if (!stored) { this.counters.l2.misses++; return undefined; }
    this.counters.l2.hits++;
    this.l1.set(key, stored);
    return { entry: stored, level: 'l2' };
  }

  private readL2(key: string, countHit: boolean): Entry | undefined {
    const row = this.sql.get!.get(key) as { value: Buffer; crc: number; fresh_until: number; stale_until: number } | undefined;
    if (!row || this.now() >= row.stale_until) return undefined;
    let raw: Buffer;
    let value: unknown;
    try {
      if (crc32(row.value) !== row.crc) throw new Error('CRC mismatch');
      raw = inflateRawSync(row.value);
      value = JSON.parse(raw.toString('utf8')) as unknown;
    } catch (err) {
      this.counters.l2.corrupt++;
      this.logger?.warn('corrupted cache entry dropped', { key, error: (err as Error).message });
      this.l1.delete(key);
      try { this.l2Bytes -= this.deleteL2(key); } catch { /* a busy database: the CRC check catches it next time */ }
      return undefined;
    }
    if (countHit) {
      try { this.sql.hit!.run(key); } catch { /* the hit count only ranks warm-up and eviction: best effort */ }
    }
    return { value, freshUntil: row.fresh_until, staleUntil: row.stale_until, bytes: raw.byteLength, hits: 0 };
  }

  /**
   * Brings L2 back under its budget after a write took it over: evicts the least valuable entries (and
   * their L1 copies) down to 90 % of l2MaxBytes. Least valuable = dead ones first (past their stale
   * window: never servable again), then fewest hits, then the oldest write. Hits are the only evidence
   * of reuse L2 has (L1's included, flushed first); most answers are never asked for twice, so ties at
   * zero are common and the oldest of them goes first: it has had the longest to be asked again and is
   * the nearest to expiry. Frequency without ageing cannot let old hits squat for ever here, because
   * every entry expires (TTL + stale window) and dead entries go first. `protect` (the key just
   * written) is never the victim of its own write.
   */
  private trimL2(protect: string): void {
    this.flushHits();
    let bytes = this.sumL2Bytes(); // the exact figure, whatever another process did to the table
    const target = Math.floor(this.config.l2MaxBytes * L2_TRIM_TO);
    const victims: string[] = [];
    if (bytes > this.config.l2MaxBytes) {
      for (const row of this.sql.evictionOrder!.iterate({ protect, now: this.now() }) as IterableIterator<{ key: string; bytes: number }>) {
        if (bytes <= target) break;
        victims.push(row.key);
        bytes -= row.bytes;
      }
      this.db.transaction(() => { for (const key of victims) this.deleteL2(key); })();
      for (const key of victims) this.l1.delete(key);
      this.counters.l2.evictions += victims.length;
    }
    this.l2Bytes = bytes;
  }

  /** Deletes one L2 row (its tags go with it: ON DELETE CASCADE); returns the bytes it freed. */
  private deleteL2(key: string): number {
    return (this.sql.delete!.get(key) as { bytes: number } | undefined)?.bytes ?? 0;
  }

  /** Accounts for rows a bulk DELETE … RETURNING removed (and drops their L1 copies). */
  private deleteRows(rows: Array<{ key: string; bytes: number }>): number {
    for (const row of rows) { this.l2Bytes -= row.bytes; this.l1.delete(row.key); }
    return rows.length;
  }

  private sumL2Bytes(): number { return (this.sql.l2Bytes!.get() as { bytes: number }).bytes; }
}
