// What a report's words say about a levee breach (width, head, polder area, rain), a wildfire (fuel, slope,
// time burning, distance to the community) and a release's amount (mass, duration), in Chinese (simplified
// and traditional) and English. Read the way the other physical facts are (docs/input.md, "Facts read from
// the text"): at a marker found by indexOf, from a bounded window beside it, so the scan stays linear.
import type { TextFact } from '../../contract/reading.js';
import { SUBSTANCES } from '../../contract/substances.js';
import { isWordChar, positions } from '../common/reportMarkers.js';
import { placesFromText } from './places.js';
import { parseChineseNumeral, readNumberWords } from './numbers.js';

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const ABOUT_ZH = '(?:约|約|近|达|達|为|為|已|已经|已經|了|有|仅|僅|超过|超過|大约|大約|扩大至|擴大至|扩大到|擴大到|增至|扩展至|擴展至|至|到)*';
const ABOUT_EN = String.raw`(?:about |around |roughly |nearly |some |approximately |approx\.? ?|almost |over |more than |at least |an estimated |estimated )*`;
/** A metre as Chinese reports write it: 米, or 公尺 in Taiwan. */
const METRES_ZH = '(?:公尺|米)';
const METRES_EN = String.raw`(?:m|metres?|meters?)(?![a-z²2/])`;

/** Each pattern compiled once: they are built from a few markers and units, and compiling one at every
 *  marker found made long reports slow (a report of repeated markers is part of the linear-time tests). */
const compiled = new Map<string, RegExp>();
function pattern(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) { re = new RegExp(source); compiled.set(source, re); }
  return re;
}

/** A pattern per marker for the loops below, compiled on the marker's first use and kept: building each
 *  source from its long parts at every call, to look it up, cost a tenth of the reading step. */
function perMarker(source: (marker: string) => string): (marker: string) => RegExp {
  const byMarker = new Map<string, RegExp>();
  return (marker) => {
    let re = byMarker.get(marker);
    if (!re) { re = new RegExp(source(marker)); byMarker.set(marker, re); }
    return re;
  };
}

type Found = TextFact | undefined;
/** A number ending the text before a unit. */
const NUM_AT_END = pattern(`${NUM}\\s*$`);
/** A number with thousands separators or without ("1,200", "18,000", "2.5"), read with numberValue. */
const GROUPED_NUM = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const numberValue = (digits: string) => Number(digits.replace(/,/g, ''));
const TONNAGE_NUMBER_AT_END = pattern(`(?<![\\d,])${GROUPED_NUM}[ -]*(?:metric[ -])?$`);
const fact = (name: TextFact['fact'], value: number | boolean, start: number, end: number): TextFact => ({ fact: name, value, span: [start, end] });
/** The later statement wins: reports update themselves ("the breach has widened to 80 m"). */
const later = (a: Found, b: Found): Found => (!a ? b : !b ? a : b.span[0] >= a.span[0] ? b : a);
const wordAt = (lower: string, at: number, word: string) => !isWordChar(lower[at - 1]) && !isWordChar(lower[at + word.length]);

// ---- Flood: a levee breach into a polder (docs/physics.md, flood section) ----

const WIDTH_BEFORE_BREACH_ZH = pattern(`(?:宽|寬)?${ABOUT_ZH}${NUM}\\s*${METRES_ZH}(?:宽|寬)?的?$`);
const WIDTH_AFTER_BREACH_EN = pattern(`^(?:breach(?:es|ed)?|gap),?(?:\\s+width)?((?:\\s+[a-z]+){0,5}?)\\s+${ABOUT_EN}${NUM}\\s*${METRES_EN}(\\s+wide)?`);
const WIDTH_BEFORE_BREACH_EN = pattern(`${NUM}[ -]*${METRES_EN}(?:[ -]*wide)?[ -]+(?:levee |dike |dyke |embankment )?$`);
/** A levee, dike or flood beside a word that is a breach only there (缺口 and "gap" are also a fence's). */
const LEVEE_CUE_ZH = /堤|坝|壩|圩|垸|决|決|溃|潰|洪|汛/;
const LEVEE_CUE_EN = /levee|dike|dyke|embankment|breach|polder|flood/;
const BREACH_WIDTH_AFTER_MARKER_ZH = perMarker((marker) => `^${marker}(?:处|處)?(?:的)?${ABOUT_ZH}(?:宽度|寬度|宽|寬|长度|長度|长|長)?${ABOUT_ZH}\\s*${NUM}\\s*(?:公尺|米|m)(?![\\/每深高处處外以内內远遠])`);
function breachWidth(text: string, lower: string): Found {
  let found: Found;
  // "决口宽约200米", "口门宽度扩大至226米", "溃口长约60米" (a breach's length along the levee is its width).
  for (const marker of ['决口', '決口', '溃口', '潰口', '口门', '口門', '缺口']) {
    for (const at of positions(text, marker)) {
      if (marker === '缺口' && !LEVEE_CUE_ZH.test(text.slice(Math.max(0, at - 24), at + 16))) continue;
      const m = BREACH_WIDTH_AFTER_MARKER_ZH(marker).exec(text.slice(at, at + 24));
      if (m) found = later(found, fact('flood.breachWidthM', Number(m[1]), at, at + m[0].length));
      // "一处宽200米的决口", "200米决口"
      const b = WIDTH_BEFORE_BREACH_ZH.exec(text.slice(Math.max(0, at - 12), at));
      if (b && !/[深高距]$/.test(text.slice(Math.max(0, at - b[0].length - 1), at - b[0].length))) found = later(found, fact('flood.breachWidthM', Number(b[1]), at - b[0].length, at + marker.length));
    }
  }
  // "the breach has widened to 80 metres", "the breach is now about 90 m wide", "breach width of 200 m", "a 200 m breach".
  for (const marker of ['breach', 'gap']) for (const at of positions(lower, marker)) {
    if (isWordChar(lower[at - 1])) continue;
    if (marker === 'gap' && (isWordChar(lower[at + 3]) && lower[at + 3] !== 's' || !LEVEE_CUE_EN.test(lower.slice(Math.max(0, at - 80), at + 80)))) continue;
    const window = lower.slice(at, at + 48);
    const after = WIDTH_AFTER_BREACH_EN.exec(window);
    if (after && (/width|widen|wide|grown|grew|across|long|opening|of$/.test(after[1] as string) || after[3]) && !/deep|depth|high|above|below|from|away|level|water/.test(after[1] as string)) {
      found = later(found, fact('flood.breachWidthM', Number(after[2]), at, at + after[0].length));
    }
    const before = WIDTH_BEFORE_BREACH_EN.exec(lower.slice(Math.max(0, at - 28), at));
    if (before) found = later(found, fact('flood.breachWidthM', Number(before[1]), at - before[0].length, at + marker.length));
  }
  return found && (found.value as number) > 0 && (found.value as number) <= 5000 ? found : undefined;
}

