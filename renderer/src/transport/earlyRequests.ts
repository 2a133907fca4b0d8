// The requests public/boot-requests.js sent before the bundle arrived (docs/performance.md, bench:ui): the
// HTTP transport takes each one's answer for its first call of the same GET with the same token, once;
// every later call (a retry, a reconnection) asks the engine again.

/** What the boot script leaves on `window.safeEdgeEarlyRequests`: the token it used and each path's answer. */
export interface EarlyRequests { token: string; sent: Record<string, Promise<Response>> }

/** Takes the boot script's requests off the window (only the transport made now may use them). */
export function takeEarlyRequests(target: { safeEdgeEarlyRequests?: EarlyRequests }): EarlyRequests | null {
  const early = target.safeEdgeEarlyRequests ?? null;
  delete target.safeEdgeEarlyRequests;
  return early;
}

/** The answer already under way for this path, when it was asked with this token; each is handed out once. */
export function takeEarlyResponse(early: EarlyRequests | null, token: string | null, path: string): Promise<Response> | undefined {
  if (!early || early.token !== token || !Object.hasOwn(early.sent, path)) return undefined;
  const answer = early.sent[path];
  delete early.sent[path];
  return answer;
}
