// Screening distances used before (or without) a physical model: how far around the scene people are
// counted as at risk. Where a published figure exists it is cited; the rest are planning assumptions,
// reported as such in the output so a commander can overrule them.
import type { IncidentType } from '../contract/taxonomy.js';

export const SCREENING_RADIUS_M: Record<IncidentType, { radiusM: number; basis: string }> = {
  hazmat_release: { radiusM: 800, basis: 'ERG 2024: isolate 800 m in all directions when a tank car or truck is involved' },
  explosion: { radiusM: 1600, basis: 'ERG 2024 Guide 112: isolate 1600 m for a vehicle load of explosives' },
  structure_fire: { radiusM: 300, basis: 'planning assumption: one city block around the fire building' },
  wildfire: { radiusM: 2000, basis: 'planning assumption: 2 km around the fire front' },
  flood: { radiusM: 2000, basis: 'planning assumption: 2 km when the flooded area is not stated' },
  earthquake: { radiusM: 10_000, basis: 'planning assumption: 10 km when magnitude is not stated' },
  landslide: { radiusM: 500, basis: 'planning assumption: 500 m run-out and upslope area' },
  traffic_accident: { radiusM: 100, basis: 'planning assumption: 100 m scene' },
  building_collapse: { radiusM: 200, basis: 'planning assumption: collapse zone of 1.5× building height plus neighbours' },
  mine_accident: { radiusM: 500, basis: 'planning assumption: the mine surface works around the shaft (the people at risk are underground: count them from the headcount)' },
  severe_weather: { radiusM: 10_000, basis: 'planning assumption: 10 km around the reported place when the storm\'s track is not stated' },
  other: { radiusM: 100, basis: 'planning assumption: 100 m scene' },
};

/** Urban default density when the commander states none and terrain is urban (planning assumption,
 *  of the order of dense Chinese urban districts). Rural uses the national mean (population.ts). */
export const URBAN_DEFAULT_DENSITY_PER_KM2 = 5000;
