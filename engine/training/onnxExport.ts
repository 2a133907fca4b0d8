// Writes the trained linear-bag classifier as a real ONNX model (opset 13) with onnx-proto, so that
// inference runs in onnxruntime-node without Python. Graph: Gather(embedding, ids) · weights → ReduceSum
// over features (a weighted mean, weights = 1/n, 0 for padding) → MatMul + Add → Softmax.
import onnxProto from 'onnx-proto';
import type { LinearBagModel } from './fastTextTrainer.js';

const { onnx } = onnxProto;
const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;

export const CLASSIFIER_IO = {
  inputs: [
    { name: 'feature_ids', dtype: 'int64', shape: ['batch', 'features'] },
    { name: 'feature_weights', dtype: 'float32', shape: ['batch', 'features'] },
  ],
  outputs: [{ name: 'probabilities', dtype: 'float32', shape: ['batch', 'classes'] }],
} as const;

function floatTensor(name: string, dims: number[], data: Float32Array) {
  // Explicit little-endian bytes: the same weights always serialise to the same file.
  const bytes = new Uint8Array(data.length * 4);
  const view = new DataView(bytes.buffer);
  data.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return onnx.TensorProto.create({ name, dims, dataType: FLOAT, rawData: bytes });
}

function valueInfo(name: string, elemType: number, dims: Array<string | number>) {
  return onnx.ValueInfoProto.create({
    name,
    type: { tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) } } },
  });
}

export function exportLinearBagOnnx(model: LinearBagModel, labels: readonly string[], modelVersion: number): Uint8Array {
  const graph = onnx.GraphProto.create({
    name: 'incident_classifier',
    initializer: [
      floatTensor('embedding', [model.buckets, model.dim], model.embedding),
      floatTensor('head_weight', [model.dim, model.classes], model.headWeight),
      floatTensor('head_bias', [model.classes], model.headBias),
      onnx.TensorProto.create({ name: 'axis_features', dims: [1], dataType: INT64, int64Data: [1] }),
      onnx.TensorProto.create({ name: 'axis_last', dims: [1], dataType: INT64, int64Data: [2] }),
    ],
    node: [
      onnx.NodeProto.create({ opType: 'Gather', input: ['embedding', 'feature_ids'], output: ['feature_vectors'], name: 'lookup' }),
      onnx.NodeProto.create({ opType: 'Unsqueeze', input: ['feature_weights', 'axis_last'], output: ['weights_3d'], name: 'weights_to_3d' }),
      onnx.NodeProto.create({ opType: 'Mul', input: ['feature_vectors', 'weights_3d'], output: ['weighted_vectors'], name: 'weight' }),
      onnx.NodeProto.create({
        opType: 'ReduceSum', input: ['weighted_vectors', 'axis_features'], output: ['report_vector'], name: 'mean_pool',
        attribute: [onnx.AttributeProto.create({ name: 'keepdims', type: onnx.AttributeProto.AttributeType.INT, i: 0 })],
      }),
      onnx.NodeProto.create({ opType: 'MatMul', input: ['report_vector', 'head_weight'], output: ['logits_raw'], name: 'head' }),
      onnx.NodeProto.create({ opType: 'Add', input: ['logits_raw', 'head_bias'], output: ['logits'], name: 'bias' }),
      onnx.NodeProto.create({
        opType: 'Softmax', input: ['logits'], output: ['probabilities'], name: 'softmax',
        attribute: [onnx.AttributeProto.create({ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: -1 })],
      }),
    ],
    input: [valueInfo('feature_ids', INT64, ['batch', 'features']), valueInfo('feature_weights', FLOAT, ['batch', 'features'])],
    output: [valueInfo('probabilities', FLOAT, ['batch', model.classes])],
  });
  const modelProto = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'safe-edge',
    producerVersion: String(modelVersion),
    docString: `labels: ${labels.join(',')}`,
    opsetImport: [{ domain: '', version: 13 }],
    graph,
  });
  return onnx.ModelProto.encode(modelProto).finish();
}
