// Stable error codes: clients match on `code`, people read `message`. Never rename a code. Every error
// any door (HTTP, IPC, the utility process, the CLI) shows passes through `toErrorBody`, and every code
// has its HTTP status in `HTTP_STATUS` (a Record over all codes: a new code cannot silently become a 500).
export const ERROR_CODES = {
  INVALID_JSON: 'SAFE_E_INVALID_JSON',
  INVALID_FIELD: 'SAFE_E_INVALID_FIELD',
  /** facts.release gives neither or both of rateKgPerS and releaseMassKg, or a duration with a mass released at once. */
  RELEASE_AMOUNT: 'SAFE_E_RELEASE_AMOUNT',
  /** Retired: no longer produced (an unknown substance gets the ERG's generic guidance); kept so stored results that carry it still parse. */
  UNKNOWN_SUBSTANCE: 'SAFE_E_UNKNOWN_SUBSTANCE',
  TEXT_TOO_LONG: 'SAFE_E_TEXT_TOO_LONG',
  INPUT_TOO_LARGE: 'SAFE_E_INPUT_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'SAFE_E_UNSUPPORTED_MEDIA_TYPE',
  UNKNOWN_OPERATION: 'SAFE_E_UNKNOWN_OPERATION',
  BUSY: 'SAFE_E_BUSY',
  AGENT_TIMEOUT: 'SAFE_E_AGENT_TIMEOUT',
  AGENT_CRASHED: 'SAFE_E_AGENT_CRASHED',
  AGENT_FAILED: 'SAFE_E_AGENT_FAILED',
  DEPENDENCY_FAILED: 'SAFE_E_DEPENDENCY_FAILED',
  MODEL_MISSING: 'SAFE_E_MODEL_MISSING',
  MODEL_HASH_MISMATCH: 'SAFE_E_MODEL_HASH_MISMATCH',
  /** A model version that is not exactly what the release key signed (the update channel's targets role):
   *  no signed metadata names it, the signature does not verify, or a file (the manifest included) differs
   *  from its signed length and sha256, as after a file rewritten with its manifest hash fixed. Never run. */
  MODEL_UNSIGNED: 'SAFE_E_MODEL_UNSIGNED',
  MODEL_MANIFEST_INVALID: 'SAFE_E_MODEL_MANIFEST_INVALID',
  NOT_FOUND: 'SAFE_E_NOT_FOUND',
  UNAUTHORIZED: 'SAFE_E_UNAUTHORIZED',
  FORBIDDEN: 'SAFE_E_FORBIDDEN',
  FILE_UNREADABLE: 'SAFE_E_FILE_UNREADABLE',
  CONFIG_INVALID: 'SAFE_E_CONFIG_INVALID',
  DATABASE_NOT_SAFE_EDGE: 'SAFE_E_DATABASE_NOT_SAFE_EDGE',
  DATABASE_TOO_NEW: 'SAFE_E_DATABASE_TOO_NEW',
  DATA_DIR_IN_USE: 'SAFE_E_DATA_DIR_IN_USE',
  RESTORE_REFUSED: 'SAFE_E_RESTORE_REFUSED',
  /** A command that saves (an analysis) did its work but could not save it (disk full, database locked):
   *  never a success. The reply carries what was made in `result` (contract/api.ts, notSavedBodySchema).
   *  Also an incident import the database refused: none of its runs saved, no `result`. */
  SAVE_FAILED: 'SAFE_E_SAVE_FAILED',
  SHUTTING_DOWN: 'SAFE_E_SHUTTING_DOWN',
  /** The engine's log cannot be written (its disk is full, the pipe reading it closed): lines are dropped
   *  and counted, the engine keeps running. A health problem, never a reply (docs/hardening.md#saving). */
  LOG_UNWRITABLE: 'SAFE_E_LOG_UNWRITABLE',
  /** A channel folder, its keys or a model version to publish is not what the channel tools need. */
  CHANNEL_INVALID: 'SAFE_E_CHANNEL_INVALID',
  /** The app's release folder (electron-builder's output) is missing, has no latest*.yml, or one does not parse. */
  APP_RELEASES_INVALID: 'SAFE_E_APP_RELEASES_INVALID',
  /** No channel is trusted yet: pin its root metadata first (`safe-edge models trust ROOT_FILE`). */
  UPDATE_NOT_TRUSTED: 'SAFE_E_UPDATE_NOT_TRUSTED',
  /** The channel could not be reached or read (offline, a missing file): retry later. */
  UPDATE_UNREACHABLE: 'SAFE_E_UPDATE_UNREACHABLE',
  /** Channel metadata not signed by the keys the trusted root names (tampered metadata, a foreign channel). */
  UPDATE_BAD_SIGNATURE: 'SAFE_E_UPDATE_BAD_SIGNATURE',
  /** A downloaded file does not match the hash and length its signed metadata lists. */
  UPDATE_TAMPERED: 'SAFE_E_UPDATE_TAMPERED',
  /** Channel metadata older than metadata this device already trusted (a replay or rollback attack). */
  UPDATE_REPLAYED: 'SAFE_E_UPDATE_REPLAYED',
  /** A model version lower than one this device has seen, without a signed revocation of the higher one. */
  UPDATE_DOWNGRADE: 'SAFE_E_UPDATE_DOWNGRADE',
  /** Channel metadata past its expiry (a freeze attack, or a channel nobody refreshed). */
  UPDATE_EXPIRED: 'SAFE_E_UPDATE_EXPIRED',
  /** Metadata files that do not belong together (a mix-and-match attack). */
  UPDATE_MIXED_METADATA: 'SAFE_E_UPDATE_MIXED_METADATA',
  /** A file larger than the length its signed metadata lists (an endless-data attack). */
  UPDATE_OVERSIZE: 'SAFE_E_UPDATE_OVERSIZE',
  /** The model needs a newer engine than this one: update the app first. */
  UPDATE_ENGINE_TOO_OLD: 'SAFE_E_UPDATE_ENGINE_TOO_OLD',
  /** A staged version failed its gate (score, agreement, latency or memory) and never served. */
  UPDATE_GATE_FAILED: 'SAFE_E_UPDATE_GATE_FAILED',
  /** A canary or shadow trial judged the version worse than the live one: rolled back automatically. */
  UPDATE_TRIAL_FAILED: 'SAFE_E_UPDATE_TRIAL_FAILED',
  /** The device's clock is before this build or far in the future: expiry cannot be judged; fix the clock. */
  UPDATE_CLOCK_IMPLAUSIBLE: 'SAFE_E_UPDATE_CLOCK_IMPLAUSIBLE',
  /** A handover file that is not a SAFE Edge incident file, or one whose runs do not hold together. */
  HANDOVER_INVALID: 'SAFE_E_HANDOVER_INVALID',
  /** A handover file whose runs part ways with this post's runs of the same incident: import it under another id. */
  HANDOVER_CONFLICT: 'SAFE_E_HANDOVER_CONFLICT',
  /** The incident has no coordinates, so its zones cannot be placed on a map (GeoJSON, KML). */
  NO_LOCATION: 'SAFE_E_NO_LOCATION',
  /** A re-analysis asked to keep the model versions its incident started with, and one of them is no longer
   *  on this device (removed from the model store, or revoked by the channel): choose the live models. */
  MODEL_VERSION_GONE: 'SAFE_E_MODEL_VERSION_GONE',
  /** `serve` on an address other than loopback without the API token (`--no-token`): anyone on the network
   *  could read every run. Serve with the token, or on 127.0.0.1 (docs/hardening.md#lan). */
  LAN_NEEDS_TOKEN: 'SAFE_E_LAN_NEEDS_TOKEN',
  /** The TLS certificate or key kept in the data directory does not load (damaged, or not a pair): the
   *  engine does not replace it silently, since clients pinned its fingerprint. */
  TLS_CERTIFICATE_INVALID: 'SAFE_E_TLS_CERTIFICATE_INVALID',
  /** The database failed its integrity check (quick at start, full in the background) or its schema is not
   *  one this engine made: nothing is written to it any more; restore the newest good backup the message names. */
  DATABASE_DAMAGED: 'SAFE_E_DATABASE_DAMAGED',
  /** The full integrity check of the database has not finished yet (a `/health` problem, not a refusal). */
  DATABASE_UNCHECKED: 'SAFE_E_DATABASE_UNCHECKED',
  /** The data directory cannot be written (read-only, left so by a crash or a mount, or owned by another user). */
  DATA_DIR_UNWRITABLE: 'SAFE_E_DATA_DIR_UNWRITABLE',
  /** A stored run whose bytes no longer match its checksum (a flipped byte on disk): refused, never shown;
   *  restore the newest good backup (docs/hardening.md#rows-retries-and-purge). */
  RUN_DAMAGED: 'SAFE_E_RUN_DAMAGED',
  /** An Idempotency-Key already used for a submission that asked something else: use a new key. */
  IDEMPOTENCY_CONFLICT: 'SAFE_E_IDEMPOTENCY_CONFLICT',
  INTERNAL: 'SAFE_E_INTERNAL',
  ENGINE_RESTARTED: 'SAFE_E_ENGINE_RESTARTED',
  ENGINE_FAILED: 'SAFE_E_ENGINE_FAILED',
} as const;

