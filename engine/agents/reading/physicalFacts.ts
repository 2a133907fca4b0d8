// Physical facts a report states in its words, for the Field experts: an earthquake's magnitude and depth
// (the main shock's over an aftershock's), the wind's direction (a compass word, a bearing, or where it blows
// to) and speed (m/s, km/h, knots, Beaufort force, 每秒N米), the substance released and its rate (per second,
// minute or hour), and whether it is day or night (period words and clock times) (floods, wildfires and a release's amount: hazardFacts.ts). Each is found
// at a marker (a keyword found by one indexOf pass, so the scan is linear in the text) and read from a short
// window beside it: a pattern only ever runs on that bounded window, never on the whole report.
import { numeralView, sourceSpan } from './numeralView.js';
import { SUBSTANCES } from '../../contract/substances.js';
import type { TextFact } from '../../contract/reading.js';
import { isWordChar, positions } from '../common/reportMarkers.js';
import { placesFromText } from './places.js';
import { foldTraditional, hazardFactsFromText } from './hazardFacts.js';

/** How many characters beside a marker a value may be. */
const WINDOW = 24;


const NUM = String.raw`(\d+(?:\.\d+)?)`;

/** An aftershock named in the same clause, just before a magnitude. */
const AFTERSHOCK_BEFORE = /(?:aftershock|余震|餘震)[^。；;!?]*$/;

/** Magnitude: "M6.8", "Ms 6.8", "Mw6.8", "magnitude 6.8", "6.8级地震", "里氏6.8级". */
function quakeMagnitude(text: string, lower: string): TextFact | undefined {
  // An aftershock's magnitude is kept apart: the main shock's, when the report states one, is the quake's
  // ("M5.9 quake …; the strongest aftershock measured M3.8"). A report of an aftershock alone still gives its own.
  let main: TextFact | undefined;
  let aftershock: TextFact | undefined;
  const take = (f: TextFact, isAftershock = AFTERSHOCK_BEFORE.test(lower.slice(Math.max(0, f.span[0] - 32), f.span[0]))) => {
    if (isAftershock) aftershock = f;
    else main = f;
  };
  for (const marker of ['级地震', '級地震', '级强震', '級強震', '级左右地震', '级余震', '級餘震']) {
    for (const at of positions(text, marker)) {
      const window = text.slice(Math.max(0, at - 8), at);
      const m = new RegExp(`${NUM}$`).exec(window);
      if (m) take({ fact: 'quake.magnitude', value: Number(m[1]), span: [at - m[0].length, at + marker.length] }, marker.endsWith('余震') || marker.endsWith('餘震'));
    }
  }
  // The word before the value: 震级6.8, 里氏6.8级, and 規模6.4 (Taiwan's word for magnitude).
  // 规模 alone means "scale" (过火规模5公顷), so it is a magnitude only in a report about a quake (震).
  const quakeReport = text.includes('震');
  for (const marker of ['震级', '震級', '里氏', ...(quakeReport ? ['规模', '規模'] : [])]) {
    for (const at of positions(text, marker)) {
      const rest = text.slice(at + marker.length, at + marker.length + 8);
      const skip = /^[为為:：\s]/.test(rest) ? 1 : 0;
      const m = new RegExp(`^${NUM}`).exec(rest.slice(skip));
      if (m) take({ fact: 'quake.magnitude', value: Number(m[1]), span: [at, at + marker.length + skip + m[0].length] });
    }
  }
  for (const marker of ['magnitude', 'richter']) {
    for (const at of positions(lower, marker)) {
      const window = lower.slice(at, at + WINDOW);
      const m = new RegExp(`^(?:magnitude|richter)(?:[- ]scale)?[ -]*(?:of\\s+)?${NUM}`).exec(window);
      if (m) take({ fact: 'quake.magnitude', value: Number(m[1]), span: [at, at + m[0].length] });
      else {
        const before = new RegExp(`${NUM}[ -]*$`).exec(lower.slice(Math.max(0, at - 8), at));
        if (before) take({ fact: 'quake.magnitude', value: Number(before[1]), span: [at - before[0].length, at + marker.length] });
      }
    }
  }
  for (const at of positions(text, 'M')) {
    const m = new RegExp(`^M[swlbL]?\\s?${NUM}(?![\\d.]*\\s*(?:km|m\\b|米|公里))`).exec(text.slice(at, at + 12));
    const wordBefore = at > 0 && /[A-Za-z]/.test(text[at - 1] as string);
    if (m && !wordBefore) take({ fact: 'quake.magnitude', value: Number(m[1]), span: [at, at + m[0].length] });
  }
  const inRange = (f: TextFact | undefined) => f !== undefined && (f.value as number) >= 2 && (f.value as number) <= 9.9;
  return inRange(main) ? main : inRange(aftershock) ? aftershock : undefined;
}

