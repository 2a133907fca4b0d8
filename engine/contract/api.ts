// The schemas of what the engine's operations take and answer. Which operations exist, and how each
// door reaches them, is declared once in operations.ts.
import { z } from 'zod';
import { analysisResultSchema, errorBodySchema, type AnalysisResult } from './result.js';
import { PIPELINE_STAGES } from './taxonomy.js';

export const progressEventSchema = z.object({
  analysisId: z.string(),
  /** A pipeline stage (the reading step or an agent), or the analysis as a whole. */
  agent: z.union([z.enum(PIPELINE_STAGES), z.literal('analysis')]),
  state: z.enum(['queued', 'started', 'finished', 'failed', 'retrying']),
  atMs: z.number(),
  durationMs: z.number().optional(),
  error: errorBodySchema.optional(),
});
export type ProgressEventBody = z.infer<typeof progressEventSchema>;

export const runSummarySchema = z.object({
  runId: z.string(), incidentId: z.string(), seq: z.number().int(), createdAt: z.string(),
  status: z.enum(['ok', 'partial', 'error']), type: z.string().nullable(), severity: z.string().nullable(),
  totalMs: z.number().nullable(), text: z.string(),
  /** The incident's own time and place as submitted (incident.reportedAt, incident.location); null when not given.
   *  The incidents list shows them beside each incident (docs/app.md). */
  reportedAt: z.string().nullable(),
  location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  /** Present when the run's stored bytes no longer match their checksum (SAFE_E_RUN_DAMAGED): it is listed
   *  so nothing disappears unseen, but nothing it holds is shown (status `error`, empty text, nulls;
   *  docs/hardening.md#rows-retries-and-purge). */
  damaged: errorBodySchema.optional(),
});

export const historyQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  incidentId: z.string().max(128).optional(),
});

export const submitQuerySchema = z.object({ priority: z.enum(['interactive', 'batch']).default('interactive') });

/** `events` is the job's own SSE stream (jobs have their own ids: one incident may have several re-runs at once). */
export const jobAcceptedSchema = z.object({ analysisId: z.string(), events: z.string() });

export const runChangeSchema = z.object({ what: z.string(), before: z.union([z.string(), z.number()]).nullable(), after: z.union([z.string(), z.number()]).nullable() });

export const storedRunSchema = z.object({
  run: runSummarySchema,
  /** The incident exactly as analysed (validated, defaults applied): what "edit and re-run" starts from. */
  incident: z.record(z.string(), z.unknown()),
  result: analysisResultSchema,
  models: z.record(z.string(), z.string()),
  /** Changes since the previous run of the same incident; empty for its first run. */
  changesSincePrevious: z.array(runChangeSchema),
  /** Set when the previous run is damaged (SAFE_E_RUN_DAMAGED): this run is shown, the changes cannot be
   *  (docs/hardening.md#rows-retries-and-purge). */
  previousDamaged: errorBodySchema.optional(),
  /** The incident's models (docs/updates.md#keeping-an-incidents-models): the version of each model its
   *  first run used, those that differ from the live version now (name → live version), and whether its
   *  re-runs keep them (the commander's remembered choice). */
  incidentModels: z.object({
    versions: z.record(z.string(), z.string()),
    liveNow: z.record(z.string(), z.string()),
    keep: z.boolean(),
  }),
});

/** Held-out figures a manifest records for one file: heldOutAccuracy and accuracyDropPts (classifiers),
 *  p95RelError (surrogates), testPrecision and testRecall (detectors). */
const modelMetricsSchema = z.record(z.string(), z.number());

/** One file of a model version: the fp32 network (the manifest's `file`) or one of its variants (int8). */
export const modelFileInfoSchema = z.object({
  variant: z.string(), file: z.string(), sha256: z.string(), bytes: z.number(),
  /** true: its sha256 was checked and matches the manifest; false: refused (see `error`); null: not
   *  checked (the engine checks only the precision it loads; `safe-edge models` checks every file). */
  verified: z.boolean().nullable(),
  loaded: z.boolean(),
  heldOutAccuracy: z.number().nullable(),
  metrics: modelMetricsSchema,
  error: errorBodySchema.optional(),
});

/**
 * A model version. From the engine (/v1/models), what its workers verified when they loaded it, or the
 * optional model they refused and why: the top-level sha256, bytes and metrics are those of the file the
 * engine runs (`variant`: 'int8' under modelPrecision int8). From `safe-edge models` (no engine), every
 * version on disk, the top level describing the fp32 file and `variants` every file, each hashed.
 */
