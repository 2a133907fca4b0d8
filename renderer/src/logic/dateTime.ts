// Dates, times and counts as the UI's language writes them (zh: 2024年3月12日 22:40, en: 12 Mar 2024, 22:40;
// 15,673 in both), on a 24-hour clock, in the machine's own time zone; never in the browser's own locale.
import type { Language } from '../i18n/i18n.js';

/** The locale each UI language writes dates and numbers in (also logic/dateEntry.ts, the typed date fields). */
export const UI_LOCALES: Record<Language, string> = { zh: 'zh-CN', en: 'en-GB' };

/** `seconds`: for logs, where events a few seconds apart must read in order (the Models page's events). */
export function formatDateTime(iso: string | number | Date, language: Language, { seconds = false } = {}): string {
  return new Intl.DateTimeFormat(UI_LOCALES[language], { dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short', hour12: false }).format(new Date(iso));
}

/** A count of people, units or figures with the UI language's grouping: `n.toLocaleString()` would follow
 *  the browser's locale (1 234 in a French browser under the Chinese UI). */
export function countText(n: number, language: Language): string {
  return new Intl.NumberFormat(UI_LOCALES[language]).format(n);
}
