// The device-health page's panels under Node (react-dom/server), and the page's reduction of history:
// an unmeasured metric reads "not available here" (never 0), the viewer sees the buttons disabled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { initI18n } from '../i18n/i18n.js';
import { AlertList, EnginePanel, LatestValues, PowerPanel } from './DeviceHealthPanels.js';
import { downsample, formatMetric, MAX_CHART_POINTS } from '../logic/deviceHealth.js';
import type { DeviceHealth } from '../../../engine/contract/deviceHealth.js';
import type { AlertItem } from '../../../engine/contract/alerts.js';

initI18n('zh');

const health: DeviceHealth = {
  monitoring: true, lastError: null,
  latest: { atMs: 0, source: 'linux-proc', values: { safe_cpu_busy_ratio: 0.125, safe_memory_used_ratio: 0.5, safe_disk_used_ratio: 0 }, perCoreBusyRatio: [] },
  capabilities: {} as DeviceHealth['capabilities'],
  engine: { eventLoopDelayP99Ms: 12.34, rssBytes: 150 * 1_048_576, heapUsedBytes: 1 }, power: null,
};
const alert: AlertItem = {
  key: 'DiskSpaceLow[]', rule: 'DiskSpaceLow', state: 'firing', severity: 'warning', labels: { alertname: 'DiskSpaceLow', mount: '/data' }, value: 0.93,
  summary: { en: 'Disk /data is 93% full', zh: '磁盘 /data 已用 93%' }, sinceMs: 0, silenced: false, inhibited: false, held: false, acknowledged: null, notified: true,
};
const noop = () => {};

test('latest values: measured ones formatted (a real 0 % stays 0 %), unmeasured ones "not available here", in zh and en', async () => {
  const zhHtml = renderToStaticMarkup(<LatestValues health={health} />);
  assert.match(zhHtml, /CPU 占用<\/dt><dd>12\.5 %/);
  assert.match(zhHtml, /磁盘占用<\/dt><dd>0\.0 %/);
  assert.match(zhHtml, /data-testid="latest-safe_battery_charge_ratio" data-available="false"><dt>电池电量<\/dt><dd class="muted">本机无法测量/);
  await i18next.changeLanguage('en');
  const enHtml = renderToStaticMarkup(<LatestValues health={health} />);
  assert.match(enHtml, /Temperature<\/dt><dd class="muted">not available here/);
  await i18next.changeLanguage('zh');
});

test('alert list: text in the page language; the operator may act, the viewer sees the buttons disabled', async () => {
  const operator = renderToStaticMarkup(<AlertList alerts={[alert]} monitoring canOperate onSilence={noop} onAcknowledge={noop} />);
  assert.match(operator, /警告<\/strong> · 告警中 · <span class="alert-text">磁盘 <code>\/data<\/code> 已用 93%/);
  assert.doesNotMatch(operator, /disabled/);
  const viewer = renderToStaticMarkup(<AlertList alerts={[alert]} monitoring canOperate={false} onSilence={noop} onAcknowledge={noop} />);
  assert.equal(viewer.match(/disabled=""/g)?.length, 2);
  const acknowledged = renderToStaticMarkup(<AlertList alerts={[{ ...alert, acknowledged: { by: 'operator', atMs: 1 } }]} monitoring canOperate onSilence={noop} onAcknowledge={noop} />);
  assert.match(acknowledged, /已由 operator 确认/);
  assert.match(renderToStaticMarkup(<AlertList alerts={[]} monitoring={false} canOperate onSilence={noop} onAcknowledge={noop} />), /未运行设备监测/);
  await i18next.changeLanguage('en');
  assert.match(renderToStaticMarkup(<AlertList alerts={[alert]} monitoring canOperate onSilence={noop} onAcknowledge={noop} />), /Warning<\/strong> · firing · <span class="alert-text">Disk <code>\/data<\/code> is 93% full/);
  await i18next.changeLanguage('zh');
});

test('engine panel: loop delay p99 (in the language\'s units) and RSS', () => {
  const html = renderToStaticMarkup(<EnginePanel health={health} />);
  assert.match(html, /0\.012 秒/);
  assert.match(html, /150 MB/);
});

test('history is reduced to at most a few hundred points, keeping min and max', () => {
  const points = Array.from({ length: 3600 }, (_, i) => ({ atMs: i * 1000, min: i, avg: i, max: i }));
  const reduced = downsample(points);
  assert.ok(reduced.length <= MAX_CHART_POINTS);
  assert.equal(reduced[0]!.min, 0);
  assert.equal(reduced.at(-1)!.max, 3599);
  assert.equal(formatMetric('safe_battery_charge_ratio', undefined), null);
  assert.equal(formatMetric('safe_temperature_celsius', 71.25), '71.3 °C');
});

test('power panel: normal in one line; a step-down says why, what changed, that interactive analyses are untouched and when it steps up', async () => {
  assert.equal(renderToStaticMarkup(<PowerPanel power={null} />), '', 'no governor (a one-shot engine): nothing shown');
  const normal: NonNullable<DeviceHealth['power']> = { mode: 'normal', reasons: [], sinceMs: null, stepUpAtMs: null, batchSlots: null, ensembleMembers: null, deferred: [] };
  assert.match(renderToStaticMarkup(<PowerPanel power={normal} />), /data-mode="normal">后台任务：正常/);
  const down: NonNullable<DeviceHealth['power']> = { mode: 'stepped-down', reasons: ['battery-low', 'thermal-throttling'], sinceMs: 0, stepUpAtMs: null, batchSlots: 1, ensembleMembers: 64, deferred: ['backup'] };
  const zh = renderToStaticMarkup(<PowerPanel power={down} />);
  assert.match(zh, /role="status"/);
  assert.match(zh, /电池电量低且未充电、CPU 因过热降频/);
  assert.match(zh, /批量分析每次只运行 1 个/);
  assert.match(zh, /64 个成员（通常 256 个）/);
  assert.match(zh, /推迟到恢复后执行：定时备份/);
  assert.match(zh, /绝不会因电量或温度被拒绝/);
  await i18next.changeLanguage('en');
  const en = renderToStaticMarkup(<PowerPanel power={{ ...down, reasons: [], ensembleMembers: null, deferred: [], stepUpAtMs: 60_000 }} />);
  assert.match(en, /Background work stepped down since/);
  assert.match(en, /full ensemble \(256 members\)/);
  assert.match(en, /Steps up at \S+ if nothing recurs/);
  assert.doesNotMatch(en, /Put off/);
  await i18next.changeLanguage('zh');
});
