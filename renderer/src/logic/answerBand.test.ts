// The answer band's logic and the progress strip's states under plain Node (docs/app.md, "The answer band").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisResult, AwarenessResult, ExecutorResult, FieldResult, StrategistResult } from '../../../engine/contract/result.js';
import type { ProgressEventBody } from '../../../engine/contract/api.js';
import { bandLevel, cacheNote, casualtyCount, firstTasks, formatLocalTime, peopleAtRisk, sensorThreshold, timeToImpact } from './answerBand.js';
import { agentProgress, elapsedSeconds } from './progress.js';

const strategist = (over: Partial<StrategistResult>): StrategistResult => ({
  severity: 'IV', severityColour: 'blue', severityIsEstimate: false, figures: {}, ...over,
}) as StrategistResult;

const awareness = (over: Partial<AwarenessResult>): AwarenessResult => ({
  sensors: [],
  populationAtRisk: { estimate: 2660, radiusM: 1455, densityPerKm2: 400, densitySource: 'fact', basis: '' },
  riskMatrix: { likelihood: 5, consequence: 5, score: 25, level: 'extreme', drivers: [] },
  ...over,
}) as AwarenessResult;

const sensor = (id: string, minutesToThreshold: number | null, exceeded = false) =>
  ({ id, kind: 'gas_ppm', latest: 1, trendPerHour: 1, trend: 'rising', anomalies: [], thresholdValue: 2, exceeded, minutesToThreshold }) as AwarenessResult['sensors'][number];

const place = (name: string, arrivalMin: number | null) => ({ name, arrivalMin }) as NonNullable<ExecutorResult['placesAtRisk']>[number];

const task = (id: string, deadlineMin: number, priority: number) =>
  ({ id, phase: 'p', title: id, titleZh: id, unitKind: 'fire_engine', deadlineMin, priority, assignedUnitId: null, etaMin: null, late: false }) as ExecutorResult['tasks'][number];

test('a figure the report did not give is unknown, and a stated zero stays zero', () => {
  const s = strategist({ figures: { deaths: { value: 0, source: 'text' }, injuries: { value: 12, source: 'fact' } } });
  assert.deepEqual(casualtyCount(s, 'deaths'), { known: true, value: 0, lowerBound: false, source: 'text' });
  assert.deepEqual(casualtyCount(s, 'trapped'), { known: false });
  assert.deepEqual(casualtyCount(s, 'missing'), { known: false });
  assert.deepEqual(casualtyCount(undefined, 'deaths'), { known: false }, 'no Strategist: nothing is known');
  assert.deepEqual(peopleAtRisk(undefined), { known: false });
  assert.equal((peopleAtRisk(awareness({})) as { value: number }).value, 2660);
});

test('lower bounds are kept, and serious injuries alone make the injured at least that many', () => {
  const s = strategist({ figures: { trapped: { value: 30, source: 'text', lowerBound: true }, seriousInjuries: { value: 4, source: 'fact' } } });
  assert.deepEqual(casualtyCount(s, 'trapped'), { known: true, value: 30, lowerBound: true, source: 'text' });
  assert.deepEqual(casualtyCount(s, 'injuries'), { known: true, value: 4, lowerBound: true, source: 'fact' });
});

test('time to impact is the earliest forecast arrival: places, the fire head, the water', () => {
  const executor = { placesAtRisk: [place('Far', 40), place('Never', null), place('Near', 12)] } as ExecutorResult;
  assert.deepEqual(timeToImpact(executor, undefined), { kind: 'place', minutes: 12, place: 'Near' });
  const fire = { fire: { minutesToCommunity: 7 } } as FieldResult;
  assert.deepEqual(timeToImpact(executor, fire), { kind: 'fire', minutes: 7 });
  const flood = { flood: { timeToDepth: [{ depthM: 2, hours: 0.05, band: null }, { depthM: 0.5, hours: 0.1, band: null }, { depthM: 0.3, hours: null, band: null }] } } as FieldResult;
  // The first depth the water reaches (0.5 m, 6 min), not the deepest or the one never reached.
  assert.deepEqual(timeToImpact(undefined, flood), { kind: 'flood', minutes: 6, depthM: 0.5 });
  assert.deepEqual(timeToImpact({ placesAtRisk: [place('Here', 0)] } as ExecutorResult, fire), { kind: 'place', minutes: 0, place: 'Here' });
  assert.equal(timeToImpact({ placesAtRisk: [place('Never', null)] } as ExecutorResult, { fire: { minutesToCommunity: null } } as FieldResult), null);
});

