import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIncident } from '../../contract/parseIncident.js';
import type { IncidentInput } from '../../contract/incident.js';
import type { FieldResult } from '../../contract/result.js';
import { INCIDENT_TYPES, type IncidentType } from '../../contract/taxonomy.js';
import { strategize } from '../strategist/index.js';
import { runAwareness } from '../awareness/index.js';
import { runField } from '../field/index.js';
import { readReport } from '../reading/index.js';
import type { TypeScores } from '../strategist/classifier/incidentClassifier.js';
import { runExecutor } from './index.js';
import { assignUnits } from './assignUnits.js';
import { conditionHolds, fillTemplate, lifeSavingOrder, planContext, type PlanContext } from './taskPlan.js';

const scores = (type: IncidentType): TypeScores => Object.fromEntries(INCIDENT_TYPES.map((t) => [t, t === type ? 0.91 : 0.01])) as TypeScores;

/** The whole chain S → F → A → E; `editField` stands in for an F-Agent result the substance table cannot give yet. */
function plan(type: IncidentType, input: IncidentInput, editField: (f: FieldResult) => FieldResult = (f) => f) {
  const incident = parseIncident(input);
  const s = strategize(incident, scores(type), readReport(incident));
  const f = editField(runField(incident));
  const e = runExecutor(incident, s, runAwareness(incident, s, f), f);
  return { e, s, ids: e.tasks.map((t) => t.id), context: planContext(incident, s, f) };
}

const weather = { windSpeedMps: 3, windFromDeg: 90, daytime: true, cloudOktas: 4 };

const context = (over: Partial<PlanContext> = {}): PlanContext => ({
  hazards: null, ergGuide: null, tih: false, corrosive: false, bleve: false, trapped: false, displaced: false, stranded: false,
  floodKinds: ['unknown'], weatherKinds: ['unknown'], values: { isolationM: null, fireIsolationM: null, halfLelM: null }, ...over,
});

test('conditions: one object needs all its keys, a list any one; a material test fails when nothing was released', () => {
  const lpg = context({ hazards: 'flammable', ergGuide: 115, bleve: true });
  assert.equal(conditionHolds(undefined, lpg), true);
  assert.equal(conditionHolds({ hazards: ['flammable', 'both'] }, lpg), true);
  assert.equal(conditionHolds({ hazards: ['flammable'], bleve: false }, lpg), false);
  assert.equal(conditionHolds([{ corrosive: true }, { ergGuides: [115] }], lpg), true);
  assert.equal(conditionHolds({ ergGuides: [115] }, context()), false);
  assert.equal(conditionHolds({ hazards: ['unknown'] }, context()), false, 'no release is not an unknown release');
  assert.equal(conditionHolds({ trapped: true }, context({ trapped: true })), true);
});

test('templates: numbers rounded, and null (never a half-filled title) when a number is unknown', () => {
  const values = { isolationM: 100, fireIsolationM: 1600, halfLelM: 55.6 };
  assert.equal(fillTemplate('evacuate to {fireIsolationM} m; cloud {halfLelM} m', values), 'evacuate to 1600 m; cloud 56 m');
  assert.equal(fillTemplate('no numbers', values), 'no numbers');
  assert.equal(fillTemplate('cloud {halfLelM} m', { ...values, halfLelM: null }), null);
  assert.equal(fillTemplate('{constructor}', values), null, 'only the plan values are filled');
});

