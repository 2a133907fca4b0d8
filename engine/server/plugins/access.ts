// Who may call what (fastify-plugin, so its hooks apply to every route of the server): the Host check
// against DNS rebinding, then each route's access level from the operations table (anyone / viewer /
// operator) against the bearer token presented.
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ERROR_CODES, SafeError } from '../../contract/errors.js';
import { OPERATIONS, callerMayCall, isOperationName, type CallerAccess, type OperationSpec } from '../../contract/operations.js';
import { tokenMatches, type ApiTokens } from '../apiToken.js';
import { LOOPBACK_HOST_NAMES } from '../servedAddresses.js';

export interface AccessOptions {
  /** null: the token check is off (`--no-token`, closed single-user machines only). */
  tokens: ApiTokens | null;
  /** Host names accepted besides the loopback ones: the addresses being served (servedAddresses.ts). */
  allowedHosts: string[];
}

/** The operation a route serves (set in the route's config by operationRoutes). */
export const operationOf = (request: FastifyRequest): string | undefined => (request.routeOptions.config as { operation?: string } | undefined)?.operation;

declare module 'fastify' {
  interface FastifyRequest {
    /** Who the token presented says is calling (the `session` operation answers it); operator when the
     *  token check is off. */
    callerAccess: CallerAccess;
  }
}

async function access(app: FastifyInstance, options: AccessOptions): Promise<void> {
  app.decorateRequest('callerAccess', 'operator');
  // DNS rebinding: a web page whose name resolves to 127.0.0.1 must not reach the engine, token or not.
  // The addresses being served are admitted too, so a second screen on the LAN can use its address.
  const admitted = new Set([...LOOPBACK_HOST_NAMES, ...options.allowedHosts]);
  app.addHook('onRequest', async (request) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    if (!admitted.has(host)) {
      throw new SafeError(ERROR_CODES.UNAUTHORIZED, `requests for host "${host}" are refused: use http://127.0.0.1, or the address safe-edge serve printed at start`, 'host');
    }
  });
  app.addHook('onRequest', async (request) => {
    const name = operationOf(request);
    if (options.tokens === null || !isOperationName(name)) return;
    const spec: OperationSpec = OPERATIONS[name];
    if (spec.access === 'anyone') return;
    const header = request.headers.authorization;
    // EventSource cannot send headers, so an event stream alone may carry the token in its query.
    const fromQuery = spec.http.tokenInQuery ? (request.query as { token?: string } | undefined)?.token : undefined;
    const presented = header?.startsWith('Bearer ') ? header.slice(7) : fromQuery;
    if (tokenMatches(options.tokens.operator, presented)) return;
    if (tokenMatches(options.tokens.viewer, presented)) {
      request.callerAccess = 'viewer';
      if (callerMayCall('viewer', name)) return;
      throw new SafeError(ERROR_CODES.FORBIDDEN, `the viewer token may read device health, alerts, metrics and models only; ${name} needs the operator token`, 'authorization');
    }
    throw new SafeError(ERROR_CODES.UNAUTHORIZED, 'missing or wrong API token: send "Authorization: Bearer <token>" (the token is in the data directory, file api-token)', 'authorization');
  });
}

export const accessPlugin = fp(access, { name: 'safe-edge-access' });
