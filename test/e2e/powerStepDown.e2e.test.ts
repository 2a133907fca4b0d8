// Power step-down and browser notifications end to end (docs/device-health.md#power-and-heat, docs/alerts.md,
// "Desktop notifications"): a real `safe-edge serve` whose sampler reads this machine's /proc and a
// battery at 4 % and discharging laid over its /sys (the test-only SAFE_EDGE_TEST_DEVICE_OVERLAY). BatteryCritical
// fires, the power governor steps background work down, and the device page says so in zh and en. With
// the Settings toggle on (the browser's permission asked for and granted), the page shows a Web Notification
// for the firing alert, once. Screenshots: dist/screenshots/power-step-down-zh.png, -en.png and
// settings-notifications-zh.png (the toggle).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS_DIR, sessionPerFile, type E2ESession } from './browserHarness.js';

/** A battery at 4 % and discharging, laid over this machine's /sys for the served engine's sampler. */
function lowBatteryOverlay(): string {
  const overlay = mkdtempSync(join(tmpdir(), 'safe-e2e-device-overlay-'));
  const battery = join(overlay, 'sys/class/power_supply/BAT0');
  mkdirSync(battery, { recursive: true });
  writeFileSync(join(battery, 'type'), 'Battery\n');
  writeFileSync(join(battery, 'capacity'), '4\n');
  writeFileSync(join(battery, 'status'), 'Discharging\n');
  return overlay;
}

let session: E2ESession;
let page: Page;
sessionPerFile({
  width: 1366, height: 900, env: { SAFE_EDGE_TEST_DEVICE_OVERLAY: lowBatteryOverlay() },
  // Headless Chromium denies notifications outright, so the Web Notification API is faked at its boundary
  // (as the Electron tests fake Electron): permission granted when asked, and every notification recorded.
  prepare: async (started) => { await started.page.addInitScript(`window.shownNotifications = [];
    window.Notification = class { static permission = 'default';
      static requestPermission() { window.Notification.permission = 'granted'; return Promise.resolve('granted'); }
      constructor(title, options) { window.shownNotifications.push({ title, body: options && options.body }); } };`); },
}, (started) => { session = started; page = started.page; });

async function open(lang: 'zh' | 'en', hash = '#/device'): Promise<void> {
  await page.goto(`${session.server.url}/${hash}`);
  await page.evaluate(`sessionStorage.setItem('safe-edge-token', '${session.server.token}'); localStorage.setItem('safe-edge-language', '${lang}')`);
  await page.reload();
}

test('zh: battery at 4 % not charging: BatteryCritical fires and the page says background work stepped down', async () => {
  await open('zh');
  const power = page.locator('[data-testid="power-state"][data-mode="stepped-down"]');
  await power.waitFor({ timeout: 30_000 });
  const text = await power.textContent() ?? '';
  assert.match(text, /后台任务自 .* 起已降档/);
  assert.match(text, /电池电量低且未充电/);
  assert.match(text, /批量分析每次只运行 1 个/);
  assert.match(text, /绝不会因电量或温度被拒绝/);
  assert.match(await page.getByTestId('latest-safe_battery_charge_ratio').textContent() ?? '', /4/);
  // BatteryCritical has no `for`: it fires at the first evaluation (every 15 s).
  await page.locator('[data-testid="alert-list"] li[data-state="firing"]', { hasText: '电池电量 4%' }).first().waitFor({ timeout: 30_000 });
  await session.shot('power-step-down-zh');
});

test('en: the same state in English', async () => {
  await open('en');
  const power = page.locator('[data-testid="power-state"][data-mode="stepped-down"]');
  await power.waitFor();
  assert.match(await power.textContent() ?? '', /Background work stepped down since .*battery low and not charging/);
  await page.getByTestId('alert-list').waitFor();
  await session.shot('power-step-down-en');
});

test('browser mode: with the Settings toggle on, the firing alert becomes one Web Notification in the page language', async () => {
  await open('zh', '#/settings');
  const toggle = page.getByTestId('notify-alerts');
  assert.equal(await toggle.isChecked(), false, 'off by default');
  await toggle.check();
  await page.getByTestId('settings-notifications').screenshot({ path: join(SCREENSHOTS_DIR, 'settings-notifications-zh.png') });
  await page.waitForFunction(() => (window as unknown as { shownNotifications: unknown[] }).shownNotifications.length > 0, undefined, { timeout: 20_000 });
  await page.waitForTimeout(6000); // one more poll: the same firing is not shown again
  const shown = await page.evaluate('window.shownNotifications') as Array<{ title: string; body: string }>;
  assert.equal(shown[0]?.title, 'SAFE Edge 告警：严重', JSON.stringify(shown));
  // New firings at one poll make one notice; on a busy machine CpuBusyCritical may lead it beside the battery.
  assert.match(shown[0]?.body ?? '', /^电池电量 4%|（另有 \d+ 条）$/);
  // The battery's firing is never shown again. A later notice is another alert that began firing meanwhile (on a
  // busy machine, CPU load over ten minutes: seen in CI), never a repeat.
  for (const later of shown.slice(1)) assert.doesNotMatch(later.body, /电池电量/, JSON.stringify(shown));
  assert.equal(new Set(shown.map((n) => n.body)).size, shown.length, `a notice repeated: ${JSON.stringify(shown)}`);
});