const METRES_AT_END = pattern(`${NUM}\\s*${METRES_EN}\\s+$`);
const HEAD_AFTER_MARKER_ZH = perMarker((marker) => `^${marker}${ABOUT_ZH}\\s*${NUM}\\s*(?:公尺|米|m)(?![\\/每])`);
const ABOVE_INSIDE_ZH = perMarker((marker) => `^${marker}(?:垸内|垸內|圩内|圩內|堤内|堤內|垸区|垸區|圩区|圩區|内侧|內側|地面|田面|内水|內水)(?:地面|田面)?${ABOUT_ZH}\\s*${NUM}\\s*${METRES_ZH}`);
const HEAD_AFTER_WORD_EN = perMarker((marker) => `^${marker}(?: difference)?(?: in (?:water )?levels?)?(?: across the breach)?(?: of| is| was| at|:)?\\s+${ABOUT_EN}${NUM}\\s*${METRES_EN}`);
const ABOVE_INSIDE_EN = perMarker((marker) => `^${marker}\\s+(?:the\\s+)?(?:polder|land behind|landward|protected (?:area|side)|inside of the (?:levee|dike|dyke))\\b`);
/** Head: the water level difference across the breach. A level above the warning mark (超警戒水位) is not one. */
function head(text: string, lower: string): Found {
  let found: Found;
  for (const marker of ['水位差', '水頭差', '水头差', '水头', '水頭', '水位落差']) {
    for (const at of positions(text, marker)) {
      const m = HEAD_AFTER_MARKER_ZH(marker).exec(text.slice(at, at + 20));
      if (m) found = later(found, fact('flood.headM', Number(m[1]), at, at + m[0].length));
    }
  }
  // "外江水位高出垸内4米", "外河水位高出圩内地面约4.5米": the outside water above the inside (or the inside's
  // ground), not above a warning mark; water standing inside above its ground (积水高出地面) names no inside.
  for (const marker of ['高出', '高于', '高於']) {
    for (const at of positions(text, marker)) {
      if (!/水位|江|河|湖/.test(text.slice(Math.max(0, at - 8), at))) continue;
      const m = ABOVE_INSIDE_ZH(marker).exec(text.slice(at, at + 16));
      if (m) found = later(found, fact('flood.headM', Number(m[1]), at, at + m[0].length));
    }
  }
  // "a head of 4 m", "head difference 3.5 m", "water level difference of 4 m".
  for (const marker of ['head', 'difference']) {
    for (const at of positions(lower, marker)) {
      if (!wordAt(lower, at, marker) || !/breach|levee|dike|dyke|polder|embankment|flood|river/.test(lower.slice(Math.max(0, at - 120), at + 80))) continue;
      if (marker === 'difference' && !/level\s+$|head\s+$/.test(lower.slice(Math.max(0, at - 8), at)) && !/^difference in (?:water )?levels?/.test(lower.slice(at, at + 32))) continue;
      const m = HEAD_AFTER_WORD_EN(marker).exec(lower.slice(at, at + 56));
      if (m) found = later(found, fact('flood.headM', Number(m[1]), at, at + m[0].length));
    }
  }
  // "the river stands 4 m above the polder", "3 m higher than the land behind the levee".
  for (const marker of ['above', 'higher than']) {
    for (const at of positions(lower, marker)) {
      if (!wordAt(lower, at, marker)) continue;
      const inside = ABOVE_INSIDE_EN(marker).exec(lower.slice(at, at + 36));
      const m = METRES_AT_END.exec(lower.slice(Math.max(0, at - 14), at));
      if (inside && m && /river|lake|water|sea|flood|outside|stands|is|lies/.test(lower.slice(Math.max(0, at - 48), at - m[0].length))) {
        found = later(found, fact('flood.headM', Number(m[1]), at - m[0].length, at + inside[0].length));
      }
    }
  }
  return found && (found.value as number) > 0 && (found.value as number) <= 30 ? found : undefined;
}

/** 1 mu (亩) is 1/15 of a hectare. */
const AREA_ZH: ReadonlyArray<[string, number]> = [['平方公里', 1], ['平方千米', 1], ['km²', 1], ['km2', 1], ['万亩', 10_000 / 1500], ['萬畝', 10_000 / 1500], ['亩', 1 / 1500], ['畝', 1 / 1500], ['公顷', 0.01], ['公頃', 0.01]];
const AREA_EN: ReadonlyArray<[string, number]> = [['km²', 1], ['km2', 1], ['square kilomet', 1], ['sq km', 1], ['hectares', 0.01], ['ha', 0.01]];
const POLDER_ZH = /(?:垸|圩|蓄洪区|蓄洪區|蓄滞洪区|蓄滯洪區|分洪区|分洪區|滞洪区|滯洪區|行洪区|保护区|保護區)[\u4e00-\u9fff]{0,3}$/;
const POLDER_EN = /polder|flood storage area|storage basin|detention (?:area|basin)|retention (?:area|basin)|washland/;

