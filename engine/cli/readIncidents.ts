// Reads the CLI's input: one JSON incident (possibly pretty-printed over many lines) or JSONL, one
// incident per line. Each entry is parsed on its own so that one bad line never stops the rest.
// `readInputLines` reads a file or stdin as a stream, a line at a time, so a JSONL batch holds in memory
// the lines being analysed, not the whole file (docs/hardening.md#load); `splitInputText` cuts a text
// already in memory the same way.
import { StringDecoder } from 'node:string_decoder';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
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

/**
 * The same cut as `splitInputText`, made while reading: `source` gives the input's bytes in chunks (a file
 * or stdin stream; a chunk may end inside a character or a line). JSONL lines are given as soon as the
 * input is known to be JSONL, which is at its second line for a well-formed batch; until then (and for one
 * object over many lines, whose text must be whole to be parsed) the lines read are kept. Reading waits
 * while the caller does not ask for the next line. `what` names the input in a read error
 * (SAFE_E_FILE_UNREADABLE).
 */
export async function* readInputLines(source: AsyncIterable<Buffer | string>, what: string): AsyncGenerator<InputLine> {
  // Undecided: the input starts with "{" and no line ending in "}" has yet been followed by one starting
  // with "{" (objectFollowsObject's rule): a single object so far. `held` keeps its raw lines.
  let mode: 'undecided' | 'jsonl' | null = null;
  const held: string[] = [];
  let previous = '';
  let position = 0;
  const take = function* (raw: string): Generator<InputLine> {
    position++;
    const text = raw.trim();
    if (mode === null) {
      if (text.length === 0) { held.push(raw); return; }
      mode = text.startsWith('{') ? 'undecided' : 'jsonl';
    }
    if (mode === 'undecided') {
      held.push(raw);
      if (text.length === 0) return;
      if (!(previous.endsWith('}') && text.startsWith('{'))) { previous = text; return; }
      mode = 'jsonl';
      const first = position - held.length + 1;
      const lines = held.splice(0);
      for (let i = 0; i < lines.length; i++) {
        const line = (lines[i] as string).trim();
        if (line) yield { position: first + i, text: line };
      }
      return;
    }
    if (text) yield { position, text };
  };
  const decoder = new StringDecoder('utf8');
  let partial: string[] = [];
  try {
    for await (const chunk of source) {
      const piece = typeof chunk === 'string' ? chunk : decoder.write(chunk);
      let start = 0;
      for (let end = piece.indexOf('\n'); end >= 0; end = piece.indexOf('\n', start)) {
        partial.push(piece.slice(start, end));
        const raw = partial.join('');
        partial = [];
        yield* take(raw); // a "\r" before the "\n" goes with the line's trim, as in splitInputText
        start = end + 1;
      }
      if (start < piece.length) partial.push(piece.slice(start));
    }
  } catch (err) {
    throw new SafeError(ERROR_CODES.FILE_UNREADABLE, `cannot read ${what}: ${(err as Error).message}`);
  }
  partial.push(decoder.end());
  yield* take(partial.join(''));
  if (mode === 'undecided') {
    // One object, even if spread over many lines: its text whole, as splitInputText gives it.
    const text = held.join('\n').trim();
    if (text) yield { position: 1, text };
  }
}

export function parseInputLine({ text, position }: InputLine): InputEntry {
  try {
    return { position, incident: parseIncidentText(text) };
  } catch (error) {
    const id = /"id"\s*:\s*"([^"]{1,128})"/.exec(text.slice(0, 4096))?.[1] ?? `line-${position}`;
    return { position, error, id };
  }
}
