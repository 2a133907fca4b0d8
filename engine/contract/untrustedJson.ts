// JSON from outside (an incident file, a handover file named on the command line) read with the rule the
// HTTP API's parser applies (fastify's prototype-poisoning guard, secure-json-parse with both actions set
// to "error"): a "__proto__" key anywhere, or a "constructor" key whose value is an object carrying
// "prototype", is refused. Every door then accepts and refuses the same bodies (docs/hardening.md, Edges).
import { ERROR_CODES, SafeError } from './errors.js';

/** The keys refused, and why, in the words every refusal uses. */
export const PROTOTYPE_KEY_REFUSAL = 'refused: such keys can poison object prototypes (the HTTP API refuses them too)';

function refusePrototypeKeys(this: unknown, key: string, value: unknown): unknown {
  if (key === '__proto__') throw new SafeError(ERROR_CODES.INVALID_JSON, `a "__proto__" key is ${PROTOTYPE_KEY_REFUSAL}`, '__proto__');
  if (key === 'constructor' && value !== null && typeof value === 'object' && Object.hasOwn(value, 'prototype')) {
    throw new SafeError(ERROR_CODES.INVALID_JSON, `a "constructor" key holding "prototype" is ${PROTOTYPE_KEY_REFUSAL}`, 'constructor');
  }
  return value;
}

/**
 * Whether a refused key could be in `text` at all. A key is spelt in JSON with its own characters or with
 * \u escapes (the other escapes stand for punctuation and spaces), so text without "__proto__", without
 * "constructor" and without "\u" holds neither. Such text is parsed without the reviver, which JSON.parse
 * calls for every value: on a 15 MB incident of sensor readings, 0.4 s of a 1 s parse.
 */
const mayHoldRefusedKey = (text: string): boolean => text.includes('__proto__') || text.includes('constructor') || text.includes('\\u');

/** Parses untrusted JSON text; SAFE_E_INVALID_JSON saying why (bad syntax, or which key was refused). */
export function parseUntrustedJson(text: string, what: string): unknown {
  try {
    return (mayHoldRefusedKey(text) ? JSON.parse(text, refusePrototypeKeys) : JSON.parse(text)) as unknown;
  } catch (err) {
    if (err instanceof SafeError) throw new SafeError(err.code, `${what}: ${err.message}`, err.field);
    throw new SafeError(ERROR_CODES.INVALID_JSON, `${what} is not valid JSON: ${(err as Error).message}`);
  }
}
