// Browser mode's notifications for firing device alerts (docs/alerts.md, "Desktop notifications"): off
// unless the Settings toggle is on and the browser allows them. The desktop app's main process shows native
// ones instead (electron/app/alertNotifier.ts); both pick the firings with engine/contract/alertNotifications.ts.
// The notice itself, with the alert words, is alertNotice.ts: loaded only when a notification is due, so
// the first bundle carries the toggle alone (docs/performance.md, bench:ui).

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