export type ErrorKey = keyof typeof ERROR_CODES;
export type ErrorCode = (typeof ERROR_CODES)[ErrorKey];

/** The HTTP status of every code. 503s are transient (retry), 409s need the operator to act first. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  SAFE_E_INVALID_JSON: 400,
  SAFE_E_INVALID_FIELD: 400,
  SAFE_E_RELEASE_AMOUNT: 400,
  SAFE_E_UNKNOWN_SUBSTANCE: 400,
  SAFE_E_TEXT_TOO_LONG: 400,
  SAFE_E_INPUT_TOO_LARGE: 413,
  SAFE_E_UNSUPPORTED_MEDIA_TYPE: 415,
  SAFE_E_UNKNOWN_OPERATION: 404,
  SAFE_E_BUSY: 503,
  SAFE_E_AGENT_TIMEOUT: 500,
  SAFE_E_AGENT_CRASHED: 500,
  SAFE_E_AGENT_FAILED: 500,
  SAFE_E_DEPENDENCY_FAILED: 500,
  SAFE_E_MODEL_MISSING: 500,
  SAFE_E_MODEL_HASH_MISMATCH: 500,
  SAFE_E_MODEL_UNSIGNED: 500,
  SAFE_E_MODEL_MANIFEST_INVALID: 500,
  SAFE_E_NOT_FOUND: 404,
  SAFE_E_UNAUTHORIZED: 401,
  SAFE_E_FORBIDDEN: 403,
  SAFE_E_FILE_UNREADABLE: 400,
  SAFE_E_CONFIG_INVALID: 500,
  SAFE_E_DATABASE_NOT_SAFE_EDGE: 500,
  SAFE_E_DATABASE_TOO_NEW: 500,
  SAFE_E_DATA_DIR_IN_USE: 409,
  SAFE_E_RESTORE_REFUSED: 409,
  // 507 Insufficient Storage (RFC 4918 §11.5): a client that only checks for 2xx never takes it as saved.
  SAFE_E_SAVE_FAILED: 507,
  SAFE_E_SHUTTING_DOWN: 503,
  SAFE_E_LOG_UNWRITABLE: 500,
  SAFE_E_CHANNEL_INVALID: 400,
  SAFE_E_APP_RELEASES_INVALID: 400,
  SAFE_E_UPDATE_NOT_TRUSTED: 409,
  SAFE_E_UPDATE_UNREACHABLE: 503,
  SAFE_E_UPDATE_BAD_SIGNATURE: 409,
  SAFE_E_UPDATE_TAMPERED: 409,
  SAFE_E_UPDATE_REPLAYED: 409,
  SAFE_E_UPDATE_DOWNGRADE: 409,
  SAFE_E_UPDATE_EXPIRED: 409,
  SAFE_E_UPDATE_MIXED_METADATA: 409,
  SAFE_E_UPDATE_OVERSIZE: 409,
  SAFE_E_UPDATE_ENGINE_TOO_OLD: 409,
  SAFE_E_UPDATE_GATE_FAILED: 409,
  SAFE_E_UPDATE_TRIAL_FAILED: 409,
  SAFE_E_UPDATE_CLOCK_IMPLAUSIBLE: 409,
  SAFE_E_HANDOVER_INVALID: 400,
  SAFE_E_HANDOVER_CONFLICT: 409,
  SAFE_E_NO_LOCATION: 409,
  SAFE_E_MODEL_VERSION_GONE: 409,
  SAFE_E_LAN_NEEDS_TOKEN: 409,
  SAFE_E_TLS_CERTIFICATE_INVALID: 409,
  SAFE_E_DATABASE_DAMAGED: 409,
  SAFE_E_DATABASE_UNCHECKED: 503,
  SAFE_E_DATA_DIR_UNWRITABLE: 409,
  SAFE_E_RUN_DAMAGED: 409,
  SAFE_E_IDEMPOTENCY_CONFLICT: 409,
  SAFE_E_INTERNAL: 500,
  SAFE_E_ENGINE_RESTARTED: 503,
  SAFE_E_ENGINE_FAILED: 503,
};

/** Seconds a client should wait before retrying a transient refusal (HTTP `Retry-After`). */
export const RETRY_AFTER_S: Partial<Record<ErrorCode, number>> = {
  SAFE_E_BUSY: 1,
  SAFE_E_SHUTTING_DOWN: 5,
  SAFE_E_ENGINE_RESTARTED: 2,
  SAFE_E_ENGINE_FAILED: 5,
};

