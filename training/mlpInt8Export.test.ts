// The int8 MLP export: close to fp32 on a smooth function, really 8-bit, byte-for-byte reproducible; and
// its speed against fp32 is measured by bench:inference, not here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as ort from 'onnxruntime-node';
import { createRandom } from '../engine/numeric/random.js';
import { trainMlp, type Mlp } from './mlpTrainer.js';
import { MLP_INPUT_NAME, exportMlpInt8Onnx } from './mlpInt8Export.js';
import { FLOAT, onnx, UINT8 } from './onnxGraph.js';
import { exportMlpOnnx } from './mlpExport.js';

const INPUTS = 11;
const OUTPUT = 'y';
const EXPORT = { version: 1, outputName: OUTPUT, graphName: 'test_mlp_int8', doc: 'test surrogate' };
// Gates on the int8 − fp32 difference, for a target of standard deviation ≈ 0.9: quantisation may add at
// most a quarter of the fp32 net's own RMS error against the function (so the combined error grows by
// at most √(1 + 0.25²) − 1 ≈ 3 %), and no single row may move by more than 0.05 (≈ 5 % of a standard
// deviation, below the fp32 net's own RMS error).
const MAX_RMS_DIFF_SHARE_OF_FP32_ERROR = 0.25;
const MAX_ABS_DIFF = 0.05;

/** A smooth function of 11 inputs in [−1, 1], seeded. */
function smoothCases(count: number, seed: number): { x: Float32Array; y: Float32Array } {
  const random = createRandom(seed);
  const x = Float32Array.from({ length: count * INPUTS }, () => random() * 2 - 1);
  const y = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const v = (k: number) => x[i * INPUTS + k] as number;
    y[i] = Math.sin(2 * v(0)) + v(1) * v(2) + 0.5 * Math.tanh(v(3) + v(4)) + 0.3 * v(5) ** 2 - 0.2 * v(6);
  }
  return { x, y };
}

/** The reference: the fp32 export the surrogates ship. */
const fp32Onnx = (m: Mlp): Uint8Array => exportMlpOnnx(m, 1, { graphName: 'test_mlp_fp32', outputName: OUTPUT, doc: 'test fp32 reference' });

async function predict(session: ort.InferenceSession, x: Float32Array, rows: number, from = 0): Promise<Float32Array> {
  const out = await session.run({ [MLP_INPUT_NAME]: new ort.Tensor('float32', x.slice(from * INPUTS, (from + rows) * INPUTS), [rows, INPUTS]) });
  return out[OUTPUT]?.data as Float32Array;
}

function diffStats(a: Float32Array, b: ArrayLike<number>): { maxAbs: number; rms: number } {
  let maxAbs = 0, sq = 0;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] as number) - (b[i] as number);
    maxAbs = Math.max(maxAbs, Math.abs(d));
    sq += d * d;
  }
  return { maxAbs, rms: Math.sqrt(sq / a.length) };
}

/** The hidden-48 net every test shares, trained once (≈ 3 s). */
const trainedMlp = (() => {
  let cached: Mlp | undefined;
  return () => {
    if (cached) return cached;
    const { x, y } = smoothCases(4_000, 1);
    return (cached = trainMlp(x, y, INPUTS, { hidden: 48, epochs: 15, learningRate: 0.003, batchSize: 64, seed: 7 }));
  };
})();

test('the int8 export stays within its error gate of fp32 on 2 000 held-out rows', async () => {
  const m = trainedMlp();
  const heldOut = smoothCases(2_000, 2);
  const fp32 = await ort.InferenceSession.create(fp32Onnx(m));
  const int8 = await ort.InferenceSession.create(exportMlpInt8Onnx(m, EXPORT));
  const yFp32 = await predict(fp32, heldOut.x, 2_000);
  const yInt8 = await predict(int8, heldOut.x, 2_000);
  const fp32Error = diffStats(yFp32, heldOut.y);
  const quantisation = diffStats(yInt8, yFp32);
  console.log(`int8 MLP (hidden 48): int8 − fp32 max ${quantisation.maxAbs.toFixed(4)}, RMS ${quantisation.rms.toFixed(4)}; fp32 − function RMS ${fp32Error.rms.toFixed(4)}`);
  assert.ok(fp32Error.rms < 0.15, `the fp32 net learnt the function (RMS error ${fp32Error.rms})`);
  assert.ok(quantisation.rms <= MAX_RMS_DIFF_SHARE_OF_FP32_ERROR * fp32Error.rms, `int8 adds RMS ${quantisation.rms}`);
  assert.ok(quantisation.maxAbs <= MAX_ABS_DIFF, `int8 moves a row by ${quantisation.maxAbs}`);
  assert.ok(quantisation.maxAbs > 1e-5, 'the int8 graph computes something other than the fp32 one');

  // DynamicQuantizeLinear takes one scale for the whole batch, so a row's answer depends a little on its
  // batch; tanh bounds layer 2's input, which keeps that dependence within the same gate.
  let alone = 0;
  for (let i = 0; i < 50; i++) alone = Math.max(alone, Math.abs(((await predict(int8, heldOut.x, 1, i))[0] as number) - (yInt8[i] as number)));
  console.log(`int8 MLP: a row run alone vs in the batch of 2 000 differs by at most ${alone.toFixed(4)}`);
  assert.ok(alone <= MAX_ABS_DIFF);
  await Promise.all([fp32.release(), int8.release()]);
});

test('the int8 export stores the hidden layer as 8-bit weights, is smaller, and is reproducible byte for byte', () => {
  const m = trainedMlp();
  const bytes = exportMlpInt8Onnx(m, EXPORT);
  assert.deepEqual(exportMlpInt8Onnx(m, EXPORT), bytes);
  const initializers = (b: Uint8Array) => onnx.ModelProto.decode(b).graph?.initializer ?? [];
  const weightBytes = (b: Uint8Array) => initializers(b).reduce((sum, t) => sum + (t.rawData?.length ?? 0), 0);
  const hiddenSquare = m.hidden * m.hidden;
  assert.ok(initializers(bytes).some((t) => t.dataType === UINT8 && t.rawData?.length === hiddenSquare), 'a uint8 initializer holds the hidden×hidden weights');
  assert.ok(!initializers(bytes).some((t) => t.dataType === FLOAT && (t.rawData?.length ?? 0) >= 4 * hiddenSquare), 'no fp32 copy of them remains');
  // 1 byte per hidden×hidden weight instead of 4, plus a 4-byte scale per column and a 1-byte zero point.
  assert.equal(weightBytes(bytes), weightBytes(fp32Onnx(m)) - 3 * hiddenSquare + 4 * m.hidden + 1);
});
