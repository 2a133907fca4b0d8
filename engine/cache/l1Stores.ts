// The in-memory first level, sized by bytes, under one of two eviction policies. LRU is lru-cache; LFU
// (least frequently used, ties broken by age) is the O(1) frequency-bucket scheme of Shah, Mitra &
// Matani (2010). bench:storage measures both on a Zipf workload; the winner is the default.
import { LRUCache } from 'lru-cache';

export interface L1Store<V> {
  get(key: string): V | undefined;
  set(key: string, value: V, bytes: number): void;
  delete(key: string): boolean;
  keys(): IterableIterator<string>;
  readonly bytes: number;
  readonly size: number;
  /** Entries pushed out by the byte budget (not deletions). */
  readonly evictions: number;
}

export class LruStore<V extends object> implements L1Store<V> {
  evictions = 0;
  private readonly cache: LRUCache<string, V>;
  constructor(maxBytes: number) {
    this.cache = new LRUCache<string, V>({
      maxSize: maxBytes,
      sizeCalculation: (_v, key) => (this.pendingBytes.get(key) ?? 1),
      dispose: (_v, key, reason) => { if (reason === 'evict') this.evictions++; this.pendingBytes.delete(key); },
    });
  }
  private readonly pendingBytes = new Map<string, number>();
  get(key: string): V | undefined { return this.cache.get(key); }
  set(key: string, value: V, bytes: number): void { this.pendingBytes.set(key, Math.max(1, bytes)); this.cache.set(key, value); }
  delete(key: string): boolean { return this.cache.delete(key); }
  keys(): IterableIterator<string> { return this.cache.keys(); }
  get bytes(): number { return this.cache.calculatedSize; }
  get size(): number { return this.cache.size; }
}

export class LfuStore<V> implements L1Store<V> {
  static readonly MAX_FREQUENCY = 32;
  evictions = 0;
  bytes = 0;
  private readonly entries = new Map<string, { value: V; bytes: number; freq: number }>();
  private readonly buckets = new Map<number, Set<string>>();
  constructor(private readonly maxBytes: number) {}
  get size(): number { return this.entries.size; }
  keys(): IterableIterator<string> { return this.entries.keys(); }

  get(key: string): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.bump(key, e);
    return e.value;
  }

  set(key: string, value: V, bytes: number): void {
    const existing = this.entries.get(key);
    if (existing) {
      this.bytes += bytes - existing.bytes;
      existing.value = value;
      existing.bytes = bytes;
      this.bump(key, existing);
    } else {
      const entry = { value, bytes, freq: 1 };
      this.entries.set(key, entry);
      this.bucket(1).add(key);
      this.bytes += bytes;
    }
    while (this.bytes > this.maxBytes && this.entries.size > 1) if (!this.evictOne(key)) break;
  }

  delete(key: string): boolean {
    const e = this.entries.get(key);
    if (!e) return false;
    this.buckets.get(e.freq)?.delete(key);
    this.entries.delete(key);
    this.bytes -= e.bytes;
    return true;
  }

  private bucket(freq: number): Set<string> {
    let b = this.buckets.get(freq);
    if (!b) { b = new Set(); this.buckets.set(freq, b); }
    return b;
  }

  private bump(key: string, e: { freq: number }): void {
    // Counts saturate (as in TinyLFU's small counters): a hot key stops moving between buckets, which
    // keeps a hit close to lru-cache's cost while still ranking hot above cold.
    if (e.freq >= LfuStore.MAX_FREQUENCY) return;
    this.buckets.get(e.freq)?.delete(key);
    e.freq++;
    this.bucket(e.freq).add(key);
  }

  private evictOne(protect: string): boolean {
    // Frequencies saturate at MAX_FREQUENCY, so scanning the buckets from the lowest is cheap.
    for (let f = 1; f <= LfuStore.MAX_FREQUENCY; f++) {
      const b = this.buckets.get(f);
      if (!b) continue;
      for (const key of b) {
        if (key === protect) continue;
        this.delete(key);
        this.evictions++;
        return true;
      }
    }
    return false;
  }
}
