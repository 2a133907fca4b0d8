// Laptop widths (docs/app.md, "The pages"): 1366×768 at 125 % scaling is a 1093 px window, and 1024 px is
// the narrowest laptop. There, in English (the longer words) as in Chinese, the top bar is as tall as at
// 1440 px, nothing in it is cut off or overflows the window, and the incidents list does not push the page
// sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { analyseExample, sessionPerFile, type E2ESession } from './browserHarness.js';

let session: E2ESession;
let page: Page;

// One incident of each language, so the list has a Chinese and an English report to show.
sessionPerFile({
  width: 1440, height: 900, signIn: true,
  prepare: async (s) => { for (const example of ['chlorine-tank-car-zh', 'wildfire-village-en']) await analyseExample(s.server, example); },
}, (s) => { session = s; ({ page } = s); });

/** The bar's height, and every item of it that is clipped or sticks out of the window (as text, for the message). */
const measureBar = (): Promise<{ heightPx: number; clipped: string[] }> => page.evaluate(`(() => {
  const bar = document.querySelector('header.topbar');
  const clipped = [];
  for (const el of bar.querySelectorAll('a, button, select, .engine-status, .brand')) {
    const r = el.getBoundingClientRect();
    if (r.right > window.innerWidth + 0.5 || el.scrollWidth > el.clientWidth + 1) clipped.push(el.textContent.trim().slice(0, 30));
  }
  return { heightPx: bar.getBoundingClientRect().height, clipped };
})()`);

for (const lang of ['en', 'zh'] as const) {
  test(`the ${lang} top bar is one row from 1440 down to 1024 px`, async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.evaluate(`localStorage.setItem('safe-edge-language', '${lang}')`);
    await page.reload();
    await page.getByTestId('engine-status').waitFor();
    const wide = await measureBar();
    assert.deepEqual(wide.clipped, []);
    for (const widthPx of [1093, 1024]) {
      await page.setViewportSize({ width: widthPx, height: 768 });
      const narrow = await measureBar();
      assert.equal(narrow.heightPx, wide.heightPx, `the bar at ${widthPx} px is as tall as at 1440 px (one row)`);
      assert.deepEqual(narrow.clipped, [], `nothing in the bar is cut off at ${widthPx} px`);
    }
    await session.shot(`top-bar-${lang}-1024`);
  });

  test(`the ${lang} incidents list fits a 1093 and a 1024 px window: no sideways scrolling, every column in view`, async () => {
    await page.evaluate(`localStorage.setItem('safe-edge-language', '${lang}'); window.location.hash = '#/incidents'`);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.reload();
    await page.getByTestId('incident-status').first().waitFor();
    for (const widthPx of [1093, 1024]) {
      await page.setViewportSize({ width: widthPx, height: 768 });
      const fit = await page.evaluate(`({ overflowPx: document.documentElement.scrollWidth - window.innerWidth, statusRight: document.querySelector('[data-testid="incident-status"]').getBoundingClientRect().right })`) as { overflowPx: number; statusRight: number };
      assert.ok(fit.overflowPx <= 0, `the page is ${fit.overflowPx} px wider than the ${widthPx} px window`);
      assert.ok(fit.statusRight <= widthPx, `the status column is in view at ${widthPx} px`);
    }
    await session.shot(`incidents-${lang}-1024`);
  });
}

test('with large text the English bar wraps whole: the status, theme and language stay together, nothing cut off', async () => {
  await page.evaluate(`localStorage.setItem('safe-edge-language', 'en'); localStorage.setItem('safe-edge-text-size', 'large')`);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.reload();
  await page.getByTestId('engine-status').waitFor();
  const wide = await measureBar();
  for (const widthPx of [1440, 1093, 1024]) {
    await page.setViewportSize({ width: widthPx, height: 768 });
    const bar = await measureBar();
    assert.deepEqual(bar.clipped, [], `nothing in the bar is cut off at ${widthPx} px`);
    assert.ok(bar.heightPx <= 2 * wide.heightPx, `at most two rows at ${widthPx} px (${bar.heightPx} px vs ${wide.heightPx})`);
    const tops = await page.evaluate(`[...document.querySelector('.topbar-tools').children].map((el) => Math.round(el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2))`) as number[];
    assert.ok(Math.max(...tops) - Math.min(...tops) <= 2, `status, theme and language on one row at ${widthPx} px: ${tops.join(', ')}`);
  }
  await session.shot('top-bar-en-large-1024');
  await page.evaluate(`localStorage.removeItem('safe-edge-text-size')`);
});
