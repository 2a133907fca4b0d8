// Runs exported model bytes through onnxruntime the way the engine will, for build-time checks (parity with
// the trainer, accuracy of a quantised variant). One input `features` [rows, featureCount], one output.
import * as ort from 'onnxruntime-node';

/** The batch the engine runs these models in: an F-Agent ensemble, or a sensor's judged readings. */
export const ENSEMBLE_BATCH = 256;

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
