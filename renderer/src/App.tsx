import { useCallback, useEffect, useState } from 'react';
import type { IncidentInput, Sensor } from '../../engine/contract/incident.js';
import { OPERATOR_PAGES, parseRoute, routeHash, VIEWER_HOME, type Route } from './logic/routes.js';
import type { AnalyzeChoice, EngineTransport, StoredRun } from './transport/engineTransport.js';
import type { LiveAnalysis } from './pages/AnalysisPage.js';
import { useT } from './i18n/i18n.js';
import type { MessageKey } from './i18n/locales/zh.js';
import { ThemeSelect } from './components/AppearanceControls.js';
import { useEngineConnection } from './components/useEngineConnection.js';
import { OfflineBanner } from './components/OfflineBanner.js';
import { PanelBoundary } from './components/PanelBoundary.js';
import { ErrorNotice } from './components/ErrorNotice.js';
import { LiveRegion } from './components/LiveRegion.js';
import { PageFrame, SkipLink } from './components/PageFrame.js';
import { draftKey } from './logic/draftKey.js';
import { useAlertNotifications } from './components/useAlertNotifications.js';
import { useAccess } from './components/useAccess.js';
import { ViewerBanner, ViewerOnlyPage } from './components/ViewerNotice.js';
import { lazyPage, loadAllPages, pageOf, usePageCode } from './pageModules.js';
import { loadReplySchemas } from './transport/replySchemas.js';

// One chunk per page (docs/app.md, "Lean delivery"): the first page loads only its own code, and uPlot
// comes only with the pages that chart. Shown once their chunk is in (pageModules.ts).
const IncidentsPage = lazyPage('incidents', (m) => m.IncidentsPage);
const EditIncidentPage = lazyPage('edit', (m) => m.EditIncidentPage);
const AnalysisPage = lazyPage('analysis', (m) => m.AnalysisPage);
const BriefingPage = lazyPage('briefing', (m) => m.BriefingPage);
const SettingsPage = lazyPage('settings', (m) => m.SettingsPage);
const DeviceHealthPage = lazyPage('device', (m) => m.DeviceHealthPage);
const ModelsPage = lazyPage('models', (m) => m.ModelsPage);

/** Every page's code and the analysis replies' schemas (replySchemas.ts), fetched once the first page is up:
 *  later navigation then never waits on (or fails for) the network; in browser mode the engine that serves
 *  the bundle may be the very thing that is down. */
function preloadPages(): void {
  // A failure here is retried by the page's own lazy load when it is opened. `data-pages-loaded` on <html>
  // says when every page is in (tests that stop the engine wait for it).
  void Promise.all([loadAllPages(), loadReplySchemas()])
    .then(() => { document.documentElement.dataset.pagesLoaded = 'true'; }, () => {});
}

/** The window title names the page, in the UI language. */
const PAGE_TITLE: Record<Route['page'], MessageKey> = {
  incidents: 'nav.incidents', new: 'nav.new', analysis: 'analysis.title', briefing: 'briefing.title', settings: 'settings.title', device: 'device.title', models: 'models.title',
};

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