/** Hypocentre depth: "震源深度10千米", "depth of 10 km", "10 km deep", "at a depth of 8 kilometres". */
function quakeDepth(text: string, lower: string): TextFact | undefined {
  let found: TextFact | undefined;
  for (const at of positions(text, '深度')) {
    const m = new RegExp(`^深度(?:约|为|為|達|达)?\\s*${NUM}\\s*(?:千米|公里|km)`).exec(text.slice(at, at + WINDOW));
    if (m) found = { fact: 'quake.depthKm', value: Number(m[1]), span: [at, at + m[0].length] };
  }
  for (const at of positions(lower, 'depth')) {
    const m = new RegExp(`^depth(?: of)?(?: about| around| some)?\\s*:?\\s*${NUM}\\s*(?:km|kilomet(?:re|er)s?)`).exec(lower.slice(at, at + WINDOW + 8));
    if (m) found = { fact: 'quake.depthKm', value: Number(m[1]), span: [at, at + m[0].length] };
  }
  for (const at of positions(lower, 'deep')) {
    const m = new RegExp(`${NUM}\\s*(?:km|kilomet(?:re|er)s?)[ -]$`).exec(lower.slice(Math.max(0, at - 16), at));
    if (m) found = { fact: 'quake.depthKm', value: Number(m[1]), span: [at - m[0].length, at + 4] };
  }
  return found && (found.value as number) <= 700 ? found : undefined;
}

// Where the wind comes from, in degrees (0 = from the north).
const ZH_DIRECTIONS: ReadonlyArray<[string, number]> = [
  ['东北', 45], ['東北', 45], ['东南', 135], ['東南', 135], ['西南', 225], ['西北', 315], ['东', 90], ['東', 90], ['南', 180], ['西', 270], ['北', 0],
];
const EN_DIRECTIONS: ReadonlyArray<[string, number]> = [
  ['north-northeast', 22.5], ['east-northeast', 67.5], ['east-southeast', 112.5], ['south-southeast', 157.5], ['south-southwest', 202.5],
  ['west-southwest', 247.5], ['west-northwest', 292.5], ['north-northwest', 337.5],
  ['northeast', 45], ['north-east', 45], ['southeast', 135], ['south-east', 135], ['southwest', 225], ['south-west', 225], ['northwest', 315], ['north-west', 315],
  ['north', 0], ['east', 90], ['south', 180], ['west', 270],
  ['nne', 22.5], ['ene', 67.5], ['ese', 112.5], ['sse', 157.5], ['ssw', 202.5], ['wsw', 247.5], ['wnw', 292.5], ['nnw', 337.5],
  ['ne', 45], ['se', 135], ['sw', 225], ['nw', 315], ['n', 0], ['e', 90], ['s', 180], ['w', 270],
];

/** The middle of each WMO Beaufort force's band, m/s (force 0–12). */
const BEAUFORT_MPS = [0.1, 0.9, 2.5, 4.4, 6.7, 9.4, 12.3, 15.5, 18.9, 22.6, 26.5, 30.6, 34];

