// Who may call each operation, declared here and used by the operations table (operations.ts:
// `access: OPERATION_ACCESS.<name>`), the token check (engine/server/plugins/access.ts) and the renderer's
// first bundle, which must know before its session answers whether it may ask for a run
// (renderer/src/transport/bootPreload.ts). Plain data, no schema, like httpBindings.ts: importing the table
// would put every operation's schemas in that bundle (docs/performance.md, bench:ui).
import type { HttpOperationName } from './httpBindings.js';

/**
 * `anyone`: no token needed. `viewer`: the read-only viewer token or the operator token; device health,
 * metrics, models and alerts, never incidents or analyses. `operator`: the operator token only. (The desktop
 * bridge is the operator's own UI.)
 */
export type Access = 'anyone' | 'viewer' | 'operator';
/** Who is calling, as its door established it: HTTP by the token presented (operator when the token check
 *  is off); the desktop bridge, the utility process and the CLI are the operator's own. */
export type CallerAccess = Exclude<Access, 'anyone'>;

/** Every operation, and only operations (every one has an HTTP binding). */
export const OPERATION_ACCESS = {
  health: 'anyone',
  about: 'operator',
  session: 'viewer',
  analyze: 'operator',
  submitAnalysis: 'operator',
  analysisEvents: 'operator',
  runs: 'operator',
  run: 'operator',
  exportIncident: 'operator',
  importIncident: 'operator',
  purgeIncidents: 'operator',
  zonesGeoJson: 'operator',
  zonesKml: 'operator',
  models: 'viewer',
  modelUpdates: 'viewer',
  updateModels: 'operator',
  importModels: 'operator',
  rollbackModel: 'operator',
  trustChannel: 'operator',
  stats: 'viewer',
  deviceHealth: 'viewer',
  deviceHistory: 'viewer',
  alerts: 'viewer',
  silenceAlert: 'operator',
  acknowledgeAlert: 'operator',
  metrics: 'viewer',
} as const satisfies Record<HttpOperationName, Access>;

/** Whether a caller may call the operation: the token check's rule, and what the UI asks for before its
 *  session is known to be an operator's. */
export function callerMayCall(caller: CallerAccess, name: HttpOperationName): boolean {
  const needed: Access = OPERATION_ACCESS[name];
  return needed !== 'operator' || caller === 'operator';
}
