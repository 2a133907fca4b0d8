// The contract's schemas the transports check an analysis's replies against (its events over HTTP, a
// not-saved body over IPC), in a chunk of their own: zod and the schemas are most of the first bundle's
// evaluation, which the first screen waits for (docs/performance.md, bench:ui). Loaded by the first
// analysis, and with every page's code once the first page is up (App.tsx), so a submission made while
// the engine that served the bundle is down fails as unreachable, not on a missing chunk.
import { TRANSPORT_ERROR_CODES } from './transportErrors.js';
import { EngineError } from './engineTransport.js';

type ReplySchemas = typeof import('../../../engine/contract/api.js');
let loading: Promise<ReplySchemas> | null = null;

/** The schemas' module, fetched once; a failed fetch is forgotten (the next call tries again) and reported
 *  as the engine being unreachable, which a submission retries (engineTransport.ts, resubmitting). */
export function loadReplySchemas(): Promise<ReplySchemas> {
  loading ??= import('../../../engine/contract/api.js').catch((err: unknown) => {
    loading = null;
    throw new EngineError({ code: TRANSPORT_ERROR_CODES.UNREACHABLE, message: err instanceof Error ? err.message : String(err) });
  });
  return loading;
}
