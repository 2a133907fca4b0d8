// A model's manifest: what it is, how it was trained, how good it is on held-out data, and the sha256
// that the engine checks before it will run the model (Triton/TF-Serving-style model repository).
import { z } from 'zod';

const detectionScores = z.object({
  readings: z.number().int(), faultyReadings: z.number().int(), precision: z.number(), recall: z.number(), f1: z.number(),
});

const fileName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
const tensorSpec = z.object({ name: z.string(), dtype: z.string(), shape: z.array(z.union([z.string(), z.number()])) });

export const manifestSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: z.number().int().positive(),
  task: z.string(),
  /** The oldest engine that can run this model (its feature spec, its output contract); absent: any. */
  minEngineVersion: z.string().regex(/^\d+\.\d+\.\d+$/).optional(),
  /** A plain file name in the version's folder (never a path). */
  file: fileName,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().positive(),
  inputs: z.array(tensorSpec),
  outputs: z.array(tensorSpec),
  /** Output classes of a classifier; empty for a regression model. */
  labels: z.array(z.string()),
  /** The feature spec the model was built for (checked at load against the engine's). */
  features: z.record(z.string(), z.number()),
  training: z.object({
    seed: z.number(),
    corpus: z.object({ train: z.number().int(), test: z.number().int(), generator: z.string(), split: z.string() }),
    hyperparameters: z.record(z.string(), z.number()),
  }),
  /** Other precisions of the same model (e.g. int8), each with its own file, hash and measured accuracy. */
  variants: z.record(z.string(), z.object({
    file: fileName, sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().positive(),
    /** Classifiers: held-out accuracy of the variant and its drop from fp32 (gate: ≤ 1 point). */
    heldOutAccuracy: z.number().optional(), accuracyDropPts: z.number().optional(),
    /** Surrogates: the variant's held-out P95 relative error against the physics (gate: the stated bound). */
    p95RelError: z.number().optional(),
    /** Detectors: the variant's held-out precision and recall at the calibrated threshold (gate: each within 1 point). */
    testPrecision: z.number().optional(), testRecall: z.number().optional(),
  })).optional(),
  metrics: z.object({
    heldOutAccuracy: z.number().optional(),
    heldOutAccuracyByLang: z.record(z.string(), z.number()).optional(),
    perClassRecall: z.record(z.string(), z.number()).optional(),
    /** confusion[trueLabel][predictedLabel] = count, on the held-out split. */
    confusion: z.record(z.string(), z.record(z.string(), z.number())).optional(),
    /** Surrogates: error against the physics on held-out cases, and the bound it had to meet to ship. */
    surrogate: z.object({
      heldOutCases: z.number().int(),
      medianRelError: z.number(), p95RelError: z.number(), maxRelError: z.number(),
      boundP95RelError: z.number(),
    }).optional(),
    /** Anomaly detectors: the threshold set on the calibration split (and the rule that set it), precision and
     *  recall per reading on calibration and on the test split, recall per fault kind on test, and the floors
     *  the test split had to clear to ship. */
    anomaly: z.object({
      threshold: z.number(), thresholdRule: z.string(),
      calibration: detectionScores, test: detectionScores,
      perFaultRecall: z.record(z.string(), z.number()),
      floors: z.object({ precision: z.number(), recall: z.number() }),
    }).optional(),
    onnxParityMaxAbsDiff: z.number(),
  }),
});
export type ModelManifest = z.infer<typeof manifestSchema>;

/** The models the engine does not start without (the S-Agent's classifier); every other model is optional:
 *  refused, the engine runs without it, degraded (docs/models.md#signed-models). */
export const REQUIRED_MODELS: readonly string[] = ['incident-classifier'];
