// The collections around a large body (docs/hardening.md#memory): one as it is handed to a parser, one a short
// while after its bytes go back through the engine's budget, none for small ones; and a collection frees what
// the body left as garbage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BodyBudget } from './bodyBudget.js';
import { COLLECT_AFTER_BYTES, collectAfterBody, collectionsAfterLargeBodies, collectWhileParsing } from './largeBodyCollections.js';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a large body released through the budget is followed by one collection, a small one by none', async () => {
  const budget = new BodyBudget(64 * 1024 * 1024, (bytes) => collectAfterBody(bytes, 10));
  const before = collectionsAfterLargeBodies;
  budget.reserve(1024).release();
  await wait(40);
  assert.equal(collectionsAfterLargeBodies, before, 'no collection after a small body');
  // Two large bodies released together share one collection.
  const first = budget.reserve(COLLECT_AFTER_BYTES);
  const second = budget.reserve(COLLECT_AFTER_BYTES);
  first.release();
  second.release();
  await wait(40);
  assert.equal(collectionsAfterLargeBodies, before + 1);
});

test('a large body handed to a parser is followed by a collection at once, a small one by none', async () => {
  const before = collectionsAfterLargeBodies;
  collectWhileParsing(256 * 1024);
  await wait(20);
  assert.equal(collectionsAfterLargeBodies, before, 'no collection for a body below the size');
  collectWhileParsing(COLLECT_AFTER_BYTES);
  await wait(20);
  assert.equal(collectionsAfterLargeBodies, before + 1);
});

test('the collection frees the garbage a large incident left', async () => {
  // About 40 MB of small objects, as a large incident's readings are, then dropped.
  let readings: Array<{ at: string; value: number }> | null = Array.from({ length: 400_000 }, (_, i) => ({ at: `2026-11-30T00:00:${i}Z`, value: i }));
  const heldBytes = process.memoryUsage().heapUsed;
  assert.equal(readings.length, 400_000);
  readings = null;
  collectAfterBody(COLLECT_AFTER_BYTES, 0);
  await wait(30);
  const freedMb = (heldBytes - process.memoryUsage().heapUsed) / 1024 / 1024;
  assert.ok(freedMb > 20, `only ${freedMb.toFixed(1)} MB freed`);
});
