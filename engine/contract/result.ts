// The analysis result. Field names fixed by the public contract (docs/result.md): id, status, strategist.type /
// confidence / severity, awareness, field, executor, models, timingsMs, field.plume.thresholds. The rest
// is documented there too.
import { z } from 'zod';
import { AEGL_LEVELS, INCIDENT_TYPES, SEVERITY_LEVELS, STABILITY_CLASSES, PIPELINE_STAGES, SEVERITY_STANDARDS, NOT_INCIDENT_REASONS, FIGURE_NAMES } from './taxonomy.js';
import { UNIT_KINDS, SENSOR_KINDS } from './incident.js';
import { ERROR_CODES } from './errors.js';
import { RELEASE_TEMPERATURE_BASES } from './releaseTemperature.js';

const errorCode = z.enum(Object.values(ERROR_CODES) as [string, ...string[]]);
export const errorBodySchema = z.object({ code: errorCode, message: z.string(), field: z.string().optional() });

const provenance = z.enum(['fact', 'text', 'estimate']);

/** Where something was read in the report's text: [start, end) UTF-16 offsets, so a reader can check it in one glance. */
export const spanSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]);

export const severityCountSchema = z.object({
  value: z.number(),
  source: provenance,
  /** Stated as a lower bound ("over 30", "三十余人"): at least this many. */
  lowerBound: z.boolean().optional(),
  /** Where in the report's text it was read. */
  span: spanSchema.optional(),
});

/** A figure the commander stated in the form and the report's text gives differently: both are kept. */
export const figureConflictSchema = z.object({
  figure: z.enum(FIGURE_NAMES),
  stated: z.number(),
  read: z.number(),
  /** Where the text's figure stands. */
  span: spanSchema.optional(),
  /** Which one grading used: the more severe (the larger count). */
  used: z.enum(['stated', 'read']),
});

/** The report describes a drill or exercise (`cue`: the words that say so). */
export const drillSchema = z.object({ cue: z.string(), span: spanSchema });

/** Why a message is not an incident at all, and the words that say so. */
export const notIncidentSchema = z.object({
  reason: z.enum(NOT_INCIDENT_REASONS), cue: z.string(),
  /** `learned_notice` only: the report-screen model's probability that the message is not an incident happening now. */
  probability: z.number().min(0).max(1).optional(),
});

export const strategistSchema = z.object({
  type: z.enum(INCIDENT_TYPES),
  confidence: z.number().min(0).max(1),
  severity: z.enum(SEVERITY_LEVELS),
  severityColour: z.enum(['red', 'orange', 'yellow', 'blue']),
  /** True when any figure behind the severity was estimated rather than stated. */
  severityIsEstimate: z.boolean(),
  severityConfidence: z.number().min(0).max(1),
  /** The figures the severity was graded on, each with where it came from. */
  severityBasis: z.object({
    deaths: severityCountSchema.optional(),
    seriousInjuries: severityCountSchema.optional(),
    directLossCny: severityCountSchema.optional(),
    evacuated: severityCountSchema.optional(),
    /** A wildfire's burned area in hectares (the Forest Fire Prevention Regulations grade forest fires by it). */
    burnedForestHa: severityCountSchema.optional(),
  }),
  /** The grading standard applied: Order 493 for production-safety accidents, the national plans for natural disasters (docs/taxonomy-and-severity.md). */
  severityStandard: z.enum(SEVERITY_STANDARDS),
  /** Figures the form states and the report's text gives differently: both kept; grading used the more severe. */
  figureConflicts: z.array(figureConflictSchema).optional(),
  /** Why the message is not an incident at all (`type` is then `other`), and the words that say so. */
  notIncidentReason: notIncidentSchema.optional(),
  /** The report describes a drill or exercise (`cue`: the words that say so); the type is the scenario's hazard. */
  drill: drillSchema.optional(),
  /** The standard's initial judgement from the event itself (an earthquake's magnitude), kept beside the level from the figures. */
  severityInitial: z.object({ severity: z.enum(SEVERITY_LEVELS), basis: z.string() }).optional(),
  /** Counts found in facts or text (trapped, exposed, evacuated, ...). */
  figures: z.record(z.string(), severityCountSchema),
  typeScores: z.record(z.enum(INCIDENT_TYPES), z.number()),
  secondaryHazards: z.array(z.object({ type: z.enum(INCIDENT_TYPES), cue: z.string(), confidence: z.number() })),
  language: z.enum(['zh', 'en']),
  sop: z.object({ id: z.string(), title: z.string(), titleZh: z.string() }),
  priorityWeights: z.record(z.string(), z.number()),
  objectives: z.array(z.object({
    id: z.string(), title: z.string(), titleZh: z.string(), score: z.number(),
    factors: z.record(z.string(), z.number()),
  })),
});

