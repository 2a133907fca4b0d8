// Handing an incident over to another post (docs/handover.md): every run of it out as one file, and in
// again at the other post exactly as it was made there. Importing never changes or drops a run already
// saved: a file that disagrees with this post's runs is refused, whole, with the reason.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import {
  INCIDENT_BUNDLE_FORMAT, INCIDENT_BUNDLE_VERSION, incidentBundleSchema,
  type IncidentBundle, type importIncidentArgsSchema, type importIncidentResultSchema,
} from '../contract/handover.js';
import { parseIncident } from '../contract/parseIncident.js';
import type { AnalysisStore, RunToImport, StoredRun } from '../store/analysisStore.js';

type ImportArgs = z.output<typeof importIncidentArgsSchema>;
type ImportResult = z.output<typeof importIncidentResultSchema>;

export function exportIncident(store: AnalysisStore, incidentId: string, engine: IncidentBundle['engine'], now = new Date()): IncidentBundle {
  const runs = store.incidentRuns(incidentId);
  if (runs.length === 0) throw new SafeError(ERROR_CODES.NOT_FOUND, `no incident with id ${incidentId}`, 'id');
  return {
    format: INCIDENT_BUNDLE_FORMAT, formatVersion: INCIDENT_BUNDLE_VERSION, incidentId, exportedAt: now.toISOString(), engine,
    runs: runs.map((r) => ({ runId: r.runId, seq: r.seq, createdAt: r.createdAt, incident: r.incident, result: r.result, models: r.models })),
  };
}

const invalid = (message: string, field?: string) => new SafeError(ERROR_CODES.HANDOVER_INVALID, message, field);

/** The bundle checked: its shape, its runs numbered 1…n without gaps, each incident valid and each result its incident's. */
function checkBundle(raw: unknown): IncidentBundle {
  if (typeof raw === 'object' && raw !== null && (raw as { format?: unknown }).format !== INCIDENT_BUNDLE_FORMAT) {
    throw invalid(`not a SAFE Edge incident file (format is not "${INCIDENT_BUNDLE_FORMAT}")`, 'bundle.format');
  }
  const parsed = incidentBundleSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = ['bundle', ...(issue?.path ?? []).map(String)].join('.');
    throw invalid(`${field}: ${issue?.message ?? 'invalid'}`, field);
  }
  const bundle = parsed.data;
  const runIds = new Set<string>();
  bundle.runs.forEach((run, i) => {
    const at = `bundle.runs.${i}`;
    if (run.seq !== i + 1) throw invalid(`${at}.seq: runs must be numbered 1 to ${bundle.runs.length} in order; found ${run.seq} at position ${i + 1}`, `${at}.seq`);
    if (runIds.has(run.runId)) throw invalid(`${at}.runId: run ${run.runId} appears twice`, `${at}.runId`);
    runIds.add(run.runId);
    if (run.result.id !== bundle.incidentId) throw invalid(`${at}.result.id: the run belongs to incident ${run.result.id}, not ${bundle.incidentId}`, `${at}.result.id`);
    try {
      parseIncident(run.incident);
    } catch (err) {
      const e = err as SafeError;
      throw invalid(`${at}.incident: ${e.message}`, `${at}.incident${e.field ? `.${e.field}` : ''}`);
    }
  });
  return bundle;
}

type BundledRun = IncidentBundle['runs'][number];
const asStored = (run: BundledRun) => ({ ...run, incident: parseIncident(run.incident) });

/**
 * Imports a handover file. Both posts' runs of an incident must be one history: the same runs in the
 * same order as far as both go (run ids are never reused and runs never change once saved). The runs the
 * file has beyond this post's are added; those this post already has are counted, so importing twice, or
 * an older file, changes nothing. Histories that part ways mean both posts analysed the incident: refused
 * (HANDOVER_CONFLICT) unless `asIncidentId` names a new id for the file's copy.
 */
export function importIncident(store: AnalysisStore, args: ImportArgs): ImportResult {
  const bundle = checkBundle(args.bundle);
  if (args.asIncidentId !== undefined) return importAsNew(store, bundle, args.asIncidentId);
  const local = store.incidentRuns(bundle.incidentId);
  const shared = Math.min(local.length, bundle.runs.length);
  for (let i = 0; i < shared; i++) {
    const here = local[i] as StoredRun;
    if (here.runId !== bundle.runs[i]?.runId) {
      throw new SafeError(ERROR_CODES.HANDOVER_CONFLICT, `incident ${bundle.incidentId}: run #${here.seq} here (${here.createdAt}) is not the file's run #${here.seq}: both posts analysed it. Import the file under another id (asIncidentId) to keep both`, 'asIncidentId');
    }
  }
  const fresh = bundle.runs.slice(local.length);
  const taken = fresh.find((r) => store.find(r.runId)?.runId === r.runId);
  if (taken) throw new SafeError(ERROR_CODES.HANDOVER_CONFLICT, `run ${taken.runId} already exists here under another incident`, 'bundle.runs');
  store.importRuns(bundle.incidentId, fresh.map(asStored));
  return { incidentId: bundle.incidentId, imported: fresh.length, alreadyPresent: shared };
}

function importAsNew(store: AnalysisStore, bundle: IncidentBundle, incidentId: string): ImportResult {
  if (store.incidentRuns(incidentId).length > 0) {
    throw new SafeError(ERROR_CODES.HANDOVER_CONFLICT, `incident ${incidentId} already exists at this post: choose an id it does not have`, 'asIncidentId');
  }
  const runs = bundle.runs.map((run) => {
    const runId = randomUUID();
    const stored: RunToImport = {
      ...asStored(run), runId, incident: { ...parseIncident(run.incident), id: incidentId }, result: { ...run.result, id: incidentId, runId },
    };
    return stored;
  });
  store.importRuns(incidentId, runs);
  return { incidentId, imported: runs.length, alreadyPresent: 0 };
}
