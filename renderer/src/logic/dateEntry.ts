// Typed dates in the UI's language (docs/app.md, "Dates in the forms"). A native <input type="date"> shows
// and reads dates in the browser's own locale (mm/dd/yyyy in a US browser under the Chinese UI), whatever
// the page's language, so the date fields are text fields: shown as the UI's language writes a date
// (zh 2026年11月30日, en 30 Nov 2026, as in logic/dateTime.ts) and read back from what people type.
// The value kept is the form's own: yyyy-mm-dd, or yyyy-mm-ddThh:mm with a time (local time, no zone).
import type { Language } from '../i18n/i18n.js';
import { UI_LOCALES } from './dateTime.js';

/** Why typed text is not a date, a stable code: the field names it and the locale files explain it. */
export type DateEntryProblem = 'unreadable' | 'impossible' | 'timeMissing';
export type DateEntryRead = { ok: true; value: string } | { ok: false; problem: DateEntryProblem };

const pad = (n: number) => String(n).padStart(2, '0');

/** The kept value as the UI's language shows it; '' stays ''; a value that is not the form's shape is shown as it is. */
export function formatDateEntry(value: string, language: Language, withTime: boolean): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return value;
  const at = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
  at.setFullYear(Number(m[1])); // years below 100 are not 19xx
  return new Intl.DateTimeFormat(UI_LOCALES[language], withTime ? { dateStyle: 'medium', timeStyle: 'short', hour12: false } : { dateStyle: 'medium' }).format(at);
}

/** An example for the field's placeholder and its problem message: the last day of November 2026. */
export function dateEntryExample(language: Language, withTime: boolean): string {
  return formatDateEntry(withTime ? '2026-11-30T22:40' : '2026-11-30', language, withTime);
}

/** English month names, whole or shortened to at least three letters (Sep and Sept both). */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const monthNumber = (word: string): number | null => {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = w.length >= 3 ? MONTHS.findIndex((name) => name.startsWith(w)) : -1;
  return i < 0 ? null : i + 1;
};

const TIME = String.raw`(?:\s*[T,，]?\s*(\d{1,2})[:：](\d{2}))?`;
/** Year first, in either language: 2026-11-30, 2026/11/30, 2026.11.30, 2026年11月30日. */
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?${TIME}$`);
/** Day first, English: 30 Nov 2026, 30 November 2026, 30/11/2026 (as the en-GB display writes it). */
const DAY_MONTH_NAME = new RegExp(String.raw`^(\d{1,2})\s*([A-Za-z]+\.?)\s*,?\s*(\d{4})${TIME}$`);
const MONTH_NAME_DAY = new RegExp(String.raw`^([A-Za-z]+\.?)\s*(\d{1,2})\s*,?\s*(\d{4})${TIME}$`);
const DAY_FIRST_NUMBERS = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})${TIME}$`);

/** What was typed, read as a date (and a time when the field has one). Empty text is an empty value. */
export function parseDateEntry(text: string, language: Language, withTime: boolean): DateEntryRead {
  // Full-width digits and punctuation, as a Chinese input method types them.
  const typed = text.trim().replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[／－．]/g, (c) => ({ '／': '/', '－': '-', '．': '.' })[c] ?? c).replace(/\s+/g, ' ');
  if (!typed) return { ok: true, value: '' };
  let parts: [year: number, month: number | null, day: number, hour?: string, minute?: string] | null = null;
  let m: RegExpExecArray | null;
  if ((m = YEAR_FIRST.exec(typed))) parts = [Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5]];
  else if (language === 'en' && (m = DAY_MONTH_NAME.exec(typed))) parts = [Number(m[3]), monthNumber(m[2] as string), Number(m[1]), m[4], m[5]];
  else if (language === 'en' && (m = MONTH_NAME_DAY.exec(typed))) parts = [Number(m[3]), monthNumber(m[1] as string), Number(m[2]), m[4], m[5]];
  else if (language === 'en' && (m = DAY_FIRST_NUMBERS.exec(typed))) parts = [Number(m[3]), Number(m[2]), Number(m[1]), m[4], m[5]];
  if (!parts || parts[1] === null) return { ok: false, problem: 'unreadable' };
  const [year, month, day, hourText, minuteText] = parts;
  if (!withTime && hourText !== undefined) return { ok: false, problem: 'unreadable' };
  if (withTime && hourText === undefined) return { ok: false, problem: 'timeMissing' };
  const hour = Number(hourText ?? 0), minute = Number(minuteText ?? 0);
  // Day 0 of the next month is this month's last day (UTC, so no clock change moves it).
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > lastDay || hour > 23 || minute > 59) return { ok: false, problem: 'impossible' };
  const date = `${year}-${pad(month)}-${pad(day)}`;
  return { ok: true, value: withTime ? `${date}T${pad(hour)}:${pad(minute)}` : date };
}

/** The day a kept value holds, for the calendar to open on (yyyy-mm-dd, the date part of a date and
 *  time), or null when empty. Here, not in calendar.ts, so the fields do not load the calendar's code. */
export const calendarDay = (value: string): string | null => (/^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? null);
