// The analysis result. Field names fixed by the public contract (docs/result.md): id, status, strategist.type /
// confidence / severity, awareness, field, executor, models, timingsMs, field.plume.thresholds. The rest
// is documented there too.
import { z } from 'zod';
import { AEGL_LEVELS, INCIDENT_TYPES, SEVERITY_LEVELS, STABILITY_CLASSES, PIPELINE_STAGES, SEVERITY_STANDARDS, NOT_INCIDENT_REASONS, FIGURE_NAMES } from './taxonomy.js';
import { UNIT_KINDS, SENSOR_KINDS } from './incident.js';
import { ERROR_CODES } from './errors.js';

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
export const notIncidentSchema = z.object({ reason: z.enum(NOT_INCIDENT_REASONS), cue: z.string() });

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
export const TEXT_FACTS = ['quake.magnitude', 'quake.depthKm', 'weather.windFromDeg', 'weather.windSpeedMps', 'weather.daytime', 'release.substance', 'release.rateKgPerS'] as const;
export const textFactSchema = z.object({
  fact: z.enum(TEXT_FACTS),
  value: z.union([z.number(), z.string(), z.boolean()]),
  /** Where in the report's text it was read. */
  span: spanSchema,
});
export type TextFact = z.infer<typeof textFactSchema>;

const modelCard = {
  method: z.string(),
  inputsUsed: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
  assumptions: z.array(z.string()),
  validity: z.string(),
  /** Inputs the model had to default because the incident did not state them. */
  defaulted: z.array(z.string()),
};

const band = z.object({ p10: z.number(), p50: z.number(), p90: z.number() });

/** How an uncertainty band was obtained: an ensemble through a surrogate model (named), or physics Monte Carlo. */
const bandsMethod = z.object({ method: z.enum(['surrogate-ensemble', 'physics-monte-carlo']), members: z.number().int(), model: z.string().optional() });

export const plumeSchema = z.object({
  ...modelCard,
  substance: z.string(),
  stability: z.enum(STABILITY_CLASSES),
  stabilitySource: z.enum(['fact', 'derived']),
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
  })),
  centrelinePpm: z.array(z.object({ downwindM: z.number(), ppm: z.number() })),
  /** How downwindBandM was obtained: a 256-member ensemble through the surrogate, or physics Monte Carlo. */
  bands: bandsMethod,
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
  rings: z.array(z.object({ intensity: z.number(), radiusKm: z.number(), exposedPopulation: z.number(), fatalityRate: z.number() })),
  estimatedFatalities: band,
});

export const fieldSchema = z.object({
  plume: plumeSchema.optional(),
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
  }),
  riskMatrix: z.object({
    likelihood: z.number().int().min(1).max(5),
    consequence: z.number().int().min(1).max(5),
    score: z.number().int().min(1).max(25),
    level: z.enum(['low', 'medium', 'high', 'extreme']),
    drivers: z.array(z.string()),
  }),
});

export const zoneSchema = z.object({
  zone: z.enum(['hot', 'warm', 'cold']),
  shape: z.enum(['circle', 'ellipse', 'corridor']),
  /** Extent along the hazard's travel direction (downwind / head of fire), and across it. */
  alongM: z.number(),
  acrossM: z.number(),
  bearingDeg: z.number().nullable(),
  basis: z.string(),
  populationEstimate: z.number(),
});

export const executorSchema = z.object({
  tasks: z.array(z.object({
    id: z.string(), phase: z.string(), title: z.string(), titleZh: z.string(),
    unitKind: z.enum(UNIT_KINDS), deadlineMin: z.number(), priority: z.number(),
    assignedUnitId: z.string().nullable(), etaMin: z.number().nullable(), late: z.boolean(),
  })),
  units: z.array(z.object({ id: z.string(), kind: z.enum(UNIT_KINDS), name: z.string(), etaMin: z.number(), source: z.enum(['incident', 'default_roster']) })),
  assignment: z.object({ method: z.string(), cost: z.number(), unassignedTasks: z.number() }),
  zones: z.array(zoneSchema),
  timeline: z.array(z.object({ atMin: z.number(), event: z.string(), eventZh: z.string() })),
  missingInformation: z.array(z.object({ field: z.string(), why: z.string(), whyZh: z.string(), impact: z.number() })),
});

export const agentFailureSchema = z.object({ agent: z.enum(PIPELINE_STAGES), ...errorBodySchema.shape });

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
  timingsMs: z.record(z.string(), z.number()),
  analysedAt: z.string().optional(),
  runId: z.string().optional(),
  /** True when the answer came from the analysis cache (same incident, same model and engine versions). */
  cached: z.boolean().optional(),
  /** Present when the analysis could not be saved (disk full, database locked): shown, but not in history. */
  saveError: errorBodySchema.optional(),
});

export type StrategistResult = z.infer<typeof strategistSchema>;
export type AwarenessResult = z.infer<typeof awarenessSchema>;
export type FieldResult = z.infer<typeof fieldSchema>;
export type ExecutorResult = z.infer<typeof executorSchema>;
export type PlumeResult = z.infer<typeof plumeSchema>;
export type FireResult = z.infer<typeof fireSchema>;
export type FloodResult = z.infer<typeof floodSchema>;
export type QuakeResult = z.infer<typeof quakeSchema>;
export type Zone = z.infer<typeof zoneSchema>;
export type AnalysisResult = z.infer<typeof analysisResultSchema>;
export type AgentFailure = z.infer<typeof agentFailureSchema>;
export type Band = z.infer<typeof band>;
