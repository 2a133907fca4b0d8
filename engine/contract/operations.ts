// Every operation the engine offers, declared once. Each door is derived from this table and from
// nothing else: the HTTP routes (engine/server), the utility-process protocol (hostProtocol.ts and
// engine/host), the desktop IPC channels and the preload's list (ipc.ts, electron/), and both renderer
// transports. Adding an operation = one entry here + its handler in engine/operationHandlers.ts (the
// compiler then asks for it); see docs/architecture.md.
import { z } from 'zod';
import { acknowledgeArgsSchema, acknowledgeResultSchema, alertsSchema, silenceArgsSchema } from './alerts.js';
import { deviceHealthSchema, deviceHistoryArgsSchema, deviceHistorySchema } from './deviceHealth.js';
import { analysisResultSchema, modelChoiceSchema } from './result.js';
import { modelUpdatesViewSchema, rollbackResultSchema, trustedRootSchema, updateReportSchema } from './modelUpdates.js';
import { ERROR_CODES, SafeError } from './errors.js';
import { importIncidentArgsSchema, importIncidentResultSchema, incidentBundleSchema } from './handover.js';
import {
  aboutSchema, healthSchema, historyQuerySchema, sessionSchema, jobAcceptedSchema, jobMessageSchema, modelInfoSchema, notSavedBodySchema, progressEventSchema,
  runSummarySchema, statsSchema, storedRunSchema,
} from './api.js';
import { OPERATION_ACCESS, type Access, type CallerAccess } from './operationAccess.js';
export { callerMayCall } from './operationAccess.js';
import { HTTP_BINDINGS, httpRequestForArgs, type HttpBinding, type HttpOperationName } from './httpBindings.js';

export { IDEMPOTENCY_KEY_HEADER, PROMETHEUS_TEXT_CONTENT_TYPE, pathParams, type HttpBinding } from './httpBindings.js';

/** A query reads, a command changes something (or runs an analysis), a stream sends events until it ends. */
export type OperationKind = 'query' | 'command' | 'stream';

/** Who may call each operation over HTTP: operationAccess.ts (plain data the UI's first bundle reads too). */
export type { Access, CallerAccess } from './operationAccess.js';

/** The HTTP plugin an operation's route belongs to (fastify encapsulation: one plugin per feature). */
export type HttpGroup = 'system' | 'analyses' | 'runs' | 'handover' | 'models' | 'stats' | 'alerts';

export interface OperationSpec {
  kind: OperationKind;
  summary: string;
  args: z.ZodObject;
  result: z.ZodType;
  /** Events sent while a command runs (analysis progress) or, for a stream, the events it sends. */
  events?: z.ZodType;
  access: Access;
  group: HttpGroup;
  /** Declared in httpBindings.ts (plain data the browser bundle uses without the schemas). */
  http: HttpBinding;
  /** Offered to the desktop UI through the preload bridge. */
  bridge: boolean;
  /** Offered as a `safe-edge` command (one-shot: an engine opened for queries, no agent workers);
   *  `positional` is the argument given without a flag, the others become `--flags`. */
  cli?: { command: string; positional?: string };
  /** A command that saves what it made: when the save fails, the call fails with SAFE_E_SAVE_FAILED
   *  (HTTP 507) and this body, which still carries what was made (api.ts notSavedBodySchema). */
  notSaved?: z.ZodType;
}

const noArgs = z.object({});
const id = z.string().min(1).max(128);

/** A client's key for one submission (docs/hardening.md#rows-retries-and-purge): a retry with the same key
 *  answers the run the first one made instead of analysing again, even after a crash between the commit and
 *  the reply; the same key with a different submission is refused (SAFE_E_IDEMPOTENCY_CONFLICT). Visible
 *  ASCII, as a header value must be; a UUID is a good one. */
export const idempotencyKeySchema = z.string().min(1).max(128).regex(/^[\x21-\x7e]+$/, 'visible ASCII characters only (a UUID is a good key)');

/** A calendar day as YYYY-MM-DD (a day in UTC): a purge's cut-off. */
const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD')
  .refine((day) => { const at = new Date(`${day}T00:00:00.000Z`); return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(day); }, 'not a day of the calendar');

