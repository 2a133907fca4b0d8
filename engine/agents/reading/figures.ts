// Casualty and loss figures a report states, in Chinese (simplified and traditional) or English: "3人死亡",
// "三十余人受伤", "死亡人数升至9人", "2 dead, 14 injured", "the death toll rose to 12", "Forty-two people were
// evacuated", "no casualties", "直接经济损失约5000万元". Facts the commander entered win over the text.
//
// Linear in the text, with no backtracking pattern on it (a 60 KB report of digits must not hold a worker):
// one scan turns the text into tokens (numbers, words, characters); a trie of the lexicon's phrases
// (figureLexicon.ts) gives each token run its role; then each number is read by the grammar in docs/input.md
// ("Figures in the text"): its figure word after it, before it, or, for a head count of people, its verb
// elsewhere in the clause; ranges, vague multiples, additions, subsets, updates and corrections. Every rule
// looks a bounded number of tokens away, so the reading stays linear.
import type { Facts } from '../../contract/incident.js';
import { FIGURE_NAMES, type FigureConflict, type FigureName, type Figures } from '../../contract/reading.js';
import { enLexicon, zhLexicon, type LexiconRole } from './figureLexicon.js';
import { isZhNumeral, parseChineseNumeral, readDigits, readNumberWords } from './numbers.js';

export { parseChineseNumeral } from './numbers.js';

/** How far (in tokens) a number and its figure word may be apart, fillers in between. */
const MAX_GAP_TOKENS = 6;
/** Counts this large are not casualty figures (a phone number, a date written as digits). */
const MAX_COUNT = 1e8;

type Token =
  /** `head`: "a worker", "an elderly woman": one person, whose verb may stand later in the clause. */
  | { kind: 'number'; value: number; start: number; end: number; lowerBound: boolean; head?: boolean; more?: boolean; corrects?: boolean }
  | { kind: 'role'; role: LexiconRole; start: number; end: number; text: string }
  /** Anything else: punctuation (which may end a clause or a sentence) or a word the lexicon does not know. */
  | { kind: 'break'; start: number; end: number; clauseEnd: boolean; sentenceEnd: boolean; word: boolean; text: string };

/** A lexicon trie's node. Its first child is kept in the node itself, the others (rare: the generated phrases share
 *  their starts and part only near their ends) in a Map: with a Map on every node that has children, the built
 *  hospital and refuge phrases took the tries from about 2 to 7 MB in every thread that reads (a leaf, most
 *  nodes, has neither). All four fields are always set, so every node has one shape. */
interface TrieNode { firstUnit: string | undefined; first: TrieNode | undefined; others: Map<string, TrieNode> | undefined; role: LexiconRole | undefined }

const emptyNode = (): TrieNode => ({ firstUnit: undefined, first: undefined, others: undefined, role: undefined });

/** The child of `node` along `unit`, if any. */
function childOf(node: TrieNode, unit: string): TrieNode | undefined {
  return node.firstUnit === unit ? node.first : node.others?.get(unit);
}

/** The child of `node` along `unit`, made if missing. */
function childMadeOf(node: TrieNode, unit: string): TrieNode {
  const known = childOf(node, unit);
  if (known) return known;
  const child = emptyNode();
  if (node.firstUnit === undefined) { node.firstUnit = unit; node.first = child; } else (node.others ??= new Map()).set(unit, child);
  return child;
}

function buildTrie(entries: ReadonlyArray<readonly [string, LexiconRole]>, split: (phrase: string) => string[]): TrieNode {
  const root = emptyNode();
  // Each phrase's split makes its own copies of the same words ("taken", "community", …, thousands of times in
  // the built phrases); the trie keeps one of each.
  const oneOfEach = new Map<string, string>();
  for (const [phrase, role] of entries) {
    let node = root;
    for (const copy of split(phrase)) {
      let unit = oneOfEach.get(copy);
      if (unit === undefined) { unit = copy; oneOfEach.set(unit, unit); }
      node = childMadeOf(node, unit);
    }
    node.role = role;
  }
  return shareSuffixes(root);
}

/**
 * Merges identical subtrees, bottom-up: nodes with the same role (by value) and the same units to the same
 * children are one node. The built phrases repeat their endings hundreds of times (every verb and article
 * before the same refuges, every negation before the same figure words), and the matcher only walks down
 * from the root, so a shared subtree reads exactly as each of its copies did, in a fraction of the memory
 * every reading thread keeps (docs/performance.md, "The reader's tries").
 */
function shareSuffixes(root: TrieNode): TrieNode {
  // Numbers for units, roles (by value) and kept nodes, so most signatures are one number: a leaf, or a node
  // with one child (nearly every node), is role · unit · child packed into 49 bits; the few wider nodes get a string.
  const unitIds = new Map<string, number>();
  const roleIdsByValue = new Map<string, number>();
  const roleIds = new Map<LexiconRole, number>();
  const nodeIds = new Map<TrieNode, number>();
  const narrow = new Map<number, TrieNode>();
  const wide = new Map<string, TrieNode>();
  const unitId = (unit: string) => {
    let id = unitIds.get(unit);
    if (id === undefined) { id = unitIds.size + 1; unitIds.set(unit, id); }
    return id;
  };
  const roleId = (role: LexiconRole | undefined) => {
    if (!role) return 0;
    let id = roleIds.get(role);
    if (id === undefined) {
      const value = JSON.stringify(role);
      id = roleIdsByValue.get(value) ?? roleIdsByValue.size + 1;
      roleIdsByValue.set(value, id);
      roleIds.set(role, id);
    }
    return id;
  };
  const keep = <K>(table: Map<K, TrieNode>, signature: K, node: TrieNode): TrieNode => {
    const known = table.get(signature);
    if (known) return known;
    table.set(signature, node);
    nodeIds.set(node, nodeIds.size + 1);
    return node;
  };
  const visit = (node: TrieNode): TrieNode => {
    if (node.first) node.first = visit(node.first);
    if (!node.others) {
      const unit = node.firstUnit === undefined ? 0 : unitId(node.firstUnit);
      const child = node.first ? nodeIds.get(node.first) as number : 0;
      // Literal constants: this runs once per node before the code is optimised, where ** is a call.
      if (roleIdsByValue.size < 4096 && unitIds.size < 65_536 && nodeIds.size < 2_097_152) return keep(narrow, (roleId(node.role) * 65_536 + unit) * 2_097_152 + child, node);
    }
    const children = node.first && node.firstUnit !== undefined ? [`${node.firstUnit}\u0000${nodeIds.get(node.first)}`] : [];
    if (node.others) {
      for (const [unit, child] of node.others) {
        const shared = visit(child);
        node.others.set(unit, shared);
        children.push(`${unit}\u0000${nodeIds.get(shared)}`);
      }
    }
    return keep(wide, `${roleId(node.role)}\u0001${children.sort().join('\u0002')}`, node);
  };
  return visit(root);
}

// Built on first use, not at load: every agent worker imports the reading, but a worker needs the tries
// only once it reads a report (at the head of an F-Agent task), and a cold start waits for every worker's
// load (docs/performance.md, cold start). The lexicon lists are garbage once the tries are built.
let zhTrie: TrieNode | undefined;
const zhTrieOf = (): TrieNode => (zhTrie ??= buildTrie(zhLexicon(), (p) => [...p]));

interface EnglishLexicon { trie: TrieNode; personNouns: ReadonlySet<string> }
let english: EnglishLexicon | undefined;
function englishLexicon(): EnglishLexicon {
  if (!english) {
    const entries = enLexicon();
    english = {
      trie: buildTrie(entries, (p) => p.split(' ')),
      personNouns: new Set(entries.filter(([, role]) => role.role === 'person').map(([phrase]) => phrase.split(' ').at(-1) as string)),
    };
  }
  return english;
}

/** Full-width digits, letters and spaces folded to ASCII, one character for one (spans stay valid). */
function foldWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : code === 0x3000 ? ' ' : ch;
  }
  return out;
}

const isAsciiLetter = (ch: string) => (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
const isCjk = (ch: string) => ch >= '\u3400' && ch <= '\u9fff';
const SENTENCE_END = new Set(['。', '；', ';', '!', '?', '！', '？', '\n', '.']);
const CLAUSE_END = new Set([...SENTENCE_END, '，', ',', '、']);
const GLUED_MULTIPLIERS: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9 };
const ORDINAL_OR_DECADE = new Set(['s', 'st', 'nd', 'rd', 'th']);

/** Prefixes that leave the verb after them its meaning for a count ("4 residents self-evacuated"). */
const VERB_PREFIXES = ['self-', 're-'];

interface RawUnit { text: string; start: number; end: number; script: 'zh' | 'en' | 'num' | 'other' }

/** One pass: words (lower-cased), CJK characters, digit numbers (with a glued k/m/bn), other characters. */
function rawUnits(text: string): RawUnit[] {
  const units: RawUnit[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\u200b' || ch === '\u200d' || ch === '\u200e' || ch === '\u200f' || ch === '\ufeff') { i++; continue; }
    if (ch >= '0' && ch <= '9') {
      const read = readDigits(text, i);
      // "04:50", "14:30": a time of day, never a count.
      if (read && text[read.end] === ':' && (text[read.end + 1] ?? '') >= '0' && (text[read.end + 1] ?? '') <= '9') {
        const minutes = readDigits(text, read.end + 1);
        const end = minutes ? minutes.end : read.end + 1;
        units.push({ text: '#', start: i, end, script: 'other' });
        i = end;
        continue;
      }
      if (read) {
        let end = read.end;
        let value = read.value;
        let letters = '';
        let j = end;
        while (j < text.length && j - end < 3 && isAsciiLetter(text[j] as string)) letters += (text[j++] as string).toLowerCase();
        // "her 80s", "the 1990s", "the 14th floor", "2nd": a decade or an ordinal, never a count.
        if (ORDINAL_OR_DECADE.has(letters) && !(j < text.length && isAsciiLetter(text[j] as string))) {
          units.push({ text: '#', start: i, end: j, script: 'other' });
          i = j;
          continue;
        }
        const glued = GLUED_MULTIPLIERS[letters];
        if (glued !== undefined && !(j < text.length && isAsciiLetter(text[j] as string))) { value *= glued; end = j; }
        units.push(Number.isNaN(value) ? { text: '#', start: i, end, script: 'other' } : { text: String(value), start: i, end, script: 'num' });
        i = end;
        continue;
      }
    }
    if (isAsciiLetter(ch)) {
      let j = i;
      while (j < text.length && (isAsciiLetter(text[j] as string) || ((text[j] === '-' || text[j] === '\'') && isAsciiLetter(text[j + 1] ?? '')))) j++;
      // "A14", "M6", "B4560", "I-95", "G107": letters glued to digits name a road, a unit or a flight, never a count.
      const dash = text[j] === '-' ? 1 : 0;
      const digitAt = text[j + dash] ?? '';
      if (j - i <= 3 && digitAt >= '0' && digitAt <= '9') {
        let end = j + dash;
        while (end < text.length && end - j < 8 && ((text[end] as string) >= '0' && (text[end] as string) <= '9')) end++;
        units.push({ text: '#', start: i, end, script: 'other' });
        i = end;
        continue;
      }
      const word = text.slice(i, j).toLowerCase();
      // "self-evacuated", "re-evacuated": the verb after the prefix is what the lexicon knows; the span keeps the whole word.
      const prefix = VERB_PREFIXES.find((p) => word.startsWith(p) && word.length > p.length);
      units.push({ text: prefix ? word.slice(prefix.length) : word, start: i, end: j, script: 'en' });
      i = j;
      continue;
    }
    units.push({ text: ch, start: i, end: i + 1, script: isCjk(ch) ? 'zh' : 'other' });
    i++;
  }
  return units;
}

