import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { openDatabase, type SqliteDatabase } from '../store/database.js';
import { DEFAULT_CACHE_CONFIG, MultiLevelCache, type CacheConfig } from './multiLevelCache.js';
import { LfuStore } from './l1Stores.js';
import { analysisCacheKey, invalidateReplacedModels, modelContentTag, modelTag, modelTags, stable, stableSha256 } from './analysisCacheKey.js';
import { parseIncident } from '../contract/parseIncident.js';

function setup(config: Partial<CacheConfig> = {}, dir = mkdtempSync(join(tmpdir(), 'safe-cache-'))) {
  const clock = { now: 1_000_000 };
  const db = openDatabase(dir);
  const cache = new MultiLevelCache(db, { ...DEFAULT_CACHE_CONFIG, now: () => clock.now, ...config });
  return { cache, db, clock, dir };
}

test('single-flight: concurrent callers of one key compute once', async () => {
  const { cache, db } = setup();
  let computed = 0;
  const compute = async () => { computed++; await new Promise((r) => setTimeout(r, 20)); return { n: 42 }; };
  const results = await Promise.all(Array.from({ length: 10 }, () => cache.getOrCompute('k', compute)));
  assert.equal(computed, 1);
  assert.ok(results.every((r) => (r.value as { n: number }).n === 42));
  assert.deepEqual(results.map((r) => r.source), ['computed', ...Array(9).fill('joined')], 'the first computes, the others say they joined');
  assert.deepEqual([cache.stats().computes, cache.stats().joins], [1, 9]);
  assert.equal((await cache.getOrCompute('k', compute)).source, 'l1');
  db.close();
});

test('TTL expiry and stale-while-revalidate: stale served at once, one refresh behind it', async () => {
  const { cache, db, clock } = setup();
  let version = 1;
  const compute = async () => ({ version: version });
  await cache.getOrCompute('k', compute, { ttlMs: 1000, staleMs: 5000 });
  version = 2;
  clock.now += 1500; // expired but within the stale window
  const stale = await cache.getOrCompute('k', compute, { ttlMs: 1000, staleMs: 5000 });
  assert.deepEqual([stale.source, (stale.value as { version: number }).version], ['stale', 1]);
  await new Promise((r) => setImmediate(r));
  const fresh = await cache.getOrCompute('k', compute, { ttlMs: 1000, staleMs: 5000 });
  assert.deepEqual([fresh.source, (fresh.value as { version: number }).version], ['l1', 2]);
  version = 3;
  clock.now += 10_000; // beyond the stale window: recomputed before answering
  const recomputed = await cache.getOrCompute('k', compute, { ttlMs: 1000, staleMs: 5000 });
  assert.deepEqual([recomputed.source, (recomputed.value as { version: number }).version], ['computed', 3]);
  assert.equal(cache.stats().refreshes, 1);
  db.close();
});

test('a caller that arrives during a refresh of an entry past its stale window joins it', async () => {
  const { cache, db, clock } = setup();
  let release!: () => void;
  let calls = 0;
  const compute = async () => { calls++; await new Promise<void>((r) => { release = r; }); return { calls }; };
  const first = cache.getOrCompute('k', compute, { ttlMs: 10, staleMs: 10 });
  const second = cache.getOrCompute('k', compute, { ttlMs: 10, staleMs: 10 });
  release();
  assert.deepEqual([(await first).source, (await second).source], ['computed', 'joined']);
  clock.now += 1000; // past the stale window
  const third = cache.getOrCompute('k', compute);
  const fourth = cache.getOrCompute('k', compute);
  release();
  assert.deepEqual([await third, await fourth], [{ value: { calls: 2 }, source: 'computed' }, { value: { calls: 2 }, source: 'joined' }]);
  assert.deepEqual([cache.stats().computes, cache.stats().joins], [2, 2]);
  db.close();
});

test('invalidation by tag and by key prefix reaches both levels', async () => {
  const { cache, db } = setup();
  cache.set('analysis:a', 1, { tags: ['model:m@1'] });
  cache.set('analysis:b', 2, { tags: ['model:m@1', 'x'] });
  cache.set('analysis:c', 3, { tags: ['model:m@2'] });
  cache.set('other:d', 4);
  assert.equal(cache.invalidateTag('model:m@1'), 2);
  assert.equal(cache.peek('analysis:a'), undefined);
  assert.equal(cache.peek('analysis:b'), undefined);
  assert.equal(cache.peek('analysis:c'), 3);
  assert.equal(cache.invalidatePrefix('analysis:'), 1);
  assert.equal(cache.peek('analysis:c'), undefined);
  assert.equal(cache.peek('other:d'), 4);
  db.close();
});

