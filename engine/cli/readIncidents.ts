// Reads the CLI's input: one JSON incident (possibly pretty-printed over many lines) or JSONL, one
// incident per line. Each entry is parsed on its own so that one bad line never stops the rest.
import type { Incident } from '../contract/incident.js';
import { parseIncidentText } from '../contract/parseIncident.js';

export type InputEntry = { position: number; incident: Incident } | { position: number; error: unknown; id: string };

/** One incident's text as it stands in the input, not yet parsed: `position` is its line (1 for one object). */
export interface InputLine { position: number; text: string }

/** The input cut into incidents, unparsed, so a batch parses each only once its bytes are admitted. */
export function splitInputText(text: string): InputLine[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') && !objectFollowsObject(trimmed)) {
    // A single object, even if spread over many lines.
    return [{ position: 1, text: trimmed }];
  }
  return text.split(/\r?\n/).map((line, i) => ({ text: line.trim(), position: i + 1 })).filter((l) => l.text.length > 0);
}

/**
 * Whether a line ending in "}" is followed (blank lines aside) by one starting with "{": JSONL rather than
 * one pretty-printed object. Line by line, so linear in the file: the regular expression this replaces,
 * /\}\s*\n\s*\{/, backtracked quadratically over a "}" followed by many blank lines (80 KB took 13 s).
 */
function objectFollowsObject(text: string): boolean {
  let previous = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.length === 0) continue;
    if (previous.endsWith('}') && line.startsWith('{')) return true;
    previous = line;
  }
  return false;
}

export function parseInputLine({ text, position }: InputLine): InputEntry {
  try {
    return { position, incident: parseIncidentText(text) };
  } catch (error) {
    const id = /"id"\s*:\s*"([^"]{1,128})"/.exec(text.slice(0, 4096))?.[1] ?? `line-${position}`;
    return { position, error, id };
  }
}
