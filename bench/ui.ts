// `npm run bench:ui`: time from navigation to a rendered analysis in headless Chromium (a stored run
// opened cold, new browser context each time), and the renderer bundle's size. Target: first render ≤ 1 s.
// answerBandMs: navigation to the same stored run until the answer band is on screen (docs/app.md,
// "The answer band"). Target ≤ 300 ms.
// The JavaScript the first page (the incidents list) really loads, from the browser's own requests:
// its total and its largest chunk, gzip. Target: largest chunk ≤ 120 KB gzip (docs/app.md, "Lean delivery").
// `--against <dir> [--rounds N]`: instead, this build against another checkout's build (a worktree of main,
// built), cold loads interleaved one by one in the same browser, so a busy machine slows both alike.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import type { Browser, BrowserContext } from 'playwright-core';
import { ROOT, launchBrowser, startServer } from '../test/e2e/browserHarness.js';
import { quantile } from '../engine/numeric/stats.js';

const TARGET_FIRST_RENDER_MS = 1000;
const TARGET_ANSWER_BAND_MS = 300;
const TARGET_LARGEST_INITIAL_CHUNK_GZIP_KB = 120;
const RUNS = 7;

async function main(): Promise<void> {
  const assets = join(ROOT, 'dist', 'renderer-app', 'assets');
  const files = readdirSync(assets).filter((f) => /\.(js|css)$/.test(f));
  const bundleBytes = files.reduce((s, f) => s + statSync(join(assets, f)).size, 0);
  const gzipBytes = files.reduce((s, f) => s + gzipSync(readFileSync(join(assets, f))).length, 0);

  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const example = readFileSync(join(ROOT, 'examples', 'chlorine-tank-car-zh.json'), 'utf8');
    const response = await fetch(`${server.url}/v1/analyses`, { method: 'POST', body: example, headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` } });
    const { runId } = await response.json() as { runId: string };
    const samples: number[] = [];
    const bandSamples: number[] = [];
    const liveSamples: number[] = [];
    // One context (the bundled Chromium runs single-process); the HTTP cache is disabled so every
    // navigation downloads, parses and runs the bundle again, as on a cold start.
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const initialJs = await firstPageScripts(context, server.url, server.token);
    const gzipKb = (file: string) => gzipSync(readFileSync(join(assets, '..', file))).length / 1024;
    const initialGzipKb = initialJs.reduce((sum, file) => sum + gzipKb(file), 0);
    const largestInitialGzipKb = Math.max(...initialJs.map(gzipKb));
    for (let i = 0; i < RUNS; i++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const t0 = performance.now();
      await page.goto(`${server.url}/#/analysis/${runId}&token=${server.token}`);
      await page.locator('[data-testid="answer-band"]').waitFor();
      bandSamples.push(performance.now() - t0);
      await page.locator('[data-testid="plan-table"]').waitFor();
      await page.locator('[data-testid="hazard-map"]').waitFor();
      samples.push(performance.now() - t0);
      // And a live analysis: submit the form, wait for the plan.
      await page.goto(`${server.url}/#/new`);
      await page.getByTestId('load-example').selectOption('chlorine-tank-car-zh');
      const t1 = performance.now();
      await page.getByTestId('submit').click();
      await page.locator('[data-testid="plan-table"]').waitFor();
      liveSamples.push(performance.now() - t1);
      await page.close();
    }
    const trace = await traceOneLoad(context, `${server.url}/#/analysis/${runId}&token=${server.token}`);
    await context.close();
    const firstRenderMs = quantile(samples, 0.5);
    const liveMs = quantile(liveSamples, 0.5);
    const answerBandMs = quantile(bandSamples, 0.5);
    console.log(`SAFE Edge UI benchmark — headless Chromium, ${RUNS} page loads with the HTTP cache disabled`);
    console.log(`navigation → rendered stored analysis: median ${firstRenderMs.toFixed(0)} ms (min ${Math.min(...samples).toFixed(0)}, max ${Math.max(...samples).toFixed(0)})   target ≤ ${TARGET_FIRST_RENDER_MS} ms (${(firstRenderMs / TARGET_FIRST_RENDER_MS).toFixed(2)}× of target)`);
    console.log(`navigation → answer band on screen: median ${answerBandMs.toFixed(0)} ms (min ${Math.min(...bandSamples).toFixed(0)}, max ${Math.max(...bandSamples).toFixed(0)})   target ≤ ${TARGET_ANSWER_BAND_MS} ms (${(answerBandMs / TARGET_ANSWER_BAND_MS).toFixed(2)}× of target)`);
    console.log(`submit → live analysis rendered (engine included): median ${liveMs.toFixed(0)} ms`);
    console.log(`bundle: ${(bundleBytes / 1024).toFixed(0)} KB raw, ${(gzipBytes / 1024).toFixed(0)} KB gzip (${files.length} files)`);
    console.log(`first page (incidents) loads ${initialJs.length} scripts, ${initialGzipKb.toFixed(0)} KB gzip; largest ${largestInitialGzipKb.toFixed(0)} KB gzip   target ≤ ${TARGET_LARGEST_INITIAL_CHUNK_GZIP_KB} KB`);
    console.log('where one load of the stored analysis spends its time (ms after navigation, from the page\'s own clock):');
    for (const line of trace) console.log(`  ${line}`);
    console.log(JSON.stringify({
      bench: 'ui', firstRenderMs: Math.round(firstRenderMs), answerBandMs: Math.round(answerBandMs), liveAnalysisMs: Math.round(liveMs),
      bundleKb: Math.round(bundleBytes / 1024), bundleGzipKb: Math.round(gzipBytes / 1024),
      targetFirstRenderMs: TARGET_FIRST_RENDER_MS, targetMet: firstRenderMs <= TARGET_FIRST_RENDER_MS,
      targetAnswerBandMs: TARGET_ANSWER_BAND_MS, answerBandTargetMet: answerBandMs <= TARGET_ANSWER_BAND_MS,
      initialChunkGzipKb: Math.round(initialGzipKb), largestInitialChunkGzipKb: Math.round(largestInitialGzipKb),
      targetLargestInitialChunkGzipKb: TARGET_LARGEST_INITIAL_CHUNK_GZIP_KB, largestInitialChunkTargetMet: largestInitialGzipKb <= TARGET_LARGEST_INITIAL_CHUNK_GZIP_KB,
    }));
  } finally {
    await browser.close();
    await server.stop();
  }
}

