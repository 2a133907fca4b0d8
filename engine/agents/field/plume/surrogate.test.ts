// The shipped plume surrogate against the physics on cases it never saw, its refusal when tampered
// with, and a deterministic rebuild.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MODELS_DIR } from '../../../inference/modelRepository.js';
import { quantile } from '../../../numeric/stats.js';
import { buildPlumeSurrogate, physicsDistanceM, relativeErrors, samplePlumeCases, PLUME_SURROGATE_BOUND_P95 } from '../../../training/plumeSurrogate.js';
import { PlumeSurrogateModel } from './surrogateRunner.js';
import { applyEnsembleBands, ENSEMBLE_MEMBERS } from './ensembleBands.js';
import { plumeFootprint } from './index.js';
import { parseIncident } from '../../../contract/parseIncident.js';

test('surrogate error against the physics on 2 000 fresh cases is within its stated bound', async () => {
  const model = await PlumeSurrogateModel.load(DEFAULT_MODELS_DIR);
  const cases = samplePlumeCases(2000, 777); // a seed the build never used
  const predicted = await model.predictDistancesM(cases);
  const errors = relativeErrors(predicted, cases.map(physicsDistanceM));
  const p95 = quantile(errors, 0.95);
  console.log(`plume surrogate on fresh cases: median ${(quantile(errors, 0.5) * 100).toFixed(1)} %, P95 ${(p95 * 100).toFixed(1)} % (bound ${PLUME_SURROGATE_BOUND_P95 * 100} %)`);
  assert.ok(p95 <= PLUME_SURROGATE_BOUND_P95, `P95 ${p95}`);
  await model.release();
});

test('the F-Agent bands come from a 256-member ensemble around the physics answer', async () => {
  const model = await PlumeSurrogateModel.load(DEFAULT_MODELS_DIR);
  const incident = parseIncident({ text: 'chlorine', facts: { release: { substance: 'chlorine', rateKgPerS: 1, heightM: 1 }, weather: { windSpeedMps: 4, windFromDeg: 90, stability: 'D' } } });
  const physics = plumeFootprint(incident, incident.facts.release!, incident.facts.weather!);
  const banded = await applyEnsembleBands(physics, model);
  assert.deepEqual(banded.bands, { method: 'surrogate-ensemble', members: ENSEMBLE_MEMBERS, model: 'plume-surrogate@1' });
  for (const t of banded.thresholds) {
    assert.ok(t.downwindBandM.p10 <= t.downwindBandM.p50 && t.downwindBandM.p50 <= t.downwindBandM.p90);
    assert.ok(t.downwindBandM.p10 < t.downwindM * 1.3 && t.downwindBandM.p90 > t.downwindM * 0.7, `${t.level}: ${t.downwindM} in ${JSON.stringify(t.downwindBandM)}`);
  }
  assert.deepEqual(banded.thresholds.map((t) => t.downwindM), physics.thresholds.map((t) => t.downwindM), 'the physics stays the answer');
  assert.deepEqual(await applyEnsembleBands(physics, model), banded, 'deterministic');
  await model.release();
});

test('models:build rebuilds the surrogate byte for byte', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-surrogate-'));
  const manifest = await buildPlumeSurrogate(dir, () => {});
  const shipped = JSON.parse(readFileSync(join(DEFAULT_MODELS_DIR, 'plume-surrogate', '1', 'manifest.json'), 'utf8')) as { sha256: string };
  assert.equal(manifest.sha256, shipped.sha256);
});
