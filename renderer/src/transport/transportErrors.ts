// Errors that never come from the engine because the engine's reply never arrived (or could not be read).
// They sit beside the contract's codes (engine/contract/errors.ts) so the UI can tell "the engine is
// unreachable" from anything the engine said, e.g. an outage from SAFE_E_NOT_FOUND (docs/app.md, "Errors").
import type { ErrorCode, SafeErrorBody } from '../../../engine/contract/errors.js';

export const TRANSPORT_ERROR_CODES = {
  /** No reply at all: the server is stopped, the port is closed, or the network is down (fetch's TypeError). */
  UNREACHABLE: 'SAFE_UI_ENGINE_UNREACHABLE',
  /** A reply that is not the contract's JSON (a proxy's HTML error page, a connection cut mid-reply). */
  BAD_REPLY: 'SAFE_UI_BAD_REPLY',
} as const;

export type TransportErrorCode = (typeof TRANSPORT_ERROR_CODES)[keyof typeof TRANSPORT_ERROR_CODES];
/** Every code an EngineError can carry: the engine's own, or the transport's. */
export type EngineErrorCode = ErrorCode | TransportErrorCode;

export type EngineErrorBody = SafeErrorBody | { code: TransportErrorCode; message: string; field?: undefined };

const TRANSPORT_CODES = new Set<string>(Object.values(TRANSPORT_ERROR_CODES));
export const isTransportErrorCode = (value: unknown): value is TransportErrorCode => typeof value === 'string' && TRANSPORT_CODES.has(value);
