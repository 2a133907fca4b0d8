// Writes the trained linear-bag classifier as a real ONNX model (opset 13), so that inference runs in
// onnxruntime-node without Python. Graph: Gather(embedding, ids) · weights → ReduceSum over features
// (a weighted mean, weights = 1/n, 0 for padding) → MatMul + Add → Softmax.
import type { LinearBagModel } from './fastTextTrainer.js';
import { encodeModel, FLOAT, floatTensor, INT64, int64Tensor, node, onnx, valueInfo } from './onnxGraph.js';

export const CLASSIFIER_IO = {
  inputs: [
    { name: 'feature_ids', dtype: 'int64', shape: ['batch', 'features'] },
    { name: 'feature_weights', dtype: 'float32', shape: ['batch', 'features'] },
  ],
  outputs: [{ name: 'probabilities', dtype: 'float32', shape: ['batch', 'classes'] }],
} as const;

export function exportLinearBagOnnx(model: LinearBagModel, labels: readonly string[], modelVersion: number): Uint8Array {
  const graph = onnx.GraphProto.create({
    name: 'incident_classifier',
    initializer: [
      floatTensor('embedding', [model.buckets, model.dim], model.embedding),
      floatTensor('head_weight', [model.dim, model.classes], model.headWeight),
      floatTensor('head_bias', [model.classes], model.headBias),
      int64Tensor('axis_features', [1]),
      int64Tensor('axis_last', [2]),
    ],
    node: [
      node('Gather', ['embedding', 'feature_ids'], ['feature_vectors'], 'lookup'),
      node('Unsqueeze', ['feature_weights', 'axis_last'], ['weights_3d'], 'weights_to_3d'),
      node('Mul', ['feature_vectors', 'weights_3d'], ['weighted_vectors'], 'weight'),
      node('ReduceSum', ['weighted_vectors', 'axis_features'], ['report_vector'], 'mean_pool', { keepdims: 0 }),
      node('MatMul', ['report_vector', 'head_weight'], ['logits_raw'], 'head'),
      node('Add', ['logits_raw', 'head_bias'], ['logits'], 'bias'),
      node('Softmax', ['logits'], ['probabilities'], 'softmax', { axis: -1 }),
    ],
    input: [valueInfo('feature_ids', INT64, ['batch', 'features']), valueInfo('feature_weights', FLOAT, ['batch', 'features'])],
    output: [valueInfo('probabilities', FLOAT, ['batch', model.classes])],
  });
  return encodeModel(graph, modelVersion, `labels: ${labels.join(',')}`);
}