/** The physical facts the reading step takes from a report's words for the Field experts. */
export const TEXT_FACTS = ['quake.magnitude', 'quake.depthKm', 'weather.windFromDeg', 'weather.windSpeedMps', 'weather.daytime', 'release.substance', 'release.rateKgPerS',
  'release.massKg', 'release.durationMin', 'release.instantaneous', 'flood.breachWidthM', 'flood.headM', 'flood.polderAreaKm2', 'flood.rainMm',
  'fire.fuelModel', 'fire.slopePct', 'fire.burningForMin', 'fire.distanceToCommunityM', 'fire.burnedAreaHa', 'place'] as const;
/** A place the report names with a distance: its direction is a compass bearing, the wind's (downwind,
 *  upwind), or not stated (null); it becomes a facts.places entry once the wind is known. */
export const textPlaceSchema = z.object({
  name: z.string(),
  distanceM: z.number(),
  direction: z.union([z.number(), z.enum(['downwind', 'upwind'])]).nullable(),
  population: z.number().nullable(),
});
export const textFactSchema = z.object({
  fact: z.enum(TEXT_FACTS),
  value: z.union([z.number(), z.string(), z.boolean(), textPlaceSchema]),
  /** Where in the report's text it was read. */
  span: spanSchema,
});
export type TextFact = z.infer<typeof textFactSchema>;
export type TextPlace = z.infer<typeof textPlaceSchema>;

const modelCard = {
  method: z.string(),
  inputsUsed: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  assumptions: z.array(z.string()),
  validity: z.string(),
  /** Inputs the model had to default because the incident did not state them. */
  defaulted: z.array(z.string()),
  /** Defaults chosen as the worse case (unknown time of day → night), each said plainly for the commander. */
  worseCaseDefaults: z.array(z.object({ input: z.string(), assumed: z.string(), why: z.string(), whyZh: z.string() })).optional(),
};

const band = z.object({ p10: z.number(), p50: z.number(), p90: z.number() });

/** How an uncertainty band was obtained: an ensemble through a surrogate model (named), or physics Monte Carlo. */
/** Members of the F-Agent's surrogate ensembles; fewer only while the engine steps down for power or heat
 *  (docs/device-health.md#power-and-heat), and such a result is never cached as the full answer. */
export const FULL_ENSEMBLE_MEMBERS = 256;
const bandsMethod = z.object({ method: z.enum(['surrogate-ensemble', 'physics-monte-carlo']), members: z.number().int(), model: z.string().optional() });

/** Which model made a distance (docs/physics.md, "Dense gas near the source"; a mass released at once:
 *  "Instantaneous releases"); absent in runs from before it. */
const distanceModel = z.enum(['gaussian', 'dense-gas', 'gaussian-after-dense-gas', 'gaussian-puff', 'dense-gas-puff', 'gaussian-puff-after-dense-gas']).optional();

// Plain data in a module of its own, so the renderer can read it without these schemas.
export { RELEASE_TEMPERATURE_BASES, isColdRelease } from './releaseTemperature.js';

