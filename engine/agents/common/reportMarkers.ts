// Words that change what a report means: a drill or exercise (the hazard is real in the scenario, the
// incident is not), and negations before a hazard word ("未发现明火", "no leak"), which make that word no
// cue at all. Found with indexOf scans over the text (linear), read in a few characters around each hit.

export interface DrillMarker { cue: string; span: [number, number] }

const ZH_DRILL = ['演练', '演練', '演习', '演習', '推演', '模拟演', '模擬演', '实战演', '實戰演'];
const EN_DRILL = ['drill', 'drills', 'exercise', 'tabletop', 'simulation exercise', 'mock disaster', 'simulated incident', 'this is a test scenario'];
/** "exercise caution", "exercised restraint": the word, not a drill. */
const EN_NOT_DRILL_AFTER = ['caution', 'care', 'restraint', 'patience', 'judgement', 'judgment', 'their right', 'extreme'];

const NOT_DRILL_AFTER = ['cancelled', 'canceled', 'called off', '取消', '已取消'];

const NO_POSITIONS: readonly number[] = Object.freeze([]);

/** Every position of `needle` in `haystack` (linear: indexOf resumes after each hit). The reading step asks
 *  this of some 800 words per report and nearly all are absent, so a miss returns at once, with no generator. */
export function positions(haystack: string, needle: string): Iterable<number> {
  const first = haystack.indexOf(needle);
  return first === -1 ? NO_POSITIONS : positionsFrom(haystack, needle, first);
}

function* positionsFrom(haystack: string, needle: string, first: number): Generator<number> {
  for (let at = first; at !== -1; at = haystack.indexOf(needle, at + needle.length)) yield at;
}

/** A lower-case ASCII letter or digit: what a whole-word match may not touch. */
export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** A phrase of printable ASCII: matched in the lower-cased text as whole words; any other in the text as it is.
 *  A loop, not a pattern: the reading asks it of every phrase it looks for, for every report. */
export function isAscii(phrase: string): boolean {
  if (phrase.length === 0) return false;
  for (let i = 0; i < phrase.length; i++) {
    const code = phrase.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) return false;
  }
  return true;
}

/** Every position of `phrase`, as a whole word in `lower` when it is ASCII, else in `text`. Like `positions`, a
 *  phrase the text does not hold (nearly all of them) returns at once, with no generator made. */
export function wholeWordHits(text: string, lower: string, phrase: string): Iterable<number> {
  const ascii = isAscii(phrase);
  const needle = ascii ? phrase.toLowerCase() : phrase;
  const found = positions(ascii ? lower : text, needle);
  return ascii && found !== NO_POSITIONS ? wholeWordsOf(lower, needle, found) : found;
}

function* wholeWordsOf(lower: string, needle: string, found: Iterable<number>): Generator<number> {
  for (const at of found) {
    if (isWordChar(lower[at - 1]) || isWordChar(lower[at + needle.length])) continue;
    yield at;
  }
}

/** The first phrase of `list` the text holds (whole words for ASCII phrases), and where. */
export function firstWholeWord(text: string, lower: string, list: readonly string[]): { phrase: string; at: number } | undefined {
  for (const phrase of list) for (const at of wholeWordHits(text, lower, phrase)) return { phrase, at };
  return undefined;
}

/** The first words saying the report describes a drill or exercise, if any. */
export function findDrill(text: string): DrillMarker | undefined {
  // "不是演练！", "this is NOT a drill", "drill cancelled, this is real": a real incident.
  const cancelled = (end: number) => NOT_DRILL_AFTER.some((w) => text.slice(end, end + 12).toLowerCase().trimStart().startsWith(w));
  for (const word of ZH_DRILL) {
    for (const at of positions(text, word)) {
      if (['不是', '并非', '並非', '非'].some((n) => text.slice(Math.max(0, at - 3), at).endsWith(n)) || cancelled(at + word.length)) continue;
      return { cue: word, span: [at, at + word.length] };
    }
  }
  const lower = text.toLowerCase();
  for (const word of EN_DRILL) {
    for (const at of positions(lower, word)) {
      if (isWordChar(lower[at - 1]) || isWordChar(lower[at + word.length])) continue;
      const after = lower.slice(at + word.length, at + word.length + 16).trim();
      if (EN_NOT_DRILL_AFTER.some((w) => after.startsWith(w)) || isNegated(text, at) || cancelled(at + word.length)) continue;
      return { cue: text.slice(at, at + word.length), span: [at, at + word.length] };
    }
  }
  return undefined;
}

const ZH_NEGATIONS = ['未发现', '未發現', '未见', '未見', '没有', '沒有', '无', '無', '未', '不是', '并非', '並非', '排除'];
const EN_NEGATIONS = ['no', 'not', 'without', 'never', 'nor', 'none', 'ruled out', 'no sign of', 'no signs of', 'no evidence of', 'free of'];

/**
 * Whether a hazard word at [at, at + length) is negated: a Chinese negation within the four characters
 * before it ("未发现明火"), or an English one within the three words before it ("no fire", "not a leak",
 * "no sign of any smoke"), in the same clause.
 */
export function isNegated(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 24), at);
  const clause = before.split(/[。；;，,.!?！？\n]/).at(-1) ?? '';
  const zhWindow = clause.slice(-4);
  if (ZH_NEGATIONS.some((n) => zhWindow.includes(n))) return true;
  const words = clause.toLowerCase().split(/[^a-z]+/).filter(Boolean).slice(-3);
  return EN_NEGATIONS.some((n) => (n.includes(' ') ? words.join(' ').includes(n) : words.includes(n)));
}

/** The first place `term` occurs in `text` without being negated (case-insensitive, whole words for ASCII terms). */
export function firstAffirmed(text: string, lower: string, term: string, notThere?: (end: number) => boolean): number | undefined {
  const ascii = isAscii(term);
  const needle = ascii ? term.toLowerCase() : term;
  for (const at of positions(ascii ? lower : text, needle)) {
    if (ascii && (isWordChar(lower[at - 1]) || isWordChar(lower[at + needle.length]))) continue;
    if (notThere?.(at + needle.length)) continue;
    if (!isNegated(text, at)) return at;
  }
  return undefined;
}

/** Words after "fire" that make it the name of a service, not a hazard ("Fire on scene", "fire crews", "Fire and
 *  Rescue", "fire engine"): a road crash the fire service attends is no fire. */
const FIRE_SERVICE_AFTER = ['crew', 'crews', 'service', 'services', 'department', 'dept', 'brigade', 'and rescue', '& rescue', 'rescue', 'engine', 'engines',
  'truck', 'trucks', 'unit', 'units', 'station', 'stations', 'chief', 'officer', 'officers', 'on scene', 'on the scene', 'personnel', 'team', 'teams',
  'authority', 'marshal', 'district', 'appliance', 'appliances', 'tender', 'tenders', 'apparatus', 'company', 'companies', 'responders', 'medics'];
const FIRE_SERVICE_PATTERN = new RegExp(`^\\s+(?:${FIRE_SERVICE_AFTER.map((w) => w.replace('&', '\\&')).join('|')})\\b`);

/** Whether "fire" ending at `end` in `lower` names the fire service. Reads at most 20 characters on. */
export function namesFireService(lower: string, end: number): boolean {
  return FIRE_SERVICE_PATTERN.test(lower.slice(end, end + 20));
}
