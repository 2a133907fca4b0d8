// The level the physics' own estimates would grade to, beside the level from the reported figures
// (docs/taxonomy-and-severity.md, "Estimated level"): a quake's estimated deaths under the earthquake plan;
// the people a plume reaches at AEGL-2 under Order 493, whose serious injuries include acute poisoning
// (重伤（包括急性工业中毒）) — AEGL-2 is the level of serious, long-lasting effects; a forest fire's area at the
// forecast's horizon under the Forest Fire Prevention Regulations (a grass fire's is not forest area). All are
// estimates of what happens if nothing is done, marked as such; the higher level drives the plan.
import type { AwarenessResult, FieldResult } from '../../contract/result.js';
import { SEVERITY_COLOURS } from '../../contract/taxonomy.js';
import { gradeSeverity } from '../common/severityGrade.js';
import { footprintAreaKm2 } from './physicsExposure.js';
import { groupedNumber } from '../../contract/wording.js';
import { GRASS_FUEL_MODELS } from '../../knowledge/severityStandards.js';

export function severityFromPhysics(field: FieldResult, densityPerKm2: number): AwarenessResult['severityFromPhysics'] {
  if (field.quake) {
    const deaths = Math.round(field.quake.estimatedFatalities.p50);
    const grade = gradeSeverity({ deaths: { value: deaths, source: 'estimate' } }, 'national-earthquake-plan');
    return {
      severity: grade.severity, colour: SEVERITY_COLOURS[grade.severity], standard: grade.standard,
      basis: `${groupedNumber(deaths)} deaths estimated (P50, PAGER-style model) graded by the earthquake plan`,
      basisZh: `估计死亡${groupedNumber(deaths)}人（P50，PAGER方法），按国家地震应急预案分级`,
    };
  }
  const aegl2 = field.plume?.thresholds.find((t) => t.level === 'AEGL-2');
  if (aegl2?.footprint) {
    const people = Math.round(footprintAreaKm2(aegl2.footprint) * densityPerKm2);
    const grade = gradeSeverity({ seriousInjuries: { value: people, source: 'estimate' } }, 'order-493');
    return {
      severity: grade.severity, colour: SEVERITY_COLOURS[grade.severity], standard: grade.standard,
      basis: `${groupedNumber(people)} people inside the AEGL-2 footprint, counted as possible acute poisonings (serious injuries under Order 493) if they are not protected`,
      basisZh: `AEGL-2范围内约${groupedNumber(people)}人，若不采取防护，按可能的急性中毒（《493号令》重伤）计`,
    };
  }
  const fire = field.fire;
  if (fire && !GRASS_FUEL_MODELS.has(fire.fuelModel)) {
    const areaHa = fire.ellipse.areaHa;
    const grade = gradeSeverity({}, 'forest-fire-regulations', { burnedForestHa: { value: areaHa, source: 'estimate' } });
    const shown = areaHa >= 10 ? groupedNumber(areaHa) : String(Math.round(areaHa * 10) / 10);
    return {
      severity: grade.severity, colour: SEVERITY_COLOURS[grade.severity], standard: grade.standard,
      basis: `${shown} ha burned in the forecast's ${fire.durationMin} minutes if the fire is not checked, graded by the Forest Fire Prevention Regulations`,
      basisZh: `若不扑救，预测${fire.durationMin}分钟内过火${shown}公顷，按《森林防火条例》分级`,
    };
  }
  return undefined;
}
