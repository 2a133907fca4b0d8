// A physics surrogate as the inference core runs it: one feature row per case; an ensemble of hundreds
// of cases runs as one call. The physics stays the reference answer; the surrogate gives the spread.
import { ERROR_CODES, SafeError } from '../../../contract/errors.js';
import type { Precision } from '../../../inference/modelRepository.js';
import { loadedVersion, preloadModel, type InferenceCore, type LoadedModel, type ModelAdapter } from '../../../inference/inferenceCore.js';
import { featureMatrix, type SurrogateSpec } from './surrogateSpec.js';

export function surrogateAdapter<Case>(spec: SurrogateSpec<Case>, version?: number, precision?: Precision): ModelAdapter<Case, number> {
  return {
    name: spec.name,
    version,
    precision,
    warmupRows: [spec.warmupCase],
    // A row costs microseconds: large batches amortise the per-call overhead.
    maxBatch: 512,
    toFeeds(cases) {
      return { features: { type: 'float32', data: featureMatrix(spec, cases), dims: [cases.length, spec.featureCount] } };
    },
    fromOutputs(outputs, count) {
      const y = outputs[spec.outputName] as Float32Array;
      return Array.from({ length: count }, (_, i) => spec.fromTarget(y[i] as number));
    },
  };
}

export class SurrogateModel<Case> {
  private constructor(private readonly core: InferenceCore, private readonly adapter: ModelAdapter<Case, number>, readonly spec: SurrogateSpec<Case>, readonly model: LoadedModel, private readonly ownsCore: boolean) {}

  static async load<Case>(spec: SurrogateSpec<Case>, modelsDir: string, options: { version?: number; core?: InferenceCore; precision?: Precision } = {}): Promise<SurrogateModel<Case>> {
    const adapter = surrogateAdapter(spec, options.version, options.precision);
    const { core, model, ownsCore } = await preloadModel(modelsDir, adapter, options.core);
    const { features } = model.manifest;
    if (features.version !== spec.featureVersion || features.inputs !== spec.featureCount) {
      if (ownsCore) await core.release();
      throw new SafeError(ERROR_CODES.MODEL_MANIFEST_INVALID, `model ${spec.name} v${model.manifest.version} was built for other features than this engine uses`);
    }
    return new SurrogateModel(core, adapter, spec, model, ownsCore);
  }

  get version(): string { return loadedVersion(this.model); }
  /** How results name the model: name@version. */
  get label(): string { return `${this.spec.name}@${this.version}`; }

  async predict(cases: readonly Case[]): Promise<Float64Array> {
    return Float64Array.from(await this.core.runMany(this.adapter, [...cases]));
  }

  async release(): Promise<void> { if (this.ownsCore) await this.core.release(); }
}