/** The dense-gas check of a heavier-than-air release (Britter & McQuaid 1988): whether it applied, and its figures. */
const denseGasSchema = z.object({
  applies: z.boolean(),
  /** The outcome, for a reader to put in its own language: dense; or why not (released above ground, too
   *  little density difference for the wind, too short a release). Absent in runs from before it. */
  check: z.enum(['not-heavier-than-air', 'elevated-release', 'passive', 'short-release', 'dense']).optional(),
  /** Why it applies or not, in the workbook's terms (English). */
  reason: z.string(),
  /** (g0'·q0 / (u³·D))^(1/3); the workbook treats the release as dense from 0.15. Null when not heavier than air. */
  criterion: z.number().nullable(),
  alpha: z.number().nullable(),
  sourceScaleM: z.number().nullable(),
  /** Where the workbook's curves end (Cm/C0 = 0.002; a puff's 0.001) and the Gaussian from a virtual source takes over. */
  handoverM: z.number().nullable(),
  /** The workbook's puff curves (criterion (g0'·V0^⅓)^½/u ≥ 0.20) for a mass released at once; absent: its plume curves. */
  release: z.literal('instantaneous').optional(),
  /** The gas's temperature near the source (K): a liquefied gas's flashing release, or a refrigerated liquid's
   *  (LNG's) boil-off, at its normal boiling point, else 25 °C (docs/physics.md, "A liquefied gas's cold release").
   *  Absent in runs from before it. */
  releaseTemperatureK: z.number().optional(),
  /** The air's temperature the cold gas mixes into (K): the incident's when given, else 25 °C. */
  ambientTemperatureK: z.number().optional(),
  /** Why the release has that temperature: its boiling point (a liquefied gas; or a refrigerated liquid, carried at it),
   *  or 25 °C because there is no sourced boiling point, it is a liquid at ambient, no sourced critical temperature,
   *  or a compressed gas. */
  releaseTemperature: z.enum(RELEASE_TEMPERATURE_BASES).optional(),
});

/** Why a release has the airborne share it has (docs/physics.md, "Aerosol and rain-out"). */
export const FLASH_RAIN_OUT_BASES = ['flash-rain-out', 'not-pressure-liquefied', 'no-flash-properties', 'storage-temperature-unknown'] as const;

/** A pressure-liquefied gas's flash, aerosol and rain-out; absent for other releases and in runs from before it. */
const flashRainOutSchema = z.object({
  method: z.string(),
  basis: z.enum(FLASH_RAIN_OUT_BASES),
  note: z.string(),
  /** The liquid's temperature in its tank (K): the incident's air temperature; null when not stated. */
  storageTemperatureK: z.number().nullable(),
  /** Null unless the split was computed (basis 'flash-rain-out'). */
  flashFraction: z.number().nullable(),
  /** The share airborne as vapour and aerosol; 1 (all vapour) unless the split was computed. */
  airborneFraction: z.number(),
  /** A release with a rate: what goes up and what rains out into a pool (kg/s). */
  airborneRateKgPerS: z.number().optional(),
  rainedOutRateKgPerS: z.number().optional(),
  /** A mass released at once, or a finite release: what goes up and the pool's mass (kg); an open-ended release has no pool mass. */
  airborneMassKg: z.number().optional(),
  rainedOutPoolMassKg: z.number().optional(),
  /** What the dispersion took as its source, and why: the whole release (the airborne share is uncertain up to all of
   *  it; docs/physics.md). */
  dispersionSource: z.literal('whole-release'),
  dispersionNote: z.string(),
});

/** A refrigerated liquid's (LNG's) pool, spilled at a rate (docs/physics.md, "An LNG pool"); absent otherwise. */
const lngPoolSchema = z.object({
  method: z.string(),
  surface: z.enum(['land', 'water']),
  /** Stated (facts.release.spillSurface) or assumed (land: the larger pool). */
  surfaceSource: z.enum(['stated', 'assumed']),
  /** When the pool is sized, in minutes after the spill began: a finite release's end, else 60 min. */
  atMin: z.number(),
  boilOffFluxKgPerM2PerS: z.number(),
  poolAreaM2: z.number(),
  poolRadiusM: z.number(),
  confinedByBund: z.boolean(),
  /** The pool's vapour rate at atMin: the spill rate, or less once a bund holds the pool. */
  vapourRateKgPerS: z.number(),
  /** A bund that holds the pool: from when it holds back the vapour (s after the spill began). */
  bundCapsAfterS: z.number().nullable(),
  note: z.string(),
  /** The rate the dispersion takes (kg/s), and why. */
  dispersionRateKgPerS: z.number(),
  dispersionNote: z.string(),
});

