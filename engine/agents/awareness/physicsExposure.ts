// What the physics says about people: the area where a level that harms them is reached, and the floor the
// risk matrix may not go below because of it (docs/architecture.md, "A-Agent"). A plume that carries
// AEGL-2 (disabling) to where people live is at least a high risk, whatever the report's figures say.
import type { FieldResult } from '../../contract/result.js';

export interface PhysicsExposure {
  /** The area where harm is forecast (km²) and how it was measured. */
  areaKm2: number;
  basis: string;
  basisZh: string;
  /** Floors for the risk matrix when people are in that area. */
  likelihoodFloor: number;
  consequenceFloor: number;
  driver: string;
}

/** Area inside a footprint given as [downwind m, half-width m] pairs (trapezoids, both sides). */
export function footprintAreaKm2(footprint: ReadonlyArray<readonly [number, number]>): number {
  let m2 = 0;
  for (let i = 1; i < footprint.length; i++) {
    const [x0, y0] = footprint[i - 1] as readonly [number, number];
    const [x1, y1] = footprint[i] as readonly [number, number];
    m2 += (x1 - x0) * (y0 + y1); // (y0 + y1) / 2 per side, two sides
  }
  return m2 / 1e6;
}

export function physicsExposure(field: FieldResult, densityPerKm2: number): PhysicsExposure | null {
  const plume = field.plume;
  if (plume) {
    const level = (name: string) => plume.thresholds.find((t) => t.level === name);
    const aegl3 = level('AEGL-3'), aegl2 = level('AEGL-2');
    const area = (t: typeof aegl2) => (t?.footprint ? footprintAreaKm2(t.footprint) : 0);
    const people3 = area(aegl3) * densityPerKm2, people2 = area(aegl2) * densityPerKm2;
    if (aegl2 && aegl2.downwindM > 0) {
      // A mass released at once is a puff: the area its passing peak covers (docs/physics.md, "Instantaneous releases").
      const puff = plume.releaseModel === 'instantaneous';
      const basis = puff
        ? `where the passing puff's peak exceeds AEGL-2 (${aegl2.ppm} ppm, 60-min value): ${area(aegl2).toFixed(2)} km² from the Gaussian puff's footprint`
        : `where the plume exceeds AEGL-2 (${aegl2.ppm} ppm, 60 min): ${area(aegl2).toFixed(2)} km² from the Gaussian plume's footprint`;
      const basisZh = puff
        ? `烟团峰值超过AEGL-2（${aegl2.ppm} ppm，60分钟值）的范围：高斯烟团影响范围${area(aegl2).toFixed(2)}平方公里`
        : `烟羽超过AEGL-2（${aegl2.ppm} ppm，60分钟）的范围：高斯烟羽影响范围${area(aegl2).toFixed(2)}平方公里`;
      if (people3 >= 1) return { areaKm2: area(aegl2), basis, basisZh, likelihoodFloor: 5, consequenceFloor: 5, driver: `AEGL-3 (life-threatening) reaches about ${Math.round(people3)} people` };
      if (people2 >= 1) return { areaKm2: area(aegl2), basis, basisZh, likelihoodFloor: 4, consequenceFloor: 4, driver: `AEGL-2 (disabling) reaches about ${Math.round(people2)} people` };
      return { areaKm2: area(aegl2), basis, basisZh, likelihoodFloor: 1, consequenceFloor: 1, driver: 'AEGL-2 footprint reaches no one at the stated density' };
    }
  }
  const flammable = field.flammable;
  const fragmentsM = field.hazmat?.fireIsolationM;
  if (flammable && (flammable.vapourCloud || flammable.bleve) && fragmentsM) {
    // A pressurised flammable release: the cloud may ignite and a tank in fire may burst. Possible (3) and
    // severe (4) when anyone lives inside the ERG's fragment distance.
    const areaKm2 = (Math.PI * fragmentsM * fragmentsM) / 1e6;
    const people = areaKm2 * densityPerKm2;
    return {
      areaKm2, basis: `inside the ERG's ${fragmentsM} m circle for a tank in fire (fireball and fragments)`,
      basisZh: `ERG罐体着火时${fragmentsM}米撤离圈内（火球与碎片）`,
      likelihoodFloor: people >= 1 ? 3 : 1, consequenceFloor: people >= 1 ? 4 : 1,
      driver: `about ${Math.round(people)} people inside ${fragmentsM} m of a flammable release that may ignite or burst`,
    };
  }
  const fire = field.fire;
  if (fire) {
    const areaKm2 = fire.ellipse.areaHa / 100;
    const soon = fire.minutesToCommunity !== null && fire.minutesToCommunity <= 60;
    const people = areaKm2 * densityPerKm2;
    return {
      areaKm2, basis: `the fire's forecast area after ${fire.durationMin} min (${fire.ellipse.areaHa} ha, Rothermel spread)`,
      basisZh: `${fire.durationMin}分钟后的预测过火范围（${fire.ellipse.areaHa}公顷，Rothermel蔓延模型）`,
      likelihoodFloor: soon ? 5 : people >= 1 ? 4 : 1, consequenceFloor: soon || people >= 1 ? 4 : 1,
      driver: soon ? `the fire head reaches the community in ${fire.minutesToCommunity} min` : `about ${Math.round(people)} people in the fire's forecast area`,
    };
  }
  const quake = field.quake;
  if (quake) {
    const deaths = quake.estimatedFatalities.p50;
    return {
      areaKm2: 0, basis: '', basisZh: '', likelihoodFloor: 5, consequenceFloor: deaths >= 10 ? 5 : deaths >= 1 ? 4 : 2,
      driver: `PAGER-style estimate of ${deaths} deaths (P50)`,
    };
  }
  return null;
}
