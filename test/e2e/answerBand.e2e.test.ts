// The workspace's first screen answers (docs/app.md, "The answer band"), end to end in headless Chromium:
// the stored chlorine example opened at 1280×720 in Chinese and English has its band and first tasks
// above the fold; so at 1366×768 with 125 % scaling and at 1920×1080 (screenshots to be looked at in
// dist/screenshots/answer-band-*.png). And progress tells the truth: a live analysis moves to its stored
// address, a repeated one says it came from the cache and when, a reloaded live address says the session
// is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { analyseExample, SCREENSHOTS_DIR, sessionPerFile, type E2ESession, type RunningServer } from './browserHarness.js';

let session: E2ESession;
let server: RunningServer;
let page: Page;
let runId: string;

sessionPerFile({
  width: 1280, height: 720, signIn: true,
  prepare: async () => { ({ runId } = await analyseExample(server, 'chlorine-tank-car-zh')); },
}, (s) => { session = s; ({ server, page } = s); });

/** The band's and its last task's bottom edges, in CSS pixels from the top of the viewport. */
async function bottoms(on: Page): Promise<{ band: number; lastTask: number }> {
  const band = await on.getByTestId('answer-band').boundingBox();
  const lastTask = await on.getByTestId('band-task').last().boundingBox();
  assert.ok(band && lastTask);
  return { band: band.y + band.height, lastTask: lastTask.y + lastTask.height };
}

async function open(on: Page, lang: 'zh' | 'en'): Promise<void> {
  await on.evaluate(`localStorage.setItem('safe-edge-language', '${lang}')`);
  await on.goto(`${server.url}/#/analysis/${runId}`);
  await on.reload();
  await on.getByTestId('answer-band').waitFor();
  // The map is drawn in the frame after the band (pages/AnalysisPage.tsx): the screenshots show both.
  await on.getByTestId('hazard-map').waitFor();
}

for (const lang of ['zh', 'en'] as const) {
  test(`stored chlorine analysis at 1280×720 (${lang}): the answer, the level, the numbers and the first tasks above the fold`, async () => {
    await open(page, lang);
    const { band, lastTask } = await bottoms(page);
    assert.ok(band <= 720, `the band ends at ${band} px, below the fold`);
    assert.ok(lastTask <= 720, `the last first task ends at ${lastTask} px`);
    assert.equal(await page.getByTestId('band-task').count(), 3);
    // The level that leads is the physics' red I, with the reported IV beside it (not a lone blue chip).
    assert.equal(await page.getByTestId('band-level').getAttribute('data-colour'), 'red');
    assert.match(await page.getByTestId('band-level-basis').textContent() ?? '', lang === 'zh' ? /IV 级/ : /Level IV/);
    assert.equal(await page.getByTestId('figure-deaths').locator('dd').textContent(), '2');
    assert.equal(await page.getByTestId('figure-trapped').getAttribute('data-known'), 'false');
    assert.equal(await page.getByTestId('figure-trapped').locator('dd').textContent(), lang === 'zh' ? '不详' : 'unknown');
    assert.match(await page.getByTestId('figure-impact').textContent() ?? '', lang === 'zh' ? /约 5 分钟/ : /about 5 min/);
    // Shortest deadline first: the shelter/evacuation task (2 min) leads.
    assert.match(await page.getByTestId('band-task').first().textContent() ?? '', lang === 'zh' ? /2 分钟内/ : /within 2 min/);
    // The map sits beside the band, not under it.
    const map = await page.getByTestId('hazard-map').boundingBox();
    const bandBox = await page.getByTestId('answer-band').boundingBox();
    assert.ok(map && bandBox && map.x >= bandBox.x + bandBox.width, 'the map is to the right of the band');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, `answer-band-1280x720-${lang}.png`) });
    await session.shot(`answer-band-1280x720-full-${lang}`); // the plan table below, for Chinese line breaking
  });
}

test('1920×1080 and 1366×768 at 125 % (a 1093×614 viewport at 1.25 device pixels): the band and first tasks above the fold', async () => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await open(page, 'zh');
  assert.ok((await bottoms(page)).lastTask <= 1080);
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'answer-band-1920x1080-zh.png') });
  await page.setViewportSize({ width: 1280, height: 720 });
  const context = await session.browser.newContext({ viewport: { width: 1093, height: 614 }, deviceScaleFactor: 1.25, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const scaled = await context.newPage();
  scaled.on('pageerror', (err) => session.pageErrors.push(err.message));
  for (const lang of ['zh', 'en'] as const) {
    await scaled.goto(`${server.url}/#/analysis/${runId}&token=${server.token}`);
    await scaled.evaluate(`localStorage.setItem('safe-edge-language', '${lang}')`);
    await scaled.reload();
    await scaled.getByTestId('answer-band').waitFor();
    await scaled.getByTestId('hazard-map').waitFor();
    await scaled.screenshot({ path: join(SCREENSHOTS_DIR, `answer-band-1366x768-125pct-${lang}.png`) });
    const { lastTask } = await bottoms(scaled);
    assert.ok(lastTask <= 614, `${lang}: the last first task ends at ${lastTask} px of 614`);
  }
  // Not closed here: in this single-process Chromium closing it ends the browser (session.close does it).
});

