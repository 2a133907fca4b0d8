// The first page's requests, sent as the bundle starts (main.tsx), before React's first render: the token's
// session (the incident pages wait for it) and the stored run the address names. The page's own first call
// for the same thing is handed the request already under way (one request; its answer or its error as
// that call would have had it); every later call asks the engine again (a retry, a reconnection). Without
// this the run was asked for only after the session, the page's chunk and its first render, one after
// another (docs/performance.md, bench:ui). The run is asked for as soon as the session says the token may
// read it (the operations table's access): a read-only viewer's token is refused runs, so it is not asked.
import type { BridgeOperationName, OperationArgsInput, OperationResult } from '../../../engine/contract/operations.js';
import { callerMayCall } from '../../../engine/contract/operationAccess.js';
import type { Route } from '../logic/routes.js';
import type { EngineTransport, StoredRun } from './engineTransport.js';

/** The stored run the route shows (a workspace, its briefing, the form of a re-run), if any. */
export function routeRunId(route: Route): string | null {
  if (route.page === 'analysis') return route.id === 'live' ? null : route.id;
  if (route.page === 'briefing') return route.id;
  return route.page === 'new' ? route.fromRunId ?? null : null;
}

/** The session's token may not read the run, so it was not asked for. */
const NOT_ASKED = Symbol('not asked');

/** The transport, with the route's session and run already asked for. */
export function withBootPreload(transport: EngineTransport, route: Route): EngineTransport {
  const sessionAnswer = settledLater(transport.call('session', {}));
  let session: Promise<OperationResult<'session'>> | null = sessionAnswer;
  const runId = routeRunId(route);
  let run: { id: string; answer: Promise<StoredRun | typeof NOT_ASKED> } | null = runId
    ? { id: runId, answer: settledLater(runIfReadable(transport, sessionAnswer, runId)) }
    : null;
  return {
    ...transport,
    call<K extends BridgeOperationName>(name: K, args: OperationArgsInput<K>): Promise<OperationResult<K>> {
      if (name !== 'session' || !session) return transport.call(name, args);
      const answer = session as Promise<OperationResult<K>>;
      session = null;
      return answer;
    },
    run(id: string): Promise<StoredRun> {
      if (!run || run.id !== id) return transport.run(id);
      const answer = run.answer;
      run = null;
      // A page that asks anyway (a viewer's token) gets the engine's own answer.
      return answer.then((stored) => (stored === NOT_ASKED ? transport.run(id) : stored));
    },
  };
}

/** The run, asked for once the session says the token may read it. Without a session (a refused token, the
 *  engine down) the UI behaves as for the operator (useAccess.ts): the run is asked for, its error the page's. */
async function runIfReadable(transport: EngineTransport, session: Promise<OperationResult<'session'>>, runId: string): Promise<StoredRun | typeof NOT_ASKED> {
  const access = await session.then((s) => s.access, () => 'operator' as const);
  return callerMayCall(access, 'run') ? transport.run(runId) : NOT_ASKED;
}

/** A failure is handled by the call that takes the answer; until then it must not count as unhandled. */
function settledLater<T>(answer: Promise<T>): Promise<T> {
  answer.catch(() => {});
  return answer;
}
