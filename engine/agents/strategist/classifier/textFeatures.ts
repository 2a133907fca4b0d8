// fastText-style features (Joulin et al. 2016): word unigrams and bigrams, character 3-grams of words
// (robust to typos and inflection) and Chinese character 1–3-grams (Chinese has no spaces), each hashed
// into a fixed number of buckets. Shared by training and inference so the two can never disagree;
// the spec is recorded in the model's manifest and checked at load.

export interface FeatureSpec {
  /** Power of two: the rows of the embedding table. */
  buckets: number;
  /** Features kept per report; a long paste is sampled evenly rather than truncated at the start. */
  maxFeatures: number;
  version: number;
}

export const FEATURE_SPEC: FeatureSpec = { buckets: 1 << 15, maxFeatures: 512, version: 1 };

const CJK_RUN = /[\u3400-\u9fff]+/g;
const WORD = /[a-z0-9]+/g;

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a over text[start, end), continuing from state `h`: hashing a prefix once and continuing over the
 *  characters in place gives the same value as hashing the concatenated string, without building it. */
function fnv(h: number, text: string, start = 0, end = text.length): number {
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** Hash states after each feature kind's prefix ("w:", "b:", …). */
const PREFIX = { w: fnv(FNV_OFFSET, 'w:'), b: fnv(FNV_OFFSET, 'b:'), c: fnv(FNV_OFFSET, 'c:'), z1: fnv(FNV_OFFSET, 'z1:'), z2: fnv(FNV_OFFSET, 'z2:'), z3: fnv(FNV_OFFSET, 'z3:') };

/** NFKC folds full-width letters and digits; digits become 0 so that "3人" and "5人" share features. */
export function normalizeReport(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[0-9]/g, '0');
}

/** The hashed feature ids of a report, in order (duplicates kept: fastText averages a bag). */
export function featureIds(text: string, spec: FeatureSpec = FEATURE_SPEC): number[] {
  const norm = normalizeReport(text);
  const mask = spec.buckets - 1;
  const ids: number[] = [];
  const push = (h: number) => ids.push((h >>> 0) & mask);

  const words = norm.match(WORD) ?? [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    push(fnv(PREFIX.w, w)); // "w:" + w
    if (i > 0) push(fnv(fnv(fnv(PREFIX.b, words[i - 1] as string), ' '), w)); // "b:" + previous + " " + w
    if (w.length >= 3 && !/^0+$/.test(w)) {
      const padded = '<' + w + '>';
      for (let j = 0; j + 3 <= padded.length; j++) push(fnv(PREFIX.c, padded, j, j + 3)); // "c:" + trigram
    }
  }
  for (const run of norm.match(CJK_RUN) ?? []) {
    for (let i = 0; i < run.length; i++) {
      push(fnv(PREFIX.z1, run, i, i + 1));
      if (i + 2 <= run.length) push(fnv(PREFIX.z2, run, i, i + 2));
      if (i + 3 <= run.length) push(fnv(PREFIX.z3, run, i, i + 3));
    }
  }
  if (ids.length <= spec.maxFeatures) return ids;
  const sampled: number[] = [];
  const stride = ids.length / spec.maxFeatures;
  for (let i = 0; i < spec.maxFeatures; i++) sampled.push(ids[Math.floor(i * stride)] as number);
  return sampled;
}
