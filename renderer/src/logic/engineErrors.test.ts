// Every error the UI can meet reads as what happened and what to do, in both languages, and an outage
// never reads as a missing record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ERROR_CODES, HTTP_STATUS } from '../../../engine/contract/errors.js';
import { zh } from '../i18n/locales/zh.js';
import { en } from '../i18n/locales/en.js';
import { EngineError } from '../transport/engineTransport.js';
import { TRANSPORT_ERROR_CODES } from '../transport/transportErrors.js';
import { canRetry, describeEngineError, messageKeys, UNEXPECTED, type ShownErrorCode } from './engineErrors.js';

const ALL_CODES: ShownErrorCode[] = [...Object.values(ERROR_CODES), ...Object.values(TRANSPORT_ERROR_CODES), UNEXPECTED];

test('every code of the contract (and the transport) has what-happened and what-to-do in zh and en', () => {
  const locales: Record<string, Record<string, string>> = { zh, en };
  const missing: string[] = [];
  for (const code of ALL_CODES) {
    for (const key of Object.values(messageKeys(code))) {
      for (const [name, locale] of Object.entries(locales)) if (!locale[key]?.trim()) missing.push(`${name}: ${key}`);
    }
  }
  assert.deepEqual(missing, [], 'a new code in engine/contract/errors.ts needs its two sentences in both locale files');
  // And the Chinese never falls back to the code itself or to English.
  for (const code of ALL_CODES) assert.match(zh[messageKeys(code).what], /[\u4e00-\u9fff]/, code);
});

test('an outage (no reply at all) is "unreachable", distinct from a record the engine could not find', () => {
  const outage = describeEngineError(new EngineError({ code: TRANSPORT_ERROR_CODES.UNREACHABLE, message: 'Failed to fetch' }));
  const missing = describeEngineError(new EngineError({ code: ERROR_CODES.NOT_FOUND, message: 'no run x', field: 'id' }));
  assert.deepEqual(outage, { code: 'SAFE_UI_ENGINE_UNREACHABLE', detail: 'Failed to fetch', retry: true });
  assert.deepEqual(missing, { code: 'SAFE_E_NOT_FOUND', detail: 'no run x', field: 'id', retry: false });
  assert.notEqual(zh[messageKeys(outage.code).what], zh[messageKeys(missing.code).what]);
});

test('a bug\'s TypeError is SAFE_UI_UNEXPECTED with the raw text kept only as the detail; a stored body keeps its code', () => {
  const bug = describeEngineError(new TypeError('Cannot read properties of undefined'));
  assert.equal(bug.code, UNEXPECTED);
  assert.equal(bug.detail, 'TypeError: Cannot read properties of undefined');
  assert.equal(describeEngineError({ code: 'SAFE_E_AGENT_TIMEOUT', message: 'field agent' }).code, 'SAFE_E_AGENT_TIMEOUT');
  assert.equal(describeEngineError({ code: null, message: 'network down' }).detail, 'network down');
  assert.equal(describeEngineError('SAFE_E_BUSY').code, UNEXPECTED, 'codes are never guessed from text');
});

test('retry is offered where the cause passes, not where someone must act first', () => {
  for (const code of Object.values(ERROR_CODES)) assert.equal(canRetry(code), HTTP_STATUS[code] >= 500, code);
  assert.equal(canRetry('SAFE_E_BUSY'), true);
  assert.equal(canRetry('SAFE_E_UNAUTHORIZED'), false);
  assert.equal(canRetry('SAFE_E_INVALID_FIELD'), false);
  assert.equal(canRetry('SAFE_E_NOT_FOUND'), false);
  assert.equal(canRetry(TRANSPORT_ERROR_CODES.UNREACHABLE), true);
  assert.equal(canRetry(TRANSPORT_ERROR_CODES.BAD_REPLY), true);
});
