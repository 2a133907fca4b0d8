// Builds the plume threat-distance surrogate: cases drawn over the surrogate's validity range, labelled by
// the Gaussian-plume physics itself, a small MLP trained on 20 000 of them and judged on 4 000 it never
// saw. It ships only if its 95th-percentile relative error against the physics is within the bound.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { STABILITY_CLASSES } from '../contract/taxonomy.js';
import { createRandom } from '../numeric/random.js';
import { quantile } from '../numeric/stats.js';
import { sha256Hex } from '../inference/modelRepository.js';
import type { ModelManifest } from '../inference/manifest.js';
import { thresholdDistanceM, MOLAR_VOLUME_L } from '../agents/field/plume/gaussianPlume.js';
import {
  distanceToTarget, PLUME_SURROGATE_FEATURES, PLUME_SURROGATE_FEATURE_VERSION, PLUME_SURROGATE_RANGE, targetToDistance, writePlumeFeatures, type PlumeCase,
} from '../agents/field/plume/surrogateFeatures.js';
import { predictMlp, trainMlp, type Mlp, type MlpOptions } from './mlpTrainer.js';
import { exportMlpOnnx } from './mlpOnnx.js';

export const PLUME_SURROGATE_NAME = 'plume-surrogate';
export const PLUME_SURROGATE_VERSION = 1;
/** The surrogate may ship only if 95 % of held-out distances are within this relative error of the physics. */
export const PLUME_SURROGATE_BOUND_P95 = 0.2;
const TRAIN_CASES = 20_000;
const TEST_CASES = 4_000;
const SEED = 424242;
export const PLUME_MLP: MlpOptions = { hidden: 48, epochs: 50, learningRate: 0.003, batchSize: 64, seed: 17 };

export function samplePlumeCases(count: number, seed: number): PlumeCase[] {
  const random = createRandom(seed);
  const logUniform = ([lo, hi]: readonly [number, number]) => 10 ** (Math.log10(lo) + random() * (Math.log10(hi) - Math.log10(lo)));
  const r = PLUME_SURROGATE_RANGE;
  return Array.from({ length: count }, () => ({
    rateKgPerS: logUniform(r.rateKgPerS),
    windSpeedMps: r.windSpeedMps[0] + random() * (r.windSpeedMps[1] - r.windSpeedMps[0]),
    heightM: random() < 0.5 ? 0 : random() * r.heightM[1],
    stability: STABILITY_CLASSES[Math.floor(random() * STABILITY_CLASSES.length)] as PlumeCase['stability'],
    terrain: random() < 0.5 ? 'rural' : 'urban',
    thresholdMgPerM3: logUniform(r.thresholdMgPerM3),
  }));
}

/** The physics' answer for a case (a molar mass of 24.45 g/mol makes ppm and mg/m³ the same number). */
export function physicsDistanceM(c: PlumeCase): number {
  return thresholdDistanceM({ rateKgPerS: c.rateKgPerS, heightM: c.heightM, windSpeedMps: c.windSpeedMps, stability: c.stability, terrain: c.terrain, molarMassGPerMol: MOLAR_VOLUME_L }, c.thresholdMgPerM3);
}

export function featureMatrix(cases: readonly PlumeCase[]): Float32Array {
  const x = new Float32Array(cases.length * PLUME_SURROGATE_FEATURES);
  cases.forEach((c, i) => writePlumeFeatures(c, x, i * PLUME_SURROGATE_FEATURES));
  return x;
}

/** Relative errors where the physics gives a distance of at least 50 m (below it, both say "at the source"). */
export function relativeErrors(predictedM: ArrayLike<number>, physicsM: ArrayLike<number>): number[] {
  const errors: number[] = [];
  for (let i = 0; i < physicsM.length; i++) {
    const truth = physicsM[i] as number;
    if (truth >= 50) errors.push(Math.abs((predictedM[i] as number) - truth) / truth);
  }
  return errors;
}

