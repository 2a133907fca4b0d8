// Every shipped physics surrogate against its physics on cases it never saw (a seed no build used),
// its refusal when built for other features, and a deterministic rebuild.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MODELS_DIR } from '../inference/modelRepository.js';
import { quantile } from '../numeric/stats.js';
import { SurrogateModel } from '../agents/field/surrogate/surrogateModel.js';
import { buildSurrogate, relativeErrors, type SurrogateTrainingSpec } from './surrogateBuilder.js';
import { PLUME_SURROGATE_TRAINING } from './plumeSurrogate.js';
import { FIRE_SURROGATE_TRAINING } from './fireSurrogate.js';
import { FLOOD_SURROGATE_TRAINING } from './floodSurrogate.js';

async function checkAgainstPhysics<Case>(spec: SurrogateTrainingSpec<Case>): Promise<void> {
  const model = await SurrogateModel.load(spec.runtime, DEFAULT_MODELS_DIR);
  const cases = spec.sample(2000, 777);
  assert.ok(cases.every((c) => spec.runtime.inRange(c)), 'the sampler stays inside the stated range');
  const errors = relativeErrors(await model.predict(cases), cases.map((c) => spec.physics(c)), spec.minJudgedValue);
  const p95 = quantile(errors, 0.95);
  console.log(`${spec.runtime.name} on fresh cases: median ${(quantile(errors, 0.5) * 100).toFixed(1)} %, P95 ${(p95 * 100).toFixed(1)} % (bound ${spec.boundP95RelError * 100} %) over ${errors.length} judged cases`);
  assert.ok(errors.length > 1000, 'most cases are judged');
  assert.ok(p95 <= spec.boundP95RelError, `P95 ${p95}`);
  await model.release();
}

for (const spec of [PLUME_SURROGATE_TRAINING, FIRE_SURROGATE_TRAINING, FLOOD_SURROGATE_TRAINING] as Array<SurrogateTrainingSpec<unknown>>) {
  test(`${spec.runtime.name}: error against the physics on fresh cases is within its stated bound`, () => checkAgainstPhysics(spec));
}

test('a surrogate built for other features than the engine uses is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-surrogate-features-'));
  cpSync(DEFAULT_MODELS_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'fire-spread-surrogate', '1', 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { features: { version: number } };
  manifest.features.version += 1;
  writeFileSync(manifestPath, JSON.stringify(manifest));
  await assert.rejects(SurrogateModel.load(FIRE_SURROGATE_TRAINING.runtime, dir), { code: 'SAFE_E_MODEL_MANIFEST_INVALID' });
});

test('models:build rebuilds the surrogates byte for byte', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-surrogate-'));
  for (const spec of [PLUME_SURROGATE_TRAINING, FLOOD_SURROGATE_TRAINING] as Array<SurrogateTrainingSpec<unknown>>) {
    const manifest = await buildSurrogate(spec, dir, () => {});
    const shipped = JSON.parse(readFileSync(join(DEFAULT_MODELS_DIR, spec.runtime.name, '1', 'manifest.json'), 'utf8')) as { sha256: string };
    assert.equal(manifest.sha256, shipped.sha256, spec.runtime.name);
  }
});
