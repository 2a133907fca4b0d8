// The Models page's logic under plain Node: the metadata's age, models with their versions, and the
// gate's figures in the units IT reads them in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { GateCheck } from '../../../engine/contract/modelUpdates.js';
import type { ModelTargetFacts } from '../../../engine/contract/modelChannel.js';
import { EngineError } from '../transport/engineTransport.js';
import { checkFigure, describeError, eventVersions, knownEvent, metadataAge, modelSummaries, scoreMetric, shortDeviceId, span, unbuiltStrategy, type ModelVersion } from './models.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const NOW_MS = Date.parse('2026-05-10T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

const facts = (scoresBp: Record<string, number>, strategy: ModelTargetFacts['rollout']['strategy'] = 'immediate'): ModelTargetFacts => ({
  name: 'fire-spread-surrogate', version: 3, task: 'rate of spread', sha256: 'a'.repeat(64), bytes: 14002, inputs: [], outputs: [],
  minEngineVersion: '0.1.0', scoresBp, rollout: { percent: 100, strategy, minAgreementBp: 9000 }, files: ['manifest.json', 'model.onnx'], publishedAt: iso(NOW_MS),
});
const check = (name: GateCheck['check'], value: number | null, bound: number | null): GateCheck => ({ check: name, passed: true, value, bound, detail: '' });

test('spans: under a minute, whole minutes, hours below two days, then days', () => {
  assert.deepEqual(span(59_000), { unit: 'underMinute', n: 0 });
  assert.deepEqual(span(-59_000), { unit: 'underMinute', n: 0 }, 'the sign is the caller\'s (ago or in)');
  assert.deepEqual(span(61_000), { unit: 'minutes', n: 1 });
  assert.deepEqual(span(3 * HOUR_MS + 50 * 60_000), { unit: 'hours', n: 3 });
  assert.deepEqual(span(36 * HOUR_MS), { unit: 'hours', n: 36 });
  assert.deepEqual(span(4 * DAY_MS + 5 * HOUR_MS), { unit: 'days', n: 4 });
});

test('metadata age: checked 3 h ago, timestamp expires in 4 days; flagged when the timestamp expired or an expired one was accepted', () => {
  const last = { timestampVersion: 2, snapshotVersion: 2, targetsVersion: 2, timestampExpires: iso(NOW_MS + 4 * DAY_MS + HOUR_MS), expiredTimestampAccepted: false, checkedAt: iso(NOW_MS - 3 * HOUR_MS) };
  assert.deepEqual(metadataAge(last, NOW_MS), {
    checkedAgo: { unit: 'hours', n: 3 }, timestamp: { expired: false, span: { unit: 'days', n: 4 } }, expiredTimestampAccepted: false, stale: false,
  });
  const expired = metadataAge({ ...last, timestampExpires: iso(NOW_MS - 2 * HOUR_MS) }, NOW_MS);
  assert.deepEqual(expired.timestamp, { expired: true, span: { unit: 'hours', n: 2 } });
  assert.equal(expired.stale, true);
  const accepted = metadataAge({ ...last, expiredTimestampAccepted: true }, NOW_MS);
  assert.equal(accepted.stale, true, 'an accepted expired timestamp is flagged even while the real one would still hold');
  assert.equal(metadataAge({ ...last, timestampExpires: '' }, NOW_MS).timestamp, null, 'no expiry recorded: none shown');
});

test('models: every model live or held, sorted by name, its versions newest first', () => {
  const version = (name: string, v: number, state: ModelVersion['state']): ModelVersion => ({ name, version: v, source: 'shipped', state, sha256: '', facts: null, gate: null, updatedAt: iso(NOW_MS) });
  const summaries = modelSummaries({
    live: { 'plume-surrogate': { version: 1, source: 'shipped' }, 'fire-spread-surrogate': { version: 3, source: '/ch' } },
    versions: [version('fire-spread-surrogate', 2, 'retired'), version('fire-spread-surrogate', 4, 'refused'), version('fire-spread-surrogate', 3, 'live'), version('old-model', 1, 'revoked')],
  });
  assert.deepEqual(summaries.map((s) => [s.name, s.live?.version ?? null, s.versions.map((v) => v.version)]), [
    ['fire-spread-surrogate', 3, [4, 3, 2]], ['old-model', null, [1]], ['plume-surrogate', 1, []],
  ]);
});

test('gate figures: agreement and accuracy as %, latency as a ratio, memory in MiB, each beside its bound', () => {
  const surrogate = facts({ p95RelError: 884 });
  assert.equal(checkFigure(check('agreement', 0.998, 0.9), surrogate), '99.8 % (≥ 90.0 %)');
  assert.equal(checkFigure(check('latency', 1.0567, 1.2), surrogate), '1.06× (≤ 1.2×)');
  assert.equal(checkFigure(check('memory', 28_004, 64 * 1_048_576), surrogate), '0.03 MiB (≤ 64 MiB)');
  assert.equal(checkFigure(check('memory', 40 * 1_048_576, 64 * 1_048_576), surrogate), '40 MiB (≤ 64 MiB)');
  // The score's direction follows what it measured: an error must stay under its bound, accuracy reach it.
  assert.equal(checkFigure(check('score', 0.0884, 0.0984), surrogate), '8.8 % (≤ 9.8 %)');
  assert.equal(checkFigure(check('score', 0.914, 0.902), facts({ heldOutAccuracy: 9125 })), '91.4 % (≥ 90.2 %)');
  assert.equal(checkFigure(check('score', 0.914, 0.902), null), '91.4 % (90.2 %)', 'no facts: no direction claimed');
  assert.equal(checkFigure(check('loads', null, null), surrogate), null, 'loads has a verdict, no figure');
  assert.equal(checkFigure(check('agreement', null, 0.9), surrogate), null);
  assert.equal(scoreMetric(facts({ testPrecision: 9000 })), null);
});

test('rollout strategies the engine has not built are named; immediate is not', () => {
  assert.equal(unbuiltStrategy(facts({}, 'canary')), 'canary');
  assert.equal(unbuiltStrategy(facts({}, 'shadow')), 'shadow');
  assert.equal(unbuiltStrategy(facts({}, 'immediate')), null);
  assert.equal(unbuiltStrategy(null), null);
});

test('errors keep the engine\'s stable code; events the ledger records are known, others shown by name; the short device id', () => {
  assert.deepEqual(describeError(new EngineError({ code: 'SAFE_E_INVALID_FIELD', message: 'no channel' })), { code: 'SAFE_E_INVALID_FIELD', message: 'no channel' });
  assert.deepEqual(describeError(new Error('network down')), { code: null, message: 'network down' });
  assert.equal(knownEvent('gate-passed'), 'gate-passed');
  assert.equal(knownEvent('something-new'), null);
  assert.equal(shortDeviceId('0123456789abcdef0123456789abcdef'), '01234567');
});

test('an event\'s versions: a rollback or swap names the version it left; others only their own', () => {
  assert.deepEqual(eventVersions({ version: 2, detail: { from: 3, reason: 'manual' } }), { from: 3, to: 2 });
  assert.deepEqual(eventVersions({ version: 3, detail: { checks: [] } }), { from: null, to: 3 });
  assert.deepEqual(eventVersions({ version: null, detail: { from: 'x' } }), { from: null, to: null });
});
