// When a report's event happens (docs/taxonomy-and-severity.md, "Not an incident"): an incident report's event is
// now (今晨, 刚刚, 目前, 正在, a clock time, "this morning", "still trapped"); a verdict, an inquest, a payout, a
// safety tip quoting last year's fires or a quarter's totals tell the hazards and tolls of an event in the past.
// The screen (screening.ts, pastSpans) reads these words per clause; here are the words and the per-clause tests.
// Linear: indexOf over fixed lists, and small patterns run on one clause at a time.
import { isAscii, isWordChar } from '../common/reportMarkers.js';

/** Words that put an event now: today, a moment ago, still, under way. A clause holding one is not told in the past by
 *  a year or season beside it ("the bridge built last year collapsed this morning"). */
const NOW_ZH = ['今天', '今日', '今晨', '今早', '今晚', '今夜', '凌晨', '刚刚', '刚才', '剛剛', '剛才', '目前', '现在', '現在', '正在', '仍在', '仍有', '尚有', '此刻', '当前', '當前',
  '现场', '現場',
  // the same thing happening again is happening now (前年塌方的路段再次塌方)
  '再次', '再度', '又一次'];
const NOW_EN = ['today', "today's", 'this morning', 'this afternoon', 'this evening', 'tonight', 'now', 'currently', 'at present', 'at the moment', 'ongoing', 'under way', 'underway',
  'still', 'remain', 'remains', 'minutes ago', 'hours ago', 'an hour ago', 'on scene', 'at the scene', 'again'];
/** The now words that tell a state of things, not only the day a notice is given ("today reminded residents", "lag your
 *  pipes now"): one outside the past keeps a message whose every event word is told in the past. */
const STILL_NOW = ['今晨', '今早', '凌晨', '刚刚', '刚才', '剛剛', '剛才', '目前', '正在', '仍在', '仍有', '尚有', '此刻', '当前', '當前', '现场', '現場',
  'this morning', 'this afternoon', 'this evening', 'right now', 'just now', 'currently', 'at present', 'at the moment', 'ongoing', 'under way', 'underway', 'still', 'remain',
  'remains', 'minutes ago', 'hours ago', 'an hour ago', 'on scene', 'at the scene'];
/** A clock time (14:30, 下午3时, 9 a.m.): a report's time of the event. */
const CLOCK = /\d{1,2}\s*(?:时|時|点|點)|\d{1,2}:\d\d|\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)/;

/** A past year or season named by its distance from now, a month of a past year ("in March 2023"): they date an event
 *  in the past, unless the clause also puts something now. Weaker than a year standing alone or "years ago" (the
 *  screen's PAST_WORDS), so counted only when nothing in the message anchors an event now. */
const PAST_ANCHORS = ['去年', '前年', '往年', '上一年', '上年度', '上个月', '上個月', '上月', '上季度', '上个汛期', '上個汛期',
  'last year', "last year's", 'last month', "last month's", 'last season', 'last spring', 'last summer', 'last autumn', 'last fall', 'last winter', 'last monsoon',
  'the previous year', 'the year before', 'previous season'];
const MONTHS = '(?:january|february|march|april|may|june|july|august|september|october|november|december)';
const MONTH_YEAR = new RegExp(`(?<!\\d\\s)\\b${MONTHS}\\s(?:19|20)\\d\\d\\b`);
/** 2020年3月 without its day: a month of a past year (2026年12月1日, a day, is a report's date). */
const MONTH_YEAR_ZH = /(?:19|20)\d\d年\d{1,2}月(?![\d０-９一二三四五六七八九十]{0,3}[日号號])/;
/** What follows an event that is over: a verdict, an inquest, a fine, a payout. Beside a past year or season, the "today"
 *  in such a clause is the verdict's, not the event's ("法院今日就前年…爆炸案宣判", "an inquest today concluded that the
 *  deaths in the March 2023 explosion…"). Alone it dates nothing: "jurors evacuated as smoke fills the courthouse". */
const AFTERMATH = ['宣判', '判决', '判決', '判处', '判處', '一审', '一審', '二审', '二審', '赔付', '理赔', '理賠', '赔偿金', '賠償金', '补偿款', '補償款',
  '罚款', '罰款', '处罚', '處罰',
  'inquest', 'coroner', 'verdict', 'sentenced', 'convicted', 'pleaded guilty', 'found guilty', 'guilty of', 'jury', 'fined', 'payout', 'compensation'];
/** Whether the clause tells what follows an event that is over (AFTERMATH). */
export const aftermathInClause = (clause: string): boolean => holds(clause, AFTERMATH);
/** A past year or season that dates a thing built or bought, not an event ("the bridge built last year", 去年新建的堤防). */
const DATED_THING = ['建成', '新建', '修建', '刚修', '剛修', '竣工', '投用', '投产', '投產', '安装', '安裝', '购置', '購置', '翻修', '改造',
  'built', 'installed', 'opened', 'renovated', 'completed', 'bought', 'repaired', 'upgraded', 'rebuilt', 'constructed'];
