// `npm run models:evaluation-sets`: writes evaluation.json (evaluationSets.ts) for the model versions
// already shipped, without retraining them: the same seeds give the same held-out cases.
import { join } from 'node:path';
import { DEFAULT_MODELS_DIR, listVersions } from '../engine/inference/modelRepository.js';
import { CLASSIFIER_MODEL_NAME } from '../engine/agents/strategist/classifier/incidentClassifier.js';
import { DEFAULT_CORPUS, generateCorpus } from './corpus/generateCorpus.js';
import type { SurrogateTrainingSpec } from './surrogateBuilder.js';
import { PLUME_SURROGATE_TRAINING } from './plumeSurrogate.js';
import { FIRE_SURROGATE_TRAINING } from './fireSurrogate.js';
import { FLOOD_SURROGATE_TRAINING } from './floodSurrogate.js';
import { classifierEvaluationSet, surrogateEvaluationSet, writeEvaluationSet } from './evaluationSets.js';

/** Every shipped surrogate build, as it was trained (seed, case counts). */
export const SURROGATE_TRAININGS: ReadonlyArray<SurrogateTrainingSpec<never>> = [
  PLUME_SURROGATE_TRAINING, FIRE_SURROGATE_TRAINING, FLOOD_SURROGATE_TRAINING,
] as unknown as ReadonlyArray<SurrogateTrainingSpec<never>>;

/** Writes evaluation.json for the newest shipped version of the classifier and each surrogate. */
export function writeShippedEvaluationSets(modelsDir = DEFAULT_MODELS_DIR, log: (line: string) => void = console.log): void {
  const classifierVersion = listVersions(modelsDir, CLASSIFIER_MODEL_NAME)[0];
  if (classifierVersion !== undefined) {
    const test = generateCorpus(DEFAULT_CORPUS).filter((r) => r.split === 'test');
    writeEvaluationSet(join(modelsDir, CLASSIFIER_MODEL_NAME, String(classifierVersion)), classifierEvaluationSet(test));
    log(`${CLASSIFIER_MODEL_NAME} v${classifierVersion}: ${test.length} held-out reports`);
  }
  for (const spec of SURROGATE_TRAININGS) {
    const version = listVersions(modelsDir, spec.runtime.name)[0];
    if (version !== spec.version) { log(`${spec.runtime.name}: newest shipped v${version} is not the v${spec.version} this code builds; skipped`); continue; }
    const test = spec.sample(spec.trainCases + spec.testCases, spec.seed).slice(spec.trainCases);
    writeEvaluationSet(join(modelsDir, spec.runtime.name, String(version)), surrogateEvaluationSet(spec.minJudgedValue, test, test.map((c) => spec.physics(c))));
    log(`${spec.runtime.name} v${version}: ${test.length} held-out cases`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) writeShippedEvaluationSets();
