// The sensor-anomaly model as the inference core runs it: one feature row per judged reading (the window
// ending at it), a fault score out. A reading is a model finding when its score reaches the threshold the
// build calibrated and wrote into the manifest; readings with fewer than a window of history are not judged,
// nor readings older than the last JUDGED_READINGS_MAX.
import { ERROR_CODES, SafeError } from '../../contract/errors.js';
import type { Precision } from '../../inference/modelRepository.js';
import type { Sensor } from '../../contract/incident.js';
import { loadedVersion, preloadModel, type InferenceCore, type LoadedModel, type ModelAdapter } from '../../inference/inferenceCore.js';
import { ANOMALY_FEATURE_VERSION, ANOMALY_FEATURES, ANOMALY_WINDOW, writeAnomalyFeatures } from './anomalyFeatures.js';
import { sortedReadings, type ModelAnomaly } from './sensorTrends.js';

export const SENSOR_ANOMALY_MODEL_NAME = 'sensor-anomaly';
export const SENSOR_ANOMALY_OUTPUT = 'fault_score';
/** Rows per inference call: a long series is scored in a few calls, not one huge tensor. */
const ROWS_PER_CALL = 2048;
/** Readings judged per sensor: the most recent ones. The commander needs what is happening now, and scoring
 *  every reading of 100 sensors × 10 000 readings took 12 s; the robust z-score still covers the whole series. */
export const JUDGED_READINGS_MAX = 256;

export const sensorAnomalyAdapter = (version?: number, precision?: Precision): ModelAdapter<Float32Array, number> => ({
  name: SENSOR_ANOMALY_MODEL_NAME,
  version,
  precision,
  warmupRows: [new Float32Array(ANOMALY_FEATURES)],
  maxBatch: ROWS_PER_CALL,
  toFeeds(rows) {
    const x = new Float32Array(rows.length * ANOMALY_FEATURES);
    rows.forEach((row, i) => x.set(row, i * ANOMALY_FEATURES));
    return { features: { type: 'float32', data: x, dims: [rows.length, ANOMALY_FEATURES] } };
  },
  fromOutputs(outputs, count) {
    const y = outputs[SENSOR_ANOMALY_OUTPUT] as Float32Array;
    return Array.from({ length: count }, (_, i) => y[i] as number);
  },
});

export class SensorAnomalyModel {
  private constructor(private readonly core: InferenceCore, private readonly adapter: ModelAdapter<Float32Array, number>, readonly model: LoadedModel, readonly threshold: number, private readonly ownsCore: boolean) {}

  static async load(modelsDir: string, version?: number, core?: InferenceCore, precision?: Precision): Promise<SensorAnomalyModel> {
    const adapter = sensorAnomalyAdapter(version, precision);
    const { core: owned, model, ownsCore } = await preloadModel(modelsDir, adapter, core);
    const { features, metrics } = model.manifest;
    const refuse = async (message: string) => {
      if (ownsCore) await owned.release();
      return new SafeError(ERROR_CODES.MODEL_MANIFEST_INVALID, message);
    };
    if (features.version !== ANOMALY_FEATURE_VERSION || features.inputs !== ANOMALY_FEATURES || features.window !== ANOMALY_WINDOW) {
      throw await refuse(`model ${SENSOR_ANOMALY_MODEL_NAME} v${model.manifest.version} was built for other features than this engine uses`);
    }
    if (!metrics.anomaly) throw await refuse(`model ${SENSOR_ANOMALY_MODEL_NAME} v${model.manifest.version} has no calibrated threshold`);
    return new SensorAnomalyModel(owned, adapter, model, metrics.anomaly.threshold, ownsCore);
  }

  get version(): string { return loadedVersion(this.model); }

  /** Scores of readings first … n − 1 (index i of the result is reading first + i); `first` defaults to the
   *  first judgeable reading, ANOMALY_WINDOW − 1. */
  async scoreSeries(values: readonly number[], first = ANOMALY_WINDOW - 1): Promise<Float64Array> {
    const from0 = Math.max(first, ANOMALY_WINDOW - 1);
    const judged = Math.max(0, values.length - from0);
    const scores = new Float64Array(judged);
    for (let from = 0; from < judged; from += ROWS_PER_CALL) {
      const rows = Array.from({ length: Math.min(ROWS_PER_CALL, judged - from) }, (_, k) => {
        const row = new Float32Array(ANOMALY_FEATURES);
        writeAnomalyFeatures(values, from0 + from + k, row, 0);
        return row;
      });
      scores.set(await this.core.runMany(this.adapter, rows), from);
    }
    return scores;
  }

  /** The model's findings per sensor (same order as `sensors`), indexed like sortedReadings(sensor); only
   *  the last JUDGED_READINGS_MAX readings of each sensor are judged. */
  async findAnomalies(sensors: readonly Sensor[]): Promise<ModelAnomaly[][]> {
    const out: ModelAnomaly[][] = [];
    for (const sensor of sensors) {
      const values = sortedReadings(sensor).map((r) => r.value);
      const first = Math.max(ANOMALY_WINDOW - 1, values.length - JUDGED_READINGS_MAX);
      const scores = await this.scoreSeries(values, first);
      const found: ModelAnomaly[] = [];
      scores.forEach((score, k) => { if (score >= this.threshold) found.push({ index: first + k, score }); });
      out.push(found);
    }
    return out;
  }

  async release(): Promise<void> { if (this.ownsCore) await this.core.release(); }
}
