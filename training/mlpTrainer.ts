// A small fully connected regression network (inputs → tanh → tanh → 1) trained with Adam (Kingma & Ba
// 2015) on mean squared error, seeded: the same data and seed give bit-identical weights.
import { createRandom, shuffleInPlace } from '../engine/numeric/random.js';

export interface MlpOptions { hidden: number; epochs: number; learningRate: number; batchSize: number; seed: number }
export interface Mlp { inputs: number; hidden: number; w1: Float32Array; b1: Float32Array; w2: Float32Array; b2: Float32Array; w3: Float32Array; b3: Float32Array }

export function predictMlp(m: Mlp, x: Float32Array, offset = 0): number {
  const h1 = new Float64Array(m.hidden);
  const h2 = new Float64Array(m.hidden);
  for (let j = 0; j < m.hidden; j++) {
    let z = m.b1[j] as number;
    for (let i = 0; i < m.inputs; i++) z += (x[offset + i] as number) * (m.w1[i * m.hidden + j] as number);
    h1[j] = Math.tanh(z);
  }
  for (let j = 0; j < m.hidden; j++) {
    let z = m.b2[j] as number;
    for (let i = 0; i < m.hidden; i++) z += (h1[i] as number) * (m.w2[i * m.hidden + j] as number);
    h2[j] = Math.tanh(z);
  }
  let y = m.b3[0] as number;
  for (let i = 0; i < m.hidden; i++) y += (h2[i] as number) * (m.w3[i] as number);
  return y;
}

export function trainMlp(x: Float32Array, y: Float32Array, inputs: number, options: MlpOptions): Mlp {
  const { hidden } = options;
  const random = createRandom(options.seed);
  const init = (n: number, fanIn: number) => Float32Array.from({ length: n }, () => (random() * 2 - 1) * Math.sqrt(6 / (fanIn + hidden)));
  const m: Mlp = { inputs, hidden, w1: init(inputs * hidden, inputs), b1: new Float32Array(hidden), w2: init(hidden * hidden, hidden), b2: new Float32Array(hidden), w3: init(hidden, hidden), b3: new Float32Array(1) };
  const params = [m.w1, m.b1, m.w2, m.b2, m.w3, m.b3];
  const grads = params.map((p) => new Float64Array(p.length));
  const mom = params.map((p) => new Float64Array(p.length));
  const vel = params.map((p) => new Float64Array(p.length));
  const n = y.length;
  const order = Array.from({ length: n }, (_, i) => i);
  const h1 = new Float64Array(hidden), h2 = new Float64Array(hidden), d2 = new Float64Array(hidden), d1 = new Float64Array(hidden);
  let t = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    const lr = options.learningRate * (epoch < options.epochs * 0.7 ? 1 : 0.1);
    for (let start = 0; start < n; start += options.batchSize) {
      for (const g of grads) g.fill(0);
      const end = Math.min(n, start + options.batchSize);
      for (let k = start; k < end; k++) {
        const row = order[k] as number;
        const off = row * inputs;
        for (let j = 0; j < hidden; j++) {
          let z = m.b1[j] as number;
          for (let i = 0; i < inputs; i++) z += (x[off + i] as number) * (m.w1[i * hidden + j] as number);
          h1[j] = Math.tanh(z);
        }
        for (let j = 0; j < hidden; j++) {
          let z = m.b2[j] as number;
          for (let i = 0; i < hidden; i++) z += (h1[i] as number) * (m.w2[i * hidden + j] as number);
          h2[j] = Math.tanh(z);
        }
        let out = m.b3[0] as number;
        for (let i = 0; i < hidden; i++) out += (h2[i] as number) * (m.w3[i] as number);
        const err = out - (y[row] as number); // d(½ err²)/d out
        (grads[5] as Float64Array)[0] = ((grads[5] as Float64Array)[0] as number) + err;
        for (let i = 0; i < hidden; i++) {
          (grads[4] as Float64Array)[i] = ((grads[4] as Float64Array)[i] as number) + err * (h2[i] as number);
          d2[i] = err * (m.w3[i] as number) * (1 - (h2[i] as number) ** 2);
        }
        d1.fill(0);
        for (let i = 0; i < hidden; i++) {
          for (let j = 0; j < hidden; j++) {
            (grads[2] as Float64Array)[i * hidden + j] = ((grads[2] as Float64Array)[i * hidden + j] as number) + (h1[i] as number) * (d2[j] as number);
            d1[i] = (d1[i] as number) + (m.w2[i * hidden + j] as number) * (d2[j] as number);
          }
        }
        for (let j = 0; j < hidden; j++) {
          (grads[3] as Float64Array)[j] = ((grads[3] as Float64Array)[j] as number) + (d2[j] as number);
          d1[j] = (d1[j] as number) * (1 - (h1[j] as number) ** 2);
          (grads[1] as Float64Array)[j] = ((grads[1] as Float64Array)[j] as number) + (d1[j] as number);
        }
        for (let i = 0; i < inputs; i++) {
          for (let j = 0; j < hidden; j++) (grads[0] as Float64Array)[i * hidden + j] = ((grads[0] as Float64Array)[i * hidden + j] as number) + (x[off + i] as number) * (d1[j] as number);
        }
      }
      t++;
      const count = end - start;
      const b1c = 1 - 0.9 ** t, b2c = 1 - 0.999 ** t;
      params.forEach((p, pi) => {
        const g = grads[pi] as Float64Array, mo = mom[pi] as Float64Array, ve = vel[pi] as Float64Array;
        for (let i = 0; i < p.length; i++) {
          const gi = (g[i] as number) / count;
          mo[i] = 0.9 * (mo[i] as number) + 0.1 * gi;
          ve[i] = 0.999 * (ve[i] as number) + 0.001 * gi * gi;
          p[i] = (p[i] as number) - (lr * ((mo[i] as number) / b1c)) / (Math.sqrt((ve[i] as number) / b2c) + 1e-8);
        }
      });
    }
  }
  return m;
}
