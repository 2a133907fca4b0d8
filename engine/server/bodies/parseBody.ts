// What a body-parsing worker does with one body (docs/hardening.md#load): the bytes of a large incident
// body to a validated incident, as JSON text the serving thread rebuilds, or the coded error the serving
// thread would have answered. The same parser as the CLI's (parseIncidentText).
import { ERROR_CODES, SafeError } from '../../contract/errors.js';
import { parseIncidentText } from '../../contract/parseIncident.js';
import type { ParseReply, ParseRequest } from './parserProtocol.js';

const decoder = new TextDecoder('utf-8');

export function parseBody(request: ParseRequest): ParseReply {
  try {
    const incident = parseIncidentText(decoder.decode(request.bytes));
    return { taskId: request.taskId, ok: true, json: JSON.stringify(incident) };
  } catch (err) {
    const safe = err instanceof SafeError ? err : new SafeError(ERROR_CODES.INTERNAL, (err as Error).message);
    return { taskId: request.taskId, ok: false, error: safe.toBody() };
  }
}
