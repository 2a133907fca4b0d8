// A POSIX browser locale never reaches Intl (or uPlot) as an invalid tag.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guardNavigatorLocale, usableLocale } from './localeGuard.js';

test('POSIX names become BCP 47 tags; names with no language fall back to the UI language', () => {
  assert.throws(() => new Intl.NumberFormat('C'), RangeError, 'the failure this guards against');
  assert.equal(usableLocale('C', 'zh'), 'zh-CN');
  assert.equal(usableLocale('C.UTF-8', 'en'), 'en-GB');
  assert.equal(usableLocale('zh_CN.UTF-8', 'en'), 'zh-CN');
  assert.equal(usableLocale('en_US@euro', 'zh'), 'en-US');
  assert.equal(usableLocale('', 'zh'), 'zh-CN');
  assert.equal(usableLocale('de-CH', 'zh'), 'de-CH', 'a valid tag is kept');
});

test('navigator.language and languages are replaced only where invalid, and Intl then accepts them', () => {
  const nav = { language: 'C', languages: ['C', 'en-US'] } as unknown as Navigator;
  assert.equal(guardNavigatorLocale(nav, 'zh'), 'zh-CN');
  assert.equal(nav.language, 'zh-CN');
  assert.deepEqual([...nav.languages], ['zh-CN', 'en-US']);
  assert.doesNotThrow(() => new Intl.NumberFormat(nav.language));
  const good = { language: 'en-US', languages: ['en-US'] } as unknown as Navigator;
  guardNavigatorLocale(good, 'zh');
  assert.equal(Object.getOwnPropertyDescriptor(good, 'language')?.value, 'en-US', 'a valid navigator is left alone');
});
