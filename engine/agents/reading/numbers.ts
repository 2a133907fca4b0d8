// Numbers as reports write them: digits with thousands separators and decimals (full-width digits are
// folded by NFKC before reading), Chinese numerals (两, 十二, 二十三, 一百零五, 三千五百), multipliers
// (4.6万, 1.8亿, 2.5 million, 3k) and English number words (three, forty-two, a dozen). Each reader is a
// single left-to-right scan over a bounded window: linear in the text, no backtracking.

const ZH_DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const ZH_LARGE_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8, 萬: 1e4, 億: 1e8 };

export const isZhNumeral = (ch: string): boolean => ch in ZH_DIGITS || ch in ZH_SMALL_UNITS || ch in ZH_LARGE_UNITS;

/** "十二" → 12, "二十三" → 23, "一百零五" → 105, "三千五百" → 3500, "两万" → 20000; undefined if malformed. */
export function parseChineseNumeral(text: string): number | undefined {
  let total = 0;
  let section = 0; // below 10 000
  let digit: number | undefined;
  for (const ch of text) {
    const d = ZH_DIGITS[ch];
    if (d !== undefined) { digit = d; continue; }
    const small = ZH_SMALL_UNITS[ch];
    if (small !== undefined) { section += (digit ?? 1) * small; digit = undefined; continue; }
    const large = ZH_LARGE_UNITS[ch];
    if (large === undefined) return undefined;
    total += (section + (digit ?? 0)) * large;
    section = 0;
    digit = undefined;
  }
  const value = total + section + (digit ?? 0);
  return text.length > 0 ? value : undefined;
}

/** "五" and "九" of 五点九 → 5.9: the integer part as parseChineseNumeral reads it, the fraction digit by digit
 *  (点 is read by the caller); undefined if either is malformed. */
export function parseChineseDecimal(integerPart: string, fraction?: string): number | undefined {
  const whole = parseChineseNumeral(integerPart);
  if (whole === undefined || !fraction) return whole;
  let digits = '';
  for (const ch of fraction) {
    const d = ZH_DIGITS[ch];
    if (d === undefined) return undefined;
    digits += d;
  }
  return Number(`${whole}.${digits}`);
}

/** A run of ASCII digits with optional thousands separators and one decimal part, read from `at`. A run
 *  too long to be a count is consumed whole and read as NaN, so no digit of it is read twice. */
export function readDigits(text: string, at: number): { value: number; end: number } | undefined {
  let i = at;
  let digits = '';
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch >= '0' && ch <= '9') { digits += ch; i++; continue; }
    // "2,000" but not "3,5 and": a separator must be followed by exactly three digits.
    if (ch === ',' && digits.length > 0 && /^\d{3}(?!\d)/.test(text.slice(i + 1, i + 5))) { i++; continue; }
    break;
  }
  if (digits.length === 0) return undefined;
  if (digits.length > 15) return { value: Number.NaN, end: i };
  let value = Number(digits);
  if (text[i] === '.' && text[i + 1] !== undefined && text[i + 1]! >= '0' && text[i + 1]! <= '9') {
    let j = i + 1;
    let fraction = '';
    while (j < text.length && text[j]! >= '0' && text[j]! <= '9' && fraction.length < 6) fraction += text[j++];
    value = Number(`${digits}.${fraction}`);
    i = j;
  }
  return { value, end: i };
}

/** English number words, as whole words. */
const EN_UNITS: Readonly<Record<string, number>> = {
  zero: 0, no: 0, one: 1, a: 1, an: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const EN_TENS: Readonly<Record<string, number>> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const EN_ORDINALS = new Set(['second', 'third', 'fourth', 'fifth', 'sixth']);
const EN_SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };

/**
 * A number written in words from a list of lower-case words starting at `at`: "forty-two", "two hundred",
 * "three thousand five hundred", "a dozen"; "dozens"/"scores"/"hundreds" are lower bounds. `a`/`an`/`no`
 * count only before a scale word or "dozen" (so "a fire" is not a 1). Returns how many words it used.
 */
export function readNumberWords(words: readonly string[], at: number): { value: number; used: number; lowerBound: boolean } | undefined {
  const first = words[at];
  if (first === undefined) return undefined;
  if (first === 'dozens') return { value: 24, used: 1, lowerBound: true };
  if (first === 'hundreds') return { value: 200, used: 1, lowerBound: true };
  if (first === 'thousands') return { value: 2000, used: 1, lowerBound: true };
  // "half a dozen" (also hyphenated): six.
  if (first === 'half' && words[at + 1] === 'a' && words[at + 2] === 'dozen') return { value: 6, used: 3, lowerBound: false };
  if (first === 'half-a-dozen') return { value: 6, used: 1, lowerBound: false };
  // "a third is missing", "a second worker died": one more person.
  if ((first === 'a' || first === 'one') && EN_ORDINALS.has(words[at + 1] ?? '')) return { value: 1, used: 2, lowerBound: false };
  let total = 0;
  let current = 0;
  let used = 0;
  let seen = false;
  for (let i = at; i < words.length && used < 8; i++) {
    const w = words[i] as string;
    const next = words[i + 1];
    if (w === 'dozen') { current = (seen ? current : 1) * 12; seen = true; used++; continue; }
    if ((w === 'a' || w === 'an' || w === 'no') && !(next !== undefined && (next in EN_SCALES || next === 'dozen'))) break;
    const hyphen = /^([a-z]+)-([a-z]+)$/.exec(w);
    if (hyphen && hyphen[1]! in EN_TENS && hyphen[2]! in EN_UNITS) { current += EN_TENS[hyphen[1]!]! + EN_UNITS[hyphen[2]!]!; seen = true; used++; continue; }
    if (w in EN_UNITS) { current += EN_UNITS[w]!; seen = true; used++; continue; }
    if (w in EN_TENS) { current += EN_TENS[w]!; seen = true; used++; continue; }
    if (w in EN_SCALES && seen) {
      const scale = EN_SCALES[w]!;
      if (scale === 100) current *= 100;
      else { total += current * scale; current = 0; }
      used++;
      continue;
    }
    // "two hundred and five": "and" goes on only after a scale word; "six and eight" is two numbers (a range or a list).
    if (w === 'and' && seen && (words[i - 1] ?? '') in EN_SCALES && next !== undefined && (next in EN_UNITS || next in EN_TENS || /^[a-z]+-[a-z]+$/.test(next))) { used++; continue; }
    break;
  }
  return seen ? { value: total + current, used, lowerBound: false } : undefined;
}
