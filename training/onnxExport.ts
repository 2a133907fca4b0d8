// Writes the trained linear-bag classifier as a real ONNX model (opset 13), so that inference runs in
// onnxruntime-node without Python. Graph: Gather(embedding, ids) · weights → ReduceSum over features
// (a weighted mean, weights = 1/n, 0 for padding) → MatMul + Add → Softmax.
import type { LinearBagModel } from './fastTextTrainer.js';
import { encodeModel, FLOAT, floatTensor, INT64, int64Tensor, int8Tensor, node, onnx, valueInfo } from './onnxGraph.js';

export const CLASSIFIER_IO = {
  inputs: [
    { name: 'feature_ids', dtype: 'int64', shape: ['batch', 'features'] },
    { name: 'feature_weights', dtype: 'float32', shape: ['batch', 'features'] },
  ],
  outputs: [{ name: 'probabilities', dtype: 'float32', shape: ['batch', 'classes'] }],
} as const;

/** The part both precisions share: weighted mean over features, linear head, softmax; inputs and output. */
function meanPoolHead(model: LinearBagModel) {
  return {
    initializer: [
      floatTensor('head_weight', [model.dim, model.classes], model.headWeight),
      floatTensor('head_bias', [model.classes], model.headBias),
      int64Tensor('axis_features', [1]),
      int64Tensor('axis_last', [2]),
    ],
    node: [
      node('Mul', ['feature_vectors', 'weights_3d'], ['weighted_vectors'], 'weight'),
      node('ReduceSum', ['weighted_vectors', 'axis_features'], ['report_vector'], 'mean_pool', { keepdims: 0 }),
      node('MatMul', ['report_vector', 'head_weight'], ['logits_raw'], 'head'),
      node('Add', ['logits_raw', 'head_bias'], ['logits'], 'bias'),
      node('Softmax', ['logits'], ['probabilities'], 'softmax', { axis: -1 }),
    ],
    input: [valueInfo('feature_ids', INT64, ['batch', 'features']), valueInfo('feature_weights', FLOAT, ['batch', 'features'])],
    output: [valueInfo('probabilities', FLOAT, ['batch', model.classes])],
  };
}

export function exportLinearBagOnnx(model: LinearBagModel, labels: readonly string[], modelVersion: number): Uint8Array {
  const head = meanPoolHead(model);
  const graph = onnx.GraphProto.create({
    name: 'incident_classifier',
    initializer: [floatTensor('embedding', [model.buckets, model.dim], model.embedding), ...head.initializer],
    node: [
      node('Gather', ['embedding', 'feature_ids'], ['feature_vectors'], 'lookup'),
      node('Unsqueeze', ['feature_weights', 'axis_last'], ['weights_3d'], 'weights_to_3d'),
      ...head.node,
    ],
    input: head.input,
    output: head.output,
  });
  return encodeModel(graph, modelVersion, `labels: ${labels.join(',')}`);
}

/** Symmetric per-row int8 quantisation of the embedding table: row r ≈ q[r] · scale[r], |q| ≤ 127. */
export function quantizeRows(table: Float32Array, rows: number, dim: number): { q: Int8Array; scale: Float32Array } {
  const q = new Int8Array(rows * dim);
  const scale = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let d = 0; d < dim; d++) max = Math.max(max, Math.abs(table[r * dim + d] as number));
    const s = max > 0 ? max / 127 : 1;
    scale[r] = s;
    for (let d = 0; d < dim; d++) q[r * dim + d] = Math.round((table[r * dim + d] as number) / s);
  }
  return { q, scale };
}

/** The int8 variant: the embedding table (99 % of the weights) stored as int8 with a scale per row,
 *  dequantised after the lookup — 4× smaller; the head stays fp32. */
export function exportLinearBagInt8Onnx(model: LinearBagModel, labels: readonly string[], modelVersion: number): Uint8Array {
  const { q, scale } = quantizeRows(model.embedding, model.buckets, model.dim);
  const head = meanPoolHead(model);
  const graph = onnx.GraphProto.create({
    name: 'incident_classifier_int8',
    initializer: [int8Tensor('embedding_q', [model.buckets, model.dim], q), floatTensor('embedding_scale', [model.buckets], scale), ...head.initializer],
    node: [
      node('Gather', ['embedding_q', 'feature_ids'], ['q_vectors'], 'lookup'),
      node('Cast', ['q_vectors'], ['feature_vectors'], 'to_float', { to: FLOAT }),
      // The per-row scale folds into the feature weight: (q · s) · w = q · (s · w).
      node('Gather', ['embedding_scale', 'feature_ids'], ['row_scales'], 'lookup_scales'),
      node('Mul', ['feature_weights', 'row_scales'], ['scaled_weights'], 'scale_weights'),
      node('Unsqueeze', ['scaled_weights', 'axis_last'], ['weights_3d'], 'weights_to_3d'),
      ...head.node,
    ],
    input: head.input,
    output: head.output,
  });
  return encodeModel(graph, modelVersion, `int8 embedding; labels: ${labels.join(',')}`);
}

/** An int8 variant with one scale for the whole table, folded into the head (logits are linear in the
 *  embedding): for a one-wide table (the report screen's weights) a scale per row would weigh four bytes a
 *  row, more than the fp32 value it scales. */
export function exportLinearBagInt8PerTensorOnnx(model: LinearBagModel, labels: readonly string[], modelVersion: number): Uint8Array {
  let max = 0;
  for (const v of model.embedding) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? max / 127 : 1;
  const q = new Int8Array(model.embedding.length);
  for (let i = 0; i < q.length; i++) q[i] = Math.round((model.embedding[i] as number) / scale);
  const head = meanPoolHead({ ...model, headWeight: model.headWeight.map((w) => w * scale) });
  const graph = onnx.GraphProto.create({
    name: 'linear_bag_int8_per_tensor',
    initializer: [int8Tensor('embedding_q', [model.buckets, model.dim], q), ...head.initializer],
    node: [
      node('Gather', ['embedding_q', 'feature_ids'], ['q_vectors'], 'lookup'),
      node('Cast', ['q_vectors'], ['feature_vectors'], 'to_float', { to: FLOAT }),
      node('Unsqueeze', ['feature_weights', 'axis_last'], ['weights_3d'], 'weights_to_3d'),
      ...head.node,
    ],
    input: head.input,
    output: head.output,
  });
  return encodeModel(graph, modelVersion, `int8 embedding, one scale; labels: ${labels.join(',')}`);
}
