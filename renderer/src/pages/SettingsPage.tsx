import { useEffect, useState } from 'react';
import type { About, EngineTransport, Health, ModelInfo } from '../transport/engineTransport.js';
import { useT } from '../i18n/i18n.js';
import { modelName } from '../logic/modelNames.js';
import { TextSizeSelect, ThemeSelect } from '../components/AppearanceControls.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { notifyAlertsOn, setNotifyAlerts } from '../logic/alertNotifications.js';

/** Browser mode's toggle for alert notifications (the desktop app always shows native ones): asks the
 *  browser's permission when turned on, and says so when the browser refuses or cannot. */
function AlertNotificationsToggle() {
  const { t } = useT();
  const supported = typeof Notification !== 'undefined';
  const [on, setOn] = useState(() => supported && notifyAlertsOn(localStorage));
  const [permission, setPermission] = useState(() => (supported ? Notification.permission : 'denied'));
  const change = (wanted: boolean) => {
    setNotifyAlerts(localStorage, wanted);
    setOn(wanted);
    if (wanted && Notification.permission === 'default') void Notification.requestPermission().then(setPermission);
  };
  return (
    <section aria-labelledby="settings-notifications" data-testid="settings-notifications">
      <h2 id="settings-notifications">{t('settings.notifications')}</h2>
      <label>
        <input type="checkbox" checked={on} disabled={!supported} onChange={(e) => change(e.target.checked)} data-testid="notify-alerts" />
        {' '}{t('settings.notifications.alerts')}
      </label>
      {!supported && <p className="muted">{t('settings.notifications.unsupported')}</p>}
      {supported && on && permission === 'denied' && <p className="warn">{t('settings.notifications.denied')}</p>}
    </section>
  );
}

export function SettingsPage({ transport }: { transport: EngineTransport }) {
  const { t, language, setLanguage } = useT();
  const [health, setHealth] = useState<Health | null>(null);
  const [models, setModels] = useState<ModelInfo[]>([]);
  const [about, setAbout] = useState<About | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    setError(null);
    transport.health().then(setHealth, () => setHealth(null));
    transport.models().then(setModels, (err: unknown) => { setModels([]); setError(err); });
    transport.about().then(setAbout, () => setAbout(null));
  }, [transport, attempt]);
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      {error !== null && <ErrorNotice error={error} onRetry={() => setAttempt((n) => n + 1)} testId="settings-error" />}
      <label className="field"><span>{t('settings.language')}</span>
        <select value={language} onChange={(e) => setLanguage(e.target.value as 'zh' | 'en')} data-testid="language-select">
          <option value="zh">中文</option><option value="en">English</option>
        </select>
      </label>
      <ThemeSelect />
      <p className="muted">{t('theme.nightHint')}</p>
      <TextSizeSelect />
      <h2>{t('settings.engine')}</h2>
      <dl>
        <dt>{t('settings.engine')}</dt><dd>{health ? t(health.status === 'ok' ? 'engine.ok' : 'engine.degraded') : t('engine.down')}</dd>
        <dt>{t('settings.version')}</dt><dd>{health?.version ?? '—'}</dd>
        <dt>{t('settings.workers')}</dt><dd>{health?.workers ?? '—'}</dd>
        <dt>{t('settings.dataDir')}</dt><dd>{about?.dataDir ?? t('settings.dataDirBrowser')}</dd>
      </dl>
      {transport.kind === 'http' && about && (
        // Served to a browser: the certificate to check before typing the token (docs/hardening.md#lan).
        <section aria-labelledby="settings-connection" data-testid="settings-connection">
          <h2 id="settings-connection">{t('settings.connection')}</h2>
          {about.tls ? (
            <dl>
              <dt>{t('settings.tlsFingerprint')}</dt><dd><code className="fingerprint" data-testid="tls-fingerprint">{about.tls.fingerprintSha256}</code></dd>
            </dl>
          ) : <p>{t('settings.tlsOff')}</p>}
          {about.tls && <p className="muted">{t('settings.tlsHint')}</p>}
        </section>
      )}
      {transport.kind === 'http' && <AlertNotificationsToggle />}
      {health && health.problems.length > 0 && (
        <div data-testid="health-problems">
          {health.problems.map((p) => <ErrorNotice key={p.key} error={p} testId={`health-problem-${p.key}`} />)}
        </div>
      )}
      <h2>{t('settings.models')}</h2>
      <table>
        <thead><tr><th>{t('settings.model')}</th><th>{t('settings.modelVersion')}</th><th>sha256</th><th>{t('settings.verified')}</th><th>{t('settings.accuracy')}</th></tr></thead>
        <tbody>{models.map((m) => (
          <tr key={`${m.name}-${m.version}`}><td>{modelName(m.name, language)} <code>{m.name}</code></td><td>{m.version}{m.variant !== 'fp32' ? ` (${m.variant})` : ''}</td><td><code>{m.sha256.slice(0, 16)}…</code></td>
            <td>{m.verified ? t('settings.yes') : t('settings.no')}</td><td>{m.heldOutAccuracy !== null ? `${(m.heldOutAccuracy * 100).toFixed(1)} %` : '—'}</td></tr>
        ))}</tbody>
      </table>
    </section>
  );
}
