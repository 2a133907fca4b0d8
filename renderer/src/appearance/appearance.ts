// The page's one appearance store (logic/theme.ts) and the hook components read it through.
import { useSyncExternalStore } from 'react';
import { createAppearanceStore, DARK_QUERY, type Appearance, type AppearanceStore } from '../logic/theme.js';

let store: AppearanceStore | null = null;
/** Before initAppearance (components rendered under Node in tests): the light palette, normal text. */
const STATIC: Appearance = { preference: 'system', theme: 'light', textSize: 'normal' };

/** Called by main.tsx before the first render. public/theme-boot.js has already put the stored palette on
 *  <html> before the first paint; from here on this store keeps it current. */
export function initAppearance(win: Window): AppearanceStore {
  store?.dispose();
  store = createAppearanceStore({
    storage: win.localStorage,
    darkQuery: typeof win.matchMedia === 'function' ? win.matchMedia(DARK_QUERY) : null,
    root: win.document.documentElement,
  });
  return store;
}

const subscribe = (listener: () => void) => store?.subscribe(listener) ?? (() => undefined);
const snapshot = () => store?.get() ?? STATIC;

export function useAppearance(): Appearance & Pick<AppearanceStore, 'setPreference' | 'setTextSize'> {
  const appearance = useSyncExternalStore(subscribe, snapshot, snapshot);
  return {
    ...appearance,
    setPreference: (preference) => store?.setPreference(preference),
    setTextSize: (size) => store?.setTextSize(size),
  };
}
