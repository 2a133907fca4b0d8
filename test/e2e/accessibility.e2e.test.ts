// Keyboard and screen reader (WCAG 2.1 AA, issue 15) in headless Chromium against a real `safe-edge serve`:
// axe-core on every page in both languages (no serious or critical violation), the skip link on a page
// other than the first, focus and window title following navigation, the live region, `lang` on the
// language switch, the header's focus ring contrast, reflow at 320 px, and no CSP violation anywhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, startSession, type E2ESession } from './browserHarness.js';

interface AxeViolation { id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }

let session: E2ESession;
let page: Page;
let runId: string;
const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

before(async () => {
  session = await startSession({ width: 1280, height: 720 });
  page = session.page;
  const { server } = session;
  const example = readFileSync(join(ROOT, 'examples', 'chlorine-tank-car-zh.json'), 'utf8');
  const response = await fetch(`${server.url}/v1/analyses`, { method: 'POST', body: example, headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` } });
  ({ runId } = await response.json() as { runId: string });
  // Every CSP violation of the page, recorded before any of its scripts runs.
  await page.addInitScript(`window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));`);
  await page.goto(`${server.url}/#token=${server.token}`);
  await page.getByTestId('engine-status').filter({ hasText: '引擎正常' }).waitFor();
});
after(async () => {
  await session?.close();
  assert.deepEqual(session?.pageErrors, [], 'no script errors in the page');
});

/** The pages, by their address, with what shows that each has finished loading. */
const PAGES = (): Array<{ name: string; hash: string; ready: string }> => [
  { name: 'incidents', hash: '#/incidents', ready: '[data-testid="history-table"]' },
  { name: 'new', hash: '#/new', ready: '[data-testid="report-text"]' },
  { name: 'analysis', hash: `#/analysis/${runId}`, ready: '[data-testid="plan-table"]' },
  // The alert list, or its "no alerts" line: which one depends on this machine's state at the time.
  { name: 'device', hash: '#/device', ready: '[data-testid="alert-list"], [data-testid="alerts-none"], [data-testid="alerts-off"]' },
  { name: 'models', hash: '#/models', ready: '#models-title' },
  { name: 'settings', hash: '#/settings', ready: '[data-testid="language-select"]' },
];

async function visit(hash: string, ready: string): Promise<void> {
  await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
  await page.locator(ready).first().waitFor();
  await page.locator('main h1').first().waitFor();
}

/** axe-core in the page (evaluated over the DevTools protocol, which the page's CSP does not govern). */
async function seriousViolations(): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
const describe = (violations: AxeViolation[]) => violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`).join('\n');

test('axe-core finds no serious or critical violation on any page, in Chinese and in English', async () => {
  for (const language of ['zh', 'en'] as const) {
    if (language === 'en') await page.getByTestId('language-toggle').click();
    await page.locator(`html[lang="${language === 'zh' ? 'zh-CN' : 'en'}"]`).waitFor();
    for (const { name, hash, ready } of PAGES()) {
      await visit(hash, ready);
      const violations = await seriousViolations();
      assert.equal(violations.length, 0, `${name} (${language}):\n${describe(violations)}`);
    }
  }
  await page.getByTestId('language-toggle').click(); // back to Chinese for the tests below
  await page.locator('html[lang="zh-CN"]').waitFor();
  assert.deepEqual(await page.evaluate('window.cspViolations'), [], 'nothing the CSP refused');
});

test('the skip link focuses main on a page other than the first, without changing the route', async () => {
  await visit('#/settings', '[data-testid="language-select"]');
  await page.locator('a.skip').focus();
  assert.ok(await page.locator('a.skip').isVisible(), 'shown when focused');
  await session.shot('skip-link-settings-zh');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate('window.location.hash'), '#/settings', 'still on the settings page');
  assert.equal(await page.evaluate('document.activeElement.id'), 'main');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate('document.activeElement.dataset.testid'), 'language-select', 'Tab goes on inside the page');
});

test('a route change moves focus to the page\'s heading and names the page in the window title', async () => {
  await page.locator('nav a[href="#/models"]').click();
  await page.locator('#models-title:focus').waitFor();
  assert.equal(await page.title(), '模型与更新 — SAFE Edge');
  await page.getByTestId('language-toggle').click();
  await page.waitForFunction(`document.title === 'Models and updates — SAFE Edge'`);
  await page.locator('nav a[href="#/incidents"]').click();
  await page.locator('#incidents-title:focus').waitFor();
  assert.equal(await page.title(), 'Incidents — SAFE Edge');
  await page.getByTestId('language-toggle').click();
  assert.equal(await page.title(), '事件列表 — SAFE Edge');
});

test('the language switch says its language; a polite live region is there to announce into', async () => {
  const toggle = page.getByTestId('language-toggle');
  assert.equal(await toggle.textContent(), 'English');
  assert.equal(await toggle.getAttribute('lang'), 'en');
  await toggle.click();
  assert.equal(await toggle.textContent(), '中文');
  assert.equal(await toggle.getAttribute('lang'), 'zh-CN');
  await toggle.click();
  const region = page.getByTestId('live-region');
  assert.equal(await region.getAttribute('role'), 'status');
  assert.equal(await region.getAttribute('aria-live'), 'polite');
});

/** WCAG relative luminance contrast of two computed `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r, g, bl] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
      const s = Number(c) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