const ZH_COMPASS = '(东北|東北|东南|東南|西南|西北|东|東|南|西|北)';
/** Where the wind blows to, in Chinese: "风往西南方向吹", "风向东北吹", "风吹向西南" (风向 without 吹 is the wind's direction). */
const BLOWS_TO_ZH = [new RegExp(`^[风風](?:往|朝|向)${ZH_COMPASS}(?:方向|面)?吹`), new RegExp(`^[风風]吹(?:往|朝|向)${ZH_COMPASS}`)];
/** Where the wind comes from, said in words: "风是从西边刮过来的", "风从西南方吹来". */
const BLOWS_FROM_ZH = new RegExp(`^[风風](?:是|向)?(?:从|從|自)${ZH_COMPASS}(?:边|邊|方向|方|面)?(?:刮|吹)`);
/** A bearing after 风向: "风向240度", "風向為300°". */
const BEARING_ZH = /^[风風]向(?:为|為|约|約|:|：|\s)*(\d{1,3})\s*(?:度|°)/;
/** A bearing after "wind": "wind 240°", "winds from 200 degrees", "wind direction 240", "wind 270 at 12 knots" (marine and aviation). */
const BEARING_EN = /^winds?(\s+direction)?(?:\s+(?:from|of|is))?\s*:?\s*(\d{1,3})(\s*(?:°|degrees?\b|deg\b))?/;
const WIND_SPEED_UNITS_EN = '(?:m/s|km/h|kph|mph|knots?|kt)';
/** "wind 15 km/h from the north": the speed first, then where it comes from. */
const SPEED_THEN_FROM_EN = new RegExp(`^winds?\\s+(?:of\\s+|at\\s+)?(?:about\\s+|around\\s+)?${NUM}\\s*${WIND_SPEED_UNITS_EN}\\s+(?:from|out of)\\s+(?:the\\s+)?([a-z-]+)`);
/** "wind NE 5 m/s", "wind north at 10 mph", "wind SE, 4 m/s": the compass word right after "wind". */
const COMPASS_AFTER_WIND_EN = /^winds?\s+([a-z-]+)(?=\s+(?:at\s+)?\d|\s*[,;.]|$)/;
/** "blowing toward the south": where the wind goes, 180° from where it comes from. */
const BLOWS_TO_EN = /^blow(?:ing|s)?\s+(to|toward|towards|into|from)\s+(?:the\s+)?([a-z-]+)/;
const compassDeg = (word: string | undefined) => (word === undefined ? undefined : EN_DIRECTIONS.find(([name]) => name === word || `${name}erly` === word || `${name}ern` === word)?.[1]);
const opposite = (deg: number) => (deg + 180) % 360;

function windFrom(text: string, lower: string): TextFact | undefined {
  let found: TextFact | undefined;
  const later = (f: TextFact | undefined) => { if (f && (!found || f.span[0] >= found.span[0])) found = f; };
  // "东北风", "偏北风": the compass word right before 风; "风往西南方向吹": where it blows to; "风向240度": a bearing.
  for (const wind of ['风', '風']) {
    for (const at of positions(text, wind)) {
      later(zhWindDirection(text, at));
      const window = text.slice(at, at + 12);
      for (const re of BLOWS_TO_ZH) {
        const m = re.exec(window);
        const to = m ? ZH_DIRECTIONS.find(([name]) => name === m[1])?.[1] : undefined;
        if (m && to !== undefined) later({ fact: 'weather.windFromDeg', value: opposite(to), span: [at, at + m[0].length] });
      }
      const from = BLOWS_FROM_ZH.exec(window);
      const fromDeg = from ? ZH_DIRECTIONS.find(([name]) => name === from[1])?.[1] : undefined;
      if (from && fromDeg !== undefined) later({ fact: 'weather.windFromDeg', value: fromDeg, span: [at, at + from[0].length] });
      const b = BEARING_ZH.exec(window);
      if (b && Number(b[1]) <= 360) later({ fact: 'weather.windFromDeg', value: Number(b[1]) % 360, span: [at, at + b[0].length] });
    }
  }
  for (const at of positions(lower, 'blow')) {
    if (at > 0 && /[a-z]/.test(lower[at - 1] as string)) continue;
    const m = BLOWS_TO_EN.exec(lower.slice(at, at + 40));
    const deg = compassDeg(m?.[2]);
    if (m && deg !== undefined) later({ fact: 'weather.windFromDeg', value: m[1] === 'from' ? deg : opposite(deg), span: [at, at + m[0].length] });
  }
  // "NE wind", "northeasterly", "wind from the northeast", "winds out of the SW".
  for (const at of positions(lower, 'wind')) {
    const after = /^winds?\s+(?:(?:were|are|was|is)\s+)?(?:from|out of)\s+(?:the\s+)?([a-z-]+)/.exec(lower.slice(at, at + 40));
    const before = /([a-z-]+)(?:erly)?\s+$/.exec(lower.slice(Math.max(0, at - 18), at));
    const word = after?.[1] ?? before?.[1];
    const deg = compassDeg(word);
    if (deg !== undefined) later({ fact: 'weather.windFromDeg', value: deg, span: after ? [at, at + after[0].length] : [at - (before?.[0].length ?? 0), at + 4] });
    if (at > 0 && /[a-z]/.test(lower[at - 1] as string)) continue;
    const window = lower.slice(at, at + 48);
    const speedFirst = SPEED_THEN_FROM_EN.exec(window);
    const compass = COMPASS_AFTER_WIND_EN.exec(window);
    const fromWord = compassDeg(speedFirst?.[2]) ?? compassDeg(compass?.[1]);
    if (fromWord !== undefined) later({ fact: 'weather.windFromDeg', value: fromWord, span: [at, at + (speedFirst ?? compass as RegExpExecArray)[0].length] });
    const bearing = BEARING_EN.exec(window);
    // A bare number is a bearing only with "direction", a degree sign or "at <speed>"; "wind 15 km/h" is a speed.
    const marked = bearing && (bearing[1] || bearing[3] || /^\d{3}$/.test(bearing[2] as string) && /^\s*(?:at|@)\s*\d|^\/\d/.test(window.slice(bearing[0].length)));
    if (bearing && marked && Number(bearing[2]) <= 360) later({ fact: 'weather.windFromDeg', value: Number(bearing[2]) % 360, span: [at, at + bearing[0].length] });
  }
  for (const [name, deg] of EN_DIRECTIONS) {
    if (name.length < 4) continue;
    for (const at of positions(lower, `${name}erly`)) {
      // Not the tail of a longer name: "north-westerly" is not "westerly".
      if (at > 0 && /[a-z-]/.test(lower[at - 1] as string)) continue;
      later({ fact: 'weather.windFromDeg', value: deg, span: [at, at + name.length + 4] });
    }
  }
  return found;
}