function polderArea(text: string, lower: string): Found {
  let found: Found;
  // "垸区面积12平方公里", "蓄洪区面积约25平方公里", "团洲垸面积4.7万亩".
  for (const marker of ['面积', '面積']) for (const at of positions(text, marker)) {
    if (!POLDER_ZH.test(text.slice(Math.max(0, at - 8), at))) continue;
    const window = text.slice(at, at + 20);
    for (const [unit, km2] of AREA_ZH) {
      const m = pattern(`^${marker}${ABOUT_ZH}\\s*${NUM}\\s*${unit}`).exec(window);
      if (m) { found = later(found, fact('flood.polderAreaKm2', Math.round(Number(m[1]) * km2 * 100) / 100, at, at + m[0].length)); break; }
    }
  }
  // "a 30 km² polder", "the polder covers about 18 km²", "polder area of 12 km²".
  for (const [unit, km2] of AREA_EN) {
    for (const at of positions(lower, unit)) {
      if (unit === 'ha' && !wordAt(lower, at, unit)) continue;
      const m = NUM_AT_END.exec(lower.slice(Math.max(0, at - 12), at));
      if (m && POLDER_EN.test(lower.slice(Math.max(0, at - 48), at + unit.length + 16))) {
        found = later(found, fact('flood.polderAreaKm2', Math.round(Number(m[1]) * km2 * 100) / 100, at - m[0].length, at + unit.length));
      }
    }
  }
  return found && (found.value as number) > 0 && (found.value as number) <= 10_000 ? found : undefined;
}

function rain(text: string, lower: string): Found {
  let found: Found;
  for (const unit of ['毫米', 'mm']) {
    for (const at of positions(unit === 'mm' ? lower : text, unit)) {
      if (unit === 'mm' && (isWordChar(lower[at + 2]) || /^\s*(?:\/|per)/.test(lower.slice(at + 2, at + 8)))) continue;
      if (unit === '毫米' && /^\s*(?:\/|每)/.test(text.slice(at + 2, at + 4))) continue;
      const m = NUM_AT_END.exec(text.slice(Math.max(0, at - 10), at));
      if (!m) continue;
      // "降雨120毫米", "120 mm of rain", "rainfall totalled 95 mm".
      const rainy = unit === 'mm'
        ? /^mm\s+(?:of\s+)?(?:rain|rainfall|precipitation)\b/.test(lower.slice(at, at + 24))
          // Up to two phrases of place between the rain and its verb: "rainfall totals across the basin reached 240 mm".
          || /(?:rain|rainfall|precipitation)(?:\s+totals?)?(?:\s+(?:across|over|in|at|on|for)\s+(?:the\s+)?[a-z-]+(?:\s+[a-z-]+)?){0,2}(?:\s+(?:of|totals?|totall?ed|reached|measured|amounted to|was|is|has|have|hit|fell|about|around|nearly|some|over|more than))*\s*:?\s*$/.test(lower.slice(Math.max(0, at - m[0].length - 64), at - m[0].length))
        : /降雨|降水|雨量|暴雨/.test(text.slice(Math.max(0, at - 12), at));
      if (rainy) found = later(found, fact('flood.rainMm', Number(m[1]), at - m[0].length, at + unit.length));
    }
  }
  return found && (found.value as number) <= 2000 ? found : undefined;
}

// ---- Wildfire: Anderson's (1982) fuel models from the words that name the fuel ----

/** Words for a fuel and the Anderson (1982, INT-122) model whose description fits them: cured grass (1
 *  short grass; 3 when the grass is said to be tall, Anderson's stands of about 1 m), open timber with a
 *  grass understory (2), brush (5, young green shrubs; 4 when dense or chaparral, Anderson's continuous
 *  mature shrubs about 2 m tall), closed-canopy timber litter (8; 10 with an understory, Anderson's heavier
 *  dead and down loads), hardwood litter (9), logging slash (12 when its load is not said; 11 light,
 *  13 heavy). The plain word gives the lighter model: docs/input.md says so. */
const FUELS: ReadonlyArray<[string, number]> = [
  ['林下草地', 2], ['疏林草地', 2], ['grass understory', 2], ['grass under open timber', 2],
  ['高草', 3], ['tall grass', 3],
  ['草地', 1], ['草原', 1], ['草场', 1], ['草場', 1], ['草坡', 1], ['荒草', 1], ['枯草', 1], ['杂草', 1], ['雜草', 1], ['grassland', 1], ['grass', 1], ['prairie', 1], ['rangeland', 1],
  ['密灌丛', 4], ['密灌叢', 4], ['chaparral', 4],
  ['灌木', 5], ['灌丛', 5], ['灌叢', 5], ['brush', 5], ['shrubland', 5], ['shrub', 5], ['scrub', 5],
  ['枯落物', 8], ['针叶林', 8], ['針葉林', 8], ['timber litter', 8], ['pine litter', 8], ['needle litter', 8], ['closed timber', 8],
  ['阔叶林', 9], ['闊葉林', 9], ['hardwood litter', 9],
  ['采伐剩余物', 12], ['採伐剩餘物', 12], ['采伐迹地', 12], ['logging slash', 12], ['slash', 12],
];
/** A fire burning, not the fire service ("fire engines on the grass verge", "火车"). */
const FIRE_CUE = /起火|着火|著火|火灾|火災|火情|山火|林火|野火|火场|火場|火线|火線|火头|火頭|火势|火勢|明火|大火|燃烧|燃燒|引燃|过火|過火|\b(?:wild|bush|forest |grass |brush |scrub )?fires?\b(?!\s*(?:engines?|crews?|fighters?|brigade|service|station|department|trucks?|teams?|units?|hydrant))|burn|blaze|flames?\b|ablaze|alight/;

function fuelModel(text: string, lower: string): Found {
  let found: Found;
  for (const [word, model] of FUELS) {
    const ascii = /^[a-z ]+$/.test(word);
    for (const at of positions(ascii ? lower : text, word)) {
      if (ascii && (isWordChar(lower[at - 1]) || isWordChar(lower[at + word.length]) && !/^s(?![a-z0-9])/.test(lower.slice(at + word.length, at + word.length + 2)))) continue;
      const near = lower.slice(Math.max(0, at - 30), at + word.length + 30);
      if (!FIRE_CUE.test(near)) continue;
      // Qualifiers close by choose the heavier or lighter model of the same kind.
      const close = lower.slice(Math.max(0, at - 10), at + word.length + 10);
      let value = model;
      if (model === 1 && /高|tall/.test(close)) value = 3;
      if (model === 5 && /密|茂密|dense|thick/.test(close)) value = 4;
      if (model === 8 && /下木|林下灌|幼树|幼樹|understor/.test(near)) value = 10;
      if (model === 12 && /轻度|輕度|light/.test(close)) value = 11;
      if (model === 12 && /重度|heavy/.test(close)) value = 13;
      const next = fact('fire.fuelModel', value, at, at + word.length);
      // At one place the longer word ("林下草地" over its "草地"); else the later mention.
      if (!found || at > found.span[1] || (at >= found.span[0] && at + word.length > found.span[1])) found = next;
    }
  }
  return found;
}