const KNOWN_CODES = new Set<string>(Object.values(ERROR_CODES));
export const isErrorCode = (value: unknown): value is ErrorCode => typeof value === 'string' && KNOWN_CODES.has(value);

export interface SafeErrorBody {
  code: ErrorCode;
  message: string;
  /** Dotted path of the offending field (`facts.weather.windSpeedMps`), when one is to blame. */
  field?: string;
  /** SAFE_E_SAVE_FAILED only: the analysis that was made but not saved, for the caller to show or export
   *  (checked by notSavedBodySchema in contract/api.ts; typed there, this module knows no results). */
  result?: unknown;
}

/** An error a user or client can see: carries a stable code and, where it applies, the field. */
export class SafeError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  /** What was made despite the error (SAFE_E_SAVE_FAILED: the analysis); see SafeErrorBody.result. */
  readonly result: unknown;
  constructor(code: ErrorCode, message: string, field?: string, result?: unknown) {
    super(message);
    this.name = 'SafeError';
    this.code = code;
    this.field = field;
    this.result = result;
  }
  toBody(): SafeErrorBody {
    const body: SafeErrorBody = this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
    return this.result === undefined ? body : { ...body, result: this.result };
  }

  /** Rebuilds the error from a body that crossed a process or thread boundary. */
  static fromBody(body: SafeErrorBody): SafeError { return new SafeError(body.code, body.message, body.field, body.result); }
}

/**
 * The one way any door turns a thrown value into what a client sees: a SafeError keeps its code; a body
 * that already carries a known code (one that crossed a thread or process) is kept; anything else is
 * `fallback` with what it said. Codes are never guessed from message text.
 */
export function toErrorBody(err: unknown, fallback: ErrorCode): SafeErrorBody {
  if (err instanceof SafeError) return err.toBody();
  if (err && typeof err === 'object' && isErrorCode((err as { code?: unknown }).code) && typeof (err as { message?: unknown }).message === 'string') {
    const { code, message, field, result } = err as SafeErrorBody;
    const body: SafeErrorBody = typeof field === 'string' ? { code, message, field } : { code, message };
    return result === undefined ? body : { ...body, result };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: fallback, message };
}
