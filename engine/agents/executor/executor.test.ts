import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRandom } from '../../numeric/random.js';
import { assignmentCost, minCostAssignment } from './hungarian.js';
import { assignUnits } from './assignUnits.js';
import { parseIncident } from '../../contract/parseIncident.js';
import { INCIDENT_TYPES } from '../../contract/taxonomy.js';
import { strategize } from '../strategist/index.js';
import { runAwareness } from '../awareness/index.js';
import { runField } from '../field/index.js';
import { runExecutor } from './index.js';
import type { TypeScores } from '../strategist/classifier/incidentClassifier.js';
import { readReport } from '../reading/index.js';

function bruteForceMin(cost: number[][]): number {
  const rows = cost.length;
  const cols = cost[0]?.length ?? 0;
  let best = Infinity;
  const used = new Array<boolean>(cols).fill(false);
  const k = Math.min(rows, cols);
  // Choose which rows are matched when rows > cols by letting a row be skipped only if rows > cols.
  const go = (r: number, matched: number, sum: number) => {
    if (r === rows) { if (matched === k) best = Math.min(best, sum); return; }
    if (rows - r > k - matched) go(r + 1, matched, sum);
    for (let c = 0; c < cols; c++) {
      if (used[c]) continue;
      used[c] = true;
      go(r + 1, matched + 1, sum + (cost[r] as number[])[c]!);
      used[c] = false;
    }
  };
  go(0, 0, 0);
  return best;
}

test('Hungarian assignment is optimal: equals brute force on 300 random small matrices', () => {
  const random = createRandom(42);
  for (let trial = 0; trial < 300; trial++) {
    const rows = 1 + Math.floor(random() * 6);
    const cols = 1 + Math.floor(random() * 6);
    const cost = Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.floor(random() * 100)));
    const assignment = minCostAssignment(cost);
    const assignedCols = assignment.filter((c) => c >= 0);
    assert.equal(new Set(assignedCols).size, assignedCols.length, 'no unit twice');
    assert.equal(assignedCols.length, Math.min(rows, cols));
    assert.equal(assignmentCost(cost, assignment), bruteForceMin(cost), `trial ${trial}: ${JSON.stringify(cost)}`);
  }
});

test('units go where priority-weighted arrival is least, and incompatible kinds are never assigned', () => {
  const { assignments } = assignUnits(
    [
      { id: 'rescue', unitKind: 'rescue_team', deadlineMin: 20, priority: 1 },
      { id: 'treat', unitKind: 'ambulance', deadlineMin: 15, priority: 0.9 },
      { id: 'boats', unitKind: 'boat_team', deadlineMin: 30, priority: 1 },
    ],
    [
      { id: 'R1', kind: 'rescue_team', etaMin: 30 },
      { id: 'E1', kind: 'fire_engine', etaMin: 5 },
      { id: 'A1', kind: 'ambulance', etaMin: 12 },
    ],
  );
  const byTask = Object.fromEntries(assignments.map((a) => [a.taskId, a]));
  assert.equal(byTask.treat?.unitId, 'A1');
  // The engine (stand-in ×1.5, 5 min) beats the rescue team arriving 10 min late: 7.5 < 30 + 3·10.
  assert.equal(byTask.rescue?.unitId, 'E1');
  assert.equal(byTask.boats?.unitId, 'R1', 'a rescue team may stand in for a boat team');
  const none = assignUnits([{ id: 'boats', unitKind: 'boat_team', deadlineMin: 30, priority: 1 }], [{ id: 'A1', kind: 'ambulance', etaMin: 1 }]);
  assert.equal(none.assignments[0]?.unitId, null);
});

const scores = (type: string): TypeScores => Object.fromEntries(INCIDENT_TYPES.map((t) => [t, t === type ? 0.91 : 0.01])) as TypeScores;

test('executor: chlorine plan has the zones responders draw, a command post upwind, a timeline and missing information', () => {
  const incident = parseIncident({
    text: '液氯槽罐车泄漏，3人受伤',
    facts: { release: { substance: 'chlorine', rateKgPerS: 0.5, heightM: 1 }, weather: { windSpeedMps: 4, windFromDeg: 45, daytime: true, cloudOktas: 4 } },
  });
  const s = strategize(incident, scores('hazmat_release'), readReport(incident));
  const f = runField(incident);
  const a = runAwareness(incident, s, f);
  const e = runExecutor(incident, s, a, f);
  assert.deepEqual(e.zones.map((z) => z.zone), ['hot', 'warm', 'protective_action']);
  const [hot, warm, protect] = e.zones;
  assert.equal(hot?.bearingDeg, 225);
  assert.deepEqual(hot?.parts?.map((p) => p.nameZh.slice(0, 5)), ['初始隔离区', 'AEGL-']);
  assert.equal(warm?.bearingDeg, 45, 'the decontamination corridor is upwind');
  assert.ok((protect?.alongM ?? 0) > (hot?.alongM ?? 0), 'AEGL-2 reaches farther than AEGL-3');
  assert.equal(e.origin?.kind, 'release');
  const post = e.sites?.find((site) => site.kind === 'command_post');
  assert.ok(post && post.bearingDeg === 45 && post.distanceM >= 250, `command post ${JSON.stringify(post)}`);
  assert.ok(e.tasks.length >= 5 && e.tasks.every((t) => t.assignedUnitId !== null), 'default roster covers the hazmat SOP');
  assert.ok(e.missingInformation.some((m) => m.field === 'resources'), 'the default roster is flagged');
  assert.deepEqual(e.timeline.map((x) => x.atMin), [...e.timeline.map((x) => x.atMin)].sort((x, y) => x - y));
});

test('executor: the flood evacuation deadline follows the physics when water comes sooner', () => {
  const incident = parseIncident({
    text: 'levee breach',
    facts: { flood: { breachWidthM: 226, headM: 4.5, polderAreaKm2: 5, targetDepthsM: [0.5, 1] } },
  });
  const s = strategize(incident, scores('flood'), readReport(incident));
  const f = runField(incident);
  const a = runAwareness(incident, s, f);
  const e = runExecutor(incident, s, a, f);
  const evacuate = e.tasks.find((t) => t.id === 'evacuate');
  const halfMetreMin = (f.flood?.timeToDepth[0]?.hours ?? 0) * 60;
  assert.ok(evacuate && halfMetreMin < 60 && evacuate.deadlineMin <= Math.ceil(halfMetreMin), `${evacuate?.deadlineMin} vs ${halfMetreMin}`);
});