/** The longest lexicon phrase starting at unit `at`, if any. */
function longestPhrase(units: readonly RawUnit[], at: number, trie: TrieNode, script: RawUnit['script']): { role: LexiconRole; used: number } | undefined {
  let node: TrieNode | undefined = trie;
  let best: { role: LexiconRole; used: number } | undefined;
  for (let i = at; i < units.length && node; i++) {
    const unit = units[i] as RawUnit;
    if (unit.script !== script && !(unit.script === 'other' && childOf(node, unit.text))) break;
    node = childOf(node, unit.text);
    if (node?.role) best = { role: node.role, used: i - at + 1 };
  }
  return best;
}

const ZH_MULTIPLIERS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
const ZH_VAGUE_PREFIX: Readonly<Record<string, number>> = { 数: 2, 數: 2, 几: 2, 幾: 2, 上: 1 };
/** Words that begin with 一 and count nothing (一共17人 is 17, not 1 and 17; 一度, 一直, 一起 are adverbs): 一 there is
 *  read as a word, not a numeral. */
const ZH_WORDS_FROM_ONE = new Set(['共', '度', '直', '起', '旦', '些', '般', '带', '帶', '线', '線', '片', '致', '同', '并', '併', '律', '切', '定', '样', '樣', '边', '邊', '再', '向', '经', '經']);
const ZH_VAGUE_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 萬: 1e4 };

/** Pushes a number; "3到5", "3-5", "3 to 5", "between 30 and 40" become one number, the upper (second) end. */
function pushNumber(tokens: Token[], number: Extract<Token, { kind: 'number' }>): void {
  const sep = tokens.at(-1);
  const first = tokens.at(-2);
  if (sep?.kind === 'role' && first?.kind === 'number') {
    const between = tokens.at(-3);
    // "revised from 9 to 7": an update, not a range; the second number corrects the first.
    if (sep.text === 'to' && between?.kind === 'role' && between.text === 'from') {
      tokens.push({ ...number, corrects: true });
      return;
    }
    const isRange = sep.role.role === 'range' || sep.text === 'to' || sep.text === '至'
      || (sep.text === 'and' && between?.kind === 'break' && between.text === 'between');
    if (isRange) {
      tokens.length -= 2;
      tokens.push({ ...number, start: first.start, lowerBound: number.lowerBound || first.lowerBound });
      return;
    }
  }
  tokens.push(number);
}

/** A word for a person by what they do, formed with -ist ("motorcyclist", "cyclists", "tourist"): a person noun
 *  whether or not the lexicon lists it. */
const isAgentNoun = (word: string) => word.length >= 6 && (word.endsWith('ist') || word.endsWith('ists') || isManCompound(word)) && !NOT_AGENT_NOUNS.has(word);
/** A person named by a compound in -man / -woman ("boatman", "ferryman", "linesman", "fisherwoman"); plural in -men. */
const isManCompound = (word: string) => (word.endsWith('man') || word.endsWith('men')) && !NOT_MAN_COMPOUNDS.has(word);
const NOT_MAN_COMPOUNDS = new Set(['human', 'humans', 'german', 'germans', 'roman', 'romans', 'ottoman', 'caiman', 'talisman', 'shaman', 'doberman', 'superman', 'batman',
  'specimen', 'specimens', 'abdomen', 'abdomens', 'regimen', 'regimens', 'stamen', 'acumen', 'bitumen', 'albumen', 'dolmen', 'omen', 'omens', 'amen', 'yemen', 'oman', 'germen']);
const NOT_AGENT_NOUNS = new Set(['exist', 'exists', 'assist', 'assists', 'insist', 'insists', 'persist', 'persists', 'resist', 'resists', 'consist', 'consists', 'checklist', 'checklists',
  'shortlist', 'wrist', 'wrists', 'twist', 'twists', 'playlist', 'waitlist', 'blacklist', 'whitelist', 'midst', 'amidst', 'against']);

/** Determiners that name one person with the noun after them: "the driver", "its driver", "his wife". */
const EN_ONE_PERSON_DETERMINERS = new Set(['a', 'an', 'the', 'its', 'his', 'her', 'their', 'our', 'my', 'your']);
/** Nouns for two people in one word ("an elderly couple", "a pair of hikers"). */
const EN_PAIR_NOUNS = new Set(['couple', 'pair']);

/** Adjectives between "a" and the person it counts ("an elderly woman", "a 9-year-old boy"). */
const EN_PERSON_MODIFIERS = new Set(['elderly', 'young', 'local', 'male', 'female', 'teenage', 'pregnant', 'off-duty', 'year-old', 'old', '-', 'security', 'construction', 'factory', 'delivery', 'bus', 'truck', 'lorry', 'taxi', 'car', 'van',
  // age, standing and origin ("a retired couple", "an unidentified man", "a foreign tourist")
  'retired', 'married', 'older', 'younger', 'little', 'unidentified', 'unnamed', 'foreign', 'lone', 'senior', 'junior', 'trainee', 'volunteer', 'fellow', 'newborn', 'teenaged', 'middle-aged', 'school', 'train', 'site', 'farm', 'mine', 'shop', 'hotel', 'ferry', 'coach', 'fire', 'police']);

/** Nouns for a group, singular in form ("the crew", "the elderly"): never one person. */
const EN_GROUP_NOUNS = new Set(['crew', 'staff', 'elderly', 'other', 'population', 'populace']);

const isPersonNoun = (word: string) => englishLexicon().personNouns.has(word) || isAgentNoun(word);

/** Words that pick one of a group out by age ("the youngest, aged six, …", "the eldest is critical"): one person when
 *  punctuation or a word the lexicon knows follows, not when a noun does ("the oldest building"). */
const EN_ONE_OF_GROUP = new Set(['youngest', 'eldest', 'oldest']);

/** How many people a singular noun after `at` names, past at most three modifiers or an age: "a [9-year-old] boy" is
 *  1, "an elderly couple" 2, "the [minibus] driver", "the [night] baker" 1: a word the lexicon does not know may stand
 *  before the noun as its modifier (a vehicle, a shift, a trade), at most two of them. `nounAt`: the noun's unit. */
function personFollows(units: readonly RawUnit[], at: number): { count: number; nounAt: number } {
  let unknown = 0;
  for (let i = at; i < units.length && i - at <= 3; i++) {
    const unit = units[i] as RawUnit;
    if (unit.script === 'en' && EN_PAIR_NOUNS.has(unit.text)) return { count: 2, nounAt: i };
    if (unit.script === 'en' && isPersonNoun(unit.text)) {
      if (!isPluralPeople(unit.text) && !EN_GROUP_NOUNS.has(unit.text)) return { count: 1, nounAt: i };
      if (!EN_PERSON_MODIFIERS.has(unit.text)) return { count: 0, nounAt: i }; // "the 300 people"; but "an elderly couple"
    }
    if (i === at && unit.script === 'en' && EN_ONE_OF_GROUP.has(unit.text)) {
      const next = units[i + 1];
      return next === undefined || next.script !== 'en' || childOf(englishLexicon().trie, next.text) !== undefined ? { count: 1, nounAt: i } : { count: 0, nounAt: i };
    }
    if (unit.script === 'num' || EN_PERSON_MODIFIERS.has(unit.text)) continue;
    // An unknown word, but never a number word ("her two children" are two people, read as a count).
    if (unit.script === 'en' && ++unknown <= 2 && !childOf(englishLexicon().trie, unit.text) && !EN_ONE_PERSON_DETERMINERS.has(unit.text)
      && !readNumberWords([unit.text], 0)) continue;
    return { count: 0, nounAt: i };
  }
  return { count: 0, nounAt: at };
}

/** A plural person noun: "workers", "people", "children", "firemen". */
const isPluralPeople = (word: string) => word.endsWith('s') || word.endsWith('men') || word === 'people' || word === 'children' || word === 'folk' || word === 'police';

/** Whether a plural person noun follows at `at`, past at most two modifiers: "both [lorry] drivers". */
function peopleFollow(units: readonly RawUnit[], at: number): boolean {
  for (let i = at; i < units.length && i - at <= 2; i++) {
    const unit = units[i] as RawUnit;
    if (unit.script === 'en' && isPersonNoun(unit.text) && (unit.text.endsWith('s') || unit.text.endsWith('men') || unit.text === 'people' || unit.text === 'children')) return true;
    if (!(unit.script === 'en' && EN_PERSON_MODIFIERS.has(unit.text))) return false;
  }
  return false;
}

/** "life" before a noun it modifies ("40 life jackets", "life support") names no death; before "of", a verb
 *  or the clause's end it does ("claimed the life of", "a life was lost"). */
const LIFE_THEN_DEATH = new Set(['of', 'was', 'is', 'has', 'had', 'lost', 'were', 'been', 'in', 'on', 'at', 'and', 'when', 'after']);
function lifeModifiesNext(units: readonly RawUnit[], at: number): boolean {
  const next = units[at + 1];
  return (units[at] as RawUnit).text === 'life' && next?.script === 'en' && !LIFE_THEN_DEATH.has(next.text);
}

