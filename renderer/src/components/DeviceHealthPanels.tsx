// The device-health page's panels (docs/device-health.md, "Dashboard"): latest values, one chart per
// main metric, the alert list with its operator buttons, and the engine's own figures. Plain props, so
// they render under Node in tests; the page (pages/DeviceHealthPage.tsx) fetches and refreshes.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import { timeAxisLabels } from '../logic/timeAxis.js';
import type { DeviceHealth } from '../../../engine/contract/deviceHealth.js';
import type { AlertItem } from '../../../engine/contract/alerts.js';
import { chartData, formatMetric, MAIN_METRICS, megabytes, RANGES_MS, type HistoryPoint, type MainMetric, type RangeName } from '../logic/deviceHealth.js';
import { alertText, durationText, type AlertTextPart } from '../../../engine/contract/alertWords.js';
import { useT } from '../i18n/i18n.js';
import { useAppearance } from '../appearance/appearance.js';
import { chartColours, themedAxis } from '../appearance/chartColours.js';

export function LatestValues({ health }: { health: DeviceHealth | null }) {
  const { t } = useT();
  return (
    <dl className="device-latest" data-testid="device-latest">
      {MAIN_METRICS.map((metric) => {
        const shown = formatMetric(metric, health?.latest?.values[metric]);
        return (
          <div key={metric} data-testid={`latest-${metric}`} data-available={shown !== null}>
            <dt>{t(`device.metric.${metric}`)}</dt>
            <dd className={shown === null ? 'muted' : undefined}>{shown ?? t('device.notAvailable')}</dd>
          </div>
        );
      })}
    </dl>
  );
}

export function MetricChart({ metric, points, available }: { metric: MainMetric; points: readonly HistoryPoint[]; available: boolean }) {
  const { t } = useT();
  const { theme, textSize } = useAppearance();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current || !available) return;
    const colours = chartColours();
    const axis = themedAxis(colours);
    const plot = new uPlot({
      width: 460, height: 160,
      series: [{}, { label: t(`device.metric.${metric}`), stroke: colours.series, width: 2, fill: colours.seriesFill, points: { fill: colours.pointFill } }],
      scales: metric === 'safe_temperature_celsius' ? {} : { y: { range: [0, 100] } },
      axes: [{ ...axis, values: (u: uPlot, ticks: number[]) => timeAxisLabels(ticks, (u.scales.x?.max ?? 0) - (u.scales.x?.min ?? 0)) }, { ...axis, values: (_u, ticks) => ticks.map((v) => (metric === 'safe_temperature_celsius' ? `${v}°C` : `${v}%`)) }],
      legend: { show: false },
    }, chartData(metric, points), host.current);
    return () => plot.destroy();
  }, [metric, points, available, t, theme, textSize]);
  return (
    <figure className="device-chart" data-testid={`chart-${metric}`}>
      <figcaption><strong>{t(`device.metric.${metric}`)}</strong>{!available && <> · <span className="muted">{t('device.notAvailable')}</span></>}</figcaption>
      {available && <div ref={host} />}
    </figure>
  );
}

export function RangeButtons({ range, onRange }: { range: RangeName; onRange: (r: RangeName) => void }) {
  const { t } = useT();
  return (
    <div className="range-buttons" role="group" aria-label={t('device.range')}>
      {(Object.keys(RANGES_MS) as RangeName[]).map((r) => (
        <button key={r} type="button" aria-pressed={r === range} onClick={() => onRange(r)} data-testid={`range-${r}`}>{t(`device.range.${r}`)}</button>
      ))}
    </div>
  );
}