test('the sensor that crosses its threshold first; one already over it comes first', () => {
  assert.deepEqual(sensorThreshold(awareness({ sensors: [sensor('A', 30), sensor('B', 2), sensor('C', null)] })), { sensorId: 'B', minutes: 2, exceeded: false });
  assert.deepEqual(sensorThreshold(awareness({ sensors: [sensor('A', 30), sensor('D', null, true)] })), { sensorId: 'D', minutes: 0, exceeded: true });
  assert.equal(sensorThreshold(awareness({ sensors: [sensor('C', null)] })), null);
});

test('what to do now: tasks by deadline, the higher priority first at equal deadlines', () => {
  const executor = { tasks: [task('cordon', 10, 0.94), task('shelter', 2, 0.96), task('rescue', 15, 1), task('suits', 10, 0.99)] } as ExecutorResult;
  assert.deepEqual(firstTasks(executor, 3).map((t) => t.id), ['shelter', 'suits', 'cordon']);
  assert.equal(executor.tasks[0]?.id, 'cordon', 'the result is not reordered');
  assert.deepEqual(firstTasks(undefined, 3), []);
});

test('the level chip: the physics leads when higher, and a risk above the chip\'s colour is flagged', () => {
  const s = strategist({});
  const physics = { severity: 'I', colour: 'red', standard: 'order-493', basis: '', basisZh: '' } as const;
  assert.deepEqual(bandLevel(s, awareness({ severityFromPhysics: physics })),
    { severity: 'I', colour: 'red', from: 'physics', reported: 'IV', isEstimate: true, risk: 'extreme', riskAbove: false });
  // No estimate from the physics: a blue IV beside an extreme risk must say why.
  const blue = bandLevel(s, awareness({}));
  assert.equal(blue.colour, 'blue');
  assert.equal(blue.riskAbove, true);
  // A lower physics estimate never lowers the reported level.
  const reported = bandLevel(strategist({ severity: 'II', severityColour: 'orange' }), awareness({ severityFromPhysics: { ...physics, severity: 'III', colour: 'yellow' } }));
  assert.equal(reported.from, 'reported');
  assert.equal(reported.severity, 'II');
  assert.equal(bandLevel(strategist({ severity: 'II', severityColour: 'orange' }), awareness({ riskMatrix: { likelihood: 3, consequence: 3, score: 9, level: 'high', drivers: [] } })).riskAbove, false);
});

test('a cached answer names when it was computed; a fresh one has no note', () => {
  assert.equal(cacheNote({ cached: undefined }), null);
  assert.deepEqual(cacheNote({ cached: true, computedAt: '2026-03-14T15:40:00.000Z' }), { computedAt: new Date('2026-03-14T15:40:00.000Z') });
  assert.deepEqual(cacheNote({ cached: true }), { computedAt: null }, 'an older stored answer without the time');
  assert.deepEqual(cacheNote({ cached: true, computedAt: 'not a time' }), { computedAt: null });
  const at = new Date(2026, 2, 14, 23, 40);
  assert.match(formatLocalTime(at, 'zh'), /2026年3月14日.*23:40/);
  assert.match(formatLocalTime(at, 'en'), /14 Mar 2026.*23:40/);
});

const ok = { id: 'a', status: 'ok', models: {}, timingsMs: { strategist: 3 }, strategist: {}, awareness: {}, field: {}, executor: {} } as unknown as AnalysisResult;
const events: ProgressEventBody[] = [
  { analysisId: 'a', agent: 'strategist', state: 'finished', atMs: 3, durationMs: 2.5 },
  { analysisId: 'a', agent: 'field', state: 'started', atMs: 4 },
];

test('progress: while running each agent shows its latest event, waiting if none', () => {
  assert.deepEqual(agentProgress(events, undefined).map((a) => a.state), ['finished', 'waiting', 'started', 'waiting']);
});

test('progress: a result settles every agent; a cached answer leaves none waiting', () => {
  assert.deepEqual(agentProgress(events, ok).map((a) => a.state), ['finished', 'finished', 'finished', 'finished']);
  const cached = { ...ok, cached: true, timingsMs: { total: 4 } };
  assert.deepEqual(agentProgress([{ analysisId: 'a', agent: 'analysis', state: 'finished', atMs: 4 }], cached).map((a) => a.state), ['cached', 'cached', 'cached', 'cached']);
  const partial = { ...ok, status: 'partial', executor: undefined, failures: [{ agent: 'field', code: 'SAFE_E_AGENT_TIMEOUT', message: '' }] } as AnalysisResult;
  assert.deepEqual(agentProgress(events, partial).map((a) => a.state), ['finished', 'finished', 'failed', 'notRun']);
  assert.equal(elapsedSeconds(1000, 4999), 3);
  assert.equal(elapsedSeconds(5000, 4000), 0, 'a clock step backwards never shows negative time');
});
