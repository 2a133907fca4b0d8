// A message the screening rules keep and the report-screen model screens (docs/models.md#the-report-screen),
// end to end in headless Chromium against a real `safe-edge serve`: the workspace says it is not an incident,
// names the model and how sure it is, in Chinese and in English, and shows no grade or plan until the commander
// opens the analysis made anyway. Screenshots: dist/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { sessionPerFile, type E2ESession } from './browserHarness.js';

let session: E2ESession;
let page: Page;

sessionPerFile({ width: 1366, height: 900, signIn: true }, (s) => { session = s; ({ page } = s); });

const PODCAST = 'Podcast episode 12: the chemical plant explosion that changed safety law forever, out now on all platforms.';

for (const lang of ['zh', 'en'] as const) {
  test(`a podcast blurb about an explosion (${lang}): not an incident, by the report-screen model, with how sure it is`, async () => {
    await page.evaluate(`localStorage.setItem('safe-edge-language', '${lang}')`);
    await page.reload();
    await page.getByTestId('nav-new').click();
    await page.getByTestId('report-text').fill(PODCAST);
    await page.getByTestId('submit').click();
    const banner = page.getByTestId('not-incident-banner');
    await banner.waitFor();
    const text = await banner.textContent() ?? '';
    assert.match(text, lang === 'zh' ? /事件甄别模型.*（把握 (> 99|\d{2})%）/ : /report-screen model.*\((> 99|\d{2}) % sure\)/, text);
    assert.match(text, /Podcast episode 12/, 'the cue: the message\'s own words');
    // No grade and no plan on the first screen: the analysis the pipeline made anyway is folded until opened.
    const folded = page.getByTestId('screened-analysis');
    assert.equal(await folded.evaluate((d) => (d as HTMLDetailsElement).open), false);
    assert.equal(await page.getByTestId('answer-band').isVisible(), false);
    await session.shot(`learned-screen-${lang}`);
    await folded.locator(':scope > summary').click();
    await page.getByTestId('answer-band').waitFor();
  });
}
