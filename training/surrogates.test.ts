// Every shipped physics surrogate against its physics on cases it never saw (a seed no build used),
// its refusal when built for other features, and a deterministic rebuild.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MODELS_DIR, readManifest, type Precision } from '../engine/inference/modelRepository.js';
import { ENSEMBLE_MEMBERS } from '../engine/agents/field/surrogate/ensemble.js';
import { quantile } from '../engine/numeric/stats.js';
import { SurrogateModel } from '../engine/agents/field/surrogate/surrogateModel.js';
import { buildSurrogate, relativeErrors, type SurrogateTrainingSpec } from './surrogateBuilder.js';
import { PLUME_SURROGATE_TRAINING } from './plumeSurrogate.js';
import { FIRE_SURROGATE_TRAINING } from './fireSurrogate.js';
import { FLOOD_SURROGATE_TRAINING } from './floodSurrogate.js';

async function checkAgainstPhysics<Case>(spec: SurrogateTrainingSpec<Case>, precision: Precision): Promise<void> {
  const model = await SurrogateModel.load(spec.runtime, DEFAULT_MODELS_DIR, { precision });
  assert.equal(model.model.precision, precision, 'the shipped model has this variant');
  const cases = spec.sample(2000, 777);
  assert.ok(cases.every((c) => spec.runtime.inRange(c)), 'the sampler stays inside the stated range');
  // In ensemble-sized batches, as the F-Agent runs it (an int8 activation scale is computed per batch).
  const predicted: number[] = [];
  for (let i = 0; i < cases.length; i += ENSEMBLE_MEMBERS) predicted.push(...await model.predict(cases.slice(i, i + ENSEMBLE_MEMBERS)));
  const errors = relativeErrors(predicted, cases.map((c) => spec.physics(c)), spec.minJudgedValue);
  const p95 = quantile(errors, 0.95);
  console.log(`${spec.runtime.name} ${precision} on fresh cases: median ${(quantile(errors, 0.5) * 100).toFixed(1)} %, P95 ${(p95 * 100).toFixed(1)} % (bound ${spec.boundP95RelError * 100} %) over ${errors.length} judged cases`);
  assert.ok(errors.length > 1000, 'most cases are judged');
  assert.ok(p95 <= spec.boundP95RelError, `P95 ${p95}`);
  await model.release();
}

for (const spec of [PLUME_SURROGATE_TRAINING, FIRE_SURROGATE_TRAINING, FLOOD_SURROGATE_TRAINING] as Array<SurrogateTrainingSpec<unknown>>) {
  for (const precision of ['fp32', 'int8'] as const) {
    test(`${spec.runtime.name} ${precision}: error against the physics on fresh cases is within its stated bound`, () => checkAgainstPhysics(spec, precision));
  }
}

test('a surrogate built for other features than the engine uses is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-surrogate-features-'));
  cpSync(DEFAULT_MODELS_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'fire-spread-surrogate', '2', 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { features: { version: number } };
  manifest.features.version += 1;
  writeFileSync(manifestPath, JSON.stringify(manifest));
  await assert.rejects(SurrogateModel.load(FIRE_SURROGATE_TRAINING.runtime, dir), { code: 'SAFE_E_MODEL_MANIFEST_INVALID' });
});

test('models:build rebuilds the surrogates byte for byte, int8 variants included', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-surrogate-'));
  const built = await buildSurrogate(PLUME_SURROGATE_TRAINING, dir, () => {});
  const shipped = readManifest(DEFAULT_MODELS_DIR, 'plume-surrogate', 1);
  assert.equal(built.sha256, shipped.sha256);
  assert.equal(built.variants?.int8?.sha256, shipped.variants?.int8?.sha256);
});

test('an int8 variant that misses the bound is refused; fp32 still ships and int8 requests fall back to it', async () => {
  // The bound only gates (training does not see it): between the flood surrogate's fp32 and int8 errors,
  // the same network ships in fp32 only.
  const shipped = readManifest(DEFAULT_MODELS_DIR, 'flood-depth-surrogate', 1);
  const fp32P95 = shipped.metrics.surrogate?.p95RelError as number;
  const int8P95 = shipped.variants?.int8?.p95RelError as number;
  assert.ok(fp32P95 < int8P95, 'quantisation costs some accuracy');
  const dir = mkdtempSync(join(tmpdir(), 'safe-surrogate-gate-'));
  const built = await buildSurrogate({ ...FLOOD_SURROGATE_TRAINING, boundP95RelError: (fp32P95 + int8P95) / 2 }, dir, () => {});
  assert.equal(built.sha256, shipped.sha256);
  assert.equal(built.variants, undefined);
  assert.equal(existsSync(join(dir, 'flood-depth-surrogate', '1', 'model.int8.onnx')), false);
  const model = await SurrogateModel.load(FLOOD_SURROGATE_TRAINING.runtime, dir, { precision: 'int8' });
  assert.equal(model.model.precision, 'fp32');
  assert.equal(model.version, '1');
  await model.release();
});
