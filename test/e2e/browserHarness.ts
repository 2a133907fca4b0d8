// Shared by the end-to-end tests and bench:ui: a real `safe-edge serve` on a free port and a headless
// Chromium (from the npm package @sparticuz/chromium, so `npm ci && npm test` needs nothing else).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const SCREENSHOTS_DIR = join(ROOT, 'dist', 'screenshots');

/** A served engine, a browser and one page in it, with the page's script errors collected; `shot` saves a
 *  full-page screenshot to dist/screenshots/ (to be looked at). One page per session: this headless
 *  Chromium runs as a single process, and closing a page ends it. */
export interface E2ESession { server: RunningServer; browser: Browser; page: Page; pageErrors: string[]; shot(name: string): Promise<void>; close(): Promise<void> }

/** `dataDir`: serve a data directory the test prepared (say, models already updated); a fresh one otherwise.
 *  `env`: settings for the served engine (a test-only one such as SAFE_EDGE_TEST_DB_SPARE_PAGES).
 *  `locale`: the browser's own locale (zh-CN unless a test shows that the UI does not follow it). */
export interface SessionOptions { width: number; height: number; acceptDownloads?: boolean; dataDir?: string; env?: NodeJS.ProcessEnv; locale?: string }

export interface FileSessionOptions extends SessionOptions {
  /** Work before the file's tests, once the session has started (analyses for the pages to show, say). */
  prepare?(session: E2ESession): Promise<void>;
  /** Then open the app with the operator token (kept for the session) and wait for the engine's status. */
  signIn?: boolean;
}

/**
 * One session for all the tests of a file, as node:test hooks: started before them (`use` receives it
 * first, then `prepare` runs, then the sign-in), closed after them, and no script error may have happened
 * in the page meanwhile.
 */
export function sessionPerFile(options: FileSessionOptions, use: (session: E2ESession) => void): void {
  let session: E2ESession | undefined;
  before(async () => {
    session = await startSession(options);
    use(session);
    await options.prepare?.(session);
    if (options.signIn) {
      await session.page.goto(`${session.server.url}/#token=${session.server.token}`);
      await session.page.getByTestId('engine-status').waitFor();
    }
  });
  after(async () => {
    await session?.close();
    assert.deepEqual(session?.pageErrors ?? [], [], 'no script errors in the page');
  });
}

export async function startSession(page: SessionOptions): Promise<E2ESession> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const server = await startServer(page.dataDir, 0, page.env);
  const browser = await launchTestBrowser();
  const opened = await browser.newPage({ viewport: { width: page.width, height: page.height }, acceptDownloads: page.acceptDownloads ?? false, locale: page.locale ?? 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const pageErrors: string[] = [];
  opened.on('pageerror', (err) => pageErrors.push(err.message));
  return {
    server, browser, page: opened, pageErrors,
    shot: async (name) => { await opened.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true }); },
    close: async () => { await browser.close(); await server.stop(); },
  };
}

/** The run a served engine saved for an example of examples/ (`chlorine-tank-car-zh`), analysed with the operator token. */
export async function analyseExample(server: RunningServer, example: string): Promise<{ runId: string }> {
  const response = await fetch(`${server.url}/v1/analyses`, {
    method: 'POST', body: readFileSync(join(ROOT, 'examples', `${example}.json`), 'utf8'),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
  });
  assert.equal(response.status, 200, `${example}: HTTP ${response.status}`);
  return await response.json() as { runId: string };
}

export interface RunningServer { url: string; token: string; dataDir: string; child: ChildProcess; stop(): Promise<void> }

/** `port`: 0 for a free one; a stopped server's port to bring the same engine back (same data, same token).
 *  `root`: the checkout whose build to serve (another worktree's, for bench:ui --against). */
export function startServer(dataDir = mkdtempSync(join(tmpdir(), 'safe-e2e-')), port = 0, env: NodeJS.ProcessEnv = {}, root = ROOT): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'safe-edge.js'), 'serve', '--port', String(port), '--data-dir', dataDir], {
      env: { ...process.env, SAFE_EDGE_LOG: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The address with the token is printed on stdout (never in the log on stderr); both are kept for errors.
    let log = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => { log += chunk.toString(); });
    child.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/#token=([0-9a-f]{64})/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1] as string, token: match[2] as string, dataDir, child,
          stop: () => new Promise<void>((done) => { child.once('exit', () => done()); child.kill('SIGTERM'); }),
        });
      }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited with ${code}:\n${log}`)); });
  });
}

/**
 * Flags for a browser that saves whole pages (`npm run screenshots`). This Chromium composites on the GPU
 * through SwiftShader, whose largest texture is 8192 px: a full-page capture taller than that repeated the
 * page from its top below 8192 px (the header a second time partway down a 320 px workspace or briefing;
 * the page itself has one). Software compositing has no such limit (test/e2e/screenshotCapture.e2e.test.ts).
 */
export const FULL_PAGE_CAPTURE_ARGS: readonly string[] = ['--disable-gpu'];

/** The browser of the e2e tests: composited in software like the screenshot tool's, so their own full-page
 *  shots of pages taller than 8192 px are whole too (test/e2e/screenshotCapture.e2e.test.ts). The benches keep
 *  `launchBrowser`, the conditions their figures were measured in. */
export function launchTestBrowser(extraArgs: string[] = []): Promise<Browser> {
  return launchBrowser([...FULL_PAGE_CAPTURE_ARGS, ...extraArgs]);
}

/** `extraArgs`: Chromium flags a test needs (the LAN test pins the server's key with --ignore-certificate-errors-spki-list). */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    args: [...chromium.args, '--disable-background-networking', '--disable-component-update', '--no-first-run', ...extraArgs],
    headless: true,
  });
}