export function AlertList({ alerts, canOperate, monitoring, onSilence, onAcknowledge }: {
  alerts: readonly AlertItem[]; canOperate: boolean; monitoring: boolean;
  onSilence: (alert: AlertItem) => void; onAcknowledge: (alert: AlertItem) => void;
}) {
  const { t, language } = useT();
  const description = (a: AlertItem) => {
    const parts = alertText(a, 'description', language);
    return parts && <p className="alert-description muted" data-testid="alert-description"><AlertWords parts={parts} /></p>;
  };
  if (!monitoring) return <p className="muted" data-testid="alerts-off">{t('device.monitoringOff')}</p>;
  if (alerts.length === 0) return <p data-testid="alerts-none">{t('device.alerts.none')}</p>;
  return (
    <ul className="alert-list" data-testid="alert-list">
      {alerts.map((a) => (
        <li key={a.key} className={`alert-item alert-${a.severity}`} data-state={a.state}>
          <strong className={a.severity === 'critical' ? 'alert' : a.severity === 'warning' ? 'warn' : undefined}>{t(`device.severity.${a.severity}`)}</strong>
          {' · '}{t(`device.state.${a.state}`)}
          {' · '}<AlertWords parts={alertText(a, 'summary', language) ?? []} />
          {' · '}<time dateTime={new Date(a.sinceMs).toISOString()}>{t('device.since', { time: new Date(a.sinceMs).toLocaleTimeString(language === 'zh' ? 'zh-CN' : 'en-GB') })}</time>
          {a.silenced && <> · <span className="muted">{t('device.silenced')}</span></>}
          {a.acknowledged && <> · <span className="muted">{t('device.acknowledged', { by: a.acknowledged.by })}</span></>}
          {' '}
          <button type="button" disabled={!canOperate || a.silenced || a.state === 'resolved'} title={canOperate ? undefined : t('device.operatorOnly')} onClick={() => onSilence(a)} data-testid="silence">{t('device.silence1h')}</button>
          {' '}
          <button type="button" disabled={!canOperate || a.acknowledged !== null || a.state === 'resolved'} title={canOperate ? undefined : t('device.operatorOnly')} onClick={() => onAcknowledge(a)} data-testid="acknowledge">{t('device.acknowledge')}</button>
          {description(a)}
        </li>
      ))}
    </ul>
  );
}

/** An alert's words, the names the machine gave (a mount, a sensor, a model id) as code. */
function AlertWords({ parts }: { parts: readonly AlertTextPart[] }) {
  return <span className="alert-text">{parts.map((p, i) => (typeof p === 'string' ? p : <code key={i}>{p.code}</code>))}</span>;
}

export function EnginePanel({ health }: { health: DeviceHealth | null }) {
  const { t, language } = useT();
  const p99 = health?.engine.eventLoopDelayP99Ms;
  return (
    <dl className="device-engine" data-testid="device-engine">
      <dt>{t('device.engine.loopP99')}</dt><dd>{p99 === null || p99 === undefined ? t('device.notYet') : durationText(p99 / 1000, language)}</dd>
      <dt>{t('device.engine.rss')}</dt><dd>{health ? megabytes(health.engine.rssBytes) : '—'}</dd>
      {health?.lastError && <><dt>{t('device.engine.lastError')}</dt><dd className="alert">{health.lastError}</dd></>}
    </dl>
  );
}

/** Power and heat step-down (docs/device-health.md#power-and-heat): what background work does now and why.
 *  Nothing on an engine that samples nothing (the alert list already says so). */
export function PowerPanel({ power }: { power: DeviceHealth['power'] | undefined }) {
  const { t, language } = useT();
  if (!power) return null;
  const time = (ms: number) => new Date(ms).toLocaleTimeString(language === 'zh' ? 'zh-CN' : 'en-GB');
  if (power.mode === 'normal') return <p className="power-state" data-testid="power-state" data-mode="normal">{t('power.normal')}</p>;
  const reasons = power.reasons.map((r) => t(`power.reason.${r}`)).join(t('power.listSeparator'));
  return (
    <div className="power-state power-stepped-down" role="status" data-testid="power-state" data-mode="stepped-down">
      <p><strong className="warn">{t('power.steppedDown', { time: time(power.sinceMs ?? 0) })}</strong>{reasons && <>{' · '}{reasons}</>}</p>
      <ul>
        <li>{t('power.batch', { n: power.batchSlots ?? 0 })}</li>
        <li>{power.ensembleMembers === null ? t('power.ensembleFull') : t('power.ensembleReduced', { n: power.ensembleMembers })}</li>
        {power.deferred.length > 0 && <li>{t('power.deferred', { work: power.deferred.map((w) => t(`power.work.${w}`)).join(t('power.listSeparator')) })}</li>}
        <li>{t('power.interactive')}</li>
        <li>{power.stepUpAtMs === null ? t('power.stepUpWhenQuiet') : t('power.stepUpAt', { time: time(power.stepUpAtMs) })}</li>
      </ul>
    </div>
  );
}