export function App({ transport }: { transport: EngineTransport }) {
  const { t, language, setLanguage } = useT();
  const route = useRoute();
  const connection = useEngineConnection(transport);
  useAlertNotifications(transport);
  // The viewer token reads device health only: its UI leaves out what it may not read (docs/app.md#read-only-viewer).
  const access = useAccess(transport, connection.reconnects);
  const viewer = access === 'viewer';
  const operatorPage = OPERATOR_PAGES.has(route.page);
  const pageAllowed = !operatorPage || access === 'operator' || access === 'unknown';
  const pageCode = usePageCode(pageOf(route.page));
  useEffect(() => {
    if (viewer && route.page === 'incidents') window.location.replace(routeHash(VIEWER_HOME));
  }, [viewer, route.page]);
  useEffect(() => {
    // Two seconds in, when idle: after the first page has drawn, so its own load is not slowed (bench:ui).
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 0));
    const timer = window.setTimeout(() => idle(preloadPages), 2000);
    return () => window.clearTimeout(timer);
  }, []);
  const [live, setLive] = useState<LiveAnalysis | null>(null);
  const [editing, setEditing] = useState<StoredRun | null>(null);
  const [editingError, setEditingError] = useState<{ error: unknown; retry: () => void } | null>(null);

  useEffect(() => {
    setEditing(null);
    setEditingError(null);
    const load = (runId: string) => transport.run(runId).then(setEditing, (error: unknown) => setEditingError({ error, retry: () => { setEditingError(null); load(runId); } }));
    if (route.page === 'new' && route.fromRunId) load(route.fromRunId);
  }, [transport, route]);

  // Settles when the engine has accepted the incident (its first progress or its result): only then does
  // the page move to the live analysis, so a refused or unsent report stays on the form with its draft.
  const analyse = useCallback((incident: IncidentInput, options: AnalyzeChoice = {}): Promise<void> => new Promise((accepted, refused) => {
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      setLive({ events: [], sensors: (incident.sensors ?? []) as Sensor[], startedAtMs: Date.now(), retry: () => { analyse(incident, options).catch((error: unknown) => setLive((s) => (s ? { ...s, error } : s))); } });
      window.location.hash = routeHash({ page: 'analysis', id: 'live' });
      accepted();
    };
    transport.analyze(incident, (event) => { start(); setLive((s) => (s ? { ...s, events: [...s.events, event] } : s)); }, options)
      .then((result) => { start(); setLive((s) => (s ? { ...s, result } : s)); })
      .catch((error: unknown) => { if (started) setLive((s) => (s ? { ...s, error } : s)); else refused(error); });
  }), [transport]);

  const status = connection.pill;
  // Each address gets a fresh page boundary, and a page is mounted afresh when the engine comes back so it
  // reloads its data (not the form: its state is the report being typed).
  // The workspace keeps one boundary across its addresses: a finished live analysis moving to its stored
  // address must not remount the page (it would lose what it is announcing).
  const pageKey = route.page === 'new' ? routeHash(route) : `${route.page === 'analysis' ? 'analysis' : routeHash(route)}-${connection.reconnects}`;
  return (
    <>
      <SkipLink label={t('app.skip')} />
      <header className="topbar no-print">
        {/* The tagline gives way on laptop widths so the bar stays one row (docs/app.md, "The pages"). */}
        <strong className="brand">{t('app.name')}<span className="brand-tagline"> {t('app.tagline')}</span></strong>
        <nav aria-label={t('nav.label')}>
          {!viewer && <a href={routeHash({ page: 'incidents' })} aria-current={route.page === 'incidents' ? 'page' : undefined} data-testid="nav-incidents">{t('nav.incidents')}</a>}
          {!viewer && <a href={routeHash({ page: 'new' })} aria-current={route.page === 'new' ? 'page' : undefined} data-testid="nav-new">{t('nav.new')}</a>}
          <a href={routeHash({ page: 'device' })} aria-current={route.page === 'device' ? 'page' : undefined} data-testid="nav-device">{t('nav.device')}</a>
          <a href={routeHash({ page: 'models' })} aria-current={route.page === 'models' ? 'page' : undefined} data-testid="nav-models">{t('nav.models')}</a>
          <a href={routeHash({ page: 'settings' })} aria-current={route.page === 'settings' ? 'page' : undefined}>{t('nav.settings')}</a>
        </nav>
        {/* One group, so where the bar must wrap (large text on a laptop) the three move to a row together. */}
        <div className="topbar-tools">
          <span className={`engine-status engine-${status}`} role="status" data-testid="engine-status">{t(`engine.${status}`)}</span>
          <ThemeSelect compact />
          <button type="button" onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')} lang={language === 'zh' ? 'en' : 'zh-CN'} data-testid="language-toggle">{t('lang.switch')}</button>
        </div>
      </header>
      {viewer && <ViewerBanner />}
      {connection.offline && <OfflineBanner retryAtMs={connection.offline.retryAtMs} onRetryNow={connection.retryNow} />}
      <PageFrame routeKey={routeHash(route)} title={t('a11y.documentTitle', { page: t(PAGE_TITLE[route.page]) })} loading={t('common.loading')}>
        {/* Inside the frame's Suspense: a page chunk that fails to load is caught here, with a retry. */}
        <PanelBoundary key={pageKey} name={route.page}>
          {operatorPage && viewer && <ViewerOnlyPage />}
          {/* An incident page waits for the token's answer, so a viewer never sees it fail first; every page
              waits for its chunk here rather than in Suspense (pageModules.ts says why). */}
          {((operatorPage && access === 'pending') || (pageAllowed && !pageCode)) && <p className="muted">{t('common.loading')}</p>}
          {pageAllowed && pageCode && <>
            {route.page === 'incidents' && <IncidentsPage transport={transport} />}
            {route.page === 'new' && editingError && <ErrorNotice error={editingError.error} onRetry={editingError.retry} />}
            {route.page === 'new' && (!route.fromRunId || editing) && (
              <EditIncidentPage key={editing?.run.runId ?? 'new'} initial={editing?.incident as IncidentInput | undefined}
                draftKey={draftKey(editing?.run.runId ?? null)} incidentModels={editing?.incidentModels} onSubmit={analyse} />
            )}
            {route.page === 'analysis' && <AnalysisPage transport={transport} id={route.id} live={route.id === 'live' || (live?.result?.runId !== undefined && live.result.runId === route.id) ? live : null} />}
            {route.page === 'briefing' && <BriefingPage transport={transport} id={route.id} />}
            {route.page === 'settings' && <SettingsPage transport={transport} />}
            {route.page === 'device' && <DeviceHealthPage transport={transport} />}
            {route.page === 'models' && <ModelsPage transport={transport} />}
          </>}
        </PanelBoundary>
      </PageFrame>
      <LiveRegion />
    </>
  );
}