/**
 * One more cold load of the stored analysis, told from the page's side: every request from its start to
 * its last byte (resource timing), the main thread's long tasks, and when the app's root, the answer band
 * and the map appeared. Shows what waits on what (docs/performance.md, bench:ui).
 */
async function traceOneLoad(context: BrowserContext, address: string): Promise<string[]> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  // As strings: this file is compiled without the DOM's types.
  await page.addInitScript(`
    const marks = window.benchMarks = [];
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) marks.push(['long task', task.startTime, task.duration]);
    }).observe({ type: 'longtask', buffered: true });
    const watched = [['app drawn', '#root > *'], ['answer band', '[data-testid="answer-band"]'], ['map', '[data-testid="hazard-map"]']];
    new MutationObserver(() => {
      for (const [name, selector] of watched) {
        if (!marks.some(([seen]) => seen === name) && document.querySelector(selector)) marks.push([name, performance.now()]);
      }
    }).observe(document, { childList: true, subtree: true });`);
  await page.goto(address);
  await page.locator('[data-testid="hazard-map"]').waitFor();
  const seen = await page.evaluate(`({
    requests: performance.getEntriesByType('resource').map((e) => ({ name: new URL(e.name).pathname, startMs: e.startTime, endMs: e.responseEnd })),
    marks: window.benchMarks,
  })`) as { requests: Array<{ name: string; startMs: number; endMs: number }>; marks: Array<[string, number, number?]> };
  await page.close();
  const lines = [
    ...seen.requests.map((r) => ({ atMs: r.startMs, text: `${r.startMs.toFixed(0).padStart(5)} → ${r.endMs.toFixed(0).padStart(5)}  ${r.name.replace(/^\/v1\/runs\/.+/, '/v1/runs/<id>')}` })),
    ...seen.marks.map(([name, atMs, durationMs]) => ({ atMs, text: `${atMs.toFixed(0).padStart(5)}${durationMs === undefined ? '         ' : ` + ${durationMs.toFixed(0).padStart(5)}`}  ${name}` })),
  ];
  return lines.sort((a, b) => a.atMs - b.atMs).map((line) => line.text);
}

/** The script files (names in dist/renderer-app/assets) the browser requests to show the first page. */
async function firstPageScripts(context: BrowserContext, url: string, token: string): Promise<string[]> {
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    // Paths under the served app (assets/… and the theme boot script beside index.html).
    if (path.endsWith('.js')) scripts.add(path.replace(/^\/+/, ''));
  });
  await page.goto(`${url}/#token=${token}`);
  await page.locator('[data-testid="history-table"]').waitFor();
  // Taken as the list appears: the other pages' chunks are fetched two seconds later (App.tsx, preloadPages).
  const needed = [...scripts];
  await page.close();
  return needed;
}

/** A build served for the comparison: its root, server and stored run, and each load's figures. */
interface Side { root: string; url: string; token: string; runId: string; bandMs: number[]; firstRenderMs: number[]; cpuToBandMs: number[]; stop(): Promise<void> }

/**
 * `--against`: this build and another, `rounds` cold loads of the same stored example each, alternating
 * load by load (the order flips every round; one warm-up round first). Per load: navigation → answer band
 * and → first render (the band, the plan and the map), as in the main run, and the page's main-thread CPU
 * time up to the band, from a Chromium trace (each task's thread time: what the page computed, which
 * other processes on a busy machine do not inflate as much as they do the wall time).
 */