/** A sentence that opens by pointing back at the event before it ("該事故共造成…", "其中…", "Of these, …") is told at that
 *  event's time. */
const BACK_REFERENCES = ['该事故', '該事故', '该起事故', '該起事故', '此次事故', '该次事故', '這起事故', '这起事故', '该案', '該案', '其中', '当时', '當時',
  'of these', 'of them', 'of those', 'of which', 'among them', 'among those', 'at the time', 'the accident', 'the disaster', 'the tragedy'];


/** The first position of `phrase` in `clause` (lower case), as a whole word when it is ASCII; -1 if none. */
function find(clause: string, phrase: string): number {
  for (let at = clause.indexOf(phrase); at >= 0; at = clause.indexOf(phrase, at + 1)) {
    if (isAscii(phrase) && (isWordChar(clause[at - 1]) || isWordChar(clause[at + phrase.length]))) continue;
    return at;
  }
  return -1;
}
const holds = (clause: string, list: readonly string[]) => list.some((w) => find(clause, w) >= 0);

/** Whether the clause puts something now (a now word or a clock time). */
export const nowInClause = (clause: string): boolean => holds(clause, NOW_ZH) || holds(clause, NOW_EN) || CLOCK.test(clause);

/** Whether the clause tells a state of things now (STILL_NOW, a clock time). */
export const stillNowInClause = (clause: string): boolean => holds(clause, STILL_NOW) || CLOCK.test(clause);

/** Where a past year or season in the clause dates an event, as the offset from which the clause is past, and whether it
 *  governs its sentence. A verdict or inquest takes the clause and its sentence, and the clause's "today" for itself. Else
 *  an anchor that opens the clause (after a title: "各位村民：去年…", "In March 2021 a tanker…", "Last year, …") takes its
 *  sentence; one inside the clause dates what follows it ("全县去年因…死亡5人", "as last year's blaze"), and one ending an
 *  English clause dates its relative clause ("the house that burned last year") or, without one, the clause ("A fire
 *  killed nine at the club last year"). Nothing when the clause puts something now, or when the anchor dates a thing built
 *  ("the bridge built last year"). */
export function pastAnchorInClause(clause: string): { from: number; governs: boolean } | undefined {
  const anchor = anchorAt(clause);
  if (anchor === undefined) return undefined;
  if (aftermathInClause(clause)) return { from: 0, governs: true };
  if (nowInClause(clause)) return undefined;
  const { at, end } = anchor;
  const title = Math.max(clause.lastIndexOf(':', at), clause.lastIndexOf('：', at), clause.lastIndexOf('】', at));
  const opening = clause.slice(title + 1, at).trim();
  // Opening the clause, or a reported one ("reminded that last winter, pipes burst").
  if (opening === '' || OPENERS.includes(opening) || opening === 'that' || opening.endsWith(' that')) return { from: 0, governs: true };
  const rest = clause.slice(end).trim();
  // Chinese puts the time before what it dates; an English anchor inside the clause, or a possessive, dates what follows.
  if (!isAscii(clause.slice(at, end)) || /^['’]s\b/.test(rest) || (rest !== '' && !/^[)"”’]+$/.test(rest))) return { from: at, governs: false };
  const relative = Math.max(...RELATIVES.map((w) => clause.lastIndexOf(w, at)));
  return { from: relative >= 0 ? relative : 0, governs: false };
}
/** Words before a fronted anchor: "In March 2021", "During last year's floods". */
const OPENERS = ['in', 'during', 'over', 'since', 'back in', 'in the', 'throughout'];
const RELATIVES = [' that ', ' which ', ' where ', ' who ', ' when '];

/** Where the first past anchor in the clause that dates no thing built stands (its start and end), or undefined. */
function anchorAt(clause: string): { at: number; end: number } | undefined {
  let first: { at: number; end: number } | undefined;
  for (const w of PAST_ANCHORS) {
    const at = find(clause, w);
    if (at < 0 || (first !== undefined && at >= first.at)) continue;
    const around = clause.slice(Math.max(0, at - 16), at + w.length + 16);
    if (!DATED_THING.some((t) => around.includes(t))) first = { at, end: at + w.length };
  }
  for (const pattern of [MONTH_YEAR, MONTH_YEAR_ZH]) {
    const hit = pattern.exec(clause);
    if (hit && (first === undefined || hit.index < first.at)) first = { at: hit.index, end: hit.index + hit[0].length };
  }
  return first;
}

/** Whether the message holds any word the wide reading of the past looks for (indexOf over fixed lists). */
export function mayTellPast(lower: string): boolean {
  return [...PAST_ANCHORS, ...AFTERMATH, ...BACK_REFERENCES, ...MONTH_NAMES].some((w) => lower.includes(w)) || (lower.includes('年') && lower.includes('月'));
}
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may ', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Whether a sentence opens by pointing back at the event before it (after a title in brackets or spaces). */
export function pointsBack(sentence: string): boolean {
  const start = sentence.trimStart();
  return BACK_REFERENCES.some((w) => start.startsWith(w) && !(isAscii(w) && isWordChar(start[w.length])));
}
