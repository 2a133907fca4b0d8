// Builds a physics surrogate: cases drawn over the surrogate's validity range, labelled by the project's
// own physics, a small MLP trained on most of them and judged on the rest, which it never saw. It ships
// only if its 95th-percentile relative error against the physics is within the stated bound, and only if
// onnxruntime running the exported file agrees with the trained network.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { quantile } from '../engine/numeric/stats.js';
import { sha256Hex } from '../engine/inference/modelRepository.js';
import type { ModelManifest } from '../engine/contract/modelManifest.js';
import { featureMatrix, type SurrogateSpec } from '../engine/agents/field/surrogate/surrogateSpec.js';
import { predictMlp, trainMlp, type MlpOptions } from './mlpTrainer.js';
import { exportMlpOnnx } from './mlpExport.js';
import { surrogateEvaluationSet, writeEvaluationSet } from './evaluationSets.js';
import { exportMlpInt8Onnx } from './mlpInt8Export.js';
import { ENSEMBLE_BATCH, mlpOnnxParity, predictOnnx } from './onnxRun.js';

export interface SurrogateTrainingSpec<Case> {
  runtime: SurrogateSpec<Case>;
  version: number;
  task: string;
  graphName: string;
  doc: string;
  seed: number;
  trainCases: number;
  testCases: number;
  mlp: MlpOptions;
  /** The surrogate may ship only if 95 % of held-out cases are within this relative error of the physics. */
  boundP95RelError: number;
  /** Relative error is judged only where the physics value is at least this (below it both say "nothing"). */
  minJudgedValue: number;
  /** What `minJudgedValue` is in, for the log ("m", "m/min", "h"). */
  unit: string;
  /** `count` cases over the validity range; the same seed always gives the same cases. */
  sample(count: number, seed: number): Case[];
  physics(c: Case): number;
  /** The generator's path as the manifest records it. Models built before training/ left engine/ record
   *  engine/training/…: it stays so until the model's next version, since a rebuild must give the shipped bytes. */
  generator: string;
  split: string;
}

/** Relative errors where the physics value is at least `minJudged`. */
export function relativeErrors(predicted: ArrayLike<number>, physics: ArrayLike<number>, minJudged: number): number[] {
  const errors: number[] = [];
  for (let i = 0; i < physics.length; i++) {
    const truth = physics[i] as number;
    if (truth >= minJudged) errors.push(Math.abs((predicted[i] as number) - truth) / truth);
  }
  return errors;
}

export function errorSummary(errors: readonly number[], bound: number) {
  return { heldOutCases: errors.length, medianRelError: quantile(errors, 0.5), p95RelError: quantile(errors, 0.95), maxRelError: Math.max(...errors), boundP95RelError: bound };
}

/** `unchecked`: write the version even if it misses its bound (a deliberately worse build, for testing
 *  that the update gate refuses it; never shipped). */
export async function buildSurrogate<Case>(spec: SurrogateTrainingSpec<Case>, modelsDir: string, log: (line: string) => void = console.log, options: { unchecked?: boolean } = {}): Promise<ModelManifest> {
  const { runtime } = spec;
  const startedMs = Date.now();
  const cases = spec.sample(spec.trainCases + spec.testCases, spec.seed);
  const physics = cases.map((c) => spec.physics(c));
  const train = cases.slice(0, spec.trainCases);
  const test = cases.slice(spec.trainCases);
  const y = Float32Array.from(physics.slice(0, spec.trainCases), (v) => runtime.toTarget(v));
  const mlp = trainMlp(featureMatrix(runtime, train), y, runtime.featureCount, spec.mlp);
  const testX = featureMatrix(runtime, test);
  const predicted = test.map((_, i) => runtime.fromTarget(predictMlp(mlp, testX, i * runtime.featureCount)));
  const metrics = errorSummary(relativeErrors(predicted, physics.slice(spec.trainCases), spec.minJudgedValue), spec.boundP95RelError);
  log(`${runtime.name} v${spec.version}: held-out relative error vs physics (${metrics.heldOutCases} cases ≥ ${spec.minJudgedValue} ${spec.unit}) median ${(metrics.medianRelError * 100).toFixed(1)} %, ` +
    `P95 ${(metrics.p95RelError * 100).toFixed(1)} % (bound ${spec.boundP95RelError * 100} %), max ${(metrics.maxRelError * 100).toFixed(0)} %; trained in ${((Date.now() - startedMs) / 1000).toFixed(1)} s`);
  if (!(metrics.p95RelError <= spec.boundP95RelError) && !options.unchecked) throw new Error(`${runtime.name} misses its bound (P95 ${metrics.p95RelError}); not shipped`);

  const names = { graphName: spec.graphName, outputName: runtime.outputName, doc: spec.doc };
  const bytes = exportMlpOnnx(mlp, spec.version, names);
  const parity = await mlpOnnxParity(bytes, mlp, runtime.outputName, testX, runtime.featureCount, Math.min(100, test.length));

  // The int8 variant is judged the way it runs: through onnxruntime, in ensemble-sized batches (its
  // activation scale is computed per batch), against the physics, under the same bound.
  const int8Bytes = exportMlpInt8Onnx(mlp, { version: spec.version, ...names, graphName: `${spec.graphName}_int8` });
  const int8Targets = await predictOnnx(int8Bytes, runtime.outputName, testX, runtime.featureCount, ENSEMBLE_BATCH);
  const int8Metrics = errorSummary(relativeErrors(Array.from(int8Targets, (t) => runtime.fromTarget(t)), physics.slice(spec.trainCases), spec.minJudgedValue), spec.boundP95RelError);
  const int8Ships = int8Metrics.p95RelError <= spec.boundP95RelError;
  log(`${runtime.name} int8 variant: P95 ${(int8Metrics.p95RelError * 100).toFixed(1)} % vs fp32 ${(metrics.p95RelError * 100).toFixed(1)} % (bound ${spec.boundP95RelError * 100} %); ${int8Bytes.length} vs ${bytes.length} bytes; ${int8Ships ? 'ships' : 'REFUSED'}`);

  const manifest: ModelManifest = {
    name: runtime.name, version: spec.version, task: spec.task,
    file: 'model.onnx', sha256: sha256Hex(bytes), bytes: bytes.length,
    inputs: [{ name: 'features', dtype: 'float32', shape: ['batch', runtime.featureCount] }],
    outputs: [{ name: runtime.outputName, dtype: 'float32', shape: ['batch', 1] }],
    labels: [],
    features: { version: runtime.featureVersion, inputs: runtime.featureCount },
    training: {
      seed: spec.seed,
      corpus: { train: train.length, test: test.length, generator: spec.generator, split: spec.split },
      hyperparameters: { ...spec.mlp },
    },
    ...(int8Ships ? { variants: { int8: { file: 'model.int8.onnx', sha256: sha256Hex(int8Bytes), bytes: int8Bytes.length, p95RelError: int8Metrics.p95RelError } } } : {}),
    metrics: { surrogate: metrics, onnxParityMaxAbsDiff: parity },
  };
  const dir = join(modelsDir, runtime.name, String(spec.version));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'model.onnx'), bytes);
  if (int8Ships) writeFileSync(join(dir, 'model.int8.onnx'), int8Bytes);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  writeEvaluationSet(dir, surrogateEvaluationSet(spec.minJudgedValue, test, physics.slice(spec.trainCases)));
  return manifest;
}