export const plumeSchema = z.object({
  ...modelCard,
  substance: z.string(),
  stability: z.enum(STABILITY_CLASSES),
  stabilitySource: z.enum(['fact', 'derived']),
  /** Day or night at the incident and how it was known; daytime null = unknown (night assumed). */
  daylight: z.object({
    daytime: z.boolean().nullable(),
    source: z.enum(['fact', 'solar-elevation', 'report-clock', 'unknown']),
    solarElevationDeg: z.number().nullable(),
  }).optional(),
  /** continuous, finite (facts.release.durationMin given: the cloud thins along the wind, Palazzi 1982) or
   *  instantaneous (facts.release.releaseMassKg: a puff; the peak of the passing cloud is what is compared). */
  releaseModel: z.enum(['continuous', 'finite', 'instantaneous']).optional(),
  terrain: z.enum(['rural', 'urban']),
  windFromDeg: z.number(),
  /** Direction the plume travels towards (windFromDeg + 180). */
  downwindBearingDeg: z.number(),
  thresholds: z.array(z.object({
    level: z.enum(AEGL_LEVELS),
    ppm: z.number(),
    downwindM: z.number(),
    maxWidthM: z.number(),
    /** True when the level is still exceeded at the model's 10 km limit: report as "more than 10 km". */
    reachesModelLimit: z.boolean(),
    /** Spread over perturbed wind speed and source rate. */
    downwindBandM: band,
    /** The area above the level as [downwind m, half-width m] from the source to downwindM (symmetric about the plume axis). */
    footprint: z.array(z.tuple([z.number(), z.number()])).optional(),
    /** Which model made downwindM: the Gaussian plume, the dense-gas workbook, or the Gaussian after it (or their puff forms). */
    model: distanceModel,
    /** An instantaneous release: how long the cloud takes to pass downwindM (min, dose over peak). */
    passageMin: z.number().optional(),
    /** An instantaneous release: the time-integrated concentration on the axis at downwindM (ppm·min). */
    dosePpmMin: z.number().optional(),
  })),
  /** The dense-gas check, for a gas heavier than air (absent otherwise and in runs from before it). */
  denseGas: denseGasSchema.optional(),
  flashRainOut: flashRainOutSchema.optional(),
  centrelinePpm: z.array(z.object({ downwindM: z.number(), ppm: z.number() })),
  /** How downwindBandM was obtained: a 256-member ensemble through the surrogate, or physics Monte Carlo. */
  bands: bandsMethod,
});

/** A distance at which a threshold is reached; `reachesModelLimit`: still exceeded at the model's limit ("or more"). */
const thresholdDistance = z.object({ distanceM: z.number(), reachesModelLimit: z.boolean() });

