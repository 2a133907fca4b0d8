// The plume surrogate as the inference core runs it: one feature row per case; an ensemble of hundreds
// of cases runs as one call. The physics stays the reference answer; the surrogate gives the spread.
import { ERROR_CODES, SafeError } from '../../../contract/errors.js';
import type { VerifiedModel } from '../../../inference/modelRepository.js';
import { preloadModel, type InferenceCore, type ModelAdapter } from '../../../inference/inferenceCore.js';
import { PLUME_SURROGATE_FEATURE_VERSION, PLUME_SURROGATE_FEATURES, targetToDistance, writePlumeFeatures, type PlumeCase } from './surrogateFeatures.js';

export const PLUME_SURROGATE_MODEL_NAME = 'plume-surrogate';

export const plumeSurrogateAdapter = (version?: number): ModelAdapter<PlumeCase, number> => ({
  name: PLUME_SURROGATE_MODEL_NAME,
  version,
  warmupRows: [{ rateKgPerS: 1, windSpeedMps: 3, heightM: 0, stability: 'D', terrain: 'rural', thresholdMgPerM3: 6 }],
  // A row costs microseconds: large batches amortise the per-call overhead.
  maxBatch: 512,
  toFeeds(cases) {
    const x = new Float32Array(cases.length * PLUME_SURROGATE_FEATURES);
    cases.forEach((c, i) => writePlumeFeatures(c, x, i * PLUME_SURROGATE_FEATURES));
    return { features: { type: 'float32', data: x, dims: [cases.length, PLUME_SURROGATE_FEATURES] } };
  },
  fromOutputs(outputs, count) {
    const y = outputs.log10_downwind_m as Float32Array;
    return Array.from({ length: count }, (_, i) => targetToDistance(y[i] as number));
  },
});

export class PlumeSurrogateModel {
  private constructor(private readonly core: InferenceCore, private readonly adapter: ModelAdapter<PlumeCase, number>, readonly model: VerifiedModel, private readonly ownsCore: boolean) {}

  static async load(modelsDir: string, version?: number, core?: InferenceCore): Promise<PlumeSurrogateModel> {
    const adapter = plumeSurrogateAdapter(version);
    const { core: owned, model, ownsCore } = await preloadModel(modelsDir, adapter, core);
    const { features } = model.manifest;
    if (features.version !== PLUME_SURROGATE_FEATURE_VERSION || features.inputs !== PLUME_SURROGATE_FEATURES) {
      throw new SafeError(ERROR_CODES.MODEL_MANIFEST_INVALID, `model ${PLUME_SURROGATE_MODEL_NAME} v${model.manifest.version} was built for other features than this engine uses`);
    }
    return new PlumeSurrogateModel(owned, adapter, model, ownsCore);
  }

  get version(): string { return String(this.model.manifest.version); }

  async predictDistancesM(cases: readonly PlumeCase[]): Promise<Float64Array> {
    return Float64Array.from(await this.core.runMany(this.adapter, [...cases]));
  }

  async release(): Promise<void> { if (this.ownsCore) await this.core.release(); }
}
