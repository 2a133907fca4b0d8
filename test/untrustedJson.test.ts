import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ERROR_CODES, SafeError } from '../engine/contract/errors.js';
import { parseUntrustedJson } from '../engine/contract/untrustedJson.js';

const refusal = (text: string): SafeError | undefined => {
  try { parseUntrustedJson(text, 'the body'); } catch (err) { return err as SafeError; }
  return undefined;
};

test('a refused key is refused however it is spelt, and wherever it stands', () => {
  for (const text of ['{"__proto__":{}}', '{"a":[{"b":{"__proto__":1}}]}', '{"\\u005f_proto__":{}}', '{"\\u005F\\u005Fproto\\u005F\\u005F":1}',
    '{"constructor":{"prototype":{}}}', '{"\\u0063onstructor":{"prototype":{}}}', '{"x":{"constructo\\u0072":{"prototype":1}}}']) {
    assert.equal(refusal(text)?.code, ERROR_CODES.INVALID_JSON, text);
  }
});

test('text that cannot hold a refused key parses to what JSON.parse gives (the path without the reviver)', () => {
  fc.assert(fc.property(fc.jsonValue(), (value) => {
    const text = JSON.stringify(value);
    fc.pre(!text.includes('__proto__') && !text.includes('constructor'));
    assert.deepEqual(parseUntrustedJson(text, 'the body'), JSON.parse(text));
  }), { seed: 20261202, numRuns: 300 });
  // A "constructor" that holds no prototype, and escapes of other letters, are accepted.
  assert.deepEqual(parseUntrustedJson('{"constructor":1,"t":"\\u706b"}', 'the body'), { constructor: 1, t: '火' });
});

test('bad syntax is SAFE_E_INVALID_JSON on both paths', () => {
  assert.equal(refusal('{"a":')?.code, ERROR_CODES.INVALID_JSON);
  assert.equal(refusal('{"constructor":')?.code, ERROR_CODES.INVALID_JSON);
});
