// `npm run models:build`: rebuilds every shipped model from source, deterministically (same seed, same
// bytes), verifies the ONNX export against the trainer's own predictions, and writes the manifest with
// held-out metrics. Usage: node dist/training/buildModels.js [--out DIR]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { INCIDENT_TYPES } from '../engine/contract/taxonomy.js';
import { DEFAULT_MODELS_DIR, sha256Hex } from '../engine/inference/modelRepository.js';
import type { ModelManifest } from '../engine/contract/modelManifest.js';
import { FEATURE_SPEC, featureIds } from '../engine/agents/strategist/classifier/textFeatures.js';
import { CLASSIFIER_MODEL_NAME, classifierAdapter } from '../engine/agents/strategist/classifier/incidentClassifier.js';
import { DEFAULT_CORPUS, generateCorpus, type LabelledReport } from './corpus/generateCorpus.js';
import { DEFAULT_TRAINING, predictLinearBag, trainLinearBag, type LinearBagModel } from './fastTextTrainer.js';
import { CLASSIFIER_IO, exportLinearBagInt8Onnx, exportLinearBagOnnx } from './onnxExport.js';
import { buildSurrogate } from './surrogateBuilder.js';
import { PLUME_SURROGATE_TRAINING } from './plumeSurrogate.js';
import { FIRE_SURROGATE_TRAINING } from './fireSurrogate.js';
import { FLOOD_SURROGATE_TRAINING } from './floodSurrogate.js';
import { buildSensorAnomaly } from './sensorAnomaly.js';
import { classifierEvaluationSet, writeEvaluationSet } from './evaluationSets.js';
import { SURROGATE_TRAININGS } from './shippedEvaluationSets.js';
import { buildReportScreen } from './reportScreen.js';
import { ortTensors } from './onnxRun.js';

/** Every physics surrogate the F-Agent runs, in build order. */
export const SURROGATE_BUILDS: ReadonlyArray<(modelsDir: string, log?: (line: string) => void) => Promise<ModelManifest>> = [
  (dir, log) => buildSurrogate(PLUME_SURROGATE_TRAINING, dir, log),
  (dir, log) => buildSurrogate(FIRE_SURROGATE_TRAINING, dir, log),
  (dir, log) => buildSurrogate(FLOOD_SURROGATE_TRAINING, dir, log),
];

/** Bump when the corpus, features or trainer change in a way that changes the model. */
/** v2: twelve types (mine_accident, severe_weather added). v3: the corpus adds the news register and
 *  traditional Chinese (training/corpus/newsRegister.ts, traditionalChinese.ts). */
export const CLASSIFIER_VERSION = 3;
/** The int8 variant ships only if it loses at most this many accuracy points on the held-out split. */
export const INT8_MAX_ACCURACY_DROP_PTS = 1;

/** The engine's own feed builder (the classifier adapter), as onnxruntime tensors: build-time checks
 *  run the model exactly as the engine does. */
const classifierTensors = (texts: string[]): Record<string, ort.Tensor> => ortTensors(classifierAdapter().toFeeds(texts));

/** Held-out accuracy of exported ONNX bytes, run through onnxruntime in batches of 64. */
async function onnxAccuracy(bytes: Uint8Array, test: readonly LabelledReport[]): Promise<number> {
  const session = await ort.InferenceSession.create(bytes);
  let right = 0;
  for (let i = 0; i < test.length; i += 64) {
    const batch = test.slice(i, i + 64);
    const out = await session.run(classifierTensors(batch.map((r) => r.text)));
    const probs = out.probabilities?.data as Float32Array;
    batch.forEach((report, r) => {
      const row = Array.from(probs.subarray(r * INCIDENT_TYPES.length, (r + 1) * INCIDENT_TYPES.length));
      if (INCIDENT_TYPES[argmax(row)] === report.label) right++;
    });
  }
  await session.release();
  return right / test.length;
}

const argmax = (values: readonly number[]) => values.reduce((best, v, i) => (v > (values[best] as number) ? i : best), 0);

