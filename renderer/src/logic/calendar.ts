// The date picker's calendar, apart from React (docs/app.md, "Dates in the forms"): a month as six rows
// of seven days from the UI language's first day of the week, and where each key moves the focused day
// (the WAI-ARIA date picker dialog pattern: arrows, Home/End, PageUp/PageDown, with Shift a year).
// Days are yyyy-mm-dd, the date fields' own shape, computed in UTC so no clock change moves them.
import type { Language } from '../i18n/i18n.js';

/** 1 = Monday. The week starts on Monday in China (GB/T 7408) and in the en-GB dates the English UI writes. */
export const WEEK_STARTS: Record<Language, number> = { zh: 1, en: 1 };

const pad = (n: number) => String(n).padStart(2, '0');
const toDay = (d: Date): string => `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const parts = (day: string): [number, number, number] => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`not a yyyy-mm-dd day: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
};
const utc = (year: number, month: number, day: number): Date => {
  const d = new Date(Date.UTC(year, month - 1, day));
  d.setUTCFullYear(year, month - 1, day); // years below 100 are not 19xx
  return d;
};

/** `day` moved by whole days. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = parts(day);
  return toDay(utc(y, m, d + n));
}

/** `day` moved by whole months, kept on the same day or the month's last (31 Jan + 1 month = 28 or 29 Feb). */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = parts(day);
  const first = utc(y, m + n, 1);
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return toDay(utc(first.getUTCFullYear(), first.getUTCMonth() + 1, Math.min(d, lastDay)));
}

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (day: string): number => { const [y, m, d] = parts(day); return utc(y, m, d).getUTCDay(); };

/** The month holding `day` as six weeks of seven cells from `weekStart`; a day of another month is null
 *  (six rows always, so the grid keeps its shape, and its cells, while the focus moves). */
export function monthGrid(day: string, weekStart: number): Array<Array<string | null>> {
  const [y, m] = parts(day);
  const first = toDay(utc(y, m, 1));
  const start = addDays(first, -((weekday(first) - weekStart + 7) % 7));
  const month = first.slice(0, 7);
  return Array.from({ length: 6 }, (_, w) => Array.from({ length: 7 }, (_, i) => {
    const cell = addDays(start, w * 7 + i);
    return cell.slice(0, 7) === month ? cell : null;
  }));
}

/** The day a key moves the focus to, or null for a key the calendar does not take. */
export function moveByKey(day: string, key: string, shiftKey: boolean, weekStart: number): string | null {
  switch (key) {
    case 'ArrowLeft': return addDays(day, -1);
    case 'ArrowRight': return addDays(day, 1);
    case 'ArrowUp': return addDays(day, -7);
    case 'ArrowDown': return addDays(day, 7);
    case 'Home': return addDays(day, -((weekday(day) - weekStart + 7) % 7));
    case 'End': return addDays(day, 6 - ((weekday(day) - weekStart + 7) % 7));
    case 'PageUp': return addMonths(day, shiftKey ? -12 : -1);
    case 'PageDown': return addMonths(day, shiftKey ? 12 : 1);
    default: return null;
  }
}

/** Today on this device's calendar (the date fields hold the device's local dates). */
export const today = (now = new Date()): string => `${String(now.getFullYear()).padStart(4, '0')}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

/** A day as a UTC Date, for Intl to name (formatted with timeZone: 'UTC'). */
export const dayDate = (day: string): Date => { const [y, m, d] = parts(day); return utc(y, m, d); };