export const modelInfoSchema = z.object({
  name: z.string(), version: z.number(), sha256: z.string(), bytes: z.number(), verified: z.boolean(),
  loaded: z.boolean(), heldOutAccuracy: z.number().nullable(), error: errorBodySchema.optional(),
  variant: z.enum(['fp32', 'int8']),
  metrics: modelMetricsSchema,
  /** Whether the engine refuses to start without this model (only in the engine's answer). */
  required: z.boolean().optional(),
  /** Every file the manifest lists for this version, fp32 first. */
  variants: z.array(modelFileInfoSchema),
});

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeS: z.number(),
  workers: z.number(),
  replacedWorkers: z.number(),
  queue: z.object({ running: z.number(), interactive: z.number(), batch: z.number() }),
  models: z.record(z.string(), z.string()),
  /** Why the engine is `degraded` besides having no workers (docs/hardening.md#health); empty when ok. */
  problems: z.array(z.object({ key: z.string(), code: errorBodySchema.shape.code, message: z.string(), sinceIso: z.string() })),
});

const timingSummarySchema = z.object({ count: z.number(), meanMs: z.number(), p50Ms: z.number(), p95Ms: z.number(), p99Ms: z.number(), maxMs: z.number() });

/** One model's inference statistics (summed over the agent workers). */
const inferenceModelStatsSchema = z.object({
  requests: z.number(), batches: z.number(), errors: z.number(),
  /** batchSizes[n] = batches of n rows (single requests batched together, or one ensemble). */
  batchSizes: z.record(z.string(), z.number()),
  queueWaitMsTotal: z.number(), runMsTotal: z.number(),
  loads: z.number(), reloads: z.number(), evictions: z.number(), provider: z.string(),
});

export const statsSchema = z.object({
  /** Per model and version ("plume-surrogate@1", "incident-classifier@2+int8"): the inference core's counters. */
  inference: z.record(z.string(), inferenceModelStatsSchema),
  analysesTotal: z.number(),
  retriesTotal: z.number(),
  agents: z.record(z.string(), timingSummarySchema),
  /** Per SQL statement of the store: count and latency, for the dashboards. */
  queries: z.record(z.string(), timingSummarySchema),
  cache: z.record(z.string(), z.record(z.string(), z.number())),
});

/** What an engine says about itself (the settings page; support requests). */
export const aboutSchema = z.object({
  version: z.string(),
  /** A hash of the engine's code: two engines with the same build answer alike. */
  engineBuild: z.string(),
  dataDir: z.string(),
  modelsDir: z.string(),
  platform: z.string(),
  nodeVersion: z.string(),
  /** The TLS certificate `safe-edge serve` presents, for clients to pin (docs/hardening.md#lan); null when
   *  the engine is not served over TLS (loopback HTTP, the desktop app, a one-shot command). */
  tls: z.object({
    /** SHA-256 of the certificate, colon-separated upper-case hex, as browsers show it. */
    fingerprintSha256: z.string(),
    certificateFile: z.string(),
  }).nullable(),
});

/** What the caller may do, as its door established it (operations.ts `Access`): `operator`, everything;
 *  `viewer`, the read-only viewer token: device health, alerts, metrics and models, never incidents or
 *  analyses. A UI opened with the viewer token shows only what it may read (docs/app.md#read-only-viewer). */
export const sessionSchema = z.object({ access: z.enum(['viewer', 'operator']) });

/** One message of an analysis job's event stream: progress, then exactly one result. Stream messages
 *  are `{ kind, data }`: over HTTP each is a Server-Sent Event named `kind` carrying `data`. */
export const jobMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('progress'), data: progressEventSchema }),
  z.object({ kind: z.literal('result'), data: analysisResultSchema }),
]);
export type JobMessage = z.infer<typeof jobMessageSchema>;

/**
 * The reply of an analysis that was made but not saved (disk full, database locked): an error, never a
 * success, so no client takes it for a saved run: HTTP 507 and SAFE_E_SAVE_FAILED on the `analyze`
 * operation (every door: HTTP, IPC, the utility process), with the analysis in `result` to show or export.
 * The result itself names the failure in its `saveError` and has no `runId`. A background job's stream
 * sends its result event with the same `saveError`; the CLI prints the result and exits with code 3
 * (docs/api.md, "Not saved"; docs/hardening.md#saving).
 */
export const notSavedBodySchema = errorBodySchema.extend({
  code: z.literal('SAFE_E_SAVE_FAILED'),
  result: analysisResultSchema,
});
export type NotSavedBody = z.infer<typeof notSavedBodySchema>;

/** The analysis inside a not-saved reply (any door's error body), or null for any other error. */
export function resultNotSaved(body: unknown): AnalysisResult | null {
  const parsed = notSavedBodySchema.safeParse(body);
  return parsed.success ? parsed.data.result : null;
}