function evaluate(model: LinearBagModel, test: readonly LabelledReport[]) {
  const confusion: Record<string, Record<string, number>> = Object.fromEntries(
    INCIDENT_TYPES.map((t) => [t, Object.fromEntries(INCIDENT_TYPES.map((p) => [p, 0]))]));
  const byLang: Record<string, { right: number; total: number }> = { zh: { right: 0, total: 0 }, en: { right: 0, total: 0 } };
  let right = 0;
  // Expected calibration error, 10 equal-width bins of the top probability (as `npm run eval` measures it).
  const bins = Array.from({ length: 10 }, () => ({ confidence: 0, right: 0 }));
  for (const report of test) {
    const probs = predictLinearBag(model, featureIds(report.text));
    const predicted = INCIDENT_TYPES[argmax(probs)] as string;
    const top = Math.max(...probs);
    const bin = bins[Math.min(9, Math.floor(top * 10))] as (typeof bins)[number];
    bin.confidence += top;
    bin.right += predicted === report.label ? 1 : 0;
    (confusion[report.label] as Record<string, number>)[predicted]! += 1;
    const lang = byLang[report.lang] as { right: number; total: number };
    lang.total++;
    if (predicted === report.label) { right++; lang.right++; }
  }
  const perClassRecall = Object.fromEntries(INCIDENT_TYPES.map((t) => {
    const row = confusion[t] as Record<string, number>;
    const total = Object.values(row).reduce((a, b) => a + b, 0);
    return [t, total ? (row[t] as number) / total : 0];
  }));
  const ece = bins.reduce((sum, b) => sum + Math.abs(b.confidence - b.right), 0) / test.length;
  return {
    ece,
    heldOutAccuracy: right / test.length,
    heldOutAccuracyByLang: Object.fromEntries(Object.entries(byLang).map(([k, v]) => [k, v.right / v.total])),
    perClassRecall,
    confusion,
  };
}

/** Runs the exported ONNX on a sample and returns the largest difference from the JS predictions. */
async function onnxParity(bytes: Uint8Array, model: LinearBagModel, sample: readonly LabelledReport[]): Promise<number> {
  const session = await ort.InferenceSession.create(bytes);
  let maxDiff = 0;
  for (const report of sample) {
    const ids = featureIds(report.text);
    const out = await session.run(classifierTensors([report.text]));
    const onnxProbs = out.probabilities?.data as Float32Array;
    predictLinearBag(model, ids).forEach((p, i) => { maxDiff = Math.max(maxDiff, Math.abs(p - (onnxProbs[i] as number))); });
  }
  await session.release();
  return maxDiff;
}

export async function buildIncidentClassifier(modelsDir: string, log: (line: string) => void = console.log): Promise<ModelManifest> {
  const corpus = generateCorpus(DEFAULT_CORPUS);
  const train = corpus.filter((r) => r.split === 'train');
  const test = corpus.filter((r) => r.split === 'test');
  log(`corpus: ${train.length} training and ${test.length} held-out reports (zh + en)`);
  const labelIndex = new Map<string, number>(INCIDENT_TYPES.map((t, i) => [t, i]));
  const model = trainLinearBag(train.map((r) => ({ ids: featureIds(r.text), label: labelIndex.get(r.label) as number })),
    FEATURE_SPEC.buckets, INCIDENT_TYPES.length, DEFAULT_TRAINING);
  const { ece, ...metrics } = evaluate(model, test);
  const bytes = exportLinearBagOnnx(model, INCIDENT_TYPES, CLASSIFIER_VERSION);
  const parity = await onnxParity(bytes, model, test.filter((_, i) => i % 50 === 0));
  if (parity > 1e-4) throw new Error(`ONNX export disagrees with the trained model by ${parity}`);

  const int8Bytes = exportLinearBagInt8Onnx(model, INCIDENT_TYPES, CLASSIFIER_VERSION);
  const fp32Accuracy = await onnxAccuracy(bytes, test);
  const int8Accuracy = await onnxAccuracy(int8Bytes, test);
  const dropPts = (fp32Accuracy - int8Accuracy) * 100;
  const int8Ships = dropPts <= INT8_MAX_ACCURACY_DROP_PTS;
  log(`int8 variant: held-out accuracy ${(int8Accuracy * 100).toFixed(2)} % vs fp32 ${(fp32Accuracy * 100).toFixed(2)} % (drop ${dropPts.toFixed(2)} pts, gate ${INT8_MAX_ACCURACY_DROP_PTS}); ${int8Bytes.length} bytes; ${int8Ships ? 'ships' : 'REFUSED'}`);

  const manifest: ModelManifest = {
    name: CLASSIFIER_MODEL_NAME,
    version: CLASSIFIER_VERSION,
    task: 'incident type from a free-text report (zh/en), fastText-style linear bag of hashed n-grams',
    file: 'model.onnx',
    sha256: sha256Hex(bytes),
    bytes: bytes.length,
    inputs: CLASSIFIER_IO.inputs.map((s) => ({ ...s, shape: [...s.shape] })),
    outputs: CLASSIFIER_IO.outputs.map((s) => ({ ...s, shape: [...s.shape] })),
    labels: [...INCIDENT_TYPES],
    features: { ...FEATURE_SPEC },
    training: {
      seed: DEFAULT_TRAINING.seed,
      corpus: {
        train: train.length, test: test.length, generator: 'training/corpus/generateCorpus.ts',
        split: 'by phrase: every 4th core/detail phrase, news event and news context sentence, and the last 8 place names of each list, appear only in the test split',
      },
      hyperparameters: { dim: DEFAULT_TRAINING.dim, epochs: DEFAULT_TRAINING.epochs, learningRate: DEFAULT_TRAINING.learningRate, corpusSeed: DEFAULT_CORPUS.seed },
    },
    ...(int8Ships ? { variants: { int8: { file: 'model.int8.onnx', sha256: sha256Hex(int8Bytes), bytes: int8Bytes.length, heldOutAccuracy: int8Accuracy, accuracyDropPts: Math.round(dropPts * 1e4) / 1e4 } } } : {}),
    metrics: { ...metrics, onnxParityMaxAbsDiff: parity },
  };
  const dir = join(modelsDir, CLASSIFIER_MODEL_NAME, String(CLASSIFIER_VERSION));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'model.onnx'), bytes);
  if (int8Ships) writeFileSync(join(dir, 'model.int8.onnx'), int8Bytes);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  writeEvaluationSet(dir, classifierEvaluationSet(test));
  log(`${CLASSIFIER_MODEL_NAME} v${CLASSIFIER_VERSION}: held-out accuracy ${(metrics.heldOutAccuracy * 100).toFixed(1)} % ` +
    `(zh ${((metrics.heldOutAccuracyByLang.zh ?? 0) * 100).toFixed(1)} %, en ${((metrics.heldOutAccuracyByLang.en ?? 0) * 100).toFixed(1)} %), ` +
    `expected calibration error ${ece.toFixed(3)}, ` +
    `${bytes.length} bytes, sha256 ${manifest.sha256.slice(0, 16)}…`);
  return manifest;
}