function tokenize(text: string): Token[] {
  const units = rawUnits(text);
  const tokens: Token[] = [];
  const words = units.map((u) => u.text);
  // Commas inside brackets ("驾驶员（男，45岁）死亡") do not end the clause around them.
  let bracketDepth = 0;
  let i = 0;
  while (i < units.length) {
    const unit = units[i] as RawUnit;
    if (unit.script === 'num') {
      pushNumber(tokens, { kind: 'number', value: Number(unit.text), start: unit.start, end: unit.end, lowerBound: false });
      i++;
      continue;
    }
    // 数十 / 几百 / 上千: "tens", "hundreds": twice the unit (once for 上), a lower bound (eval/README.md).
    const unitAfter = ZH_VAGUE_UNITS[units[i + 1]?.text ?? ''];
    if (unit.script === 'zh' && unitAfter !== undefined && (unit.text in ZH_VAGUE_PREFIX)) {
      tokens.push({ kind: 'number', value: unitAfter * ZH_VAGUE_PREFIX[unit.text]!, start: unit.start, end: units[i + 1]!.end, lowerBound: true });
      i += 2;
      continue;
    }
    if (unit.script === 'zh' && isZhNumeral(unit.text) && !(unit.text === '一' && ZH_WORDS_FROM_ONE.has(units[i + 1]?.text ?? ''))) {
      let j = i;
      while (j < units.length && j - i < 12 && units[j]!.script === 'zh' && isZhNumeral(units[j]!.text)) j++;
      const value = parseChineseNumeral(words.slice(i, j).join(''));
      // A lone 万/亿 after a digit number is its multiplier, not a numeral of its own.
      const last = tokens.at(-1);
      if (j === i + 1 && (unit.text in ZH_MULTIPLIERS) && last?.kind === 'number' && last.end === unit.start) {
        last.value *= ZH_MULTIPLIERS[unit.text]!;
        last.end = unit.end;
        i++;
        continue;
      }
      if (value !== undefined && !(unit.text in ZH_MULTIPLIERS)) {
        pushNumber(tokens, { kind: 'number', value, start: unit.start, end: units[j - 1]!.end, lowerBound: false });
        i = j;
        continue;
      }
    }
    // Dispatch shorthand "3 x fatalities", "2 x ambulances": the sign says "of this kind", so the count stands
    // right before its noun, as "3 fatalities" would.
    if ((unit.text === 'x' || unit.text === '×') && tokens.at(-1)?.kind === 'number' && (units[i + 1]?.script === 'en' || units[i + 1]?.script === 'zh')) {
      i++;
      continue;
    }
    // "a worker", "the driver", "its driver", "his wife": one person; "an elderly couple": two. (A report names its
    // people with "the" once they are known.)
    const named = unit.script === 'en' && EN_ONE_PERSON_DETERMINERS.has(unit.text) ? personFollows(units, i + 1) : undefined;
    if (named && named.count > 0) {
      tokens.push({ kind: 'number', value: named.count, start: unit.start, end: unit.end, lowerBound: false, head: true });
      // The modifiers are passed over, so the person noun stands right after the count ("killing the bus driver").
      i = named.nounAt;
      continue;
    }
    // "both drivers", "both children": two people.
    if (unit.script === 'en' && unit.text === 'both' && peopleFollow(units, i + 1)) {
      tokens.push({ kind: 'number', value: 2, start: unit.start, end: unit.end, lowerBound: false, head: true });
      i++;
      continue;
    }
    // A singular person opening a sentence with no article, as shorthand writes it: "Driver, 41, slightly injured".
    const previous = tokens.at(-1);
    const opensSentence = previous === undefined || (previous.kind === 'break' && previous.sentenceEnd);
    if (unit.script === 'en' && opensSentence && personFollows(units, i).count === 1 && isPersonNoun(unit.text)) {
      tokens.push({ kind: 'number', value: 1, start: unit.start, end: unit.start, lowerBound: false, head: true });
    }
    // The same in Chinese for one person known by role, with no count: opening a clause ("司机轻微受伤", "司机和4名学生受伤"),
    // after a verb of cause (致店主及两名食客受伤, 其中店主伤势较重), or after the vehicle it drives (三轮车驾驶人, 渔船船长;
    // not 两车司机, two vehicles' drivers).
    if (unit.script === 'zh' && (previous === undefined || (previous.kind === 'break' && previous.clauseEnd)
      || (previous.kind === 'role' && ZH_ROLE_OPENERS.has(previous.text.replaceAll(' ', ''))) || afterVehicle(units, i))) {
      const role = longestPhrase(units, i, zhTrieOf(), 'zh');
      const word = role ? words.slice(i, i + role.used).join('') : '';
      if (role?.role.role === 'person' && ZH_ONE_PERSON_ROLES.has(word)) tokens.push({ kind: 'number', value: 1, start: unit.start, end: unit.start, lowerBound: false, head: true });
    }
    // 其中押运员受伤: after 其中, a word for a person by trade the lexicon does not know (two or three characters ending in
    // 员 or 师) picks out one of the people counted before, as a known role does.
    const trade = unit.script === 'zh' && previous?.kind === 'role' && previous.text.replaceAll(' ', '') === '其中' && !longestPhrase(units, i, zhTrieOf(), 'zh') ? zhTradeNounLength(units, i) : 0;
    if (trade > 0) {
      tokens.push({ kind: 'number', value: 1, start: unit.start, end: unit.start, lowerBound: false, head: true });
      tokens.push({ kind: 'role', role: { role: 'person' }, start: unit.start, end: units[i + trade - 1]!.end, text: words.slice(i, i + trade).join('') });
      i += trade;
      continue;
    }
    if (unit.script === 'en') {
      const spelled = readNumberWords(words, i);
      if (spelled && units.slice(i, i + spelled.used).every((u) => u.script === 'en')) {
        // "a fifth died": one more beyond the count before it.
        const ordinal = spelled.used === 2 && (unit.text === 'a' || unit.text === 'one') && spelled.value === 1;
        pushNumber(tokens, { kind: 'number', value: spelled.value, start: unit.start, end: units[i + spelled.used - 1]!.end, lowerBound: spelled.lowerBound, more: ordinal });
        i += spelled.used;
        continue;
      }
    }
    const phrase = unit.script === 'zh' || unit.script === 'other' ? longestPhrase(units, i, zhTrieOf(), 'zh') ?? longestPhrase(units, i, englishLexicon().trie, 'en')
      : unit.script === 'en' ? longestPhrase(units, i, englishLexicon().trie, 'en') : undefined;
    if (phrase && !(phrase.used === 1 && lifeModifiesNext(units, i))) {
      const end = units[i + phrase.used - 1]!.end;
      const last = tokens.at(-1);
      if (phrase.role.role === 'multiplier' && last?.kind === 'number') { last.value *= phrase.role.factor; last.end = end; }
      else {
        // "2,000-plus", "30-odd": the hyphen joins the number to its lower-bound word.
        if (phrase.role.role === 'lowerBound' && last?.kind === 'role' && last.role.role === 'range' && tokens.at(-2)?.kind === 'number') tokens.pop();
        tokens.push({ kind: 'role', role: phrase.role, start: unit.start, end, text: phrase.used === 1 ? unit.text : words.slice(i, i + phrase.used).join(' ') });
      }
      i += phrase.used;
      continue;
    }
    if (unit.script === 'en' && isAgentNoun(unit.text)) {
      tokens.push({ kind: 'role', role: { role: 'person' }, start: unit.start, end: unit.end, text: unit.text });
      i++;
      continue;
    }
    if (unit.text === '(' || unit.text === '（') bracketDepth = Math.min(bracketDepth + 1, 3);
    if ((unit.text === ')' || unit.text === '）') && bracketDepth > 0) bracketDepth--;
    const sentenceEnd = SENTENCE_END.has(unit.text);
    if (sentenceEnd) bracketDepth = 0;
    tokens.push({
      kind: 'break', start: unit.start, end: unit.end, clauseEnd: CLAUSE_END.has(unit.text) && (sentenceEnd || bracketDepth === 0), sentenceEnd,
      word: unit.script === 'en' || unit.script === 'zh', text: unit.text,
    });
    i++;
  }
  return tokens;
}

/** Words after which a Chinese role noun with no count is one person: verbs of cause and 其中 ("of them"). */
const ZH_ROLE_OPENERS = new Set(['致', '造成', '导致', '導致', '其中']);
/** The last character of a vehicle's name (货车, 渔船, 飞机): the role noun after it is that vehicle's one driver or captain. */
const ZH_VEHICLE_ENDS = new Set(['车', '車', '船', '艇', '机', '機']);
const afterVehicle = (units: readonly RawUnit[], i: number) => ZH_VEHICLE_ENDS.has(units[i - 1]?.text ?? '') && units[i - 2]?.script === 'zh' && !isZhNumeral(units[i - 2]?.text ?? '');

/** Suffixes of Chinese words for a person by trade (押运员, 安全员, 技师). */
const ZH_TRADE_SUFFIXES = new Set(['员', '員', '师', '師']);
/** The length (2 or 3 characters) of a word for a person by trade starting at `i`, or 0. */
function zhTradeNounLength(units: readonly RawUnit[], i: number): number {
  for (const length of [2, 3]) {
    const part = units.slice(i, i + length);
    if (part.length === length && part.every((u) => u.script === 'zh' && !isZhNumeral(u.text)) && ZH_TRADE_SUFFIXES.has(part.at(-1)!.text)) return length;
  }
  return 0;
}

/** Chinese role nouns that name one person when they stand without a count (a vehicle has one driver). */
const ZH_ONE_PERSON_ROLES = new Set(['司机', '司機', '驾驶员', '駕駛員', '驾驶人', '駕駛人', '车主', '車主', '船长', '船長', '机长', '機長', '店主', '户主', '戶主', '男子', '女子', '男童', '女童',
  // a restaurant's cook or a building's guard, named without a count (其中厨师伤势较重, 其中保安員…情況危殆)
  '厨师', '廚師', '保安']);

const PASSABLE = new Set<LexiconRole['role']>(['fill', 'person', 'lowerBound', 'correction', 'additional', 'range']);
const passable = (t: Token | undefined) => t?.kind === 'role' && PASSABLE.has(t.role.role);
const isLowerBound = (t: Token | undefined) => t?.kind === 'role' && t.role.role === 'lowerBound';
const hasRole = (t: Token | undefined, role: LexiconRole['role']) => t?.kind === 'role' && t.role.role === role;

/** How far (in tokens) a head count ("23人", "Three firefighters") may stand from its verb in one clause. */
const MAX_CLAUSE_TOKENS = 14;

interface Binding {
  figure: FigureName; value: number; lowerBound: boolean; start: number; end: number; additional?: boolean; light?: boolean;
  /** The figure word's token: two counts bound to the same one are coordinated ("2 firefighters and 3 residents were hurt") and add. */
  keyAt?: number;
  /** An amount of money with no loss word next to it: a loss only if one stands earlier in the sentence. */
  loose?: boolean;
  /** Injured people said to be seriously hurt ("taken to hospital with serious injuries"). */
  seriousOnly?: boolean;
}

