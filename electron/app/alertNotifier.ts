// Desktop notifications for firing device alerts (docs/alerts.md, "Desktop notifications"). The main process
// asks the engine for its alerts every few seconds and shows a native notification for each firing the
// manager has told of (its notify_after passed, not silenced, not inhibited), once per firing; an acknowledged
// alert is never shown. Clicking one opens the device-health page. Electron stays outside this module (the
// caller passes `show`), so it is unit-tested with Electron faked.
import type { AlertItem, AlertsView } from '../../engine/contract/alerts.js';
import { alertsToNotify, bySeverity } from '../../engine/contract/alertNotifications.js';
import { alertPlainText, alertText } from '../../engine/contract/alertWords.js';
import type { Timers } from './engineSupervisor.js';

export type NotifyLanguage = 'zh' | 'en';

/** The main process has no i18n of the renderer's (electron/ imports engine/contract only): its few words here. */
const TEXT: Record<NotifyLanguage, { title: (severity: AlertItem['severity']) => string; more: (n: number) => string }> = {
  zh: { title: (s) => `SAFE Edge 告警：${{ critical: '严重', warning: '警告', info: '提示' }[s]}`, more: (n) => `（另有 ${n} 条）` },
  en: { title: (s) => `SAFE Edge alert: ${{ critical: 'critical', warning: 'warning', info: 'info' }[s]}`, more: (n) => ` (and ${n} more)` },
};

/** How often the engine's alerts are read: well within the rules' 15 s evaluation interval. */
export const ALERT_POLL_MS = 5000;

export interface DesktopNotice { title: string; body: string; onClick: () => void }

export interface AlertNotifierOptions {
  /** The engine's `alerts` operation (through the supervisor: it waits while the engine restarts). */
  fetchAlerts: () => Promise<AlertsView>;
  /** Shows a native notification (Electron's Notification in the app). */
  show: (notice: DesktopNotice) => void;
  /** Opens the device-health page (`#/device`) in the window, bringing it to the front. */
  openDashboard: () => void;
  /** The notification's language: the system's (zh unless it is English). */
  language: () => NotifyLanguage;
  timers: Timers;
  everyMs?: number;
  onError?: (message: string) => void;
}

/** The notification for the firings new at one poll: the most severe alert's summary, and how many more. */
export function alertNotice(alerts: readonly AlertItem[], language: NotifyLanguage): { title: string; body: string } | null {
  const [first, ...rest] = bySeverity(alerts);
  if (!first) return null;
  const text = TEXT[language];
  // The pages' own words for the rule (alertWords.ts), the value in the language's figures ("0.061 秒", not "61.2ms").
  const summary = alertPlainText(alertText(first, 'summary', language) ?? [first.summary[language]]);
  return { title: text.title(first.severity), body: `${summary}${rest.length ? text.more(rest.length) : ''}` };
}

export class AlertNotifier {
  private shown = new Set<string>();
  private timer: unknown = null;
  private stopped = false;

  constructor(private readonly options: AlertNotifierOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.options.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  /** One poll: reads the alerts and shows what is new. A failed read (the engine restarting) waits for the next. */
  async poll(): Promise<void> {
    let view: AlertsView;
    try {
      view = await this.options.fetchAlerts();
    } catch (err) {
      this.options.onError?.(`alerts not read for notifications: ${(err as Error).message}`);
      return;
    }
    const { notify, shown } = alertsToNotify(view, this.shown);
    this.shown = shown;
    const notice = alertNotice(notify, this.options.language());
    if (notice) this.options.show({ ...notice, onClick: this.options.openDashboard });
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = this.options.timers.setTimeout(() => { void this.poll().finally(() => this.schedule()); }, this.options.everyMs ?? ALERT_POLL_MS);
  }
}