test('LPG tanker: ignition control, vapour-cloud metering and BLEVE tasks at the ERG fragment distance', () => {
  const { e, ids, context: ctx } = plan('hazmat_release', {
    text: 'LPG tanker leaking on the expressway',
    facts: { release: { substance: 'LPG', rateKgPerS: 5, heightM: 1, massKg: 20_000 }, weather },
  });
  assert.deepEqual([ctx.hazards, ctx.ergGuide, ctx.bleve, ctx.tih], ['flammable', 115, true, false]);
  for (const id of ['ignition-control', 'lel-monitoring', 'leaking-gas-fire', 'bleve-evacuate', 'bleve-cool', 'ppe-flammable']) assert.ok(ids.includes(id), id);
  for (const id of ['ppe-level-a', 'ppe-chemical', 'identify-material', 'runoff-containment', 'decon-flush']) assert.ok(!ids.includes(id), id);
  const bleve = e.tasks.find((t) => t.id === 'bleve-evacuate');
  assert.match(bleve?.title ?? '', /1600 m in all directions/);
  assert.match(bleve?.titleZh ?? '', /1600米/);
  assert.match(e.tasks.find((t) => t.id === 'lel-monitoring')?.title ?? '', /about \d+ m downwind/);
  assert.match(e.tasks.find((t) => t.id === 'ppe-flammable')?.title ?? '', /limited protection/);
  for (const t of e.tasks) assert.ok(!/[{}]/.test(t.title + t.titleZh), `unfilled placeholder in ${t.id}`);
  // Short of units, the highest-priority tasks are the ones covered.
  const unassigned = e.tasks.filter((t) => t.assignedUnitId === null);
  const assigned = e.tasks.filter((t) => t.assignedUnitId !== null);
  assert.ok(unassigned.length > 0 && Math.max(...unassigned.map((t) => t.priority)) <= Math.min(...assigned.map((t) => t.priority)) + 0.15);
  assert.ok(['ignition-control', 'bleve-evacuate', 'rescue-victims'].every((id) => e.tasks.find((t) => t.id === id)?.assignedUnitId));
});

test('without an inventory or a weather the LPG plan has no BLEVE task and no unfilled number', () => {
  const { ids, e } = plan('hazmat_release', { text: 'LPG leak', facts: { release: { substance: 'LPG', rateKgPerS: 1 } } });
  assert.ok(ids.includes('ignition-control') && !ids.includes('bleve-evacuate') && !ids.includes('bleve-cool'));
  assert.equal(e.tasks.find((t) => t.id === 'lel-monitoring')?.title, 'Map the vapour cloud with combustible-gas meters; no entry above 10 % LEL');
});

test('chlorine: no ignition or BLEVE task, Level A vapour-protective suits; a tank of it is no BLEVE', () => {
  const { e, ids } = plan('hazmat_release', {
    text: '液氯槽罐车泄漏，3人受伤',
    facts: { release: { substance: 'chlorine', rateKgPerS: 0.5, heightM: 1, massKg: 20_000 }, weather },
  });
  for (const id of ['ignition-control', 'lel-monitoring', 'leaking-gas-fire', 'bleve-evacuate', 'bleve-cool', 'ppe-flammable', 'ppe-chemical']) assert.ok(!ids.includes(id), id);
  const ppe = e.tasks.find((t) => t.id === 'ppe-level-a');
  assert.match(ppe?.title ?? '', /^Level A vapour-protective suits/);
  assert.match(ppe?.titleZh ?? '', /A级/);
});

test('an unidentified material gets the generic ERG Guide 111 tasks: identify it, SCBA and chemical protective clothing', () => {
  const { ids, context: ctx } = plan('hazmat_release', { text: 'tanker leaking an unknown liquid', facts: { release: { substance: 'mystery goo', rateKgPerS: 1 } } });
  assert.deepEqual([ctx.hazards, ctx.ergGuide], ['unknown', 111]);
  assert.ok(ids.includes('identify-material') && ids.includes('ppe-chemical'));
  for (const id of ['ignition-control', 'bleve-evacuate', 'ppe-level-a', 'ppe-flammable']) assert.ok(!ids.includes(id), id);
  const noFacts = plan('hazmat_release', { text: '化工厂发生不明气体泄漏' });
  assert.ok(noFacts.ids.includes('identify-material'), 'a release reported without a substance is unidentified');
  assert.ok(!plan('explosion', { text: 'boiler explosion at a factory' }).ids.includes('identify-material'), 'no release, no material tasks');
});

