// Errors with a way forward, end to end (docs/app.md, "Errors"), in a browser whose locale is the POSIX
// 'C' (which used to leave a white screen: uPlot threw while loading). The app renders, charts included;
// a wrong #token= shows the not-authorised pill and message; then the engine is stopped mid-session: the
// offline banner appears in zh, an outage is "unreachable" (never "not found"), the report typed before
// survives navigation as a draft, and submitting it keeps it on the form with the error and a retry; the
// engine is started again on the same port: the banner goes and the kept report is sent.
// Screenshots: dist/screenshots/errors-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchTestBrowser, SCREENSHOTS_DIR, startServer, type RunningServer } from './browserHarness.js';

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });

before(async () => {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  server = await startServer();
  browser = await launchTestBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 }, locale: 'C', timezoneId: 'Asia/Shanghai' });
  page.on('pageerror', (err) => pageErrors.push(err.message));
});
after(async () => {
  await browser?.close();
  if (server && server.child.exitCode === null && server.child.signalCode === null) await server.stop();
});

/** Opens the app with this token (the app reads #token= when it starts, so the page is reloaded). */
async function openWithToken(token: string, route: string): Promise<void> {
  await page.goto(`${server.url}/#token=${token}`);
  await page.reload();
  await page.goto(`${server.url}/${route}`);
}

test('a POSIX locale (C) renders the app, device charts included, with no script error', async () => {
  await openWithToken(server.token, '#/device');
  await page.locator('[data-testid="chart-safe_memory_used_ratio"] canvas').waitFor();
  await page.getByTestId('engine-status').filter({ hasText: '引擎正常' }).waitFor();
  assert.deepEqual(pageErrors, []);
  assert.equal(await page.evaluate('navigator.language'), 'zh-CN', 'the invalid tag is replaced by the UI language');
  await shot('errors-locale-c-device-zh');
});

test('a wrong token: the pill says not authorised and the page says what to do', async () => {
  await openWithToken('0'.repeat(64), '#/incidents');
  const notice = page.getByTestId('incidents-error');
  await notice.waitFor();
  assert.equal(await notice.getAttribute('data-code'), 'SAFE_E_UNAUTHORIZED');
  assert.match(await notice.locator('p').first().textContent() ?? '', /^访问令牌无效或已过期。 打开 safe-edge serve 启动时打印的地址/);
  await page.getByTestId('engine-status').filter({ hasText: '未授权' }).waitFor();
  assert.equal(await notice.getByRole('button').count(), 0, 'no retry: the same token would be refused again');
  await shot('errors-bad-token-zh');
});

test('engine stopped mid-session: offline banner in zh, outage not "not found", the draft survives, submit keeps the form', async () => {
  await openWithToken(server.token, '#/new');
  await page.getByTestId('engine-status').filter({ hasText: '引擎正常' }).waitFor();
  const report = '化工园区储罐泄漏，现场有刺激性气味，两人送医';
  await page.getByTestId('report-text').fill(report);
  // The app fetches every page's code once it is up (App.tsx, preloadPages); a stopped engine must find it in.
  await page.locator('html[data-pages-loaded="true"]').waitFor({ state: 'attached' });
  await server.stop();

  // Any page call that finds the engine gone brings up the banner at once (no waiting for the 10 s poll).
  await page.evaluate(`window.location.hash = '#/analysis/no-such-run'`);
  const outage = page.getByTestId('analysis-error');
  await outage.waitFor();
  assert.equal(await outage.getAttribute('data-code'), 'SAFE_UI_ENGINE_UNREACHABLE', 'an outage is not "analysis not found"');
  assert.match(await outage.textContent() ?? '', /^连不上分析引擎。/);
  const banner = page.getByTestId('offline-banner');
  await banner.waitFor();
  assert.match(await banner.textContent() ?? '', /连不上分析引擎/);
  assert.match(await page.getByTestId('offline-countdown').textContent() ?? '', /^(\d+ 秒后自动重试|正在重试…)$/);
  await page.getByTestId('engine-status').filter({ hasText: '引擎未连接' }).waitFor();
  await shot('errors-offline-zh');

  await page.getByTestId('nav-new').click();
  await page.getByTestId('draft-restored').waitFor();
  assert.equal(await page.getByTestId('report-text').inputValue(), report, 'the report typed before the outage is back');
  await page.getByTestId('submit').click();
  const refused = page.getByTestId('submit-error');
  await refused.waitFor();
  assert.equal(await refused.getAttribute('data-code'), 'SAFE_UI_ENGINE_UNREACHABLE');
  assert.equal(await page.getByTestId('submit-error-retry').count(), 1);
  assert.equal(String(await page.evaluate('window.location.hash')), '#/new', 'still on the form');
  assert.equal(await page.getByTestId('report-text').inputValue(), report);
  await shot('errors-submit-offline-zh');

  await page.getByTestId('language-toggle').click();
  await page.getByTestId('offline-banner').filter({ hasText: 'Engine not reachable' }).waitFor();
  await shot('errors-submit-offline-en');
});

test('the engine comes back: the banner goes, the page reloads its data, the kept report is sent and its draft dropped', async () => {
  await page.evaluate(`window.location.hash = '#/incidents'`);
  assert.equal(await page.getByTestId('incidents-error').getAttribute('data-code'), 'SAFE_UI_ENGINE_UNREACHABLE');
  server = await startServer(server.dataDir, Number(new URL(server.url).port)); // same data directory, so the same token
  // The banner's own countdown runs on while the engine starts, and may reconnect first (its button disabled while
  // it tries, then gone with the banner): the button is pressed when the page is still offline.
  const retryNow = page.getByTestId('offline-retry-now');
  await retryNow.click({ timeout: 10_000 }).catch(async (err: unknown) => { if (await retryNow.count() > 0) throw err; });
  await page.getByTestId('engine-status').filter({ hasText: 'Engine OK' }).waitFor();
  assert.equal(await page.getByTestId('offline-banner').count(), 0);
  await page.getByText('No analyses yet.').waitFor(); // the list asked again by itself: nobody pressed its retry
  await page.getByTestId('nav-new').click();
  await page.getByTestId('draft-restored').waitFor();
  await page.getByTestId('submit').click();
  await page.getByTestId('progress-executor').and(page.locator('[data-state="finished"]')).waitFor();
  // Finished, the live view moves to the stored run's address (docs/app.md, "Progress that tells the truth").
  await page.waitForFunction(() => /^#\/analysis\/[0-9a-f-]{36}$/.test(window.location.hash));
  assert.equal(await page.evaluate(`localStorage.getItem('safe-edge-draft:new')`), null, 'the draft is dropped once the engine accepted it');
  await shot('errors-reconnected-en');
  assert.deepEqual(pageErrors, [], 'no script errors in the page');
});
