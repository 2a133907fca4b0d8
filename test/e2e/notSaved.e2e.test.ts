// An analysis the engine could not save, in the browser (docs/app.md, "Not saved"): a real `safe-edge
// serve` whose database cannot grow (the test-only SAFE_EDGE_TEST_DB_SPARE_PAGES=0, a full disk) answers
// the report; the workspace shows the answer under a "not saved" alert that says what to do, in Chinese
// and then English, the page stays on the live view (no run address to move to), /health is degraded and
// the status pill says so at once.
// Screenshots: dist/screenshots/not-saved-zh.png, not-saved-en.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { healthSchema } from '../../engine/contract/api.js';
import { startSession, type E2ESession } from './browserHarness.js';

let session: E2ESession;

before(async () => { session = await startSession({ width: 1280, height: 900, env: { SAFE_EDGE_TEST_DB_SPARE_PAGES: '0' } }); });
after(async () => { await session?.close(); });

test('on a full disk the answer is shown under a "not saved" alert that says to export it and free space', async () => {
  const { page, server } = session;
  await page.goto(`${server.url}/#token=${server.token}`);
  await page.reload();
  await page.goto(`${server.url}/#/new`);
  await page.getByTestId('report-text').fill('化工园区液氯储罐泄漏，下风向有居民区，两人送医');
  await page.getByTestId('submit').click();

  const banner = page.getByTestId('not-saved-banner');
  await banner.waitFor();
  assert.equal(await banner.getAttribute('role'), 'alert');
  assert.equal(await banner.getAttribute('data-code'), 'SAFE_E_SAVE_FAILED');
  assert.match(await banner.locator('p').first().textContent() ?? '', /^此分析没有保存，不在历史记录里。.*请立即导出结果，并释放数据目录所在磁盘的空间/);
  await page.getByTestId('answer-band').waitFor(); // the answer itself is still there
  assert.equal(await page.getByTestId('not-saved-export').count(), 1);
  assert.equal(String(await page.evaluate('window.location.hash')), '#/analysis/live', 'no saved run to move to');
  const health = healthSchema.parse(await (await fetch(`${server.url}/health`)).json());
  assert.deepEqual(health.problems.map((p) => [p.key, p.code]), [['save', 'SAFE_E_SAVE_FAILED']]);
  await page.getByTestId('engine-status').filter({ hasText: '引擎降级' }).waitFor(); // asked again after the analysis
  await session.shot('not-saved-zh');

  await page.getByTestId('language-toggle').click();
  await banner.filter({ hasText: 'This analysis was not saved' }).waitFor();
  assert.match(await banner.textContent() ?? '', /export it now, and free disk space/);
  await session.shot('not-saved-en');
  assert.deepEqual(session.pageErrors, []);
});
