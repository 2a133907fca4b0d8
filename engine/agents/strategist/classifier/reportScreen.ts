// The report-screen model as the inference core runs it (training/reportScreen.ts builds it): the
// probability that a message is not an incident happening now. The same hashed n-grams as the classifier
// (textFeatures.ts), but each distinct feature weighs 1 however long the text, so a frame's few words
// ("jailed for", 讣告, "book review") count as much beside a quoted incident as alone. Optional: without it the
// reading step's rules screen alone (docs/taxonomy-and-severity.md, "Not an incident").
import { ERROR_CODES, SafeError } from '../../../contract/errors.js';
import type { Precision } from '../../../inference/modelRepository.js';
import { loadedVersion, preloadModel, type InferenceCore, type LoadedModel, type ModelAdapter } from '../../../inference/inferenceCore.js';
import type { InferencePriority } from '../../../inference/microBatcher.js';
import { FEATURE_SPEC, featureIds } from './textFeatures.js';
import { featureBagFeeds } from './incidentClassifier.js';

export const REPORT_SCREEN_MODEL_NAME = 'report-screen';
const LABELS = ['incident', 'not_incident'];

export const reportScreenAdapter = (version?: number, precision: Precision = 'fp32'): ModelAdapter<string, number> => ({
  name: REPORT_SCREEN_MODEL_NAME,
  version,
  precision,
  warmupRows: ['液氯槽罐车泄漏', 'Agenda for the flood planning meeting'],
  // A sum over the distinct features: each weighs 1.
  toFeeds: (texts) => featureBagFeeds(texts.map((t) => [...new Set(featureIds(t))]), () => 1),
  fromOutputs(outputs, count) {
    const probs = outputs.probabilities as Float32Array;
    return Array.from({ length: count }, (_, r) => probs[r * 2 + 1] as number);
  },
});

export class ReportScreenModel {
  private constructor(private readonly core: InferenceCore, private readonly adapter: ModelAdapter<string, number>, readonly model: LoadedModel, private readonly ownsCore: boolean) {}

  static async load(modelsDir: string, version?: number, core?: InferenceCore, precision: Precision = 'fp32'): Promise<ReportScreenModel> {
    const adapter = reportScreenAdapter(version, precision);
    const { core: owned, model, ownsCore } = await preloadModel(modelsDir, adapter, core);
    const { features, labels } = model.manifest;
    if (features.buckets !== FEATURE_SPEC.buckets || features.version !== FEATURE_SPEC.version || labels.join() !== LABELS.join()) {
      if (ownsCore) await owned.release();
      throw new SafeError(ERROR_CODES.MODEL_MANIFEST_INVALID, `model ${REPORT_SCREEN_MODEL_NAME} v${model.manifest.version} was built for other features or labels than this engine uses`);
    }
    return new ReportScreenModel(owned, adapter, model, ownsCore);
  }

  get version(): string { return loadedVersion(this.model); }

  /** P(not an incident happening now) for one message. */
  notIncidentProbability(text: string, priority: InferencePriority = 'interactive'): Promise<number> {
    return this.core.run(this.adapter, text, priority);
  }

  /** Many messages as one call (the update gate's evaluation, `npm run eval`). */
  async notIncidentProbabilities(texts: readonly string[]): Promise<number[]> {
    return texts.length === 0 ? [] : this.core.runMany(this.adapter, [...texts]);
  }

  async release(): Promise<void> { if (this.ownsCore) await this.core.release(); }
}
