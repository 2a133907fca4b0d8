// The phrase index finds exactly the phrases a search for each would find (ASCII ones in the lower-cased
// text, any other in the text as written), on texts built from the phrases' own pieces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PhraseIndex } from './phraseIndex.js';

const PHRASES = ['fire', 'fires', 'Fire Alarm', 'gas leak', 'leak', 'a', '火', '火灾', '起火', '泄漏', 'flood', 'flooding', 'ré', 'x-ray', ''];

function bySearch(text: string, phrases: readonly string[]): string[] {
  const lower = text.toLowerCase();
  return phrases.filter((p) => p.length > 0 && (/^[\x20-\x7e]+$/.test(p) ? lower.includes(p.toLowerCase()) : text.includes(p)));
}

test('the index names the phrases a search for each finds, in the list\'s order', () => {
  const index = new PhraseIndex(PHRASES);
  const piece = fc.oneof(fc.constantFrom(...PHRASES, 'FIRE', 'Gas LEAK', ' ', '，', 'fi', 're', '火', '泄', 'É'), fc.string({ maxLength: 3 }));
  fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
    const text = pieces.join('');
    assert.deepEqual(index.occurring(text, text.toLowerCase()), bySearch(text, PHRASES), JSON.stringify(text));
  }), { seed: 20261202, numRuns: 3000 });
});

test('a phrase at the very end of the text, a one-character phrase and a text of one character are found', () => {
  const index = new PhraseIndex(PHRASES);
  assert.deepEqual(index.occurring('the barn is on FIRE', 'the barn is on fire'), ['fire', 'a']);
  assert.deepEqual(index.occurring('火', '火'), ['火']);
  assert.deepEqual(index.occurring('', ''), []);
});