test('L2 survives a restart, and warm-up brings the hottest keys back to L1', async () => {
  const { cache, db, dir } = setup();
  cache.set('hot', { v: 'h' });
  cache.set('cold', { v: 'c' });
  for (let i = 0; i < 5; i++) { cache.invalidateKey('nothing'); }
  db.prepare("UPDATE cache_entries SET hits = 10 WHERE key = 'hot'").run();
  db.close();
  const again = setup({ warmupKeys: 1 }, dir);
  assert.equal(again.cache.warmUp(), 1);
  const hot = await again.cache.getOrCompute('hot', async () => ({ v: 'recomputed' }));
  assert.deepEqual(hot, { value: { v: 'h' }, source: 'l1' });
  const cold = await again.cache.getOrCompute('cold', async () => ({ v: 'recomputed' }));
  assert.deepEqual(cold, { value: { v: 'c' }, source: 'l2' });
  again.db.close();
});

test('a corrupted L2 entry is dropped and recomputed, never served', async () => {
  const { cache, db, dir } = setup();
  cache.set('k', { secret: 'right' });
  db.prepare("UPDATE cache_entries SET value = X'DEADBEEF' WHERE key = 'k'").run();
  db.close();
  const again = setup({}, dir);
  const r = await again.cache.getOrCompute('k', async () => ({ secret: 'recomputed' }));
  assert.deepEqual(r, { value: { secret: 'recomputed' }, source: 'computed' });
  assert.equal(again.cache.stats().l2.corrupt, 1);
  again.db.close();
});

test('L1 stays within its byte budget and counts evictions (LRU and LFU)', async () => {
  for (const policy of ['lru', 'lfu'] as const) {
    const { cache, db } = setup({ l1MaxBytes: 2000, l1Policy: policy });
    for (let i = 0; i < 100; i++) cache.set(`k${i}`, { pad: 'x'.repeat(80), i });
    const s = cache.stats();
    assert.ok(s.l1.bytes <= 2000, `${policy}: ${s.l1.bytes}`);
    assert.ok(s.l1.evictions > 50, policy);
    assert.equal(s.l2.entries, 100, 'L2 keeps everything');
    db.close();
  }
});

/** An LFU of small sized values: `bytes` is what the budget counts. */
const sizedLfu = (maxBytes: number) => new LfuStore<{ v: number; bytes: number }>(maxBytes, (x) => x.bytes);
const sized = (v: number, bytes = 1) => ({ v, bytes });

test('LFU evicts the least frequently used, oldest first among equals', () => {
  const lfu = sizedLfu(3);
  lfu.set('a', sized(1)); lfu.set('b', sized(2)); lfu.set('c', sized(3));
  lfu.get('a'); lfu.get('a'); lfu.get('c');
  lfu.set('d', sized(4)); // evicts b (frequency 1, oldest)
  assert.deepEqual([...lfu.keys()].sort(), ['a', 'c', 'd']);
  lfu.set('e', sized(5)); // d has frequency 1 now: evicted
  assert.deepEqual([...lfu.keys()].sort(), ['a', 'c', 'e']);
  assert.equal(lfu.evictions, 2);
});

test('the analysis key ignores the id but not the facts, the models\' bytes or the engine build', () => {
  const a = parseIncident({ id: 'one', text: 'levee breach', facts: { deaths: 1 } });
  const b = parseIncident({ id: 'two', text: 'levee breach', facts: { deaths: 1 } });
  const c = parseIncident({ id: 'one', text: 'levee breach', facts: { deaths: 2 } });
  const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
  const models = { 'incident-classifier': sha256(Buffer.from([1, 2, 3])), 'sensor-anomaly': sha256('anomaly') };
  const build = sha256('engine build 1');
  const key = analysisCacheKey(a, models, build);
  assert.match(key, /^analysis:[0-9a-f]{64}$/);
  assert.equal(analysisCacheKey(b, models, build), key, 'the incident id is ignored');
  assert.notEqual(analysisCacheKey(c, models, build), key, 'the facts are not');
  // Same name (and, were it recorded, same version), different bytes: a different key.
  assert.notEqual(analysisCacheKey(a, { ...models, 'incident-classifier': sha256(Buffer.from([1, 2, 4])) }, build), key);
  assert.notEqual(analysisCacheKey(a, { 'incident-classifier': models['incident-classifier'] }, build), key, 'a model more or less');
  assert.notEqual(analysisCacheKey(a, models, sha256('engine build 2')), key, 'another engine build');
  assert.notEqual(analysisCacheKey(a, models, build, { 'fire-spread-surrogate': '3' }), analysisCacheKey(a, models, build, { 'fire-spread-surrogate': '2' }),
    'the same file republished as another version is another answer');
  assert.equal(analysisCacheKey(a, { 'sensor-anomaly': models['sensor-anomaly'], 'incident-classifier': models['incident-classifier'] }, build), key, 'model order does not matter');
});

