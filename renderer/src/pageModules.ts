// Each page's code, one chunk per page (docs/app.md, "Lean delivery"), loaded once and kept. The first
// route's chunk is asked for as the bundle starts (main.tsx), beside the session and the page's data, not
// after them; and the app shows a page only once its chunk is in (usePageCode), so React never suspends on
// it: a Suspense boundary that showed its fallback reveals its content no sooner than 300 ms later (React's
// throttle on retries), which alone put the answer band past its target (docs/performance.md, bench:ui).
import { lazy, useEffect, useState, type ComponentType } from 'react';
import type { Route } from './logic/routes.js';

const LOADERS = {
  incidents: () => import('./pages/IncidentsPage.js'), edit: () => import('./pages/EditIncidentPage.js'), analysis: () => import('./pages/AnalysisPage.js'),
  briefing: () => import('./pages/BriefingPage.js'), settings: () => import('./pages/SettingsPage.js'), device: () => import('./pages/DeviceHealthPage.js'),
  models: () => import('./pages/ModelsPage.js'),
};
export type PageName = keyof typeof LOADERS;
type PageModule<K extends PageName> = Awaited<ReturnType<(typeof LOADERS)[K]>>;

/** The chunk that draws a route: the form of a new incident is the edit page. */
export function pageOf(page: Route['page']): PageName {
  return page === 'new' ? 'edit' : page;
}

const loaded = new Map<PageName, unknown>();
const loading = new Map<PageName, Promise<unknown>>();

/** The page's module, fetched once; a failed fetch is forgotten so the next call tries again. */
export function loadPage<K extends PageName>(name: K): Promise<PageModule<K>> {
  let pending = loading.get(name) as Promise<PageModule<K>> | undefined;
  if (!pending) {
    pending = LOADERS[name]().then(
      (module) => { loaded.set(name, module); return module as PageModule<K>; },
      (err: unknown) => { loading.delete(name); throw err; },
    );
    loading.set(name, pending);
  }
  return pending;
}

/** Every page's code (the app fetches them once the first page is up). */
export function loadAllPages(): Promise<unknown[]> {
  return Promise.all((Object.keys(LOADERS) as PageName[]).map((name) => loadPage(name)));
}

/**
 * A lazily loaded page component. When its chunk is already in, the load answers at once (a thenable that
 * calls back synchronously, which React.lazy accepts), so the first render of the page does not suspend.
 */
export function lazyPage<K extends PageName, P extends object>(name: K, pick: (module: PageModule<K>) => ComponentType<P>): ComponentType<P> {
  return lazy(() => {
    const module = loaded.get(name) as PageModule<K> | undefined;
    if (!module) return loadPage(name).then((m) => ({ default: pick(m) }));
    const ready = { default: pick(module) };
    // React.lazy types its loader as a Promise but reads it as a thenable (then with two callbacks).
    return { then: (onLoaded: (value: typeof ready) => void) => { onLoaded(ready); } } as unknown as Promise<typeof ready>;
  });
}

/**
 * True once the page's chunk is in, or its fetch failed (the lazy page then tries again and its boundary
 * shows the failure with a retry): until then the app shows "loading" instead of a Suspense fallback.
 */
export function usePageCode(name: PageName): boolean {
  const [settled, setSettled] = useState<PageName | null>(null);
  useEffect(() => {
    let current = true;
    const settle = () => { if (current) setSettled(name); };
    loadPage(name).then(settle, settle);
    return () => { current = false; };
  }, [name]);
  return loaded.has(name) || settled === name;
}
