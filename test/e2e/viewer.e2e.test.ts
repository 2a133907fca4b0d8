// The UI opened with the read-only viewer token (docs/app.md#read-only-viewer): it lands on device health,
// says "read-only viewer: device health only" in zh and en, offers no incident pages in its navigation, and
// an incident page opened by its address shows what it is instead of "not authorised" errors (and the run it
// names is not even asked for); the operator's
// UI shows none of this. Screenshots: dist/screenshots/viewer-device-zh.png, viewer-incident-en.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sessionPerFile, type E2ESession } from './browserHarness.js';

let session: E2ESession;
let viewerToken: string;

sessionPerFile({ width: 1280, height: 860 }, (s) => {
  session = s;
  viewerToken = readFileSync(join(s.server.dataDir, 'viewer-token'), 'utf8').trim();
});

/** Opens `hash` with `token` and `lang`, where the app keeps them (httpTransport.ts, i18n.ts); the reload reads them. */
async function openWith(token: string, lang: 'zh' | 'en', hash: string): Promise<void> {
  const { page, server } = session;
  await page.goto(`${server.url}/${hash}`);
  await page.evaluate(`sessionStorage.setItem('safe-edge-token', '${token}'); localStorage.setItem('safe-edge-language', '${lang}')`);
  await page.reload();
}

const errorNotices = () => session.page.locator('.error-notice').count();

test('zh: the viewer lands on device health with the read-only note, and no incident pages in the navigation', async () => {
  const { page, server } = session;
  // The address `safe-edge serve` hands out, with the viewer token; Chinese by default.
  await page.goto(`${server.url}/#token=${viewerToken}`);
  await page.waitForURL(/#\/device$/);
  await page.locator('[data-testid="latest-safe_memory_used_ratio"][data-available="true"]').waitFor();
  assert.match(await page.getByTestId('viewer-banner').textContent() ?? '', /只读查看：仅设备状态。.*不能查看或提交事件与分析/);
  assert.equal(await page.getByTestId('nav-incidents').count(), 0, 'no incident list');
  assert.equal(await page.getByTestId('nav-new').count(), 0, 'no new incident');
  assert.equal(await page.getByTestId('nav-device').textContent(), '设备状态');
  assert.equal(await page.getByTestId('nav-models').count(), 1, 'the models may be read');
  assert.equal(await page.getByTestId('engine-status').getAttribute('class'), 'engine-status engine-ok', 'the token is not refused');
  assert.equal(await errorNotices(), 0);
  await session.shot('viewer-device-zh');

  // An incident page by its address: what it is and where to go, not an error.
  await page.goto(`${session.server.url}/#/new`);
  await page.getByTestId('viewer-only').waitFor();
  assert.match(await page.getByTestId('viewer-only').textContent() ?? '', /此页面需要操作员令牌.*打开设备状态/);
  assert.equal(await page.locator('form.incident-form').count(), 0, 'no form to submit');
  assert.equal(await errorNotices(), 0);
});

test('en: the same in English; an analysis address shows the note, asks for no run, the link leads to device health', async () => {
  const { page } = session;
  // The first page's early requests (transport/bootPreload.ts) ask only for what the viewer may read.
  const apiPaths: string[] = [];
  const onRequest = (request: { url(): string }) => { const { pathname } = new URL(request.url()); if (pathname.startsWith('/v1/')) apiPaths.push(pathname); };
  page.on('request', onRequest);
  await openWith(viewerToken, 'en', '#/analysis/some-run');
  await page.getByTestId('viewer-only').waitFor();
  await page.waitForLoadState('networkidle');
  page.off('request', onRequest);
  assert.deepEqual(apiPaths.filter((p) => p.startsWith('/v1/runs')), [], `no run asked for with the viewer token (asked: ${apiPaths.join(', ')})`);
  assert.match(await page.getByTestId('viewer-banner').textContent() ?? '', /Read-only viewer: device health only\..*cannot see or submit incidents or analyses/);
  assert.match(await page.getByTestId('viewer-only').textContent() ?? '', /This page needs the operator token/);
  assert.equal(await errorNotices(), 0);
  await session.shot('viewer-incident-en');
  await page.getByTestId('viewer-open-device').click();
  await page.locator('[data-testid="latest-safe_memory_used_ratio"][data-available="true"]').waitFor();
  await session.shot('viewer-device-en');
});

test('the operator token: the whole navigation, no read-only note', async () => {
  const { page } = session;
  await openWith(session.server.token, 'en', '#/incidents');
  await page.getByTestId('nav-incidents').waitFor();
  assert.equal(await page.getByTestId('nav-new').count(), 1);
  assert.equal(await page.getByTestId('viewer-banner').count(), 0);
});
