// What the UI says about a failed call: a message per stable code (what happened, what to do; the
// locale keys `error.<code>` and `error.<code>.todo`) and whether a retry can help. Codes come from the
// contract (engine/contract/errors.ts) or the transport (transportErrors.ts); anything else thrown is a
// UI bug and reads as SAFE_UI_UNEXPECTED, never as a raw "TypeError" (docs/app.md, "Errors").
import { HTTP_STATUS, isErrorCode } from '../../../engine/contract/errors.js';
import { EngineError } from '../transport/engineTransport.js';
import { isTransportErrorCode, TRANSPORT_ERROR_CODES, type EngineErrorCode } from '../transport/transportErrors.js';

export const UNEXPECTED = 'SAFE_UI_UNEXPECTED';
/** Every code the UI has a message for. */
export type ShownErrorCode = EngineErrorCode | typeof UNEXPECTED;

export interface ShownError {
  code: ShownErrorCode;
  /** What the engine (or the browser) said, in its own words: for the technical details, not the message. */
  detail: string;
  field?: string;
  /** True where trying again can succeed without anyone changing anything first. */
  retry: boolean;
}

/**
 * Retry where the cause is passing: the engine busy, restarting or unreachable (503), an agent timing out
 * or crashing (500). Not where someone must act first: bad input (4xx), a refused token (401/403), a
 * missing record (404), an update refused for a reason (409).
 */
export function canRetry(code: ShownErrorCode): boolean {
  if (code === UNEXPECTED || isTransportErrorCode(code)) return true;
  return HTTP_STATUS[code] >= 500;
}

/** Any thrown value, or an error body (`{ code, message }`) kept in a result, as the UI shows it. */
export function describeEngineError(err: unknown): ShownError {
  const body = err instanceof EngineError ? err.body : err;
  if (body && typeof body === 'object') {
    const { code, message, field } = body as { code?: unknown; message?: unknown; field?: unknown };
    if (isErrorCode(code) || isTransportErrorCode(code)) {
      return { code, detail: typeof message === 'string' ? message : '', ...(typeof field === 'string' ? { field } : {}), retry: canRetry(code) };
    }
  }
  const said = err instanceof Error ? `${err.name}: ${err.message}` : (err as { message?: unknown } | null)?.message;
  return { code: UNEXPECTED, detail: typeof said === 'string' ? said : String(err), retry: true };
}

/** The locale keys of a code's two sentences. Typed so a code without both keys does not compile. */
export const messageKeys = (code: ShownErrorCode) => ({ what: `error.${code}` as const, todo: `error.${code}.todo` as const });

export const isUnreachable = (err: unknown): boolean => describeEngineError(err).code === TRANSPORT_ERROR_CODES.UNREACHABLE;

