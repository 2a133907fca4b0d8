// `npm run screenshots`: every page of the UI photographed in every palette, both languages and a few window
// sizes, to be looked at (issue 15, "Shown by"; docs/app.md, "Screenshots"). A real `safe-edge serve` on
// loopback with a fresh data directory is seeded with the incidents of examples/all.jsonl; each page is
// then shown in headless Chromium (the e2e tests' harness) and saved whole (full page) as
// dist/screenshots/all/<page>-<palette>-<lang>-<width>x<height>.png. Pages wider than the window are listed.
//
// Options: --sizes 1440x900,390x844   --pages incidents,analysis-hazmat   --palettes night   --langs en
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { FULL_PAGE_CAPTURE_ARGS, ROOT, SCREENSHOTS_DIR, launchBrowser, startServer, type RunningServer } from '../test/e2e/browserHarness.js';

const PALETTES = ['light', 'dark', 'night'] as const;
const LANGS = ['zh', 'en'] as const;
/** A wide desktop, a laptop, 1280×720, 1366×768 at 125 % scaling (1093×614), a phone, and the 320 px reflow width. */
const SIZES = ['1920x1080', '1440x900', '1280x720', '1093x614', '390x844', '320x640'];
const OUT_DIR = join(SCREENSHOTS_DIR, 'all');

/** A page of the UI: its name in the file name, its address, and what shows that it has finished drawing. */
interface Shot { name: string; hash: string; ready: string }

interface SeededRun { runId: string; type: string }

async function seed(server: RunningServer): Promise<SeededRun[]> {
  const lines = readFileSync(join(ROOT, 'examples', 'all.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
  const runs: SeededRun[] = [];
  for (const line of lines) {
    const response = await fetch(`${server.url}/v1/analyses`, { method: 'POST', body: line, headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` } });
    if (response.status !== 200) throw new Error(`seeding ${line.slice(0, 60)}…: HTTP ${response.status} ${await response.text()}`);
    const result = await response.json() as { runId: string; strategist?: { type: string } };
    runs.push({ runId: result.runId, type: result.strategist?.type ?? 'unknown' });
  }
  return runs;
}

/** Every page: the lists and forms once, the workspace once per hazard type analysed, the briefing of the first run. */
function shotsFor(runs: readonly SeededRun[]): Shot[] {
  const byType = new Map<string, string>();
  for (const run of runs) if (!byType.has(run.type)) byType.set(run.type, run.runId);
  const first = runs[0];
  if (!first) throw new Error('examples/all.jsonl has no incident');
  return [
    { name: 'incidents', hash: '#/incidents', ready: '[data-testid="history-table"], [data-testid="incident-count"]' },
    { name: 'new', hash: '#/new', ready: '[data-testid="submit"]' },
    { name: 'rerun', hash: `#/new/${encodeURIComponent(first.runId)}`, ready: '[data-testid="submit"]' },
    ...[...byType].map(([type, runId]) => ({ name: `analysis-${type}`, hash: `#/analysis/${encodeURIComponent(runId)}`, ready: '[data-testid="plan-table"]' })),
    { name: 'briefing', hash: `#/analysis/${encodeURIComponent(first.runId)}/briefing`, ready: 'main h1' },
    { name: 'device', hash: '#/device', ready: 'main h1' },
    { name: 'models', hash: '#/models', ready: 'main h1' },
    { name: 'settings', hash: '#/settings', ready: 'main h1' },
  ];
}

const list = (value: string | undefined, all: readonly string[]): string[] => {
  if (!value) return [...all];
  const chosen = value.split(',').map((v) => v.trim()).filter(Boolean);
  const unknown = chosen.filter((v) => !all.includes(v) && !/^\d+x\d+$/.test(v));
  if (unknown.length) throw new Error(`unknown: ${unknown.join(', ')} (choose from ${all.join(', ')})`);
  return chosen;
};

/** Two animation frames: the layout of a resized window and any redraw it starts are on screen. */
const settled = (page: Page) => page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sizes: { type: 'string' }, pages: { type: 'string' }, palettes: { type: 'string' }, langs: { type: 'string' } } });
  const sizes = list(values.sizes, SIZES).map((s) => { const [w, h] = s.split('x').map(Number); return { w: w as number, h: h as number }; });
  const palettes = list(values.palettes, PALETTES);
  const langs = list(values.langs, LANGS);
  // A whole run starts from an empty folder (no picture of a page that is gone); a part of the set adds to it.
  if (!values.sizes && !values.pages && !values.palettes && !values.langs) rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });

  const server = await startServer();
  const browser = await launchBrowser([...FULL_PAGE_CAPTURE_ARGS]); // pages taller than 8192 px are saved whole
  const errors: string[] = [];
  const sideways: string[] = [];
  let count = 0;
  try {
    const runs = await seed(server);
    const allShots = shotsFor(runs);
    const shots = values.pages ? allShots.filter((s) => list(values.pages, allShots.map((a) => a.name)).includes(s.name)) : allShots;
    // The browser's own locale is neither UI language's: what the pages show must follow the UI's choice.
    const page = await browser.newPage({ viewport: { width: sizes[0]!.w, height: sizes[0]!.h }, locale: 'fr-FR', timezoneId: 'Asia/Shanghai' });
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${server.url}/#token=${server.token}`);
    await page.getByTestId('engine-status').waitFor();
    for (const lang of langs) {
      for (const palette of palettes) {
        await page.evaluate(`localStorage.setItem('safe-edge-language', '${lang}'); localStorage.setItem('safe-edge-theme', '${palette}')`);
        await page.reload();
        await page.getByTestId('engine-status').waitFor();
        for (const shot of shots) {
          await page.evaluate(`window.location.hash = ${JSON.stringify(shot.hash)}`);
          await page.locator(shot.ready).first().waitFor();
          await page.waitForLoadState('networkidle');
          for (const { w, h } of sizes) {
            await page.setViewportSize({ width: w, height: h });
            await settled(page);
            const file = `${shot.name}-${palette}-${lang}-${w}x${h}.png`;
            await page.screenshot({ path: join(OUT_DIR, file), fullPage: true });
            count++;
            // Only the 320 px reflow lets a table scroll in its own box; wider, the page itself must not scroll sideways.
            const overflowPx = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth') as number;
            if (overflowPx > 0) sideways.push(`${file}: ${overflowPx} px wider than the window`);
          }
        }
        process.stdout.write(`${lang} ${palette}: ${count} so far\n`);
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  console.log(`${count} screenshots in ${OUT_DIR}`);
  if (sideways.length) console.log(`pages that scroll sideways (to look at):\n${sideways.join('\n')}`);
  if (errors.length) {
    console.error(`script errors in the page:\n${[...new Set(errors)].join('\n')}`);
    process.exit(1);
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
