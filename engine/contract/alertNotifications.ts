// Which firing alerts a desktop notification shows (docs/alerts.md, "Desktop notifications"), shared by the
// app's main process and the browser's renderer: each firing once, only once the manager has told of it
// (its notify_after passed, neither silenced nor inhibited), never one an operator acknowledged.
import type { AlertItem, AlertsView } from './alerts.js';

/** One firing of one alert: a firing that resolves and fires again is a new one. */
export const firingId = (alert: AlertItem): string => `${alert.key}@${alert.sinceMs}`;

/** The alerts to show now, and the firings shown so far that are still firing (what to remember). */
export function alertsToNotify(view: AlertsView, shown: ReadonlySet<string>): { notify: AlertItem[]; shown: Set<string> } {
  const firing = view.alerts.filter((a) => a.state === 'firing');
  const notify = firing.filter((a) => a.notified && !a.silenced && !a.inhibited && a.acknowledged === null && !shown.has(firingId(a)));
  const still = new Set(firing.map(firingId).filter((id) => shown.has(id)));
  for (const a of notify) still.add(firingId(a));
  return { notify, shown: still };
}

/** The most severe first, so a grouped notification leads with what matters most. */
export function bySeverity(alerts: readonly AlertItem[]): AlertItem[] {
  const rank = { critical: 0, warning: 1, info: 2 } as const;
  return [...alerts].sort((a, b) => rank[a.severity] - rank[b.severity]);
}
