// Typed dates in the UI's language (logic/dateEntry.ts): shown as zh or en writes them whatever the
// browser's locale, and read back from the ways people type them in that language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateEntryExample, formatDateEntry, parseDateEntry } from './dateEntry.js';
import { countText } from './dateTime.js';

test('a date is shown as the UI language writes it', () => {
  assert.equal(formatDateEntry('2026-11-30', 'zh', false), '2026年11月30日');
  assert.equal(formatDateEntry('2026-11-30', 'en', false), '30 Nov 2026');
  assert.equal(formatDateEntry('2026-03-05T07:05', 'zh', true), '2026年3月5日 07:05');
  assert.equal(formatDateEntry('2026-03-05T19:05', 'en', true), '5 Mar 2026, 19:05');
  assert.equal(formatDateEntry('', 'en', false), '');
  assert.equal(dateEntryExample('zh', false), '2026年11月30日');
});

test('what is shown reads back as the same value, in both languages', () => {
  for (const value of ['2026-11-30', '2024-02-29', '1999-01-01']) {
    for (const language of ['zh', 'en'] as const) assert.deepEqual(parseDateEntry(formatDateEntry(value, language, false), language, false), { ok: true, value });
  }
  for (const value of ['2026-11-30T22:40', '2026-09-01T00:00']) {
    for (const language of ['zh', 'en'] as const) assert.deepEqual(parseDateEntry(formatDateEntry(value, language, true), language, true), { ok: true, value });
  }
});

test('the ways people type a date', () => {
  const read = (text: string, language: 'zh' | 'en', withTime = false) => parseDateEntry(text, language, withTime);
  assert.deepEqual(read('2026-11-30', 'zh'), { ok: true, value: '2026-11-30' });
  assert.deepEqual(read('2026/1/5', 'zh'), { ok: true, value: '2026-01-05' });
  assert.deepEqual(read('２０２６年１１月３０日', 'zh'), { ok: true, value: '2026-11-30' }, 'full-width digits from a Chinese input method');
  assert.deepEqual(read('2026年11月30日 8：05', 'zh', true), { ok: true, value: '2026-11-30T08:05' });
  assert.deepEqual(read('30 November 2026', 'en'), { ok: true, value: '2026-11-30' });
  assert.deepEqual(read('30 Sept 2026', 'en'), { ok: true, value: '2026-09-30' });
  assert.deepEqual(read('Nov 30, 2026', 'en'), { ok: true, value: '2026-11-30' });
  assert.deepEqual(read('30/11/2026', 'en'), { ok: true, value: '2026-11-30' }, 'day first, as the en-GB display writes it');
  assert.deepEqual(read('  ', 'en'), { ok: true, value: '' });
});

test('text that is not a date says why, and never becomes one', () => {
  const read = (text: string, language: 'zh' | 'en', withTime = false) => parseDateEntry(text, language, withTime);
  assert.deepEqual(read('11/30/2026', 'en'), { ok: false, problem: 'impossible' }, 'a US order is not silently swapped');
  assert.deepEqual(read('30/11/2026', 'zh'), { ok: false, problem: 'unreadable' }, 'the Chinese UI writes the year first');
  assert.deepEqual(read('2026-02-29', 'zh'), { ok: false, problem: 'impossible' }, '2026 is not a leap year');
  assert.deepEqual(read('2026-11-30 25:00', 'zh', true), { ok: false, problem: 'impossible' });
  assert.deepEqual(read('2026-11-30', 'en', true), { ok: false, problem: 'timeMissing' });
  assert.deepEqual(read('2026-11-30 10:00', 'en', false), { ok: false, problem: 'unreadable' });
  assert.deepEqual(read('30 Ma 2026', 'en'), { ok: false, problem: 'unreadable' }, 'a month needs three letters');
  assert.deepEqual(read('yesterday', 'en'), { ok: false, problem: 'unreadable' });
});

test('counts are grouped as the UI language groups them, whatever the browser (logic/dateTime.ts)', () => {
  assert.equal(countText(3772817, 'zh'), '3,772,817');
  assert.equal(countText(61575, 'en'), '61,575');
  assert.notEqual(countText(61575, 'zh'), (61575).toLocaleString('fr-FR'), 'not as a French browser writes it');
});
