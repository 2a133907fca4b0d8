// "Engine not reachable, retrying in N s" with a retry-now button (components/useEngineConnection.ts
// drives it). Only the first line is announced: a countdown in a live region would speak every second.
import { useEffect, useState } from 'react';
import { secondsUntil } from '../logic/reconnect.js';
import { useT } from '../i18n/i18n.js';

export function OfflineBanner({ retryAtMs, onRetryNow }: { retryAtMs: number | null; onRetryNow: () => void }) {
  const { t } = useT();
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    setNowMs(Date.now());
    const timer = setInterval(() => setNowMs(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [retryAtMs]);
  return (
    <div className="offline-banner no-print" data-testid="offline-banner">
      <p role="alert"><strong>{t('offline.title')}</strong> {t('offline.kept')}</p>
      <p data-testid="offline-countdown">{retryAtMs === null ? t('offline.retrying') : t('offline.retryIn', { s: secondsUntil(retryAtMs, nowMs) })}</p>
      <button type="button" onClick={onRetryNow} disabled={retryAtMs === null} data-testid="offline-retry-now">{t('offline.retryNow')}</button>
    </div>
  );
}
