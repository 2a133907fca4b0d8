// `npm run screenshots` saves pages whole (docs/app.md, "Screenshots"). A 320 px workspace or briefing is
// 8–11,000 px tall, and this Chromium's GPU path (SwiftShader, largest texture 8192 px) repeated the page
// from its top below 8192 px: the header showed a second time partway down. A page of coloured bands,
// 1000 px each, 12,000 px in all, is captured with the screenshot tool's flags and read back in the browser:
// every band must be where it is on the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FULL_PAGE_CAPTURE_ARGS, launchBrowser } from './browserHarness.js';

const BAND_PX = 1000;
const BANDS = 12;
/** Band i's colour: red counts up, green down, so no two bands match. */
const bandColour = (i: number): [number, number, number] => [i * 20, 255 - i * 20, 0];

test('a full-page capture taller than 8192 px shows the whole page once, top to bottom', async () => {
  const browser = await launchBrowser([...FULL_PAGE_CAPTURE_ARGS]);
  try {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    const bands = Array.from({ length: BANDS }, (_, i) => `<div style="height:${BAND_PX}px;background:rgb(${bandColour(i).join(',')})"></div>`).join('');
    await page.setContent(`<body style="margin:0">${bands}</body>`);
    const png = await page.screenshot({ fullPage: true });
    // The browser decodes the PNG: one pixel from the middle of each band.
    await page.setContent('<body></body>');
    const read = await page.evaluate(`(async () => {
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
    assert.equal(read.heightPx, BANDS * BAND_PX, 'the whole page is in the picture');
    assert.deepEqual(read.centres, Array.from({ length: BANDS }, (_, i) => bandColour(i)), 'each band where it is on the page, none repeated from the top');
  } finally {
    await browser.close();
  }
});