test('stableSha256 is the sha256 of stable(): the same cache keys and submission hashes as before, large incidents included', () => {
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  // Pieces of every kind, and text long enough to cross the 64 K-character pieces the hash is fed in,
  // with surrogate pairs (emoji, rare CJK) and lone surrogates at every offset near the boundaries.
  const pairs = Array.from({ length: 70_000 }, (_, i) => ['😀', '𠀀', 'a', '\ud800', '"', '中'][i % 6]).join('');
  const readings = Array.from({ length: 40_000 }, (_, i) => ({ value: i % 7 === 0 ? -0 : i / 3, at: new Date(Date.UTC(2026, 10, 30) + i * 1000).toISOString() }));
  const values: unknown[] = [
    null, 0, -1.5e308, 'text', '', [], {}, [1, undefined, null, 'x'], { b: 1, a: undefined, c: [{ z: 1, y: [2, { x: null }] }] },
    { text: pairs, list: [pairs.slice(1), pairs.slice(2)] },
    { incident: { id: 'big', text: 'Ammonia leak', facts: { people: 3 }, sensors: [{ id: 's1', kind: 'gas_ppm', readings }] }, models: 'live' },
  ];
  for (const value of values) assert.equal(stableSha256(value), sha(stable(value)), JSON.stringify(value)?.slice(0, 60));
});

test('LFU never loops or skips cold entries when the protected key sits alone in the lowest bucket', () => {
  const lfu = sizedLfu(3);
  lfu.set('A', sized(1)); lfu.get('A'); lfu.get('A');
  lfu.set('B', sized(2)); lfu.get('B'); lfu.get('B');
  lfu.set('P', sized(3)); lfu.get('P');
  lfu.set('B', sized(4, 2)); // grows past the budget: must evict P (the coldest other than B) and stop
  assert.ok(lfu.bytes <= 3 || lfu.size === 1);
  assert.ok(!([...lfu.keys()].includes('P')), 'the coldest entry went first');
});

test('L1 counts bytes, not characters: a Chinese value weighs its UTF-8 size (LRU and LFU)', async () => {
  const value = { text: '堤防决口，水位上涨，疏散下游村庄', level: '一级' };
  const json = JSON.stringify(value);
  const bytes = Buffer.byteLength(json);
  assert.ok(bytes > json.length * 1.5, 'the fixture really is multi-byte');
  for (const policy of ['lru', 'lfu'] as const) {
    // Room for one entry by bytes, though by string length there would be room for two.
    const { cache, db, clock } = setup({ l1MaxBytes: bytes + json.length, l1Policy: policy });
    cache.set('zh:1', value);
    assert.equal(cache.stats().l1.bytes, bytes, `${policy}: counted in bytes`);
    cache.set('zh:2', value);
    const s = cache.stats();
    assert.deepEqual([s.l1.entries, s.l1.bytes, s.l1.evictions], [1, bytes, 1], `${policy}: the second entry pushed the first out`);
    // Read back from L2 (another instance on the same database), the entry weighs the same.
    const again = new MultiLevelCache(db, { ...DEFAULT_CACHE_CONFIG, l1Policy: policy, now: () => clock.now });
    assert.deepEqual(await again.getOrCompute('zh:2', async () => ({ text: 'recomputed', level: '' })), { value, source: 'l2' });
    assert.equal(again.stats().l1.bytes, bytes, `${policy}: an L2 read is counted in bytes too`);
    db.close();
  }
});

test('an entry larger than the whole L1 budget is not kept in L1 (LRU and LFU alike), but L2 keeps it', () => {
  for (const policy of ['lru', 'lfu'] as const) {
    const { cache, db } = setup({ l1MaxBytes: 100, l1Policy: policy });
    cache.set('small', { a: 1 });
    cache.set('big', { pad: '字'.repeat(40) }); // 40 characters, 120+ bytes
    const s = cache.stats();
    assert.deepEqual([s.l1.entries, s.l2.entries], [1, 2], policy);
    assert.deepEqual(cache.peek('big'), { pad: '字'.repeat(40) }, `${policy}: served from L2`);
    db.close();
  }
});

