// The shipped sensor-anomaly model on generated series it never saw (precision and recall against its floors,
// stuck sensors the robust z-score cannot see), and a deterministic rebuild.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MODELS_DIR } from '../engine/inference/modelRepository.js';
import { ANOMALY_WINDOW } from '../engine/agents/awareness/anomalyFeatures.js';
import { SENSOR_ANOMALY_MODEL_NAME, SensorAnomalyModel } from '../engine/agents/awareness/anomalyModel.js';
import { analyseSensor } from '../engine/agents/awareness/sensorTrends.js';
import { buildSensorAnomaly, detectionScores, SENSOR_ANOMALY_FLOORS } from './sensorAnomaly.js';
import { FAULT_KINDS, generateLabelledSeries, type FaultKind } from './sensorFaults.js';

const at = (i: number) => new Date(Date.UTC(2024, 6, 5, 0, i * 5)).toISOString();

for (const precision of ['fp32', 'int8'] as const) test(`precision and recall of the shipped ${precision} model on 300 fresh series clear its floors; it finds stuck sensors the robust z-score cannot`, async () => {
  const model = await SensorAnomalyModel.load(DEFAULT_MODELS_DIR, undefined, undefined, precision);
  assert.equal(model.model.precision, precision, 'the shipped model has this variant');
  const series = generateLabelledSeries(300, 909090); // a seed the build never used
  const scores: number[] = [];
  const faults: Array<FaultKind | null> = [];
  let stuckByZ = 0;
  for (const s of series) {
    scores.push(...await model.scoreSeries(s.values));
    faults.push(...s.faults.slice(ANOMALY_WINDOW - 1));
    const byZ = analyseSensor({ id: 'x', kind: s.kind, readings: s.values.map((value, i) => ({ at: at(i), value })) }, undefined);
    const flagged = new Set(byZ.anomalies.filter((a) => a.detector !== 'model').map((a) => a.at));
    s.faults.forEach((f, i) => { if (f === 'stuck' && i >= ANOMALY_WINDOW - 1 && flagged.has(at(i))) stuckByZ++; });
  }
  const m = detectionScores(scores, faults, model.threshold);
  const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
  console.log(`sensor anomaly model (${precision}) on fresh series: precision ${pct(m.precision)}, recall ${pct(m.recall)} (${m.faultyReadings} faulty of ${m.readings} readings); ` +
    `recall by fault ${FAULT_KINDS.map((f) => `${f} ${pct(m.perFaultRecall[f])}`).join(', ')}; stuck readings found by robust z: ${stuckByZ}`);
  assert.ok(m.precision >= SENSOR_ANOMALY_FLOORS.precision, `precision ${m.precision}`);
  assert.ok(m.recall >= SENSOR_ANOMALY_FLOORS.recall, `recall ${m.recall}`);
  const stuckTotal = faults.filter((f) => f === 'stuck').length;
  assert.ok(m.perFaultRecall.stuck * stuckTotal > 10 * Math.max(1, stuckByZ), 'the model sees stuck sensors; the robust z-score does not');
  await model.release();
});

test('models:build rebuilds the anomaly model byte for byte', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-anomaly-build-'));
  const manifest = await buildSensorAnomaly(dir, () => {});
  const shipped = JSON.parse(readFileSync(join(DEFAULT_MODELS_DIR, SENSOR_ANOMALY_MODEL_NAME, '1', 'manifest.json'), 'utf8')) as { sha256: string };
  assert.equal(manifest.sha256, shipped.sha256);
});
