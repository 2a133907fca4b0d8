// The sensor-anomaly model in the A-Agent, next to the robust z-score, and its refusal when tampered with
// (the agent then falls back to the robust z-score). Its precision and recall on fresh generated series and
// the deterministic rebuild need the build-time generators: training/sensorAnomaly.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SafeError } from '../../contract/errors.js';
import { parseIncident } from '../../contract/parseIncident.js';
import type { AwarenessResult, StrategistResult } from '../../contract/result.js';
import { DEFAULT_MODELS_DIR } from '../../inference/modelRepository.js';
import { createRandom, normal } from '../../numeric/random.js';
import { createWorkerContext, runStageTask, workerModels } from '../../orchestrator/agentTasks.js';
import { ANOMALY_WINDOW } from './anomalyFeatures.js';
import { JUDGED_READINGS_MAX, SENSOR_ANOMALY_MODEL_NAME, SensorAnomalyModel } from './anomalyModel.js';

const at = (i: number) => new Date(Date.UTC(2024, 6, 5, 0, i * 5)).toISOString();
const strategist = { type: 'hazmat_release', severity: 'III', severityIsEstimate: false, secondaryHazards: [] } as unknown as StrategistResult;

/** A gas sensor at about 5 ppm with 0.1 ppm noise, one reading every 5 min, with faults injected. */
function faultySensor(seed: number, inject: (values: number[]) => void) {
  const random = createRandom(seed);
  const values = Array.from({ length: 120 }, () => Math.round((5 + 0.1 * normal(random)) * 1000) / 1000);
  inject(values);
  return { id: `G${seed}`, kind: 'gas_ppm' as const, readings: values.map((value, i) => ({ at: at(i), value })) };
}

test('the A-Agent flags an injected spike, a stuck run and a drift with the model, next to the robust z-score', async () => {
  const context = await createWorkerContext(DEFAULT_MODELS_DIR);
  try {
    assert.equal(workerModels(context)[SENSOR_ANOMALY_MODEL_NAME], '1', 'results name the model');
    const incident = parseIncident({
      text: 'gas sensors', sensors: [
        faultySensor(1, (v) => { v[60] = (v[60] as number) + 1.5; }),
        faultySensor(2, (v) => { for (let i = 70; i < 90; i++) v[i] = v[69] as number; }),
        faultySensor(3, (v) => { for (let i = 90; i < 110; i++) v[i] = (v[i] as number) + 0.06 * (i - 89); }),
      ],
    });
    const result = await runStageTask(context, 'awareness', { incident, strategist, field: { notComputed: [] } }) as AwarenessResult;
    const [spike, stuck, drift] = result.sensors.map((s) => s.anomalies);
    const byModel = (list: AwarenessResult['sensors'][number]['anomalies'] | undefined, i: number) =>
      list?.find((a) => a.at === at(i) && (a.detector === 'model' || a.detector === 'both'));
    assert.ok(byModel(spike, 60), `spike: ${JSON.stringify(spike)}`);
    assert.ok(spike?.some((a) => a.at === at(60) && a.detector === 'both'), 'the spike is also a robust-z anomaly');
    const stuckFound = Array.from({ length: 20 }, (_, k) => 70 + k).filter((i) => byModel(stuck, i));
    assert.ok(stuckFound.length >= 12, `stuck readings found: ${stuckFound.join(', ')}`);
    const driftFound = Array.from({ length: 20 }, (_, k) => 90 + k).filter((i) => byModel(drift, i));
    assert.ok(driftFound.length >= 5, `drift readings found: ${driftFound.join(', ')}`);
    for (const list of [spike, stuck, drift]) {
      const falseAlarms = (list ?? []).filter((a) => a.detector === 'model' && Date.parse(a.at) < Date.parse(at(60)));
      assert.equal(falseAlarms.length, 0, `no model findings in the clean first part: ${JSON.stringify(falseAlarms)}`);
      for (const a of list ?? []) if (a.detector !== 'robust-z') assert.ok((a.score ?? 0) >= (context.sensorAnomaly?.threshold ?? Infinity));
    }
  } finally {
    await context.core.release();
  }
});

