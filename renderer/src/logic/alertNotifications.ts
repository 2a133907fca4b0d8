// Browser mode's notifications for firing device alerts (docs/alerts.md, "Desktop notifications"): off
// unless the Settings toggle is on and the browser allows them. The desktop app's main process shows native
// ones instead (electron/app/alertNotifier.ts); both pick the firings with engine/contract/alertNotifications.ts.
import type { AlertItem } from '../../../engine/contract/alerts.js';
import { bySeverity } from '../../../engine/contract/alertNotifications.js';
import type { MessageKey } from '../i18n/locales/zh.js';
import { alertPlainText, alertText } from '../../../engine/contract/alertWords.js';

/** Kept beside the language and theme. */
export const NOTIFY_ALERTS_KEY = 'safe-edge-notify-alerts';
/** How often the alerts are read while the toggle is on. */
export const ALERT_POLL_MS = 5000;

export interface ToggleStorage { getItem(key: string): string | null; setItem(key: string, value: string): void }

export function notifyAlertsOn(storage: ToggleStorage): boolean {
  try { return storage.getItem(NOTIFY_ALERTS_KEY) === 'on'; } catch { return false; }
}

export function setNotifyAlerts(storage: ToggleStorage, on: boolean): void {
  try { storage.setItem(NOTIFY_ALERTS_KEY, on ? 'on' : 'off'); } catch { /* private mode: the toggle lasts this page */ }
}

/** The notice for the firings new at one poll, in the page's language: the most severe, and how many more. */
export function browserAlertNotice(alerts: readonly AlertItem[], language: 'zh' | 'en', t: (key: MessageKey, params?: Record<string, unknown>) => string): { title: string; body: string } | null {
  const [first, ...rest] = bySeverity(alerts);
  if (!first) return null;
  const summary = alertPlainText(alertText(first, 'summary', language) ?? []);
  return {
    title: t('notify.firing.title', { severity: t(`device.severity.${first.severity}`) }),
    body: rest.length ? t('notify.firing.more', { summary, n: rest.length }) : summary,
  };
}
