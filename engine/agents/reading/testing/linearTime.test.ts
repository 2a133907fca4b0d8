// The linear-time check must tell a quadratic reader from a linear one, whatever the load: it is what the
// reading tests rely on to keep user text from holding a worker (docs/hardening.md#edges).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertLinearTime } from './linearTime.js';

/** Compares every position with every later one: quadratic in the text's length. */
function quadraticReader(text: string): number {
  let same = 0;
  for (let i = 0; i < text.length; i++) for (let j = i + 1; j < text.length; j++) if (text.charCodeAt(i) === text.charCodeAt(j)) same++;
  return same;
}

/** One pass, as the report readers are. */
function linearReader(text: string): number {
  let digits = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 58) digits++;
  return digits;
}

test('a quadratic reader fails the linear-time check; a linear one passes', () => {
  assert.throws(() => assertLinearTime('quadratic', (n) => 'ab'.repeat(n), quadraticReader, 500), /not linear/);
  assertLinearTime('linear', (n) => '12ab'.repeat(n), linearReader, 20_000);
});