function zhWindDirection(text: string, at: number): TextFact | undefined {
  const before = text.slice(Math.max(0, at - 3), at).replace(/^.*?偏/, '');
  const match = ZH_DIRECTIONS.find(([name]) => before.endsWith(name));
  return match ? { fact: 'weather.windFromDeg', value: match[1], span: [at - match[0].length, at + 1] } : undefined;
}

function windSpeed(text: string, lower: string): TextFact | undefined {
  let found: TextFact | undefined;
  const units: ReadonlyArray<[string, number]> = [['m/s', 1], ['米/秒', 1], ['米每秒', 1], ['km/h', 1 / 3.6], ['公里/小时', 1 / 3.6], ['千米/小时', 1 / 3.6], ['kph', 1 / 3.6],
    ['mph', 0.44704], ['knots', 0.5144], ['knot', 0.5144], ['kt', 0.5144]];
  for (const [unit, factor] of units) {
    for (const at of positions(lower, unit)) {
      const m = new RegExp(`${NUM}\\s*$`).exec(lower.slice(Math.max(0, at - 10), at));
      // Only a wind: the word wind / 风 before the number, in the same sentence ("The wind is blowing toward the south at about 3 m/s").
      const context = lower.slice(Math.max(0, at - 60), at).replace(/^.*(?:[。；;!?]|\.\s)/s, '');
      if (m && /wind|gust|风|風/.test(context)) found = { fact: 'weather.windSpeedMps', value: Math.round(Number(m[1]) * factor * 10) / 10, span: [at - m[0].length, at + unit.length] };
    }
  }
  // "风速约每秒4公尺", "風速每秒3.5米", "风速约12节": per second before the number, or knots in Chinese.
  for (const marker of ['风速', '風速']) {
    for (const at of positions(text, marker)) {
      const m = SPEED_AFTER_MARKER_ZH.exec(text.slice(at + marker.length, at + marker.length + WINDOW));
      const factor = m ? (m[1] ? (/^(?:米|公尺|m)$/.test(m[3] as string) ? 1 : undefined) : /^[节節]$/.test(m[3] as string) ? 0.5144 : undefined) : undefined;
      if (m && factor !== undefined) found = { fact: 'weather.windSpeedMps', value: Math.round(Number(m[2]) * factor * 10) / 10, span: [at, at + marker.length + m[0].length] };
    }
  }
  // Beaufort: "风力3级", "东北风4级", "force 6".
  for (const at of positions(text, '级')) found = beaufort(text, at) ?? found;
  for (const at of positions(text, '級')) found = beaufort(text, at) ?? found;
  for (const at of positions(lower, 'force')) {
    const m = /^force\s+(\d{1,2})\b/.exec(lower.slice(at, at + 10));
    // A Beaufort force only beside a wind word ("Task Force 5" is a unit).
    const windNear = /wind|gale|beaufort|gust|storm/.test(lower.slice(Math.max(0, at - 24), at + 24));
    if (m && windNear && Number(m[1]) <= 12) found = { fact: 'weather.windSpeedMps', value: BEAUFORT_MPS[Number(m[1])] as number, span: [at, at + m[0].length] };
  }
  return found;
}

