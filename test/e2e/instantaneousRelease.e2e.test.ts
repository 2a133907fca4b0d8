// A chlorine tank rupture entered through the form as a mass released at once, end to end in headless
// Chromium against a real `safe-edge serve` (docs/physics.md, "Instantaneous releases"): the form refuses
// a release at once without its mass on the mass field, then the workspace in Chinese names the puff model
// beside each AEGL distance and says how long the cloud takes to pass. Screenshot: dist/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { sessionPerFile, type E2ESession } from './browserHarness.js';

let session: E2ESession;
let page: Page;

sessionPerFile({ width: 1366, height: 900, signIn: true }, (s) => { session = s; ({ page } = s); });

test('chlorine tank rupture (zh): the form takes a mass released at once and the workspace names the puff model', async () => {
  await page.getByTestId('nav-new').click();
  await page.getByTestId('report-text').fill('03:10 化工园区液氯储罐破裂，约1吨液氯瞬间释放。东北风，风速约2.5米每秒。');
  await page.locator('input[name="enable-release"]').check();
  await page.locator('select[name="substance"]').selectOption('chlorine');
  await page.locator('select[name="releaseKind"]').selectOption('instantaneous');
  assert.equal(await page.locator('input[name="facts.release.rateKgPerS"]').count(), 0, 'a release at once asks for its mass, not a rate');
  await page.locator('input[name="enable-weather"]').check();
  await page.locator('input[name="facts.weather.windSpeedMps"]').fill('2.5');
  await page.locator('input[name="facts.weather.windFromDeg"]').fill('45');
  await page.getByTestId('submit').click();
  assert.match(await page.getByTestId('problem-facts.release.releaseMassKg').textContent() ?? '', /一次释放的质量/, 'no mass: marked on the mass field');
  await page.locator('input[name="facts.release.releaseMassKg"]').fill('1000');
  await page.getByTestId('submit').click();
  await page.getByTestId('progress-executor').and(page.locator('[data-state="finished"]')).waitFor();
  // The cards below the answer band are drawn a frame after it (docs/performance.md#benchui-the-renderer): wait for the table.
  const distanceModels = page.locator('[data-testid="aegl-table"] [data-testid="distance-model"]');
  await distanceModels.nth(2).waitFor();
  const models = await distanceModels.allTextContents();
  assert.equal(models.length, 3, 'one model per AEGL level');
  for (const m of models) assert.match(m, /^(高斯烟团|重气烟团模型|重气段后接高斯烟团)$/);
  assert.match(await page.getByTestId('puff-note').textContent() ?? '', /瞬时释放 1 吨：按烟团计算.*分钟/);
  const note = page.getByTestId('dense-gas-note');
  assert.equal(await note.getAttribute('data-check'), 'dense');
  assert.match(await note.textContent() ?? '', /重气烟团.*≥ 0\.20/);
  assert.deepEqual(await page.locator('[data-testid="hazard-map"] path.zone').evaluateAll((zones) => zones.map((z) => z.getAttribute('data-zone'))),
    ['protective_action', 'warm', 'hot']);
  await session.shot('chlorine-tank-rupture-zh');
});
