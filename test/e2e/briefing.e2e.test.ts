// The incidents list grouped per incident and the ICS-201 briefing printed to PDF, end to end in headless
// Chromium against a real `safe-edge serve` (docs/app.md). One incident is analysed twice, the second time
// with more dead (IV → III); the list shows one row with both runs inside and the escalation; the briefing
// is printed to PDF in Chinese and English. PDFs and screenshots go to dist/screenshots/ to be looked at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, SCREENSHOTS_DIR, sessionPerFile, type E2ESession, type RunningServer } from './browserHarness.js';

let session: E2ESession;
let server: RunningServer;
let page: Page;
const chlorine = JSON.parse(readFileSync(join(ROOT, 'examples', 'chlorine-tank-car-zh.json'), 'utf8')) as { id: string; facts: Record<string, unknown> };
const wildfire = JSON.parse(readFileSync(join(ROOT, 'examples', 'wildfire-village-zh.json'), 'utf8')) as unknown;
let latestChlorineRun = '';

sessionPerFile({
  width: 1366, height: 900, signIn: true,
  prepare: async () => {
    const analyse = async (incident: unknown): Promise<{ runId: string; strategist: { severity: string } }> => {
      const response = await fetch(`${server.url}/v1/analyses`, {
        method: 'POST', headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' }, body: JSON.stringify(incident),
      });
      assert.equal(response.status, 200);
      return await response.json() as { runId: string; strategist: { severity: string } };
    };
    assert.equal((await analyse(chlorine)).strategist.severity, 'IV');
    await analyse(wildfire);
    // Later the toll rises to 4 dead: Order 493 grades 3–9 deaths as level III.
    const again = await analyse({ ...chlorine, facts: { ...chlorine.facts, deaths: 4 } });
    assert.equal(again.strategist.severity, 'III');
    latestChlorineRun = again.runId;
  },
}, (s) => { session = s; ({ server, page } = s); });

async function useLanguage(lang: 'zh' | 'en', hash: string): Promise<void> {
  await page.evaluate(`localStorage.setItem('safe-edge-language', '${lang}')`);
  await page.goto(`${server.url}/${hash}`);
  await page.reload();
}

test('incidents: one row per incident with its runs inside, place, coloured level and the escalation (zh, en)', async () => {
  for (const lang of ['zh', 'en'] as const) {
    await useLanguage(lang, '#/incidents');
    await page.getByTestId('history-table').waitFor();
    assert.equal(await page.getByTestId('incident-group').count(), 2, 'three runs, two incidents');
    const group = page.locator(`[data-testid="incident-group"][data-incident="${chlorine.id}"]`);
    assert.equal(await group.getByTestId('level-path').getAttribute('data-direction'), 'escalated');
    assert.deepEqual(await group.getByTestId('level-path').locator('[data-level]').evaluateAll((chips) => chips.map((c) => `${c.getAttribute('data-level')} ${c.className}`)),
      ['IV level-chip severity-blue', 'III level-chip severity-yellow'], 'IV → III, each level in its colour');
    assert.match(await group.getByTestId('level-path').textContent() ?? '', lang === 'zh' ? /IV 级 → III 级 已升级/ : /Level IV → Level III escalated/);
    assert.equal(await group.getByTestId('incident-place').textContent(), '29.37°N 113.09°E');
    assert.equal(await group.getByTestId('incident-status').getAttribute('data-status'), 'ok');
    assert.equal(await group.getByTestId('run-row').first().isVisible(), false, 'the runs start folded');
    await group.getByTestId('toggle-runs').click();
    assert.equal(await group.getByTestId('toggle-runs').getAttribute('aria-expanded'), 'true');
    assert.equal(await group.locator('[data-testid="run-row"]:visible').count(), 2);
    await session.shot(`incidents-grouped-${lang}`);
  }
});