/** What `db purge` removed (docs/storage.md#purging). */
const purgeReportSchema = z.object({
  incidents: z.number().int(), runs: z.number().int(), backupsRemoved: z.number().int(),
  beforeBytes: z.number().int(), afterBytes: z.number().int(),
  /** False when a reader kept the write-ahead log from being emptied: purge again once it has gone. */
  walTruncated: z.boolean(),
});
const submitArgs = z.object({
  /** Untrusted: checked by parseIncident, which gives each problem its own code (INVALID_FIELD, TEXT_TOO_LONG...). */
  incident: z.unknown(),
  priority: z.enum(['interactive', 'batch']).default('interactive'),
  /** The id progress events carry; defaults to the incident's id, else a new one. */
  analysisId: id.optional(),
  /** Which model versions run it (docs/updates.md#keeping-an-incidents-models): 'incident' keeps the versions
   *  the incident's first run used, 'live' the versions live now. Either choice is remembered for the
   *  incident's later re-runs; absent, the incident's remembered choice applies (live when none). */
  models: modelChoiceSchema.optional(),
  idempotencyKey: idempotencyKeySchema.optional(),
});

/** A run (or an incident's latest run) and the language of the names written into the file. */
const zoneExportArgs = z.object({ id, lang: z.enum(['zh', 'en']).default('zh') });

