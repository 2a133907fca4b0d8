// The three palettes (docs/app.md, "Themes") measured in headless Chromium: on the incidents list, the
// new-incident form, Settings, a stored analysis and its briefing's preview, in Chinese and English, every visible piece of text
// against what is behind it (WCAG 2.1 AA: 4.5:1, large text 3:1) and every focus ring against its
// surroundings (3:1); the same for the date fields' calendar pop-up, also at 320 px. Light and dark come
// from the system setting (the switch left on "follow system"),
// night from the switch. Also: the stored palette is on <html> before the first paint, night keeps the
// hazard zones apart without hue, large text still fits 1280 px, and the analysis page, its map and a
// chart are photographed in each palette at 1280×720.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { analyseExample, SCREENSHOTS_DIR, sessionPerFile, type RunningServer } from './browserHarness.js';
import { contrastRatio, effectiveBackground, NON_TEXT_MIN_RATIO, parseColour, requiredTextRatio, TEXT_MIN_RATIO } from '../../renderer/src/logic/contrast.js';
import type { Theme } from '../../renderer/src/logic/theme.js';

// The probe below runs in the page; this Node-side build has no DOM types, so the page's globals it uses
// are declared loosely here.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;
declare const NodeFilter: any;
declare const localStorage: any;
declare const MutationObserver: any;
declare const SVGElement: any;
declare function getComputedStyle(el: any, pseudo?: string): any;
declare function requestAnimationFrame(callback: () => void): number;
type Element = any;
/* eslint-enable @typescript-eslint/no-explicit-any */

let server: RunningServer;
let page: Page;
let runId: string;

sessionPerFile({
  width: 1280, height: 720, signIn: true,
  prepare: async () => { ({ runId } = await analyseExample(server, 'chlorine-tank-car-zh')); },
}, (s) => { ({ server, page } = s); });

/** What the page shows, as computed colour strings; the maths is done here, with the tested module. */
interface Sample { text: string; colour: string; backgrounds: string[]; fontSizePx: number; fontWeight: number }
interface Ring { what: string; style: string; widthPx: number; colour: string; backgrounds: string[] }

/** Runs in the page: every visible element with text of its own (SVG text: its fill, over the map's
 *  background), every form control, and every focusable element's focus ring. */
