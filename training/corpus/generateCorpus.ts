// Builds the bilingual labelled corpus for the incident classifier from the phrase banks: messy,
// dispatch-style reports with numbers, place names, typos, shorthand and second hazards, and (newsRegister.ts)
// news and agency reports in whole sentences, some Chinese ones in traditional characters. The split is by
// phrase, not by report: every test report is built from core and detail phrases and places that no
// training report contains, so held-out accuracy measures generalisation, not memory.
import { INCIDENT_TYPES, type IncidentType } from '../../engine/contract/taxonomy.js';
import { createRandom } from '../../engine/numeric/random.js';
import { CHEMICALS, DIRECTIONS, PHRASES, PLACES, ROADS, SECONDARY_CUES } from './phraseBank.js';
import { HAZARD_TERMS, TERM_FRAMES } from '../../engine/knowledge/hazardLexicon.js';
import { toTraditional } from './traditionalChinese.js';
import { NEWS_CONTEXT, NEWS_EVENTS, NEWS_TIMES, NUMBER_WORDS, WORLD_PLACES } from './newsRegister.js';

export type Split = 'train' | 'test';
export type Lang = 'zh' | 'en';
export interface LabelledReport { text: string; label: IncidentType; lang: Lang; split: Split }

export interface CorpusOptions { seed: number; perTypePerLangTrain: number; perTypePerLangTest: number }
export const DEFAULT_CORPUS: CorpusOptions = { seed: 20240705, perTypePerLangTrain: 2000, perTypePerLangTest: 100 };

const HELD_OUT_EVERY = 4;
/** Share of training reports whose core is a lexicon term in a generic frame rather than a phrase. */
const TERM_FRAME_SHARE = 0.5;
/** Share of reports, in both splits, written in the news register (newsRegister.ts) rather than as dispatch shorthand. */
const NEWS_SHARE = 0.4;
/** Share of Chinese reports, in both splits, written in traditional characters (traditionalChinese.ts). */
const TRADITIONAL_SHARE = 0.12;
/** Share of words a training news report loses (English). */
const WORD_DROP = 0.12;
const inSplit = <T>(items: readonly T[], split: Split): T[] =>
  items.filter((_, i) => (i % HELD_OUT_EVERY === HELD_OUT_EVERY - 1) === (split === 'test'));
const placesFor = (items: readonly string[], split: Split): string[] =>
  split === 'test' ? items.slice(-8) : items.slice(0, -8);

const EN_SHORTHAND: Array<[RegExp, string]> = [
  [/\bwith\b/g, 'w/'], [/\bpeople\b/g, 'ppl'], [/\bpersons\b/g, 'pers'], [/\breported\b/g, 'rptd'],
  [/\bapprox\b/g, '~'], [/\bvehicles?\b/g, 'veh'], [/\bhospital\b/g, 'hosp'], [/\bnear\b/g, 'nr'], [/\band\b/g, '&'],
];
const PREFIXES = {
  zh: ['', '', '接警：', '【110转警】', '续报：', '{t} ', '指挥中心：', '群众报警称，', '网格员反映：'],
  en: ['', '', 'CAD {N}: ', 'UPDATE: ', '{t} ', 'caller states ', 'dispatch: ', 'RE: ', '911 call - '],
};
const CASUALTIES = {
  zh: ['目前{n}人死亡，{n}人受伤', '已造成{n}人受伤', '{n}人失联', '暂无人员伤亡报告', '{n}死{n}伤', '约{N}人需要转移', '{n}人被困'],
  en: ['{n} dead, {n} injured so far', '{n} casualties reported', '{n} unaccounted for', 'no injuries reported yet', '{n} DOA, {n} critical', 'about {N} need evacuation', '{n} trapped', '{n} walking wounded'],
};