export function exportPlumeMlpOnnx(m: Mlp, version: number): Uint8Array {
  return exportMlpOnnx(m, version, {
    graphName: 'plume_surrogate', output: 'log10_downwind_m',
    doc: 'plume threat-distance surrogate: log10(downwind m) from log(Q/(u·C)), wind, height, stability, terrain',
  });
}

export async function buildPlumeSurrogate(modelsDir: string, log: (line: string) => void = console.log): Promise<ModelManifest> {
  const cases = samplePlumeCases(TRAIN_CASES + TEST_CASES, SEED);
  const physics = cases.map(physicsDistanceM);
  const train = cases.slice(0, TRAIN_CASES);
  const test = cases.slice(TRAIN_CASES);
  const x = featureMatrix(train);
  const y = Float32Array.from(physics.slice(0, TRAIN_CASES), distanceToTarget);
  const mlp = trainMlp(x, y, PLUME_SURROGATE_FEATURES, PLUME_MLP);
  const testX = featureMatrix(test);
  const predicted = test.map((_, i) => targetToDistance(predictMlp(mlp, testX, i * PLUME_SURROGATE_FEATURES)));
  const errors = relativeErrors(predicted, physics.slice(TRAIN_CASES));
  const metrics = { heldOutCases: test.length, medianRelError: quantile(errors, 0.5), p95RelError: quantile(errors, 0.95), maxRelError: Math.max(...errors), boundP95RelError: PLUME_SURROGATE_BOUND_P95 };
  log(`${PLUME_SURROGATE_NAME} v${PLUME_SURROGATE_VERSION}: held-out relative error vs physics median ${(metrics.medianRelError * 100).toFixed(1)} %, P95 ${(metrics.p95RelError * 100).toFixed(1)} % (bound ${PLUME_SURROGATE_BOUND_P95 * 100} %), max ${(metrics.maxRelError * 100).toFixed(0)} %`);
  if (metrics.p95RelError > PLUME_SURROGATE_BOUND_P95) throw new Error(`plume surrogate misses its bound (P95 ${metrics.p95RelError}); not shipped`);

  const bytes = exportPlumeMlpOnnx(mlp, PLUME_SURROGATE_VERSION);
  const session = await ort.InferenceSession.create(bytes);
  const out = await session.run({ features: new ort.Tensor('float32', testX.slice(0, 100 * PLUME_SURROGATE_FEATURES), [100, PLUME_SURROGATE_FEATURES]) });
  const onnxY = out.log10_downwind_m?.data as Float32Array;
  let parity = 0;
  for (let i = 0; i < 100; i++) parity = Math.max(parity, Math.abs((onnxY[i] as number) - predictMlp(mlp, testX, i * PLUME_SURROGATE_FEATURES)));
  await session.release();
  if (parity > 1e-4) throw new Error(`surrogate ONNX export disagrees with the trained network by ${parity}`);

  const manifest: ModelManifest = {
    name: PLUME_SURROGATE_NAME, version: PLUME_SURROGATE_VERSION,
    task: 'plume threat distance (log10 m) for a continuous release, trained on the Gaussian-plume physics',
    file: 'model.onnx', sha256: sha256Hex(bytes), bytes: bytes.length,
    inputs: [{ name: 'features', dtype: 'float32', shape: ['batch', PLUME_SURROGATE_FEATURES] }],
    outputs: [{ name: 'log10_downwind_m', dtype: 'float32', shape: ['batch', 1] }],
    labels: [],
    features: { version: PLUME_SURROGATE_FEATURE_VERSION, inputs: PLUME_SURROGATE_FEATURES },
    training: {
      seed: SEED,
      corpus: { train: train.length, test: test.length, generator: 'engine/training/plumeSurrogate.ts', split: 'independent draws over the validity range; labels from engine/agents/field/plume/gaussianPlume.ts' },
      hyperparameters: { ...PLUME_MLP },
    },
    metrics: { surrogate: metrics, onnxParityMaxAbsDiff: parity },
  };
  const dir = join(modelsDir, PLUME_SURROGATE_NAME, String(PLUME_SURROGATE_VERSION));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'model.onnx'), bytes);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
