// A model's manifest: what it is, how it was trained, how good it is on held-out data, and the sha256
// that the engine checks before it will run the model (Triton/TF-Serving-style model repository).
import { z } from 'zod';

const tensorSpec = z.object({ name: z.string(), dtype: z.string(), shape: z.array(z.union([z.string(), z.number()])) });

export const manifestSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: z.number().int().positive(),
  task: z.string(),
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().positive(),
  inputs: z.array(tensorSpec),
  outputs: z.array(tensorSpec),
  labels: z.array(z.string()),
  features: z.object({ buckets: z.number().int(), maxFeatures: z.number().int(), version: z.number().int() }),
  training: z.object({
    seed: z.number(),
    corpus: z.object({ train: z.number().int(), test: z.number().int(), generator: z.string(), split: z.string() }),
    hyperparameters: z.record(z.string(), z.number()),
  }),
  metrics: z.object({
    heldOutAccuracy: z.number(),
    heldOutAccuracyByLang: z.record(z.string(), z.number()),
    perClassRecall: z.record(z.string(), z.number()),
    /** confusion[trueLabel][predictedLabel] = count, on the held-out split. */
    confusion: z.record(z.string(), z.record(z.string(), z.number())),
    onnxParityMaxAbsDiff: z.number(),
  }),
});
export type ModelManifest = z.infer<typeof manifestSchema>;
