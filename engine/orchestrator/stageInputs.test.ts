// The stages that do not read sensor readings get each sensor with its last reading only
// (pipeline.ts, READS_SENSOR_READINGS; docs/hardening.md#memory). That is only sound if they answer the
// same with the cut incident as with the whole one: checked here on the shipped examples that carry
// sensors and on generated ones (rising, falling, noisy, several sensors, one reading each).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseIncident } from '../contract/parseIncident.js';
import type { Incident } from '../contract/incident.js';
import type { ReportReading } from '../contract/reading.js';
import { DEFAULT_MODELS_DIR } from '../inference/modelRepository.js';
import { createRandom, normal } from '../numeric/random.js';
import { createWorkerContext, runStageTask } from './agentTasks.js';
import type { PipelineStage } from '../contract/taxonomy.js';
import { READS_SENSOR_READINGS, STAGE_ORDER, incidentForStage } from './pipeline.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

function generatedIncidents(): Incident[] {
  const random = createRandom(7);
  const at = (i: number) => new Date(Date.UTC(2026, 10, 30, 6, i)).toISOString();
  const series = (count: number, value: (i: number) => number) => Array.from({ length: count }, (_, i) => ({ at: at(i), value: Math.round(value(i) * 100) / 100 }));
  return [
    { text: 'Chlorine leaking from a rail tank car at the yard, gas sensors downwind rising', lang: 'en' as const,
      sensors: [{ id: 'g1', kind: 'gas_ppm' as const, thresholdValue: 20, readings: series(600, (i) => 1 + i * 0.05 + 0.2 * normal(random)) }] },
    { text: '化工厂氨气泄漏，厂界传感器读数在下降，现场有人员不适', sensors: [
      { id: 'a', kind: 'gas_ppm' as const, readings: series(300, (i) => 80 - i * 0.2 + normal(random)) },
      { id: 'b', kind: 'gas_ppm' as const, readings: series(1, () => 3) },
    ] },
    { text: 'River gauge at the levee climbing, water near the crest, villages behind it', facts: {},
      sensors: [{ id: 'w', kind: 'water_level_m' as const, thresholdValue: 32, readings: series(240, (i) => 29 + i * 0.01) }] },
  ].map((input) => parseIncident(input));
}

function shippedIncidentsWithSensors(): Incident[] {
  return readFileSync(join(ROOT, 'examples', 'all.jsonl'), 'utf8').trim().split('\n')
    .map((line) => parseIncident(JSON.parse(line)))
    .filter((incident) => incident.sensors.some((s) => s.readings.length > 1));
}

test('stages that do not read sensor readings answer the same with the last reading as with them all', async () => {
  const incidents = [...shippedIncidentsWithSensors(), ...generatedIncidents()];
  assert.ok(incidents.length >= 4, 'the examples still carry sensors');
  const context = await createWorkerContext(DEFAULT_MODELS_DIR);
  try {
    const cutStages = STAGE_ORDER.filter((stage) => !READS_SENSOR_READINGS.includes(stage));
    assert.deepEqual(cutStages, ['reading', 'strategist', 'field'] satisfies PipelineStage[]);
    for (const incident of incidents) {
      // Each stage as the pipeline runs it: S and F on the reading of the same incident they get.
      const run = async (stage: 'reading' | 'strategist' | 'field', given: typeof incident) =>
        runStageTask(context, stage, stage === 'reading' ? { incident: given } : { incident: given, reading: await runStageTask(context, 'reading', { incident: given }) as ReportReading });
      for (const stage of ['reading', 'strategist', 'field'] as const) {
        const cut = incidentForStage(stage, incident);
        assert.notEqual(cut, incident, 'the readings were cut');
        assert.ok(cut.sensors.every((s) => s.readings.length === 1));
        assert.deepEqual(await run(stage, cut), await run(stage, incident), `${stage} on ${incident.text.slice(0, 40)}`);
      }
      assert.equal(incidentForStage('awareness', incident), incident, 'the A-Agent gets every reading');
    }
  } finally {
    await context.core.release();
  }
});
