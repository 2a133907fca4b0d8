// Turns untrusted input (a JSON line, an HTTP body) into a validated Incident or a SafeError whose
// code and field name the problem. Used by the CLI, the API and the tests alike.
import { z } from 'zod';
import { incidentSchema, MAX_INCIDENT_BYTES, MAX_TEXT_CHARS, RELEASE_AMOUNT_ISSUE, type Incident } from './incident.js';
import { ERROR_CODES, SafeError } from './errors.js';
import { parseUntrustedJson } from './untrustedJson.js';

function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}

/** Maps the first zod issue to a stable code; the message names the field and what was wrong. */
export function toSafeError(error: z.ZodError): SafeError {
  const issue = error.issues[0];
  if (!issue) return new SafeError(ERROR_CODES.INVALID_FIELD, 'incident is invalid');
  const field = fieldPath(issue.path) || '(root)';
  if (field === 'text' && issue.code === 'too_big') {
    return new SafeError(ERROR_CODES.TEXT_TOO_LONG, `text: report is longer than ${MAX_TEXT_CHARS} characters; shorten it or split it`, field);
  }
  if (issue.code === 'custom' && issue.params?.['kind'] === RELEASE_AMOUNT_ISSUE) return new SafeError(ERROR_CODES.RELEASE_AMOUNT, `${field}: ${issue.message}`, field);
  return new SafeError(ERROR_CODES.INVALID_FIELD, `${field}: ${issue.message}`, field);
}

/** Incidents a body-parsing worker already validated (docs/hardening.md#load): the serving thread does not
 *  validate them again. Only the server's own parser adds to it, so no input can claim to be validated. */
const validatedOffThread = new WeakSet<object>();

export function markValidated(incident: Incident): Incident {
  validatedOffThread.add(incident);
  return incident;
}

export function parseIncident(value: unknown): Incident {
  if (typeof value === 'object' && value !== null && validatedOffThread.has(value)) return value as Incident;
  const parsed = incidentSchema.safeParse(value);
  if (!parsed.success) throw toSafeError(parsed.error);
  return parsed.data;
}

/** One line of a JSONL batch (or a whole JSON file) to an Incident. */
export function parseIncidentText(text: string): Incident {
  if (Buffer.byteLength(text, 'utf8') > MAX_INCIDENT_BYTES) {
    throw new SafeError(ERROR_CODES.INPUT_TOO_LARGE, `incident is larger than ${MAX_INCIDENT_BYTES} bytes`);
  }
  // The HTTP API's prototype-key rule too, so a file the CLI accepts is one the API accepts.
  const value = parseUntrustedJson(text, 'the incident');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SafeError(ERROR_CODES.INVALID_FIELD, '(root): an incident must be a JSON object', '(root)');
  }
  return parseIncident(value);
}
