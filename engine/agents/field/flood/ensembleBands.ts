// Uncertainty bands for the time to each depth from a 256-member ensemble through the surrogate:
// breach width (log-normal, ±30 %: breaches widen, as the 2024 Dongting breach did to about 226 m),
// head and weir coefficient (±10 % each). The physics' own times stay the answer.
import type { FloodResult } from '../../../contract/result.js';
import { createRandom, hashSeed, lognormalFactor } from '../../../numeric/random.js';
import { roundedBand } from '../../../numeric/stats.js';
import type { SurrogateModel } from '../surrogate/surrogateModel.js';
import { ENSEMBLE_MEMBERS } from '../surrogate/ensemble.js';
import { FLOOD_HORIZON_H, physicsHoursToDepths, type FloodCase } from './surrogateFeatures.js';
import { FLOOD_UNCERTAINTY } from './index.js';

const MAX_MEMBERS_BY_PHYSICS = 32;

/** A member's hours to a depth: already there (0), never (null), the surrogate's row, or the physics' answer. */
type PlannedHours = number | null | { surrogateRow: number } | { physicsMember: number; depthM: number };

/** The result with surrogate-ensemble bands; null when too many members are outside the surrogate's
 *  range (the caller then runs the physics' Monte Carlo). */
export async function applyFloodEnsembleBands(flood: FloodResult, surrogate: SurrogateModel<FloodCase>, memberCount = ENSEMBLE_MEMBERS): Promise<FloodResult | null> {
  const u = flood.inputsUsed;
  const base = { breachWidthM: Number(u.breachWidthM), headM: Number(u.headM), polderAreaKm2: Number(u.polderAreaKm2), weirCoefficient: Number(u.weirCoefficient), initialDepthM: Number(u.startDepthM) };
  const random = createRandom(hashSeed(JSON.stringify(base)));
  const members = Array.from({ length: memberCount }, () => ({
    ...base,
    breachWidthM: base.breachWidthM * lognormalFactor(random, FLOOD_UNCERTAINTY.breachWidthLogSigma),
    headM: base.headM * lognormalFactor(random, FLOOD_UNCERTAINTY.headLogSigma),
    weirCoefficient: base.weirCoefficient * lognormalFactor(random, FLOOD_UNCERTAINTY.weirLogSigma),
  }));
  // Depths already under water need no forecast; depths at or above a member's head are never reached;
  // members outside the surrogate's range (just below the head, where the pool barely rises; a breach
  // wider than any it was trained on; a filling slower than its horizon) are answered by the physics itself.
  const cases: FloodCase[] = [];
  // The depths the physics answers, per member: one integration gives all of a member's depths (the
  // polder fills the same way whichever depths are asked), where one run per depth repeated it.
  const physicsDepths = new Map<number, number[]>();
  let byPhysics = 0;
  const plan = flood.timeToDepth.map(({ depthM }) => members.map((m, k): PlannedHours => {
    if (depthM <= m.initialDepthM) return 0;
    if (depthM >= m.headM) return null;
    const c: FloodCase = { breachWidthM: m.breachWidthM, headM: m.headM, polderAreaKm2: m.polderAreaKm2, weirCoefficient: m.weirCoefficient, initialDepthM: m.initialDepthM, targetDepthM: depthM };
    if (!surrogate.spec.inRange(c)) {
      // Each costs a full physics run: beyond a few, keep the physics' own (smaller) Monte Carlo.
      if (++byPhysics > MAX_MEMBERS_BY_PHYSICS) return null;
      physicsDepths.set(k, [...(physicsDepths.get(k) ?? []), depthM]);
      return { physicsMember: k, depthM };
    }
    cases.push(c);
    return { surrogateRow: cases.length - 1 };
  }));
  if (cases.length === 0 || byPhysics > MAX_MEMBERS_BY_PHYSICS) return null;
  const physicsHours = new Map([...physicsDepths].map(([k, depths]) => [k, physicsHoursToDepths(members[k]!, depths)]));
  const hours = await surrogate.predict(cases);
  return {
    ...flood,
    timeToDepth: flood.timeToDepth.map((t, level) => {
      const memberHours = (plan[level] ?? []).map((p) => (p === null || typeof p === 'number' ? p
        : 'surrogateRow' in p ? (hours[p.surrogateRow] as number) : physicsHours.get(p.physicsMember)!.get(p.depthM) ?? null));
      // As in the physics band: a band only when every member reaches the depth within the horizon.
      const all = memberHours.filter((h): h is number => h !== null && h <= FLOOD_HORIZON_H);
      return { ...t, band: all.length === memberHours.length ? roundedBand(all, 2) : null };
    }),
    bands: { method: 'surrogate-ensemble', members: memberCount, model: surrogate.label },
  };
}
