// The date fields' calendar and the re-run's time zone (docs/app.md, "Dates in the forms"), in a browser
// whose own zone is Asia/Shanghai: the calendar opened, walked and closed with the keyboard alone in zh
// (weeks from Monday) and by mouse in en, axe-core with it open; an incident reported at -05:00 re-run
// through the form comes back at -05:00, not moved into the browser's zone or UTC.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, SCREENSHOTS_DIR, sessionPerFile, type E2ESession, type RunningServer } from './browserHarness.js';

interface AxeViolation { id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }

let session: E2ESession;
let server: RunningServer;
let page: Page;
let rerunFrom = '';
const REPORTED_AT = '2026-03-14T23:40:00-05:00';
const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

sessionPerFile({
  width: 1280, height: 720, signIn: true,
  prepare: async (s) => {
    const incident = { ...JSON.parse(readFileSync(join(ROOT, 'examples', 'chlorine-tank-car-en.json'), 'utf8')) as object, id: 'tz-rerun', reportedAt: REPORTED_AT };
    const response = await fetch(`${s.server.url}/v1/analyses`, {
      method: 'POST', body: JSON.stringify(incident), headers: { 'content-type': 'application/json', authorization: `Bearer ${s.server.token}` },
    });
    assert.equal(response.status, 200);
    ({ runId: rerunFrom } = await response.json() as { runId: string });
  },
}, (s) => { session = s; ({ server, page } = s); });

async function openIn(lang: 'zh' | 'en', hash: string): Promise<void> {
  await page.evaluate(`localStorage.setItem('safe-edge-language', '${lang}'); window.location.hash = '${hash}'`);
  await page.reload();
  await page.locator('main h1').first().waitFor();
}

const focusedDate = () => page.evaluate('document.activeElement?.dataset?.date ?? null');

async function seriousViolations(): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('zh: the calendar by keyboard alone: weeks from Monday, arrows, Home, PageUp/PageDown, Enter chooses, Esc closes', async () => {
  await openIn('zh', '#/incidents');
  const field = page.getByTestId('filter-from');
  await field.fill('2026-11-15');
  await field.press('Tab'); // read on leaving; Tab lands on the calendar button
  const button = page.getByTestId('filter-from-calendar');
  assert.equal(await page.evaluate('document.activeElement.dataset.testid'), 'filter-from-calendar');
  assert.equal(await button.getAttribute('aria-label'), '打开日历');
  assert.equal(await button.getAttribute('aria-haspopup'), 'dialog');
  await page.keyboard.press('Enter');
  const calendar = page.getByTestId('calendar');
  await calendar.waitFor();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.equal(await calendar.getAttribute('role'), 'dialog');
  assert.equal(await calendar.getAttribute('aria-label'), '选择日期');
  assert.equal(await calendar.locator('table').getAttribute('role'), 'grid');
  assert.deepEqual(await calendar.locator('th').allTextContents(), ['周一', '周二', '周三', '周四', '周五', '周六', '周日'], 'the week starts on Monday');
  assert.equal(await calendar.locator('th').first().getAttribute('abbr'), '星期一');
  assert.equal(await page.getByTestId('calendar-month').textContent(), '2026年11月');
  assert.equal(await focusedDate(), '2026-11-15', 'opens on the field\'s date, focused');
  assert.equal(await calendar.locator('td[data-date="2026-11-15"]').getAttribute('aria-selected'), 'true');
  assert.equal(await calendar.locator('td[data-date="2026-11-15"]').getAttribute('aria-label'), '2026年11月15日星期日');
  await session.shot('calendar-zh');

  for (const [key, day] of [['ArrowRight', '2026-11-16'], ['ArrowDown', '2026-11-23'], ['PageDown', '2026-12-23'], ['PageUp', '2026-11-23'], ['PageUp', '2026-10-23'], ['Home', '2026-10-19'], ['ArrowLeft', '2026-10-18']] as const) {
    await page.keyboard.press(key);
    assert.equal(await focusedDate(), day, `${key} → ${day}`);
  }
  assert.equal(await page.getByTestId('calendar-month').textContent(), '2026年10月');
  assert.deepEqual(await seriousViolations(), [], 'axe-core with the calendar open');
  await page.keyboard.press('Enter');
  await calendar.waitFor({ state: 'detached' });
  assert.equal(await field.inputValue(), '2026年10月18日', 'the chosen day, written as the UI writes it');
  assert.equal(await page.evaluate('document.activeElement.dataset.testid'), 'filter-from-calendar', 'focus back on the button');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');

  await page.keyboard.press('Enter');
  await calendar.waitFor();
  assert.equal(await focusedDate(), '2026-10-18');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await calendar.waitFor({ state: 'detached' });
  assert.equal(await field.inputValue(), '2026年10月18日', 'Esc chooses nothing');
  assert.equal(await page.evaluate('document.activeElement.dataset.testid'), 'filter-from-calendar');
});