function measure(rootSelector: string | null): { texts: Sample[]; rings: Ring[] } {
  const root: Element = rootSelector ? document.querySelector(rootSelector) : document.body;
  const stack = (from: Element | null): string[] => {
    const out: string[] = [];
    for (let el = from; el; el = el.parentElement) {
      const bg = getComputedStyle(el).backgroundColor;
      out.push(bg);
      if (/^rgb\(/.test(bg)) break; // opaque: nothing behind it shows
    }
    return out;
  };
  const shown = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} "${String(el.value || el.textContent || '').trim().slice(0, 40)}"`;
  const texts: Sample[] = [];
  const seen = new Set<Element>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || seen.has(el) || !(node.textContent ?? '').trim() || el.closest('option, script, style')) continue;
    seen.add(el);
    if (!shown(el)) continue;
    const style = getComputedStyle(el);
    const svg: Element = el instanceof SVGElement ? el.ownerSVGElement : null;
    const mapBg = svg?.querySelector('.map-bg');
    texts.push({
      text: describe(el),
      colour: svg ? style.fill : style.color,
      backgrounds: svg && mapBg ? [getComputedStyle(mapBg).fill] : stack(el),
      fontSizePx: parseFloat(style.fontSize), fontWeight: Number(style.fontWeight),
    });
  }
  for (const el of root.querySelectorAll('input:not([type="checkbox"]):not([type="radio"]), select, textarea')) {
    if (!shown(el)) continue;
    const style = getComputedStyle(el);
    texts.push({ text: describe(el), colour: style.color, backgrounds: stack(el), fontSizePx: parseFloat(style.fontSize), fontWeight: Number(style.fontWeight) });
    // An empty field's placeholder is text too (the date fields' example).
    if (el.placeholder && !el.value) {
      texts.push({ text: `${describe(el)} placeholder "${el.placeholder}"`, colour: getComputedStyle(el, '::placeholder').color, backgrounds: stack(el), fontSizePx: parseFloat(style.fontSize), fontWeight: Number(style.fontWeight) });
    }
  }
  const rings: Ring[] = [];
  const focusable: Element[] = root.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])');
  for (const el of focusable) {
    if (!shown(el) || el.disabled) continue;
    el.focus({ preventScroll: true, focusVisible: true });
    const style = getComputedStyle(el);
    // The ring is drawn outside the element (outline-offset), over what surrounds it.
    rings.push({ what: describe(el), style: style.outlineStyle, widthPx: parseFloat(style.outlineWidth), colour: style.outlineColor, backgrounds: stack(el.parentElement) });
    el.blur();
  }
  return { texts, rings };
}

const WHITE = parseColour('#fff');
const seenOver = (backgrounds: readonly string[]) => effectiveBackground(backgrounds.map(parseColour), WHITE);

/** Every shortfall on the page as it is now (or in the part `rootSelector` names), one line each. */
async function shortfalls(where: string, rootSelector: string | null = null): Promise<string[]> {
  const { texts, rings } = await page.evaluate(measure, rootSelector);
  assert.ok(texts.length > 10 && rings.length > 3, `${where}: the page was measured (${texts.length} texts, ${rings.length} focusable)`);
  const problems: string[] = [];
  for (const s of texts) {
    const bg = seenOver(s.backgrounds);
    const ratio = contrastRatio(parseColour(s.colour), bg);
    const needed = requiredTextRatio(s.fontSizePx, s.fontWeight);
    if (ratio < needed) problems.push(`${where}: text ${s.text} ${s.colour} on ${JSON.stringify(bg)} is ${ratio.toFixed(2)}:1 < ${needed}`);
  }
  for (const r of rings) {
    if (r.style === 'none' || r.widthPx < 2) { problems.push(`${where}: ${r.what} shows no focus ring (${r.style} ${r.widthPx}px)`); continue; }
    const ratio = contrastRatio(parseColour(r.colour), seenOver(r.backgrounds));
    if (ratio < NON_TEXT_MIN_RATIO) problems.push(`${where}: focus ring of ${r.what} ${r.colour} is ${ratio.toFixed(2)}:1 < ${NON_TEXT_MIN_RATIO}`);
  }
  return problems;
}

/** Light and dark through the system setting, night through the header switch. */
async function showTheme(theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme === 'dark' ? 'dark' : 'light' });
  await page.getByTestId('theme-switch').selectOption(theme === 'night' ? 'night' : 'system');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
  // The charts redraw in an effect after React commits: let a frame pass.
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

async function showLanguage(lang: 'zh' | 'en'): Promise<void> {
  const current = await page.evaluate(() => document.documentElement.lang);
  if ((current === 'en') !== (lang === 'en')) await page.getByTestId('language-toggle').click();
  await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang);
}

const THEMES: Theme[] = ['light', 'dark', 'night'];
const PAGES: Array<{ name: string; open: () => Promise<void> }> = [
  // With an incident's runs open: their rows had a fixed light background that dark and night did not change.
  { name: 'incidents', open: async () => { await page.goto(`${server.url}/#/incidents`); await page.getByTestId('toggle-runs').first().click(); await page.getByTestId('run-row').first().waitFor({ state: 'visible' }); } },
  { name: 'new-incident', open: async () => {
    await page.goto(`${server.url}/#/new`);
    await page.getByTestId('load-example').selectOption('chlorine-tank-car-zh');
    await page.getByTestId('report-text').fill('');
    await page.getByTestId('submit').click(); // an empty report: the form's own error text is measured too
    await page.locator('.problem').first().waitFor();
  } },
  { name: 'settings', open: async () => { await page.goto(`${server.url}/#/settings`); await page.getByTestId('text-size-select').waitFor(); } },
  { name: 'analysis', open: async () => { await page.goto(`${server.url}/#/analysis/${runId}`); await page.getByTestId('plan-table').waitFor(); await page.getByTestId('hazard-map').waitFor(); } },
  // The briefing's on-screen preview follows the palette (its notes were a fixed dark grey); print is light.
  { name: 'briefing', open: async () => { await page.goto(`${server.url}/#/analysis/${runId}/briefing`); await page.locator('.ics201 [data-testid="hazard-map"]').waitFor(); } },
];

