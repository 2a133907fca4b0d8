// The grading standards China uses for each kind of incident, with their thresholds (the lower bound of
// levels I, II and III; below all of them the level is IV). Sources and editions: docs/taxonomy-and-severity.md.
import type { IncidentType, SeverityStandard } from '../contract/taxonomy.js';

export type { SeverityStandard } from '../contract/taxonomy.js';

/** Thresholds by figure: [level I from, level II from, level III from]. */
export type Thresholds = readonly [number, number, number];

export interface StandardDefinition {
  /** Which figures grade, and from which value each level starts. */
  deaths: Thresholds;
  /** The missing are counted with the dead by the standard itself (the 2012 earthquake plan: 死亡(含失踪)). */
  missingCountsAsDead: boolean;
  seriousInjuries?: Thresholds;
  directLossCny?: Thresholds;
  /** People who must be moved away from a threat (险情 grading of the geological disaster plan). */
  evacuated?: Thresholds;
  /** Area burned, in hectares: forest fires are graded by the forest area they damaged. */
  burnedForestHa?: Thresholds;
  /** The plan's initial judgement from the magnitude, before casualty counts are known, by population density. */
  magnitude?: { moderatelyPopulated: Thresholds; denselyPopulated: Thresholds };
}

export const STANDARD_DEFINITIONS: Readonly<Record<SeverityStandard, StandardDefinition>> = {
  // State Council Order 493 (2007), Article 3: production-safety accidents.
  'order-493': { deaths: [30, 10, 3], missingCountsAsDead: false, seriousInjuries: [100, 50, 10], directLossCny: [100e6, 50e6, 10e6] },
  // National Earthquake Emergency Plan (国家地震应急预案, 2012 revision), annex on grading: deaths including
  // the missing; initial judgement: M ≥ 7.0 / 6.0–7.0 / 5.0–6.0 in moderately populated areas, one
  // magnitude lower in densely populated ones. (The loss criterion is a share of the province's GDP: not
  // gradeable from a report.)
  'national-earthquake-plan': {
    deaths: [300, 50, 10], missingCountsAsDead: true,
    magnitude: { moderatelyPopulated: [7.0, 6.0, 5.0], denselyPopulated: [6.0, 5.0, 4.0] },
  },
  // National Emergency Plan for Sudden Geological Disasters (国家突发地质灾害应急预案, 2006): disaster (灾情) by
  // deaths and direct loss; threat (险情) by the people who must be relocated.
  'national-geological-disaster-plan': {
    deaths: [30, 10, 3], missingCountsAsDead: false, directLossCny: [10e6, 5e6, 1e6], evacuated: [1000, 500, 100],
  },
  // Forest Fire Prevention Regulations (森林防火条例, State Council, 2008 revision), Article 40: forest fires by
  // the forest area damaged (1 / 100 / 1000 ha), deaths and serious injuries, the worst of the three.
  'forest-fire-regulations': {
    deaths: [30, 10, 3], missingCountsAsDead: false, seriousInjuries: [100, 50, 10], burnedForestHa: [1000, 100, 1],
  },
};

/** Anderson's (1982) grass models 1–3: a grass fire's area is not forest area, so the forest regulations'
 *  area criterion does not grade it (grassland fires have regulations of their own, not encoded). */
export const GRASS_FUEL_MODELS: ReadonlySet<number> = new Set([1, 2, 3]);

/** The standard that grades an incident of this type. Floods and severe weather have national plans whose
 *  levels are response levels, not grades (docs/taxonomy-and-severity.md): they are graded by Order 493's
 *  thresholds and the result says so. */
export function standardFor(type: IncidentType): SeverityStandard {
  if (type === 'earthquake') return 'national-earthquake-plan';
  if (type === 'landslide') return 'national-geological-disaster-plan';
  if (type === 'wildfire') return 'forest-fire-regulations';
  return 'order-493';
}