const SPEED_AFTER_MARKER_ZH = new RegExp(`^(?:约|約|为|為|达|達|:|：|\\s)*(每秒)?(?:约|約)?\\s*${NUM}\\s*(米|公尺|m|节|節)(?![/每])`);
function beaufort(text: string, at: number): TextFact | undefined {
  const m = /(?:风力|風力|风|風)\s*(?:约|達|达)?(\d{1,2}|[一二三四五六七八九十]{1,2})(?:[-~到至](\d{1,2}|[一二三四五六七八九十]{1,2}))?$/.exec(text.slice(Math.max(0, at - 9), at));
  if (!m) return undefined;
  const zh = '零一二三四五六七八九十';
  const force = (s: string) => (/\d/.test(s) ? Number(s) : s.length === 1 ? zh.indexOf(s) : s.startsWith('十') ? 10 + zh.indexOf(s[1] as string) : zh.indexOf(s[0] as string) * 10);
  const low = force(m[1] as string);
  const high = m[2] ? force(m[2]) : low;
  const level = Math.max(low, high); // a range: plan for the stronger wind
  return level >= 0 && level <= 12 ? { fact: 'weather.windSpeedMps', value: BEAUFORT_MPS[level] as number, span: [at - m[0].length, at + 1] } : undefined;
}

/** UN numbers of the substances in the table (the ERG's identification numbers). */
const UN_NUMBERS: Readonly<Record<string, string>> = Object.fromEntries(SUBSTANCES.flatMap((s) => s.unNumbers.map((un) => [un, s.key])));

/** The gas each refrigerated liquid of the table is the cold liquid of (LNG: methane). */
const GAS_OF = new Map(SUBSTANCES.flatMap((s) => (s.refrigeratedLiquidOf === undefined ? [] : [[s.key, s.refrigeratedLiquidOf] as const])));

/** The latest of `mentions`; at one place the longer name ("氯化氢" over "氯"), else the table's first. */
function latestMention(mentions: readonly TextFact[]): TextFact | undefined {
  let found: TextFact | undefined;
  for (const m of mentions) {
    if (!found || m.span[0] > found.span[0] || (m.span[0] === found.span[0] && m.span[1] > found.span[1])) found = m;
  }
  return found;
}

/** The mentions a reader segments the text into: leftmost, longest first, so a name inside a longer one ("天然气"
 *  in "液化天然气", "natural gas" in "liquefied natural gas") is part of it, and one that starts inside an earlier
 *  name and runs past it is a misreading ("氢气" across "氯化氢|气体" is hydrogen chloride gas, not hydrogen). One
 *  sweep in order of start after the sort, so a text full of names stays linear (docs/hardening.md#edges). */
function outermostMentions(mentions: TextFact[]): TextFact[] {
  const sorted = [...mentions].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const kept: TextFact[] = [];
  let keptEnd = -1; // the farthest end of the mentions kept so far
  for (const m of sorted) {
    if (m.span[0] < keptEnd) continue;
    kept.push(m);
    keptEnd = m.span[1];
  }
  return kept;
}

/** Characters that make a one-character name part of another substance's: 甲苯, 二甲苯, 苯乙烯, 硝基苯, 苯酚, 苯胺, 氯苯. */
const CHEMICAL_NAME_CHARS = '甲乙丙丁戊己庚辛二三联聯硝氯溴碘氟氨胺酚醛酮酸酐酯醇醚烷烯炔基环環萘蒽氰硫磺羟羥异異邻鄰间間对對聚并系类類醌';
const isNameChar = (ch: string | undefined) => ch !== undefined && CHEMICAL_NAME_CHARS.includes(ch);
/** Words of a release, to tell a formula in capitals ("HF escaped") from an abbreviation ("the HF radio"). */
const RELEASE_WORD = /leak|escap|releas|spill|vent(?:ed|ing)|poison|expos|plume|cloud|泄|洩|漏/;