export function formatConfusion(confusion: Record<string, Record<string, number>> = {}): string {
  const short = (t: string) => t.slice(0, 8).padStart(8);
  const lines = ['true \\ predicted  ' + INCIDENT_TYPES.map(short).join(' ')];
  for (const t of INCIDENT_TYPES) lines.push(t.padEnd(17) + ' ' + INCIDENT_TYPES.map((p) => String(confusion[t]?.[p] ?? 0).padStart(8)).join(' '));
  return lines.join('\n');
}

/** `--only NAME` with `--version N` and any of `--seed S --train-cases N --epochs N --unchecked`: one new
 *  version of one surrogate (another seed, more data) into `--out DIR`, for publishing on a channel
 *  (docs/updates.md). Without `--only`, every shipped model as it ships. */
function parseBuildArgs(argv: readonly string[]) {
  const value = (flag: string) => { const i = argv.indexOf(flag); return i > 0 ? argv[i + 1] : undefined; };
  const number = (flag: string) => { const v = value(flag); if (v === undefined) return undefined; const n = Number(v); if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} needs a positive integer, not ${v}`); return n; };
  return {
    modelsDir: value('--out') ?? DEFAULT_MODELS_DIR, only: value('--only'), version: number('--version'), seed: number('--seed'),
    trainCases: number('--train-cases'), epochs: number('--epochs'), unchecked: argv.includes('--unchecked'),
  };
}

async function main(): Promise<void> {
  const args = parseBuildArgs(process.argv);
  if (args.only) {
    const spec = SURROGATE_TRAININGS.find((s) => s.runtime.name === args.only);
    if (!spec) throw new Error(`--only takes one of ${SURROGATE_TRAININGS.map((s) => s.runtime.name).join(', ')} (the classifier, the report screen and the anomaly model build only as shipped)`);
    if (args.version === undefined) throw new Error('--only needs --version N (the new version\'s number)');
    await buildSurrogate({
      ...spec, version: args.version, seed: args.seed ?? spec.seed, trainCases: args.trainCases ?? spec.trainCases,
      mlp: { ...spec.mlp, epochs: args.epochs ?? spec.mlp.epochs, seed: args.seed ?? spec.mlp.seed },
    }, args.modelsDir, console.log, { unchecked: args.unchecked });
    return;
  }
  const modelsDir = args.modelsDir;
  const manifest = await buildIncidentClassifier(modelsDir);
  console.log(formatConfusion(manifest.metrics.confusion));
  await buildReportScreen(modelsDir);
  for (const build of SURROGATE_BUILDS) await build(modelsDir);
  await buildSensorAnomaly(modelsDir);
  // The engine runs no model the release key did not sign (docs/models.md#signed-models): new bytes need a new signature.
  console.log('models written: sign them before the engine will run them (npm run models:sign, or safe-edge channel sign-models with the release key)');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => { console.error(err); process.exit(1); });
}
