import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseSensor } from './sensorTrends.js';
import { runAwareness } from './index.js';
import { runField } from '../field/index.js';
import { parseIncident } from '../../contract/parseIncident.js';
import type { FieldResult, StrategistResult } from '../../contract/result.js';

const series = (values: number[], stepMin = 10) => values.map((value, i) => ({ at: new Date(Date.UTC(2024, 6, 5, 10, i * stepMin)).toISOString(), value }));

test('a steadily rising water level: trend per hour, time to threshold, no anomaly', () => {
  // +0.05 m every 10 min = 0.3 m/h; latest 1.45 m; threshold 2.0 m → (2.0 − 1.45) / 0.3 h = 110 min.
  const values = Array.from({ length: 10 }, (_, i) => 1.0 + 0.05 * i);
  const r = analyseSensor({ id: 'W1', kind: 'water_level_m', thresholdValue: 2.0, readings: series(values) }, undefined);
  assert.ok(Math.abs(r.trendPerHour - 0.3) < 1e-9);
  assert.equal(r.trend, 'rising');
  assert.equal(r.minutesToThreshold, 110);
  assert.equal(r.anomalies.length, 0);
  assert.equal(r.exceeded, false);
});

test('a spike is flagged by the robust z-score and does not move the trend', () => {
  const values = [5, 5.2, 4.9, 5.1, 5.0, 48, 5.1, 4.9, 5.0, 5.2];
  const r = analyseSensor({ id: 'G1', kind: 'gas_ppm', readings: series(values) }, 2);
  assert.equal(r.anomalies.length, 1);
  assert.equal(r.anomalies[0]?.value, 48);
  assert.equal(r.trend, 'steady');
  assert.equal(r.exceeded, true, 'the default threshold (AEGL-2) applies to gas sensors');
});

test('a digitised steady rise has no robust-z anomalies (the scale never drops below the sensor resolution)', () => {
  // Most readings sit exactly on the Theil–Sen line, so the MAD of the residuals is floating-point dust.
  const r = analyseSensor({ id: 'GAS-1', kind: 'gas_ppm', readings: series([0.3, 0.5, 0.8, 1.1, 1.3, 1.6, 1.8], 2) }, 2);
  assert.deepEqual(r.anomalies, []);
  assert.equal(r.trend, 'rising');
});

test('population at risk and risk matrix', () => {
  const incident = parseIncident({
    text: 'x', facts: { populationDensityPerKm2: 1000 },
    sensors: [{ id: 'G1', kind: 'gas_ppm', thresholdValue: 10, readings: series([1, 3, 5, 7, 9, 12]) }],
  });
  const strategist = { type: 'hazmat_release', severity: 'III', severityIsEstimate: false, secondaryHazards: [] } as unknown as StrategistResult;
  const a = runAwareness(incident, strategist, { notComputed: [] });
  // ERG 800 m circle: π · 0.8² km² · 1000 / km² = 2011
  assert.equal(a.populationAtRisk.estimate, 2011);
  assert.equal(a.populationAtRisk.densitySource, 'fact');
  assert.equal(a.riskMatrix.likelihood, 5, 'a sensor above threshold is the top likelihood');
  assert.equal(a.riskMatrix.consequence, 3);
  assert.equal(a.riskMatrix.score, 15);
  assert.equal(a.riskMatrix.level, 'high');
});

test('an earthquake\'s population at risk is the F-Agent\'s intensity VII ellipse, not a second quake model', () => {
  const incident = parseIncident({ text: 'x', facts: { populationDensityPerKm2: 100 } });
  const strategist = { type: 'earthquake', severity: 'II', severityIsEstimate: false, secondaryHazards: [] } as unknown as StrategistResult;
  const rings = [6, 7, 8].map((intensity) => ({ intensity, radiusKm: 30 / (intensity - 5), longAxisKm: 30 / (intensity - 5), shortAxisKm: 20 / (intensity - 5), areaKm2: 0, exposedPopulation: 0, fatalityRate: 0 }));
  const a = runAwareness(incident, strategist, { quake: { rings, estimatedFatalities: { p10: 0, p50: 0, p90: 0 } }, notComputed: [] } as unknown as FieldResult);
  assert.equal(a.populationAtRisk.radiusM, 15_000, 'the VII ring\'s long semi-axis');
  assert.equal(a.populationAtRisk.estimate, Math.round(Math.PI * 15 * 10 * 100), 'the VII ellipse: π·a·b');
  assert.match(a.populationAtRisk.basis, /intensity VII/);
  const withoutPhysics = runAwareness(incident, strategist, { notComputed: [] });
  assert.notEqual(withoutPhysics.populationAtRisk.radiusM, 15_000, 'no quake physics: the screening radius for the type');
});

