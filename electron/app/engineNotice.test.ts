// The engine's restart and failure notifications in one language, no English in the Chinese one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engineNotice } from './engineNotice.js';

test('a restart or a failure is told in the system language alone; other states are not told', () => {
  const zh = engineNotice('restarting', 'worker exited with code 1', 'zh');
  assert.ok(zh);
  assert.match(zh.body, /重启/);
  assert.doesNotMatch(zh.body, /[A-Za-z]{3,}/, 'no English words in the Chinese notice');
  const en = engineNotice('failed', 'database is damaged', 'en');
  assert.ok(en);
  assert.match(en.body, /cannot start.*\(database is damaged\)$/);
  assert.doesNotMatch(en.body, /[\u4e00-\u9fff]/, 'no Chinese in the English notice');
  for (const state of ['starting', 'ready', 'stopped']) assert.equal(engineNotice(state, undefined, 'zh'), null, state);
});
