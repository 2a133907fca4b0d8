import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HealthProblems } from './healthProblems.js';
import { ERROR_CODES } from './contract/errors.js';

test('health problems: raised, restated without moving their start, cleared, listed oldest first', () => {
  const problems = new HealthProblems();
  problems.raise('save', ERROR_CODES.SAVE_FAILED, 'disk full', new Date('2026-11-30T10:00:00Z'));
  problems.raise('database-check', ERROR_CODES.INTERNAL, 'checking', new Date('2026-11-30T09:00:00Z'));
  problems.raise('save', ERROR_CODES.SAVE_FAILED, 'disk still full', new Date('2026-11-30T11:00:00Z'));
  assert.deepEqual(problems.list().map((p) => [p.key, p.sinceIso]), [['database-check', '2026-11-30T09:00:00.000Z'], ['save', '2026-11-30T10:00:00.000Z']]);
  assert.equal(problems.list()[1]?.message, 'disk still full');
  problems.clear('save');
  assert.equal(problems.has('save'), false);
  assert.deepEqual(problems.list().map((p) => p.key), ['database-check']);
});
