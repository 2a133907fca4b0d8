// The int8 variant of a small MLP surrogate, dynamically quantised with standard ONNX operators (opset 13):
// the hidden×hidden layer's weights are stored as 8-bit integers and its input is quantised at run time.
//
//   DynamicQuantizeLinear(h1) → h1_q (uint8), s_a, zp_a   with s_a = (max(0, max h1) − min(0, min h1)) / 255
//   MatMulInteger(h1_q, w2_q, zp_a, 128) → Σ (h1_q − zp_a)(w2_q − 128)   (int32; both zero points subtracted)
//   Cast → float, × (s_a · s_w[col]) → z2                                  (per-column scales applied after the op)
//
// Choices, each measured with onnxruntime-node 1.30 on an AVX2 CPU without VNNI (mlpInt8Export.test.ts):
// - Weights are uint8 around a zero point of 128 (u8 × u8), not int8: MLAS's u8 × s8 kernel sums pairs of
//   products in int16 without VNNI and saturates — full-range int8 weights gave 0.14 max (0.032 RMS) error
//   against fp32 on a target of std 0.9 where u8 × u8 gives 0.013 (0.003 RMS).
// - Only layer 2 is quantised. Its input is a tanh output, so the run-time activation scale stays near
//   2/255 whatever the batch; layer 1 sees raw features of unlike ranges sharing one per-tensor scale, and
//   layer 3 (hidden×1) adds error and an extra quantisation step for a few dozen weights. Quantising
//   layers 1 and 2 doubled the max error (0.023) for no measurable speed gain.
// ORT fuses the quantised chain (and the bias) into DynamicQuantizeMatMul; at these widths the run time is
// dominated by per-call overhead, so the variant is smaller, not faster.
import type { Mlp } from './mlpTrainer.js';
import { encodeModel, FLOAT, floatTensor, node, onnx, uint8Tensor, valueInfo } from './onnxGraph.js';

export interface MlpInt8ExportOptions { version: number; outputName: string; graphName: string; doc: string }

export const MLP_INPUT_NAME = 'features';
/** Weights are stored as q + 128 with |q| ≤ 127, so 128 is the zero point every column shares. */
export const WEIGHT_ZERO_POINT = 128;

/** Symmetric per-column quantisation: w[r, c] ≈ (q[r, c] − 128) · scale[c]. */
export function quantizeColumnsU8(w: Float32Array, rows: number, cols: number): { q: Uint8Array; scale: Float32Array } {
  const q = new Uint8Array(rows * cols);
  const scale = new Float32Array(cols);
  for (let c = 0; c < cols; c++) {
    let max = 0;
    for (let r = 0; r < rows; r++) max = Math.max(max, Math.abs(w[r * cols + c] as number));
    const s = max > 0 ? max / 127 : 1;
    scale[c] = s;
    for (let r = 0; r < rows; r++) q[r * cols + c] = WEIGHT_ZERO_POINT + Math.round((w[r * cols + c] as number) / (scale[c] as number));
  }
  return { q, scale };
}

export function exportMlpInt8Onnx(m: Mlp, options: MlpInt8ExportOptions): Uint8Array {
  const { q, scale } = quantizeColumnsU8(m.w2, m.hidden, m.hidden);
  const graph = onnx.GraphProto.create({
    name: options.graphName,
    initializer: [
      floatTensor('w1', [m.inputs, m.hidden], m.w1), floatTensor('b1', [m.hidden], m.b1),
      uint8Tensor('w2_q', [m.hidden, m.hidden], q), uint8Tensor('w2_zero_point', [], Uint8Array.of(WEIGHT_ZERO_POINT)),
      floatTensor('w2_scale', [m.hidden], scale), floatTensor('b2', [m.hidden], m.b2),
      floatTensor('w3', [m.hidden, 1], m.w3), floatTensor('b3', [1], m.b3),
    ],
    node: [
      node('MatMul', [MLP_INPUT_NAME, 'w1'], ['z1'], 'layer1'), node('Add', ['z1', 'b1'], ['a1'], 'bias1'), node('Tanh', ['a1'], ['h1'], 'act1'),
      node('DynamicQuantizeLinear', ['h1'], ['h1_q', 'h1_scale', 'h1_zero_point'], 'quantize2'),
      node('MatMulInteger', ['h1_q', 'w2_q', 'h1_zero_point', 'w2_zero_point'], ['z2_int32'], 'layer2'),
      node('Cast', ['z2_int32'], ['z2_q'], 'to_float2', { to: FLOAT }),
      // The scalar activation scale times each column's weight scale, broadcast over the batch.
      node('Mul', ['h1_scale', 'w2_scale'], ['z2_scale'], 'scales2'), node('Mul', ['z2_q', 'z2_scale'], ['z2'], 'dequantize2'),
      node('Add', ['z2', 'b2'], ['a2'], 'bias2'), node('Tanh', ['a2'], ['h2'], 'act2'),
      node('MatMul', ['h2', 'w3'], ['z3'], 'layer3'), node('Add', ['z3', 'b3'], [options.outputName], 'bias3'),
    ],
    input: [valueInfo(MLP_INPUT_NAME, FLOAT, ['batch', m.inputs])],
    output: [valueInfo(options.outputName, FLOAT, ['batch', 1])],
  });
  return encodeModel(graph, options.version, options.doc);
}