/** A value that barely compresses, and its size in L2 (what l2MaxBytes counts). */
const incompressible = (bytes = 300) => ({ p: randomBytes(bytes).toString('base64') });
const l2Size = (value: unknown) => deflateRawSync(Buffer.from(JSON.stringify(value))).length;
const l2Keys = (db: SqliteDatabase) => (db.prepare('SELECT key FROM cache_entries ORDER BY key').all() as Array<{ key: string }>).map((r) => r.key);
const l2Sum = (db: SqliteDatabase) => (db.prepare('SELECT COALESCE(SUM(bytes), 0) AS b FROM cache_entries').get() as { b: number }).b;

test('L2 stays within l2MaxBytes while running, counts its evictions, and L1 never keeps an evicted key', () => {
  const { cache, db } = setup({ l2MaxBytes: 3000 });
  for (let i = 0; i < 60; i++) {
    cache.set(`k${String(i).padStart(2, '0')}`, incompressible(), { tags: ['all'] });
    assert.ok(cache.stats().l2.bytes <= 3000, `after write ${i}: ${cache.stats().l2.bytes}`);
    assert.equal(cache.stats().l2.bytes, l2Sum(db), 'the running byte count is the table\'s');
  }
  const s = cache.stats();
  assert.ok(s.l2.evictions > 40, `evictions ${s.l2.evictions}`);
  assert.equal(s.l2.entries + s.l2.evictions, 60);
  assert.ok(l2Keys(db).includes('k59'), 'the entry just written is never the victim of its own write');
  // Every key still in L1 is in L2, so invalidation by tag reaches everything still served.
  assert.equal(cache.invalidateTag('all'), s.l2.entries);
  for (let i = 0; i < 60; i++) assert.equal(cache.peek(`k${String(i).padStart(2, '0')}`), undefined);
  assert.equal(cache.stats().l2.bytes, 0);
  db.close();
});

test('L2 evicts the least valuable first: dead entries, then fewest hits, then oldest', () => {
  const values = Array.from({ length: 6 }, () => incompressible());
  const size = l2Size(values[0]);
  // L1 holds nothing (so every read is an L2 hit); L2 holds about four and a half entries.
  const { cache, db, clock } = setup({ l1MaxBytes: 100, l2MaxBytes: Math.floor(4.5 * size) });
  cache.set('dead', values[0], { ttlMs: 1, staleMs: 1 });
  db.prepare("UPDATE cache_entries SET hits = 100 WHERE key = 'dead'").run();
  for (const [i, key] of ['a', 'b', 'c'].entries()) { clock.now += 1; cache.set(key, values[i + 1]); }
  clock.now += 10;
  cache.peek('a'); cache.peek('a'); cache.peek('c'); // hits: a 2, c 1, b 0
  assert.equal(cache.stats().l2.evictions, 0);
  cache.set('d', values[4]); // over the budget: dead goes first, then b (no hits) if still needed
  const evicted = ['dead', 'b', 'c', 'a'].filter((k) => !l2Keys(db).includes(k));
  assert.ok(evicted.length >= 1 && evicted.length <= 2, `evicted ${evicted}`);
  assert.deepEqual(evicted, ['dead', 'b'].slice(0, evicted.length), 'in order of value');
  assert.equal(cache.stats().l2.evictions, evicted.length);
  cache.set('e', values[5]); // again: whatever is left of b, then d and e's elders with no hits
  assert.ok(l2Keys(db).includes('a') && l2Keys(db).includes('e'), `kept ${l2Keys(db)}`);
  assert.ok(!l2Keys(db).includes('b'));
  db.close();
});

test('hits served from L1 count for L2: an answer read from memory all day is not L2\'s first victim', async () => {
  const values = Array.from({ length: 5 }, () => incompressible());
  const { cache, db, clock } = setup({ l2MaxBytes: Math.floor(4.5 * l2Size(values[0])) });
  for (const [i, key] of ['hot', 'x', 'y', 'z'].entries()) { clock.now += 1; cache.set(key, values[i]); }
  for (let i = 0; i < 3; i++) assert.equal((await cache.getOrCompute('hot', async () => ({ p: 'recomputed' }))).source, 'l1');
  cache.set('w', values[4]);
  assert.ok(cache.stats().l2.evictions >= 1);
  assert.ok(l2Keys(db).includes('hot'), `kept ${l2Keys(db)}`);
  assert.ok(!l2Keys(db).includes('x'), 'the oldest unread entry went first');
  assert.equal((db.prepare("SELECT hits FROM cache_entries WHERE key = 'hot'").get() as { hits: number }).hits, 3);
  assert.equal(cache.flushHits(), 0, 'nothing left to report');
  db.close();
});

