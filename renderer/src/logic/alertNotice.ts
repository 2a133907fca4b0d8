// The words of a browser-mode notification for firing device alerts (docs/alerts.md, "Desktop
// notifications"). A chunk of its own with the alert words (alertTexts.ts): useAlertNotifications loads it
// only when the Settings toggle is on and the browser allows notifications.
import type { AlertItem } from '../../../engine/contract/alerts.js';
import { bySeverity } from '../../../engine/contract/alertNotifications.js';
import { alertPlainText, alertText, alertWords, type Translate } from './alertTexts.js';

export { alertsToNotify } from '../../../engine/contract/alertNotifications.js';

/** The notice for the firings new at one poll, in the page's language: the most severe, and how many more. */
export function browserAlertNotice(alerts: readonly AlertItem[], language: 'zh' | 'en', t: Translate): { title: string; body: string } | null {
  const [first, ...rest] = bySeverity(alerts);
  if (!first) return null;
  const summary = alertPlainText(alertText(first, 'summary', language, t) ?? []);
  const words = alertWords(t);
  return {
    title: words('notify.firing.title', { severity: t(`device.severity.${first.severity}`) }),
    body: rest.length ? words('notify.firing.more', { summary, n: rest.length }) : summary,
  };
}
