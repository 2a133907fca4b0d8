// Dates in the forms follow the UI's language, not the browser's (docs/app.md, "Dates in the forms"): the
// browser here is a US one (en-US, where a native date input shows mm/dd/yyyy). In Chinese the incidents
// list's date filters and the new-incident form's report time read 2026年11月30日; in English 30 Nov 2026.
// What is typed that way filters the list, a date that does not exist says so and changes nothing, and a
// report time typed in English reaches the engine as that moment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { analyseExample, sessionPerFile, type E2ESession, type RunningServer } from './browserHarness.js';

let session: E2ESession;
let server: RunningServer;
let page: Page;

sessionPerFile({
  width: 1280, height: 720, locale: 'en-US', signIn: true,
  prepare: async (s) => { await analyseExample(s.server, 'chlorine-tank-car-zh'); },
}, (s) => { session = s; ({ server, page } = s); });

async function openIn(lang: 'zh' | 'en', hash: string): Promise<void> {
  await page.evaluate(`localStorage.setItem('safe-edge-language', '${lang}'); window.location.hash = '${hash}'`);
  await page.reload();
  await page.locator('main h1').first().waitFor();
}

/** Types into a date field and leaves it (Tab), as a person would; returns what the field then shows. */
async function typeDate(testId: string, text: string): Promise<string> {
  const field = page.getByTestId(testId);
  await field.fill(text);
  await field.press('Tab');
  return field.inputValue();
}

const CASES = {
  zh: { count: (n: number) => `共 ${n} 起事件`, future: '2099/1/1', futureShown: '2099年1月1日', past: '2000-01-01', pastShown: '2000年1月1日', reported: /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/ },
  en: { count: (n: number) => `${n} incidents`, future: '1 January 2099', futureShown: '1 Jan 2099', past: '2000-01-01', pastShown: '1 Jan 2000', reported: /^\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}$/ },
} as const;

for (const lang of ['zh', 'en'] as const) {
  test(`date fields in the ${lang} UI are written as ${lang} writes dates, in a US browser`, async () => {
    const c = CASES[lang];
    await openIn(lang, '#/incidents');
    await page.getByTestId('incident-count').filter({ hasText: c.count(1) }).waitFor();
    assert.equal(await page.locator('input[type="date"], input[type="datetime-local"]').count(), 0, 'no native date input (it would follow the browser)');
    assert.equal(await page.getByTestId('filter-from').getAttribute('placeholder'), lang === 'zh' ? '例：2026年11月30日' : 'e.g. 30 Nov 2026', 'an example, not a date that looks set');

    assert.equal(await typeDate('filter-from', c.future), c.futureShown);
    await page.getByTestId('incident-count').filter({ hasText: c.count(0) }).waitFor();
    // A day that does not exist: said so, and the filter keeps the last date it could read.
    assert.equal(await typeDate('filter-from', '2000-02-30'), '2000-02-30');
    assert.equal(await page.getByTestId('filter-from-problem').getAttribute('data-problem'), 'impossible');
    assert.match(await page.getByTestId('filter-from-problem').innerText(), lang === 'zh' ? /2026年11月30日/ : /30 Nov 2026/);
    assert.match(await page.getByTestId('incident-count').innerText(), new RegExp(c.count(0)));
    assert.equal(await typeDate('filter-from', c.past), c.pastShown);
    await page.getByTestId('incident-count').filter({ hasText: c.count(1) }).waitFor();
    assert.equal(await page.getByTestId('filter-from-problem').count(), 0);

    await openIn(lang, '#/new');
    assert.match(await page.getByTestId('reported-at').inputValue(), c.reported, 'the report time defaults to now, in the UI language');
    await session.shot(`date-fields-${lang}`);
  });
}

test('a report time typed in English reaches the engine as that moment', async () => {
  await openIn('en', '#/new');
  await page.getByTestId('load-example').selectOption('chlorine-tank-car-en');
  // The example's 14:10 +08:00, shown in the browser's zone (Asia/Shanghai) and the UI's language.
  assert.equal(await page.getByTestId('reported-at').inputValue(), '12 Mar 2024, 14:10');
  assert.equal(await typeDate('reported-at', '13 March 2024, 09:30'), '13 Mar 2024, 09:30');
  await page.getByTestId('submit').click();
  await page.waitForURL(/#\/analysis\/(?!live)[^/]+$/);
  const runId = decodeURIComponent(/#\/analysis\/([^/]+)$/.exec(page.url())?.[1] ?? '');
  const stored = await (await fetch(`${server.url}/v1/runs/${encodeURIComponent(runId)}`, { headers: { authorization: `Bearer ${server.token}` } })).json() as { incident: { reportedAt?: string } };
  assert.equal(new Date(stored.incident.reportedAt ?? '').toISOString(), '2024-03-13T01:30:00.000Z', '09:30 in Shanghai');
});
