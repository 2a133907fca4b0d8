// The engine's side of the operations table: one handler per operation, typed by the table, so a door
// (HTTP, the utility process, tests) never decides what an operation does, only how it travels.
import { parseIncident } from './contract/parseIncident.js';
import { parseOperationArgs, type CallContext, type OperationHandlers, type OperationName } from './contract/operations.js';
import type { Engine } from './engine.js';

export function operationHandlers(engine: Engine): OperationHandlers {
  return {
    health: async () => engine.health(),
    about: async () => engine.about(),
    analyze: (args, context) => engine.analyze(parseIncident(args.incident), {
      priority: args.priority, analysisId: args.analysisId, models: args.models, idempotencyKey: args.idempotencyKey, onProgress: (event) => context.emit(event),
    }),
    submitAnalysis: async (args) => engine.submitAnalysis(parseIncident(args.incident), {
      priority: args.priority, analysisId: args.analysisId, models: args.models, idempotencyKey: args.idempotencyKey,
    }),
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
    updateModels: (args) => engine.updates.update(args.channel),
    importModels: (args) => engine.updates.update(args.bundle, { offline: true }),
    rollbackModel: (args) => engine.updates.rollback(args.name),
    trustChannel: async (args) => engine.updates.trust(args.rootFile),
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
 * Every door's way in: checks `rawArgs` against the operation's own argument schema (INVALID_FIELD with
 * the field on failure), then runs its handler. Doors differ only in how arguments arrive and events leave.
 */
export function callOperation(handlers: OperationHandlers, name: OperationName, rawArgs: unknown, emit: (event: unknown) => void, signal?: AbortSignal): Promise<unknown> {
  let args: unknown;
  try {
    args = parseOperationArgs(name, rawArgs);
  } catch (err) {
    return Promise.reject(err);
  }
  // The table types each handler by its own operation; here the operation is only known at run time.
  const handler = handlers[name] as (args: unknown, context: CallContext<OperationName>) => Promise<unknown>;
  return handler(args, { emit, signal });
}
