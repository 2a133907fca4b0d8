// The evaluation set published with each model version (engine/contract/evaluationSet.ts): the held-out
// cases the version's published figure was measured on, written beside its manifest by the builders
// (and for the versions already shipped by shippedEvaluationSets.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVALUATION_FILE } from '../engine/contract/modelChannel.js';
import type { EvaluationSet } from '../engine/contract/evaluationSet.js';
import type { LabelledReport } from './corpus/generateCorpus.js';

export function classifierEvaluationSet(test: readonly LabelledReport[]): EvaluationSet {
  return { kind: 'classifier', metric: 'heldOutAccuracy', cases: test.map((r) => ({ text: r.text, label: r.label })) };
}

/** The held-out cases of a surrogate build (the draws after the training ones) with their physics;
 *  errors are judged where the physics is at least `minJudgedValue`, as the build judged them. */
export function surrogateEvaluationSet<Case>(minJudgedValue: number, test: readonly Case[], physics: readonly number[]): EvaluationSet {
  return {
    kind: 'surrogate', metric: 'p95RelError', minJudgedValue,
    cases: test.map((c, i) => ({ case: c as Record<string, number | string>, physics: physics[i] as number })),
  };
}

export function writeEvaluationSet(versionDir: string, set: EvaluationSet): void {
  writeFileSync(join(versionDir, EVALUATION_FILE), JSON.stringify(set) + '\n');
}

