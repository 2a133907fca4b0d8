// The engine's side of the operations table: one handler per operation, typed by the table, so a door
// (HTTP, the utility process, tests) never decides what an operation does, only how it travels.
import { parseIncident } from './contract/parseIncident.js';
import { ERROR_CODES, SafeError } from './contract/errors.js';
import type { AnalysisResult } from './contract/result.js';
import type { Incident } from './contract/incident.js';
import { parseOperationArgs, type CallContext, type HeldBody, type OperationHandlers, type OperationName } from './contract/operations.js';
import type { Engine } from './engine.js';

export function operationHandlers(engine: Engine): OperationHandlers {
  return {
    health: async () => engine.health(),
    about: async () => engine.about(),
    session: async (_args, context) => ({ access: context.access }),
    analyze: (args, context) => withHeldIncident(engine, args.incident, context, async (incident, heldBody) => savedOrRefused(await engine.analyze(incident, {
      priority: args.priority, analysisId: args.analysisId, models: args.models, idempotencyKey: args.idempotencyKey, heldBody,
      onProgress: (event) => context.emit(event),
    }))),
    submitAnalysis: (args, context) => withHeldIncident(engine, args.incident, context, async (incident, heldBody) => engine.submitAnalysis(incident, {
      priority: args.priority, analysisId: args.analysisId, models: args.models, idempotencyKey: args.idempotencyKey, heldBody,
    })),
    analysisEvents: (args, context) => engine.followAnalysis(args.jobId, (message) => context.emit(message), context.signal),
    runs: async (args) => engine.runs(args),
    run: async (args) => engine.run(args.id),
    exportIncident: async (args) => engine.exportIncident(args.id),
    importIncident: async (args) => engine.importIncident(args),
    purgeIncidents: async (args) => engine.purgeIncidents(args),
    zonesGeoJson: async (args) => engine.zones(args, 'geojson'),
    zonesKml: async (args) => engine.zones(args, 'kml'),
    models: async () => engine.models(),
    modelUpdates: async (args) => engine.updates.view(args.limit),
    // Model updates record every step in the database: refused (DATABASE_DAMAGED) while it is damaged, here
    // before they start and by the ledger itself if the damage is found while they run (a gate, a trial).
    updateModels: async (args) => { engine.integrity.assertWritable(); return engine.updates.update(args.channel); },
    importModels: async (args) => { engine.integrity.assertWritable(); return engine.updates.update(args.bundle, { offline: true }); },
    rollbackModel: async (args) => { engine.integrity.assertWritable(); return engine.updates.rollback(args.name); },
    trustChannel: async (args) => { engine.integrity.assertWritable(); return engine.updates.trust(args.rootFile); },
    stats: () => engine.stats(),
    deviceHealth: async () => engine.deviceHealth(),
    deviceHistory: async (args) => engine.deviceHistory(args),
    alerts: async () => engine.alerts(),
    silenceAlert: async (args) => engine.silenceAlert(args),
    acknowledgeAlert: async (args) => engine.acknowledgeAlert(args),
    metrics: () => engine.metricsText(),
  };
}

/**
 * Admission by bytes on every door (docs/hardening.md#load): the incident is held against the engine's body
 * budget before it is validated. HTTP brings its hold, taken from the body's first byte; the utility process
 * (the desktop app's door) and callers in this process are held here by the incident's length as JSON, and
 * refused with SAFE_E_BUSY beyond the budget. An analysis that took the body releases it when it ends;
 * otherwise (invalid, refused, answered by an earlier submission) this call's end does.
 */
async function withHeldIncident<T>(engine: Engine, raw: unknown, context: { heldBody?: HeldBody }, call: (incident: Incident, heldBody: HeldBody) => Promise<T>): Promise<T> {
  const heldBody = context.heldBody ?? engine.holdIncident(raw);
  try {
    return await call(parseIncident(raw), heldBody);
  } finally {
    if (!heldBody.kept) heldBody.release();
  }
}

/** An analysis is acknowledged only when saved: one that was not fails with SAFE_E_SAVE_FAILED (HTTP 507)
 *  carrying the result, so every door says so in its own way of failing (contract/api.ts notSavedBodySchema). */
function savedOrRefused(result: AnalysisResult): AnalysisResult {
  if (!result.saveError) return result;
  // Another process saved this key for something else between the check and the save: the client's
  // mistake (409), not a failed save.
  if (result.saveError.code === ERROR_CODES.IDEMPOTENCY_CONFLICT) throw new SafeError(ERROR_CODES.IDEMPOTENCY_CONFLICT, result.saveError.message, 'idempotencyKey');
  throw new SafeError(ERROR_CODES.SAVE_FAILED, result.saveError.message, undefined, result);
}

/**
 * Every door's way in: checks `rawArgs` against the operation's own argument schema (INVALID_FIELD with
 * the field on failure), then runs its handler. Doors differ only in how arguments arrive and events leave.
 */
export function callOperation(handlers: OperationHandlers, name: OperationName, rawArgs: unknown, context: DoorContext): Promise<unknown> {
  let args: unknown;
  try {
    args = parseOperationArgs(name, rawArgs);
  } catch (err) {
    return Promise.reject(err);
  }
  // The table types each handler by its own operation; here the operation is only known at run time.
  const handler = handlers[name] as (args: unknown, context: CallContext<OperationName>) => Promise<unknown>;
  return handler(args, context);
}

/** What a door hands every call: where its events go, and what it knows of the caller and the request. */
export type DoorContext = Omit<CallContext<OperationName>, 'emit'> & { emit(event: unknown): void };