const SLOPE_ZH = pattern(`^坡度${ABOUT_ZH}\\s*${NUM}\\s*(度|°|%|％)`);
const SLOPE_AFTER_EN = pattern(`^slopes?\\s+(?:of\\s+)?${ABOUT_EN}${NUM}\\s*(%|percent|per cent|degrees?|°)`);
const SLOPE_BEFORE_EN = pattern(`${NUM}\\s*(%|percent|per cent|-?degrees?|°)[ -]*$`);
function slope(text: string, lower: string): Found {
  let found: Found;
  const pct = (value: number, unit: string) => (/度|°|deg/.test(unit) ? Math.round(Math.tan(value * Math.PI / 180) * 1000) / 10 : value);
  for (const at of positions(text, '坡度')) {
    const m = SLOPE_ZH.exec(text.slice(at, at + 14));
    if (m) found = later(found, fact('fire.slopePct', pct(Number(m[1]), m[2] as string), at, at + m[0].length));
  }
  for (const at of positions(lower, 'slope')) {
    if (isWordChar(lower[at - 1])) continue;
    const after = SLOPE_AFTER_EN.exec(lower.slice(at, at + 40));
    const before = SLOPE_BEFORE_EN.exec(lower.slice(Math.max(0, at - 16), at));
    if (after) found = later(found, fact('fire.slopePct', pct(Number(after[1]), after[2] as string), at, at + after[0].length));
    else if (before) found = later(found, fact('fire.slopePct', pct(Number(before[1]), before[2] as string), at - before[0].length, at + 5));
  }
  return found && (found.value as number) >= 0 && (found.value as number) <= 200 ? found : undefined;
}

/** Minutes in "40分钟", "2小时", "半小时", "90 minutes", "2 hours", "half an hour". */
const DURATION_ZH = pattern(`^${ABOUT_ZH}\\s*(?:${NUM}\\s*(?:个|個)?(小时|小時|钟头|鐘頭|分钟|分鐘|天)|(半)(?:个|個)?(小时|小時))`);
/** Durations said as phrases, in minutes. */
const DURATION_PHRASES_EN: Readonly<Record<string, number>> = {
  'half an hour': 30, 'an hour and a half': 90, 'an hour': 60, 'three-quarters of an hour': 45, 'three quarters of an hour': 45, 'a quarter of an hour': 15, 'quarter of an hour': 15,
};
const DURATION_EN = pattern(`^\\s*${ABOUT_EN}(?:${NUM}\\s*(hours?|hrs?|h|minutes?|mins?|days?)\\b|(${Object.keys(DURATION_PHRASES_EN).join('|')})|([a-z]+(?:-[a-z]+)?)\\s+(hours?|minutes?|days?)\\b)`);
function minutesZh(window: string): { min: number; length: number } | undefined {
  const m = DURATION_ZH.exec(window);
  if (!m) return undefined;
  if (m[3]) return { min: 30, length: m[0].length };
  const unit = m[2] as string;
  return { min: Number(m[1]) * (/天/.test(unit) ? 1440 : /分/.test(unit) ? 1 : 60), length: m[0].length };
}
function minutesEn(window: string): { min: number; length: number } | undefined {
  const m = DURATION_EN.exec(window);
  if (!m) return undefined;
  if (m[3]) return { min: DURATION_PHRASES_EN[m[3]] as number, length: m[0].length };
  // "ten minutes", "two hours": a number in words.
  const count = m[4] ? readNumberWords([m[4]], 0)?.value : Number(m[1]);
  if (count === undefined) return undefined;
  const unit = (m[2] ?? m[5]) as string;
  return { min: count * (unit.startsWith('d') ? 1440 : unit.startsWith('m') ? 1 : 60), length: m[0].length };
}

const STARTED_AGO_EN = pattern(`(?:started|began|ignited|broke out|sparked)\\s+${ABOUT_EN}${NUM}\\s*(hours?|minutes?|mins?)$`);
function burningFor(text: string, lower: string): Found {
  let found: Found;
  // "已燃烧2小时", "起火约30分钟", "火已燃烧40分钟", "已经烧了有二十分钟" (in the numeral view: 20分钟).
  for (const marker of ['燃烧', '燃燒', '起火', '着火', '著火', '延烧', '延燒', '烧了', '燒了']) {
    for (const at of positions(text, marker)) {
      const d = minutesZh(text.slice(at + marker.length, at + marker.length + 14));
      if (d) found = later(found, fact('fire.burningForMin', d.min, at, at + marker.length + d.length));
    }
  }
  // "burning for 40 minutes", "has burned for 2 hours", "started about 25 minutes ago".
  for (const marker of ['burning for', 'burned for', 'burnt for', 'ablaze for', 'alight for', 'raging for']) {
    for (const at of positions(lower, marker)) {
      const d = minutesEn(lower.slice(at + marker.length, at + marker.length + 32));
      if (d) found = later(found, fact('fire.burningForMin', d.min, at, at + marker.length + d.length));
    }
  }
  for (const at of positions(lower, ' ago')) {
    const m = STARTED_AGO_EN.exec(lower.slice(Math.max(0, at - 48), at));
    if (m && FIRE_CUE.test(lower.slice(Math.max(0, at - 80), at))) {
      found = later(found, fact('fire.burningForMin', Number(m[1]) * ((m[2] as string).startsWith('h') ? 60 : 1), at - m[0].length, at + 4));
    }
  }
  return found && (found.value as number) <= 7 * 24 * 60 ? found : undefined;
}

/** Where people live, as fire reports name it: villages and towns, and the homes themselves (民房, 人家,
 *  住户, 聚落 in Taiwan, a herders' 定居点). */