/** Every name a substance is read by, with how a hit must be checked; worked out once, not at every report. */
interface SubstanceName {
  key: string; name: string; ascii: boolean;
  /** A substance whose own name is one character (苯): only when no other name character touches it. */
  oneCharName: boolean;
  /** A two-letter formula, as it must be written (capitals, "HF"), and only beside a release word; else undefined. */
  capitalFormula: string | undefined;
}
const SUBSTANCE_NAMES: readonly SubstanceName[] = SUBSTANCES.flatMap((s) =>
  [s.nameZh, s.nameEn.toLowerCase(), ...s.aliases.map((a) => a.toLowerCase()), s.formula.toLowerCase()].flatMap((name): SubstanceName[] => {
    const ascii = /^[a-z0-9 ]+$/.test(name);
    // Too short to be sure of: "氯" alone, "co" (company), "hf"; the longer names (液氯, 氯气, nh3) cover them.
    // Two exceptions: a substance whose own name is one character (苯), when no other name character touches it
    // (甲苯, 苯乙烯 are other substances), and a two-letter formula written in capitals beside a release word ("HF escaped").
    const oneCharName = !ascii && name.length === 1 && name === s.nameZh;
    const capitalFormula = ascii && name.length === 2 && name === s.formula.toLowerCase() ? s.formula : undefined;
    if ((ascii ? name.length < 3 && !/\d/.test(name) : name.length < 2) && !oneCharName && !capitalFormula) return [];
    return [{ key: s.key, name, ascii, oneCharName, capitalFormula }];
  }));

function substance(text: string, lower: string): TextFact | undefined {
  const mentions: TextFact[] = [];
  const folded = foldTraditional(text); // "液化石油氣" is "液化石油气"; one character for one, so spans hold
  for (const { key, name, ascii, oneCharName, capitalFormula } of SUBSTANCE_NAMES) {
    for (const at of positions(ascii ? lower : folded, name)) {
      // Formulas and English names as whole words.
      if (ascii && (/[a-z0-9]/.test(lower[at - 1] ?? ' ') || /[a-z0-9]/.test(lower[at + name.length] ?? ' '))) continue;
      if (oneCharName && (isNameChar(folded[at - 1]) || isNameChar(folded[at + 1]))) continue;
      if (capitalFormula && (text.slice(at, at + 2) !== capitalFormula || !RELEASE_WORD.test(lower.slice(Math.max(0, at - 40), at + 42)))) continue;
      mentions.push({ fact: 'release.substance', value: key, span: [at, at + name.length] });
    }
  }
  const whole = outermostMentions(mentions);
  let found = latestMention(whole);
  // The gas a report goes on to name after its refrigerated liquid is that liquid's vapour: "LNG tanker overturned,
  // natural gas escaping" is LNG, at its boiling point, not methane at 25 °C.
  const gas = found?.value;
  const liquid = gas === undefined ? undefined : latestMention(whole.filter((m) => GAS_OF.get(m.value as string) === gas));
  if (liquid) found = liquid;
  for (const at of positions(lower, 'un')) {
    const m = /^un\s?(\d{4})\b/.exec(lower.slice(at, at + 8));
    const key = m ? UN_NUMBERS[m[1] as string] : undefined;
    if (key && !/[a-z]/.test(lower[at - 1] ?? ' ')) found = { fact: 'release.substance', value: key, span: [at, at + (m as RegExpExecArray)[0].length] };
  }
  return found;
}

/** A time unit after 每 and the share of a second it is. */
const PER_TIME_ZH: ReadonlyArray<[string, number]> = [['每秒', 1], ['每分钟', 1 / 60], ['每分鐘', 1 / 60], ['每小时', 1 / 3600], ['每小時', 1 / 3600]];
/** Mass units in a Chinese rate, in kg (公噸 is Taiwan's tonne). */
const MASS_UNIT_ZH = new Map([['公斤', 1], ['千克', 1], ['kg', 1], ['吨', 1000], ['噸', 1000], ['公吨', 1000], ['公噸', 1000], ['t', 1000]]);
const RATE_AFTER_PER_TIME_ZH = new RegExp(`^(?:约|約|泄漏|泄露|洩漏|外泄|外洩|釋放|释放|排放|大约|大約)*\\s*${NUM}\\s*(公斤|千克|kg|公吨|公噸|吨|噸|t(?![a-z]))`);

