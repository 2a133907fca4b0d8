// Each AEGL level's threat distance, as the plume and the puff both report it (docs/physics.md): where the
// concentration falls to the level, the widest point of the area above it, its P10–P90 band over the
// Monte-Carlo members, its outline, and which model made the distance. The two footprints differ only in
// their model's functions and in what they add per level (a puff's passage time and dose).
import type { Substance } from '../../../contract/substances.js';
import { AEGL_LEVELS, type AeglLevel } from '../../../contract/taxonomy.js';
import { round, roundedBand } from '../../../numeric/stats.js';
import { MAX_DISTANCE_M } from './gaussianPlume.js';

/** A footprint model: a release's description `C` (a plume or a puff, with its dense-gas side) and the
 *  distances, widths and outlines it gives at a concentration. */
export interface FootprintModel<C, M extends string> {
  thresholdM(combined: C, ppm: number): { distanceM: number; model: M };
  maxWidthM(combined: C, ppm: number, downwindM: number): number;
  footprint(combined: C, ppm: number, downwindM: number): Array<[number, number]>;
}

/** The levels the substance has values for. `members`: the Monte-Carlo draws (none: the band is the
 *  distance itself, the caller has a surrogate ensemble for it); `extra`: what a model adds per level. */
export function aeglThresholds<C, M extends string, X extends object>(
  aeglPpm: Substance['aeglPpm'], model: FootprintModel<C, M>, combined: C, members: readonly C[], extra: (downwindM: number) => X,
) {
  return AEGL_LEVELS.flatMap((level: AeglLevel) => {
    const ppm = aeglPpm[level];
    if (ppm === null) return [];
    const { distanceM: downwindM, model: madeBy } = model.thresholdM(combined, ppm);
    return [{
      level, ppm,
      downwindM: round(downwindM, 0),
      maxWidthM: round(model.maxWidthM(combined, ppm, downwindM), 0),
      reachesModelLimit: downwindM >= MAX_DISTANCE_M,
      downwindBandM: roundedBand(members.length > 0 ? members.map((m) => model.thresholdM(m, ppm).distanceM) : [downwindM], 0),
      footprint: model.footprint(combined, ppm, downwindM).map(([x, y]) => [round(x, 0), round(y, 0)] as [number, number]),
      model: madeBy,
      ...extra(downwindM),
    }];
  });
}
