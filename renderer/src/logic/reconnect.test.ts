// The connection rules behind the offline banner and the status pill.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorisationAfter, pillState, retryDelayMs, secondsUntil, type Authorisation } from './reconnect.js';

test('retries back off 2, 4, 8, 16 s, then every 30 s', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 20].map(retryDelayMs), [2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  assert.equal(secondsUntil(10_000, 7_100), 3);
  assert.equal(secondsUntil(10_000, 12_000), 0);
});

test('a 401 on any call but /health marks the token refused, until an authenticated call succeeds', () => {
  let auth: Authorisation = 'unknown';
  auth = authorisationAfter(auth, { operation: 'runs', outcome: 'unauthorised' });
  assert.equal(auth, 'refused');
  auth = authorisationAfter(auth, { operation: 'health', outcome: 'ok' });
  assert.equal(auth, 'refused', '/health answers without a token, so it proves nothing');
  auth = authorisationAfter(auth, { operation: 'run', outcome: 'unreachable' });
  assert.equal(auth, 'refused');
  auth = authorisationAfter(auth, { operation: 'run', outcome: 'ok' });
  assert.equal(auth, 'ok');
});

test('the pill: the supervisor first, then unreachable, then a refused token, then health', () => {
  const base = { processState: null, healthStatus: 'ok' as const, offline: false, authorisation: 'ok' as Authorisation };
  assert.equal(pillState(base), 'ok');
  assert.equal(pillState({ ...base, authorisation: 'refused' }), 'unauthorised', 'a refused token is not "engine ok"');
  assert.equal(pillState({ ...base, offline: true, healthStatus: null, authorisation: 'refused' }), 'down');
  assert.equal(pillState({ ...base, processState: 'restarting', authorisation: 'refused' }), 'restarting');
  assert.equal(pillState({ ...base, healthStatus: 'degraded' }), 'degraded');
});
