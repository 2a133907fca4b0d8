// The report-screen model's corpus: incident reports (the classifier's corpus, every type, both registers)
// against messages that are not incidents (noticeGenres.ts), both languages. Split by genre: every fourth
// genre appears only in the test split, so the held-out figure is on kinds of message the model never saw,
// and the incident reports of the test split are the classifier corpus's own held-out ones (unseen phrases).
import { createRandom } from '../../engine/numeric/random.js';
import { INCIDENT_TYPES } from '../../engine/contract/taxonomy.js';
import { generateCorpus, type Lang, type Split } from './generateCorpus.js';
import { HAZARD_PHRASES, NOTICE_GENRES, NOTICE_SLOTS } from './noticeGenres.js';
import { NEWS_EVENTS } from './newsRegister.js';
import { PLACES } from './phraseBank.js';
import { toTraditional } from './traditionalChinese.js';

export const SCREEN_LABELS = ['incident', 'not_incident'] as const;
export interface ScreenExample { text: string; label: 0 | 1; lang: Lang; split: Split; genre: string }
export interface ScreenCorpusOptions { seed: number; noticesPerGenrePerLang: number; incidentsPerTypePerLang: number }
export const DEFAULT_SCREEN_CORPUS: ScreenCorpusOptions = { seed: 20261202, noticesPerGenrePerLang: 400, incidentsPerTypePerLang: 800 };

const HELD_OUT_GENRE_EVERY = 4;
/** Share of generated notices that quote an incident report whole. */
const QUOTED_SHARE = 0.25;
export const genreSplit = (index: number): Split => (index % HELD_OUT_GENRE_EVERY === HELD_OUT_GENRE_EVERY - 1 ? 'test' : 'train');

export function generateScreenCorpus(options: ScreenCorpusOptions = DEFAULT_SCREEN_CORPUS, genreSplitOf: (index: number) => Split = genreSplit): ScreenExample[] {
  const random = createRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const examples: ScreenExample[] = [];
  const story = (lang: Lang) => fillNews(pick(NEWS_EVENTS[pick(INCIDENT_TYPES)][lang]), lang);
  const fillNews = (template: string, lang: Lang): string => template
    .replace(/\{place2?\}/g, () => pick(PLACES[lang])).replace(/\{day\}/g, () => (lang === 'zh' ? pick(['当天', '当晚', '凌晨']) : pick(['that morning', 'that night', 'on a Sunday'])))
    .replace(/\{w\}/g, () => pick(['two', 'three', 'five', 'twelve', 'dozens of'])).replace(/\{road\}/g, () => (lang === 'zh' ? 'G4高速' : 'the A1'))
    .replace(/\{chem\}/g, () => (lang === 'zh' ? '氯气' : 'chlorine')).replace(/\{dir\}/g, () => (lang === 'zh' ? '东' : 'north'))
    .replace(/\{mag\}/g, () => (4 + random() * 4).toFixed(1)).replace(/\{n\}/g, () => String(int(1, 12))).replace(/\{N\}/g, () => String(int(100, 9999)))
    .replace(/\{m\}/g, () => String(50 * int(1, 40))).replace(/\{km\}/g, () => String(int(1, 15))).replace(/\{t\}/g, () => `${int(0, 23)}:${String(int(0, 59)).padStart(2, '0')}`);
  const fill = (template: string, lang: Lang): string => template
    .replace(/\{hazard\}/g, () => pick(HAZARD_PHRASES[lang])).replace(/\{story\}/g, () => story(lang))
    .replace(/\{past\}/g, () => pick(NOTICE_SLOTS.past[lang])).replace(/\{next\}/g, () => pick(NOTICE_SLOTS.next[lang]))
    .replace(/\{org\}/g, () => pick(NOTICE_SLOTS.org[lang])).replace(/\{name\}/g, () => pick(NOTICE_SLOTS.name[lang]))
    .replace(/\{place\}/g, () => pick(PLACES[lang])).replace(/\{year\}/g, () => String(int(1976, 2025)))
    .replace(/\{n\}/g, () => String(int(1, 9))).replace(/\{N\}/g, () => String(int(100, 99999)));

  // The incident side: the classifier's own corpus, sampled evenly by type and language.
  const incidents = generateCorpus({ seed: options.seed + 1, perTypePerLangTrain: options.incidentsPerTypePerLang, perTypePerLangTest: Math.ceil(options.incidentsPerTypePerLang / 8) });
  const quotable = { zh: incidents.filter((r) => r.lang === 'zh' && r.split === 'train').map((r) => r.text), en: incidents.filter((r) => r.lang === 'en' && r.split === 'train').map((r) => r.text) };
  NOTICE_GENRES.forEach((genre, g) => {
    const split = genreSplitOf(g);
    for (const lang of ['zh', 'en'] as const) {
      for (let k = 0; k < options.noticesPerGenrePerLang; k++) {
        // One frame, sometimes two of the genre together, or a frame beside a sentence of another genre's.
        let text = fill(pick(genre[lang]), lang);
        if (random() < 0.3) text += (lang === 'zh' ? '' : ' ') + fill(pick(genre[lang]), lang);
        // Half quote an incident report whole (a notice about it, a review of it, an exam built on it): the incident's
        // own words then stand on both sides, and only the frame tells a notice.
        if (random() < QUOTED_SHARE) {
          const quoted = pick(quotable[lang]);
          text = random() < 0.5 ? `${text}${lang === 'zh' ? '' : ' '}${quoted}` : `${quoted}${lang === 'zh' ? '。' : '. '}${text}`;
        }
        if (lang === 'zh' && random() < 0.12) text = toTraditional(text);
        if (lang === 'en' && random() < 0.05) text = text.toUpperCase();
        examples.push({ text, label: 1, lang, split, genre: genre.name });
      }
    }
  });
  for (const r of incidents) examples.push({ text: r.text, label: 0, lang: r.lang, split: r.split, genre: `incident:${r.label}` });
  return examples;
}
