// The Models page's logic under plain Node: the metadata's age, models with their versions, the gate's
// figures in the units IT reads them in, and a running trial's figures against its rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { GateCheck } from '../../../engine/contract/modelUpdates.js';
import type { ModelTargetFacts } from '../../../engine/contract/modelChannel.js';
import { EngineError } from '../transport/engineTransport.js';
import {
  checkFigure, describeError, memorySize, eventVersions, formatMoment, knownEvent, metadataAge, modelSummaries, scoreMetric, sharePercent, shortDeviceId, span, trialChecks, versionTrial,
  type ModelVersion, type RunningTrial,
} from './models.js';

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
    trial: null,
    live: { 'plume-surrogate': { version: 1, source: 'shipped', rollbackTo: null }, 'fire-spread-surrogate': { version: 3, source: '/ch', rollbackTo: null } },
    versions: [version('fire-spread-surrogate', 2, 'retired'), version('fire-spread-surrogate', 4, 'refused'), version('fire-spread-surrogate', 3, 'live'), version('old-model', 1, 'revoked')],
    events: [],
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

/** The engine's default trial rules (engine/updates/trialJudge.ts), as a trial in the view carries them. */
const RULES: RunningTrial['rules'] = { minSamples: 30, windowSize: 10, failedWindowsToRollback: 2, minAgreement: 0.9, latencyRatio: 1.5, errorZ: 1.645, warmupPairs: 5 };
const trial = (figures: Partial<RunningTrial['figures']> = {}, rest: Partial<RunningTrial> = {}): RunningTrial => ({
  name: 'plume-surrogate', version: 2, strategy: 'canary', canaryShare: 0.1, startedAt: iso(NOW_MS - 2 * HOUR_MS), decision: 'continue', reason: '12 of 30 pairs',
  figures: { samples: 12, agreement: 0.95, liveErrorRate: 0, trialErrorRate: 1 / 12, errorZ: 1.0445, latencyRatio: 1.1234, failedWindows: 0, ...figures },
  rules: { ...RULES }, ...rest,
});
const verdicts = (t: RunningTrial) => Object.fromEntries(trialChecks(t).map((c) => [c.check, c.verdict]));

test('trial figures beside the bounds the verdict is judged on, each with its verdict', () => {
  assert.deepEqual(trialChecks(trial()), [
    { check: 'samples', figure: '12 (≥ 30)', verdict: 'pending' },
    { check: 'agreement', figure: '95.0 % (≥ 90.0 %)', verdict: 'pass' },
    { check: 'errors', figure: '8.3 % / 0.0 % · z 1.04 (≤ 1.645)', verdict: 'pass' },
    { check: 'latency', figure: '1.12× (≤ 1.5×)', verdict: 'pass' },
    { check: 'windows', figure: '0 (< 2)', verdict: 'pass' },
  ]);
  // Each bound fails on its own side of it.
  assert.deepEqual(verdicts(trial({ samples: 31, agreement: 0.89, errorZ: 1.7, latencyRatio: 1.51, failedWindows: 2 })),
    { samples: 'pass', agreement: 'fail', errors: 'fail', latency: 'fail', windows: 'fail' });
  assert.deepEqual(verdicts(trial({ samples: 30, agreement: 0.9, errorZ: 1.645, latencyRatio: 1.5, failedWindows: 1 })),
    { samples: 'pass', agreement: 'pass', errors: 'pass', latency: 'pass', windows: 'pass' }, 'a figure on its bound passes, as the judge has it');
  // The channel's floor, not a fixed 90 %.
  assert.equal(trialChecks(trial({ agreement: 0.95 }, { rules: { ...RULES, minAgreement: 0.97 } }))[1]?.figure, '95.0 % (≥ 97.0 %)');
  assert.equal(verdicts(trial({ agreement: 0.95 }, { rules: { ...RULES, minAgreement: 0.97 } })).agreement, 'fail');
});

test('a trial with nothing to judge yet says so: no pair, no whole check window, no timed pair (warm-up)', () => {
  const fresh = trial({ samples: 0, agreement: null, trialErrorRate: 0, errorZ: 0, latencyRatio: null });
  assert.deepEqual(trialChecks(fresh).map((c) => [c.check, c.figure, c.verdict]), [
    ['samples', '0 (≥ 30)', 'pending'], ['agreement', '— (≥ 90.0 %)', 'pending'], ['errors', '0.0 % / 0.0 % · z 0.00 (≤ 1.645)', 'pending'],
    ['latency', '— (≤ 1.5×)', 'pending'], ['windows', '0 (< 2)', 'pending'],
  ]);
  // Pairs where every analysis failed on one side: no agreement to measure, which the judge counts as a failure.
  assert.equal(verdicts(trial({ samples: 4, agreement: null, trialErrorRate: 1, errorZ: 2.83 })).agreement, 'fail');
  assert.equal(verdicts(trial({ samples: 4 })).windows, 'pending', 'fewer pairs than one check window');
  assert.equal(sharePercent(0.1), '10 %');
  assert.equal(sharePercent(0.125), '12.5 %');
});

