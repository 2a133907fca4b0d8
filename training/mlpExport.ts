// Writes a trained regression MLP (inputs → tanh → tanh → 1) as an ONNX graph: MatMul + Add + Tanh,
// twice, then MatMul + Add. Input 'features' [batch, inputs]; one output [batch, 1].
import type { Mlp } from './mlpTrainer.js';
import { encodeModel, FLOAT, floatTensor, node, onnx, valueInfo } from './onnxGraph.js';

export interface MlpGraphNames { graphName: string; outputName: string; doc: string }

export function exportMlpOnnx(m: Mlp, version: number, names: MlpGraphNames): Uint8Array {
  const graph = onnx.GraphProto.create({
    name: names.graphName,
    initializer: [
      floatTensor('w1', [m.inputs, m.hidden], m.w1), floatTensor('b1', [m.hidden], m.b1),
      floatTensor('w2', [m.hidden, m.hidden], m.w2), floatTensor('b2', [m.hidden], m.b2),
      floatTensor('w3', [m.hidden, 1], m.w3), floatTensor('b3', [1], m.b3),
    ],
    node: [
      node('MatMul', ['features', 'w1'], ['z1'], 'layer1'), node('Add', ['z1', 'b1'], ['a1'], 'bias1'), node('Tanh', ['a1'], ['h1'], 'act1'),
      node('MatMul', ['h1', 'w2'], ['z2'], 'layer2'), node('Add', ['z2', 'b2'], ['a2'], 'bias2'), node('Tanh', ['a2'], ['h2'], 'act2'),
      node('MatMul', ['h2', 'w3'], ['z3'], 'layer3'), node('Add', ['z3', 'b3'], [names.outputName], 'bias3'),
    ],
    input: [valueInfo('features', FLOAT, ['batch', m.inputs])],
    output: [valueInfo(names.outputName, FLOAT, ['batch', 1])],
  });
  return encodeModel(graph, version, names.doc);
}