type KeyToken = Extract<Token, { kind: 'role' }> & { role: Extract<LexiconRole, { role: 'key' }> };

/**
 * The figure a key at `at` names, read in its context: a noun for the people (伤员, victims) gives way to a
 * verb after it ("1名伤员不治身亡" is a death); "trapped" at a place where people wait unhurt (被困在屋顶,
 * "trapped on rooftops") is stranded. Bounded look-ahead: constant work per key.
 */
function keyFigure(tokens: readonly Token[], at: number): { figure: FigureName; light: boolean; end: number } | undefined {
  let key = tokens[at] as KeyToken;
  let from = at;
  if (key.role.noun) {
    let j = at + 1;
    while (j < tokens.length && j - at <= 3 && passable(tokens[j])) j++;
    const verb = tokens[j];
    if (verb?.kind === 'role' && verb.role.role === 'key') { key = verb as KeyToken; from = j; }
    else {
      // The verb before the people it counts: "安置受灾群众1200人" is evacuated, not affected.
      let b = at - 1;
      while (b >= 0 && at - b <= 2 && hasRole(tokens[b], 'fill')) b--;
      const before = tokens[b];
      if (before?.kind === 'role' && before.role.role === 'key' && !before.role.noun && before.role.figure !== 'directLossCny') { key = before as KeyToken; from = b; }
    }
  }
  let figure = key.role.figure;
  if (figure === 'trapped' || key.role.needsPlace) {
    let place = false;
    for (let j = from + 1; j < tokens.length && j - from <= 4; j++) {
      const t = tokens[j] as Token;
      if (t.kind === 'break' && t.clauseEnd) break;
      if (t.kind === 'number') break;
      // "pinned under the roof", "压在屋顶下": beneath a place is buried there, not waiting on it.
      if (t.kind === 'break' && BENEATH.has(t.text)) break;
      // "remain underground after a roof fall": a place after "after", "when" is the event's, not where they are.
      if (hasRole(t, 'stop')) break;
      if (hasRole(t, 'strandedPlace') || (t.kind === 'role' && t.role.role === 'key' && t.role.isPlace === true)) {
        if ((tokens[j + 1] as { text?: string } | undefined)?.text === '下') break;
        figure = 'stranded'; place = true; break;
      }
    }
    // "waiting on rooftops" is stranded; "waiting" anywhere else is no figure.
    if (key.role.needsPlace && !place) return undefined;
  }
  return { figure, light: key.role.light === true || (figure === 'injuries' && lightFollows(tokens, from)), end: key.end };
}

/** "treated for minor cuts", "treated at the scene by the ambulance service for minor injuries": a general injury word
 *  whose clause names the injuries as minor is a minor-injury count. Looks at most ten tokens on. */
function lightFollows(tokens: readonly Token[], at: number): boolean {
  for (let j = at + 1; j < tokens.length && j - at <= 10; j++) {
    const t = tokens[j] as Token;
    if ((t.kind === 'break' && t.clauseEnd) || t.kind === 'number') return false;
    // "injuries ranging from minor to critical": a range of severity, the injured in general.
    if (t.kind === 'role' && t.role.role === 'key') return t.role.light === true && !severityRangeAfter(tokens, j);
  }
  return false;
}

const SERIOUS_ENDS = new Set(['critical', 'serious', 'severe', 'life-threatening', 'life threatening']);
/** Whether "to critical" (or serious, severe) follows the light word at `j`. */
function severityRangeAfter(tokens: readonly Token[], j: number): boolean {
  const to = tokens[j + 1];
  const end = tokens[j + 2];
  if (!((to?.kind === 'break' || to?.kind === 'role') && to.text === 'to')) return false;
  return (end?.kind === 'role' && end.role.role === 'key' && end.role.figure === 'seriousInjuries') || ((end?.kind === 'break' || end?.kind === 'role') && SERIOUS_ENDS.has(end.text));
}

/** Words that put people beneath a place rather than on it. */
const BENEATH = new Set(['under', 'beneath', 'underneath', 'below']);

/** Whether the number at `k` is a measure: "45岁", "300 m", "a 9-year-old", "aged 81". */
function isMeasure(tokens: readonly Token[], k: number): boolean {
  const next = tokens[k + 1];
  const prev = tokens[k - 1];
  // "400余辆", "30多吨": a lower-bound word may stand between the number and its unit.
  return hasRole(next, 'unit') || ((hasRole(next, 'range') || hasRole(next, 'lowerBound')) && hasRole(tokens[k + 2], 'unit')) || (prev?.kind === 'break' && (prev.text === 'aged' || prev.text === 'age'));
}

/** What an apposition may hold: "aged 81", "a 45-year-old man", "all from the same crew", "who were on the night shift".
 *  A figure word, a zero, a number that counts, or a frame ends it. */
const APPOSITION_ROLES = new Set<LexiconRole['role']>(['fill', 'unit', 'person', 'range', 'stop', 'earlier', 'strandedPlace', 'lowerBound',
  // "One woman, rescued from a fifth-floor flat, was taken…": a participle of rescue says how the same people came out.
  'rescued']);
/** How many tokens an apposition may hold ("rescued from a fifth-floor flat by crews"). */
const MAX_APPOSITION_TOKENS = 9;

/** An apposition after a comma ("1 woman, aged 81, died"): its last token, or -1. At most a few tokens, no figure word in it. */
function appositionEnd(tokens: readonly Token[], comma: number): number {
  const first = tokens[comma + 1];
  const ages = first?.kind === 'break' && (first.text === 'aged' || first.text === 'age'); // "aged 70 and 74"
  // "Driver, 41, ...": a bare number alone between commas after one person is an age.
  const after = tokens[comma + 2];
  const lone = first?.kind === 'number' && first.head !== true && hasRole(tokens[comma - 1], 'person') && after?.kind === 'break' && after.clauseEnd;
  for (let m = comma + 1; m < tokens.length && m - comma <= MAX_APPOSITION_TOKENS; m++) {
    const t = tokens[m] as Token;
    if (t.kind === 'break' && t.clauseEnd) return t.sentenceEnd || m === comma + 1 ? -1 : m;
    if (t.kind === 'role' && !APPOSITION_ROLES.has(t.role.role) && !(ages && t.text === 'and')) return -1;
    // "the driver, a 45-year-old man, ...": the same person named again.
    // "all from one firm": a number counting a thing of its own, not people, may stand in it.
    const countsThing = tokens[m + 1]?.kind === 'break' && (tokens[m + 1] as { word: boolean }).word && !hasRole(tokens[m + 2], 'person');
    if (t.kind === 'number' && !ages && !lone && !t.head && !isMeasure(tokens, m) && !countsThing) return -1;
  }
  return -1;
}

const isHead = (t: Token | undefined) => t?.kind === 'number' && t.head === true;
/** Whether the token at `i` ends a count of people: a person noun with a count before it ("the driver", "3 passengers"). */
function peopleCounted(tokens: readonly Token[], i: number): boolean {
  if (!hasRole(tokens[i], 'person')) return false;
  for (let b = i - 1; b >= 0 && i - b <= 3; b--) {
    const t = tokens[b] as Token;
    if (t.kind === 'number') return !isMeasure(tokens, b);
    if (!passable(t)) return false;
  }
  return false;
}
const isPossessive = (t: Token | undefined) => t?.kind === 'break' && EN_POSSESSIVES.has(t.text);
const EN_POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my']);
const isAnd = (t: Token | undefined) => (t?.kind === 'role' || t?.kind === 'break') && (t.text === 'and' || t.text === '和' || t.text === '及');

/** An unlisted plural in -ers that names people by what they do (roofers, scaffolders, loggers), not a thing. */
const isTradeNoun = (t: Token | undefined) => t?.kind === 'break' && t.word && t.text.length >= 6 && t.text.endsWith('ers') && !NOT_TRADE_NOUNS.has(t.text);
const NOT_TRADE_NOUNS = new Set(['containers', 'trailers', 'tankers', 'cylinders', 'towers', 'boilers', 'transformers', 'computers', 'heaters', 'shelters', 'layers', 'meters',
  'liters', 'centimeters', 'millimeters', 'kilometers', 'papers', 'letters', 'numbers', 'orders', 'matters', 'waters', 'rivers', 'borders', 'corners', 'chambers', 'quarters',
  'headquarters', 'others', 'powers', 'flowers', 'members', 'lorries', 'dumpers', 'loaders', 'tractors', 'helicopters', 'engines', 'ladders', 'barriers', 'filters',
  'sliders', 'rafters', 'girders', 'boulders', 'centers', 'theaters', 'shutters', 'dampers', 'markers', 'stickers', 'posters', 'folders', 'printers', 'monitors', 'speakers',
  'chargers', 'burners', 'reactors', 'covers', 'floors', 'doors', 'hours', 'years', 'users', 'offers', 'answers', 'timbers', 'lockers', 'hangers', 'coolers', 'dryers', 'mixers']);

/** Participles that open a clause about the people just named ("…, suffering burns", "…, complaining of dizziness"). */
const PARTICIPLES = new Set(['suffering', 'suffering from', 'complaining of', 'needing', 'requiring']);

/** English verbs a bare number may be the subject of ("13 suffered", "6 were"), so its figure word may come later. */
const HEAD_VERBS = new Set(['were', 'was', 'are', 'is', 'have', 'has', 'had', 'suffered', 'sustained', 'remain', 'remained', 'still']);

/** Words that name a thing by the number after them ("junction 22", "Flight 302", "Ward 7", "Day 3", "Engine 2"): that
 *  number is a name, not a count. */
const EN_NUMBERED_THINGS = new Set(['no', 'number', 'nos', 'unit', 'ward', 'route', 'flight', 'bus', 'line', 'platform', 'block', 'building', 'gate', 'room', 'level',
  'shaft', 'junction', 'exit', 'pier', 'bay', 'berth', 'tower', 'zone', 'sector', 'lane', 'highway', 'interstate', 'road', 'runway', 'terminal', 'track', 'engine', 'ladder',
  'squad', 'medic', 'station', 'battalion', 'district', 'phase', 'stage', 'grade', 'category', 'class', 'apartment', 'flat', 'house', 'plot', 'pit', 'well', 'reactor',
  'tank', 'boiler', 'kiln', 'hall', 'wing', 'day', 'week', 'hole', 'mile', 'kilometre', 'kilometer', 'km', 'post', 'marker', 'page', 'item', 'version', 'channel', 'ch',
  'pump', 'truck', 'rescue', 'ambulance', 'car', 'coach', 'carriage', 'deck', 'tier', 'bed', 'box', 'area', 'camp', 'site', 'storey', 'floor', 'act', 'section']);