const COMMUNITY_ZH = '(?:村庄|村莊|村子|村寨|村|镇区|鎮區|镇|鎮|乡|鄉|居民区|居民區|居民点|居民點|居住区|居住區|定居点|定居點|社区|社區|小区|小區|县城|縣城|城区|城區|民房|民居|人家|住户|住戶|房屋|聚落)';
const COMMUNITY_EN = '(?:homes|houses|village|town|community|settlement|housing estate|estate|suburbs?|subdivision|residential area)';
const DIST_UNITS: Readonly<Record<string, number>> = { 公里: 1000, 千米: 1000, 米: 1, 公尺: 1, km: 1000, kilometres: 1000, kilometers: 1000, kilometre: 1000, kilometer: 1000, m: 1, metres: 1, meters: 1, metre: 1, meter: 1, mi: 1609.344, mile: 1609.344, miles: 1609.344 };

const DISTANCE_AT_END = pattern(`${NUM}\\s*(km|kilomet(?:re|er)s?|m|metres?|meters?|mi|miles?)\\s+(?:away\\s+)?$`);
const COMMUNITY_DISTANCE_AFTER_MARKER_ZH = perMarker((marker) => `^${marker}(?:最近的?)?[\\u4e00-\\u9fff]{0,6}?${COMMUNITY_ZH}(?:还有|還有|尚有|只有|也就|就|仅|僅|不足|约|約|大约|大約|已|只)*\\s*${NUM}\\s*(?:多|余|餘|来|來)?(公里|千米|公尺|米)`);
const COMMUNITY_AFTER_MARKER_EN = perMarker((marker) => `^${marker}\\s+(?:the\\s+)?(?:nearest\\s+|closest\\s+)?${COMMUNITY_EN}\\b`);
const DISTANCE_AFTER_NOUN_EN = perMarker((noun) => `^${noun},?\\s+(?:(?:lies|is|are|sits|stands|only|just)\\s+)*${ABOUT_EN}${NUM}\\s*(km|kilomet(?:re|er)s?|m|metres?|meters?|mi|miles?)\\b`);
/** Distance from the fire to the community it threatens: "火头距最近的村庄约2公里", "1.5 km from the nearest
 *  homes", "a housing estate 800 m to the east"; else the nearest place the report names (not upwind). */
function distanceToCommunity(text: string, lower: string, fuel: Found): Found {
  let found: Found;
  for (const marker of ['距离', '距離', '距', '离', '離']) {
    for (const at of positions(text, marker)) {
      // The fire's distance: a fire word just before the marker, or anywhere in a report whose fuel was read.
      if ((!fuel && !/火/.test(text.slice(Math.max(0, at - 6), at))) || (marker.length === 1 && /[距]/.test(text[at - 1] ?? ''))) continue;
      const m = COMMUNITY_DISTANCE_AFTER_MARKER_ZH(marker).exec(text.slice(at, at + 24));
      if (m) found = later(found, fact('fire.distanceToCommunityM', Number(m[1]) * (DIST_UNITS[m[2] as string] ?? 1), at, at + m[0].length));
    }
  }
  for (const marker of ['from', 'short of', 'away from']) {
    for (const at of positions(lower, marker)) {
      if (!wordAt(lower, at, marker)) continue;
      const after = COMMUNITY_AFTER_MARKER_EN(marker).exec(lower.slice(at, at + 40));
      const before = DISTANCE_AT_END.exec(lower.slice(Math.max(0, at - 20), at));
      if (after && before && FIRE_CUE.test(lower.slice(Math.max(0, at - 100), at))) {
        found = later(found, fact('fire.distanceToCommunityM', Number(before[1]) * (DIST_UNITS[before[2] as string] ?? 1000), at - before[0].length, at + after[0].length));
      }
    }
  }
  // "a housing estate 800 m to the east", "the village, 2 km away".
  for (const noun of ['estate', 'village', 'town', 'homes', 'houses', 'settlement', 'community', 'suburb']) {
    for (const at of positions(lower, noun)) {
      if (!wordAt(lower, at, noun)) continue;
      const m = DISTANCE_AFTER_NOUN_EN(noun).exec(lower.slice(at, at + 40));
      if (m && FIRE_CUE.test(lower.slice(Math.max(0, at - 100), at))) found = later(found, fact('fire.distanceToCommunityM', Number(m[1]) * (DIST_UNITS[m[2] as string] ?? 1000), at, at + m[0].length));
    }
  }
  if (!found && fuel) {
    const nearest = placesFromText(text).filter((p) => (p.value as { direction: unknown }).direction !== 'upwind')
      .sort((a, b) => (a.value as { distanceM: number }).distanceM - (b.value as { distanceM: number }).distanceM)[0];
    if (nearest) found = fact('fire.distanceToCommunityM', (nearest.value as { distanceM: number }).distanceM, nearest.span[0], nearest.span[1]);
  }
  return found;
}

/** Hectares per unit of area as reports write it (1 亩 is 1/15 ha; an acre 0.4047 ha). */
const BURNED_UNITS_ZH: ReadonlyArray<[string, number]> = [['平方公里', 100], ['平方千米', 100], ['万亩', 10_000 / 15], ['萬畝', 10_000 / 15], ['亩', 1 / 15], ['畝', 1 / 15], ['万公顷', 10_000], ['萬公頃', 10_000], ['公顷', 1], ['公頃', 1]];
const BURNED_UNITS_EN: ReadonlyArray<[string, number]> = [['hectares', 1], ['hectare', 1], ['ha', 1], ['acres', 0.40468564224], ['acre', 0.40468564224], ['square kilometres', 100], ['square kilometers', 100], ['sq km', 100], ['km²', 100], ['km2', 100]];
const ZH_COUNT = '([0-9]+(?:\\.[0-9]+)?[万萬]?|[零〇一二两兩三四五六七八九十百千万萬]+)';
/** The amount after a burned-area marker, one pattern per unit ("约50公顷", "已逾千公頃", "3000余亩"). */
const BURNED_AMOUNTS_ZH: ReadonlyArray<[number, RegExp]> = BURNED_UNITS_ZH.map(([unit, ha]) => [ha, pattern(`^${ABOUT_ZH}(?:逾|超|超过|超過|近)?\\s*${ZH_COUNT}\\s*(?:余|餘|多)?\\s*${unit}`)]);
const BURNED_MARKERS_ZH = ['过火面积', '過火面積', '受害森林面积', '受害森林面積', '火场面积', '火場面積', '烧毁林地', '燒毀林地', '烧毁森林', '燒毀森林', '过火林地', '過火林地'];
/** The words that say an area is what the fire burned ("has burned 3,400 hectares", "a 12,000-acre fire"). */
const BURNED_BEFORE_EN = /(?:burn(?:ed|t|ing)?|blackened|charred|scorched|consumed|destroyed|cover(?:s|ed|ing)?|spread (?:over|across)|gr[eo]wn? to|grew to|reached|(?:area|size|footprint)(?: of| is| was| at| now)?)\s+(?:now\s+)?(?:(?:about|around|roughly|nearly|some|approximately|approx\.?|almost|over|more than|at least|an estimated|estimated|well over|just over)\s+)*$/;
const BURNED_AFTER_EN = /^(?:\s+(?:have|has|had)?\s*(?:been\s+)?(?:burn(?:ed|t)|blackened|charred|scorched|consumed|destroyed)|[ -]+(?:wild|bush|forest |brush |scrub )?(?:fire|blaze)\b)/;