export function generateCorpus(options: CorpusOptions = DEFAULT_CORPUS): LabelledReport[] {
  const random = createRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number) => random() < p;
  const reports: LabelledReport[] = [];

  const fill = (template: string, lang: Lang, split: Split): string => template
    .replace(/\{day\}/g, () => pick(NEWS_TIMES[lang]))
    .replace(/\{place\}/g, () => pick(placesFor(PLACES[lang], split)))
    .replace(/\{place2\}/g, () => pick(placesFor(WORLD_PLACES, split)))
    .replace(/\{w\}/g, () => pick(NUMBER_WORDS))
    .replace(/\{road\}/g, () => pick(ROADS[lang]))
    .replace(/\{chem\}/g, () => pick(CHEMICALS[lang]))
    .replace(/\{dir\}/g, () => pick(DIRECTIONS[lang]))
    .replace(/\{mag\}/g, () => (4 + random() * 4).toFixed(1))
    .replace(/\{n\}/g, () => String(1 + Math.floor(random() * 12)))
    .replace(/\{N\}/g, () => String(100 + Math.floor(random() * 9900)))
    .replace(/\{m\}/g, () => String(50 * (1 + Math.floor(random() * 40))))
    .replace(/\{km\}/g, () => String(1 + Math.floor(random() * 15)))
    .replace(/\{t\}/g, () => `${String(Math.floor(random() * 24)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}`);

  const typo = (text: string): string => {
    if (text.length < 6) return text;
    const i = 1 + Math.floor(random() * (text.length - 3));
    const kind = random();
    if (kind < 0.4) return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2); // swap
    if (kind < 0.7) return text.slice(0, i) + text.slice(i + 1); // drop
    return text.slice(0, i) + text[i] + text.slice(i); // double
  };

  /** Sentences of a news report: the event, and the context before it (one in four) or after it, so the
   *  hazard word is not always near the start; then the same noise as a dispatch report. */
  const newsReport = (event: string, context: string[], lang: Lang, split: Split): string => {
    const sentences = context.length > 0 && chance(0.25) ? [context[0] as string, event, ...context.slice(1)] : [event, ...context];
    let text = lang === 'zh'
      ? sentences.join(pick(['，', '。'])) + '。'
      : sentences.map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join('. ') + '.';
    // Training drops a word here and there, so no single word of a template is needed to tell its type.
    if (lang === 'en' && split === 'train') text = text.split(' ').filter(() => !chance(WORD_DROP)).join(' ');
    if (lang === 'en' && chance(0.05)) text = text.toUpperCase();
    if (chance(0.25)) text = typo(text);
    return lang === 'zh' && chance(TRADITIONAL_SHARE) ? toTraditional(text) : text;
  };

  for (const split of ['train', 'test'] as const) {
    const count = split === 'train' ? options.perTypePerLangTrain : options.perTypePerLangTest;
    for (const label of INCIDENT_TYPES) {
      for (const lang of ['zh', 'en'] as const) {
        const bank = PHRASES[label][lang];
        // Training also sees the type's vocabulary in generic frames; the test split never does.
        const cores = inSplit(bank.core, split);
        const framed = HAZARD_TERMS[label][lang].flatMap((term) => TERM_FRAMES[lang].map((f) => f.replace('{term}', term)));
        const details = inSplit(bank.detail, split);
        const newsEvents = inSplit(NEWS_EVENTS[label][lang], split);
        const newsContext = inSplit(NEWS_CONTEXT[lang], split);
        for (let k = 0; k < count; k++) {
          if (chance(NEWS_SHARE)) {
            reports.push({ text: newsReport(fill(pick(newsEvents), lang, split), Array.from({ length: Math.floor(random() * 4) }, () => fill(pick(newsContext), lang, split)), lang, split), label, lang, split });
            continue;
          }
          const parts: string[] = [fill(pick(split === 'train' && chance(TERM_FRAME_SHARE) ? framed : cores), lang, split)];
          const detailCount = Math.floor(random() * 4);
          for (let d = 0; d < detailCount; d++) parts.push(fill(pick(details), lang, split));
          if (chance(0.3)) parts.push(fill(pick(CASUALTIES[lang]), lang, split));
          if (chance(0.2)) {
            const secondaries = Object.entries(SECONDARY_CUES).filter(([type]) => type !== label);
            const [, cues] = pick(secondaries);
            if (cues) parts.push(pick(cues[lang]));
          }
          if (lang === 'zh' && chance(0.05)) parts.push(fill(pick(PHRASES[label].en.detail), 'en', split));
          for (let p = parts.length - 1; p > 1; p--) if (chance(0.3)) { const j = 1 + Math.floor(random() * p); [parts[p], parts[j]] = [parts[j] as string, parts[p] as string]; }
          let text = fill(pick(PREFIXES[lang]), lang, split) + parts.join(lang === 'zh' ? pick(['，', '。', ' ', '；']) : pick([', ', '. ', ' - ', '; ']));
          if (lang === 'en' && chance(0.4)) for (const [re, short] of EN_SHORTHAND) text = text.replace(re, short);
          if (lang === 'en' && chance(0.15)) text = text.toUpperCase();
          if (chance(0.35)) text = typo(text);
          if (chance(0.15)) text = typo(text);
          if (chance(0.2)) text = text.replace(/[，。,.;；]/g, ' ');
          if (lang === 'zh' && chance(TRADITIONAL_SHARE)) text = toTraditional(text);
          reports.push({ text, label, lang, split });
        }
      }
    }
  }
  return reports;
}
