// The zones responders draw, each with its geometry in metres east and north of the incident's origin,
// the command post and staging area, and ground lines such as the evacuation trigger (docs/zones.md).
// Falls back to the Awareness agent's screening radius when no physical model ran.
import type { Incident } from '../../../contract/incident.js';
import type { AwarenessResult, ExecutorResult, FieldResult } from '../../../contract/result.js';
import { circle } from './geometry.js';
import { makeZone, type ZoneSpec } from './zone.js';
import { bleveEvacuationLine, hazmatUpwindReachM, hazmatZones, type ErgDistances } from './hazmatZones.js';
import { DEFAULT_EVACUATION_MIN, fireZones } from './fireZones.js';
import { floodZones, quakeZones } from './quakeAndFloodZones.js';
import { commandSites } from './sites.js';

type ZonePlan = Pick<ExecutorResult, 'zones' | 'origin' | 'sites' | 'groundLines' | 'wind'>;

/** The ERG distances the F-Agent chose (Table 1, Table 3 or the guide page; day or night), as zone sizes. */
function ergDistances(hazmat: NonNullable<FieldResult['hazmat']>): ErgDistances {
  const km = hazmat.daytime ? hazmat.protectiveActionDayKm : hazmat.protectiveActionNightKm;
  const where = hazmat.source === 'guide' ? `guide ${hazmat.ergGuide}` : hazmat.source === 'table1' ? 'Table 1' : 'Table 3';
  const whereZh = hazmat.source === 'guide' ? `指南${hazmat.ergGuide}` : hazmat.source === 'table1' ? '表1' : '表3';
  const spill = hazmat.spillSize === 'small' ? 'small spill' : 'large spill';
  const spillZh = hazmat.spillSize === 'small' ? '小量泄漏' : '大量泄漏';
  return {
    isolationM: hazmat.isolationM, protectiveActionM: km === null ? null : km * 1000,
    basis: `initial isolation ${hazmat.isolationM} m in all directions (${hazmat.ergEdition} ${where}, ${spill})`,
    basisZh: `初始隔离${hazmat.isolationM}米（${hazmat.ergEdition} ${whereZh}，${spillZh}）`,
  };
}

export function planZones(incident: Incident, field: FieldResult, awareness: AwarenessResult): ZonePlan {
  const density = awareness.populationAtRisk.densityPerKm2;
  const windFromDeg = incident.facts.weather?.windFromDeg ?? null;
  // The map says which wind the zones were drawn with, so it needs no guess of its own (docs/zones.md).
  const wind = windFromDeg !== null ? { fromDeg: windFromDeg, speedMps: incident.facts.weather?.windSpeedMps ?? null } : undefined;
  const finish = (origin: ZonePlan['origin'], specs: ZoneSpec[], extra: Omit<ZonePlan, 'zones' | 'origin' | 'wind'> = {}): ZonePlan => ({
    zones: specs.map((s) => makeZone(s, density)), origin, ...extra, ...(wind ? { wind } : {}),
  });

  // Every release gets the F-Agent's ERG block (a substance not in the table gets Guide 111's).
  if (field.hazmat) {
    const erg = ergDistances(field.hazmat);
    const specs = hazmatZones(field.plume, field.flammable, erg, windFromDeg);
    const sites = windFromDeg !== null ? commandSites(windFromDeg, hazmatUpwindReachM(erg), specs, 'release', '泄漏源') : [];
    const lines = field.hazmat.hazards !== 'toxic' ? bleveEvacuationLine(field.hazmat.fireIsolationM) : [];
    return finish({ kind: 'release', name: 'release point', nameZh: '泄漏源' }, specs, { sites, groundLines: lines });
  }
  if (field.fire) {
    // The F-Agent's direction of maximum spread: downwind, upslope, or their vector sum.
    const axis = field.fire.ellipse.spreadTowardDeg ?? null;
    const facts = incident.facts.fire;
    const { zones, lines, upwindReachM } = fireZones(field.fire, axis, {
      burningForMin: facts?.burningForMin, evacuationMin: incident.facts.evacuationTimeMin ?? DEFAULT_EVACUATION_MIN, distanceToCommunityM: facts?.distanceToCommunityM,
    });
    const sites = windFromDeg !== null ? commandSites(windFromDeg, upwindReachM, zones, 'fire', '火场') : [];
    return finish({ kind: 'ignition', name: 'ignition point', nameZh: '起火点' }, zones, { sites, groundLines: lines });
  }
  if (field.quake) return finish({ kind: 'epicentre', name: 'epicentre', nameZh: '震中' }, quakeZones(field.quake));
  if (field.flood) return finish({ kind: 'breach', name: 'levee breach', nameZh: '决口' }, floodZones(field.flood));
  const r = awareness.populationAtRisk.radiusM;
  const screening = (zone: ZoneSpec['zone'], radiusM: number, basis: string, basisZh: string): ZoneSpec => ({
    zone, shape: 'circle', bearingDeg: null, drawing: 'schematic', basis, basisZh,
    parts: [{ name: basis, nameZh: basisZh, polygon: circle(radiusM) }],
  });
  return finish({ kind: 'incident', name: 'incident', nameZh: '事发点' }, [
    screening('hot', r / 4, `a quarter of the screening radius (${awareness.populationAtRisk.basis})`, '筛查半径的四分之一'),
    screening('warm', r / 2, 'half of the screening radius', '筛查半径的一半'),
    screening('cold', r, awareness.populationAtRisk.basis, '筛查半径'),
  ]);
}
