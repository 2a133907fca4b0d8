// Chinese reports write measures in Chinese numerals as often as in digits (缺口寬約二十五公尺, 已燃烧约三个小时,
// 芮氏規模五點九, 坡度約百分之四十). The facts readers match digits, so they read a view of the report in which
// each Chinese numeral that measures something is written in digits, and map what they find back to the
// report's own characters (docs/input.md, "Facts read from the text"). Only a numeral right before a unit
// of measure (or after 规模, a magnitude) is rewritten: 一名, 四川, 二氧化硫, 三号楼 stay as they are.
import { parseChineseDecimal } from './numbers.js';

/** The report with measuring numerals in digits, and for each of its characters the span of the report's
 *  characters it stands for. */
export interface NumeralView { text: string; startOf: readonly number[]; endOf: readonly number[] }

const NUMERAL = '零〇一二两兩三四五六七八九十百千万萬';
/** Units a fact is measured in, longest first where one begins another. */
const UNITS = ['平方公里', '平方千米', '千米', '公里', '公尺', '英尺', '英里', '毫米', '米', '公顷', '公頃', '亩', '畝',
  '小时', '小時', '钟头', '鐘頭', '分钟', '分鐘', '天', '吨', '噸', '千克', '公斤', '级', '級', '度', '秒'];
// 百分之 and a numeral (a percentage); or a numeral (with a decimal part after 点/點), and 半 after an optional
// 个/個 (一个半小时), then a unit (after an optional 多, 来 or 个: 三百多米, 三百来米, 三个小时); or 规模/規模 and a numeral (a
// magnitude, which has no unit after it). Each run of numerals is taken whole or not at all (a lookahead and
// its backreference: JavaScript has no possessive quantifier) and only where it begins, so a long run
// without a unit costs one pass, not one per character.
const RUN = `[${NUMERAL}]`;
const DIGIT_RUN = `[${NUMERAL.slice(0, 13)}]`;
const MEASURE = new RegExp(
  `百分之(?=(?<pct>${RUN}+))\\k<pct>(?:[点點](?=(?<pctFrac>${DIGIT_RUN}+))\\k<pctFrac>)?`
  + `|(?<!${RUN})(?=(?<num>${RUN}+))\\k<num>(?:[点點](?=(?<frac>${DIGIT_RUN}+))\\k<frac>)?(?:(?<ge>个|個)?(?<half>半))?(?=(?:多|余|餘|来|來)?(?:个|個)?(?:${UNITS.join('|')}))`
  + `|(?<mag>规模|規模)(?=(?<magInt>${RUN}+))\\k<magInt>[点點](?=(?<magFrac>${DIGIT_RUN}+))\\k<magFrac>`, 'gu');

/** The view of `text` the facts readers read. Linear: one regular-expression scan without backtracking
 *  over unbounded alternatives, then one pass to build the view. */
export function numeralView(text: string): NumeralView {
  const pieces: Array<{ from: number; to: number; digits: string }> = [];
  MEASURE.lastIndex = 0;
  for (let m = MEASURE.exec(text); m; m = MEASURE.exec(text)) {
    const g = m.groups ?? {};
    if (g.pct) {
      // 百分之四十 → 40%: the percentage sign where the words were.
      const value = parseChineseDecimal(g.pct, g.pctFrac);
      if (value !== undefined) pieces.push({ from: m.index, to: m.index + m[0].length, digits: `${value}%` });
      continue;
    }
    if (g.mag) {
      const value = parseChineseDecimal(g.magInt as string, g.magFrac);
      if (value !== undefined) pieces.push({ from: m.index + g.mag.length, to: m.index + m[0].length, digits: String(value) });
      continue;
    }
    // A numeral character right after digits is a unit's (16千米, 3万人) or a multiplier, not a numeral.
    if (/[\d.]/.test(text[m.index - 1] ?? '')) continue;
    let numeral = g.num as string;
    // 三千米 is 3 km: a 千 before 米 is the unit's, not the number's.
    if (!g.frac && !g.half && numeral.endsWith('千') && text[m.index + m[0].length] === '米') numeral = numeral.slice(0, -1);
    if (numeral === '') continue;
    let value = parseChineseDecimal(numeral, g.frac);
    if (value === undefined) continue;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
    // 一级响应, 二级预警: a response or warning level, not a measure; 一度 is "at one point".
    if (/^(?:级|級)(?:响应|響應|应急|應急|预警|預警|警报|警報|警戒|风险|風險)/.test(after) || (numeral === '一' && after.startsWith('度'))) continue;
    if (g.half) value += 0.5;
    const end = m.index + numeral.length + (g.frac ? 1 + g.frac.length : 0) + (g.half ? (g.ge?.length ?? 0) + 1 : 0);
    pieces.push({ from: m.index, to: end, digits: String(value) });
  }
  if (pieces.length === 0) return { text, startOf: [], endOf: [] };
  let view = '';
  const startOf: number[] = [];
  const endOf: number[] = [];
  let at = 0;
  for (const piece of pieces) {
    for (; at < piece.from; at++) { view += text[at]; startOf.push(at); endOf.push(at + 1); }
    for (const ch of piece.digits) { view += ch; startOf.push(piece.from); endOf.push(piece.to); }
    at = piece.to;
  }
  for (; at < text.length; at++) { view += text[at]; startOf.push(at); endOf.push(at + 1); }
  return { text: view, startOf, endOf };
}

/** The report's span for a span found in the view. */
export function sourceSpan(view: NumeralView, [start, end]: readonly [number, number]): [number, number] {
  if (view.startOf.length === 0) return [start, end];
  const last = view.startOf.length;
  const from = start < last ? view.startOf[start] as number : (view.endOf[last - 1] as number);
  const to = end > start ? view.endOf[Math.min(end, last) - 1] as number : from;
  return [from, to];
}