test('every text ≥ 4.5:1 (large 3:1) and every focus ring ≥ 3:1, in light, dark and night, zh and en, on five pages', async () => {
  const problems: string[] = [];
  for (const p of PAGES) {
    await p.open();
    for (const lang of ['zh', 'en'] as const) {
      await showLanguage(lang);
      for (const theme of THEMES) {
        await showTheme(theme);
        problems.push(...await shortfalls(`${p.name}/${lang}/${theme}`));
        if (lang === 'zh' && theme !== 'light') await page.screenshot({ path: join(SCREENSHOTS_DIR, `theme-${p.name}-${theme}.png`) });
      }
    }
  }
  assert.deepEqual(problems, [], `contrast shortfalls:\n${problems.join('\n')}`);
});

test('the date fields\' calendar pop-up in each palette, zh and en: its texts and focus rings, the chosen day standing out, and at 320 px', async () => {
  await page.goto(`${server.url}/#/incidents`);
  await page.getByTestId('filter-from').waitFor();
  const problems: string[] = [];
  for (const lang of ['zh', 'en'] as const) {
    await showLanguage(lang);
    for (const theme of THEMES) {
      await showTheme(theme);
      // By keyboard, as the zh walk in formDates.e2e.test.ts: the date read on leaving, Enter on the button.
      await page.getByTestId('filter-from').fill('2026-11-15');
      await page.getByTestId('filter-from').press('Tab');
      await page.keyboard.press('Enter');
      const calendar = page.getByTestId('calendar');
      await calendar.waitFor();
      problems.push(...await shortfalls(`calendar/${lang}/${theme}`, '[data-testid="calendar"]'));
      // The chosen day is a state shown by colour and edge: one of them ≥ 3:1 against the pop-up (WCAG 1.4.11).
      const chosen = await calendar.locator('td[aria-selected="true"]').evaluate((td: Element) => {
        const style = getComputedStyle(td);
        return { fill: style.backgroundColor, edge: /rgba?\([^)]*\)/.exec(style.boxShadow)?.[0] ?? style.backgroundColor, popup: getComputedStyle(td.closest('[data-testid="calendar"]')).backgroundColor };
      });
      const popupBg = seenOver([chosen.popup]);
      const standsOut = Math.max(contrastRatio(parseColour(chosen.fill), popupBg), contrastRatio(parseColour(chosen.edge), popupBg));
      if (standsOut < NON_TEXT_MIN_RATIO) problems.push(`calendar/${lang}/${theme}: the chosen day is ${standsOut.toFixed(2)}:1 against the pop-up (fill ${chosen.fill}, edge ${chosen.edge})`);
      if (theme !== 'light') await calendar.screenshot({ path: join(SCREENSHOTS_DIR, `calendar-${theme}-${lang}.png`) });
      // The 320 px reflow width: the pop-up fits the window and the page does not scroll sideways.
      await page.setViewportSize({ width: 320, height: 640 });
      await calendar.scrollIntoViewIfNeeded();
      const fit = await calendar.evaluate((el: Element) => ({ left: el.getBoundingClientRect().left, right: el.getBoundingClientRect().right, windowPx: document.documentElement.clientWidth, pagePx: document.documentElement.scrollWidth }));
      if (fit.left < 0 || fit.right > fit.windowPx || fit.pagePx > fit.windowPx) problems.push(`calendar/${lang}/${theme}/320: pop-up ${fit.left.toFixed(1)}–${fit.right.toFixed(1)} px, page ${fit.pagePx} px in a ${fit.windowPx} px window`);
      if (theme !== 'light') await page.screenshot({ path: join(SCREENSHOTS_DIR, `calendar-${theme}-${lang}-320.png`) });
      await page.getByTestId('calendar-close').click(); // the measuring left the focus outside it, where Esc does nothing
      await calendar.waitFor({ state: 'detached' });
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  }
  assert.deepEqual(problems, [], `calendar pop-up shortfalls:\n${problems.join('\n')}`);
});

