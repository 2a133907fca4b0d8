// Which palette the page shows, and that "system" follows the operating system live.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { createAppearanceStore, parseTextSize, parseThemePreference, resolveTheme, TEXT_SIZE_KEY, THEME_KEY, THEME_PREFERENCES, type AppearanceEnv } from './theme.js';

function fakeEnv(stored: Record<string, string>, systemDark: boolean) {
  const values = new Map(Object.entries(stored));
  const listeners = new Set<() => void>();
  const darkQuery = {
    matches: systemDark,
    addEventListener: (_type: string, listener: () => void) => { listeners.add(listener); },
    removeEventListener: (_type: string, listener: () => void) => { listeners.delete(listener); },
  };
  const root = { dataset: {} as Record<string, string | undefined>, style: { colorScheme: '' } };
  const env: AppearanceEnv = {
    storage: { getItem: (k) => values.get(k) ?? null, setItem: (k, v) => { values.set(k, v); } },
    darkQuery, root,
  };
  const switchSystem = (dark: boolean) => { darkQuery.matches = dark; for (const l of listeners) l(); };
  return { env, values, root, switchSystem, listeners };
}

test('stored choices: unknown or missing values follow the system at normal size', () => {
  assert.equal(parseThemePreference(null), 'system');
  assert.equal(parseThemePreference('sepia'), 'system');
  assert.equal(parseThemePreference('night'), 'night');
  assert.equal(parseTextSize('huge'), 'normal');
  assert.equal(parseTextSize('large'), 'large');
  assert.equal(resolveTheme('system', true), 'dark');
  assert.equal(resolveTheme('system', false), 'light');
  assert.equal(resolveTheme('night', false), 'night');
  assert.equal(resolveTheme('light', true), 'light', 'an explicit choice beats the system');
});

test('the stored choice is on <html> as soon as the store exists, with a matching color-scheme', () => {
  const { env, root } = fakeEnv({ [THEME_KEY]: 'night', [TEXT_SIZE_KEY]: 'large' }, false);
  createAppearanceStore(env);
  assert.equal(root.dataset.theme, 'night');
  assert.equal(root.dataset.textSize, 'large');
  assert.equal(root.style.colorScheme, 'dark');
});

test('"system" follows the system live; an explicit choice ignores it; choices are remembered', () => {
  const { env, root, values, switchSystem, listeners } = fakeEnv({}, false);
  const store = createAppearanceStore(env);
  let notified = 0;
  store.subscribe(() => { notified++; });
  assert.equal(root.dataset.theme, 'light');
  assert.equal(root.style.colorScheme, 'light');
  switchSystem(true);
  assert.equal(root.dataset.theme, 'dark');
  assert.equal(store.get().theme, 'dark');
  assert.equal(notified, 1);

  store.setPreference('light');
  assert.equal(values.get(THEME_KEY), 'light');
  switchSystem(false);
  switchSystem(true);
  assert.equal(root.dataset.theme, 'light', 'the system switching does not override an explicit choice');
  assert.equal(notified, 2);

  store.setTextSize('large');
  assert.equal(values.get(TEXT_SIZE_KEY), 'large');
  assert.deepEqual(store.get(), { preference: 'light', theme: 'light', textSize: 'large' });
  store.dispose();
  assert.equal(listeners.size, 0);
});

test('the boot script (public/theme-boot.js, run before the first paint) decides exactly as this module does', () => {
  // dist/renderer/src/logic → the repository's renderer/public
  const boot = readFileSync(new URL('../../../../renderer/public/theme-boot.js', import.meta.url), 'utf8');
  for (const stored of [null, 'bogus', ...THEME_PREFERENCES]) {
    for (const systemDark of [false, true]) {
      for (const size of [null, 'large', 'huge']) {
        const values: Record<string, string | null> = { [THEME_KEY]: stored, [TEXT_SIZE_KEY]: size };
        const booted = { dataset: {} as Record<string, string>, style: { colorScheme: '' } };
        runInNewContext(boot, {
          document: { documentElement: booted },
          localStorage: { getItem: (k: string) => values[k] ?? null },
          window: { matchMedia: () => ({ matches: systemDark }) },
        });
        const { env, root } = fakeEnv(Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => e[1] !== null)), systemDark);
        createAppearanceStore(env);
        assert.deepEqual(booted, root, `stored ${stored}, system ${systemDark ? 'dark' : 'light'}, size ${size}`);
      }
    }
  }
});