test('a corrosive liquid (ERG Guide 154) gets runoff containment and flushing decontamination; gasoline gets runoff containment', () => {
  // The substance table has no corrosive liquid yet: the F-Agent's guide for one (caustic soda solution, UN1824) is given here.
  const { ids, context: ctx } = plan('hazmat_release', { text: 'caustic soda tanker leaking', facts: { release: { substance: 'sodium hydroxide solution', rateKgPerS: 2 } } },
    (f) => ({ ...f, hazmat: { ...f.hazmat!, hazards: 'toxic', ergGuide: 154, ergGuideTitle: 'Substances - Toxic and/or Corrosive (Non-Combustible)' } }));
  assert.equal(ctx.corrosive, true);
  assert.ok(ids.includes('runoff-containment') && ids.includes('decon-flush'));
  assert.ok(ids.indexOf('decon-flush') < ids.indexOf('triage'), 'flush before triage');
  const gasoline = plan('hazmat_release', { text: 'petrol tanker spill', facts: { release: { substance: 'gasoline', rateKgPerS: 2 } } });
  assert.ok(gasoline.ids.includes('runoff-containment') && gasoline.ids.includes('ignition-control') && !gasoline.ids.includes('decon-flush'));
});

test('mine accident with trapped miners: locate them, supply the refuge chambers, mine rescue teams only', () => {
  const { e, ids } = plan('mine_accident', { text: '煤矿井下瓦斯爆炸，12人被困' });
  for (const id of ['locate-trapped', 'supply-trapped', 'rescue-teams', 'standby-team', 'gas-monitoring', 'power-ventilation', 'command-post']) assert.ok(ids.includes(id), id);
  for (const id of ['rescue-teams', 'standby-team']) assert.match(e.tasks.find((t) => t.id === id)?.assignedUnitId ?? '', /^R\d$/, `${id}: a mine rescue team`);
  const none = plan('mine_accident', { text: 'roof fall in the coal mine, all miners accounted for', facts: { trapped: 0 } });
  assert.ok(!none.ids.includes('locate-trapped') && !none.ids.includes('supply-trapped'));
  assert.ok(none.ids.includes('rescue-teams'));
});

const before = (ids: string[], a: string, b: string) => ids.indexOf(a) >= 0 && ids.indexOf(a) < ids.indexOf(b);

test('life-saving order: with people trapped, extrication comes before treatment of the walking wounded', () => {
  const cases: Array<[IncidentType, IncidentInput, string[], string]> = [
    ['building_collapse', { text: 'Building collapsed: 5 people trapped, 10 walking wounded', facts: { trapped: 5, injuries: 10 } }, ['search', 'extricate'], 'triage'],
    ['earthquake', { text: '6.1级地震，多处房屋倒塌，20人被埋压，30人轻伤' }, ['search', 'extricate'], 'triage'],
    ['mine_accident', { text: '煤矿井下瓦斯爆炸，12人被困，3人自行升井受轻伤' }, ['locate-trapped', 'rescue-teams'], 'medical-shaft'],
    ['traffic_accident', { text: 'two cars collided, one driver trapped, two walking wounded', facts: { trapped: 1 } }, ['extricate'], 'treat'],
  ];
  for (const [type, input, extrication, treatment] of cases) {
    const { e, ids } = plan(type, input);
    const treat = e.tasks.find((t) => t.id === treatment)!;
    for (const id of extrication) {
      const task = e.tasks.find((t) => t.id === id)!;
      assert.ok(before(ids, id, treatment), `${type}: ${id} listed before ${treatment}: ${ids.join()}`);
      assert.ok(task.priority > treat.priority, `${type}: ${id} priority ${task.priority} > ${treat.priority}`);
      assert.ok(task.deadlineMin <= treat.deadlineMin, `${type}: ${id} due ${task.deadlineMin} ≤ ${treat.deadlineMin}`);
      const due = (t: { title: string }) => e.timeline.findIndex((x) => x.event === `deadline: ${t.title}`);
      assert.ok(due(task) < due(treat), `${type}: ${id} before ${treatment} in the timeline`);
    }
  }
  // Nobody trapped: the SOP's own order and priorities stand (the traffic SOP lists treatment first).
  const free = plan('traffic_accident', { text: 'two cars collided, two walking wounded', facts: { trapped: 0, injuries: 2 } });
  assert.ok(before(free.ids, 'treat', 'extricate'));
});