/** Flammable hazards of a release (docs/validation.md, "Flammables"); each part is a model card of its own. */
export const flammableSchema = z.object({
  substance: z.string(),
  /** LEL and ½ LEL downwind distances of a continuous release from the Gaussian plume; absent without weather. */
  vapourCloud: z.object({
    ...modelCard,
    lelPctVol: z.number(),
    lel: thresholdDistance.extend({ ppm: z.number(), model: distanceModel }),
    /** footprint: the flammable cloud's outline at ½ LEL, [downwind m, half-width m] pairs (as the plume's thresholds). */
    halfLel: thresholdDistance.extend({ ppm: z.number(), footprint: z.array(z.tuple([z.number(), z.number()])).optional(), model: distanceModel }),
    denseGas: denseGasSchema.optional(),
    flashRainOut: flashRainOutSchema.optional(),
    lngPool: lngPoolSchema.optional(),
  }).optional(),
  /** TNT-equivalence overpressure distances of the cloud's fuel; absent without a heat of combustion. */
  explosion: z.object({
    ...modelCard,
    fuelMassKg: z.number(),
    yieldFactor: z.number(),
    tntMassKg: z.number(),
    overpressures: z.array(z.object({ overpressurePsi: z.number(), overpressureKPa: z.number(), distanceM: z.number(), scaledDistanceMPerKg13: z.number() })),
  }).optional(),
  /** BLEVE fireball of the stated inventory (facts.release.massKg); absent without it. */
  bleve: z.object({
    ...modelCard,
    massKg: z.number(),
    diameterM: z.number(),
    durationS: z.number(),
    centreHeightM: z.number(),
    surfaceEmissivePowerKwPerM2: z.number(),
    /** Ground distance from below the fireball's centre within which the thermal dose reaches each criterion. */
    thermalDose: z.array(z.object({ criterion: z.string(), doseW43SPerM83: z.number(), distanceM: z.number() })),
    /** The ERG's distance for a tank in fire (fragments), all directions. */
    ergFragmentIsolationM: z.number().nullable(),
  }).optional(),
});

const ergSpill = z.object({ isolationM: z.number(), protectDayKm: z.number(), protectNightKm: z.number() });

/** The Emergency Response Guidebook's distances for the release, and what the engine could not know. */
export const hazmatSchema = z.object({
  /** The name as given, and the table's key when it is known. */
  substanceGiven: z.string(),
  substance: z.string().nullable(),
  hazards: z.enum(['toxic', 'flammable', 'both', 'unknown']),
  unNumbers: z.array(z.string()),
  ergEdition: z.string(),
  ergGuide: z.number(),
  ergGuideTitle: z.string().nullable(),
  /** Where the distances come from: Table 1 (TIH), Table 3 (large TIH spill by container), or the guide page. */
  source: z.enum(['table1', 'table3', 'guide']),
  spillSize: z.enum(['small', 'large']),
  spillSizeBasis: z.string(),
  /** Isolate in all directions. */
  isolationM: z.number(),
  /** Protect persons (or evacuate) downwind; null where the source gives none. */
  protectiveActionDayKm: z.number().nullable(),
  protectiveActionNightKm: z.number().nullable(),
  /** Whether the day or night distance applies here (from the report time and location). */
  daytime: z.boolean(),
  /** Tank, rail car or tank truck in fire: isolate in all directions (fragments). */
  fireIsolationM: z.number().nullable(),
  table1: z.object({ small: ergSpill, large: ergSpill.nullable() }).nullable(),
  table3: z.array(z.object({
    container: z.string(), isolationM: z.number(),
    protectDayKm: z.object({ low: z.number(), moderate: z.number(), high: z.number() }),
    protectNightKm: z.object({ low: z.number(), moderate: z.number(), high: z.number() }),
  })).nullable(),
  warnings: z.array(z.string()),
  /** The same warnings in Chinese, in the same order. */
  warningsZh: z.array(z.string()).optional(),
});

export const fireSchema = z.object({
  /** How headRateBandMPerMin was obtained. */
  bands: bandsMethod,
  ...modelCard,
  fuelModel: z.number(),
  rateOfSpreadMPerMin: z.number(),
  headRateBandMPerMin: band,
  /** Backing and flanking rates of the ellipse (Anderson 1983, as BehavePlus computes them). */
  backRateMPerMin: z.number(),
  flankRateMPerMin: z.number(),
  /** The wind that alone gives the combined effect of wind and slope (Rothermel 1972; Albini 1976). */
  effectiveWindSpeedMps: z.number(),
  /** Length-to-width ratio of the ellipse, from the effective wind speed. */
  lengthToBreadth: z.number(),
  lengthToBreadthMethod: z.string(),
  ellipse: z.object({
    headM: z.number(), backM: z.number(), lengthM: z.number(), widthM: z.number(), areaHa: z.number(),
    /** Direction of maximum spread, degrees clockwise from north; null when neither the wind's nor the slope's bearing is known. */
    spreadTowardDeg: z.number().nullable(),
  }),
  durationMin: z.number(),
  minutesToCommunity: z.number().nullable(),
});

