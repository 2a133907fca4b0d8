// The incident a commander submits. Only `text` is required (docs/input.md); every fact is optional
// and, when given, validated with its unit in its name so that a wrong unit is hard to type.
import { z } from 'zod';
import { STABILITY_CLASSES } from './taxonomy.js';

/** Longest report text accepted: ~40 pages of dispatch notes; a 5 MB paste is refused, not truncated. */
export const MAX_TEXT_CHARS = 20_000;
/** Largest JSON incident accepted (sensor series can be long); a 5 MB text still parses and is refused by field. */
export const MAX_INCIDENT_BYTES = 16 * 1024 * 1024;

const nonNegative = z.number().finite().nonnegative();
const count = z.number().int().nonnegative();

/** A release is continuous (a rate, with or without a duration) or instantaneous (a mass released at once:
 *  a tank rupture, a cylinder failing; docs/input.md). Exactly one of the two amounts is given. */
export const RELEASE_AMOUNT_ISSUE = 'release-amount';

export const releaseSchema = z.object({
  /** Any name: one not in the substance table is kept, and gets the ERG's generic guidance (docs/input.md). */
  substance: z.string().trim().min(1).max(200),
  /** A continuous or finite release: how fast it leaks. Give this or releaseMassKg. */
  rateKgPerS: z.number().finite().positive().max(10_000).optional(),
  /** An instantaneous release: the mass released at once, modelled as a puff. Give this or rateKgPerS. */
  releaseMassKg: z.number().finite().positive().max(10_000_000).optional(),
  heightM: nonNegative.max(500).default(0),
  durationMin: z.number().finite().positive().max(24 * 60).optional(),
  /** Inventory in the tank or vessel (for a BLEVE fireball and the ERG spill size). */
  massKg: z.number().finite().positive().max(10_000_000).optional(),
  /** What a refrigerated liquid (LNG) spills onto: its pool's boil-off (docs/physics.md, "An LNG pool"). Unknown: land, the larger pool. */
  spillSurface: z.enum(['land', 'water']).optional(),
  /** Area of the bund (dike) that holds a spill on land, m². */
  bundAreaM2: z.number().finite().positive().max(1_000_000).optional(),
}).superRefine((release, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, params: { kind: RELEASE_AMOUNT_ISSUE } });
  if (release.rateKgPerS === undefined && release.releaseMassKg === undefined) {
    issue('rateKgPerS', 'give rateKgPerS (a continuous release) or releaseMassKg (a mass released at once)');
  } else if (release.rateKgPerS !== undefined && release.releaseMassKg !== undefined) {
    issue('releaseMassKg', 'give rateKgPerS (a continuous release) or releaseMassKg (a mass released at once), not both');
  } else if (release.releaseMassKg !== undefined && release.durationMin !== undefined) {
    issue('durationMin', 'an instantaneous release (releaseMassKg) has no duration: give rateKgPerS with durationMin for a finite one');
  }
});

export const weatherSchema = z.object({
  windSpeedMps: nonNegative.max(60),
  windFromDeg: nonNegative.max(360),
  stability: z.enum(STABILITY_CLASSES).optional(),
  cloudOktas: count.max(8).optional(),
  daytime: z.boolean().optional(),
  /** Daytime solar insolation; derived from cloud cover when absent. */
  insolation: z.enum(['strong', 'moderate', 'slight']).optional(),
  temperatureC: z.number().finite().min(-60).max(60).optional(),
  relativeHumidityPct: nonNegative.max(100).optional(),
});

export const fireFactsSchema = z.object({
  /** Anderson (1982) fuel model number, 1–13. */
  fuelModel: z.number().int().min(1).max(13),
  /** Wind at midflame height. */
  midflameWindSpeedMps: nonNegative.max(30).optional(),
  slopePct: nonNegative.max(200).default(0),
  /** Compass bearing pointing up the slope (aspect + 180), degrees clockwise from north. */
  upslopeTowardDeg: nonNegative.max(360).optional(),
  /** Dead fine fuel moisture, percent of oven-dry weight. */
  deadFuelMoisturePct: z.number().finite().min(1).max(60).default(6),
  liveFuelMoisturePct: z.number().finite().min(30).max(300).default(100),
  durationMin: z.number().finite().positive().max(24 * 60).default(60),
  /** Distance from the fire to the nearest exposed community, downwind. */
  distanceToCommunityM: nonNegative.optional(),
  /** How long the fire has burned: gives its area now (the zones' hot zone). */
  burningForMin: nonNegative.max(7 * 24 * 60).optional(),
});

export const floodFactsSchema = z.object({
  breachWidthM: z.number().finite().positive().max(5_000),
  /** Water surface upstream of the breach above the breach sill (the weir head). */
  headM: z.number().finite().positive().max(30),
  polderAreaKm2: z.number().finite().positive().max(10_000),
  initialDepthM: nonNegative.max(30).default(0),
  /** Broad-crested weir coefficient in SI units (m^0.5/s); 1.7 is the textbook value. */
  weirCoefficient: z.number().finite().min(1).max(2.2).default(1.7),
  targetDepthsM: z.array(z.number().finite().positive().max(30)).max(10).default([0.5, 1, 2]),
  rainMm: nonNegative.max(2_000).optional(),
  curveNumber: z.number().finite().min(30).max(100).optional(),
});