/** The first halves of verbs a count splits ("forced 4,500 people from their homes", "drove 300 residents out of their houses"). */
const SPLIT_VERB_HEADS = new Set(['forced', 'forcing', 'forces', 'force', 'drove', 'driven', 'driving', 'drives', 'chased', 'displaced', 'displacing', 'pushed', 'sent', 'ordered']);
/** Whether the first half of a split verb stands just before the count at `k`, fillers ("about", "some") between. */
function splitVerbBefore(tokens: readonly Token[], k: number): boolean {
  for (let i = k - 1; i >= 0 && k - i <= 3; i--) {
    const t = tokens[i] as Token;
    if ((t.kind === 'break' || t.kind === 'role') && SPLIT_VERB_HEADS.has(t.text)) return true;
    if (!passable(t)) return false;
  }
  return false;
}

/** Whether the count at `k` stands in an apposition of its own, after a comma: "their residents, some 140 people, moved to…". */
function countInApposition(tokens: readonly Token[], k: number): boolean {
  let i = k - 1;
  while (i >= 0 && k - i <= 3 && passable(tokens[i])) i--;
  const before = tokens[i];
  return before?.kind === 'break' && before.text === ',';
}

/** The words that close 在…途中 / 在…过程中 / 在…时 around a verb: a time, not an event. */
const DURING_CLOSERS = ['途中', '过程', '過程', '时', '時', '中'];
const tokenText = (t: Token | undefined) => (t?.kind === 'role' || t?.kind === 'break' ? t.text.replaceAll(' ', '') : '');
/** Whether the figure word at `at` stands in 在…途中 (one token each side). */
function duringFrame(tokens: readonly Token[], at: number): boolean {
  if (tokenText(tokens[at - 1]) !== '在') return false;
  const after = tokenText(tokens[at + 1]) + tokenText(tokens[at + 2]);
  return DURING_CLOSERS.some((w) => after.startsWith(w));
}

/** The figure word a number at `k` belongs to (the grammar in docs/input.md, "Figures in the text"). */
/** "疏散群众86户237人": the households counted before the people, passed over as a filler is (a count of its own,
 *  never the verb's). */
function householdsBefore(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  return t?.kind === 'role' && hasRole(t, 'unit') && (t.text === '户' || t.text === '戶') && tokens[i - 1]?.kind === 'number';
}

function bind(tokens: readonly Token[], k: number): Binding | 'combined' | undefined {
  const number = tokens[k] as Extract<Token, { kind: 'number' }>;
  // "300 metres", "20吨", "5楼", "45岁", "aged 81": a measurement, never a count.
  if (isMeasure(tokens, k)) return undefined;
  // "junction 22", "Flight 302": a name.
  const named = tokens[k - 1];
  if (!number.head && (named?.kind === 'break' || named?.kind === 'role') && EN_NUMBERED_THINGS.has(named.text) && !number.lowerBound) return undefined;
  // "由120送医", "dialled 999": the service, not a count.
  if (hasRole(tokens[k - 1], 'agent')) return 'combined';
  // "relocated to 86 relief camps", 转移至12个安置点: the number counts the places people are put up in.
  if (countsRefuges(tokens, k)) return undefined;
  // Money ("5000万元", "80 million yuan", "CNY 200 million") binds only to a loss word, and a count never does.
  const moneyBefore = hasRole(tokens[k - 1], 'money') ? 1 : hasRole(tokens[k - 2], 'money') && passable(tokens[k - 1]) ? 2 : 0;
  let money = moneyBefore > 0;
  const fits = (at: number): Binding | 'combined' | undefined => {
    const t = tokens[at];
    if (t?.kind === 'role' && t.role.role === 'combined' && !money) return 'combined';
    if (t?.kind !== 'role' || t.role.role !== 'key') return undefined;
    if ((t.role.figure === 'directLossCny') !== money) return undefined;
    // 在撤离途中受伤: a figure word inside 在…途中/过程中/时 says when, not what befell the people.
    if (duringFrame(tokens, at)) return undefined;
    // "可能需要转移3万人", "will be evacuated": a plan or a possibility, not a count.
    if (hasRole(tokens[at - 1], 'modal') || (hasRole(tokens[at - 1], 'fill') && hasRole(tokens[at - 2], 'modal'))) return 'combined';
    // "forced 4,500 people from their homes": the second half of the verb needs its first half before the count.
    if (t.role.splitVerb && !splitVerbBefore(tokens, k)) return undefined;
    const read = keyFigure(tokens, at);
    if (!read) return undefined;
    return { figure: read.figure, value: number.value, lowerBound, additional, start: Math.min(number.start, t.start), end: Math.max(number.end, read.end), light: read.light, keyAt: at };
  };
  const b = k - moneyBefore; // "over CNY 200 million": the bound stands before the currency
  let lowerBound = number.lowerBound || isLowerBound(tokens[b - 1]) || (isLowerBound(tokens[b - 2]) && passable(tokens[b - 1]));
  // "另有85名", "another 250", "a further 3": adds to the same figure stated before.
  let additional = number.more === true || additionalBefore(tokens, k);
  let person = number.head === true || (tokens[k + 1]?.kind === 'role' && HEAD_VERBS.has((tokens[k + 1] as { text: string }).text))
    // "Two roofers were hurt": a word for people by their trade (-ers) the lexicon does not list, as the subject of a verb.
    || (isTradeNoun(tokens[k + 1]) && tokens[k + 2]?.kind === 'role' && HEAD_VERBS.has((tokens[k + 2] as { text: string }).text));
  let j = k + 1;
  let modifier = false;
  for (; j < tokens.length && j - k <= MAX_GAP_TOKENS; j++) {
    const t = tokens[j];
    if (hasRole(t, 'money')) { money = true; continue; }
    // One word naming what kind of people ("Three yard workers", "3名检修工人") before the people noun.
    if (!modifier && t?.kind === 'break' && t.word && hasRole(tokens[j + 1], 'person')) { modifier = true; continue; }
    if (!passable(t)) break;
    if (hasRole(t, 'person')) person = true;
    if (t?.kind === 'role' && t.text === 'more') additional = true; // "2 more people"
    if (isLowerBound(t) && j <= k + 2) lowerBound = true; // "30+", "三十余", "1500人以上"
  }
  const loose = (): Binding | undefined => (money ? { figure: 'directLossCny', value: number.value, lowerBound, start: number.start, end: number.end, loose: true } : undefined);
  // 1. The figure word right after the number, fillers between: "3人死亡", "5 persons trapped".
  const after = fits(j);
  if (after) return after;
  // 1b. A relative clause about the people counted: "two climbers who went missing", "three hikers who are missing". (The
  //     sixth round's "the man who died was 54" is the other side: there the number follows the clause.)
  const pronoun = tokens[j];
  if (!money && hasRole(tokens[j - 1], 'person') && (pronoun?.kind === 'role' || pronoun?.kind === 'break') && RELATIVE_PRONOUNS.has(pronoun.text)) {
    let m = j + 1;
    while (m < tokens.length && m - j <= 3 && hasRole(tokens[m], 'fill')) m++;
    // one plain verb before the figure word ("who went missing", "who got hurt")
    const verb = tokens[m];
    if (!hasRole(verb, 'key') && verb?.kind === 'break' && verb.word && !verb.clauseEnd) m++;
    const relative = fits(m);
    if (relative) return relative;
  }
  // 2. Before it: "死亡3人", "killed 3"; not when the number counts a noun of its own ("buried six houses"), but a word
  //    before a person is the person's kind ("Injured: 5 rail workers").
  const next = tokens[k + 1];
  if (!(next?.kind === 'break' && next.word && !hasRole(tokens[k + 2], 'person'))) {
    let i = k - 1;
    // "injuring the tractor driver and 12 passengers": the verb before a count of people joined by "and" counts both.
    while (i >= 0 && k - i <= MAX_GAP_TOKENS && (passable(tokens[i]) || (isAnd(tokens[i]) && peopleCounted(tokens, i - 1)) || isHead(tokens[i]) || householdsBefore(tokens, i))) {
      i -= householdsBefore(tokens, i) ? 2 : 1;
    }
    // "The man who died was 54": a figure verb in a relative clause about people already counted says what befell them;
    // the number after its copula is said of them (an age), not a count.
    const before = relativeOfCounted(tokens, i) ? undefined : fits(i);
    if (before) return before;
    // 疏散楼内八十余名住户, 转移沿河两岸三百二十名群众: a place or kind of at most four characters between a verb that moves or
    // befalls people and their count.
    if (person && !money) {
      const verb = verbPastModifiers(tokens, k);
      const found = verb >= 0 ? fits(verb) : undefined;
      if (found) return found;
    }
    // "The death toll from the fire was 14", "the number of people who died in the crash is 9": the figure word, a phrase
    // of place or cause after it, and the count after the copula.
    if (!money) {
      const subject = subjectBeforeCopula(tokens, i);
      // (Not "the woman injured in the blast is 62": people counted right before the figure word are its subject.)
      const found = subject >= 0 && !relativeOfCounted(tokens, subject) && !peopleCounted(tokens, subject - 1) ? fits(subject) : undefined;
      if (found) return found;
    }
  }
  // 2b. A relative clause before a head count: "送医观察的23人", "被困在井下的12名矿工": the verb before 的 says
  //     what befell them, a few words (where, how) between.
  if (person && !money && (tokens[k - 1] as { text?: string } | undefined)?.text === '的') {
    for (let m = k - 2; m >= 0 && k - m <= 5; m--) {
      const t = tokens[m] as Token;
      if (t.kind === 'role' && t.role.role === 'key') {
        if (t.role.noun) break;
        const found = fits(m);
        if (found) return found;
        break;
      }
      if (!(passable(t) || hasRole(t, 'unit') || hasRole(t, 'strandedPlace') || (t.kind === 'break' && t.word && !t.clauseEnd))) break;
    }
  }
  // 3. A head count of people and its verb later in the same clause: "23人因吸入气体受伤",
  //    "Three firefighters sustained minor burns", "约10人可能被埋".
  if (person && !money) {
    for (let m = j; m < tokens.length && m - k <= MAX_CLAUSE_TOKENS; m++) {
      const t = tokens[m] as Token;
      // Another count joined by "and" ("2 firefighters and 3 residents were hurt", "a mother and her two children
      // died") shares the verb.
      if (t.kind === 'number' && !isMeasure(tokens, m) && !(m - 1 === j && isAnd(tokens[j])) && !(m - 2 === j && isAnd(tokens[j]) && isPossessive(tokens[m - 1]))) break;
      if (t.kind === 'break' && t.clauseEnd) {
        // "their residents, some 140 people, moved to the leisure centre": a count in an apposition of its own is the
        // subject of the verb right after it.
        if (m === j && t.text === ',' && countInApposition(tokens, k)) {
          let n = m + 1;
          while (n < tokens.length && n - m <= 3 && hasRole(tokens[n], 'fill')) n++;
          const found = fits(n);
          if (found) return found;
        }
        // "One adult male rescued by ladder, suffering smoke inhalation": a participle after the comma says what befell
        // the same people.
        if (t.text === ',' && PARTICIPLES.has((tokens[m + 1] as { text?: string } | undefined)?.text ?? '')) {
          let n = m + 1;
          while (n < tokens.length && n - m <= 3 && hasRole(tokens[n], 'fill')) n++;
          const found = fits(n);
          if (found) return found;
        }
        const skip = t.sentenceEnd ? -1 : appositionEnd(tokens, m); // "1 woman, aged 81, died"
        if (skip < 0) break;
        m = skip;
        continue;
      }
      // "pulled from the rubble", "400 people from nearby mohallas": "from" marks an earlier figure only before a number.
      if (t.kind === 'role' && t.role.role === 'earlier' && t.role.adjacent && tokens[m + 1]?.kind !== 'number') continue;
      // "212 persons from 78 families relocated": "from" and a count of households or places of its own.
      if (t.kind === 'role' && t.role.role === 'earlier' && t.role.adjacent && countsOwnNoun(tokens, m + 1)) { m++; continue; }
      // "was brought out by firefighters but died later": "but" joins a second verb of the same people, as "and" does
      // (a count after it, "but three others died", ends the search above).
      if (t.kind === 'role' && (t.role.role === 'earlier' || t.role.role === 'zero' || (t.role.role === 'stop' && t.text !== 'and' && t.text !== 'but'))) break;
      const found = fits(m);
      if (found) return found;
    }
  }
  // 4. Its verb earlier in the clause, the people named between: "撤离山区居民1,350人", "疏散附近村民约300人".
  if (hasRole(tokens[k - 1], 'person') || (passable(tokens[k - 1]) && hasRole(tokens[k - 2], 'person'))) {
    for (let m = k - 1; m >= 0 && k - m <= MAX_CLAUSE_TOKENS; m--) {
      const t = tokens[m] as Token;
      // A list after one verb (滞留车辆400余辆、司乘人员1500余人): the enumeration comma 、 does not end the verb's reach.
      // 转移山脚下3个村庄群众1100余人: a count of places between the verb and the people counts a noun of its own.
      if ((t.kind === 'number' && !isMeasure(tokens, m) && !countsOwnNoun(tokens, m)) || (t.kind === 'break' && t.clauseEnd && t.text !== '、')) break;
      if (t.kind === 'role' && (t.role.role === 'earlier' || t.role.role === 'zero' || t.role.role === 'stop' || t.role.role === 'correction')) break;
      const found = fits(m);
      if (found) return found;
    }
  }
  return loose();
}

