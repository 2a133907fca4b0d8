// Small helpers to write ONNX graphs with onnx-proto (no Python): tensors with explicit little-endian
// bytes (so the same weights always give the same file), value infos with symbolic dimensions.
import onnxProto from 'onnx-proto';

export const { onnx } = onnxProto;
export const FLOAT = onnx.TensorProto.DataType.FLOAT;
export const INT64 = onnx.TensorProto.DataType.INT64;
export const INT8 = onnx.TensorProto.DataType.INT8;

export function floatTensor(name: string, dims: number[], data: Float32Array) {
  const bytes = new Uint8Array(data.length * 4);
  const view = new DataView(bytes.buffer);
  data.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return onnx.TensorProto.create({ name, dims, dataType: FLOAT, rawData: bytes });
}

export function int8Tensor(name: string, dims: number[], data: Int8Array) {
  return onnx.TensorProto.create({ name, dims, dataType: INT8, rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
}

export function int64Tensor(name: string, values: number[]) {
  return onnx.TensorProto.create({ name, dims: [values.length], dataType: INT64, int64Data: values });
}

export function valueInfo(name: string, elemType: number, dims: Array<string | number>) {
  return onnx.ValueInfoProto.create({
    name,
    type: { tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) } } },
  });
}

export function node(opType: string, input: string[], output: string[], name: string, attrs: Record<string, number> = {}) {
  return onnx.NodeProto.create({
    opType, input, output, name,
    attribute: Object.entries(attrs).map(([n, i]) => onnx.AttributeProto.create({ name: n, type: onnx.AttributeProto.AttributeType.INT, i })),
  });
}

export function encodeModel(graph: ReturnType<typeof onnx.GraphProto.create>, producerVersion: number, docString: string): Uint8Array {
  return onnx.ModelProto.encode(onnx.ModelProto.create({
    irVersion: 8, producerName: 'safe-edge', producerVersion: String(producerVersion), docString,
    opsetImport: [{ domain: '', version: 13 }], graph,
  })).finish();
}

export const UINT8 = onnx.TensorProto.DataType.UINT8;

export function uint8Tensor(name: string, dims: number[], data: Uint8Array) {
  return onnx.TensorProto.create({ name, dims, dataType: UINT8, rawData: data });
}
