// i18next with the two locale files; Chinese by default, English switchable at run time and remembered.
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { zh, type MessageKey } from './locales/zh.js';
import { en } from './locales/en.js';

export type Language = 'zh' | 'en';
export const LANGUAGE_KEY = 'safe-edge-language';

export function initI18n(language: Language): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { zh: { translation: zh }, en: { translation: en } },
    lng: language,
    fallbackLng: false,
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false }, // React escapes on render
    initAsync: false, // resources are bundled: initialise synchronously, no flash of keys
  });
  if (typeof document !== 'undefined') document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  return i18next;
}

/** Typed translation: only keys that exist in the locale files compile. */
export function useT(): { t: (key: MessageKey, params?: Record<string, unknown>) => string; language: Language; setLanguage: (l: Language) => void } {
  const { t, i18n } = useTranslation();
  return {
    t: (key, params) => t(key, params ?? {}) as string,
    language: (i18n.language as Language) ?? 'zh',
    setLanguage: (language) => {
      void i18n.changeLanguage(language);
      localStorage.setItem(LANGUAGE_KEY, language);
      document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    },
  };
}