test('a canary or shadow version is on trial when it is the running one, else waits when gated and newer than the live one', () => {
  const version = (v: number, state: ModelVersion['state'], strategy: ModelTargetFacts['rollout']['strategy']): ModelVersion => ({
    name: 'plume-surrogate', version: v, source: '/ch', state, sha256: '', facts: { ...facts({}, strategy), name: 'plume-surrogate', version: v }, gate: null, updatedAt: iso(NOW_MS),
  });
  const live = { version: 1, source: 'shipped', rollbackTo: null };
  assert.deepEqual(versionTrial(version(2, 'ready', 'canary'), live, trial()), { kind: 'on-trial', strategy: 'canary' });
  assert.deepEqual(versionTrial(version(2, 'ready', 'shadow'), live, null), { kind: 'waiting', strategy: 'shadow' });
  assert.deepEqual(versionTrial(version(3, 'ready', 'canary'), live, trial()), { kind: 'waiting', strategy: 'canary' }, 'another version\'s trial runs first');
  assert.equal(versionTrial(version(2, 'ready', 'immediate'), live, null), null);
  assert.equal(versionTrial(version(2, 'live', 'canary'), { version: 2, source: '/ch', rollbackTo: 1 }, null), null, 'promoted: no note');
  assert.equal(versionTrial(version(2, 'rolled_back', 'canary'), live, null), null, 'rolled back after its trial: held, not waiting');
  assert.equal(versionTrial(version(2, 'ready', 'canary'), { version: 3, source: '/ch', rollbackTo: null }, null), null, 'older than the live one: a fallback for rollback, no trial comes');
  assert.equal(versionTrial({ ...version(2, 'ready', 'canary'), facts: null }, live, null), null);
});

test('models: the running trial belongs to its model; every model knows which trial runs', () => {
  const running = trial();
  const [fire, plume] = modelSummaries({ live: { 'fire-spread-surrogate': { version: 2, source: 'shipped', rollbackTo: null }, 'plume-surrogate': { version: 1, source: 'shipped', rollbackTo: null } }, versions: [], trial: running, events: [] });
  assert.equal(fire?.trial, null);
  assert.equal(fire?.runningTrial, running);
  assert.equal(plume?.trial, running);
});

test('errors keep the engine\'s stable code; events the ledger records are known, others shown by name; the short device id', () => {
  assert.deepEqual(describeError(new EngineError({ code: 'SAFE_E_INVALID_FIELD', message: 'no channel' })), { code: 'SAFE_E_INVALID_FIELD', message: 'no channel' });
  assert.deepEqual(describeError(new Error('network down')), { code: null, message: 'network down' });
  assert.equal(knownEvent('gate-passed'), 'gate-passed');
  assert.equal(knownEvent('something-new'), null);
  for (const event of ['trial-started', 'promoted', 'auto-rollback']) assert.equal(knownEvent(event), event, `${event}: a trial's event has a name`);
  assert.equal(shortDeviceId('0123456789abcdef0123456789abcdef'), '01234567');
});

test('an event\'s versions: a rollback or swap names the version it left; others only their own', () => {
  assert.deepEqual(eventVersions({ version: 2, detail: { from: 3, reason: 'manual' } }), { from: 3, to: 2 });
  assert.deepEqual(eventVersions({ version: 3, detail: { checks: [] } }), { from: null, to: 3 });
  assert.deepEqual(eventVersions({ version: null, detail: { from: 'x' } }), { from: null, to: null });
});

test('a moment on the Models page is written as the UI language writes dates, to the second, never 01/12/2026', () => {
  const at = '2026-12-01T03:37:52Z';
  const hour = String(new Date(at).getHours()).padStart(2, '0');
  assert.match(formatMoment(at, 'en'), new RegExp(`^\\d{1,2} (Nov|Dec) 2026, ${hour}:37:52$`));
  assert.match(formatMoment(at, 'zh'), new RegExp(`^2026年1[12]月\\d{1,2}日 ${hour}:37:52$`));
  assert.doesNotMatch(formatMoment(at, 'en'), /\d{2}\/\d{2}\/\d{4}/);
});

test('how a swap loaded: the newest swapped event of the model, a drain that timed out told apart, an event without a record none', () => {
  const swap = { estimateBytes: 8_388_608, freeBytes: 4_194_304, marginBytes: 268_435_456, budgetBytes: null, rssBytes: 1, workers: 2, reason: '' };
  const event = (id: number, name: string, detail: Record<string, unknown>, kind = 'swapped') => ({ id, at: iso(NOW_MS + id * 1000), name, version: 2, event: kind, code: null, detail });
  const events = [
    event(1, 'fire-spread-surrogate', { ...swap, way: 'beside', drainTimedOut: false }),
    event(3, 'fire-spread-surrogate', { ...swap, way: 'drained', drainTimedOut: false }),
    event(4, 'fire-spread-surrogate', { from: 2 }, 'rolled-back'),
    event(2, 'plume-surrogate', { ...swap, way: 'drained', drainTimedOut: true }),
    event(5, 'flood-depth-surrogate', { from: 1 }),
  ];
  const [fire, flood, plume] = modelSummaries({ trial: null, versions: [], events,
    live: Object.fromEntries(['fire-spread-surrogate', 'flood-depth-surrogate', 'plume-surrogate'].map((name) => [name, { version: 2, source: 'shipped', rollbackTo: null }])) });
  assert.deepEqual(fire?.lastSwap, { way: 'drained', estimateBytes: 8_388_608, freeBytes: 4_194_304, at: iso(NOW_MS + 3000) });
  assert.equal(plume?.lastSwap?.way, 'drainTimedOut');
  assert.equal(flood?.lastSwap, null);
  assert.deepEqual([memorySize(8_388_608), memorySize(23_394_779_136)], ['8.00 MiB', '21.8 GiB']);
});
