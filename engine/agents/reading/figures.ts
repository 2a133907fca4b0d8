// Casualty and loss figures a report states, in Chinese or English: "3人死亡", "造成12人受伤", "转移1.5万人",
// "直接经济损失约5000万元", "2 dead, 14 injured", "about 2,000 residents evacuated", "losses of 80 million yuan".
// Facts the commander entered win over figures read from the text.
import type { Facts } from '../../contract/incident.js';
import { FIGURE_NAMES, type FigureName, type Figures } from '../../contract/reading.js';

const ZH_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** "十二" → 12, "二十三" → 23, "三百" → 300; up to 9,999 (larger counts are written in digits). */
export function parseChineseNumeral(text: string): number | undefined {
  let total = 0;
  let digit = 0;
  let seen = false;
  for (const ch of text) {
    if (ch in ZH_DIGITS) { digit = ZH_DIGITS[ch] as number; seen = true; continue; }
    const unit = ZH_UNITS[ch];
    if (unit === undefined) return undefined;
    total += (seen ? digit : 1) * unit;
    digit = 0;
    seen = false;
  }
  return total + digit;
}

const NUM = '(\\d[\\d,]*(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+)\\s*(万|千|百|k|thousand|million)?';

function toNumber(digits: string, multiplier: string | undefined): number | undefined {
  const base = /\d/.test(digits) ? Number(digits.replace(/,/g, '')) : parseChineseNumeral(digits);
  if (base === undefined || !Number.isFinite(base)) return undefined;
  const factor = { 万: 1e4, 千: 1e3, 百: 100, k: 1e3, thousand: 1e3, million: 1e6 }[multiplier ?? ''] ?? 1;
  return base * factor;
}

// Each pattern has the number in group 1 and an optional multiplier in group 2.
const PATTERNS: Record<Exclude<FigureName, 'directLossCny'>, RegExp[]> = {
  deaths: [
    new RegExp(`${NUM}\\s*(?:名|人|位)?(?:已)?(?:死亡|遇难|罹难|身亡|丧生)`, 'g'), new RegExp(`(?:死亡|遇难)\\s*${NUM}\\s*(?:人|名)`, 'g'),
    new RegExp(`${NUM}\\s*死`, 'g'), new RegExp(`${NUM}\\s+(?:people\\s+|persons\\s+)?(?:dead|killed|deaths|fatalities|doa|died|fatal)\\b`, 'gi'),
  ],
  seriousInjuries: [
    new RegExp(`${NUM}\\s*(?:名|人)?重伤`, 'g'), new RegExp(`重伤\\s*${NUM}\\s*(?:人|名)`, 'g'),
    new RegExp(`${NUM}\\s+(?:people\\s+)?(?:seriously injured|critical(?:ly injured)?|serious injuries)\\b`, 'gi'),
  ],
  injuries: [
    new RegExp(`${NUM}\\s*(?:名|人)?(?:受伤|轻伤|伤)`, 'g'), new RegExp(`受伤\\s*${NUM}\\s*(?:人|名)`, 'g'),
    new RegExp(`${NUM}\\s+(?:people\\s+|persons\\s+)?(?:injured|hurt|injuries|casualties)\\b`, 'gi'),
  ],
  trapped: [
    new RegExp(`${NUM}\\s*(?:名|人)?(?:被困|被埋|被埋压|受困)`, 'g'), new RegExp(`(?:被困|被埋压|受困)\\s*${NUM}\\s*(?:人|名)`, 'g'),
    new RegExp(`${NUM}\\s+(?:people\\s+|persons\\s+|pers\\s+)?(?:trapped|buried|stranded)\\b`, 'gi'),
  ],
  missing: [
    new RegExp(`${NUM}\\s*(?:名|人)?(?:失联|失踪)`, 'g'), new RegExp(`(?:失联|失踪)\\s*${NUM}\\s*(?:人|名)`, 'g'),
    new RegExp(`${NUM}\\s+(?:people\\s+|persons\\s+)?(?:missing|unaccounted for)\\b`, 'gi'),
  ],
  exposed: [
    new RegExp(`(?:受灾|受影响|涉及)(?:群众|人口)?\\s*${NUM}\\s*(?:人|名)?`, 'g'),
    new RegExp(`${NUM}\\s+(?:people|residents)\\s+(?:exposed|affected|at risk)\\b`, 'gi'),
  ],
  evacuated: [
    new RegExp(`(?:转移|疏散|撤离|安置)(?:群众|居民|人员)?\\s*(?:约|近|超过)?\\s*${NUM}\\s*(?:人|名|余人)?`, 'g'),
    new RegExp(`${NUM}\\s*(?:人|名)?(?:已)?(?:转移|疏散|撤离)`, 'g'),
    new RegExp(`evacuated\\s+(?:about\\s+|some\\s+|over\\s+)?${NUM}`, 'gi'),
    new RegExp(`${NUM}\\s+(?:residents\\s+|people\\s+|persons\\s+)?(?:were\\s+)?(?:evacuated|need evacuation)\\b`, 'gi'),
  ],
};

const LOSS_PATTERNS: Array<{ re: RegExp; scale: (unit: string) => number }> = [
  { re: /(?:损失|经济损失)[^0-9零一二三四五六七八九十]{0,6}(\d[\d,]*(?:\.\d+)?)\s*(亿|万)?元/g, scale: (u) => (u === '亿' ? 1e8 : u === '万' ? 1e4 : 1) },
  { re: /(\d[\d,]*(?:\.\d+)?)\s*(million|billion|m|bn)?\s*(?:yuan|cny|rmb)\b/gi, scale: (u) => ({ million: 1e6, m: 1e6, billion: 1e9, bn: 1e9 } as Record<string, number>)[u.toLowerCase()] ?? 1 },
];

/** The largest count stated for each figure (later updates in a report usually give higher totals). */
export function figuresFromText(text: string): Figures {
  const figures: Figures = {};
  for (const [name, patterns] of Object.entries(PATTERNS) as Array<[FigureName, RegExp[]]>) {
    let best: number | undefined;
    for (const re of patterns) {
      for (const match of text.matchAll(re)) {
        const value = toNumber(match[1] as string, match[2]);
        if (value !== undefined && value < 1e8 && (best === undefined || value > best)) best = value;
      }
    }
    if (best !== undefined) figures[name] = { value: best, source: 'text' };
  }
  for (const { re, scale } of LOSS_PATTERNS) {
    for (const match of text.matchAll(re)) {
      const value = Number((match[1] as string).replace(/,/g, '')) * scale(match[2] ?? '');
      if (Number.isFinite(value) && (figures.directLossCny === undefined || value > figures.directLossCny.value)) {
        figures.directLossCny = { value, source: 'text' };
      }
    }
  }
  return figures;
}

export function collectFigures(text: string, facts: Facts): Figures {
  const figures = figuresFromText(text);
  for (const name of FIGURE_NAMES) {
    const stated = facts[name];
    if (stated !== undefined) figures[name] = { value: stated, source: 'fact' };
  }
  return figures;
}