export const floodSchema = z.object({
  /** How the timeToDepth bands were obtained. */
  bands: bandsMethod,
  ...modelCard,
  inflowM3PerS: z.number(),
  riseRateMPerH: z.number(),
  timeToDepth: z.array(z.object({ depthM: z.number(), hours: z.number().nullable(), band: band.nullable() })),
  rainRunoffMm: z.number().nullable(),
});

export const quakeSchema = z.object({
  ...modelCard,
  magnitude: z.number(),
  epicentralIntensity: z.number(),
  siteIntensity: z.number().nullable(),
  /** Which regional intensity relation was used (docs/physics.md). */
  region: z.string(),
  /** Bearing of the isoseismals' long axis (the fault strike, 0–180°), null when no strike was given. */
  longAxisBearingDeg: z.number().nullable(),
  /** Ring `intensity` is the elliptical band between the expected isoseismals of it and the next degree (docs/physics.md); axes are the semi-axes of its outer edge. */
  rings: z.array(z.object({
    intensity: z.number(),
    /** The outer long semi-axis, kept for callers that want one distance. */
    radiusKm: z.number(),
    longAxisKm: z.number(),
    shortAxisKm: z.number(),
    /** The ring's own area: π·a·b of its outer ellipse less that of the next ring's. */
    areaKm2: z.number(),
    exposedPopulation: z.number(),
    fatalityRate: z.number(),
  })),
  estimatedFatalities: band,
});

export const fieldSchema = z.object({
  plume: plumeSchema.optional(),
  /** ERG distances for a release (always present with facts.release, known substance or not). */
  hazmat: hazmatSchema.optional(),
  flammable: flammableSchema.optional(),
  fire: fireSchema.optional(),
  flood: floodSchema.optional(),
  quake: quakeSchema.optional(),
  /** Models that could not run, and the facts that would let them. */
  notComputed: z.array(z.object({ model: z.string(), reason: z.string() })),
  /** Facts the physics took from the report's words because the form did not state them (a stated fact always wins). */
  factsFromText: z.array(textFactSchema).optional(),
});

export const awarenessSchema = z.object({
  sensors: z.array(z.object({
    id: z.string(),
    kind: z.enum(SENSOR_KINDS),
    latest: z.number(),
    trendPerHour: z.number(),
    trend: z.enum(['rising', 'falling', 'steady']),
    anomalies: z.array(z.object({
      at: z.string(), value: z.number(), robustZ: z.number(),
      /** Which detector flagged the reading: the robust z-score, the sensor-anomaly model, or both. */
      detector: z.enum(['robust-z', 'model', 'both']).optional(),
      /** The model's fault score when the model flagged the reading (its threshold is in the model's manifest). */
      score: z.number().optional(),
    })),
    thresholdValue: z.number().nullable(),
    exceeded: z.boolean(),
    minutesToThreshold: z.number().nullable(),
  })),
  populationAtRisk: z.object({
    estimate: z.number(),
    radiusM: z.number(),
    densityPerKm2: z.number(),
    densitySource: z.enum(['fact', 'default']),
    basis: z.string(),
    basisZh: z.string().optional(),
  }),
  /** The level the physics' estimates grade to (a quake's estimated deaths, a plume's people at AEGL-2), beside the reported one. */
  severityFromPhysics: z.object({
    severity: z.enum(SEVERITY_LEVELS), colour: z.enum(['red', 'orange', 'yellow', 'blue']), standard: z.enum(SEVERITY_STANDARDS),
    basis: z.string(), basisZh: z.string(),
  }).optional(),
  riskMatrix: z.object({
    likelihood: z.number().int().min(1).max(5),
    consequence: z.number().int().min(1).max(5),
    score: z.number().int().min(1).max(25),
    level: z.enum(['low', 'medium', 'high', 'extreme']),
    drivers: z.array(z.string()),
  }),
});