/** A wildfire's burned area, in hectares: "过火面积约50公顷", "過火面積已逾千公頃", "受害森林面积3000亩", "the
 *  fire has burned 3,400 hectares", "a 12,000-acre fire". Grades forest fires (docs/taxonomy-and-severity.md). */
function burnedArea(text: string, lower: string): Found {
  let found: Found;
  for (const marker of BURNED_MARKERS_ZH) {
    for (const at of positions(text, marker)) {
      const window = text.slice(at + marker.length, at + marker.length + 20);
      for (const [ha, amount] of BURNED_AMOUNTS_ZH) {
        const m = amount.exec(window);
        if (!m) continue;
        const written = m[1] as string;
        const digits = /^([0-9.]+)([万萬]?)$/.exec(written);
        const value = digits ? Number(digits[1]) * (digits[2] ? 10_000 : 1) : parseChineseNumeral(written);
        if (value !== undefined) found = later(found, fact('fire.burnedAreaHa', Math.round(value * ha * 100) / 100, at, at + marker.length + m[0].length));
        break;
      }
    }
  }
  for (const [unit, ha] of BURNED_UNITS_EN) {
    for (const at of positions(lower, unit)) {
      if (!wordAt(lower, at, unit) && !/^-/.test(lower.slice(at + unit.length, at + unit.length + 1))) continue;
      const m = /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)[ -]*$/.exec(lower.slice(Math.max(0, at - 16), at));
      if (!m) continue;
      const start = at - m[0].length;
      const before = lower.slice(Math.max(0, start - 48), start);
      const after = lower.slice(at + unit.length, at + unit.length + 40);
      if (!BURNED_BEFORE_EN.test(before) && !BURNED_AFTER_EN.test(after)) continue;
      if (!FIRE_CUE.test(lower.slice(Math.max(0, start - 120), at + unit.length + 40))) continue;
      found = later(found, fact('fire.burnedAreaHa', Math.round(Number((m[1] as string).replace(/,/g, '')) * ha * 100) / 100, start, at + unit.length));
    }
  }
  return found && (found.value as number) > 0 && (found.value as number) <= 10_000_000 ? found : undefined;
}

// ---- A release's amount: the inventory (mass) and how long it leaked ----

/** Names of the table's substances as they may stand beside a tonnage ("20吨液氨", "30 t of ammonia"). */
const SUBSTANCE_ZH = [...new Set(SUBSTANCES.flatMap((s) => [s.nameZh, ...s.aliases]).filter((n) => /[\u4e00-\u9fff]/.test(n) && n.length >= 2))].sort((a, b) => b.length - a.length);
const SUBSTANCE_EN = [...new Set(SUBSTANCES.flatMap((s) => [s.nameEn.toLowerCase(), ...s.aliases.map((a) => a.toLowerCase()), s.formula.toLowerCase()]).filter((n) => /^[a-z0-9 ]{3,}$/.test(n)))];
/** Traditional characters in the table's names, folded to simplified (one for one, spans unchanged). */
export const foldTraditional = (text: string): string => text.replace(/[氣氫氧態硫鹽]/g, (c) => ({ 氣: '气', 氫: '氢', 氧: '氧', 態: '态', 硫: '硫', 鹽: '盐' })[c] ?? c);

const MASS_ZH: ReadonlyArray<[string, number]> = [['万吨', 1e7], ['萬噸', 1e7], ['吨', 1000], ['噸', 1000], ['公斤', 1], ['千克', 1]];
const PER_TIME_BEFORE_ZH = /每(?:秒|分钟|分鐘|小时|小時)(?:约|約|大约|大約|泄漏|泄露|洩漏|外泄|外洩|排放)*\s*$/;
const CONTAINER_ZH = /^(?:的)?(?:储罐|儲罐|罐|槽罐|钢瓶|鋼瓶|气瓶|氣瓶)/;

const RELEASED_BEFORE_EN = /\b(?:released|spilled|spilt|vented|discharged|emitted|lost|dumped)\s+(?:(?:about|around|roughly|nearly|some|approximately|approx\.?|an estimated|estimated|almost|over|more than|at least)\s+)*$/;

