import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIncident } from '../../contract/parseIncident.js';
import { INCIDENT_TYPES, type IncidentType } from '../../contract/taxonomy.js';
import { figuresFromText, parseChineseNumeral } from '../reading/figures.js';
import { gradeSeverity } from './severity.js';
import { strategize } from './index.js';
import { PRIORITY_WEIGHTS } from '../../knowledge/priorityWeights.js';
import type { TypeScores } from './classifier/incidentClassifier.js';
import { readReport } from '../reading/index.js';

const scoresFor = (main: IncidentType, p: number, second?: IncidentType, q = 0): TypeScores => {
  const rest = (1 - p - q) / (INCIDENT_TYPES.length - (second ? 2 : 1));
  return Object.fromEntries(INCIDENT_TYPES.map((t) => [t, t === main ? p : t === second ? q : rest])) as TypeScores;
};

test('Chinese numerals', () => {
  assert.equal(parseChineseNumeral('十二'), 12);
  assert.equal(parseChineseNumeral('二十三'), 23);
  assert.equal(parseChineseNumeral('三百'), 300);
  assert.equal(parseChineseNumeral('两'), 2);
});

test('figures read from Chinese and English reports', () => {
  const zh = figuresFromText('液氯槽罐车泄漏，已造成3人死亡，十二人受伤，2人失联，疏散群众1.5万人，直接经济损失约5000万元');
  assert.deepEqual([zh.deaths?.value, zh.injuries?.value, zh.missing?.value, zh.evacuated?.value, zh.directLossCny?.value], [3, 12, 2, 15000, 5e7]);
  const en = figuresFromText('2 dead, 14 injured, 5 persons trapped, evacuated about 2,000 residents, losses of 80 million yuan');
  assert.deepEqual([en.deaths?.value, en.injuries?.value, en.trapped?.value, en.evacuated?.value, en.directLossCny?.value], [2, 14, 5, 2000, 8e7]);
  assert.deepEqual(figuresFromText('M6.8 earthquake near Luding, depth 16 km'), {});
});

test('Order 493 grading: worst of deaths, serious injuries and loss; boundaries inclusive', () => {
  const g = (deaths: number, serious = 0, loss = 0) => gradeSeverity({
    deaths: { value: deaths, source: 'fact' }, seriousInjuries: { value: serious, source: 'fact' }, directLossCny: { value: loss, source: 'fact' },
  }).severity;
  assert.equal(g(30), 'I');
  assert.equal(g(29), 'II');
  assert.equal(g(10), 'II');
  assert.equal(g(9), 'III');
  assert.equal(g(3), 'III');
  assert.equal(g(2), 'IV');
  assert.equal(g(0, 100), 'I');
  assert.equal(g(0, 50), 'II');
  assert.equal(g(0, 10), 'III');
  assert.equal(g(0, 0, 100e6), 'I');
  assert.equal(g(0, 0, 50e6), 'II');
  assert.equal(g(0, 0, 10e6), 'III');
  assert.equal(g(0, 0, 9.99e6), 'IV');
  assert.equal(g(1, 60, 0), 'II', 'the worst criterion decides');
});

test('missing count with the dead and trapped with the seriously injured, marked as an estimate', () => {
  const grade = gradeSeverity({ deaths: { value: 2, source: 'text' }, missing: { value: 1, source: 'text' }, trapped: { value: 12, source: 'text' } });
  assert.equal(grade.severity, 'III');
  assert.equal(grade.isEstimate, true);
  assert.equal(grade.basis.deaths?.value, 3);
  assert.equal(grade.basis.seriousInjuries?.value, 12);
  assert.ok(grade.confidence < 0.75);
  const none = gradeSeverity({});
  assert.equal(none.severity, 'IV');
  assert.equal(none.isEstimate, true, 'no figures at all is an estimate');
});

test('strategist: type, severity from facts over text, SOP, objectives ranked by SAFE weights', () => {
  const incident = parseIncident({ text: '京港澳高速液氯槽罐车泄漏，已造成3人死亡，5人被困', facts: { deaths: 12 } });
  const s = strategize(incident, scoresFor('hazmat_release', 0.8, 'traffic_accident', 0.1), readReport(incident));
  assert.equal(s.type, 'hazmat_release');
  assert.equal(s.severity, 'II', 'the fact (12 deaths) overrides the text (3)');
  assert.equal(s.severityColour, 'orange');
  assert.equal(s.figures.deaths?.source, 'fact');
  assert.equal(s.sop.id, 'hazmat');
  assert.equal(s.language, 'zh');
  assert.deepEqual(s.priorityWeights, PRIORITY_WEIGHTS);
  const scores = s.objectives.map((o) => o.score);
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a), 'objectives are ranked');
  const top = s.objectives[0];
  assert.ok(top);
  const recomputed = Object.entries(PRIORITY_WEIGHTS).reduce((sum, [f, w]) => sum + w * (top.factors[f] as number), 0);
  assert.ok(Math.abs(recomputed - top.score) < 1e-3);
});

test('low confidence becomes other; stated facts shift the type', () => {
  const vague = parseIncident({ text: 'something happened' });
  assert.equal(strategize(vague, scoresFor('flood', 0.3), readReport(vague)).type, 'other');
  const withBreach = parseIncident({ text: 'something happened', facts: { flood: { breachWidthM: 50, headM: 2, polderAreaKm2: 5 } } });
  assert.equal(strategize(withBreach, scoresFor('flood', 0.3), readReport(withBreach)).type, 'flood');
});

test('secondary hazards from the report and from the classifier', () => {
  const incident = parseIncident({ text: 'M6.8 earthquake near Luding; several houses collapsed and a landslide blocked the road' });
  const s = strategize(incident, scoresFor('earthquake', 0.7, 'building_collapse', 0.2), readReport(incident));
  const types = s.secondaryHazards.map((h) => h.type);
  assert.ok(types.includes('building_collapse'));
  assert.ok(types.includes('landslide'));
  assert.ok(!types.includes('earthquake'), 'the primary type is not its own secondary hazard');
});