/** A point in metres east and north of the incident's origin (the release point, ignition point, breach or epicentre). */
export const pointMSchema = z.tuple([z.number(), z.number()]);

export const ZONE_NAMES = ['hot', 'warm', 'cold', 'protective_action'] as const;
export const zoneSchema = z.object({
  /** hot: PPE only; warm: decontamination and support; cold: command and staging; protective_action: the public to evacuate or shelter. */
  zone: z.enum(ZONE_NAMES),
  shape: z.enum(['circle', 'ellipse', 'corridor', 'polygon']),
  /** Extent along the hazard's travel direction (downwind / head of fire), and across it. */
  alongM: z.number(),
  acrossM: z.number(),
  bearingDeg: z.number().nullable(),
  basis: z.string(),
  basisZh: z.string().optional(),
  populationEstimate: z.number(),
  /** The zone as drawn: each part a closed outline in metres east and north of the origin; a zone is their union. */
  parts: z.array(z.object({ name: z.string(), nameZh: z.string(), polygon: z.array(pointMSchema) })).optional(),
  /** to-scale: the outline is the physics' own; schematic: the size is true, the shape is not known (a polder of a stated area). */
  drawing: z.enum(['to-scale', 'schematic']).optional(),
  /** The modelled part's outline at the P10 and P90 of its reach (plume footprints, fire areas), same frame as
   *  `parts`; absent where the model gives no spread in distance (docs/zones.md, "P10 and P90 outlines"). */
  bands: z.array(z.object({ band: z.enum(['p10', 'p90']), name: z.string(), nameZh: z.string(), polygon: z.array(pointMSchema) })).optional(),
});

/** Where the command post and the staging area go: upwind (and uphill where known), outside every zone. */
export const siteSchema = z.object({
  kind: z.enum(['command_post', 'staging']),
  point: pointMSchema,
  distanceM: z.number(),
  bearingDeg: z.number(),
  basis: z.string(),
  basisZh: z.string(),
});

/** A named place and what threatens it: the zone it lies in, when the hazard arrives, and what to do. */
export const placeAtRiskSchema = z.object({
  name: z.string(),
  point: pointMSchema,
  distanceM: z.number(),
  bearingDeg: z.number(),
  population: z.number().nullable(),
  /** The most severe zone the place lies in; null: outside every zone. */
  zone: z.enum(ZONE_NAMES).nullable(),
  /** The direction was not stated: the place was put downwind, the worse case. */
  bearingAssumed: z.boolean().optional(),
  /** Minutes until the plume, the fire or 0.5 m of water arrives; 0: already there; null: not forecast to arrive. */
  arrivalMin: z.number().nullable(),
  action: z.enum(['evacuate', 'shelter_in_place', 'vertical_evacuation', 'search_and_rescue', 'prepare', 'monitor']),
  reason: z.string(),
  reasonZh: z.string(),
});

/** A line drawn on the ground, e.g. the evacuation trigger: when the fire reaches it, evacuate. */
export const groundLineSchema = z.object({
  /** evacuation_trigger: when the fire reaches it, evacuate; bleve_evacuation: the circle to clear if fire reaches a pressurised tank. */
  kind: z.enum(['evacuation_trigger', 'bleve_evacuation']),
  points: z.array(pointMSchema),
  basis: z.string(),
  basisZh: z.string(),
});