test('normal series that do not vary, or vary without noise, yield no model findings', async () => {
  const model = await SensorAnomalyModel.load(DEFAULT_MODELS_DIR);
  try {
    const normalSeries: Record<string, (i: number) => number> = {
      'constant': () => 2.5,
      'constant at the detection limit': () => 0,
      'smooth noiseless wave': (i) => 1 + 0.001 * i + 0.01 * Math.sin(i / 7),
      'clean ramp': (i) => 3 + 0.02 * i,
      'accelerating rise': (i) => 1 + 0.0005 * i * i,
      'rounded ramp': (i) => Math.round((3 + 0.003 * i) * 100) / 100,
    };
    const names = Object.keys(normalSeries);
    const sensors = names.map((name) => ({
      id: name, kind: 'gas_ppm' as const,
      readings: Array.from({ length: 120 }, (_, i) => ({ at: at(2 * i), value: (normalSeries[name] as (i: number) => number)(i) })),
    }));
    const found = await model.findAnomalies(sensors);
    names.forEach((name, s) => assert.deepEqual(found[s], [], `${name}: ${JSON.stringify(found[s])}`));
  } finally {
    await model.release();
  }
});

test('only the most recent readings of a long series are judged; a short series is judged whole', async () => {
  const model = await SensorAnomalyModel.load(DEFAULT_MODELS_DIR);
  try {
    const spikeAt = [100, 2000 - 50]; // one long before the judged span, one inside it
    const random = createRandom(7);
    const values = Array.from({ length: 2000 }, () => Math.round((5 + 0.1 * normal(random)) * 1000) / 1000);
    for (const i of spikeAt) values[i] = (values[i] as number) + 1.5;
    const sensor = { id: 'L', kind: 'gas_ppm' as const, readings: values.map((value, i) => ({ at: at(i), value })) };
    const [found] = await model.findAnomalies([sensor]);
    assert.ok(found?.every((a) => a.index >= values.length - JUDGED_READINGS_MAX), JSON.stringify(found));
    assert.ok(found?.some((a) => a.index === spikeAt[1]), `the recent spike is found: ${JSON.stringify(found)}`);

    const short = faultySensor(2, (v) => { for (let i = 70; i < 90; i++) v[i] = v[69] as number; });
    const [shortFound] = await model.findAnomalies([short]);
    const all = await model.scoreSeries(short.readings.map((r) => r.value));
    const expected = Array.from(all).flatMap((score, k) => (score >= model.threshold ? [{ index: k + ANOMALY_WINDOW - 1, score }] : []));
    assert.ok(expected.length > 0);
    assert.deepEqual(shortFound, expected);
  } finally {
    await model.release();
  }
});

test('a tampered anomaly model is refused; the A-Agent then flags by the robust z-score alone', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-anomaly-'));
  cpSync(DEFAULT_MODELS_DIR, dir, { recursive: true });
  const file = join(dir, SENSOR_ANOMALY_MODEL_NAME, '1', 'model.onnx');
  const bytes = readFileSync(file);
  bytes[bytes.length - 8] = (bytes[bytes.length - 8] as number) ^ 0xff;
  writeFileSync(file, bytes);
  await assert.rejects(SensorAnomalyModel.load(dir), (err: unknown) => err instanceof SafeError && err.code === 'SAFE_E_MODEL_HASH_MISMATCH');

  const context = await createWorkerContext(dir);
  try {
    assert.equal(context.sensorAnomaly, null);
    assert.ok(context.warnings.some((w) => w.startsWith('sensor anomaly model not used')), context.warnings.join('\n'));
    assert.equal(workerModels(context)[SENSOR_ANOMALY_MODEL_NAME], undefined);
    const incident = parseIncident({ text: 'gas', sensors: [faultySensor(1, (v) => { v[60] = (v[60] as number) + 1.5; })] });
    const result = await runStageTask(context, 'awareness', { incident, strategist, field: { notComputed: [] } }) as AwarenessResult;
    assert.deepEqual(result.sensors[0]?.anomalies.map((a) => [a.at, a.detector]), [[at(60), 'robust-z']]);
  } finally {
    await context.core.release();
  }
});
