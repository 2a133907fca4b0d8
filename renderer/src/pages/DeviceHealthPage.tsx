// The device-health dashboard (docs/device-health.md, "Dashboard"): refreshes every second, and only
// while the page is visible, so a hidden window costs the engine nothing.
import { useCallback, useEffect, useState } from 'react';
import type { DeviceHealth } from '../../../engine/contract/deviceHealth.js';
import type { AlertsView } from '../../../engine/contract/alerts.js';
import type { EngineTransport } from '../transport/engineTransport.js';
import { DEFAULT_RANGE, MAIN_METRICS, RANGES_MS, type HistoryPoint, type MainMetric, type RangeName } from '../logic/deviceHealth.js';
import { AlertList, EnginePanel, LatestValues, MetricChart, PowerPanel, RangeButtons } from '../components/DeviceHealthPanels.js';
import { useT } from '../i18n/i18n.js';
import { ErrorNotice } from '../components/ErrorNotice.js';

const REFRESH_MS = 1000;
/** Long ranges change slowly (minute and hour tiers): their history is re-read every 30 refreshes. */
const SLOW_HISTORY_EVERY = 30;

/** Calls `tick` every `ms` while the document is visible (and once when it becomes visible). */
function useVisibleInterval(tick: (n: number) => void, ms: number): void {
  useEffect(() => {
    let n = 0;
    let timer: ReturnType<typeof setInterval> | undefined;
    const run = () => { tick(n++); };
    const sync = () => {
      clearInterval(timer);
      timer = undefined;
      if (document.visibilityState === 'visible') { run(); timer = setInterval(run, ms); }
    };
    sync();
    document.addEventListener('visibilitychange', sync);
    return () => { clearInterval(timer); document.removeEventListener('visibilitychange', sync); };
  }, [tick, ms]);
}

export function DeviceHealthPage({ transport }: { transport: EngineTransport }) {
  const { t } = useT();
  const [health, setHealth] = useState<DeviceHealth | null>(null);
  const [alerts, setAlerts] = useState<AlertsView | null>(null);
  const [range, setRange] = useState<RangeName>(DEFAULT_RANGE);
  const [history, setHistory] = useState<Partial<Record<MainMetric, HistoryPoint[]>>>({});
  const [canOperate, setCanOperate] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // The operator may silence and acknowledge; the viewer token's session says so (components/useAccess.ts).
  useEffect(() => { transport.call('session', {}).then((s) => setCanOperate(s.access === 'operator'), () => setCanOperate(false)); }, [transport]);

  const tick = useCallback((n: number) => {
    transport.call('deviceHealth', {}).then((h) => { setHealth(h); setError(null); }, setError);
    transport.call('alerts', {}).then(setAlerts, () => setAlerts(null));
    if (range !== '5m' && n % SLOW_HISTORY_EVERY !== 0) return;
    const toMs = Date.now();
    for (const metric of MAIN_METRICS) {
      transport.call('deviceHistory', { metric, fromMs: toMs - RANGES_MS[range], toMs })
        .then((h) => setHistory((old) => ({ ...old, [metric]: h.points })), () => {});
    }
  }, [transport, range]);
  useVisibleInterval(tick, REFRESH_MS);

  const refreshAlerts = () => transport.call('alerts', {}).then(setAlerts, () => {});
  return (
    <section aria-labelledby="device-title" className="device-page">
      <h1 id="device-title">{t('device.title')}</h1>
      {/* No retry button: the page asks again every second. */}
      {error !== null && <ErrorNotice error={error} testId="device-error" />}
      <PowerPanel power={health?.power} />
      <h2>{t('device.latest')}</h2>
      <LatestValues health={health} />
      <h2>{t('device.alerts')}</h2>
      <AlertList alerts={alerts?.alerts ?? []} monitoring={alerts?.monitoring ?? true} canOperate={canOperate}
        onSilence={(a) => { void transport.call('silenceAlert', { silence: { key: a.key } }).then(refreshAlerts, setError); }}
        onAcknowledge={(a) => { void transport.call('acknowledgeAlert', { key: a.key }).then(refreshAlerts, setError); }} />
      <h2>{t('device.history')}</h2>
      <RangeButtons range={range} onRange={(r) => { setRange(r); setHistory({}); }} />
      <div className="device-charts">
        {MAIN_METRICS.map((metric) => (
          <MetricChart key={metric} metric={metric} points={history[metric] ?? []} available={health?.capabilities[metric] !== 'not-available'} />
        ))}
      </div>
      <h2>{t('device.engine')}</h2>
      <EnginePanel health={health} />
    </section>
  );
}