/** Whether the number at `k` counts refuges: a refuge word right after it, a filler (个) or one word between
 *  ("86 relief camps", "23 nearby shelters", 12个安置点). */
function countsRefuges(tokens: readonly Token[], k: number): boolean {
  const isRefuge = (t: Token | undefined) => t?.kind === 'role' && t.role.role === 'key' && t.role.refuge === true;
  const next = tokens[k + 1];
  return isRefuge(next) || ((hasRole(next, 'fill') || (next?.kind === 'break' && next.word && !next.clauseEnd)) && isRefuge(tokens[k + 2]));
}

/** Copulas between a subject and the count it is said to be ("the toll from the fire was 14"). */
const COPULAS = new Set(['was', 'is', 'were', 'are', 'stands', 'stood', 'stands at', 'stood at', 'remains', 'remained', 'remains at', 'remained at']);
/** Prepositions that open a phrase of place or cause after a figure word ("the toll from the fire", "died in the crash"). */
const SUBJECT_PREPOSITIONS = new Set(['in', 'from', 'at', 'on', 'of', 'during']);
/** The figure word of a subject whose count follows a copula, a phrase of place or cause between: the copula is the
 *  token at `copula` (the first one that is not passed over before the number); or -1. At most six tokens back. */
function subjectBeforeCopula(tokens: readonly Token[], copula: number): number {
  const is = tokens[copula + 1];
  if (!(is?.kind === 'role' && COPULAS.has(is.text))) return -1;
  for (let i = copula; i >= 0 && copula - i <= 6; i--) {
    const t = tokens[i] as Token;
    if (t.kind === 'role' && t.role.role === 'key') {
      const after = tokens[i + 1] as Token;
      return i < copula && (after.kind === 'role' || after.kind === 'break') && SUBJECT_PREPOSITIONS.has(after.text) && !t.role.light ? i : -1;
    }
    if (t.kind === 'number' || (t.kind === 'break' && !t.word) || (t.kind === 'role' && !(t.role.role === 'fill' || t.role.role === 'strandedPlace'
      || (t.role.role === 'earlier' && t.role.adjacent)))) return -1;
  }
  return -1;
}

/** Whether the figure word at `at` opens a relative clause ("who died", "who were hurt", fillers between) about people
 *  counted just before it ("the man who died"): its count is theirs. */
function relativeOfCounted(tokens: readonly Token[], at: number): boolean {
  if (!hasRole(tokens[at], 'key')) return false;
  let i = at - 1;
  while (i >= 0 && at - i <= 3 && hasRole(tokens[i], 'fill')) i--;
  const pronoun = tokens[i];
  if (!(pronoun?.kind === 'role' || pronoun?.kind === 'break') || !RELATIVE_PRONOUNS.has(pronoun.text)) return false;
  return peopleCounted(tokens, i - 1);
}
const RELATIVE_PRONOUNS = new Set(['who', 'that', 'whom']);

/** The verb (a figure word, not a noun) before the count at `k` past a modifier of at most four Chinese characters
 *  naming a place or kind (楼内, 沿河两岸, 厂区内外; a number counting a thing of its own, 两岸, is one of them), fillers
 *  between; or -1. Looks at most seven tokens back. */
function verbPastModifiers(tokens: readonly Token[], k: number): number {
  let modifier = 0;
  for (let i = k - 1; i >= 0 && k - i <= 7; i--) {
    const t = tokens[i] as Token;
    if (t.kind === 'role' && t.role.role === 'key') return modifier > 0 && !t.role.noun ? i : -1;
    if (passable(t)) continue;
    if (householdsBefore(tokens, i)) { i--; continue; }
    const modifierChar = (t.kind === 'break' && !t.clauseEnd && t.word && isCjk(t.text)) || (hasRole(t, 'unit') && tokens[i - 1]?.kind !== 'number')
      || (t.kind === 'number' && countsOwnNoun(tokens, i) && isCjk((tokens[i + 1] as { text?: string } | undefined)?.text ?? ''));
    if (modifierChar && ++modifier <= 4) continue;
    return -1;
  }
  return -1;
}

/** Whether the count at `k` names a part of people counted before: "6 of them", "two of whom", 其中2人. */
function partOfBefore(tokens: readonly Token[], k: number, money = false): boolean {
  const text = (t: Token | undefined) => (t?.kind === 'role' || t?.kind === 'break' ? t.text.replaceAll(' ', '') : '');
  const next = text(tokens[k + 1]);
  if ((next === 'of' && PART_PRONOUNS.has(text(tokens[k + 2]))) || (next.startsWith('of') && PART_PRONOUNS.has(next.slice(2)))) return true;
  if (text(tokens[k - 1]) === '其中' || (hasRole(tokens[k - 1], 'fill') && text(tokens[k - 2]) === '其中')) return true;
  // "Two employees were hurt - one suffered burns and the other inhaled fumes": "one … the other" after a dash or colon
  // tells the people just counted one by one.
  if ((tokens[k] as { value?: number }).value === 1 && DETAIL_OPENERS.has(text(tokens[k - 1])) && otherFollows(tokens, k)) return true;
  if (!money) return false;
  // 其中存货损失2110万元, 其中商品损失9000万元、装修损失3500万元: 其中 a few words back in the clause (a list joined by 、
  // is in it) names a part of the loss. (For people 其中 stands by its count: 其中重伤4人 is a figure of its own.)
  for (let i = k - 1; i >= 0 && k - i <= MAX_PART_TOKENS; i--) {
    const t = tokens[i] as Token;
    if (text(t) === '其中') return true;
    if (t.kind === 'break' && t.clauseEnd && t.text !== '、') return false;
  }
  return false;
}
const DETAIL_OPENERS = new Set(['-', '–', '—', ':', '：']);
/** Whether "the other(s)" follows the token at `k` in its sentence (at most 20 tokens on). */
function otherFollows(tokens: readonly Token[], k: number): boolean {
  for (let i = k + 1; i < tokens.length && i - k <= 20; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'break' && t.sentenceEnd) return false;
    if ((t.kind === 'role' || t.kind === 'break') && (t.text === 'other' || t.text === 'others') && (tokens[i - 1] as { text?: string }).text === 'the') return true;
  }
  return false;
}
/** How far (in tokens) 其中 may stand before the part it names. */
const MAX_PART_TOKENS = 12;
const PART_PRONOUNS = new Set(['them', 'whom', 'those']);

/** Whether the number at `m` counts a noun of its own, not people: a word the lexicon does not know right after it or after
 *  one filler (3个村庄, 4个行政村), never a person word. */
function countsOwnNoun(tokens: readonly Token[], m: number): boolean {
  const next = hasRole(tokens[m + 1], 'fill') ? tokens[m + 2] : tokens[m + 1];
  return next?.kind === 'break' && next.word && !next.clauseEnd;
}

/** Whether "另有", "another" stands just before the number at `k`, and no measure follows it. */
function followsAdditional(tokens: readonly Token[], k: number): boolean {
  return !isMeasure(tokens, k) && additionalBefore(tokens, k);
}

/** Whether "另有", "another", "a further" stands before the count at `k`: fillers between, or modifiers of at most four
 *  unknown Chinese characters (另有周边村民约600人, 另有沿线商户200人). Looks at most seven tokens back. */
