// Trains a fastText-style linear classifier (Joulin et al. 2016): the report is the mean of its
// features' embeddings, then a linear layer and softmax. Plain SGD with a linearly decaying learning
// rate, seeded shuffling: the same corpus and seed give bit-identical weights.
import { createRandom, shuffleInPlace } from '../engine/numeric/random.js';

export interface TrainOptions { dim: number; epochs: number; learningRate: number; seed: number }
export const DEFAULT_TRAINING: TrainOptions = { dim: 32, epochs: 8, learningRate: 0.5, seed: 7 };

export interface LinearBagModel {
  buckets: number;
  dim: number;
  classes: number;
  /** [buckets × dim], row-major. */
  embedding: Float32Array;
  /** [dim × classes], row-major. */
  headWeight: Float32Array;
  headBias: Float32Array;
}

export interface Example { ids: number[]; label: number }

export function trainLinearBag(examples: readonly Example[], buckets: number, classes: number, options: TrainOptions = DEFAULT_TRAINING): LinearBagModel {
  const { dim } = options;
  const random = createRandom(options.seed);
  const embedding = new Float32Array(buckets * dim);
  for (let i = 0; i < embedding.length; i++) embedding[i] = (random() * 2 - 1) / dim;
  const headWeight = new Float32Array(dim * classes);
  const headBias = new Float32Array(classes);
  const order = examples.map((_, i) => i);
  const totalSteps = options.epochs * examples.length;
  const hidden = new Float64Array(dim);
  const grad = new Float64Array(classes);
  const gradHidden = new Float64Array(dim);
  let step = 0;

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const index of order) {
      const example = examples[index] as Example;
      const lr = options.learningRate * (1 - step / totalSteps);
      step++;
      const n = example.ids.length;
      if (n === 0) continue;
      hidden.fill(0);
      for (const id of example.ids) for (let d = 0; d < dim; d++) hidden[d] = (hidden[d] as number) + (embedding[id * dim + d] as number) / n;
      let max = -Infinity;
      for (let c = 0; c < classes; c++) {
        let z = headBias[c] as number;
        for (let d = 0; d < dim; d++) z += (hidden[d] as number) * (headWeight[d * classes + c] as number);
        grad[c] = z;
        if (z > max) max = z;
      }
      let sum = 0;
      for (let c = 0; c < classes; c++) { grad[c] = Math.exp((grad[c] as number) - max); sum += grad[c] as number; }
      // grad = softmax − one-hot: the gradient of cross-entropy with respect to the logits.
      for (let c = 0; c < classes; c++) grad[c] = (grad[c] as number) / sum - (c === example.label ? 1 : 0);
      gradHidden.fill(0);
      for (let d = 0; d < dim; d++) {
        for (let c = 0; c < classes; c++) {
          const w = d * classes + c;
          gradHidden[d] = (gradHidden[d] as number) + (headWeight[w] as number) * (grad[c] as number);
          headWeight[w] = (headWeight[w] as number) - lr * (hidden[d] as number) * (grad[c] as number);
        }
      }
      for (let c = 0; c < classes; c++) headBias[c] = (headBias[c] as number) - lr * (grad[c] as number);
      for (const id of example.ids) for (let d = 0; d < dim; d++) embedding[id * dim + d] = (embedding[id * dim + d] as number) - (lr * (gradHidden[d] as number)) / n;
    }
  }
  return { buckets, dim, classes, embedding, headWeight, headBias };
}

/** Class probabilities for one example, computed in JS (used to evaluate before export). */
export function predictLinearBag(model: LinearBagModel, ids: readonly number[]): number[] {
  const { dim, classes } = model;
  const hidden = new Float64Array(dim);
  for (const id of ids) for (let d = 0; d < dim; d++) hidden[d] = (hidden[d] as number) + (model.embedding[id * dim + d] as number) / ids.length;
  const logits = Array.from({ length: classes }, (_, c) => {
    let z = model.headBias[c] as number;
    for (let d = 0; d < dim; d++) z += (hidden[d] as number) * (model.headWeight[d * classes + c] as number);
    return z;
  });
  const max = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}
