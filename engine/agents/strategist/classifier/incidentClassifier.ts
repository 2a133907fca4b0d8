// The incident classifier as the inference core runs it: reports become hashed n-gram ids and weights,
// one row each; single reports from the pipeline are micro-batched by the core, batches run as one call.
import { INCIDENT_TYPES, type IncidentType } from '../../../contract/taxonomy.js';
import { ERROR_CODES, SafeError } from '../../../contract/errors.js';
import type { Precision } from '../../../inference/modelRepository.js';
import { loadedVersion, preloadModel, type FeedTensor, type InferenceCore, type LoadedModel, type ModelAdapter } from '../../../inference/inferenceCore.js';
import type { InferencePriority } from '../../../inference/microBatcher.js';
import { FEATURE_SPEC, featureIds } from './textFeatures.js';

export const CLASSIFIER_MODEL_NAME = 'incident-classifier';
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
export type TypeScores = Record<IncidentType, number>;

/** The two inputs of a bag-of-features graph (onnxExport.ts): each row's feature ids, padded to the widest row, and each
 *  feature's weight (0 for padding). The classifier weighs a feature 1/n (a mean), the report screen 1 (a sum). */
export function featureBagFeeds(rows: readonly (readonly number[])[], weightOf: (row: readonly number[]) => number): Record<'feature_ids' | 'feature_weights', FeedTensor> {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const ids = new BigInt64Array(rows.length * width);
  // Ids are small non-negative integers (< buckets): on a little-endian machine (every platform
  // onnxruntime-node ships for) each is written as the low 32 bits of its int64, skipping a BigInt per feature.
  const idWords = new Int32Array(ids.buffer);
  const weights = new Float32Array(rows.length * width);
  rows.forEach((row, r) => {
    const weight = weightOf(row);
    for (let j = 0; j < row.length; j++) {
      if (LITTLE_ENDIAN) idWords[2 * (r * width + j)] = row[j] as number;
      else ids[r * width + j] = BigInt(row[j] as number);
      weights[r * width + j] = weight;
    }
  });
  return {
    feature_ids: { type: 'int64', data: ids, dims: [rows.length, width] },
    feature_weights: { type: 'float32', data: weights, dims: [rows.length, width] },
  };
}

export const classifierAdapter = (version?: number, precision: Precision = 'fp32'): ModelAdapter<string, TypeScores> => ({
  name: CLASSIFIER_MODEL_NAME,
  version,
  precision,
  warmupRows: ['液氯槽罐车泄漏', 'levee breach, water rising'],
  // A mean over the features: each weighs 1/n.
  toFeeds: (texts) => featureBagFeeds(texts.map((t) => featureIds(t)), (row) => 1 / row.length),
  fromOutputs(outputs, count) {
    const probs = outputs.probabilities as Float32Array;
    return Array.from({ length: count }, (_, r) => Object.fromEntries(INCIDENT_TYPES.map((type, c) => [type, probs[r * INCIDENT_TYPES.length + c] as number])) as TypeScores);
  },
});

export class IncidentClassifier {
  private constructor(private readonly core: InferenceCore, private readonly adapter: ModelAdapter<string, TypeScores>, readonly model: LoadedModel, private readonly ownsCore: boolean) {}

  /** Verifies and warms the model in `core` (or a private core) before any request arrives. */
  static async load(modelsDir: string, version?: number, core?: InferenceCore, precision: Precision = 'fp32'): Promise<IncidentClassifier> {
    const adapter = classifierAdapter(version, precision);
    const { core: owned, model, ownsCore } = await preloadModel(modelsDir, adapter, core);
    const { features, labels } = model.manifest;
    if (features.buckets !== FEATURE_SPEC.buckets || features.version !== FEATURE_SPEC.version || labels.join() !== INCIDENT_TYPES.join()) {
      throw new SafeError(ERROR_CODES.MODEL_MANIFEST_INVALID, `model ${CLASSIFIER_MODEL_NAME} v${model.manifest.version} was built for other features or labels than this engine uses`);
    }
    return new IncidentClassifier(owned, adapter, model, ownsCore);
  }

  get version(): string { return loadedVersion(this.model); }

  /** One report through the micro-batcher (the pipeline's case). */
  classifyOne(text: string, priority: InferencePriority = 'interactive'): Promise<TypeScores> {
    return this.core.run(this.adapter, text, priority);
  }

  /** Many reports as one call (evaluation, batch files). */
  async classify(texts: readonly string[]): Promise<TypeScores[]> {
    return texts.length === 0 ? [] : this.core.runMany(this.adapter, [...texts]);
  }

  async release(): Promise<void> { if (this.ownsCore) await this.core.release(); }
}
