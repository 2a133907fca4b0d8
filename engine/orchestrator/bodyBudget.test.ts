import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import { BodyBudget, incidentBytes, type HeldBytes } from './bodyBudget.js';

const busy = (err: unknown) => err instanceof SafeError && err.code === ERROR_CODES.BUSY;

test('bodies are admitted while their bytes fit the budget, then refused with SAFE_E_BUSY until some are released', () => {
  const budget = new BodyBudget(1000);
  const a = budget.reserve(600);
  const b = budget.reserve(400);
  assert.equal(budget.heldBytes, 1000);
  assert.throws(() => budget.reserve(1), busy);
  a.release();
  a.release(); // idempotent: a request's end and its analysis's end may both release
  assert.equal(budget.heldBytes, 400);
  const c = budget.reserve(600);
  assert.throws(() => budget.reserve(1), busy);
  b.release();
  c.release();
  assert.equal(budget.heldBytes, 0);
});

test('a body larger than the whole budget is admitted alone, never beside others', () => {
  const budget = new BodyBudget(1000);
  const small = budget.reserve(10);
  assert.throws(() => budget.reserve(5000), busy);
  small.release();
  const huge = budget.reserve(5000);
  assert.throws(() => budget.reserve(1), busy);
  huge.release();
  assert.equal(budget.heldBytes, 0);
});

test('a chunked body grows its hold as it arrives and is refused once over the budget', () => {
  const budget = new BodyBudget(1000);
  const other = budget.reserve(500);
  const chunked = budget.reserve(0);
  chunked.grow(300);
  assert.equal(budget.heldBytes, 800);
  assert.throws(() => chunked.grow(300), busy);
  assert.equal(chunked.bytes, 300, 'the refused chunk is not held');
  other.release();
  chunked.grow(600);
  assert.equal(budget.heldBytes, 900);
  chunked.release();
  chunked.grow(10); // after release nothing is held again
  assert.equal(budget.heldBytes, 0);
});

test('a batch door waits for room instead of being refused, in order, and nothing is taken past it while it waits', async () => {
  const budget = new BodyBudget(1000);
  const first = budget.reserve(800);
  const admitted: string[] = [];
  const a = budget.whenAvailable(500).then((held) => { admitted.push('a'); return held; });
  const b = budget.whenAvailable(100).then((held) => { admitted.push('b'); return held; });
  await Promise.resolve();
  assert.deepEqual(admitted, [], 'a waits for room; b waits behind it though it would fit');
  assert.throws(() => budget.reserve(100), busy, 'nor does another door take the room a waiter waits for');
  first.release();
  const [heldA, heldB] = await Promise.all([a, b]);
  assert.deepEqual(admitted, ['a', 'b']);
  assert.equal(budget.heldBytes, 600);
  heldA.release();
  heldB.release();
  // A line larger than the whole budget waits until it would be alone.
  const small = budget.reserve(10);
  let huge: HeldBytes | null = null;
  const waiting = budget.whenAvailable(5000).then((held) => { huge = held; });
  await Promise.resolve();
  assert.equal(huge, null);
  small.release();
  await waiting;
  assert.equal(budget.heldBytes, 5000);
  (huge as HeldBytes | null)?.release();
  assert.equal(budget.heldBytes, 0);
});

test('an incident handed over as an object holds its length as JSON; one JSON cannot carry is SAFE_E_INVALID_JSON', () => {
  assert.equal(incidentBytes({ text: '氯气' }), Buffer.byteLength('{"text":"氯气"}'));
  const cyclic: Record<string, unknown> = { text: 'x' };
  cyclic.self = cyclic;
  assert.throws(() => incidentBytes(cyclic), (err: unknown) => err instanceof SafeError && err.code === ERROR_CODES.INVALID_JSON && err.field === 'incident');
});
