import { useCallback, useEffect, useState } from 'react';
import type { IncidentInput, Sensor } from '../../engine/contract/incident.js';
import { parseRoute, routeHash, type Route } from './logic/routes.js';
import type { AnalyzeChoice, EngineTransport, Health, StoredRun } from './transport/engineTransport.js';
import type { EngineStatus } from '../../engine/contract/ipc.js';
import { EngineError } from './transport/engineTransport.js';
import { IncidentsPage } from './pages/IncidentsPage.js';
import { EditIncidentPage } from './pages/EditIncidentPage.js';
import { AnalysisPage, type LiveAnalysis } from './pages/AnalysisPage.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { DeviceHealthPage } from './pages/DeviceHealthPage.js';
import { ModelsPage } from './pages/ModelsPage.js';
import { useT } from './i18n/i18n.js';

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
  const [health, setHealth] = useState<Health | null>(null);
  const [processState, setProcessState] = useState<EngineStatus['state'] | null>(null);
  const [live, setLive] = useState<LiveAnalysis | null>(null);
  const [editing, setEditing] = useState<StoredRun | null>(null);

  useEffect(() => {
    const check = () => transport.health().then(setHealth, () => setHealth(null));
    void check();
    const timer = setInterval(check, 10_000);
    // In the desktop app the supervisor tells us at once when the engine restarts or fails.
    const unsubscribe = transport.onEngineStatus?.((status) => { setProcessState(status.state); if (status.state === 'ready') void check(); });
    return () => { clearInterval(timer); unsubscribe?.(); };
  }, [transport]);

  useEffect(() => {
    setEditing(null);
    if (route.page === 'new' && route.fromRunId) transport.run(route.fromRunId).then(setEditing, () => setEditing(null));
  }, [transport, route]);

  const analyse = useCallback((incident: IncidentInput, options: AnalyzeChoice = {}) => {
    const session: LiveAnalysis = { events: [], sensors: (incident.sensors ?? []) as Sensor[] };
    setLive(session);
    window.location.hash = routeHash({ page: 'analysis', id: 'live' });
    transport.analyze(incident, (event) => setLive((s) => (s ? { ...s, events: [...s.events, event] } : s)), options)
      .then((result) => setLive((s) => (s ? { ...s, result } : s)))
      .catch((err: unknown) => setLive((s) => (s ? { ...s, error: err instanceof EngineError ? `${err.body.code}: ${err.body.message}` : String(err) } : s)));
  }, [transport]);

  const status = processState === 'restarting' || processState === 'failed' ? processState : health ? (health.status === 'ok' ? 'ok' : 'degraded') : 'down';
  return (
    <>
      <a className="skip" href="#main">{t('app.skip')}</a>
      <header className="topbar no-print">
        <strong className="brand">{t('app.title')}</strong>
        <nav aria-label={t('nav.label')}>
          <a href={routeHash({ page: 'incidents' })} aria-current={route.page === 'incidents' ? 'page' : undefined}>{t('nav.incidents')}</a>
          <a href={routeHash({ page: 'new' })} aria-current={route.page === 'new' ? 'page' : undefined} data-testid="nav-new">{t('nav.new')}</a>
          <a href={routeHash({ page: 'device' })} aria-current={route.page === 'device' ? 'page' : undefined} data-testid="nav-device">{t('nav.device')}</a>
          <a href={routeHash({ page: 'models' })} aria-current={route.page === 'models' ? 'page' : undefined} data-testid="nav-models">{t('nav.models')}</a>
          <a href={routeHash({ page: 'settings' })} aria-current={route.page === 'settings' ? 'page' : undefined}>{t('nav.settings')}</a>
        </nav>
        <span className={`engine-status engine-${status}`} role="status" data-testid="engine-status">{t(`engine.${status}`)}</span>
        <button type="button" onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')} data-testid="language-toggle">{t('lang.switch')}</button>
      </header>
      <main id="main" tabIndex={-1}>
        {route.page === 'incidents' && <IncidentsPage transport={transport} />}
        {route.page === 'new' && (!route.fromRunId || editing) && (
          <EditIncidentPage key={editing?.run.runId ?? 'new'} initial={editing?.incident as IncidentInput | undefined} incidentModels={editing?.incidentModels} onSubmit={analyse} />
        )}
        {route.page === 'analysis' && <AnalysisPage transport={transport} id={route.id} live={route.id === 'live' ? live : null} />}
        {route.page === 'settings' && <SettingsPage transport={transport} />}
        {route.page === 'device' && <DeviceHealthPage transport={transport} />}
        {route.page === 'models' && <ModelsPage transport={transport} />}
      </main>
    </>
  );
}