test('en: a re-run of an incident reported at -05:00 shows its time there, says the zone, and is sent back at -05:00; the calendar by mouse keeps the time', async () => {
  await openIn('en', `#/new/${encodeURIComponent(rerunFrom)}`);
  const field = page.getByTestId('reported-at');
  assert.equal(await field.inputValue(), '14 Mar 2026, 23:40', 'the wall clock as reported, not Shanghai\'s 15 Mar 12:40');
  assert.equal(await page.getByTestId('reported-at-zone').textContent(), 'Time zone: UTC-05:00 (as the incident was reported)');
  assert.match(await field.getAttribute('aria-describedby') ?? '', new RegExp(await page.getByTestId('reported-at-zone').getAttribute('id') ?? 'none'));
  await page.getByTestId('reported-at-calendar').click();
  const calendar = page.getByTestId('calendar');
  await calendar.waitFor();
  assert.equal(await calendar.getAttribute('aria-label'), 'Choose a date');
  assert.deepEqual(await calendar.locator('th').allTextContents(), ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
  assert.equal(await page.getByTestId('calendar-month').textContent(), 'March 2026');
  assert.equal(await page.getByTestId('calendar-previous').getAttribute('aria-label'), 'Previous month');
  assert.match(await calendar.locator('.calendar-help').textContent() ?? '', /Page Up\/Page Down the month/);
  await session.shot('calendar-en');
  // The calendar button is a toggle by mouse too: a second click closes it (its pointerdown is not "outside").
  await page.getByTestId('reported-at-calendar').click();
  await calendar.waitFor({ state: 'detached' });
  await page.getByTestId('reported-at-calendar').click();
  await calendar.waitFor();
  await calendar.locator('td[data-date="2026-03-13"]').click();
  await calendar.waitFor({ state: 'detached' });
  assert.equal(await field.inputValue(), '13 Mar 2026, 23:40', 'the day changes, the time of day stays');
  await page.locator('.field', { has: field }).screenshot({ path: join(SCREENSHOTS_DIR, 'rerun-timezone-en.png') });

  await page.getByTestId('submit').click();
  await page.waitForURL(/#\/analysis\/(?!live)[^/]+$/);
  const runId = decodeURIComponent(/#\/analysis\/([^/]+)$/.exec(page.url())?.[1] ?? '');
  const stored = await (await fetch(`${server.url}/v1/runs/${encodeURIComponent(runId)}`, { headers: { authorization: `Bearer ${server.token}` } })).json() as { incident: { reportedAt?: string } };
  assert.equal(stored.incident.reportedAt, '2026-03-13T23:40:00-05:00', 'the offset kept through the form');
});

test('zh: the re-run form names the kept zone in Chinese', async () => {
  await openIn('zh', `#/new/${encodeURIComponent(rerunFrom)}`);
  assert.equal(await page.getByTestId('reported-at').inputValue(), '2026年3月14日 23:40');
  assert.equal(await page.getByTestId('reported-at-zone').textContent(), '时区：UTC-05:00（沿用事件报告时的时区）');
  await page.locator('.field', { has: page.getByTestId('reported-at') }).screenshot({ path: join(SCREENSHOTS_DIR, 'rerun-timezone-zh.png') });
});