test('a value larger than the whole L2 budget is not cached, and its older value is dropped', () => {
  const { cache, db } = setup({ l2MaxBytes: 500 });
  cache.set('k', { small: true });
  cache.set('k', incompressible(1000));
  assert.equal(cache.peek('k'), undefined);
  assert.deepEqual([cache.stats().l1.entries, cache.stats().l2.entries, cache.stats().l2.bytes], [0, 0, 0]);
  db.close();
});

test('a model\'s name tag drops every answer of that model, whatever its content, from L1 and L2', () => {
  const { cache, db, dir } = setup();
  const v1 = { classifier: 'a1'.repeat(32), anomaly: 'b1'.repeat(32) };
  const v2 = { classifier: 'a2'.repeat(32), anomaly: 'b1'.repeat(32) };
  assert.deepEqual(modelTags({ classifier: 'h' }), ['model:classifier', 'model:classifier@h']);
  cache.set('analysis:old', 1, { tags: ['analysis', ...modelTags(v1)] });
  cache.set('analysis:new', 2, { tags: ['analysis', ...modelTags(v2)] });
  cache.set('analysis:other', 3, { tags: ['analysis', ...modelTags({ anomaly: v1.anomaly })] });
  // One content of a model: only the answers of that content.
  assert.equal(cache.invalidateTag(modelContentTag('classifier', v1.classifier)), 1);
  assert.equal(cache.peek('analysis:old'), undefined);
  assert.equal(cache.peek('analysis:new'), 2);
  cache.set('analysis:old', 1, { tags: ['analysis', ...modelTags(v1)] });
  // A model by name: every answer that used it, in both levels (L1 via peek, L2 via the table).
  assert.equal(cache.invalidateTag(modelTag('classifier')), 2);
  assert.deepEqual([cache.peek('analysis:old'), cache.peek('analysis:new'), cache.peek('analysis:other')], [undefined, undefined, 3]);
  assert.deepEqual(l2Keys(db), ['analysis:other']);
  assert.equal((db.prepare("SELECT COUNT(*) AS n FROM cache_tags WHERE key <> 'analysis:other'").get() as { n: number }).n, 0, 'no orphaned tags');
  db.close();
  const again = setup({}, dir);
  assert.deepEqual([again.cache.peek('analysis:old'), again.cache.peek('analysis:other')], [undefined, 3], 'gone after a restart too');
  again.db.close();
});

test('invalidateReplacedModels drops the answers of the models whose content changed or that are gone', () => {
  const { cache, db } = setup();
  const before = { classifier: 'c1', anomaly: 'a1', plume: 'p1' };
  const after = { classifier: 'c2', anomaly: 'a1' };
  cache.set('analysis:1', 1, { tags: modelTags(before) });
  cache.set('analysis:2', 2, { tags: modelTags({ anomaly: 'a1' }) });
  cache.set('analysis:3', 3, { tags: modelTags({ plume: 'p1', anomaly: 'a1' }) });
  assert.equal(invalidateReplacedModels(cache, before, after), 2);
  assert.deepEqual([cache.peek('analysis:1'), cache.peek('analysis:2'), cache.peek('analysis:3')], [undefined, 2, undefined]);
  assert.equal(invalidateReplacedModels(cache, after, after), 0, 'nothing replaced, nothing dropped');
  db.close();
});

test('L2\'s running byte count follows every write, replacement and deletion', () => {
  const { cache, db, clock } = setup();
  const check = (what: string) => assert.equal(cache.stats().l2.bytes, l2Sum(db), what);
  for (let i = 0; i < 10; i++) cache.set(`a:${i}`, incompressible(100 + i * 10), { tags: [`t${i % 3}`], ttlMs: i < 3 ? 10 : 60_000, staleMs: 0 });
  check('writes');
  cache.set('a:5', incompressible(900));
  check('a replacement');
  cache.invalidateKey('a:6');
  check('invalidateKey');
  cache.invalidateTag('t1');
  check('invalidateTag');
  cache.set('b:1', incompressible());
  cache.invalidatePrefix('b:');
  check('invalidatePrefix');
  clock.now += 100;
  assert.ok(cache.purgeExpired() >= 2);
  check('purgeExpired');
  db.close();
});
