// A logistic regression over the presence of hashed n-gram features (each distinct feature counts once,
// however long the text): a frame's few words ("jailed for", "book review", 讣告) weigh the same beside a
// quoted incident of three lines as alone, which a mean over the features (fastTextTrainer.ts) cannot give.
// Plain SGD with L2 shrinkage and a linearly decaying rate, seeded shuffling: bit-identical on a rerun.
import { createRandom, shuffleInPlace } from '../engine/numeric/random.js';

export interface LogisticBagOptions { epochs: number; learningRate: number; l2: number; seed: number }
export const DEFAULT_LOGISTIC_BAG: LogisticBagOptions = { epochs: 6, learningRate: 0.2, l2: 1e-6, seed: 11 };
export interface LogisticBagModel { buckets: number; weights: Float32Array; bias: number }
export interface BinaryExample { ids: readonly number[]; label: 0 | 1 }

/** Each feature once, in first-seen order. */
export const distinctIds = (ids: readonly number[]): number[] => [...new Set(ids)];

export function trainLogisticBag(examples: readonly BinaryExample[], buckets: number, options: LogisticBagOptions = DEFAULT_LOGISTIC_BAG): LogisticBagModel {
  const random = createRandom(options.seed);
  const weights = new Float32Array(buckets);
  let bias = 0;
  const rows = examples.map((e) => distinctIds(e.ids));
  const order = examples.map((_, i) => i);
  const totalSteps = options.epochs * examples.length;
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const index of order) {
      const lr = options.learningRate * (1 - step / totalSteps);
      step++;
      const ids = rows[index] as number[];
      let z = bias;
      for (const id of ids) z += weights[id] as number;
      const p = 1 / (1 + Math.exp(-z));
      const g = p - (examples[index] as BinaryExample).label;
      for (const id of ids) weights[id] = (weights[id] as number) * (1 - lr * options.l2) - lr * g;
      bias -= lr * g;
    }
  }
  return { buckets, weights, bias };
}

/** P(label 1) for one text's feature ids. */
export function predictLogisticBag(model: LogisticBagModel, ids: readonly number[]): number {
  let z = model.bias;
  for (const id of distinctIds(ids)) z += model.weights[id] as number;
  return 1 / (1 + Math.exp(-z));
}
