// Reports built to make a backtracking regular expression slow (docs/hardening.md, Edges): each is one
// piece repeated to the longest text an incident may carry (MAX_TEXT_CHARS), the piece taken from a
// pattern that reads user text: the runs its quantifiers repeat (digits, Chinese numerals, spaces,
// capitalised words, filler words), the anchor words it looks for (units, markers, place nouns) with the
// number before them and a suffix that makes the match fail at the last character. Used by the edges
// test (every one completes through the S-Agent and gives a sane result) and by bench:fuzz (the slowest).
import { MAX_TEXT_CHARS } from '../../../contract/incident.js';

/** A piece repeated to `length` characters (cut at the end), then `tail` (the rejecting suffix). */
export const repeated = (piece: string, tail = '', length = MAX_TEXT_CHARS): string => piece.repeat(Math.ceil((length - tail.length) / piece.length)).slice(0, length - tail.length) + tail;

/** name → the piece that is repeated, and the suffix that makes the last match fail. */
const PIECES: ReadonlyArray<readonly [name: string, piece: string, tail?: string]> = [
  // Quantified runs: numbers (figures, NUM in the window patterns), numerals, spaces and newlines.
  ['ascii digits', '9', 'x'], ['digits with a decimal point', '9.', 'x'], ['full-width digits', '９'], ['Chinese numerals', '十'],
  ['mixed numerals', '一百二十三万'], ['digit groups', '1,234,'], ['spaces', ' ', 'x'], ['newlines and braces', '}\n', 'x'],
  ['tabs and full-width spaces', '\t\u3000', 'x'],
  // Figures: a number, the filler words a figure may be separated by, and no figure word at the end.
  ['figure fillers zh', '3人', '了'], ['figure fillers en', '3 people were ', 'x'], ['lower bounds', 'over more than 3 ', 'x'],
  ['casualty figures zh', '3人死亡，'], ['casualty figures en', '12 injured, '], ['ranges', '3到5到', 'x'], ['zero phrases', '无人员伤亡'],
  // Window patterns in the hazard and physical facts: units and markers, each after a number.
  ['metres zh', '1米', '宽'], ['metres en', '1 m ', 'wide'], ['kilometres', '1 km ', 'away'], ['breach widths', 'breach 12 m wide '],
  ['polder areas', '面积约3平方公里'], ['durations zh', '约3个小时'], ['durations en', 'about about about 3 hours '], ['slopes', 'slope of 30% '],
  ['rain', 'rain of totals reached ', '9'], ['release masses', '20吨液氯'], ['wind', 'wind 3 m/s from the north '], ['magnitudes', 'M7.9 '],
  ['depths', 'depth of about 10 km '], ['community distances zh', '距村庄约1.5公里'], ['community distances en', '2 km from the village '],
  // Places: capitalised words (PLACE_EN repeats them), place nouns, and a word that is not one at the end.
  ['capitalised run', 'A', ' x'], ['capitalised words', 'Pine ', 'x'], ['place nouns', 'village of Pine '], ['place distances en', 'Pine Crest village 1 km '],
  ['place distances zh', '柳树村位于1.5公里'],
  // Markers: drills, negations, screening words, classifier features (CJK runs and words).
  ['drills', 'drill exercise '], ['negations', 'no not no '], ['notices', '通知会议明天'], ['CJK run', '液氯泄漏起火'], ['word run', 'chlorine', '!'],
  ['emoji and marks', '😀\u202e\u0000'],
];

export interface AdversarialText { name: string; text: string }

/** Every adversarial report, each MAX_TEXT_CHARS characters long. */
export function adversarialTexts(length = MAX_TEXT_CHARS): AdversarialText[] {
  return PIECES.map(([name, piece, tail]) => ({ name, text: repeated(piece, tail, length) }));
}
