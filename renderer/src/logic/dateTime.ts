// Dates and times as the UI's language writes them (zh: 2024/3/12 22:40, en: 12 Mar 2024, 22:40), on a
// 24-hour clock, in the machine's own time zone.
import type { Language } from '../i18n/i18n.js';

/** The locale each UI language writes dates in (also logic/dateEntry.ts, the typed date fields). */
export const DATE_LOCALES: Record<Language, string> = { zh: 'zh-CN', en: 'en-GB' };

export function formatDateTime(iso: string | number | Date, language: Language): string {
  return new Intl.DateTimeFormat(DATE_LOCALES[language], { dateStyle: 'medium', timeStyle: 'short', hour12: false }).format(new Date(iso));
}