export const OPERATIONS = {
  health: {
    kind: 'query', summary: 'Liveness: workers, queue, loaded models', args: noArgs, result: healthSchema,
    access: OPERATION_ACCESS.health, group: 'system', http: HTTP_BINDINGS.health, bridge: true,
  },
  about: {
    kind: 'query', summary: 'Engine version and build, data and models directories', args: noArgs, result: aboutSchema,
    access: OPERATION_ACCESS.about, group: 'system', http: HTTP_BINDINGS.about, bridge: true, cli: { command: 'about' },
  },
  session: {
    kind: 'query', summary: "What the caller's token may do: operator (everything) or viewer (device health, alerts, metrics, models); the UI shows a viewer only what it may read",
    args: noArgs, result: sessionSchema, access: OPERATION_ACCESS.session, group: 'system', http: HTTP_BINDINGS.session, bridge: true,
  },
  analyze: {
    kind: 'command', summary: 'Analyse an incident and save the run; answers the result', args: submitArgs, result: analysisResultSchema,
    events: progressEventSchema, access: OPERATION_ACCESS.analyze, group: 'analyses', http: HTTP_BINDINGS.analyze, bridge: true,
    notSaved: notSavedBodySchema,
  },
  submitAnalysis: {
    kind: 'command', summary: 'Start an analysis in the background; follow it with analysisEvents', args: submitArgs, result: jobAcceptedSchema,
    access: OPERATION_ACCESS.submitAnalysis, group: 'analyses', http: HTTP_BINDINGS.submitAnalysis, bridge: false,
  },
  analysisEvents: {
    kind: 'stream', summary: 'A background analysis: its progress events, then its result', args: z.object({ jobId: id }), result: z.null(),
    events: jobMessageSchema, access: OPERATION_ACCESS.analysisEvents, group: 'analyses',
    http: HTTP_BINDINGS.analysisEvents, bridge: false,
  },
  runs: {
    kind: 'query', summary: 'Recent runs, newest first', args: historyQuerySchema, result: z.array(runSummarySchema),
    access: OPERATION_ACCESS.runs, group: 'runs', http: HTTP_BINDINGS.runs, bridge: true, cli: { command: 'history' },
  },
  run: {
    kind: 'query', summary: 'A stored run (run id or incident id) with the changes since the previous run', args: z.object({ id }),
    result: storedRunSchema, access: OPERATION_ACCESS.run, group: 'runs', http: HTTP_BINDINGS.run, bridge: true,
    cli: { command: 'show', positional: 'id' },
  },
  exportIncident: {
    kind: 'query', summary: 'An incident with every run, as one file another post can import (docs/handover.md)', args: z.object({ id }),
    result: incidentBundleSchema, access: OPERATION_ACCESS.exportIncident, group: 'handover', http: HTTP_BINDINGS.exportIncident, bridge: true,
    cli: { command: 'incident export', positional: 'id' },
  },
  importIncident: {
    kind: 'command', summary: "Import an incident another post exported: its runs exactly as they were made; never changes a run already saved",
    args: importIncidentArgsSchema, result: importIncidentResultSchema, access: OPERATION_ACCESS.importIncident, group: 'handover',
    http: HTTP_BINDINGS.importIncident, bridge: true, cli: { command: 'incident import', positional: 'bundle' },
  },
  purgeIncidents: {
    kind: 'command', summary: 'Delete every incident, or those last analysed before a day (UTC), for good: secure_delete, VACUUM, the write-ahead log emptied and the backups removed (docs/storage.md#purging)',
    args: z.object({ before: calendarDay.optional() }), result: purgeReportSchema, access: OPERATION_ACCESS.purgeIncidents, group: 'runs',
    http: HTTP_BINDINGS.purgeIncidents, bridge: false, cli: { command: 'db purge' },
  },
  zonesGeoJson: {
    kind: 'query', summary: "A run's zones, sites, lines and places at risk as GeoJSON (RFC 7946) for GIS tools", args: zoneExportArgs,
    result: z.string(), access: OPERATION_ACCESS.zonesGeoJson, group: 'handover',
    http: HTTP_BINDINGS.zonesGeoJson, bridge: true, cli: { command: 'zones geojson', positional: 'id' },
  },
  zonesKml: {
    kind: 'query', summary: "The same picture as KML 2.2 (Google Earth, QGIS, ArcGIS)", args: zoneExportArgs,
    result: z.string(), access: OPERATION_ACCESS.zonesKml, group: 'handover',
    http: HTTP_BINDINGS.zonesKml, bridge: true, cli: { command: 'zones kml', positional: 'id' },
  },
  models: {
    kind: 'query', summary: 'Models, versions, hashes and their verification', args: noArgs, result: z.array(modelInfoSchema),
    access: OPERATION_ACCESS.models, group: 'models', http: HTTP_BINDINGS.models, bridge: true, cli: { command: 'models' },
  },
  modelUpdates: {
    kind: 'query', summary: 'Model updates: the trusted channel, the live version of each model, every version held and its state, and every update event (docs/updates.md)',
    args: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }), result: modelUpdatesViewSchema,
    access: OPERATION_ACCESS.modelUpdates, group: 'models', http: HTTP_BINDINGS.modelUpdates, bridge: true, cli: { command: 'models history' },
  },
  updateModels: {
    kind: 'command', summary: 'Update the models from the trusted channel (a URL or a folder; default: the configured one): verify, stage, gate, swap',
    args: z.object({ channel: z.string().min(1).max(4096).optional() }), result: updateReportSchema,
    access: OPERATION_ACCESS.updateModels, group: 'models', http: HTTP_BINDINGS.updateModels, bridge: true, cli: { command: 'models update' },
  },
  importModels: {
    kind: 'command', summary: 'Update the models from a channel bundle (a USB stick made by `safe-edge channel bundle`): the same verification, offline',
    args: z.object({ bundle: z.string().min(1).max(4096) }), result: updateReportSchema,
    access: OPERATION_ACCESS.importModels, group: 'models', http: HTTP_BINDINGS.importModels, bridge: true, cli: { command: 'models import', positional: 'bundle' },
  },
  rollbackModel: {
    kind: 'command', summary: 'Put a model back on the version before the live one',
    args: z.object({ name: z.string().regex(/^[a-z][a-z0-9-]*$/) }), result: rollbackResultSchema,
    access: OPERATION_ACCESS.rollbackModel, group: 'models', http: HTTP_BINDINGS.rollbackModel, bridge: true, cli: { command: 'models rollback', positional: 'name' },
  },
  trustChannel: {
    kind: 'command', summary: "Trust a model update channel by its root metadata file (the channel's `metadata/root.json`)",
    args: z.object({ rootFile: z.string().min(1).max(4096) }), result: trustedRootSchema,
    access: OPERATION_ACCESS.trustChannel, group: 'models', http: HTTP_BINDINGS.trustChannel, bridge: true, cli: { command: 'models trust', positional: 'rootFile' },
  },
  stats: {
    kind: 'query', summary: 'Per-agent timings, store statements, cache and inference statistics', args: noArgs, result: statsSchema,
    access: OPERATION_ACCESS.stats, group: 'stats', http: HTTP_BINDINGS.stats, bridge: true,
  },
  deviceHealth: {
    kind: 'query', summary: "The device's health now: latest sample, what this machine can measure, the engine's loop delay and memory",
    args: noArgs, result: deviceHealthSchema, access: OPERATION_ACCESS.deviceHealth, group: 'stats', http: HTTP_BINDINGS.deviceHealth, bridge: true,
  },
  deviceHistory: {
    kind: 'query', summary: 'One device metric over a range, at the finest resolution the history keeps for it',
    args: deviceHistoryArgsSchema, result: deviceHistorySchema, access: OPERATION_ACCESS.deviceHistory, group: 'stats', http: HTTP_BINDINGS.deviceHistory, bridge: true,
  },
  alerts: {
    kind: 'query', summary: 'Device-health alerts now: pending, firing and recently resolved, with zh/en text; live silences (docs/alerts.md)',
    args: noArgs, result: alertsSchema, access: OPERATION_ACCESS.alerts, group: 'alerts', http: HTTP_BINDINGS.alerts, bridge: true,
  },
  silenceAlert: {
    kind: 'command', summary: 'Silence alerts by label matchers or one alert by its key, for a duration (1 h by default)',
    args: silenceArgsSchema, result: z.object({ id: z.string(), matchers: z.record(z.string(), z.string()), endsAtMs: z.number() }),
    access: OPERATION_ACCESS.silenceAlert, group: 'alerts', http: HTTP_BINDINGS.silenceAlert, bridge: true,
  },
  acknowledgeAlert: {
    kind: 'command', summary: 'Acknowledge a pending or firing alert: no repeats until it resolves',
    args: acknowledgeArgsSchema, result: acknowledgeResultSchema, access: OPERATION_ACCESS.acknowledgeAlert, group: 'alerts',
    http: HTTP_BINDINGS.acknowledgeAlert, bridge: true,
  },
  metrics: {
    kind: 'query', summary: 'Every metric in the Prometheus text format (docs/metrics.md)', args: noArgs, result: z.string(),
    access: OPERATION_ACCESS.metrics, group: 'stats', http: HTTP_BINDINGS.metrics, bridge: true,
  },
} as const satisfies Record<string, OperationSpec>;