test('a live analysis moves to its stored address; a repeat says it came from the cache; a reloaded live address says so', async () => {
  await page.evaluate(`localStorage.setItem('safe-edge-language', 'zh')`);
  await page.goto(`${server.url}/#/new`);
  await page.reload();
  await page.getByTestId('load-example').selectOption('chlorine-tank-car-zh');
  await page.getByTestId('submit').click();
  // replaceState is a same-document navigation: Playwright sees the address change.
  await page.waitForURL(/#\/analysis\/(?!live)[^/]+$/, { waitUntil: 'commit' });
  await page.getByTestId('answer-band').waitFor();
  assert.match(await page.getByTestId('analysis-announcer').textContent() ?? '', /^分析完成：氯气/);
  // The agents say what happened; none is left waiting beside the answer.
  assert.equal(await page.locator('.progress-strip [data-state="waiting"]').count(), 0);
  // Back leads to the form, not to the live address.
  await page.goBack();
  await page.getByTestId('submit').waitFor();
  assert.equal(await page.evaluate('window.location.hash'), '#/new');
  // The same question again: answered from the cache, which the band and the strip say.
  await page.getByTestId('load-example').selectOption('chlorine-tank-car-zh');
  await page.getByTestId('submit').click();
  await page.getByTestId('cache-note').waitFor();
  assert.match(await page.getByTestId('cache-note').textContent() ?? '', /^来自缓存，计算于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
  assert.equal(await page.locator('.progress-strip [data-state="cached"]').count(), 4);
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'answer-band-cached-zh.png') });
  // A fresh document at the live address (as after a reload): no live session in it.
  await page.goto('about:blank');
  await page.goto(`${server.url}/#/analysis/live`);
  await page.getByTestId('live-gone').waitFor();
  await page.getByTestId('live-gone').getByRole('link').click();
  await page.getByTestId('history-table').waitFor();
});

test('the band is drawn first, alone; the map comes a frame later into the box kept for it, nothing moving', async () => {
  const watcher = await session.browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN' });
  const fresh = await watcher.newPage();
  // Each first sighting with the boxes then: what the commander sees frame by frame.
  await fresh.addInitScript(`
    const seen = window.firstScreen = {};
    const box = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };
    new MutationObserver(() => {
      for (const id of ['answer-band', 'hazard-map-pending', 'hazard-map', 'plan-table']) {
        const el = document.querySelector('[data-testid="' + id + '"]');
        if (el && !seen[id]) seen[id] = { others: ['answer-band', 'hazard-map', 'plan-table'].filter((o) => o !== id && document.querySelector('[data-testid="' + o + '"]')), box: box(id === 'hazard-map' ? el.closest('section') : el.closest('section') ?? el) };
      }
    }).observe(document, { childList: true, subtree: true });`);
  await fresh.goto(`${server.url}/#/analysis/${runId}&token=${server.token}`);
  await fresh.getByTestId('plan-table').waitFor();
  const seen = await fresh.evaluate('window.firstScreen') as Record<string, { others: string[]; box: { x: number; y: number; width: number; height: number } }>;
  assert.deepEqual(seen['answer-band']?.others, [], 'the band is on screen before the map and the cards');
  assert.deepEqual(seen['hazard-map']?.others, ['answer-band'], 'the map before the cards');
  const pending = seen['hazard-map-pending']?.box;
  const map = seen['hazard-map']?.box;
  assert.ok(pending && map, 'the map\'s place was kept while the band was drawn');
  for (const edge of ['x', 'y', 'width'] as const) assert.ok(Math.abs(pending[edge] - map[edge]) < 1, `the map's box ${edge}: ${pending[edge]} kept, ${map[edge]} drawn`);
  assert.equal(await fresh.getByTestId('hazard-map-pending').count(), 0, 'the placeholder is gone');
  await fresh.close(); // the context stays: closing it ends this single-process browser (session.close does)
});
