// Runs the shipped incident classifier in onnxruntime-node. Takes a batch of reports so that callers
// that have several (a JSONL file, a benchmark) pay the per-call overhead once.
import * as ort from 'onnxruntime-node';
import { INCIDENT_TYPES, type IncidentType } from '../../../contract/taxonomy.js';
import { ERROR_CODES, SafeError } from '../../../contract/errors.js';
import { loadVerifiedModel, type VerifiedModel } from '../../../inference/modelRepository.js';
import { FEATURE_SPEC, featureIds } from './textFeatures.js';

export const CLASSIFIER_MODEL_NAME = 'incident-classifier';
export type TypeScores = Record<IncidentType, number>;

export class IncidentClassifier {
  private constructor(private readonly session: ort.InferenceSession, readonly model: VerifiedModel) {}

  static async load(modelsDir: string, version?: number): Promise<IncidentClassifier> {
    const model = loadVerifiedModel(modelsDir, CLASSIFIER_MODEL_NAME, version);
    const { features, labels } = model.manifest;
    if (features.buckets !== FEATURE_SPEC.buckets || features.version !== FEATURE_SPEC.version || labels.join() !== INCIDENT_TYPES.join()) {
      throw new SafeError(ERROR_CODES.MODEL_MANIFEST_INVALID, `model ${CLASSIFIER_MODEL_NAME} v${model.manifest.version} was built for other features or labels than this engine uses`);
    }
    // One intra-op thread: parallelism comes from the worker pool, not from inside a tiny model.
    const session = await ort.InferenceSession.create(model.bytes, { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' });
    return new IncidentClassifier(session, model);
  }

  get version(): string { return String(this.model.manifest.version); }

  async classify(texts: readonly string[]): Promise<TypeScores[]> {
    if (texts.length === 0) return [];
    const rows = texts.map((t) => featureIds(t));
    const width = Math.max(1, ...rows.map((r) => r.length));
    const ids = new BigInt64Array(texts.length * width);
    const weights = new Float32Array(texts.length * width);
    rows.forEach((row, r) => row.forEach((id, j) => {
      ids[r * width + j] = BigInt(id);
      weights[r * width + j] = 1 / row.length;
    }));
    const output = await this.session.run({
      feature_ids: new ort.Tensor('int64', ids, [texts.length, width]),
      feature_weights: new ort.Tensor('float32', weights, [texts.length, width]),
    });
    const probs = output.probabilities?.data as Float32Array;
    return rows.map((_, r) => Object.fromEntries(INCIDENT_TYPES.map((type, c) => [type, probs[r * INCIDENT_TYPES.length + c] as number])) as TypeScores);
  }

  async release(): Promise<void> { await this.session.release(); }
}
