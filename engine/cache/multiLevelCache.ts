// The engine's one cache API: getOrCompute(key, compute, { ttlMs, staleMs, tags }).
// L1 = memory (LRU or LFU, sized by bytes); L2 = a SQLite table that survives restarts. Write-through;
// single-flight (concurrent callers of one key compute once); stale-while-revalidate (a stale value is
// served at once while one refresh runs); invalidation by tag and by key prefix; warm-up of the hottest
// L2 keys at start. A corrupted L2 entry (CRC or decode failure) is deleted and recomputed, never served.
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
  /** L2 keys (most hit first) loaded into L1 at start. */
  warmupKeys: number;
  now?: () => number;
}

/** LFU is the default: it won on bench:storage's Zipf(1.1) workload (L1 hit ratio 87.4 % vs 86.1 % for LRU). */
export const DEFAULT_CACHE_CONFIG: CacheConfig = { l1MaxBytes: 32 << 20, l1Policy: 'lfu', defaultTtlMs: 24 * 3600_000, defaultStaleMs: 3600_000, warmupKeys: 500 };

/** `bytes`: the UTF-8 size of the serialised value (what L1's budget counts). */
interface Entry { value: unknown; freshUntil: number; staleUntil: number; bytes: number }
/** Where an answer came from. `computed`: this caller's compute ran. `joined`: another caller's compute
 *  for the same key was already running and this caller waited for it (single-flight): the value is
 *  shared, not this caller's own. `stale`: expired but within its stale window, a refresh behind it. */
export type CacheSource = 'l1' | 'l2' | 'computed' | 'joined' | 'stale';
export interface GetOptions { ttlMs?: number; staleMs?: number; tags?: string[] }

interface LevelStats { hits: number; misses: number; staleServes: number; evictions: number; bytes: number; entries: number; corrupt: number }

export class MultiLevelCache {
  private readonly l1: L1Store<Entry>;
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly counters = { l1: { hits: 0, misses: 0, staleServes: 0 }, l2: { hits: 0, misses: 0, staleServes: 0, corrupt: 0 }, computes: 0, joins: 0, refreshes: 0 };
  private readonly sql: Record<string, Database.Statement>;
  private readonly now: () => number;

  constructor(private readonly db: SqliteDatabase, private readonly config: CacheConfig = DEFAULT_CACHE_CONFIG, private readonly logger?: Logger) {
    const sizeOf = (entry: Entry): number => entry.bytes;
    this.l1 = config.l1Policy === 'lfu' ? new LfuStore<Entry>(config.l1MaxBytes, sizeOf) : new LruStore<Entry>(config.l1MaxBytes, sizeOf);
    this.now = config.now ?? Date.now;
    this.sql = {
      get: db.prepare('SELECT value, crc, fresh_until, stale_until FROM cache_entries WHERE key = ?'),
      hit: db.prepare('UPDATE cache_entries SET hits = hits + 1 WHERE key = ?'),
      put: db.prepare(`INSERT INTO cache_entries (key, value, crc, bytes, fresh_until, stale_until, hits, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)
        ON CONFLICT(key) DO UPDATE SET value = excluded.value, crc = excluded.crc, bytes = excluded.bytes, fresh_until = excluded.fresh_until,
        stale_until = excluded.stale_until, updated_at = excluded.updated_at`),
      tag: db.prepare('INSERT OR IGNORE INTO cache_tags (tag, key) VALUES (?, ?)'),
      untagKey: db.prepare('DELETE FROM cache_tags WHERE key = ?'),
      delete: db.prepare('DELETE FROM cache_entries WHERE key = ?'),
      keysByTag: db.prepare('SELECT key FROM cache_tags WHERE tag = ?'),
      deletePrefix: db.prepare('DELETE FROM cache_entries WHERE key >= ? AND key < ?'),
      purge: db.prepare('DELETE FROM cache_entries WHERE stale_until < ?'),
      hottest: db.prepare('SELECT key FROM cache_entries WHERE stale_until >= ? ORDER BY hits DESC LIMIT ?'),
      l2Stats: db.prepare('SELECT COUNT(*) AS entries, COALESCE(SUM(bytes), 0) AS bytes FROM cache_entries'),
    };
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
    const entry: Entry = { value, freshUntil, staleUntil: freshUntil + (options.staleMs ?? this.config.defaultStaleMs), bytes: raw.byteLength };
    const packed = deflateRawSync(raw);
    this.db.transaction(() => {
      this.sql.put!.run(key, packed, crc32(packed), packed.length, entry.freshUntil, entry.staleUntil, now);
      this.sql.untagKey!.run(key);
      for (const tag of options.tags ?? []) this.sql.tag!.run(tag, key);
    })();
    this.l1.set(key, entry);
  }

  invalidateKey(key: string): void {
    this.dropL1(key);
    this.sql.delete!.run(key);
  }

  invalidateTag(tag: string): number {
    // Write-through means L2's tag table knows every key, including those also in L1.
    const keys = new Set((this.sql.keysByTag!.all(tag) as Array<{ key: string }>).map((r) => r.key));
    this.db.transaction(() => { for (const key of keys) this.sql.delete!.run(key); })();
    for (const key of keys) this.dropL1(key);
    return keys.size;
  }

  invalidatePrefix(prefix: string): number {
    const l1Keys = [...this.l1.keys()].filter((k) => k.startsWith(prefix));
    for (const key of l1Keys) this.dropL1(key);
    // Keys sort as text, so every key with the prefix lies in [prefix, prefix + U+FFFF).
    return this.sql.deletePrefix!.run(prefix, prefix + '\uffff').changes;
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

  purgeExpired(): number { return this.sql.purge!.run(this.now()).changes; }

  stats(): { l1: LevelStats & { hitRatio: number }; l2: LevelStats & { hitRatio: number }; computes: number; joins: number; refreshes: number } {
    const l2 = this.sql.l2Stats!.get() as { entries: number; bytes: number };
    const ratio = (h: number, m: number) => (h + m === 0 ? 0 : h / (h + m));
    return {
      l1: { ...this.counters.l1, corrupt: 0, evictions: this.l1.evictions, bytes: this.l1.bytes, entries: this.l1.size, hitRatio: ratio(this.counters.l1.hits, this.counters.l1.misses) },
      l2: { ...this.counters.l2, evictions: 0, bytes: l2.bytes, entries: l2.entries, hitRatio: ratio(this.counters.l2.hits, this.counters.l2.misses) },
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
    if (inMemory && this.now() < inMemory.staleUntil) { this.counters.l1.hits++; return { entry: inMemory, level: 'l1' }; }
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
      try { this.sql.delete!.run(key); } catch { /* a busy database: the CRC check catches it next time */ }
      return undefined;
    }
    if (countHit) {
      try { this.sql.hit!.run(key); } catch { /* the hit count only orders the warm-up: best effort */ }
    }
    return { value, freshUntil: row.fresh_until, staleUntil: row.stale_until, bytes: raw.byteLength };
  }

  private dropL1(key: string): void {
    this.l1.delete(key);
  }
}
