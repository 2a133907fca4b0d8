// Device alerts in the UI's language (docs/device-health.md, "Dashboard"): every rule of
// engine/monitoring/rules.yaml, with its text as the engine renders it, is shown on the device page's list in
// Chinese without English words or ASCII units after figures ("61ms", "12m" per second, "p99"), and with its
// value in the language's figures in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import i18next from 'i18next';
import { initI18n } from '../i18n/i18n.js';
import { AlertList } from '../components/DeviceHealthPanels.js';
import { alertText, alertValueText, durationText, ALERT_VALUE_KINDS, alertPlainText } from '../../../engine/contract/alertWords.js';
import { loadAlertRules, renderText } from '../../../engine/monitoring/alerts/rules.js';
import type { AlertItem } from '../../../engine/contract/alerts.js';

initI18n('zh');
const RULES = loadAlertRules().rules;
const LABELS = { mount: '/data', sensor: 'Package id 0', model: 'plume-surrogate' };
/** A value of each kind that the engine's text writes with an ASCII unit or prefix. */
const VALUES = { ratio: 0.934, seconds: 0.96, celsius: 91.25, perSecond: 0.012, none: 1 } as const;

/** One alert per rule, its summary and description rendered by the engine as /v1/alerts sends them. */
const ALERTS: AlertItem[] = RULES.map((rule) => {
  const kind = ALERT_VALUE_KINDS[rule.name as keyof typeof ALERT_VALUE_KINDS] ?? 'none';
  const labels = { ...rule.labels, ...LABELS, alertname: rule.name };
  const render = (text: { en: string; zh: string }) => ({ en: renderText(text.en, VALUES[kind], labels), zh: renderText(text.zh, VALUES[kind], labels) });
  return {
    key: `${rule.name}[]`, rule: rule.name, state: 'firing', severity: rule.severity, labels, value: VALUES[kind],
    summary: render(rule.summary), ...(rule.description ? { description: render(rule.description) } : {}),
    sinceMs: 0, silenced: false, inhibited: false, held: false, acknowledged: null, notified: true,
  };
});

/** The list's visible words, outside code (the names the machine gave) and the buttons. */
const listWords = (): string => renderToStaticMarkup(createElement(AlertList, { alerts: ALERTS, monitoring: true, canOperate: true, onSilence: () => {}, onAcknowledge: () => {} }))
  .replace(/<code>.*?<\/code>/g, ' ').replace(/<button.*?<\/button>/g, ' ').replace(/<time.*?<\/time>/g, ' ').replace(/<[^>]+>/g, ' ');

test('every rule of rules.yaml has words in the UI, and its value a kind', () => {
  for (const rule of RULES) assert.ok(Object.hasOwn(ALERT_VALUE_KINDS, rule.name), `${rule.name}: no words in engine/contract/alertWords.ts`);
});

test('zh: no alert text on the device page carries an English word or an ASCII unit after a figure', () => {
  const words = listWords();
  assert.match(words, /分析耗时 0\.96 秒（第 99 百分位），超过 0\.05 秒的预算/);
  assert.match(words, /已用 93\.4%/);
  assert.match(words, /请清理 +上的旧导出文件/, 'the description shown too');
  const problems = [
    ...(words.match(/\d\s*(?:ms|s|m|h|min|k|u|µ)(?![A-Za-z])/g) ?? []).map((m) => `unit "${m}"`),
    ...(words.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => w !== 'CPU').map((w) => `English "${w}"`),
  ];
  assert.deepEqual(problems, []);
});

test('en: each value in the language\'s figures; the machine\'s names as code; a rule this build does not know shows the engine\'s text', async () => {
  await i18next.changeLanguage('en');
  try {
    const text = (rule: string) => alertPlainText(alertText(ALERTS.find((a) => a.rule === rule)!, 'summary', 'en')!);
    assert.equal(text('EventLoopLag'), 'Engine event loop delayed 0.96 s (99th percentile)');
    assert.equal(text('SqliteSlowStatements'), 'Slow database statements: 0.012 per second over 10 min');
    assert.equal(text('TemperatureHigh'), 'Temperature 91.3 °C (sensor Package id 0)');
    assert.equal(text('ModelCheckFailed'), 'Model plume surrogate failed its checks: results that rely on it are not to be trusted');
    assert.deepEqual(alertText(ALERTS[0]!, 'summary', 'en')?.filter((p) => typeof p !== 'string'), [{ code: '/data' }]);
    const added: AlertItem = { ...ALERTS.find((a) => a.rule === 'MemoryHigh')!, rule: 'FanStopped', summary: { en: 'Fan stopped', zh: '风扇停转' } };
    assert.deepEqual(alertText(added, 'summary', 'en'), ['Fan stopped']);
    assert.equal(alertText(added, 'description', 'en'), null);
  } finally {
    await i18next.changeLanguage('zh');
  }
});

test('durations, percentages and rates by the locale', () => {
  assert.equal(durationText(0.96, 'zh'), '0.96 秒');
  assert.equal(durationText(0.96, 'en'), '0.96 s');
  assert.equal(durationText(0.0612, 'zh'), '0.061 秒');
  assert.equal(durationText(90, 'zh'), '1 分 30 秒');
  assert.equal(durationText(7500, 'en'), '2 h 5 min');
  assert.equal(alertValueText('ratio', 0.9123, 'zh'), '91.2%');
  assert.equal(alertValueText('perSecond', 1234.5, 'en'), '1,200');
});
