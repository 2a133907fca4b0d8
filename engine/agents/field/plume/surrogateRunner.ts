// Runs the shipped plume surrogate (ONNX) for many cases in one batch: how the F-Agent affords a
// 256-member ensemble per analysis. The physics stays the reference answer; the surrogate only gives
// the spread around it.
import * as ort from 'onnxruntime-node';
import { ERROR_CODES, SafeError } from '../../../contract/errors.js';
import { loadVerifiedModel, type VerifiedModel } from '../../../inference/modelRepository.js';
import { PLUME_SURROGATE_FEATURE_VERSION, PLUME_SURROGATE_FEATURES, targetToDistance, writePlumeFeatures, type PlumeCase } from './surrogateFeatures.js';

export const PLUME_SURROGATE_MODEL_NAME = 'plume-surrogate';

export class PlumeSurrogateModel {
  private constructor(private readonly session: ort.InferenceSession, readonly model: VerifiedModel) {}

  static async load(modelsDir: string, version?: number): Promise<PlumeSurrogateModel> {
    const model = loadVerifiedModel(modelsDir, PLUME_SURROGATE_MODEL_NAME, version);
    const { features } = model.manifest;
    if (features.version !== PLUME_SURROGATE_FEATURE_VERSION || features.inputs !== PLUME_SURROGATE_FEATURES) {
      throw new SafeError(ERROR_CODES.MODEL_MANIFEST_INVALID, `model ${PLUME_SURROGATE_MODEL_NAME} v${model.manifest.version} was built for other features than this engine uses`);
    }
    const session = await ort.InferenceSession.create(model.bytes, { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' });
    return new PlumeSurrogateModel(session, model);
  }

  get version(): string { return String(this.model.manifest.version); }

  async predictDistancesM(cases: readonly PlumeCase[]): Promise<Float64Array> {
    const x = new Float32Array(cases.length * PLUME_SURROGATE_FEATURES);
    cases.forEach((c, i) => writePlumeFeatures(c, x, i * PLUME_SURROGATE_FEATURES));
    const out = await this.session.run({ features: new ort.Tensor('float32', x, [cases.length, PLUME_SURROGATE_FEATURES]) });
    const y = out.log10_downwind_m?.data as Float32Array;
    return Float64Array.from(y, (v) => targetToDistance(v));
  }

  async release(): Promise<void> { await this.session.release(); }
}
