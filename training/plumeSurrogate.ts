// The plume threat-distance surrogate: cases over its validity range, labelled by the Gaussian-plume
// physics (engine/agents/field/plume/gaussianPlume.ts).
import { STABILITY_CLASSES } from '../engine/contract/taxonomy.js';
import { createRandom } from '../engine/numeric/random.js';
import { thresholdDistanceM, MOLAR_VOLUME_L } from '../engine/agents/field/plume/gaussianPlume.js';
import { PLUME_SURROGATE, PLUME_SURROGATE_RANGE, type PlumeCase } from '../engine/agents/field/plume/surrogateFeatures.js';
import type { SurrogateTrainingSpec } from './surrogateBuilder.js';

export function samplePlumeCases(count: number, seed: number): PlumeCase[] {
  const random = createRandom(seed);
  const logUniform = ([lo, hi]: readonly [number, number]) => 10 ** (Math.log10(lo) + random() * (Math.log10(hi) - Math.log10(lo)));
  const r = PLUME_SURROGATE_RANGE;
  return Array.from({ length: count }, () => ({
    rateKgPerS: logUniform(r.rateKgPerS),
    windSpeedMps: r.windSpeedMps[0] + random() * (r.windSpeedMps[1] - r.windSpeedMps[0]),
    heightM: random() < 0.5 ? 0 : random() * r.heightM[1],
    stability: STABILITY_CLASSES[Math.floor(random() * STABILITY_CLASSES.length)] as PlumeCase['stability'],
    terrain: random() < 0.5 ? 'rural' : 'urban',
    thresholdMgPerM3: logUniform(r.thresholdMgPerM3),
  }));
}

/** The physics' answer for a case (a molar mass of 24.45 g/mol makes ppm and mg/m³ the same number). */
export function physicsDistanceM(c: PlumeCase): number {
  return thresholdDistanceM({ rateKgPerS: c.rateKgPerS, heightM: c.heightM, windSpeedMps: c.windSpeedMps, stability: c.stability, terrain: c.terrain, molarMassGPerMol: MOLAR_VOLUME_L }, c.thresholdMgPerM3);
}

export const PLUME_SURROGATE_TRAINING: SurrogateTrainingSpec<PlumeCase> = {
  runtime: PLUME_SURROGATE,
  version: 1,
  task: 'plume threat distance (log10 m) for a continuous release, trained on the Gaussian-plume physics',
  graphName: 'plume_surrogate',
  doc: 'plume threat-distance surrogate: log10(downwind m) from log(Q/(u·C)), wind, height, stability, terrain',
  seed: 424242,
  trainCases: 20_000,
  testCases: 4_000,
  mlp: { hidden: 48, epochs: 50, learningRate: 0.003, batchSize: 64, seed: 17 },
  boundP95RelError: 0.2,
  // Below 50 m both the physics and the surrogate say "at the source".
  minJudgedValue: 50,
  unit: 'm',
  sample: samplePlumeCases,
  physics: physicsDistanceM,
  generator: 'engine/training/plumeSurrogate.ts',
  split: 'independent draws over the validity range; labels from engine/agents/field/plume/gaussianPlume.ts',
};