function mass(text: string, lower: string): Found {
  let found: Found;
  const folded = foldTraditional(text);
  for (const [unit, kg] of MASS_ZH) {
    for (const at of positions(text, unit)) {
      if (unit.length === 1 && /[万萬]/.test(text[at - 1] ?? '')) continue;
      const end = at + unit.length;
      // Not a rate, a ship's class or a vehicle's weight: "吨/小时", "5万吨级", "吨位".
      if (/^(?:\/|每|级|級|位|重|的货车|的貨車)/.test(text.slice(end, end + 4))) continue;
      const m = NUM_AT_END.exec(text.slice(Math.max(0, at - 10), at));
      if (!m) continue;
      const start = at - m[0].length;
      // A mass per unit of time is a rate, not what the tank held: "每小时约3.6吨液氯" (physicalFacts.ts reads it).
      if (PER_TIME_BEFORE_ZH.test(text.slice(Math.max(0, start - 10), start))) continue;
      const afterName = folded.slice(end, end + 8).replace(/^(?:的)?/, '');
      const beforeNum = folded.slice(Math.max(0, start - 10), start).replace(/(?:约|約|共|计|計|有|达|達)+$/, '');
      const named = SUBSTANCE_ZH.some((n) => afterName.startsWith(n) || beforeNum.endsWith(n)) || CONTAINER_ZH.test(text.slice(end, end + 4));
      if (named) found = later(found, fact('release.massKg', Number(m[1]) * kg, start, end));
    }
  }
  // "30 t of ammonia", "carrying 60 tonnes of liquefied petroleum gas", "a 20-tonne tank", "a 900 kg chlorine cylinder".
  for (const unit of ['tonnes', 'tonne', 'tons', 'ton', 't', 'kg', 'kilograms', 'kilos', 'pounds', 'pound', 'lbs', 'lb']) {
    const kg = unit.startsWith('k') ? 1 : unit.startsWith('p') || unit.startsWith('l') ? 0.45359237 : 1000;
    for (const at of positions(lower, unit)) {
      if (!wordAt(lower, at, unit)) continue;
      const m = TONNAGE_NUMBER_AT_END.exec(lower.slice(Math.max(0, at - 16), at));
      if (!m) continue;
      const after = lower.slice(at + unit.length, at + unit.length + 40);
      if (/^\s*(?:\/|per\b)/.test(after)) continue;
      const of = /^\s+of\s+(.*)$/.exec(after)?.[1];
      const bare = of?.replace(/^(?:anhydrous|liquid|liquefied|compressed|pressuri[sz]ed)\s+/, '');
      // A tonnage right after a verb of release is what was released ("released about 70 kg before it was capped").
      const released = RELEASED_BEFORE_EN.test(lower.slice(Math.max(0, at - m[0].length - 40), at - m[0].length));
      // Or right before one: "approximately 18,000 lb released over 90 minutes".
      const releasedAfter = /^\s+(?:(?:was|were|had|has been|have been)\s+)?(?:released|spilled|spilt|leaked|escaped|vented|lost|came out|given off)\b/.test(after);
      const named = released || releasedAfter || (of !== undefined && SUBSTANCE_EN.some((n) => of.startsWith(n) || bare?.startsWith(n)))
        || /^[ -]+(?:(?:[a-z0-9]+[ -]+){0,2})?(?:tank|tanker|tank car|cylinder|drum|vessel|sphere|bullet|iso ?container|storage)s?\b/.test(after)
          && !/truck|lorry|vehicle|crane|boat|ship/.test(after.slice(0, 16));
      if (named) found = later(found, fact('release.massKg', numberValue(m[1] as string) * kg, at - m[0].length, at + unit.length));
    }
  }
  return found && (found.value as number) > 0 && (found.value as number) <= 10_000_000 ? found : undefined;
}

/** A release still going is continuous: its time so far is no duration (a finite release would understate it). */
const STILL_ZH = /仍在|仍然|仍|尚未|未能|继续|繼續|持续中|持續中/;
const STILL_EN = /still|continu|ongoing|not yet|has not been|hasn't been/;

/** Words of a release before a duration in Chinese, and of the leak being stopped after one. */
const RELEASE_BEFORE_ZH = /泄漏|泄露|洩漏|洩露|外泄|外洩|排放|逸出|释放|釋放|喷出|噴出|泄出|洩出|漏气|漏氣|止漏|堵漏/;
const STOPPED_ZH = ['止漏', '堵漏', '切断', '切斷', '关阀', '關閥', '封堵', '止住', '堵住'];
const DURATION_THEN_STOP_ZH = pattern(`(?:持续|持續)?${ABOUT_ZH}\\s*(?:${NUM}\\s*(?:个|個)?|半(?:个|個)?)(?:小时|小時|分钟|分鐘)(?:后|後)(?:被)?$`);
/** The sentence before a place, up to 60 characters back. */
function sentenceBefore(text: string, at: number): string {
  const from = Math.max(0, at - 60);
  const window = text.slice(from, at);
  return window.slice(Math.max(window.lastIndexOf('。'), window.lastIndexOf('；')) + 1);
}