test('lifeSavingOrder: priorities and deadlines of other tasks untouched; no-op without treatment or extrication', () => {
  const tasks = [
    { id: 'a', priority: 0.8, deadlineMin: 10 },
    { id: 'treat', lifeSaving: 'treatment' as const, priority: 1, deadlineMin: 12 },
    { id: 'free', lifeSaving: 'extrication' as const, priority: 0.95, deadlineMin: 20 },
  ];
  const out = lifeSavingOrder(tasks, true);
  assert.deepEqual(out.map((t) => [t.id, t.priority, t.deadlineMin]), [['a', 0.8, 10], ['free', 1, 12], ['treat', 0.95, 12]]);
  assert.deepEqual(lifeSavingOrder(tasks, false), tasks);
  assert.deepEqual(lifeSavingOrder(tasks.slice(0, 2), true), tasks.slice(0, 2));
});

test('assignment: when units run short the lowest-priority task goes without; a no-stand-in task takes only its own kind', () => {
  const { assignments } = assignUnits(
    [{ id: 'low', unitKind: 'fire_engine', deadlineMin: 20, priority: 0.3 }, { id: 'high', unitKind: 'fire_engine', deadlineMin: 20, priority: 1 }],
    [{ id: 'E1', kind: 'fire_engine', etaMin: 5 }],
  );
  assert.deepEqual(assignments.map((a) => a.unitId), [null, 'E1']);
  const mine = assignUnits([{ id: 'underground', unitKind: 'rescue_team', deadlineMin: 20, priority: 1, noStandIn: true }], [{ id: 'E1', kind: 'fire_engine', etaMin: 5 }, { id: 'R1', kind: 'rescue_team', etaMin: 60 }]);
  assert.equal(mine.assignments[0]?.unitId, 'R1');
});

// The natural-disaster plans (docs/plan.md, "The natural-disaster plans"): tasks by the kind of flood or storm
// the report names, and the relief plan's tasks joined to them when people are displaced or stranded.
test('conditions: kinds of flood and storm, displaced and stranded', () => {
  const flash = context({ floodKinds: ['flash_flood'], displaced: true });
  assert.equal(conditionHolds({ floodKinds: ['flash_flood'] }, flash), true);
  assert.equal(conditionHolds({ floodKinds: ['breach', 'unknown'] }, flash), false);
  assert.equal(conditionHolds({ floodKinds: ['breach', 'unknown'] }, context()), true, 'a report naming no kind keeps the breach tasks');
  assert.equal(conditionHolds({ weatherKinds: ['snow_ice'] }, context({ weatherKinds: ['snow_ice', 'wind_hail'] })), true);
  assert.equal(conditionHolds([{ displaced: true }, { stranded: true }], context({ stranded: true })), true);
  assert.equal(conditionHolds({ displaced: true }, context()), false);
});