export type Operations = typeof OPERATIONS;
export type OperationName = keyof Operations;
/** Every HTTP binding (httpBindings.ts) belongs to an operation of this table: an extra one fails to compile. */
export const BINDINGS_MATCH_TABLE: [HttpOperationName] extends [OperationName] ? true : never = true;
export const OPERATION_NAMES = Object.keys(OPERATIONS) as [OperationName, ...OperationName[]];

export type OperationArgs<K extends OperationName> = z.output<Operations[K]['args']>;
/** What a caller may pass (defaults not yet applied). */
export type OperationArgsInput<K extends OperationName> = z.input<Operations[K]['args']>;
export type OperationResult<K extends OperationName> = z.output<Operations[K]['result']>;
export type OperationEvent<K extends OperationName> = Operations[K] extends { events: infer E extends z.ZodType } ? z.output<E> : never;

export type BridgeOperationName = { [K in OperationName]: Operations[K]['bridge'] extends true ? K : never }[OperationName];
export const BRIDGE_OPERATIONS = OPERATION_NAMES.filter((name) => OPERATIONS[name].bridge) as BridgeOperationName[];


export type CliOperationName = { [K in OperationName]: Operations[K] extends { cli: object } ? K : never }[OperationName];
export const CLI_OPERATIONS = OPERATION_NAMES.filter((name) => (OPERATIONS[name] as OperationSpec).cli !== undefined) as CliOperationName[];

