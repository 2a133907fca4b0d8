// The incidents list on a phone (docs/app.md, "The pages"): at 390×844 each incident is a card (level
// chip, place, time, runs, status) and the list does not scroll sideways in its box, in zh and en, with an
// incident's runs open; at a desktop width it is the table again. Screenshots: incidents-phone-390-<lang>.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, analyseExample, sessionPerFile, type E2ESession } from './browserHarness.js';

const CHLORINE_ID = (JSON.parse(readFileSync(join(ROOT, 'examples', 'chlorine-tank-car-zh.json'), 'utf8')) as { id: string }).id;
let session: E2ESession;
let page: Page;

// A Chinese incident with coordinates, analysed twice (two runs inside), and an English one without.
sessionPerFile({
  width: 390, height: 844, signIn: true,
  prepare: async (s) => { for (const example of ['chlorine-tank-car-zh', 'chlorine-tank-car-zh', 'wildfire-village-en']) await analyseExample(s.server, example); },
}, (s) => { session = s; ({ page } = s); });

interface ListFit { scrollPx: number; clientPx: number; pageOverflowPx: number; outside: string[]; display: string; cards: Array<{ level: boolean; place: string; time: string; runs: string }> }

/** How the list fits its box: its widths, what sticks out of it, and what each incident's card shows. */
const measureList = (): Promise<ListFit> => page.evaluate(`(() => {
  const list = document.querySelector('[data-testid="history-table"]');
  const box = list.getBoundingClientRect();
  const outside = [];
  for (const el of list.querySelectorAll('*')) {
    if (el.closest('thead, [hidden]')) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5)) outside.push(el.tagName + ' ' + el.textContent.trim().slice(0, 30));
  }
  const text = (group, sel) => (group.querySelector(sel)?.textContent ?? '').trim();
  return {
    scrollPx: list.scrollWidth, clientPx: list.clientWidth, pageOverflowPx: document.documentElement.scrollWidth - window.innerWidth,
    outside, display: getComputedStyle(list).display,
    cards: [...list.querySelectorAll('[data-testid="incident-group"]')].map((g) => ({
      level: !!g.querySelector('.incident-row .level-chip[class*="severity-"]'), place: text(g, '[data-testid="incident-place"]'),
      time: text(g, '.incident-row time'), runs: text(g, '.incident-runs'),
    })),
  };
})()`) as Promise<ListFit>;

for (const lang of ['zh', 'en'] as const) {
  test(`${lang}: at 390 px each incident is a card and the list does not scroll sideways`, async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(`localStorage.setItem('safe-edge-language', '${lang}'); window.location.hash = '#/incidents'`);
    await page.reload();
    await page.getByTestId('incident-status').first().waitFor();
    // The incident with two runs open, so its run rows are measured too.
    await page.locator(`[data-testid="incident-group"][data-incident="${CHLORINE_ID}"]`).getByTestId('toggle-runs').click();
    const fit = await measureList();
    assert.ok(fit.scrollPx <= fit.clientPx, `the list scrolls sideways: ${fit.scrollPx} px of content in ${fit.clientPx} px`);
    assert.ok(fit.pageOverflowPx <= 0, `the page is ${fit.pageOverflowPx} px wider than the window`);
    assert.deepEqual(fit.outside, [], 'nothing sticks out of the list');
    assert.equal(fit.cards.length, 2);
    for (const card of fit.cards) {
      assert.ok(card.level, 'the level as its colour chip');
      assert.ok(card.place && card.time && card.runs, `place, time and runs shown: ${JSON.stringify(card)}`);
    }
    await session.shot(`incidents-phone-390-${lang}`);
  });
}

test('at a desktop width the list is the table again', async () => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const fit = await measureList();
  assert.equal(fit.display, 'table');
  assert.ok(await page.locator('[data-testid="history-table"] thead th').nth(1).isVisible(), 'the column headings show');
  assert.ok(fit.scrollPx <= fit.clientPx);
});
