// What the engine needs to know to run a physics surrogate: its name, the features it was trained on
// (shared with training, so the two can never drift apart), and how its single output maps back to the
// physical quantity. Each model (plume, fire, flood) declares one of these next to its physics.
export interface SurrogateSpec<Case> {
  /** Model name in the repository (models/<name>/<version>). */
  name: string;
  /** Bumped when the features change; a model built for other features is refused at load. */
  featureVersion: number;
  featureCount: number;
  /** Name of the model's one output tensor ([batch, 1]). */
  outputName: string;
  /** Writes one case's features into `out` at `offset`. */
  writeFeatures(c: Case, out: Float32Array, offset: number): void;
  /** Physical value → the network's regression target, and back. */
  toTarget(value: number): number;
  fromTarget(target: number): number;
  /** Whether a case lies in the range the surrogate was trained on (outside it the physics answers). */
  inRange(c: Case): boolean;
  /** A representative case to warm the session with. */
  warmupCase: Case;
}

export function featureMatrix<Case>(spec: SurrogateSpec<Case>, cases: readonly Case[]): Float32Array {
  const x = new Float32Array(cases.length * spec.featureCount);
  cases.forEach((c, i) => spec.writeFeatures(c, x, i * spec.featureCount));
  return x;
}

/** Whether a value lies in a closed [lo, hi] range (the ranges a surrogate was trained on). */
export const withinRange = (value: number, [lo, hi]: readonly [number, number]): boolean => value >= lo && value <= hi;
