// The UI's appearance (docs/app.md, "Themes"): which palette is shown and how large the text is. The
// choice is kept in localStorage beside the language; "system" follows the operating system's light or
// dark setting live. The palette itself is CSS (styles.css, keyed by `data-theme` on <html>); this
// module only decides which one and tells the page.

export const THEME_PREFERENCES = ['system', 'light', 'dark', 'night'] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];
/** What is drawn: "night" is dark with red and amber only, to keep the eyes adapted to the dark. */
export type Theme = 'light' | 'dark' | 'night';
export const TEXT_SIZES = ['normal', 'large'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export const THEME_KEY = 'safe-edge-theme';
export const TEXT_SIZE_KEY = 'safe-edge-text-size';
export const DARK_QUERY = '(prefers-color-scheme: dark)';

/** A stored value from an older or tampered build falls back to following the system. */
export function parseThemePreference(stored: string | null): ThemePreference {
  return (THEME_PREFERENCES as readonly string[]).includes(stored ?? '') ? stored as ThemePreference : 'system';
}

export function parseTextSize(stored: string | null): TextSize {
  return stored === 'large' ? 'large' : 'normal';
}

export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): Theme {
  if (preference === 'system') return systemPrefersDark ? 'dark' : 'light';
  return preference;
}

export interface Appearance { preference: ThemePreference; theme: Theme; textSize: TextSize }

/** What the store needs from the page (localStorage, matchMedia's query, <html>); a browser passes
 *  `window`'s, tests pass fakes. Written out so this module needs no DOM types. */
export interface AppearanceEnv {
  storage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  /** The system colour-scheme query, or null where there is none (then "system" means light). */
  darkQuery: { readonly matches: boolean; addEventListener(type: 'change', listener: () => void): void; removeEventListener(type: 'change', listener: () => void): void } | null;
  root: { dataset: Record<string, string | undefined>; style: { colorScheme: string } };
}

export interface AppearanceStore {
  get(): Appearance;
  setPreference(preference: ThemePreference): void;
  setTextSize(size: TextSize): void;
  /** Called after every change (a choice, or the system switching while the choice is "system"). */
  subscribe(listener: () => void): () => void;
  dispose(): void;
}

/** Reads the stored choice and applies it to the root element at once (call before the first render,
 *  so the page never flashes the wrong palette). */
export function createAppearanceStore(env: AppearanceEnv): AppearanceStore {
  const listeners = new Set<() => void>();
  let preference = parseThemePreference(env.storage.getItem(THEME_KEY));
  let textSize = parseTextSize(env.storage.getItem(TEXT_SIZE_KEY));
  let current = compute();

  function compute(): Appearance {
    return { preference, theme: resolveTheme(preference, env.darkQuery?.matches ?? false), textSize };
  }
  function apply(): void {
    current = compute();
    env.root.dataset.theme = current.theme;
    env.root.dataset.textSize = current.textSize;
    // Form controls and scrollbars follow the palette too.
    env.root.style.colorScheme = current.theme === 'light' ? 'light' : 'dark';
    for (const listener of listeners) listener();
  }
  const onSystemChange = () => { if (preference === 'system') apply(); };
  env.darkQuery?.addEventListener('change', onSystemChange);
  apply();

  return {
    get: () => current,
    setPreference: (next) => { preference = next; env.storage.setItem(THEME_KEY, next); apply(); },
    setTextSize: (next) => { textSize = next; env.storage.setItem(TEXT_SIZE_KEY, next); apply(); },
    subscribe: (listener) => { listeners.add(listener); return () => listeners.delete(listener); },
    dispose: () => env.darkQuery?.removeEventListener('change', onSystemChange),
  };
}
