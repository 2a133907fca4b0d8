// Stable error codes: clients match on `code`, people read `message`. Never rename a code.
export const ERROR_CODES = {
  INVALID_JSON: 'SAFE_E_INVALID_JSON',
  INVALID_FIELD: 'SAFE_E_INVALID_FIELD',
  UNKNOWN_SUBSTANCE: 'SAFE_E_UNKNOWN_SUBSTANCE',
  TEXT_TOO_LONG: 'SAFE_E_TEXT_TOO_LONG',
  INPUT_TOO_LARGE: 'SAFE_E_INPUT_TOO_LARGE',
  BUSY: 'SAFE_E_BUSY',
  AGENT_TIMEOUT: 'SAFE_E_AGENT_TIMEOUT',
  AGENT_CRASHED: 'SAFE_E_AGENT_CRASHED',
  AGENT_FAILED: 'SAFE_E_AGENT_FAILED',
  DEPENDENCY_FAILED: 'SAFE_E_DEPENDENCY_FAILED',
  MODEL_MISSING: 'SAFE_E_MODEL_MISSING',
  MODEL_HASH_MISMATCH: 'SAFE_E_MODEL_HASH_MISMATCH',
  MODEL_MANIFEST_INVALID: 'SAFE_E_MODEL_MANIFEST_INVALID',
  NOT_FOUND: 'SAFE_E_NOT_FOUND',
  UNAUTHORIZED: 'SAFE_E_UNAUTHORIZED',
  FILE_UNREADABLE: 'SAFE_E_FILE_UNREADABLE',
  SHUTTING_DOWN: 'SAFE_E_SHUTTING_DOWN',
  INTERNAL: 'SAFE_E_INTERNAL',
  ENGINE_RESTARTED: 'SAFE_E_ENGINE_RESTARTED',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export interface SafeErrorBody {
  code: ErrorCode;
  message: string;
  /** Dotted path of the offending field (`facts.weather.windSpeedMps`), when one is to blame. */
  field?: string;
}

/** An error a user or client can see: carries a stable code and, where it applies, the field. */
export class SafeError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'SafeError';
    this.code = code;
    this.field = field;
  }
  toBody(): SafeErrorBody {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}
