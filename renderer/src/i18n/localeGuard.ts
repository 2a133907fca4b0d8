// No white screen under any locale (docs/app.md, "Errors"). A browser started with a POSIX locale ('C',
// 'en_US.UTF-8') reports it as navigator.language, which is not a BCP 47 tag: `Intl` throws a RangeError
// on it, and uPlot builds `new Intl.NumberFormat(navigator.language)` while its module loads, so the
// whole bundle failed before React rendered anything. main.tsx imports this module first, before any
// chart code, so every library reads a valid tag.
import { LANGUAGE_KEY } from './i18n.js';

/** A tag Intl accepts: a POSIX name turned into BCP 47 (`zh_CN.UTF-8` → `zh-CN`), else the UI's own locale. */
export function usableLocale(tag: string | undefined, uiLanguage: 'zh' | 'en'): string {
  const fallback = uiLanguage === 'zh' ? 'zh-CN' : 'en-GB';
  if (!tag) return fallback;
  for (const candidate of [tag, tag.replace(/[.@].*$/, '').replace(/_/g, '-')]) {
    if (isValidTag(candidate)) return candidate;
  }
  return fallback;
}

function isValidTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1 && new Intl.NumberFormat(tag).resolvedOptions().locale !== '';
  } catch {
    return false;
  }
}

/** Makes navigator.language(s) valid where they are not; returns the tag now reported. */
export function guardNavigatorLocale(nav: Navigator, uiLanguage: 'zh' | 'en'): string {
  const language = usableLocale(nav.language, uiLanguage);
  if (language !== nav.language) Object.defineProperty(nav, 'language', { configurable: true, get: () => language });
  const languages = (nav.languages ?? []).map((tag) => usableLocale(tag, uiLanguage));
  if (languages.some((tag, i) => tag !== nav.languages[i])) Object.defineProperty(nav, 'languages', { configurable: true, get: () => Object.freeze([...languages]) });
  return language;
}

if (typeof document !== 'undefined') {
  guardNavigatorLocale(navigator, localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh');
}
