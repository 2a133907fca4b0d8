// Hazmat zones as responders draw them (docs/zones.md): hot = the ERG initial isolation circle around the
// source and the AEGL-3 footprint; warm = the decontamination corridor at the hot zone's upwind edge;
// protective action = the ERG protective-action area downwind and the AEGL-2 footprint, where the public
// is evacuated or sheltered; cold = everything beyond, where the command post and staging go.
import type { FlammableResult, GroundLine, PlumeResult } from '../../../contract/result.js';
import { circle, mirroredOutline, rectangle } from './geometry.js';
import type { ZoneBand, ZoneSpec } from './zone.js';

/** The ERG's distances for the substance and spill (docs/zones.md). */
export interface ErgDistances {
  isolationM: number;
  /** Downwind distance of the protective-action area; null when the guide gives none. */
  protectiveActionM: number | null;
  basis: string;
  basisZh: string;
}

/** The decontamination corridor: a lane from the hot zone's edge upwind, sized as a planning value for one
 *  decontamination line with its entry and exit (not a standard's number; stated as such). */
export const DECON_CORRIDOR = { lengthM: 50, halfWidthM: 10 } as const;

export function hazmatZones(plume: PlumeResult | undefined, flammable: FlammableResult | undefined, erg: ErgDistances, upwindDeg: number | null): ZoneSpec[] {
  const downwind = upwindDeg === null ? null : (upwindDeg + 180) % 360;
  const outline = (footprint: ReadonlyArray<readonly [number, number]> | undefined) =>
    footprint && footprint.length > 2 && downwind !== null ? mirroredOutline(downwind, footprint) : null;
  const footprint = (level: string) => outline(plume?.thresholds.find((th) => th.level === level)?.footprint);
  const aegl3 = footprint('AEGL-3');
  const aegl2 = footprint('AEGL-2');
  // The footprint scaled about the source to the band's reach (docs/zones.md, "P10 and P90 outlines").
  const bands = (level: 'AEGL-2' | 'AEGL-3'): ZoneBand[] => {
    const th = plume?.thresholds.find((t) => t.level === level);
    if (!th?.footprint || th.downwindM <= 0 || downwind === null) return [];
    return (['p10', 'p90'] as const).flatMap((band) => {
      const reachM = th.downwindBandM[band];
      const scaled = outline(th.footprint?.map(([along, half]) => [along * (reachM / th.downwindM), half * (reachM / th.downwindM)] as const));
      return scaled && reachM > 0 ? [{ band, name: `${level} footprint at its ${band.toUpperCase()} reach, ${Math.round(reachM)} m`, nameZh: `${level} 影响范围 ${band.toUpperCase()}（${Math.round(reachM)}米）`, polygon: scaled }] : [];
    });
  };
  const halfLel = outline(flammable?.vapourCloud?.halfLel.footprint);
  const hot: ZoneSpec = {
    zone: 'hot', shape: aegl3 ? 'polygon' : 'circle', bearingDeg: downwind,
    parts: [
      { name: `initial isolation, ${erg.isolationM} m all round`, nameZh: `初始隔离区，半径${erg.isolationM}米`, polygon: circle(erg.isolationM) },
      ...(aegl3 ? [{ name: 'AEGL-3 footprint (60 min)', nameZh: 'AEGL-3 影响范围（60分钟）', polygon: aegl3 }] : []),
      ...(halfLel ? [{ name: 'flammable cloud above ½ LEL: no ignition sources', nameZh: '可燃气云（超过爆炸下限一半）：严禁火源', polygon: halfLel }] : []),
    ],
    basis: `${erg.basis}${aegl3 ? '; where the plume exceeds AEGL-3 (life-threatening)' : ''}${halfLel ? '; the flammable cloud above ½ LEL' : ''}`,
    basisZh: `${erg.basisZh}${aegl3 ? '；烟羽超过AEGL-3（危及生命）的范围' : ''}${halfLel ? '；超过爆炸下限一半的可燃气云' : ''}`,
    bands: aegl3 ? bands('AEGL-3') : [],
  };
  const zones: ZoneSpec[] = [hot];
  if (upwindDeg !== null) {
    zones.push({
      zone: 'warm', shape: 'corridor', bearingDeg: upwindDeg,
      parts: [{ name: 'decontamination corridor', nameZh: '洗消通道', polygon: rectangle(upwindDeg, erg.isolationM, erg.isolationM + DECON_CORRIDOR.lengthM, DECON_CORRIDOR.halfWidthM) }],
      basis: `decontamination corridor at the hot zone's upwind edge (${DECON_CORRIDOR.lengthM} m × ${2 * DECON_CORRIDOR.halfWidthM} m planning size)`,
      basisZh: `热区上风边缘的洗消通道（规划尺寸${DECON_CORRIDOR.lengthM}米×${2 * DECON_CORRIDOR.halfWidthM}米）`,
    });
  }
  const protect: ZoneSpec['parts'] = [];
  if (erg.protectiveActionM !== null && downwind !== null) {
    // The ERG draws the protective-action area as a square downwind: as wide as it is long, centred on the wind.
    protect.push({ name: `ERG protective-action area, ${erg.protectiveActionM} m downwind`, nameZh: `ERG防护行动区，下风向${erg.protectiveActionM}米`, polygon: rectangle(downwind, 0, erg.protectiveActionM, erg.protectiveActionM / 2) });
  }
  if (aegl2) protect.push({ name: 'AEGL-2 footprint (60 min)', nameZh: 'AEGL-2 影响范围（60分钟）', polygon: aegl2 });
  if (protect.length > 0) {
    zones.push({
      zone: 'protective_action', shape: 'polygon', bearingDeg: downwind, parts: protect, bands: aegl2 ? bands('AEGL-2') : [],
      basis: 'evacuate or shelter the public: the ERG protective-action area and where the plume exceeds AEGL-2 (disabling)',
      basisZh: '公众疏散或就地避险：ERG防护行动区，以及烟羽超过AEGL-2（致失能）的范围',
    });
  }
  return zones;
}

/** The farthest point of the hot and warm zones upwind of the source (m), for siting the command post. */
export function hazmatUpwindReachM(erg: ErgDistances): number {
  return erg.isolationM + DECON_CORRIDOR.lengthM;
}

/** The circle to clear if fire reaches a pressurised flammable tank (the ERG guide's fragment distance), drawn
 *  as a line, not a zone: it applies only if the tank is exposed to fire. */
export function bleveEvacuationLine(fireIsolationM: number | null | undefined): GroundLine[] {
  if (!fireIsolationM) return [];
  const ring = circle(fireIsolationM, [0, 0], 72);
  return [{
    kind: 'bleve_evacuation', points: [...ring, ring[0]!].map(([e, n]) => [Math.round(e), Math.round(n)]),
    basis: `if fire reaches the tank: evacuate ${fireIsolationM} m in all directions (tank rupture: fireball and fragments, ERG)`,
    basisZh: `若火焰烧及罐体：四周${fireIsolationM}米范围全部撤离（罐体破裂：火球与碎片，ERG）`,
  }];
}
