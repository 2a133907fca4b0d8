// The in-memory first level, sized by bytes, under one of two eviction policies. LRU is lru-cache, sized
// by lru-cache's own accounting (maxSize + sizeCalculation); LFU (least frequently used, ties broken by
// age) is the O(1) frequency-bucket scheme of Shah, Mitra & Matani (2010), sized the same way.
// bench:storage measures both on a Zipf workload; the winner is the default.
//
// A store asks `sizeOf(value)` for an entry's size when it is set. MultiLevelCache answers with the UTF-8
// byte length of the serialised value (Buffer.byteLength, not string length: 洪水 is 2 characters but 6
// bytes). An entry larger than the whole budget is not kept (lru-cache's rule, followed by the LFU too).
import { LRUCache } from 'lru-cache';

export type SizeOf<V> = (value: V) => number;

export interface L1Store<V> {
  /** The value, counted as a use (recency for LRU, frequency for LFU). */
  get(key: string): V | undefined;
  /** The value without counting a use. */
  peek(key: string): V | undefined;
  set(key: string, value: V): void;
  delete(key: string): boolean;
  keys(): IterableIterator<string>;
  /** Every [key, value], without counting uses. */
  entries(): IterableIterator<[string, V]>;
  readonly bytes: number;
  readonly size: number;
  /** Entries pushed out by the byte budget (not deletions, not replacements). */
  readonly evictions: number;
}

/** lru-cache wants a positive integer size. */
const entrySize = <V>(sizeOf: SizeOf<V>, value: V): number => Math.max(1, Math.ceil(sizeOf(value)));

export class LruStore<V extends object> implements L1Store<V> {
  evictions = 0;
  private readonly cache: LRUCache<string, V>;
  constructor(maxBytes: number, sizeOf: SizeOf<V>) {
    this.cache = new LRUCache<string, V>({
      maxSize: maxBytes,
      sizeCalculation: (value) => entrySize(sizeOf, value),
      dispose: (_v, _k, reason) => { if (reason === 'evict') this.evictions++; },
    });
  }
  get(key: string): V | undefined { return this.cache.get(key); }
  peek(key: string): V | undefined { return this.cache.peek(key); }
  set(key: string, value: V): void { this.cache.set(key, value); }
  delete(key: string): boolean { return this.cache.delete(key); }
  keys(): IterableIterator<string> { return this.cache.keys(); }
  entries(): IterableIterator<[string, V]> { return this.cache.entries(); }
  get bytes(): number { return this.cache.calculatedSize; }
  get size(): number { return this.cache.size; }
}

export class LfuStore<V> implements L1Store<V> {
  static readonly MAX_FREQUENCY = 32;
  evictions = 0;
  bytes = 0;
  private readonly map = new Map<string, { value: V; bytes: number; freq: number }>();
  private readonly buckets = new Map<number, Set<string>>();
  constructor(private readonly maxBytes: number, private readonly sizeOf: SizeOf<V>) {}
  get size(): number { return this.map.size; }
  keys(): IterableIterator<string> { return this.map.keys(); }
  *entries(): IterableIterator<[string, V]> { for (const [key, e] of this.map) yield [key, e.value]; }
  peek(key: string): V | undefined { return this.map.get(key)?.value; }

  get(key: string): V | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    this.bump(key, e);
    return e.value;
  }

  set(key: string, value: V): void {
    const bytes = entrySize(this.sizeOf, value);
    if (bytes > this.maxBytes) { this.delete(key); return; }
    const existing = this.map.get(key);
    if (existing) {
      this.bytes += bytes - existing.bytes;
      existing.value = value;
      existing.bytes = bytes;
      this.bump(key, existing);
    } else {
      this.map.set(key, { value, bytes, freq: 1 });
      this.bucket(1).add(key);
      this.bytes += bytes;
    }
    while (this.bytes > this.maxBytes && this.map.size > 1) if (!this.evictOne(key)) break;
  }

  delete(key: string): boolean {
    const e = this.map.get(key);
    if (!e) return false;
    this.buckets.get(e.freq)?.delete(key);
    this.map.delete(key);
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
