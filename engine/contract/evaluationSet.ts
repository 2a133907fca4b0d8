// A model version's evaluation set (`evaluation.json`, published and signed with the version): the
// held-out cases its published figure was measured on, in the terms the engine runs the model in (a
// report's text, a physics case), so the gate can score any version of the model on them, the staged
// one and the live one alike (docs/updates.md, "Gate").
import { z } from 'zod';

export const evaluationSetSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('classifier'),
    /** Accuracy on these cases is what `heldOutAccuracy` states. */
    metric: z.literal('heldOutAccuracy'),
    cases: z.array(z.object({ text: z.string(), label: z.string() })).min(1),
  }),
  z.object({
    kind: z.literal('surrogate'),
    /** The P95 relative error against the physics, over cases where the physics is at least `minJudgedValue`. */
    metric: z.literal('p95RelError'),
    minJudgedValue: z.number(),
    cases: z.array(z.object({ case: z.record(z.string(), z.union([z.number(), z.string()])), physics: z.number() })).min(1),
  }),
]);
export type EvaluationSet = z.infer<typeof evaluationSetSchema>;
