// The feature hashing works in place (no feature strings built); its ids must be exactly those of the
// definition, which hashes each feature's string: the shipped model was trained on those ids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateCorpus, DEFAULT_CORPUS } from './corpus/generateCorpus.js';
import { FEATURE_SPEC, featureIds, normalizeReport } from '../engine/agents/strategist/classifier/textFeatures.js';

function fnvOfString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h >>> 0;
}

/** The definition: every feature as a string ("w:" word, "b:" bigram, "c:" trigram, "z1:"–"z3:" Chinese n-grams). */
function featureStrings(text: string): string[] {
  const norm = normalizeReport(text);
  const out: string[] = [];
  const words = norm.match(/[a-z0-9]+/g) ?? [];
  words.forEach((w, i) => {
    out.push('w:' + w);
    if (i > 0) out.push('b:' + words[i - 1] + ' ' + w);
    if (w.length >= 3 && !/^0+$/.test(w)) {
      const padded = '<' + w + '>';
      for (let j = 0; j + 3 <= padded.length; j++) out.push('c:' + padded.slice(j, j + 3));
    }
  });
  for (const run of norm.match(/[\u3400-\u9fff]+/g) ?? []) {
    for (let i = 0; i < run.length; i++) {
      out.push('z1:' + run[i]);
      if (i + 2 <= run.length) out.push('z2:' + run.slice(i, i + 2));
      if (i + 3 <= run.length) out.push('z3:' + run.slice(i, i + 3));
    }
  }
  return out;
}

test('feature ids equal the hashes of the feature strings, on 1 000 generated reports in both languages', () => {
  const reports = generateCorpus(DEFAULT_CORPUS).filter((_, i) => i % 40 === 0).map((r) => r.text);
  assert.ok(reports.length >= 1000);
  for (const text of [...reports, '液氯槽罐车泄漏，3人受伤 Chlorine tanker LEAK on G4']) {
    const expected = featureStrings(text).map((f) => fnvOfString(f) & (FEATURE_SPEC.buckets - 1));
    if (expected.length <= FEATURE_SPEC.maxFeatures) assert.deepEqual(featureIds(text), expected, text);
    else assert.equal(featureIds(text).length, FEATURE_SPEC.maxFeatures);
  }
});
