import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import { BodyBudget } from './bodyBudget.js';

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