test('the workspace says the level went from IV to III across the runs', async () => {
  await useLanguage('zh', `#/analysis/${latestChlorineRun}`);
  await page.getByTestId('workspace-escalation').waitFor();
  assert.match(await page.getByTestId('workspace-escalation').textContent() ?? '', /2 次分析中响应级别的变化：IV 级 → III 级 已升级/);
  await page.getByTestId('workspace-escalation').screenshot({ path: join(SCREENSHOTS_DIR, 'workspace-escalation-zh.png') });
});

const SECTION_TITLES = {
  zh: ['事件名称', '事件编号', '编制日期和时间', '地图 / 草图', '态势概要与健康安全简报', '编制人', '当前及计划目标', '当前及计划行动（任务与时限）', '当前组织', '资源汇总'],
  en: ['Incident name', 'Incident number', 'Date and time prepared', 'Map / sketch', 'Situation summary and health and safety briefing', 'Prepared by',
    'Current and planned objectives', 'Current and planned actions (tasks and deadlines)', 'Current organisation', 'Resource summary'],
};

/** Pages in a PDF as Chromium writes it (one uncompressed page object each). */
const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;

function hasTool(name: string): boolean {
  try { execFileSync('which', [name], { stdio: 'ignore' }); return true; } catch { return false; }
}

test('ICS-201 briefing printed to PDF in Chromium: the form\'s sections, the map, header and footer on every page (zh, en)', async (t) => {
  for (const lang of ['zh', 'en'] as const) {
    await useLanguage(lang, `#/analysis/${latestChlorineRun}`);
    await page.getByTestId('print').click();
    await page.getByTestId('ics201').waitFor();
    await page.getByTestId('briefing-prepared-by').fill(lang === 'zh' ? '值班长 李伟' : 'Li Wei, duty officer');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.topbar').isVisible(), false, 'no app chrome on paper');
    assert.equal(await page.locator('.briefing-toolbar').isVisible(), false, 'no form fields on paper');
    const titles = await page.locator('.ics-box > h2').evaluateAll((hs) => hs.map((h) => h.textContent?.replace(/^\d+\.\s*/, '')));
    assert.deepEqual(titles, SECTION_TITLES[lang]);
    assert.ok(await page.locator('[data-testid="ics-section-4"] [data-testid="hazard-map"] path.zone').count() >= 3, 'the hazard map is on the form');
    assert.ok(await page.locator('[data-testid="ics-section-8"] [data-testid="plan-table"] tbody tr').count() >= 8, 'the plan\'s tasks with their deadlines');
    assert.match(await page.getByTestId('ics-section-6').textContent() ?? '', lang === 'zh' ? /值班长 李伟/ : /Li Wei, duty officer/);
    assert.match(await page.getByTestId('ics-section-5').textContent() ?? '', lang === 'zh' ? /III 级/ : /Level III/);
    const pageRule = String(await page.evaluate("document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\\n')"));
    assert.match(pageRule, /@top-left/);
    assert.match(pageRule, /counter\(pages\)/);
    const pdfPath = join(SCREENSHOTS_DIR, `briefing-${lang}.pdf`);
    const pdf = await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const pages = pdfPages(pdf);
    assert.ok(pages >= 2, `the briefing fills more than one A4 page (${pages})`);
    await session.shot(`briefing-print-${lang}`);
    await page.emulateMedia({ media: 'screen' });
    // The running header and footer are drawn by Chromium in the page margins, outside the DOM: read them
    // back from the PDF where poppler's pdftotext is installed (.ci/run may not have it).
    if (hasTool('pdftotext')) {
      const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
      writeFileSync(join(SCREENSHOTS_DIR, `briefing-${lang}.txt`), text);
      for (let n = 1; n <= pages; n += 1) {
        assert.ok(text.includes(lang === 'zh' ? `第 ${n} 页，共 ${pages} 页` : `Page ${n} of ${pages}`), `footer on page ${n}`);
      }
      assert.equal(text.split('ICS-201').length - 1 >= pages, true, 'the header on every page');
    } else {
      t.diagnostic('pdftotext not installed: header and footer text in the PDF not read back');
    }
  }
});
