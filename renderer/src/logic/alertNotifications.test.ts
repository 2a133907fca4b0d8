// Browser mode's alert notifications: the toggle is off unless turned on (and survives a storage that
// throws), the notice is in the page's language and leads with the most severe firing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import i18next from 'i18next';
import { initI18n } from '../i18n/i18n.js';
import { browserAlertNotice, notifyAlertsOn, setNotifyAlerts, type ToggleStorage } from './alertNotifications.js';
import type { AlertItem } from '../../../engine/contract/alerts.js';
import type { MessageKey } from '../i18n/locales/zh.js';

initI18n('zh');
const t = (key: MessageKey, params?: Record<string, unknown>) => i18next.t(key, params);

const memory = (): ToggleStorage => { const m = new Map<string, string>(); return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => { m.set(k, v); } }; };
const alert = (severity: AlertItem['severity'], en: string, zh: string): AlertItem => ({
  key: en, rule: 'R', state: 'firing', severity, labels: {}, value: 1, summary: { en, zh }, sinceMs: 0,
  silenced: false, inhibited: false, held: false, acknowledged: null, notified: true,
});

test('the toggle is off by default, remembers on and off, and a throwing storage reads as off', () => {
  const storage = memory();
  assert.equal(notifyAlertsOn(storage), false);
  setNotifyAlerts(storage, true);
  assert.equal(notifyAlertsOn(storage), true);
  setNotifyAlerts(storage, false);
  assert.equal(notifyAlertsOn(storage), false);
  const broken: ToggleStorage = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
  assert.doesNotThrow(() => setNotifyAlerts(broken, true));
  assert.equal(notifyAlertsOn(broken), false);
});

test('the notice: most severe first, how many more, in zh and en', async () => {
  const alerts = [alert('warning', 'Disk /data is 93% full', '磁盘 /data 已用 93%'), alert('critical', 'Battery at 4%', '电池电量 4%')];
  assert.deepEqual(browserAlertNotice(alerts, 'zh', t), { title: 'SAFE Edge 告警：严重', body: '电池电量 4%（另有 1 条）' });
  await i18next.changeLanguage('en');
  assert.deepEqual(browserAlertNotice(alerts.slice(0, 1), 'en', t), { title: 'SAFE Edge alert: Warning', body: 'Disk /data is 93% full' });
  await i18next.changeLanguage('zh');
  assert.equal(browserAlertNotice([], 'zh', t), null);
});