function additionalBefore(tokens: readonly Token[], k: number): boolean {
  let modifier = 0;
  for (let i = k - 1; i >= 0 && k - i <= 7; i--) {
    const t = tokens[i] as Token;
    if (hasRole(t, 'additional')) return true;
    if (passable(t)) continue;
    // 沿线商户: a unit character (户) not after a number is part of such a word.
    const modifierChar = (t.kind === 'break' && !t.clauseEnd && t.word && isCjk(t.text)) || (hasRole(t, 'unit') && tokens[i - 1]?.kind !== 'number');
    if (modifierChar && ++modifier <= 4) continue;
    return false;
  }
  return false;
}

/** Whether a correction marker ("核实为", "revised to") stands just before the number at `k`. */
function followsCorrection(tokens: readonly Token[], k: number): boolean {
  for (let i = k - 1; i >= 0 && k - i <= MAX_GAP_TOKENS && passable(tokens[i]); i--) {
    const t = tokens[i];
    if (t?.kind === 'role' && t.role.role === 'correction') return true;
  }
  return false;
}

type Reading = Figures[FigureName] & { light?: boolean; seriousOnly?: boolean };

const isYear = (t: Token | undefined) => t?.kind === 'number' && t.end - t.start === 4 && t.value >= 1900 && t.value <= 2099;

/**
 * Which tokens stand in a sentence about a past event, hearsay or a condition (曾造成11人死亡, 如果…, "flooded
 * in 1998, killing 200", "posts claiming 50 dead"), and which stand in a clause said to be false: their
 * numbers are not current counts. Two linear passes.
 */
function framedSentences(tokens: readonly Token[]): Uint8Array {
  const framed = new Uint8Array(tokens.length);
  markSpans(tokens, framed, (t) => t.kind === 'break' && t.sentenceEnd,
    (t, k) => (hasRole(t, 'frame') && !claimsLives(tokens, k)) || (isYear(t) && (tokens[k - 1] as { text?: string } | undefined)?.text === 'in'));
  // A report said to be false ("Reports of 100 dead are false", 网传3人死亡的消息不实): its clause holds no count, up to
  // a colon that goes on to the true one ("Reports of two deaths were incorrect: one man died").
  markSpans(tokens, framed, (t) => (t.kind === 'break' && t.clauseEnd) || (t.kind === 'role' && (t.text === ':' || t.text === '：')), (t) => hasRole(t, 'denied'));
  return framed;
}

/** "claimed four lives", "claiming the lives of 3": the verb of a death, not hearsay ("posts claiming 50 dead"). */
function claimsLives(tokens: readonly Token[], k: number): boolean {
  for (let i = k + 1; i < tokens.length && i - k <= 4; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'break' && t.clauseEnd) return false;
    if (t.kind === 'role' && t.role.role === 'key') return t.role.figure === 'deaths' && (t.text === 'lives' || t.text === 'life');
  }
  return false;
}

/** "flown to hospital with serious injuries": the serious words after an injury key say the same people are
 *  seriously hurt. The seriousness key's token, or -1. Looks at most four tokens on, in the clause. */
function seriousAfter(tokens: readonly Token[], keyAt: number): number {
  for (let i = keyAt + 1; i < tokens.length && i - keyAt <= 4; i++) {
    const t = tokens[i] as Token;
    if ((t.kind === 'break' && t.clauseEnd) || t.kind === 'number') return -1;
    // "with serious injuries", "in critical condition", "in a critical condition"
    if (t.kind === 'role' && t.role.role === 'key') return t.role.figure === 'seriousInjuries' && (t.text.startsWith('with ') || t.text.startsWith('in ')) ? i : -1;
  }
  return -1;
}

/**
 * Which counts are said to be rescued later in their sentence with no other count between ("另有3名船员被过往船只救起",
 * "两名男子被困河心沙洲，经两小时救援被直升机救起"): those people are no longer trapped, stranded or missing. A rescue
 * with its own count ("救出2人", "freed one") is of those it counts, not of the count before. One pass backwards.
 */
function rescuedAfter(tokens: readonly Token[]): Uint8Array {
  const marks = new Uint8Array(tokens.length);
  let rescued = false;
  for (let k = tokens.length - 1; k >= 0; k--) {
    const t = tokens[k] as Token;
    if (t.kind === 'break' && t.sentenceEnd) rescued = false;
    // "仍有22人被困，其余人员已安全升井": the rest are other people than the count before them.
    else if ((t.kind === 'role' || t.kind === 'break') && REST_WORDS.has(t.text.replaceAll(' ', ''))) rescued = false;
    else if (t.kind === 'role' && t.role.role === 'rescued') rescued = !countFollows(tokens, k) && !rescueUnderWay(tokens, k);
    // 另1人已从另一出口自行升井: a number counting a thing of its own (另一出口) stands between no count and its rescue.
    else if (t.kind === 'number' && !isMeasure(tokens, k) && !countsOwnNoun(tokens, k)) { marks[k] = rescued ? 1 : 0; rescued = false; }
  }
  return marks;
}

/** Words that put a rescue still to come (正设法救出, 正在营救, 尚未救出, "trying to free"): those people are still where they were. */
const RESCUE_UNDER_WAY = ['正在', '设法', '設法', '尝试', '嘗試', '试图', '試圖', '尚未', '仍未', '未能', 'trying to', 'working to', 'attempting to', 'struggling to', 'yet to', 'not yet',
  'hoping to', 'preparing to'];
/** Whether a word of a rescue still to come, or a plan (将, "will"), stands in the four tokens before the rescue at `k`, in its clause. */
function rescueUnderWay(tokens: readonly Token[], k: number): boolean {
  let words = '';
  for (let i = k - 1; i >= 0 && k - i <= 4; i--) {
    const t = tokens[i] as Token;
    if ((t.kind === 'break' && t.clauseEnd) || t.kind === 'number') break;
    if (hasRole(t, 'modal')) return true;
    words = `${t.text} ${words}`;
  }
  const joined = words.replaceAll(' ', '');
  return RESCUE_UNDER_WAY.some((w) => (isCjk(w[0] ?? '') ? joined.includes(w) : ` ${words}`.includes(` ${w} `)));
}

/** Words for the rest of a group, other people than a count named before them. */
const REST_WORDS = new Set(['其余', '其餘', '其他', '其它', '剩余', '剩餘', '剩下', '剩下的', 'rest', 'others', 'remaining']);

/** Whether a count (not a measure) stands within three tokens after `k`, fillers between ("救出4名", "freed one"). */
function countFollows(tokens: readonly Token[], k: number): boolean {
  for (let i = k + 1; i < tokens.length && i - k <= 3; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'number') return !isMeasure(tokens, i);
    if (!passable(t)) return false;
  }
  return false;
}

/** Sets `marks` to 1 over every span (between two `ends`) that holds a token `marking` accepts. One pass. */
function markSpans(tokens: readonly Token[], marks: Uint8Array, ends: (t: Token) => boolean, marking: (t: Token, k: number) => boolean): void {
  let start = 0;
  let marked = false;
  for (let k = 0; k <= tokens.length; k++) {
    const t = tokens[k];
    if (!t || ends(t)) {
      if (marked) marks.fill(1, start, k);
      start = k + 1;
      marked = false;
      continue;
    }
    if (marking(t, k)) marked = true;
  }
}

/** Whether a denied verb of happening (未发生, 未出现) stands right before the casualty word at `k`, people words (人员) between. */
function deniedHappening(tokens: readonly Token[], k: number): boolean {
  for (let i = k - 1; i >= 0 && k - i <= 3; i--) {
    if (hasRole(tokens[i], 'negation')) return true;
    if (!hasRole(tokens[i], 'person')) return false;
  }
  return false;
}

/** Whether the key at `k` opens its clause, fillers before it, in the same sentence as the clause before. */
function opensClause(tokens: readonly Token[], k: number): boolean {
  let i = k - 1;
  while (i >= 0 && k - i <= 4 && hasRole(tokens[i], 'fill')) i--;
  const before = tokens[i];
  return before?.kind === 'break' && before.clauseEnd && !before.sentenceEnd;
}

/** Whether the key at `k` opens its clause after "all" or 均/都 ("，均已遇难", "; all died"): it then names the count before. */
function opensWithAll(tokens: readonly Token[], k: number): boolean {
  let i = k - 1;
  let all = false;
  for (; i >= 0 && k - i <= 4 && hasRole(tokens[i], 'fill'); i--) {
    const text = (tokens[i] as { text: string }).text.replaceAll(' ', ''); // a Chinese phrase's characters are joined with spaces
    if (text === 'all' || text === '均' || text === '都' || text === '全部' || text === '皆' || text === '全数' || text === '全數' || text === '悉数' || text === '悉數') all = true;
  }
  const before = tokens[i];
  return all && before?.kind === 'break' && before.clauseEnd && !before.sentenceEnd;
}

/** Each figure the text states, the latest statement winning, with the span of text it was read from. */
/** Words saying the people just counted are safe and unhurt where they are (label rules: they are stranded). */
const SAID_SAFE = ['人员安全', '人員安全', '均安全', '暂无危险', '暫無危險', '暂无生命危险', '暫無生命危險', '身体无恙', '身體無恙', '安全无虞', '安全無虞', '均无受伤', '均無受傷',
  'are safe', 'are unhurt', 'are uninjured', 'safe and well', 'all safe', 'unharmed'];
const SENTENCE_ENDS = '。；;！？!?\n';
/** Whether the sentence goes on, within 40 characters after `at`, to say the people are safe. Bounded: linear. */
function saidSafeAfter(text: string, at: number): boolean {
  let end = at;
  while (end < text.length && end - at < 40 && !SENTENCE_ENDS.includes(text[end] as string)) end++;
  const rest = text.slice(at, end).toLowerCase();
  return SAID_SAFE.some((w) => rest.includes(w));
}