test('the analysis page in each palette at 1280×720: chart colours read from the palette, zones apart without hue in night', async () => {
  await PAGES[3]?.open();
  await showLanguage('zh');
  for (const theme of THEMES) {
    await showTheme(theme);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS_DIR, `theme-analysis-${theme}.png`) });
    // Below the first screen: the map and a chart, each photographed on its own.
    await page.locator('.card.map').screenshot({ path: join(SCREENSHOTS_DIR, `theme-map-${theme}.png`) });
    await page.locator('[data-testid="sensor-GAS-1"] canvas').waitFor(); // uPlot is fetched as the chart is drawn
    await page.getByTestId('sensor-GAS-1').screenshot({ path: join(SCREENSHOTS_DIR, `theme-chart-${theme}.png`) });
    // The canvas charts cannot be measured through the DOM: their palette entries are, against the card.
    const palette = await page.evaluate(() => {
      const style = getComputedStyle(document.documentElement);
      return Object.fromEntries(['--card', '--chart-axis', '--chart-series', '--chart-threshold'].map((v) => [v, style.getPropertyValue(v).trim()]));
    });
    const card = parseColour(palette['--card'] as string);
    assert.ok(contrastRatio(parseColour(palette['--chart-axis'] as string), card) >= TEXT_MIN_RATIO, `${theme}: chart axis labels`);
    for (const line of ['--chart-series', '--chart-threshold']) assert.ok(contrastRatio(parseColour(palette[line] as string), card) >= NON_TEXT_MIN_RATIO, `${theme}: ${line}`);
  }
  // Night: red light leaves no hue to tell hot, warm and cold apart, so outline and fill must.
  const looks = await page.locator('[data-testid="hazard-map"] .zone').evaluateAll((zones) => zones.map((z: Element) => {
    const s = getComputedStyle(z);
    return `${s.strokeDasharray}|${s.fill === 'none' || /, 0\)$/.test(s.fill) ? 'empty' : s.fill}`;
  }));
  assert.equal(new Set(looks).size, looks.length, `each zone drawn differently: ${looks.join(' / ')}`);
  const swatches = await page.locator('.legend .swatch[class*="zone-"]').evaluateAll((spans) => spans.map((s: Element) => getComputedStyle(s).borderTopStyle + getComputedStyle(s).backgroundColor));
  assert.equal(new Set(swatches).size, swatches.length, `each legend swatch drawn differently: ${swatches.join(' / ')}`);
});

test('large text: the root grows to 20 px, is remembered, and the pages still fit 1280 px without sideways scrolling', async () => {
  await page.goto(`${server.url}/#/settings`);
  await page.getByTestId('text-size-select').selectOption('large');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '20px');
  await page.getByTestId('theme-select').selectOption('light');
  await page.reload();
  assert.equal(await page.evaluate(() => [document.documentElement.dataset.textSize, document.documentElement.dataset.theme].join()), 'large,light');
  for (const p of PAGES) {
    await p.open();
    const overflowPx = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflowPx <= 0, `${p.name}: ${overflowPx}px wider than the window`);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'theme-analysis-large-text.png') });
});

test('a stored palette is on <html> before the body is parsed, so a night screen never flashes light', async () => {
  await page.addInitScript(() => {
    new MutationObserver((_records: unknown, observer: { disconnect(): void }) => {
      if (!document.body) return;
      window.themeWhenBodyAppeared = document.documentElement.dataset.theme ?? 'unset';
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  for (const stored of ['night', 'dark'] as const) {
    await page.evaluate((theme) => localStorage.setItem('safe-edge-theme', theme), stored);
    await page.reload();
    assert.equal(await page.evaluate(() => window.themeWhenBodyAppeared), stored);
  }
});
