// The first page's requests, sent as the bundle starts (main.tsx), before React's first render: the token's
// session (the incident pages wait for it) and the stored run the address names. The page's own first call
// for the same thing is handed the request already under way (one request; its answer or its error as
// that call would have had it); every later call asks the engine again (a retry, a reconnection). Without
// this the run was asked for only after the session, the page's chunk and its first render, one after
// another (docs/performance.md, bench:ui).
import type { BridgeOperationName, OperationArgsInput, OperationResult } from '../../../engine/contract/operations.js';
import type { Route } from '../logic/routes.js';
import type { EngineTransport, StoredRun } from './engineTransport.js';

/** The stored run the route shows (a workspace, its briefing, the form of a re-run), if any. */
export function routeRunId(route: Route): string | null {
  if (route.page === 'analysis') return route.id === 'live' ? null : route.id;
  if (route.page === 'briefing') return route.id;
  return route.page === 'new' ? route.fromRunId ?? null : null;
}

/** The transport, with the route's session and run already asked for. */
export function withBootPreload(transport: EngineTransport, route: Route): EngineTransport {
  let session: Promise<OperationResult<'session'>> | null = settledLater(transport.call('session', {}));
  const runId = routeRunId(route);
  let run: { id: string; answer: Promise<StoredRun> } | null = runId ? { id: runId, answer: settledLater(transport.run(runId)) } : null;
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
      return answer;
    },
  };
}

/** A failure is handled by the call that takes the answer; until then it must not count as unhandled. */
function settledLater<T>(answer: Promise<T>): Promise<T> {
  answer.catch(() => {});
  return answer;
}