test('the physics sets the risk floor: AEGL-2 reaching people is at least high even with no casualties reported; the population is the AEGL-2 footprint\'s', () => {
  const incident = parseIncident({ text: '氯气泄漏', facts: { populationDensityPerKm2: 300, release: { substance: 'chlorine', rateKgPerS: 1 }, weather: { windSpeedMps: 3, windFromDeg: 0 } } });
  const strategist = { type: 'hazmat_release', severity: 'IV', severityIsEstimate: true, secondaryHazards: [] } as unknown as StrategistResult;
  const field = runField(incident, { plume: 0 });
  const a = runAwareness(incident, strategist, field);
  assert.ok(a.riskMatrix.level === 'high' || a.riskMatrix.level === 'extreme', `${a.riskMatrix.level} ${a.riskMatrix.drivers.join('; ')}`);
  assert.ok(a.riskMatrix.drivers.some((d) => /AEGL-[23]/.test(d)));
  assert.match(a.populationAtRisk.basis, /AEGL-2/);
  const aegl2 = field.plume!.thresholds.find((t) => t.level === 'AEGL-2')!;
  assert.ok(a.populationAtRisk.estimate > 0 && a.populationAtRisk.estimate < (aegl2.downwindM / 1000) * (aegl2.maxWidthM / 1000) * 300, 'the footprint, less than its bounding box');
  const empty = runAwareness(parseIncident({ ...incident, facts: { ...incident.facts, populationDensityPerKm2: 0 } }), strategist, field);
  assert.equal(empty.riskMatrix.level, 'low', 'no one there: the physics does not raise it');
});

test('the physics grades too: a plume reaching thousands at AEGL-2 is level I beside the reported IV; a quake by its estimated deaths', () => {
  const incident = parseIncident({ text: '氯气泄漏', facts: { populationDensityPerKm2: 400, release: { substance: 'chlorine', rateKgPerS: 3 }, weather: { windSpeedMps: 2, windFromDeg: 45 } } });
  const strategist = { type: 'hazmat_release', severity: 'IV', severityIsEstimate: true, secondaryHazards: [] } as unknown as StrategistResult;
  const a = runAwareness(incident, strategist, runField(incident, { plume: 0 }));
  assert.equal(a.severityFromPhysics?.severity, 'I');
  assert.equal(a.severityFromPhysics?.standard, 'order-493');
  assert.match(a.severityFromPhysics?.basisZh ?? '', /急性中毒/);
  const quake = parseIncident({ text: 'M6.8', facts: { quake: { magnitude: 6.8, depthKm: 16 }, populationDensityPerKm2: 60 } });
  const q = runAwareness(quake, { ...strategist, type: 'earthquake' } as StrategistResult, runField(quake));
  const deaths = runField(quake).quake!.estimatedFatalities.p50;
  assert.equal(q.severityFromPhysics?.severity, deaths >= 300 ? 'I' : deaths >= 50 ? 'II' : deaths >= 10 ? 'III' : 'IV');
  assert.equal(runAwareness(parseIncident({ text: 'x' }), strategist, { notComputed: [] }).severityFromPhysics, undefined, 'no physics, no estimate');
  // A forest fire by the area it reaches at the forecast's horizon; a grass fire's area is not forest area.
  const forest = parseIncident({ text: '山火', facts: { fire: { fuelModel: 4, midflameWindSpeedMps: 4, durationMin: 120 } } });
  const forestField = runField(forest);
  const areaHa = forestField.fire!.ellipse.areaHa;
  const f = runAwareness(forest, { ...strategist, type: 'wildfire' } as StrategistResult, forestField);
  assert.deepEqual([f.severityFromPhysics?.standard, f.severityFromPhysics?.severity], ['forest-fire-regulations', areaHa >= 1000 ? 'I' : areaHa >= 100 ? 'II' : areaHa >= 1 ? 'III' : 'IV']);
  assert.ok(areaHa >= 1, `a chaparral fire under wind covers hectares in two hours (${areaHa} ha)`);
  assert.match(f.severityFromPhysics?.basisZh ?? '', /森林防火条例/);
  const grass = parseIncident({ text: '草地起火', facts: { fire: { fuelModel: 1, midflameWindSpeedMps: 4 } } });
  assert.equal(runAwareness(grass, { ...strategist, type: 'wildfire' } as StrategistResult, runField(grass)).severityFromPhysics, undefined);
});