export const quakeFactsSchema = z.object({
  magnitude: z.number().finite().min(2).max(9.9),
  depthKm: nonNegative.max(700).default(10),
  /** Distance from the epicentre to the place of the report. */
  siteDistanceKm: nonNegative.max(2_000).optional(),
  /** Strike of the causative fault, degrees clockwise from north: the bearing of the isoseismals' long axis. */
  faultStrikeDeg: nonNegative.max(360).optional(),
});

/** A place the commander worries about (a village, a school, a hospital): where it is from the incident's
 *  origin (the release point, ignition point, breach or epicentre) and who is there. */
export const placeSchema = z.object({
  name: z.string().trim().min(1).max(200),
  distanceM: z.number().finite().nonnegative().max(500_000),
  /** Compass bearing of the place as seen from the origin (0 = north, clockwise). */
  bearingDeg: nonNegative.max(360),
  population: count.max(100_000_000).optional(),
  /** The report gave no direction: the place was put downwind (the worse case). */
  bearingAssumed: z.boolean().optional(),
});

export const factsSchema = z.object({
  deaths: count.optional(),
  seriousInjuries: count.optional(),
  injuries: count.optional(),
  trapped: count.optional(),
  missing: count.optional(),
  exposed: count.optional(),
  evacuated: count.optional(),
  directLossCny: nonNegative.optional(),
  /** Area a wildfire has burned so far, as reported: grades it under the Forest Fire Prevention Regulations
   *  (docs/taxonomy-and-severity.md). */
  burnedAreaHa: nonNegative.max(10_000_000).optional(),
  populationDensityPerKm2: nonNegative.max(100_000).optional(),
  release: releaseSchema.optional(),
  weather: weatherSchema.optional(),
  terrain: z.enum(['rural', 'urban']).optional(),
  fire: fireFactsSchema.optional(),
  flood: floodFactsSchema.optional(),
  quake: quakeFactsSchema.optional(),
  places: z.array(placeSchema).max(100).optional(),
  /** How long getting people out takes: places the fire's evacuation trigger line and decides between
   *  evacuating and sheltering in place. */
  evacuationTimeMin: z.number().finite().positive().max(24 * 60).optional(),
});

export const SENSOR_KINDS = ['gas_ppm', 'water_level_m', 'temperature_c', 'wind_speed_mps', 'displacement_mm', 'other'] as const;

/** Beyond any sensor's range in any unit the kinds use; readings near 1e308 would overflow the trend's
 *  arithmetic (a difference of two becomes Infinity), so they are refused as not a measurement. */
export const SENSOR_VALUE_LIMIT = 1e12;
const sensorValue = z.number().finite().min(-SENSOR_VALUE_LIMIT).max(SENSOR_VALUE_LIMIT);

export const sensorReadingSchema = z.object({
  /** ISO-8601 time of the reading. */
  at: z.iso.datetime({ offset: true }),
  value: sensorValue,
});

export const sensorSchema = z.object({
  id: z.string().min(1).max(64),
  kind: z.enum(SENSOR_KINDS),
  /** Level at which the reading becomes dangerous; its crossing time is forecast. */
  thresholdValue: sensorValue.optional(),
  readings: z.array(sensorReadingSchema).min(1).max(10_000),
});

export const UNIT_KINDS = [
  'fire_engine', 'hazmat_team', 'ambulance', 'rescue_team', 'police', 'boat_team', 'engineering', 'command', 'drone',
] as const;

export const resourceSchema = z.object({
  id: z.string().min(1).max(64),
  kind: z.enum(UNIT_KINDS),
  name: z.string().max(200).optional(),
  /** Minutes until the unit can be on scene. */
  etaMin: nonNegative.max(24 * 60),
});

export const incidentSchema = z.object({
  id: z.string().min(1).max(128).regex(/^[\w.:-]+$/, 'only letters, digits, _ . : -').optional(),
  text: z.string().trim().min(1).max(MAX_TEXT_CHARS),
  lang: z.enum(['zh', 'en']).optional(),
  reportedAt: z.iso.datetime({ offset: true }).optional(),
  location: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
  facts: factsSchema.default({}),
  sensors: z.array(sensorSchema).max(100).default([]),
  resources: z.array(resourceSchema).max(500).optional(),
});

/** What a client sends (defaults not yet applied). */
export type IncidentInput = z.input<typeof incidentSchema>;
/** A validated incident with defaults applied: what the agents receive. */
export type Incident = z.output<typeof incidentSchema>;
export type Facts = z.output<typeof factsSchema>;
export type Release = z.output<typeof releaseSchema>;
export type Weather = z.output<typeof weatherSchema>;
export type FireFacts = z.output<typeof fireFactsSchema>;
export type FloodFacts = z.output<typeof floodFactsSchema>;
export type QuakeFacts = z.output<typeof quakeFactsSchema>;
export type Place = z.output<typeof placeSchema>;
export type Sensor = z.output<typeof sensorSchema>;
export type Resource = z.output<typeof resourceSchema>;
export type UnitKind = (typeof UNIT_KINDS)[number];
