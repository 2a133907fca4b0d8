// The fire rate-of-spread surrogate: cases over its validity range (every Anderson fuel model, midflame
// wind, slope, dead and live moisture), labelled by the Rothermel physics (engine/agents/field/fire).
import { createRandom } from '../engine/numeric/random.js';
import { headFireRateMPerMin } from '../engine/agents/field/fire/index.js';
import { FUEL_MODELS } from '../engine/agents/field/fire/fuelModels.js';
import { FIRE_SURROGATE, FIRE_SURROGATE_RANGE, maxDeadMoisturePct, type FireCase } from '../engine/agents/field/fire/surrogateFeatures.js';
import type { SurrogateTrainingSpec } from './surrogateBuilder.js';

export function sampleFireCases(count: number, seed: number): FireCase[] {
  const random = createRandom(seed);
  const uniform = ([lo, hi]: readonly [number, number]) => lo + random() * (hi - lo);
  const r = FIRE_SURROGATE_RANGE;
  return Array.from({ length: count }, () => {
    const fuelModel = 1 + Math.floor(random() * FUEL_MODELS.length);
    return {
      fuelModel,
      midflameWindMps: uniform(r.midflameWindMps),
      // Half the cases on flat ground, where most fires are reported.
      slopePct: random() < 0.5 ? 0 : uniform(r.slopePct),
      deadMoisturePct: uniform([r.deadMoisturePct[0], maxDeadMoisturePct(fuelModel)]),
      liveMoisturePct: uniform(r.liveMoisturePct),
    };
  });
}

export const FIRE_SURROGATE_TRAINING: SurrogateTrainingSpec<FireCase> = {
  runtime: FIRE_SURROGATE,
  // v2: labels without Rothermel's 1972 wind limit, as BehavePlus computes them (v1 was trained with it).
  version: 2,
  task: 'head-fire rate of spread (log10 m/min), trained on Rothermel (1972) with the Anderson (1982) fuel models, no wind limit (BehavePlus default)',
  graphName: 'fire_spread_surrogate',
  doc: 'fire spread surrogate: log10(head rate m/min) from fuel model, midflame wind, slope, dead/live moisture',
  seed: 515151,
  trainCases: 20_000,
  testCases: 4_000,
  mlp: { hidden: 48, epochs: 50, learningRate: 0.003, batchSize: 64, seed: 23 },
  boundP95RelError: 0.2,
  // Below 0.1 m/min (6 m/h) a fire is practically not spreading; errors there do not change a decision.
  minJudgedValue: 0.1,
  unit: 'm/min',
  sample: sampleFireCases,
  physics: headFireRateMPerMin,
  generator: 'training/fireSurrogate.ts',
  split: 'independent draws over the validity range; labels from engine/agents/field/fire/rothermel.ts',
};