test('the focus ring on the dark header is at least 3:1 against the bar and the current page\'s tab', async () => {
  await visit('#/incidents', '[data-testid="history-table"]');
  const current = page.locator('nav a[aria-current="page"]');
  await current.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab'); // a keyboard focus, so :focus-visible applies
  const colours = await page.evaluate(`(() => {
    const link = document.activeElement, style = getComputedStyle(link);
    return { outline: style.outlineColor, outlineStyle: style.outlineStyle, tab: style.backgroundColor, bar: getComputedStyle(link.closest('.topbar')).backgroundColor };
  })()`) as { outline: string; outlineStyle: string; tab: string; bar: string };
  assert.equal(await current.evaluate((link) => link === link.ownerDocument.activeElement), true, 'the current page\'s link has the focus');
  assert.notEqual(colours.outlineStyle, 'none', 'a focus ring is drawn');
  await page.screenshot({ path: join(ROOT, 'dist', 'screenshots', 'header-focus-ring-zh.png'), clip: { x: 0, y: 0, width: 1280, height: 120 } });
  assert.ok(contrast(colours.outline, colours.bar) >= 3, `ring ${colours.outline} on the bar ${colours.bar}: ${contrast(colours.outline, colours.bar).toFixed(2)}:1`);
  assert.ok(contrast(colours.outline, colours.tab) >= 3, `ring ${colours.outline} on the tab ${colours.tab}: ${contrast(colours.outline, colours.tab).toFixed(2)}:1`);
});

test('at 320 px wide no page scrolls sideways (tables and charts scroll in their own box), the ICS-201 briefing included, in both languages', async () => {
  await page.setViewportSize({ width: 320, height: 640 });
  try {
    for (const language of ['zh', 'en'] as const) {
      if (language === 'en') await page.getByTestId('language-toggle').click();
      await page.locator(`html[lang="${language === 'zh' ? 'zh-CN' : 'en'}"]`).waitFor();
      const pages = [...PAGES(), { name: 'briefing', hash: `#/analysis/${runId}/briefing`, ready: '[data-testid="ics201"]' }];
      for (const { name, hash, ready } of pages) {
        await visit(hash, ready);
        const widthPx = await page.evaluate('document.documentElement.scrollWidth') as number;
        await session.shot(`${name}-320px-${language}`);
        // What sticks out, to find it when this fails.
        const wide = widthPx > 320 ? await page.evaluate(`[...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > 320.5)
          .slice(0, 5).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')`) : '';
        assert.ok(widthPx <= 320, `${name} (${language}) is ${widthPx} px wide at 320 px: ${wide}`);
      }
    }
  } finally {
    await page.getByTestId('language-toggle').click(); // back to Chinese
    await page.setViewportSize({ width: 1280, height: 720 });
  }
});