test('flood plan: a flash flood clears gullies, not a breach; a levee breach gets its heads armoured; waterlogging closes underpasses', () => {
  const flash = plan('flood', { text: '山洪暴发，沿河两个村庄进水，已转移群众420人' });
  assert.deepEqual(flash.context.floodKinds, ['flash_flood']);
  for (const id of ['flash-flood-clear', 'evacuate', 'boat-rescue']) assert.ok(flash.ids.includes(id), id);
  for (const id of ['protect-heads', 'breach-survey', 'dam-safety', 'underpass-close']) assert.ok(!flash.ids.includes(id), id);

  const breach = plan('flood', { text: 'The east levee has breached over a 50 m stretch; water is pouring into the farmland.' });
  for (const id of ['breach-survey', 'protect-heads', 'levee-patrol', 'secondary-levee']) assert.ok(breach.ids.includes(id), id);
  assert.ok(!breach.ids.includes('flash-flood-clear'));

  const town = plan('flood', { text: 'Torrential rain: an underpass on Ring Road is waterlogged, two cars stuck in it.' });
  for (const id of ['underpass-close', 'pump-out']) assert.ok(town.ids.includes(id), id);
  assert.ok(!town.ids.includes('protect-heads'), 'no breach in town waterlogging');

  const dam = plan('flood', { text: '某水库出现管涌险情，下游3个村庄受威胁' });
  for (const id of ['dam-downstream', 'dam-safety']) assert.ok(dam.ids.includes(id), id);
});

test('relief plan: shelters, supplies and medical care join the plan when people are relocated; supplies reach the stranded where they are', () => {
  const relocated = plan('earthquake', { text: '地震后已紧急转移安置受灾群众2300人，安置点急需帐篷和饮用水' });
  assert.equal(relocated.context.displaced, true);
  for (const id of ['relief-shelters', 'relief-basic-needs', 'relief-medical', 'relief-vulnerable', 'relief-report']) assert.ok(relocated.ids.includes(id), id);
  assert.ok(!relocated.ids.includes('relief-supply-stranded'));
  const task = relocated.e.tasks.find((t) => t.id === 'relief-shelters');
  assert.equal(task?.phase, 'relief');
  assert.match(task?.titleZh ?? '', /临时安置点/);
  assert.ok(relocated.s.objectives.some((o) => o.id === 'basic-needs'), 'the relief objective joins the Strategist\'s');
  assert.ok(!plan('earthquake', { text: 'M5.1 quake, some cracked walls, no casualties' }).s.objectives.some((o) => o.id === 'basic-needs'), 'nobody displaced');

  const snowbound = plan('severe_weather', { text: 'Blizzard: about 900 travellers stranded on the expressway, no injuries.' });
  assert.equal(snowbound.context.stranded, true);
  for (const id of ['relief-supply-stranded', 'relief-vulnerable', 'relief-report']) assert.ok(snowbound.ids.includes(id), id);
  assert.ok(!snowbound.ids.includes('relief-shelters'), 'nobody relocated yet');

  // Not a natural disaster: the relief plan does not join.
  const crash = plan('traffic_accident', { text: 'Bus overturned, 30 passengers moved to a nearby school' });
  assert.ok(!crash.ids.some((id) => id.startsWith('relief-')));
});

test('severe-weather plan: a typhoon brings boats into port, a blizzard grits roads and checks roofs, a sandstorm keeps people in', () => {
  const typhoon = plan('severe_weather', { text: '台风“海葵”将于今夜登陆，沿海渔船尚未全部回港' });
  assert.deepEqual(typhoon.context.weatherKinds, ['typhoon']);
  for (const id of ['boats-to-port', 'secure-structures', 'low-lying-power', 'evacuate-danger']) assert.ok(typhoon.ids.includes(id), id);
  assert.ok(!typhoon.ids.includes('snow-roads'));

  const ice = plan('severe_weather', { text: 'Ice storm overnight: freezing rain has glazed the county roads, a barn roof sagging under snow.' });
  for (const id of ['snow-roads', 'snow-load']) assert.ok(ice.ids.includes(id), id);
  for (const id of ['boats-to-port', 'boat-rescue']) assert.ok(!ice.ids.includes(id), id);

  const dust = plan('severe_weather', { text: '强沙尘暴来袭，能见度不足100米' });
  assert.ok(dust.ids.includes('stay-indoors'));
  assert.ok(!dust.ids.includes('boats-to-port'));
});