export const executorSchema = z.object({
  /** The briefing's first line: what, how bad, who is threatened and what to do now, in each language. */
  headline: z.object({ zh: z.string(), en: z.string() }).optional(),
  tasks: z.array(z.object({
    id: z.string(), phase: z.string(), title: z.string(), titleZh: z.string(),
    unitKind: z.enum(UNIT_KINDS), deadlineMin: z.number(), priority: z.number(),
    assignedUnitId: z.string().nullable(), etaMin: z.number().nullable(), late: z.boolean(),
  })),
  units: z.array(z.object({ id: z.string(), kind: z.enum(UNIT_KINDS), name: z.string(), etaMin: z.number(), source: z.enum(['incident', 'default_roster']) })),
  assignment: z.object({ method: z.string(), cost: z.number(), unassignedTasks: z.number() }),
  zones: z.array(zoneSchema),
  /** What the zones' coordinates are measured from. */
  origin: z.object({ kind: z.enum(['release', 'ignition', 'breach', 'epicentre', 'incident']), name: z.string(), nameZh: z.string() }).optional(),
  /** The wind the zones and sites were drawn with (facts.weather): where it blows from, and its speed when stated. */
  wind: z.object({ fromDeg: z.number(), speedMps: z.number().nullable() }).optional(),
  sites: z.array(siteSchema).optional(),
  groundLines: z.array(groundLineSchema).optional(),
  /** Places named in facts.places, most urgent first. */
  placesAtRisk: z.array(placeAtRiskSchema).optional(),
  timeline: z.array(z.object({ atMin: z.number(), event: z.string(), eventZh: z.string() })),
  missingInformation: z.array(z.object({ field: z.string(), why: z.string(), whyZh: z.string(), impact: z.number() })),
});

export const agentFailureSchema = z.object({ agent: z.enum(PIPELINE_STAGES), ...errorBodySchema.shape });

/** Which model versions an analysis ran on: the ones live now, or the ones its incident's first run used
 *  (the commander kept them; docs/updates.md#keeping-an-incidents-models). */
export const modelChoiceSchema = z.enum(['live', 'incident']);
export type ModelChoice = z.infer<typeof modelChoiceSchema>;

export const analysisResultSchema = z.object({
  id: z.string(),
  status: z.enum(['ok', 'partial', 'error']),
  error: errorBodySchema.optional(),
  failures: z.array(agentFailureSchema).optional(),
  strategist: strategistSchema.optional(),
  awareness: awarenessSchema.optional(),
  field: fieldSchema.optional(),
  executor: executorSchema.optional(),
  models: z.record(z.string(), z.string()),
  /** 'incident': this run kept the model versions its incident's first run used (`models` names them);
   *  'live': the commander chose the live ones. Absent on runs that made no choice (live). */
  modelChoice: modelChoiceSchema.optional(),
  timingsMs: z.record(z.string(), z.number()),
  analysedAt: z.string().optional(),
  runId: z.string().optional(),
  /** True when the answer came from the analysis cache (same incident, same model and engine versions). */
  cached: z.boolean().optional(),
  /** With `cached`: when the answer was first computed (its own `analysedAt`); `analysedAt` is when it was served. */
  computedAt: z.string().optional(),
  /** Present when the analysis could not be saved (disk full, database locked): shown, but not in history. */
  saveError: errorBodySchema.optional(),
});

export type StrategistResult = z.infer<typeof strategistSchema>;
export type AwarenessResult = z.infer<typeof awarenessSchema>;
export type FieldResult = z.infer<typeof fieldSchema>;
export type ExecutorResult = z.infer<typeof executorSchema>;
export type PlumeResult = z.infer<typeof plumeSchema>;
export type FireResult = z.infer<typeof fireSchema>;
export type FlammableResult = z.infer<typeof flammableSchema>;
export type HazmatResult = z.infer<typeof hazmatSchema>;
export type FloodResult = z.infer<typeof floodSchema>;
export type QuakeResult = z.infer<typeof quakeSchema>;
export type Zone = z.infer<typeof zoneSchema>;
export type Site = z.infer<typeof siteSchema>;
export type GroundLine = z.infer<typeof groundLineSchema>;
export type PlaceAtRisk = z.infer<typeof placeAtRiskSchema>;
export type AnalysisResult = z.infer<typeof analysisResultSchema>;
export type AgentFailure = z.infer<typeof agentFailureSchema>;
export type Band = z.infer<typeof band>;
export type PointM = z.infer<typeof pointMSchema>;