const RATE_MASS_BEFORE_PER_EN = new RegExp(`${NUM}\\s*(kilogram(?:me)?s?|kgs?|(?:metric )?tonnes?|(?:metric )?tons?|t)\\s+$`);
const RATE_TIME_AFTER_PER_EN = /^per (second|sec|s|minute|min|hour|hr|h)\b/;

function releaseRate(text: string, lower: string): TextFact | undefined {
  let found: TextFact | undefined;
  const units: ReadonlyArray<[string, number]> = [['kg/s', 1], ['公斤/秒', 1], ['千克/秒', 1], ['kg per second', 1], ['kg/min', 1 / 60], ['kg per minute', 1 / 60], ['公斤/分钟', 1 / 60],
    ['千克/分钟', 1 / 60], ['kg/h', 1 / 3600], ['kg per hour', 1 / 3600], ['t/h', 1000 / 3600], ['吨/小时', 1000 / 3600], ['吨/小時', 1000 / 3600], ['公吨/小时', 1000 / 3600], ['公噸/小時', 1000 / 3600], ['千克/小时', 1 / 3600], ['公斤/小时', 1 / 3600], ['公斤/分鐘', 1 / 60]];
  for (const [unit, factor] of units) {
    for (const at of positions(lower, unit)) {
      const m = new RegExp(`${NUM}\\s*$`).exec(lower.slice(Math.max(0, at - 10), at));
      if (m) found = { fact: 'release.rateKgPerS', value: Math.round(Number(m[1]) * factor * 1000) / 1000, span: [at - m[0].length, at + unit.length] };
    }
  }
  // A mass unit spelt out per a time unit spelt out: "0.6 kilograms per second", "7.2 tonnes per hour", "1.2 t per minute".
  for (const at of positions(lower, 'per ')) {
    if (isWordChar(lower[at - 1])) continue;
    const mass = RATE_MASS_BEFORE_PER_EN.exec(lower.slice(Math.max(0, at - 28), at));
    const time = RATE_TIME_AFTER_PER_EN.exec(lower.slice(at, at + 14));
    if (!mass || !time) continue;
    const kg = /^k/.test(mass[2] as string) ? 1 : 1000;
    const perS = /^s/.test(time[1] as string) ? 1 : /^m/.test(time[1] as string) ? 1 / 60 : 1 / 3600;
    found = { fact: 'release.rateKgPerS', value: Math.round(Number(mass[1]) * kg * perS * 1000) / 1000, span: [at - mass[0].length, at + time[0].length] };
  }
  // "每秒约0.5公斤", "每分钟约60公斤", "每小時約3.6公噸", "泄漏量为每分钟120公斤": the time first, then the mass.
  // Only a mass makes it a rate ("每分钟监测一次", "心率每分钟120次" are not).
  for (const [marker, perS] of PER_TIME_ZH) {
    for (const at of positions(text, marker)) {
      const m = RATE_AFTER_PER_TIME_ZH.exec(text.slice(at + marker.length, at + marker.length + WINDOW));
      const kg = m ? MASS_UNIT_ZH.get(m[2] as string) : undefined;
      if (m && kg !== undefined) found = { fact: 'release.rateKgPerS', value: Math.round(Number(m[1]) * kg * perS * 1000) / 1000, span: [at, at + marker.length + m[0].length] };
    }
  }
  return found;
}

// Dawn and dusk count as night: the air is then as stable as at night, the worse case for a plume.
const NIGHT_WORDS = ['夜间', '夜間', '深夜', '凌晨', '晚上', '夜里', '夜裡', '今晚', '黎明', '拂晓', '拂曉', '傍晚', 'at night', 'overnight', 'late-night', 'night-time', 'nighttime',
  'tonight', 'before dawn', 'at dawn', 'at dusk'];
const DAY_WORDS = ['白天', '上午', '中午', '下午', '午后', '午後', 'in the afternoon', 'in the morning', 'daytime', 'midday', 'at noon', 'this afternoon', 'this morning'];

/** A period word just before a clock time (with 约 or a space between). */
const PERIOD_WORD_BEFORE = new RegExp(`(?:${[...NIGHT_WORDS, ...DAY_WORDS].filter((w) => !/^[a-z]/.test(w)).join('|')}|早上|早晨)(?:约|約|\\s)*$`);

