// A-Agent (Awareness): the situational picture from the Strategist's assessment, the Field experts'
// physics and the incident's own data: sensor trends and anomalies, a screening estimate of the
// population at risk, and a 5×5 likelihood × consequence risk matrix.
import type { Incident } from '../../contract/incident.js';
import type { AwarenessResult, FieldResult, StrategistResult } from '../../contract/result.js';
import { findSubstance } from '../../contract/substances.js';
import { DEFAULT_POPULATION_DENSITY_PER_KM2 } from '../../knowledge/population.js';
import { SCREENING_RADIUS_M, URBAN_DEFAULT_DENSITY_PER_KM2 } from '../../knowledge/screening.js';
import { analyseSensor, type ModelAnomaly } from './sensorTrends.js';
import { physicsExposure, type PhysicsExposure } from './physicsExposure.js';
import { severityFromPhysics } from './physicsSeverity.js';

const SEVERITY_CONSEQUENCE = { I: 5, II: 4, III: 3, IV: 2 } as const;

export function densityFor(incident: Incident): { densityPerKm2: number; source: 'fact' | 'default' } {
  if (incident.facts.populationDensityPerKm2 !== undefined) return { densityPerKm2: incident.facts.populationDensityPerKm2, source: 'fact' };
  return { densityPerKm2: incident.facts.terrain === 'urban' ? URBAN_DEFAULT_DENSITY_PER_KM2 : DEFAULT_POPULATION_DENSITY_PER_KM2, source: 'default' };
}

/** Intensity from which buildings are damaged (GB/T 17742 VII): the quake's screening area ends there. */
const DAMAGE_INTENSITY = 7;

function screeningArea(incident: Incident, strategist: StrategistResult, field: FieldResult, exposure: PhysicsExposure | null): { radiusM: number; areaKm2: number; basis: string; basisZh: string } {
  const { flood } = incident.facts;
  // Where the physics drew the harm (a plume's AEGL-2 footprint, the fire's forecast area), that is the area at risk.
  if (exposure && exposure.areaKm2 > 0) return { radiusM: Math.sqrt((exposure.areaKm2 * 1e6) / Math.PI), areaKm2: exposure.areaKm2, basis: exposure.basis, basisZh: exposure.basisZh };
  if (strategist.type === 'flood' && flood) {
    return { radiusM: Math.sqrt((flood.polderAreaKm2 * 1e6) / Math.PI), areaKm2: flood.polderAreaKm2, basis: 'the flooded polder area stated in the report', basisZh: '报告给出的进水垸区面积' };
  }
  // The F-Agent's intensity rings: the outer edge of ring VII is the (expected) isoseismal of VII.
  const damageRing = strategist.type === 'earthquake' ? field.quake?.rings.find((r) => r.intensity === DAMAGE_INTENSITY) : undefined;
  if (damageRing) {
    return {
      radiusM: damageRing.longAxisKm * 1000,
      areaKm2: Math.PI * damageRing.longAxisKm * damageRing.shortAxisKm,
      basis: 'area shaken at intensity VII or more (the F-Agent\'s elliptical rings, Yu et al. 2013), where damage begins; radius is the long semi-axis',
      basisZh: '烈度VII度及以上区域（F智能体的椭圆烈度圈，俞言祥等2013），建筑开始破坏；半径为长半轴',
    };
  }
  const { radiusM, basis, basisZh } = SCREENING_RADIUS_M[strategist.type];
  return { radiusM, areaKm2: (Math.PI * radiusM * radiusM) / 1e6, basis, basisZh };
}

function riskMatrix(strategist: StrategistResult, sensors: AwarenessResult['sensors'], populationAtRisk: number, exposure: PhysicsExposure | null): AwarenessResult['riskMatrix'] {
  const drivers: string[] = [];
  let likelihood = 2;
  if (sensors.some((s) => s.exceeded)) { likelihood = 5; drivers.push('a sensor is above its threshold'); }
  else if (sensors.some((s) => s.minutesToThreshold !== null && s.minutesToThreshold <= 60)) { likelihood = 4; drivers.push('a sensor will cross its threshold within an hour'); }
  else if (sensors.some((s) => s.trend === 'rising')) { likelihood = 3; drivers.push('a sensor is rising'); }
  if (strategist.secondaryHazards.length > 0) {
    likelihood = Math.min(5, likelihood + 1);
    drivers.push(`secondary hazards: ${strategist.secondaryHazards.map((h) => h.type).join(', ')}`);
  }
  let consequence: number = SEVERITY_CONSEQUENCE[strategist.severity];
  drivers.push(`severity ${strategist.severity}${strategist.severityIsEstimate ? ' (estimate)' : ''}`);
  if (populationAtRisk >= 10_000) { consequence = Math.min(5, consequence + 1); drivers.push(`${Math.round(populationAtRisk)} people in the area at risk`); }
  // The physics sets floors: what it forecasts for people cannot be outweighed by a low count so far.
  if (exposure && (exposure.likelihoodFloor > likelihood || exposure.consequenceFloor > consequence)) {
    likelihood = Math.max(likelihood, exposure.likelihoodFloor);
    consequence = Math.max(consequence, exposure.consequenceFloor);
    drivers.push(exposure.driver);
  }
  const score = likelihood * consequence;
  // Bands of the common 5×5 matrix (e.g. ISO 31010 examples): ≤ 4 low, ≤ 9 medium, ≤ 16 high, above extreme.
  const level = score <= 4 ? 'low' : score <= 9 ? 'medium' : score <= 16 ? 'high' : 'extreme';
  return { likelihood, consequence, score, level, drivers };
}

/** `modelAnomalies[i]` are the sensor-anomaly model's findings for incident.sensors[i] (absent: robust z only). */
export function runAwareness(incident: Incident, strategist: StrategistResult, field: FieldResult, modelAnomalies?: readonly ModelAnomaly[][]): AwarenessResult {
  const release = incident.facts.release;
  const aegl2 = release ? findSubstance(release.substance)?.aeglPpm['AEGL-2'] ?? undefined : undefined;
  const sensors = incident.sensors.map((s, i) => analyseSensor(s, s.kind === 'gas_ppm' ? aegl2 : undefined, modelAnomalies?.[i]));
  const { densityPerKm2, source } = densityFor(incident);
  const exposure = physicsExposure(field, densityPerKm2);
  const area = screeningArea(incident, strategist, field, exposure);
  const estimate = Math.round(area.areaKm2 * densityPerKm2);
  const physicsLevel = severityFromPhysics(field, densityPerKm2);
  return {
    sensors,
    populationAtRisk: { estimate, radiusM: Math.round(area.radiusM), densityPerKm2, densitySource: source, basis: area.basis, basisZh: area.basisZh },
    ...(physicsLevel ? { severityFromPhysics: physicsLevel } : {}),
    riskMatrix: riskMatrix(strategist, sensors, estimate, exposure),
  };
}
