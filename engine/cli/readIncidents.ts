// Reads the CLI's input: one JSON incident (possibly pretty-printed over many lines) or JSONL, one
// incident per line. Each entry is parsed on its own so that one bad line never stops the rest.
import type { Incident } from '../contract/incident.js';
import { parseIncidentText } from '../contract/parseIncident.js';

export type InputEntry = { position: number; incident: Incident } | { position: number; error: unknown; id: string };

export function parseInputText(text: string): InputEntry[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') && !/\}\s*\n\s*\{/.test(trimmed)) {
    // A single object, even if spread over many lines.
    return [entry(trimmed, 1)];
  }
  return text.split(/\r?\n/).map((line, i) => ({ line: line.trim(), n: i + 1 })).filter((l) => l.line.length > 0).map((l) => entry(l.line, l.n));
}

function entry(text: string, position: number): InputEntry {
  try {
    return { position, incident: parseIncidentText(text) };
  } catch (error) {
    const id = /"id"\s*:\s*"([^"]{1,128})"/.exec(text.slice(0, 4096))?.[1] ?? `line-${position}`;
    return { position, error, id };
  }
}