function timeOfDay(text: string, lower: string): TextFact | undefined {
  let found: TextFact | undefined;
  // The latest statement wins; at one start the longer reading ("9:15 p.m." over "9:15", read as a 24-hour clock).
  const mark = (at: number, length: number, daytime: boolean) => {
    if (!found || at > found.span[0] || (at === found.span[0] && at + length > found.span[1])) found = { fact: 'weather.daytime', value: daytime, span: [at, at + length] };
  };
  for (const word of NIGHT_WORDS) for (const at of positions(word.startsWith('a') || /^[a-z]/.test(word) ? lower : text, word)) mark(at, word.length, false);
  for (const word of DAY_WORDS) for (const at of positions(/^[a-z]/.test(word) ? lower : text, word)) mark(at, word.length, true);
  // A clock time right after a period word is read by the word: "下午2时30分" is 14:30, "晚上9:15" is 21:15.
  const clock = (start: number, length: number, hour: number) => {
    if (!PERIOD_WORD_BEFORE.test(text.slice(Math.max(0, start - 5), start))) mark(start, length, hour >= 6 && hour < 19);
  };
  // A clock time "23:40", "02:15" (not "1:2000" scales or "3:1" ratios).
  for (const at of positions(text, ':')) {
    const m = /(?:^|[^\d])([01]?\d|2[0-3])$/.exec(text.slice(Math.max(0, at - 3), at));
    const minutes = /^([0-5]\d)(?!\d)/.exec(text.slice(at + 1, at + 4));
    if (m && minutes) clock(at - (m[1] as string).length, (m[1] as string).length + 3, Number(m[1]));
  }
  // "11时22分", "2時9分", "20时许", "9点半": an hour right before 时/点 (not 小时, a duration) and minutes, 许 or 半 after.
  for (const marker of ['时', '時', '点', '點']) {
    for (const at of positions(text, marker)) {
      const m = /(?:^|[^\d.])([01]?\d|2[0-4])$/.exec(text.slice(Math.max(0, at - 3), at));
      if (m && /^(?:[0-5]?\d分|许|許|半|左右)/.test(text.slice(at + 1, at + 4))) clock(at - (m[1] as string).length, (m[1] as string).length + 1, Number(m[1]) % 24);
    }
  }
  // "1 a.m.", "4.30pm", "11:20 p.m." (12-hour clock), "1415 hrs" (24-hour, four digits).
  for (const suffix of ['a.m.', 'p.m.', 'am', 'pm']) {
    for (const at of positions(lower, suffix)) {
      if (/[a-z]/.test(lower[at + suffix.length] ?? ' ')) continue;
      const m = /(?:^|[^\d.:])(1[0-2]|0?[1-9])(?:[:.][0-5]\d)?\s?$/.exec(lower.slice(Math.max(0, at - 7), at));
      if (!m) continue;
      const hour = (Number(m[1]) % 12) + (suffix.startsWith('p') ? 12 : 0);
      clock(at - m[0].length + (m[0].length - m[0].trimStart().length), m[0].trimStart().length + suffix.length, hour);
    }
  }
  for (const at of positions(lower, 'hrs')) {
    const m = /(?:^|[^\d])([01]\d|2[0-3])[0-5]\d\s?$/.exec(lower.slice(Math.max(0, at - 6), at));
    if (m && !/[a-z]/.test(lower[at + 3] ?? ' ')) clock(at - 5, 5, Number(m[1]));
  }
  return found;
}

/** Every physical fact the text states (the last statement of each, as reports update themselves). */
export function physicalFactsFromText(report: string): TextFact[] {
  // Read from a view with Chinese measuring numerals in digits; each span points back into the report.
  const view = numeralView(report);
  const text = view.text;
  const lower = text.toLowerCase();
  const facts = [quakeMagnitude(text, lower), quakeDepth(text, lower), windFrom(text, lower), windSpeed(text, lower), substance(text, lower), releaseRate(text, lower), timeOfDay(text, lower)]
    .filter((f): f is TextFact => f !== undefined).concat(hazardFactsFromText(text), placesFromText(text));
  return text === report ? facts : facts.map((f) => ({ ...f, span: sourceSpan(view, f.span) }));
}
