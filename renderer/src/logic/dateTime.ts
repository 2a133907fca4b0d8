// Dates and times as the UI's language writes them (zh: 2024/3/12 22:40, en: 12 Mar 2024, 22:40), on a
// 24-hour clock, in the machine's own time zone.
import type { Language } from '../i18n/i18n.js';

const LOCALES: Record<Language, string> = { zh: 'zh-CN', en: 'en-GB' };

export function formatDateTime(iso: string | number | Date, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short', hour12: false }).format(new Date(iso));
}
