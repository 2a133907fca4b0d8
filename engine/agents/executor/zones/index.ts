// The zones responders draw, each with its geometry in metres east and north of the incident's origin,
// the command post and staging area, and ground lines such as the evacuation trigger (docs/zones.md).
// Falls back to the Awareness agent's screening radius when no physical model ran.
import type { Incident } from '../../../contract/incident.js';
import type { AwarenessResult, ExecutorResult, FieldResult } from '../../../contract/result.js';
import { circle } from './geometry.js';
import { makeZone, type ZoneSpec } from './zone.js';
import { hazmatUpwindReachM, hazmatZones, type ErgDistances } from './hazmatZones.js';
import { DEFAULT_EVACUATION_MIN, fireZones } from './fireZones.js';
import { floodZones, quakeZones } from './quakeAndFloodZones.js';
import { commandSites } from './sites.js';

type ZonePlan = Pick<ExecutorResult, 'zones' | 'origin' | 'sites' | 'groundLines'>;

/** Until a substance's own ERG entry is known: the orange guides' isolation for gas releases, "at least
 *  100 m in all directions" (ERG 2024). */
const GENERIC_ISOLATION: ErgDistances = {
  isolationM: 100, protectiveActionM: null,
  basis: 'initial isolation of at least 100 m in all directions (ERG 2024 orange guides for gases)',
  basisZh: '初始隔离至少100米（ERG 2024 气体类指南）',
};

export function planZones(incident: Incident, field: FieldResult, awareness: AwarenessResult): ZonePlan {
  const density = awareness.populationAtRisk.densityPerKm2;
  const finish = (origin: ZonePlan['origin'], specs: ZoneSpec[], extra: Omit<ZonePlan, 'zones' | 'origin'> = {}): ZonePlan => ({
    zones: specs.map((s) => makeZone(s, density)), origin, ...extra,
  });
  const windFromDeg = incident.facts.weather?.windFromDeg ?? null;

  if (field.plume || incident.facts.release) {
    const erg = GENERIC_ISOLATION;
    const specs = hazmatZones(field.plume, erg, windFromDeg);
    const sites = windFromDeg !== null ? commandSites(windFromDeg, hazmatUpwindReachM(erg), specs, 'release', '泄漏源') : [];
    return finish({ kind: 'release', name: 'release point', nameZh: '泄漏源' }, specs, { sites });
  }
  if (field.fire) {
    const axis = windFromDeg !== null ? (windFromDeg + 180) % 360 : null;
    const facts = incident.facts.fire;
    const { zones, lines, upwindReachM } = fireZones(field.fire, axis, {
      burningForMin: facts?.burningForMin, evacuationMin: facts?.evacuationTimeMin ?? DEFAULT_EVACUATION_MIN, distanceToCommunityM: facts?.distanceToCommunityM,
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
