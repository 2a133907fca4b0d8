// `npm run screenshots` and the e2e tests save pages whole (docs/app.md, "Screenshots"). A 320 px workspace or
// briefing is 8–11,000 px tall, and this Chromium's GPU path (SwiftShader, largest texture 8192 px) repeated
// the page from its top below 8192 px: the header showed a second time partway down. A page of coloured
// bands, 1000 px each, 12,000 px in all, is captured by the screenshot tool's browser and by an e2e session's
// own `shot`, and read back in the browser: every band must be where it is on the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FULL_PAGE_CAPTURE_ARGS, SCREENSHOTS_DIR, launchBrowser, startSession } from './browserHarness.js';

const BAND_PX = 1000;
const BANDS = 12;
/** Band i's colour: red counts up, green down, so no two bands match. */
const bandColour = (i: number): [number, number, number] => [i * 20, 255 - i * 20, 0];

/** Captures the page of bands with `capture`, then has the browser decode the PNG: its height and one pixel from the middle of each band. */
async function captureBands(page: Page, capture: () => Promise<Buffer>): Promise<{ heightPx: number; centres: number[][] }> {
  const bands = Array.from({ length: BANDS }, (_, i) => `<div style="height:${BAND_PX}px;background:rgb(${bandColour(i).join(',')})"></div>`).join('');
  await page.setContent(`<body style="margin:0">${bands}</body>`);
  const png = await capture();
  await page.setContent('<body></body>');
  return await page.evaluate(`(async () => {
    const img = new Image();
    img.src = 'data:image/png;base64,${png.toString('base64')}';
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 1; canvas.height = 1;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const centres = [];
    for (let i = 0; i < ${BANDS}; i++) {
      context.drawImage(img, 10, i * ${BAND_PX} + ${BAND_PX / 2}, 1, 1, 0, 0, 1, 1);
      centres.push(Array.from(context.getImageData(0, 0, 1, 1).data.slice(0, 3)));
    }
    return { heightPx: img.naturalHeight, centres };
  })()`) as { heightPx: number; centres: number[][] };
}

function assertWhole(read: { heightPx: number; centres: number[][] }, who: string): void {
  assert.equal(read.heightPx, BANDS * BAND_PX, `${who}: the whole page is in the picture`);
  assert.deepEqual(read.centres, Array.from({ length: BANDS }, (_, i) => bandColour(i)), `${who}: each band where it is on the page, none repeated from the top`);
}

test('the screenshot tool captures a page taller than 8192 px whole, top to bottom', async () => {
  const browser = await launchBrowser([...FULL_PAGE_CAPTURE_ARGS]);
  try {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    assertWhole(await captureBands(page, () => page.screenshot({ fullPage: true })), 'npm run screenshots');
  } finally {
    await browser.close();
  }
});

test("an e2e session's own full-page shot of a page taller than 8192 px is whole too", async () => {
  const session = await startSession({ width: 320, height: 640 });
  try {
    assertWhole(await captureBands(session.page, async () => {
      await session.shot('capture-12000px');
      return readFileSync(join(SCREENSHOTS_DIR, 'capture-12000px.png'));
    }), 'E2ESession.shot');
  } finally {
    await session.close();
  }
});