export function figuresFromText(text: string): Figures {
  const tokens = tokenize(foldWidth(text));
  const framed = framedSentences(tokens);
  const figures: Partial<Record<FigureName, Reading>> = {};
  // Figures an update or correction set in this sentence: a later count of the same figure in it explains the
  // change ("rose to 12 after 3 more bodies were found") and does not replace it.
  const correctedInSentence = new Set<FigureName>();
  // The last count read, bound or a bare head count (its figure is then a placeholder), for "，均已遇难" in the next clause.
  let lastCount: Binding | undefined;
  let numberInClause = false;
  // "初报3人死亡", "earlier reports said 5 dead": the number after an earlier-report marker is not a current
  // count, though its figure is what a following correction or update ("现核实为2人", "rose to 12") changes.
  let earlierNumber = false;
  // "（此前通报为2人死亡、9人受伤）": an earlier report's marker governs its whole list, up to the next comma or the
  // bracket's end, not only the first number after it.
  let earlierList = false;
  let earlierListCounted = false; // a number already read under the earlier list
  let lastFigure: FigureName | undefined;
  let rescuedAt = -Infinity; // where the last "救出"/"rescued" stood
  const rescuedLater = rescuedAfter(tokens);
  let lossNamed = false; // a loss word earlier in this sentence: where an amount of money far from it belongs
  const pending: Binding[] = [];
  const pendingLast = new Map<FigureName, Binding>(); // the latest pending binding of each figure (no scan of `pending`)
  const current = (figure: FigureName) => pendingLast.get(figure) ?? figures[figure];
  const commit = (found: Binding) => {
    // Trapped and said to be safe in the same sentence ("32名游客被困在停车场，人员安全，等待救援"): stranded, not trapped.
    const b = found.figure === 'trapped' && saidSafeAfter(text, found.end) ? { ...found, figure: 'stranded' as const } : found;
    const before = figures[b.figure];
    // A minor-injury count does not replace a general one ("15人受伤，其中4人重伤、11人轻伤"); it adds to the seriously
    // injured given apart ("one woman taken to hospital with serious injuries, and two others treated for minor injuries").
    // The serious one given after the minor ones ("Eleven … with minor injuries. The driver was flown … in critical
    // condition"): the injured are both together.
    if (b.seriousOnly && before?.light && !b.additional) {
      figures[b.figure] = { ...before, value: before.value + b.value, lowerBound: (before.lowerBound ?? false) || b.lowerBound, light: false };
      return;
    }
    if (b.light && before && !before.light && !b.additional) {
      if (before.seriousOnly) figures[b.figure] = { ...before, value: before.value + b.value, lowerBound: (before.lowerBound ?? false) || b.lowerBound, seriousOnly: false };
      return;
    }
    figures[b.figure] = { value: b.value, source: 'text', lowerBound: b.lowerBound, span: [b.start, b.end], ...(b.light ? { light: true } : {}), ...(b.seriousOnly ? { seriousOnly: true } : {}) };
  };
  const endClause = () => {
    for (const b of pending) commit(b);
    pending.length = 0;
    pendingLast.clear();
    earlierNumber = false;
  };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    // "Earlier reports of two fatalities were incorrect: one man died": a colon after the earlier count opens the new one.
    if (t.kind !== 'number' && (t.text === ':' || t.text === '：') && earlierListCounted) earlierList = false;
    if (t.kind === 'break') {
      if (t.clauseEnd) { endClause(); rescuedAt = -Infinity; numberInClause = false; if (t.text !== '、') earlierList = false; }
      if (t.text === ')' || t.text === '）') earlierList = false;
      if (t.sentenceEnd) { lossNamed = false; correctedInSentence.clear(); lastCount = undefined; }
      continue;
    }
    if (framed[k]) continue;
    if (t.kind === 'role') {
      if (t.role.role === 'key' && !numberInClause && lastCount && opensWithAll(tokens, k)) {
        const all: Binding = { ...lastCount, figure: t.role.figure, additional: false, start: lastCount.start, end: t.end };
        pending.push(all);
        pendingLast.set(all.figure, all);
        lastFigure = all.figure;
        continue;
      }
      // "另有2名工人中毒，目前病情危重": a clause that only says how serious it is names the injured counted just before.
      if (t.role.role === 'key' && t.role.figure === 'seriousInjuries' && !numberInClause && lastCount?.figure === 'injuries' && !lastCount.light
        && !current('seriousInjuries') && opensClause(tokens, k)) {
        const serious: Binding = { ...lastCount, figure: 'seriousInjuries', additional: false, end: t.end };
        pending.push(serious);
        pendingLast.set('seriousInjuries', serious);
        continue;
      }
      if (t.role.role === 'earlier' && (!t.role.adjacent || tokens[k + 1]?.kind === 'number')) earlierNumber = true;
      if (t.role.role === 'earlier' && !t.role.adjacent) { earlierList = true; earlierListCounted = false; }
      // "由此前通报的6人上升至11人", "initially put at 5 but have since confirmed 7": an update or a function word ends the
      // earlier list (in English, where a comma already ends it, the list is the marker's own clause).
      if (t.role.role === 'correction' || t.role.role === 'stop') earlierList = false;
      if (t.role.role === 'rescued' && !rescueUnderWay(tokens, k)) rescuedAt = k;
      // 未发生人员伤亡, 未出现人员死亡: a casualty word after a denied verb of happening, 人员 between, is a zero.
      if ((t.role.role === 'combined' || (t.role.role === 'key' && !t.role.noun)) && !numberInClause && deniedHappening(tokens, k)) {
        for (const figure of t.role.role === 'combined' ? ['deaths', 'injuries'] as const : [t.role.figure]) {
          const zero = { figure, value: 0, lowerBound: false, start: t.start, end: t.end };
          pending.push(zero);
          pendingLast.set(figure, zero);
        }
        continue;
      }
      if (t.role.role === 'key' && !t.role.needsPlace) { lastFigure = t.role.figure; if (t.role.figure === 'directLossCny') lossNamed = true; }
      if (t.role.role === 'zero') {
        for (const figure of t.role.figures) {
          if (t.role.weak && (current(figure)?.value ?? 0) > 0) continue;
          const zero = { figure, value: 0, lowerBound: false, start: t.start, end: t.end };
          pending.push(zero);
          pendingLast.set(figure, zero);
        }
      }
      continue;
    }
    if (!Number.isFinite(t.value)) continue;
    numberInClause = true;
    let binding = bind(tokens, k);
    // A head count with no figure word ("找到3名落水者"): a clause after it may still say what befell them ("均已死亡").
    // (十余名乘客…，均已送医: a lower-bound word may stand between the count and its people.)
    const headCount = hasRole(tokens[k + 1], 'person') || ((hasRole(tokens[k + 1], 'fill') || isLowerBound(tokens[k + 1])) && hasRole(tokens[k + 2], 'person'));
    if (!binding && headCount && !isMeasure(tokens, k)) lastCount = { figure: 'injuries', value: t.value, lowerBound: t.lowerBound || isLowerBound(tokens[k + 1]), start: t.start, end: t.end };
    if (binding === 'combined') { earlierNumber = false; continue; }
    if (binding?.loose && !lossNamed) binding = undefined;
    const corrects = t.corrects === true || followsCorrection(tokens, k);
    // "提升至四级", "rose to level 3": a measure after an update word is no corrected count.
    // "that number has now risen to at least 14": the bound before the number holds for the update as for any count.
    if (!binding && lastFigure && corrects && !isMeasure(tokens, k)) {
      const bounded = t.lowerBound || isLowerBound(tokens[k - 1]) || (isLowerBound(tokens[k - 2]) && passable(tokens[k - 1]));
      binding = { figure: lastFigure, value: t.value, lowerBound: bounded, start: t.start, end: t.end };
    }
    // "evacuated 500, and another 120 this morning": an additional count with no figure word adds to the last figure.
    if (!binding && lastFigure && lastFigure !== 'directLossCny' && followsAdditional(tokens, k)) {
      binding = { figure: lastFigure, value: t.value, lowerBound: t.lowerBound, start: t.start, end: t.end, additional: true };
    }
    const earlier = earlierNumber || earlierList;
    if (earlierList) earlierListCounted = true;
    earlierNumber = false;
    if (!binding || (binding.figure !== 'directLossCny' && binding.value >= MAX_COUNT)) continue;
    lastFigure = binding.figure;
    if (earlier) continue;
    lastCount = binding;
    if (correctedInSentence.has(binding.figure) && !corrects) continue;
    if (corrects) correctedInSentence.add(binding.figure);
    if ((k - rescuedAt <= 4 || rescuedLater[k] === 1) && (binding.figure === 'trapped' || binding.figure === 'stranded' || binding.figure === 'missing')) continue;
    const before = current(binding.figure);
    // "Dozens … complained of dizziness, and 6 of them were admitted", "14人送医，其中2人住院": a part of a count already
    // read is no new count of the same figure.
    if (partOfBefore(tokens, k, binding.figure === 'directLossCny') && before && !binding.additional && before.value >= binding.value) continue;
    const coordinated = binding.keyAt !== undefined && pendingLast.get(binding.figure)?.keyAt === binding.keyAt;
    if ((binding.additional || coordinated) && before) {
      binding = { ...binding, value: before.value + binding.value, lowerBound: binding.lowerBound || (before.lowerBound ?? false), light: binding.light && (before.light ?? false) };
    }
    const serious = binding.figure === 'injuries' && binding.keyAt !== undefined && !binding.light ? seriousAfter(tokens, binding.keyAt) : -1;
    // "taken to hospital with serious injuries": these injured are the serious ones, to which minor ones given apart add.
    if (serious >= 0 && !current('seriousInjuries')) binding = { ...binding, seriousOnly: true };
    pending.push(binding);
    pendingLast.set(binding.figure, binding);
    if (serious >= 0 && !current('seriousInjuries')) {
      const also: Binding = { ...binding, figure: 'seriousInjuries', end: (tokens[serious] as Token).end, keyAt: serious };
      pending.push(also);
      pendingLast.set('seriousInjuries', also);
    }
  }
  endClause();
  // Serious and minor injuries given apart (重伤4人，轻伤17人): the injured are both together (eval/README.md).
  const injuries = figures.injuries;
  const serious = figures.seriousInjuries;
  if (injuries?.light && serious) injuries.value += serious.value;
  const out: Figures = {};
  for (const [name, reading] of Object.entries(figures) as Array<[FigureName, Reading]>) {
    const { light: _light, seriousOnly: _seriousOnly, ...figure } = reading;
    out[name] = figure;
  }
  return out;
}

/**
 * The figures for grading: the text's, with each figure the commander stated in the form put in its place.
 * Where the form and the text disagree both are kept as a conflict, and the more severe (larger) count is
 * used, saying which.
 */
export function collectFigures(text: string, facts: Facts): { figures: Figures; conflicts: FigureConflict[] } {
  const figures = figuresFromText(text);
  const conflicts: FigureConflict[] = [];
  for (const name of FIGURE_NAMES) {
    const stated = name in facts ? (facts as Record<string, number | undefined>)[name] : undefined;
    if (stated === undefined) continue;
    const read = figures[name];
    if (read && read.value !== stated) {
      const used = read.value > stated ? 'read' : 'stated';
      conflicts.push({ figure: name, stated, read: read.value, ...(read.span ? { span: read.span } : {}), used });
      if (used === 'read') continue; // keep the text's larger figure, with its span
    }
    figures[name] = { value: stated, source: 'fact' };
  }
  return { figures, conflicts };
}