async function compare(otherRoot: string, rounds: number): Promise<void> {
  const example = readFileSync(join(ROOT, 'examples', 'chlorine-tank-car-zh.json'), 'utf8');
  const sides: Side[] = [];
  const browser = await launchBrowser();
  try {
    for (const root of [ROOT, otherRoot]) {
      const server = await startServer(undefined, 0, {}, root);
      const response = await fetch(`${server.url}/v1/analyses`, { method: 'POST', body: example, headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` } });
      const { runId } = await response.json() as { runId: string };
      sides.push({ root, url: server.url, token: server.token, runId, bandMs: [], firstRenderMs: [], cpuToBandMs: [], stop: server.stop });
    }
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    for (let round = -1; round < rounds; round++) {
      for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
        const load = await tracedLoad(browser, context, side);
        if (round < 0) continue; // warm-up: the servers' first answers, the browser's first pages
        side.bandMs.push(load.bandMs);
        side.firstRenderMs.push(load.firstRenderMs);
        side.cpuToBandMs.push(load.cpuToBandMs);
      }
    }
    await context.close();
  } finally {
    await browser.close();
    for (const side of sides) await side.stop();
  }
  const median = (xs: number[]) => quantile(xs, 0.5);
  console.log(`SAFE Edge UI benchmark — this build against ${otherRoot}: ${rounds} cold loads each, interleaved, HTTP cache disabled`);
  for (const side of sides) {
    console.log(`${side.root}: answer band median ${median(side.bandMs).toFixed(0)} ms (${side.bandMs.map((x) => x.toFixed(0)).join(' ')}); first render median ${median(side.firstRenderMs).toFixed(0)} ms; main-thread CPU to the band median ${median(side.cpuToBandMs).toFixed(0)} ms`);
  }
  const [self, other] = sides as [Side, Side];
  console.log(JSON.stringify({
    bench: 'ui-compare', rounds, against: otherRoot,
    answerBandMs: Math.round(median(self.bandMs)), againstAnswerBandMs: Math.round(median(other.bandMs)),
    firstRenderMs: Math.round(median(self.firstRenderMs)), againstFirstRenderMs: Math.round(median(other.firstRenderMs)),
    cpuToBandMs: Math.round(median(self.cpuToBandMs)), againstCpuToBandMs: Math.round(median(other.cpuToBandMs)),
  }));
}

interface TraceEvent { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { name?: string } }

/** One cold load of a side's stored run, traced: wall times from the bench's clock, CPU time from the trace. */
async function tracedLoad(browser: Browser, context: BrowserContext, side: Side): Promise<{ bandMs: number; firstRenderMs: number; cpuToBandMs: number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  // When the band entered the DOM, on the page's clock (as a string: this file has no DOM types).
  await page.addInitScript(`new MutationObserver((_, seen) => {
    if (document.querySelector('[data-testid="answer-band"]')) { window.benchBandAt = performance.now(); seen.disconnect(); }
  }).observe(document, { childList: true, subtree: true });`);
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', '__metadata'] });
  const t0 = performance.now();
  await page.goto(`${side.url}/#/analysis/${side.runId}&token=${side.token}`);
  await page.locator('[data-testid="answer-band"]').waitFor();
  const bandMs = performance.now() - t0;
  await page.locator('[data-testid="plan-table"]').waitFor();
  await page.locator('[data-testid="hazard-map"]').waitFor();
  const firstRenderMs = performance.now() - t0;
  const bandAtMs = await page.evaluate('window.benchBandAt') as number;
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  await page.close();
  // The page's main thread: its own process's, or the renderer thread of this single-process Chromium.
  const threads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && (e.args?.name === 'CrRendererMain' || e.args?.name === 'Chrome_InProcRendererThread')).map((e) => `${e.pid}:${e.tid}`));
  const onMain = (e: TraceEvent) => threads.has(`${e.pid}:${e.tid}`);
  const start = events.filter((e) => e.name === 'navigationStart' && onMain(e)).reduce((last, e) => Math.max(last, e.ts), 0);
  const end = start + bandAtMs * 1000;
  let cpuUs = 0;
  for (const e of events) {
    if (e.name !== 'ThreadControllerImpl::RunTask' || e.ph !== 'X' || !onMain(e) || e.ts < start || e.ts > end) continue;
    // A task running when the band appeared counts for its share up to then.
    cpuUs += (e.tdur ?? 0) * Math.min(1, (end - e.ts) / Math.max(1, e.dur ?? 1));
  }
  return { bandMs, firstRenderMs, cpuToBandMs: cpuUs / 1000 };
}

const againstAt = process.argv.indexOf('--against');
if (againstAt > 0) {
  const roundsAt = process.argv.indexOf('--rounds');
  compare(process.argv[againstAt + 1] as string, roundsAt > 0 ? Number(process.argv[roundsAt + 1]) : 15).catch((err) => { console.error(err); process.exit(1); });
} else {
  main().catch((err) => { console.error(err); process.exit(1); });
}
