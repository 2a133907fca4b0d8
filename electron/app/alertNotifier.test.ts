// Desktop notifications for firing alerts with Electron faked (the `show` and the dashboard opener are fakes,
// the timers a fake clock): once per firing, only once the manager has told of it, never silenced, inhibited
// or acknowledged ones, a new firing after a resolve shown again, zh/en, a click opens the device page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AlertItem, AlertsView } from '../../engine/contract/alerts.js';
import { AlertNotifier, alertNotice, type DesktopNotice, type NotifyLanguage } from './alertNotifier.js';
import type { Timers } from './engineSupervisor.js';

class FakeClock implements Timers {
  private tasks: Array<{ fn: () => void; id: number }> = [];
  private next = 1;
  setTimeout(fn: () => void, _ms: number): unknown { const id = this.next++; this.tasks.push({ fn, id }); return id; }
  clearTimeout(handle: unknown): void { this.tasks = this.tasks.filter((t) => t.id !== handle); }
  get pending(): number { return this.tasks.length; }
  /** Runs the next poll and lets it finish. */
  async tick(): Promise<void> {
    const task = this.tasks.shift();
    task?.fn();
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  }
}

const alert = (over: Partial<AlertItem> = {}): AlertItem => ({
  key: 'DiskSpaceLow{mount="/data"}', rule: 'DiskSpaceLow', state: 'firing', severity: 'warning', labels: { alertname: 'DiskSpaceLow', mount: '/data' }, value: 0.93,
  summary: { en: 'Disk /data is 93% full', zh: '磁盘 /data 已用 93%' }, sinceMs: 1000, silenced: false, inhibited: false, held: false,
  acknowledged: null, notified: true, ...over,
});

function harness(language: NotifyLanguage = 'zh') {
  const clock = new FakeClock();
  const shown: DesktopNotice[] = [];
  let opened = 0;
  const view: AlertsView = { monitoring: true, alerts: [], silences: [] };
  let failing = false;
  const notifier = new AlertNotifier({
    fetchAlerts: () => (failing ? Promise.reject(new Error('engine restarting')) : Promise.resolve(structuredClone(view))),
    show: (n) => shown.push(n), openDashboard: () => { opened++; }, language: () => language, timers: clock, onError: () => {},
  });
  return { clock, shown, view, notifier, opened: () => opened, fail: (f: boolean) => { failing = f; } };
}

test('a firing alert is shown once per firing, in zh; a click opens the device page', async () => {
  const h = harness('zh');
  h.notifier.start();
  h.view.alerts = [alert({ notified: false })];
  await h.clock.tick();
  assert.equal(h.shown.length, 0, 'within notify_after: the manager has not told of it yet');
  h.view.alerts = [alert()];
  await h.clock.tick();
  await h.clock.tick();
  assert.deepEqual(h.shown.map((n) => [n.title, n.body]), [['SAFE Edge 告警：警告', '磁盘 /data 已用 93%']], 'once, however many polls; the value in Chinese figures');
  h.shown[0]!.onClick();
  assert.equal(h.opened(), 1);
  // Resolved, then firing again later: a new firing, shown again.
  h.view.alerts = [alert({ state: 'resolved', sinceMs: 5000 })];
  await h.clock.tick();
  h.view.alerts = [alert({ sinceMs: 9000 })];
  await h.clock.tick();
  assert.equal(h.shown.length, 2);
  h.notifier.stop();
  assert.equal(h.clock.pending, 0, 'stopped: no poll left');
});

test('silenced, inhibited, acknowledged and pending alerts are never shown; several new ones make one notice, the most severe first', async () => {
  const h = harness('en');
  h.notifier.start();
  h.view.alerts = [
    alert({ key: 'a', silenced: true }), alert({ key: 'b', inhibited: true }), alert({ key: 'c', acknowledged: { by: 'operator', atMs: 1 } }),
    alert({ key: 'd', state: 'pending', notified: false }),
  ];
  await h.clock.tick();
  assert.equal(h.shown.length, 0);
  h.view.alerts.push(alert({ key: 'e', rule: 'SqliteSlowStatements', severity: 'info', value: 0.5, summary: { en: 'SQLite slow statements', zh: 'SQLite 慢语句' } }),
    alert({ key: 'f', rule: 'BatteryCritical', severity: 'critical', value: 0.04, summary: { en: 'Battery at 4%', zh: '电池电量 4%' } }));
  await h.clock.tick();
  assert.deepEqual(h.shown.map((n) => [n.title, n.body]), [['SAFE Edge alert: critical', 'Battery at 4%: connect power now or the laptop will shut down (and 1 more)']]);
  // A silence that ends while the alert still fires: the manager tells of it then, and so does the app.
  h.view.alerts[0] = alert({ key: 'a' });
  await h.clock.tick();
  assert.equal(h.shown.length, 2);
  h.notifier.stop();
});

test('an engine that cannot answer (restarting) costs a poll, not the notifier', async () => {
  const h = harness();
  h.notifier.start();
  h.fail(true);
  await h.clock.tick();
  assert.equal(h.clock.pending, 1, 'the next poll is scheduled');
  h.fail(false);
  h.view.alerts = [alert()];
  await h.clock.tick();
  assert.equal(h.shown.length, 1);
  h.notifier.stop();
});

test('the notice says the rule in the pages\' words with the value in the language\'s figures, not the engine\'s Prometheus text', () => {
  // The engine's own summary is formatted as Prometheus formats it (rules.yaml): "61.2ms".
  const slow = alert({ key: 'AnalysisSlow', rule: 'AnalysisSlow', severity: 'warning', value: 0.0612, summary: { en: 'Analysis p99 61.2ms over its 50ms budget', zh: '分析耗时 p99 61.2ms，超过 50ms 预算' } });
  assert.equal(alertNotice([slow], 'zh')?.body, '分析耗时 0.061 秒（第 99 百分位），超过 0.05 秒的预算');
  assert.equal(alertNotice([slow], 'en')?.body, 'Analyses take 0.061 s (99th percentile), over their 0.05 s budget');
  // A rule IT added to rules.yaml, with no words in this build: the engine's text.
  const added = alert({ key: 'FanStopped', rule: 'FanStopped', summary: { en: 'Fan stopped', zh: '风扇停转' } });
  assert.equal(alertNotice([added], 'zh')?.body, '风扇停转');
});

test('no new firing, no notice', () => {
  assert.equal(alertNotice([], 'zh'), null);
});
