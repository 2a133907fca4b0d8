// Which phrases of a long, fixed list a report holds, found in one pass over the report instead of one
// search per phrase. The reading looks for some 1 500 event words several times per report, nearly all
// absent; a search each was most of the reading's time (docs/performance.md, "The reading's phrase lists").
//
// A phrase is found as `wholeWordHits` finds it: an ASCII phrase lower-cased in the lower-cased text,
// any other in the text as written. The index only says which phrases occur as substrings; the caller
// still reads each one's hits (whole words, negation), so the answer is the same as searching them all.
// Linear in the text: at each position only the phrases that start with its two characters are tried,
// each at most once until found.
import { isAscii } from './reportMarkers.js';

interface Candidate { index: number; needle: string }

/** Phrases by their first character (one-character phrases) and by their first two (the others). */
interface Buckets { single: Map<number, Candidate[]>; pair: Map<number, Candidate[]> }

const pairKey = (first: number, second: number) => first * 65_536 + second;

function bucketsOf(candidates: readonly Candidate[]): Buckets {
  const buckets: Buckets = { single: new Map(), pair: new Map() };
  for (const c of candidates) {
    const first = c.needle.charCodeAt(0);
    const [map, key] = c.needle.length === 1 ? [buckets.single, first] : [buckets.pair, pairKey(first, c.needle.charCodeAt(1))];
    const list = map.get(key);
    if (list) list.push(c); else map.set(key, [c]);
  }
  return buckets;
}

export class PhraseIndex {
  private readonly ascii: Buckets;
  private readonly other: Buckets;

  constructor(readonly phrases: readonly string[]) {
    const candidates = phrases.map((phrase, index) => { const ascii = isAscii(phrase); return { index, ascii, needle: ascii ? phrase.toLowerCase() : phrase }; })
      .filter((c) => c.needle.length > 0);
    this.ascii = bucketsOf(candidates.filter((c) => c.ascii));
    this.other = bucketsOf(candidates.filter((c) => !c.ascii));
  }

  /** The phrases `text` holds (ASCII ones in `lower`, its lower-cased form), in the list's order. */
  occurring(text: string, lower: string): string[] {
    const found = new Uint8Array(this.phrases.length);
    scan(lower, this.ascii, found);
    scan(text, this.other, found);
    return this.phrases.filter((_, i) => found[i] === 1);
  }
}

function scan(haystack: string, buckets: Buckets, found: Uint8Array): void {
  if (buckets.single.size === 0 && buckets.pair.size === 0) return;
  for (let at = 0; at < haystack.length; at++) {
    const first = haystack.charCodeAt(at);
    const singles = buckets.single.get(first);
    if (singles) for (const c of singles) found[c.index] = 1;
    if (at + 1 >= haystack.length) continue;
    const pairs = buckets.pair.get(pairKey(first, haystack.charCodeAt(at + 1)));
    if (pairs) for (const c of pairs) if (found[c.index] === 0 && haystack.startsWith(c.needle, at)) found[c.index] = 1;
  }
}
