// Runs exported model bytes through onnxruntime the way the engine will, for build-time checks (parity with
// the trainer, accuracy of a quantised variant). One input `features` [rows, featureCount], one output.
import * as ort from 'onnxruntime-node';
import { ENSEMBLE_MEMBERS } from '../engine/agents/field/surrogate/ensemble.js';
import { predictMlp, type Mlp } from './mlpTrainer.js';
import type { FeedTensor } from '../engine/inference/inferenceCore.js';

/** An engine adapter's feeds as onnxruntime tensors: build-time checks run a model exactly as the engine does. */
export const ortTensors = (feeds: Record<string, FeedTensor>): Record<string, ort.Tensor> =>
  Object.fromEntries(Object.entries(feeds).map(([name, f]) => [name, new ort.Tensor(f.type, f.data, f.dims)]));

/** The batch the engine runs these models in: an F-Agent ensemble (256; also a sensor's judged readings). */
export const ENSEMBLE_BATCH = ENSEMBLE_MEMBERS;

/** Runs `bytes` over `x` in batches of `batchRows`; returns the flat output. */
export async function predictOnnx(bytes: Uint8Array, outputName: string, x: Float32Array, featureCount: number, batchRows = Number.MAX_SAFE_INTEGER): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(bytes);
  const rows = x.length / featureCount;
  const out = new Float32Array(rows);
  for (let from = 0; from < rows; from += batchRows) {
    const n = Math.min(batchRows, rows - from);
    const result = await session.run({ features: new ort.Tensor('float32', x.slice(from * featureCount, (from + n) * featureCount), [n, featureCount]) });
    out.set(result[outputName]?.data as Float32Array, from);
  }
  await session.release();
  return out;
}

/** Largest difference between onnxruntime running the exported fp32 bytes and the trainer's own
 *  prediction, over `rows` rows of `x`; the export is refused above 1e-4. */
export async function mlpOnnxParity(bytes: Uint8Array, mlp: Mlp, outputName: string, x: Float32Array, featureCount: number, rows: number): Promise<number> {
  const sample = x.slice(0, rows * featureCount);
  const onnx = await predictOnnx(bytes, outputName, sample, featureCount);
  const parity = onnx.reduce((worst, v, i) => Math.max(worst, Math.abs(v - predictMlp(mlp, sample, i * featureCount))), 0);
  if (parity > 1e-4) throw new Error(`${outputName}: the ONNX export disagrees with the trained network by ${parity}`);
  return parity;
}