/**
 * An operation's arguments checked against its own schema, defaults applied: what every door does before a
 * call goes anywhere. Throws INVALID_FIELD naming the argument.
 */
export function parseOperationArgs<K extends OperationName>(name: K, raw: unknown): OperationArgs<K> {
  const parsed = OPERATIONS[name].args.safeParse(raw ?? {});
  if (!parsed.success) {
    const { field, reason } = argumentProblem(parsed.error.issues[0], raw);
    throw new SafeError(ERROR_CODES.INVALID_FIELD, `${name}: argument ${field}: ${reason}`, field);
  }
  return parsed.data as OperationArgs<K>;
}

/** What is wrong with one argument, in words that quote what was typed: query strings and command-line
 *  options arrive as text, and "expected number, received NaN" does not say which text was refused. */
export function argumentProblem(issue: z.core.$ZodIssue | undefined, raw: unknown): { field: string; reason: string } {
  const quote = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text); // a pasted page stays out of the message
  const field = issue?.path.join('.') || '(arguments)';
  const typed = issue?.path.length === 1 && raw && typeof raw === 'object' ? (raw as Record<PropertyKey, unknown>)[issue.path[0] as PropertyKey] : undefined;
  if (issue?.code === 'invalid_type' && (issue.expected === 'number' || issue.expected === 'int') && typeof typed === 'string') {
    return { field, reason: `${quote(typed)} is not ${issue.expected === 'int' ? 'a whole number' : 'a number'}` };
  }
  return { field, reason: typeof typed === 'string' ? `${quote(typed)}: ${issue?.message ?? 'invalid'}` : issue?.message ?? 'invalid' };
}

export const isOperationName = (value: unknown): value is OperationName => typeof value === 'string' && Object.hasOwn(OPERATIONS, value);

/** Bytes a request's body holds against the engine's body budget (docs/hardening.md#load). */
export interface HeldBody {
  /** Set by the analysis that took the body: its end releases the bytes, not the request's. */
  kept: boolean;
  release(): void;
}

/** How a door hands an operation its events (progress of an analysis; a stream's messages). */
export interface CallContext<K extends OperationName> {
  emit(event: OperationEvent<K>): void;
  /** Aborted when the caller goes away (a closed event stream). */
  signal?: AbortSignal;
  /** The request body's hold on the body budget, where the door counts one (HTTP). */
  heldBody?: HeldBody;
  /** Who is calling (the `session` operation answers it). */
  access: CallerAccess;
}

/** What the engine implements: one handler per operation, typed by the table. */
export type OperationHandlers = {
  [K in OperationName]: (args: OperationArgs<K>, context: CallContext<K>) => Promise<OperationResult<K>>;
};

// ---- HTTP mapping: both ends (the server and the browser transport) use these, so they cannot drift.

/** The request a client sends for an operation: method, path with its parameters filled in, query, body. */
export function httpRequestFor<K extends OperationName>(name: K, args: OperationArgsInput<K>): ReturnType<typeof httpRequestForArgs> {
  return httpRequestForArgs(name, args as object);
}

/** The argument object of an operation from the parts of an HTTP request (validated by the caller). */
export function argsFromHttp(name: OperationName, parts: { params: unknown; query: unknown; body: unknown; headers?: Readonly<Record<string, unknown>> }): Record<string, unknown> {
  const http: HttpBinding = OPERATIONS[name].http;
  const args: Record<string, unknown> = { ...(parts.query as Record<string, unknown> ?? {}), ...(parts.params as Record<string, unknown> ?? {}) };
  if (http.body !== undefined) args[http.body] = parts.body;
  // Node gives header names in lower case; an argument carried by a header is never taken from the query.
  for (const [arg, header] of Object.entries(http.headers ?? {})) {
    const value = parts.headers?.[header.toLowerCase()];
    if (value === undefined) delete args[arg];
    else args[arg] = value;
  }
  return args;
}

/** Channel names of the desktop bridge, derived from the operation names. */
export const ipcChannel = (name: OperationName): string => `safe-edge:op:${name}`;
export const ipcEventChannel = (name: OperationName): string => `safe-edge:event:${name}`;
