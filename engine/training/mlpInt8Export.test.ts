// The int8 MLP export: close to fp32 on a smooth function, really 8-bit, byte-for-byte reproducible; and
// its speed against fp32, printed for batch 1 and 512 at widths 48, 64 and 128 under two session setups.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as ort from 'onnxruntime-node';
import { createRandom } from '../numeric/random.js';
import { trainMlp, type Mlp } from './mlpTrainer.js';
import { MLP_INPUT_NAME, exportMlpInt8Onnx } from './mlpInt8Export.js';
import { encodeModel, FLOAT, floatTensor, node, onnx, UINT8, valueInfo } from './onnxGraph.js';

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

/** The reference fp32 graph, written here so the comparison does not depend on the code under test. */
function fp32Onnx(m: Mlp): Uint8Array {
  return encodeModel(onnx.GraphProto.create({
    name: 'test_mlp_fp32',
    initializer: [
      floatTensor('w1', [m.inputs, m.hidden], m.w1), floatTensor('b1', [m.hidden], m.b1),
      floatTensor('w2', [m.hidden, m.hidden], m.w2), floatTensor('b2', [m.hidden], m.b2),
      floatTensor('w3', [m.hidden, 1], m.w3), floatTensor('b3', [1], m.b3),
    ],
    node: [
      node('MatMul', [MLP_INPUT_NAME, 'w1'], ['z1'], 'layer1'), node('Add', ['z1', 'b1'], ['a1'], 'bias1'), node('Tanh', ['a1'], ['h1'], 'act1'),
      node('MatMul', ['h1', 'w2'], ['z2'], 'layer2'), node('Add', ['z2', 'b2'], ['a2'], 'bias2'), node('Tanh', ['a2'], ['h2'], 'act2'),
      node('MatMul', ['h2', 'w3'], ['z3'], 'layer3'), node('Add', ['z3', 'b3'], [OUTPUT], 'bias3'),
    ],
    input: [valueInfo(MLP_INPUT_NAME, FLOAT, ['batch', m.inputs])],
    output: [valueInfo(OUTPUT, FLOAT, ['batch', 1])],
  }), 1, 'test fp32 reference');
}

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

/** Median microseconds per run of each session, alternating which runs first so drift hits both alike. */
async function pairedMedianUs(a: ort.InferenceSession, b: ort.InferenceSession, x: Float32Array, rows: number, runs: number): Promise<[number, number]> {
  const feed = { [MLP_INPUT_NAME]: new ort.Tensor('float32', x.slice(0, rows * INPUTS), [rows, INPUTS]) };
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs + 20; i++) {
    for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) {
      const start = process.hrtime.bigint();
      await (k === 0 ? a : b).run(feed);
      if (i >= 20) times[k]?.push(Number(process.hrtime.bigint() - start) / 1_000);
    }
  }
  const median = (t: number[]) => t.sort((p, q) => p - q)[t.length >> 1] as number;
  return [median(times[0]), median(times[1])];
}

test('timing of fp32 vs int8 at batch 1 and 512 (printed for the record; speed is not gated)', async () => {
  const x = smoothCases(512, 3).x;
  const setups: Array<[string, ort.InferenceSession.SessionOptions]> = [['default', {}], ['all, 1 thread', { graphOptimizationLevel: 'all', intraOpNumThreads: 1 }]];
  for (const hidden of [48, 64, 128]) {
    // Run time does not depend on the weights' values, so the wider nets are timed untrained (epochs 0).
    const m = hidden === 48 ? trainedMlp() : trainMlp(x, new Float32Array(512), INPUTS, { hidden, epochs: 0, learningRate: 0, batchSize: 64, seed: 7 });
    for (const [label, options] of setups) {
      const fp32 = await ort.InferenceSession.create(fp32Onnx(m), options);
      const int8 = await ort.InferenceSession.create(exportMlpInt8Onnx(m, EXPORT), options);
      assert.ok(diffStats(await predict(int8, x, 512), await predict(fp32, x, 512)).maxAbs <= MAX_ABS_DIFF, `hidden ${hidden}: int8 agrees with fp32`);
      const cells: string[] = [];
      for (const rows of [1, 512]) {
        const [fp32Us, int8Us] = await pairedMedianUs(fp32, int8, x, rows, 200);
        cells.push(`batch ${rows}: fp32 ${fp32Us.toFixed(1)} µs, int8 ${int8Us.toFixed(1)} µs, int8 speed-up ×${(fp32Us / int8Us).toFixed(2)}`);
      }
      console.log(`int8 MLP timing, hidden ${hidden}, session ${label}: ${cells.join('; ')}`);
      await Promise.all([fp32.release(), int8.release()]);
    }
  }
});
