// Handing an incident over to another command post (docs/handover.md): the incident with every run, as
// one self-describing JSON file; and the zones of a run for GIS tools (GeoJSON, KML).
import { z } from 'zod';
import { analysisResultSchema } from './result.js';

/** What the file says it is, so a post never imports something else by mistake. */
export const INCIDENT_BUNDLE_FORMAT = 'safe-edge-incident';
/** Bumped when a reader of an older version could misread the file; readers refuse versions they do not know. */
export const INCIDENT_BUNDLE_VERSION = 1;
/** The most runs one incident's file carries: a re-run every few minutes for a long week. */
export const MAX_BUNDLE_RUNS = 5000;

const runId = z.string().min(1).max(128);

export const bundledRunSchema = z.object({
  runId,
  seq: z.number().int().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  /** The incident exactly as it was analysed (checked again on import, as any submitted incident). */
  incident: z.record(z.string(), z.unknown()),
  result: analysisResultSchema,
  /** The model version each model had for this run. */
  models: z.record(z.string(), z.string()),
});

export const incidentBundleSchema = z.object({
  format: z.literal(INCIDENT_BUNDLE_FORMAT),
  formatVersion: z.literal(INCIDENT_BUNDLE_VERSION),
  incidentId: z.string().min(1).max(128),
  exportedAt: z.iso.datetime({ offset: true }),
  /** The engine that wrote the file (for the receiving post's records; not a condition of import). */
  engine: z.object({ version: z.string(), build: z.string() }),
  runs: z.array(bundledRunSchema).min(1).max(MAX_BUNDLE_RUNS),
});
export type IncidentBundle = z.infer<typeof incidentBundleSchema>;

export const importIncidentArgsSchema = z.object({
  /** The file `exportIncident` wrote, parsed. Untrusted: checked against incidentBundleSchema. */
  bundle: z.unknown(),
  /** Import under this id instead (new run ids too): when both posts analysed the same incident id. */
  asIncidentId: z.string().min(1).max(128).optional(),
});

export const importIncidentResultSchema = z.object({
  incidentId: z.string(),
  /** Runs added to this post's store. */
  imported: z.number().int(),
  /** Runs this post already had, byte for byte the same (importing twice changes nothing). */
  alreadyPresent: z.number().int(),
});
