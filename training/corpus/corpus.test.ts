// The classifier's corpus (docs/models.md, "The incident classifier"): the news register and traditional
// Chinese are in both splits, and the held-out split keeps its places of the wider world to itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INCIDENT_TYPES } from '../../engine/contract/taxonomy.js';
import { DEFAULT_CORPUS, generateCorpus } from './generateCorpus.js';
import { WORLD_PLACES } from './newsRegister.js';
import { toTraditional } from './traditionalChinese.js';

const corpus = generateCorpus(DEFAULT_CORPUS);

test('simplified Chinese becomes traditional word by word and character by character; other text is kept', () => {
  assert.equal(toTraditional('台风登陆，3辆车被困'), '颱風登陸，3輛車被困');
  assert.equal(toTraditional('一辆面包车在路面侧翻'), '一輛麵包車在路面側翻');
  assert.equal(toTraditional('M6.1 quake'), 'M6.1 quake');
});

test('every type has news-register reports in English and traditional-character reports in Chinese, in both splits', () => {
  const held = WORLD_PLACES.map((p) => p.toLowerCase());
  for (const split of ['train', 'test'] as const) {
    for (const label of INCIDENT_TYPES) {
      const reports = corpus.filter((r) => r.split === split && r.label === label);
      assert.ok(reports.some((r) => r.lang === 'en' && held.some((p) => r.text.toLowerCase().includes(p))), `${split} ${label}: news register`);
      assert.ok(reports.some((r) => r.lang === 'zh' && /[發車傷災報區縣]/.test(r.text)), `${split} ${label}: traditional characters`);
    }
  }
});

test('the places of the wider world held out for the test split never appear in training reports', () => {
  const heldOut = WORLD_PLACES.slice(-8).map((p) => p.toLowerCase());
  const trained = WORLD_PLACES.slice(0, -8).map((p) => p.toLowerCase());
  const train = corpus.filter((r) => r.split === 'train').map((r) => r.text.toLowerCase());
  const testTexts = corpus.filter((r) => r.split === 'test').map((r) => r.text.toLowerCase());
  for (const place of heldOut) {
    assert.ok(!train.some((t) => t.includes(place)), `${place} is held out`);
    assert.ok(testTexts.some((t) => t.includes(place)), `${place} is used by the test split`);
  }
  for (const place of trained) assert.ok(!testTexts.some((t) => t.includes(place)), `${place} is a training place`);
});
