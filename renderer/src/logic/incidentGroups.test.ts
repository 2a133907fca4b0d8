import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EMPTY_FILTER, type RunSummary } from './historyFilter.js';
import { escalationOf, filterGroups, formatLocation, groupByIncident, levelPath } from './incidentGroups.js';

const run = (incidentId: string, seq: number, severity: string | null, patch: Partial<RunSummary> = {}): RunSummary => ({
  runId: `${incidentId}-${seq}`, incidentId, seq, createdAt: `2024-07-0${seq}T10:00:00.000Z`, status: 'ok', type: 'flood', severity,
  totalMs: 5, text: `${incidentId} report ${seq}`, reportedAt: null, location: null, ...patch,
});

test('incident groups: one row per incident with its runs newest first, the incident with the newest run first', () => {
  const runs = [run('levee', 1, 'IV'), run('fire', 2, 'IV', { type: 'wildfire' }), run('levee', 3, 'III'), run('levee', 4, 'III', { status: 'partial' })];
  const groups = groupByIncident(runs);
  assert.deepEqual(groups.map((g) => g.incidentId), ['levee', 'fire']);
  const levee = groups[0]!;
  assert.deepEqual(levee.runs.map((r) => r.seq), [4, 3, 1]);
  assert.equal(levee.latest.status, 'partial', 'the status is the latest run\'s');
  assert.deepEqual(levee.levelPath, ['IV', 'III'], 'repeats of the same level collapse');
  assert.deepEqual(levee.escalation, { from: 'IV', to: 'III', direction: 'escalated' });
  assert.equal(groups[1]!.escalation, null, 'a single run has no escalation');
});

test('escalation: towards level I is escalated, towards IV de-escalated; back to where it started is none', () => {
  assert.deepEqual(escalationOf(['II', 'III', 'IV']), { from: 'II', to: 'IV', direction: 'deescalated' });
  assert.deepEqual(escalationOf(['IV', 'I']), { from: 'IV', to: 'I', direction: 'escalated' });
  assert.equal(escalationOf(['III', 'II', 'III']), null);
  assert.equal(escalationOf([]), null);
  assert.deepEqual(levelPath([run('x', 1, null), run('x', 2, 'IV'), run('x', 3, null), run('x', 4, 'IV'), run('x', 5, 'II')]), ['IV', 'II'],
    'an ungraded (failed) run does not break the path');
});

test('incident groups: the time is the reported time, else the first run\'s', () => {
  const [reported] = groupByIncident([run('a', 1, 'IV', { reportedAt: '2024-03-12T22:40:00+08:00' }), run('a', 2, 'IV', { reportedAt: '2024-03-12T22:40:00+08:00' })]);
  assert.equal(reported?.occurredAt, '2024-03-12T22:40:00+08:00');
  const [unreported] = groupByIncident([run('b', 2, 'IV'), run('b', 1, 'IV')]);
  assert.equal(unreported?.occurredAt, '2024-07-01T10:00:00.000Z');
});

test('filtering groups: type and level by the latest run, search and dates by any run; an incident is never split', () => {
  const groups = groupByIncident([run('levee', 1, 'IV', { text: '团洲垸决口' }), run('levee', 2, 'III', { text: 'later report' }), run('other', 3, 'IV')]);
  assert.deepEqual(filterGroups(groups, { ...EMPTY_FILTER, severity: 'IV' }).map((g) => g.incidentId), ['other'], 'levee is at III now');
  const found = filterGroups(groups, { ...EMPTY_FILTER, search: '团洲' });
  assert.deepEqual(found.map((g) => g.incidentId), ['levee'], 'an earlier run\'s words find the incident');
  assert.equal(found[0]?.runs.length, 2, 'with all its runs');
  assert.deepEqual(filterGroups(groups, { ...EMPTY_FILTER, fromDate: '2024-07-03' }).map((g) => g.incidentId), ['other']);
});

test('coordinates read as degrees with hemispheres', () => {
  assert.equal(formatLocation({ lat: 29.37, lon: 113.09 }), '29.37°N 113.09°E');
  assert.equal(formatLocation({ lat: -33.8688, lon: -70.5 }), '33.87°S 70.50°W');
});
