// The flood time-to-depth surrogate: breaches, heads, polders and depths over the validity range,
// labelled by the level-pool weir physics (engine/agents/field/flood/leveeBreach.ts).
import { createRandom } from '../engine/numeric/random.js';
import { FLOOD_SURROGATE, FLOOD_SURROGATE_RANGE, freeFlowHours, MAX_FREE_FLOW_HOURS, physicsHoursToDepth, type FloodCase } from '../engine/agents/field/flood/surrogateFeatures.js';
import type { SurrogateTrainingSpec } from './surrogateBuilder.js';

export function sampleFloodCases(count: number, seed: number): FloodCase[] {
  const random = createRandom(seed);
  const uniform = ([lo, hi]: readonly [number, number]) => lo + random() * (hi - lo);
  const logUniform = ([lo, hi]: readonly [number, number]) => 10 ** (Math.log10(lo) + random() * (Math.log10(hi) - Math.log10(lo)));
  const r = FLOOD_SURROGATE_RANGE;
  const cases: FloodCase[] = [];
  while (cases.length < count) {
    const headM = logUniform(r.headM);
    const s0 = random() < 0.5 ? 0 : uniform(r.initialDepthRatio);
    const s1 = s0 + 0.01 + random() * (r.targetDepthRatio[1] - s0 - 0.01);
    const c: FloodCase = {
      breachWidthM: logUniform(r.breachWidthM), headM, polderAreaKm2: logUniform(r.polderAreaKm2),
      weirCoefficient: uniform(r.weirCoefficient), initialDepthM: s0 * headM, targetDepthM: s1 * headM,
    };
    // Free flow is the fastest possible filling: a case slow even at free flow is outside the range.
    if (freeFlowHours(c) < MAX_FREE_FLOW_HOURS) cases.push(c);
  }
  return cases;
}

export const FLOOD_SURROGATE_TRAINING: SurrogateTrainingSpec<FloodCase> = {
  runtime: FLOOD_SURROGATE,
  version: 1,
  task: 'hours until a polder reaches a depth after a levee breach (log10 h), trained on the weir + level-pool physics',
  graphName: 'flood_depth_surrogate',
  doc: 'flood surrogate: log10(hours to depth) from log(A/(C·b·√h)) and the initial and target depth over the head',
  seed: 626262,
  trainCases: 12_000,
  testCases: 3_000,
  mlp: { hidden: 32, epochs: 40, learningRate: 0.003, batchSize: 64, seed: 29 },
  boundP95RelError: 0.1,
  // Under 3 minutes the physics' one-minute step dominates any comparison.
  minJudgedValue: 0.05,
  unit: 'h',
  sample: sampleFloodCases,
  physics: (c) => {
    const hours = physicsHoursToDepth(c);
    if (hours === null) throw new Error(`flood training case never reaches its depth: ${JSON.stringify(c)}`);
    return hours;
  },
  generator: 'engine/training/floodSurrogate.ts',
  split: 'independent draws over the validity range; labels from engine/agents/field/flood/leveeBreach.ts',
};