function duration(text: string, lower: string): Found {
  let found: Found;
  // "泄漏持续10分钟", "已泄漏约半小时", "洩漏持續約20分鐘".
  for (const marker of ['泄漏', '泄露', '洩漏', '洩露', '漏气', '漏氣']) {
    for (const at of positions(text, marker)) {
      const rest = text.slice(at + marker.length, at + marker.length + 18);
      const lead = /^(?:已|已经|已經|了|持续|持續|时间|時間)*/.exec(rest)?.[0] ?? '';
      const d = minutesZh(rest.slice(lead.length));
      if (!d) continue;
      const end = at + marker.length + lead.length + d.length;
      if (STILL_ZH.test(text.slice(end, end + 10))) continue;
      found = later(found, fact('release.durationMin', d.min, at, end));
    }
  }
  // "排放速率约为每小时1.8吨，持续约40分钟", "约15分钟后止漏": a duration in the clause after the release's, or a
  // time before the leak was stopped, with a release word earlier in its sentence (not "交通管制持续约2小时").
  for (const marker of ['持续', '持續']) {
    for (const at of positions(text, marker)) {
      // The clause before 持续, looked for only 12 characters back (a bounded window keeps the scan linear).
      const from = Math.max(0, at - 12);
      const clauseStart = from + Math.max(0, ...[...'，,；;。'].map((c) => text.slice(from, at).lastIndexOf(c) + 1));
      if (!RELEASE_BEFORE_ZH.test(text.slice(clauseStart, at)) && (clauseStart < at || !RELEASE_BEFORE_ZH.test(sentenceBefore(text, clauseStart)))) continue;
      const rest = text.slice(at + marker.length, at + marker.length + 16);
      const d = minutesZh(rest);
      if (!d) continue;
      const end = at + marker.length + d.length;
      if (STILL_ZH.test(text.slice(end, end + 10))) continue;
      found = later(found, fact('release.durationMin', d.min, at, end));
    }
  }
  for (const marker of STOPPED_ZH) {
    for (const at of positions(text, marker)) {
      const before = text.slice(Math.max(0, at - 14), at);
      const m = DURATION_THEN_STOP_ZH.exec(before);
      if (!m) continue;
      const start = at - m[0].length;
      const d = minutesZh(m[0].replace(/^持[续續]/, ''));
      if (!d || !RELEASE_BEFORE_ZH.test(sentenceBefore(text, start) + marker)) continue;
      found = later(found, fact('release.durationMin', d.min, start, at + marker.length));
    }
  }
  // "leaked for 15 minutes", "the leak lasted 10 minutes", "leaked at 3 kg/s for about 15 minutes",
  // "emitted at 7.2 tonnes per hour for about 30 minutes", "gas flowed for about 50 minutes".
  // "emptied … over roughly 25 minutes", "given off over about ten minutes", "came out over about 5 minutes".
  for (const marker of ['leak', 'releas', 'vent', 'escap', 'spill', 'discharg', 'emi', 'flow', 'emptied', 'given off', 'came out', 'came off']) {
    for (const at of positions(lower, marker)) {
      if (isWordChar(lower[at - 1])) continue;
      if (marker === 'emi' && !/^emi(?:t|ss)/.test(lower.slice(at, at + 5))) continue;
      // A flow is a release's only when a gas or the substance flows ("traffic flowed", "water flowed" are none).
      if (marker === 'flow' && !/(?:gas|vapou?r|fumes|product)\s+(?:\w+\s+)?$/.test(lower.slice(Math.max(0, at - 24), at))) continue;
      // Up to 48 characters between (a decimal point is no clause end): a rate may stand there ("emitted at an estimated 7.2 tonnes per hour for 30 minutes").
      const window = lower.slice(at, at + 96);
      const m = /^[a-z]*(?:[^.;,]|(?<=\d)[.,](?=\d)){0,48}?\b(?:for|lasted|over)\b/.exec(window);
      // The words between belong to the release, not to what was done about it ("forced evacuation for 2 hours").
      if (!m || /evacu|clos|shut|block|shelter|crew|resident|people|road|traffic|warn|order|alert/.test(m[0])) continue;
      const d = minutesEn(window.slice(m[0].length));
      if (!d) continue;
      const end = at + m[0].length + d.length;
      if (STILL_EN.test(lower.slice(end, end + 24)) || STILL_EN.test(m[0])) continue;
      found = later(found, fact('release.durationMin', d.min, at, end));
    }
  }
  return found && (found.value as number) > 0 && (found.value as number) <= 24 * 60 ? found : undefined;
}

/** A vessel that failed at once (a tank rupture, a cylinder bursting): its contents were released at once,
 *  a puff rather than a leak (docs/physics.md, "Instantaneous releases"). A rupture counts only beside a
 *  vessel (a burst pipe or valve leaks on), and not when the report denies it. */
const RUPTURE_ZH = ['破裂', '爆裂', '崩裂', '炸裂', '解体', '解體'];
const AT_ONCE_ZH = ['瞬间泄漏', '瞬間洩漏', '瞬间全部泄漏', '瞬间泄出', '瞬間洩出', '瞬間瀉出', '瞬间释放', '瞬間釋放', '全部泄出', '全部洩出', '全部瀉出', '一次性泄出'];
const VESSEL_ZH = /(?:罐|瓶|桶|容器|槽车|槽車)(?:体|體|身)?$/;
const RUPTURE_EN = ['ruptured', 'rupture', 'burst', 'failed catastrophically', 'catastrophic failure'];
const AT_ONCE_EN = ['instantaneous release', 'released at once', 'released all at once', 'contents at once', 'emptied at once', 'emptied in seconds'];
const VESSEL_EN = /\b(?:tank|tanker|tank car|cylinder|bottle|canister|vessel|container|sphere|bullet|drum|barrel|keg)s?\b/;
const DENIED_ZH = /(?:未|没有|沒有|没|無|无|并未|並未|尚未|防止|避免)$/;
const DENIED_EN = /\b(?:no|not|never|without|prevent(?:ed)?|avoid(?:ed)?)\b/;

function instantaneous(text: string, lower: string): Found {
  let found: Found;
  const mark = (at: number, length: number) => { found = later(found, fact('release.instantaneous', true, at, at + length)); };
  for (const word of RUPTURE_ZH) {
    for (const at of positions(text, word)) {
      const before = text.slice(Math.max(0, at - 4), at);
      const vessel = VESSEL_ZH.exec(before);
      if (DENIED_ZH.test(before) || !vessel) continue;
      mark(at - vessel[0].length, vessel[0].length + word.length);
    }
  }
  for (const word of AT_ONCE_ZH) for (const at of positions(text, word)) if (!DENIED_ZH.test(text.slice(Math.max(0, at - 4), at))) mark(at, word.length);
  for (const word of [...RUPTURE_EN, ...AT_ONCE_EN]) {
    for (const at of positions(lower, word)) {
      if (isWordChar(lower[at - 1])) continue;
      const before = lower.slice(Math.max(0, at - 40), at);
      // The clause the word stands in: a denial there ("has not ruptured") or no vessel for a rupture.
      const clause = before.slice(Math.max(before.lastIndexOf(';'), before.lastIndexOf('.'), before.lastIndexOf(',')) + 1);
      if (DENIED_EN.test(clause)) continue;
      if (RUPTURE_EN.includes(word) && !VESSEL_EN.test(clause)) continue;
      mark(at, word.length);
    }
  }
  return found;
}

/** Flood, fire and release-amount facts the text states (the last statement of each). */
export function hazardFactsFromText(text: string): TextFact[] {
  const lower = text.toLowerCase();
  const fuel = fuelModel(text, lower);
  return [breachWidth(text, lower), head(text, lower), polderArea(text, lower), rain(text, lower),
    fuel, slope(text, lower), burningFor(text, lower), distanceToCommunity(text, lower, fuel), burnedArea(text, lower), mass(text, lower), duration(text, lower), instantaneous(text, lower)]
    .filter((f): f is TextFact => f !== undefined);
}
