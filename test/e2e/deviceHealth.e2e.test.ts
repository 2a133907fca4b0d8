// The device-health page end to end (docs/device-health.md, "Dashboard"): a real `safe-edge serve`
// samples this machine, plus a battery at 8 % and discharging from a fake /sys (the test-only overlay,
// docs/device-health.md#fault-injection), so BatteryLow fires live. Its alert state file holds a disk
// alert from before the restart (the way state survives restarts, docs/alerts.md), which fresh samples of
// this disk resolve. The page opens in zh and en, shows the metrics this container measures and "not
// available here" for the rest, draws the charts, lists the alerts, and the viewer token sees the alert
// buttons disabled. Screenshots: dist/screenshots/device-health-zh.png, -en.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchTestBrowser, SCREENSHOTS_DIR, startServer, type RunningServer } from './browserHarness.js';

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

before(async () => {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-e2e-device-'));
  const now = Date.now();
  const labels = { mount: dataDir, component: 'disk', alertname: 'DiskSpaceLow', severity: 'warning' };
  writeFileSync(join(dataDir, 'alerts-state.json'), JSON.stringify({
    version: 1, nextSilenceId: 1, silences: [], lastSampleMs: now - 60_000,
    alerts: [{ key: `DiskSpaceLow${JSON.stringify([['mount', dataDir]])}`, rule: 'DiskSpaceLow', labels, state: 'firing', value: 0.93, latched: true,
      activeSinceMs: now - 180_000, firingSinceMs: now - 120_000, notified: true, lastNotifiedMs: now - 90_000 }],
  }));
  const overlay = mkdtempSync(join(tmpdir(), 'safe-e2e-battery-'));
  mkdirSync(join(overlay, 'sys/class/power_supply/BAT0'), { recursive: true });
  for (const [file, text] of Object.entries({ type: 'Battery', capacity: '8', status: 'Discharging' })) writeFileSync(join(overlay, 'sys/class/power_supply/BAT0', file), `${text}\n`);
  server = await startServer(dataDir, 0, { SAFE_EDGE_TEST_DEVICE_OVERLAY: overlay });
  browser = await launchTestBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  page.on('pageerror', (err) => pageErrors.push(err.message));
});
after(async () => {
  await browser?.close();
  await server?.stop();
  assert.deepEqual(pageErrors, [], 'no script errors in the page');
});

async function open(lang: 'zh' | 'en', token: string): Promise<void> {
  await page.goto(`${server.url}/#/device`);
  // Where the app keeps the token and the language (renderer/src/transport/httpTransport.ts, i18n.ts); the reload reads them.
  await page.evaluate(`sessionStorage.setItem('safe-edge-token', '${token}'); localStorage.setItem('safe-edge-language', '${lang}')`);
  await page.goto(`${server.url}/#/device`);
  await page.reload();
  await page.locator('[data-testid="latest-safe_memory_used_ratio"][data-available="true"]').waitFor();
  await page.locator('[data-testid="chart-safe_memory_used_ratio"] canvas').waitFor();
  await page.getByTestId('alert-list').waitFor();
}

test('zh: latest values, "not available here" for what this machine cannot measure, charts, the alert list', async () => {
  await open('zh', server.token);
  assert.equal(await page.getByTestId('nav-device').textContent(), '设备状态');
  const temperature = page.getByTestId('latest-safe_temperature_celsius');
  if (await temperature.getAttribute('data-available') === 'false') assert.match(await temperature.textContent() ?? '', /本机无法测量/);
  // The restored disk alert, with its mount and value: 93 % as saved once this disk's samples resolve it; the
  // disk's own figure while it stays firing, when the machine's disk is itself 80 % full or more (hysteresis).
  assert.match(await page.getByTestId('alert-list').textContent() ?? '', /磁盘 \S*safe-e2e-device-\S+ 已用 \d+(\.\d+)?%/);
  await page.locator('[data-testid="alert-list"] li[data-state="firing"]', { hasText: '电池电量 8%，未在充电' }).waitFor();
  assert.match(await page.getByTestId('latest-safe_battery_charge_ratio').textContent() ?? '', /8(\.0)? %/);
  assert.match(await page.getByTestId('device-engine').textContent() ?? '', /常驻内存 \(RSS\)\d+ MB/);
  await page.getByTestId('range-1h').click();
  await page.getByTestId('range-5m').click();
  await page.locator('[data-testid="chart-safe_memory_used_ratio"] canvas').waitFor();
  await page.waitForTimeout(2500); // a few more points on the 5-minute charts
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'device-health-zh.png'), fullPage: true });
});

test('en: the same page in English', async () => {
  await open('en', server.token);
  assert.equal(await page.getByTestId('nav-device').textContent(), 'Device health');
  assert.match(await page.getByTestId('alert-list').textContent() ?? '', /Disk \S*safe-e2e-device-\S+ is \d+(\.\d+)?% full/);
  await page.locator('[data-testid="alert-list"] li[data-state="firing"]', { hasText: 'Battery at 8% and not charging' }).waitFor();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'device-health-en.png'), fullPage: true });
});

test('the viewer token reads the page but its alert buttons are disabled', async () => {
  const viewer = readFileSync(join(server.dataDir, 'viewer-token'), 'utf8').trim();
  await open('en', viewer);
  await page.waitForTimeout(500); // the role check (`session`: the viewer) has answered
  const buttons = page.locator('[data-testid="alert-list"] button');
  assert.ok(await buttons.count() >= 2);
  for (const button of await buttons.all()) assert.equal(await button.isDisabled(), true);
});
