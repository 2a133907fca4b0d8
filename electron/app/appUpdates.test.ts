// The app's own updates: the checks' schedule and the differential-download fallback made visible, first
// with electron-updater faked, then with electron-updater's own code (its AppImage updater, Electron's
// network layer swapped for Node's) updating from a real `safe-edge update-server --app-dir` on 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type ClientRequest, type RequestOptions } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import electronUpdater, { type AppUpdater, type UpdateDownloadedEvent } from 'electron-updater';
import { configureRequestOptions, configureRequestUrl, HttpExecutor, type DownloadOptions } from 'builder-util-runtime';
import { buildBlockMap } from 'app-builder-lib/out/targets/blockmap/blockmap.js';
import { APP_UPDATES_PATH } from '../../engine/contract/appUpdates.js';
import { DifferentialFallbacks, differentialFallbackReason, watchDifferentialFallbacks, type UpdaterLogger } from './differentialFallback.js';
import { checkForAppUpdate, scheduleAppUpdateChecks, type IntervalTimers, type UpdaterLike } from './updates.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'safe-edge.js');

/** A logger that keeps each line with its level. */
function recordingLogger(): UpdaterLogger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (message?: unknown) => { lines.push(`${level} ${message instanceof Error ? message.stack : String(message)}`); };
  return { lines, info: keep('info'), warn: keep('warn'), error: keep('error') };
}

test('a differential download that falls back to a full one is warned about with its reason and counted', () => {
  // electron-updater's own wording (AppUpdater.differentialDownloadInstaller, AppImageUpdater, NsisUpdater):
  // it logs the error's stack after the colon.
  const err = new Error('Content-Type "multipart/byteranges" is expected, but got "application/octet-stream"');
  const failed = `Cannot download differentially, fallback to full download: ${err.stack}`;
  assert.equal(differentialFallbackReason(failed), 'Error: Content-Type "multipart/byteranges" is expected, but got "application/octet-stream"');
  assert.match(differentialFallbackReason('Unable to locate previous update.zip for differential download (is this first install?), falling back to full download') ?? '', /no update\.zip of an earlier update/);
  for (const other of ['Checking for update', 'Download block maps (old: "a", new: b)', 'Full: 3 MB, To download: 50 KB (2%)', undefined]) assert.equal(differentialFallbackReason(other), null, String(other));

  const base = recordingLogger();
  const fallbacks = new DifferentialFallbacks();
  const logger = watchDifferentialFallbacks(base, fallbacks, () => new Date('2026-03-01T10:00:00Z'));
  logger.info('Checking for update');
  assert.equal(fallbacks.count, 0);
  assert.equal('debug' in logger, false, 'no debug level when the base logger has none (electron-updater would dump its download plan)');
  logger.error(failed);
  assert.equal(fallbacks.count, 1);
  assert.deepEqual(fallbacks.last, { at: '2026-03-01T10:00:00.000Z', reason: 'Error: Content-Type "multipart/byteranges" is expected, but got "application/octet-stream"' });
  assert.equal(base.lines[1], `error ${failed}`, "electron-updater's own line still goes through, at its level");
  assert.match(base.lines[2] ?? '', /^warn app update: downloading the whole installer instead of its changed blocks \(1 since start\): Error: Content-Type "multipart\/byteranges"/);
  logger.error('Error: something else');
  assert.equal(fallbacks.count, 1, 'other errors are not fallbacks');
});

class FakeTimers implements IntervalTimers {
  ticks: Array<{ fn: () => void; ms: number }> = [];
  cleared = 0;
  setInterval(fn: () => void, ms: number): unknown { this.ticks.push({ fn, ms }); return this.ticks.length; }
  clearInterval(): void { this.cleared += 1; }
}
const settle = () => new Promise((resolve) => setImmediate(resolve));

test('update checks run now and every interval; offline, only the first failure of a run is logged', async () => {
  let online = false;
  let checks = 0;
  const updater: UpdaterLike = {
    setFeedURL: () => {}, autoDownload: false, autoInstallOnAppQuit: false,
    checkForUpdates: async () => { checks += 1; if (!online) throw new Error('net::ERR_INTERNET_DISCONNECTED'); return {}; },
  };
  const logs: string[] = [];
  const off = new FakeTimers();
  scheduleAppUpdateChecks(updater, { feedUrl: null, checkEveryMs: 1000 }, (m) => logs.push(m), off);
  await settle();
  assert.deepEqual([checks, off.ticks.length], [0, 0], 'no feed URL: no check, no timer');

  const timers = new FakeTimers();
  const stop = scheduleAppUpdateChecks(updater, { feedUrl: 'http://127.0.0.1:1/app/', checkEveryMs: 6 * 3600_000 }, (m) => logs.push(m), timers);
  await settle();
  assert.equal(checks, 1, 'checked at start');
  assert.equal(timers.ticks[0]?.ms, 6 * 3600_000);
  const tick = async () => { timers.ticks[0]?.fn(); await settle(); };
  await tick();
  await tick();
  assert.equal(checks, 3);
  assert.equal(logs.length, 1, 'three failed checks, one line');
  assert.match(logs[0] ?? '', /update check skipped \(net::ERR_INTERNET_DISCONNECTED\); will retry in 360 min/);
  online = true;
  await tick();
  online = false;
  await tick();
  assert.equal(logs.length, 2, 'offline again after a check got through: logged again');
  stop();
  assert.equal(timers.cleared, 1);
});

// ---- electron-updater's own code against the update server ------------------------------------------

/** Electron's net module is not there under plain Node: the same executor over node:http (what electron-updater's own tests do). */
class NodeHttpExecutor extends HttpExecutor<ClientRequest> {
  createRequest(options: RequestOptions, callback: (response: unknown) => void): ClientRequest { return httpRequest(options, callback); }
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(requestOptions, { destination, options, onCancel, responseHandler: null, callback: (error) => (error ? reject(error) : resolve(destination)) }, 0);
    });
  }
}

interface Install { updater: AppUpdater; fallbacks: DifferentialFallbacks; log: ReturnType<typeof recordingLogger> }

/** An installed 0.1.0 AppImage (`appImage`) with its own electron-updater, cache and per-install staging id. */
function install(dir: string, appImage: string): Install {
  mkdirSync(join(dir, 'user'), { recursive: true });
  // electron-updater's staging id: its last 4 bytes, 0x4fffffff of 0xffffffff, put this install at 31.25 %.
  writeFileSync(join(dir, 'user', '.updaterId'), '6f1c2d3e-4a5b-5c6d-8e7f-00004fffffff');
  writeFileSync(join(dir, 'app-update.yml'), 'provider: generic\nurl: http://127.0.0.1:1/\nupdaterCacheDirName: safe-edge-updater\n');
  const updater = new electronUpdater.AppImageUpdater(null, {
    version: '0.1.0', name: 'SAFE Edge', isPackaged: true, appUpdateConfigPath: join(dir, 'app-update.yml'),
    userDataPath: join(dir, 'user'), baseCachePath: join(dir, 'cache'),
    whenReady: () => Promise.resolve(), relaunch: () => {}, quit: () => {}, onQuit: () => {},
  });
  (updater as unknown as { httpExecutor: HttpExecutor<ClientRequest> }).httpExecutor = new NodeHttpExecutor();
  process.env.APPIMAGE = appImage; // how AppImageUpdater finds the installed file it patches
  const log = recordingLogger();
  const fallbacks = new DifferentialFallbacks();
  updater.logger = watchDifferentialFallbacks(log, fallbacks);
  return { updater, fallbacks, log };
}

/** One check through the shell's own checkForAppUpdate, and what electron-updater made of it. */
async function check(target: Install, feedUrl: string): Promise<{ event: 'not-available' | 'downloaded' | 'error'; file?: string; message?: string }> {
  const outcome = new Promise<{ event: 'not-available' | 'downloaded' | 'error'; file?: string; message?: string }>((resolve) => {
    target.updater.once('update-not-available', () => resolve({ event: 'not-available' }));
    target.updater.once('update-downloaded', (e: UpdateDownloadedEvent) => resolve({ event: 'downloaded', file: e.downloadedFile }));
    target.updater.once('error', (e: Error) => resolve({ event: 'error', message: e.message }));
  });
  assert.equal(await checkForAppUpdate(target.updater, { feedUrl, checkEveryMs: 3600_000 }, () => {}), 'checked');
  return outcome;
}

/** `safe-edge update-server --app-dir`, as IT runs it, on a free port of 127.0.0.1. */
async function startUpdateServer(root: string, appDir: string): Promise<{ base: string; banner: string; stop: () => Promise<void> }> {
  const init = spawnSync(process.execPath, [BIN, 'channel', 'init', join(root, 'channel'), '--keys', join(root, 'keys')], { encoding: 'utf8' });
  assert.equal(init.status, 0, init.stderr);
  const child = spawn(process.execPath, [BIN, 'update-server', '--channel', join(root, 'channel'), '--app-dir', appDir, '--host', '127.0.0.1', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let banner = '';
  const base = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      banner += chunk.toString();
      const match = /update server on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner);
      if (match && banner.includes('fleet:')) resolve(match[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`the update server exited (${code}): ${banner}`)));
  });
  return { base, banner, stop: () => new Promise<void>((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); }) };
}

const stage = (appDir: string, percent: number) => {
  const r = spawnSync(process.execPath, [BIN, 'channel', 'app-staging', appDir, String(percent)], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
};

test("electron-updater updates from the update server: staging honoured, the changed blocks only, and a fallback to a full download counted", async () => {
  const root = mkdtempSync(join(tmpdir(), 'safe-app-update-'));
  const appDir = join(root, 'release');
  mkdirSync(appDir);
  // 0.1.0 and 0.2.0 of an AppImage: 2 MiB, three separate 4 KiB stretches changed, each with its block
  // map appended the way electron-builder builds AppImages (appendBlockmap: deflate).
  const v1 = randomBytes(2 * 1024 * 1024);
  const v2 = Buffer.from(v1);
  for (const at of [300_000, 900_000, 1_600_000]) randomBytes(4096).copy(v2, at);
  const installed = join(root, 'SAFE-Edge-0.1.0.AppImage');
  writeFileSync(installed, v1);
  await buildBlockMap(installed, 'deflate');
  const released = join(appDir, 'SAFE-Edge-0.2.0.AppImage');
  writeFileSync(released, v2);
  const info = await buildBlockMap(released, 'deflate');
  const releasedBytes = readFileSync(released);
  writeFileSync(join(appDir, 'latest-linux.yml'), [
    'version: 0.2.0', 'files:', '  - url: SAFE-Edge-0.2.0.AppImage', `    sha512: ${info.sha512}`, `    size: ${info.size}`, `    blockMapSize: ${info.blockMapSize}`,
    'path: SAFE-Edge-0.2.0.AppImage', `sha512: ${info.sha512}`, "releaseDate: '2026-03-01T10:00:00.000Z'", '',
  ].join('\n'));
  stage(appDir, 25);

  const server = await startUpdateServer(root, appDir);
  const feedUrl = `${server.base}${APP_UPDATES_PATH}`;
  const appImageBefore = process.env.APPIMAGE;
  try {
    assert.match(server.banner, new RegExp(`app: +${feedUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(SAFE_EDGE_UPDATE_URL; latest-linux\\.yml 0\\.2\\.0\\)`));

    // Staged to 25 %: this install (31.25 %) keeps 0.1.0.
    const laptop = install(join(root, 'laptop'), installed);
    assert.deepEqual(await check(laptop, feedUrl), { event: 'not-available' });
    assert.ok(laptop.log.lines.some((l) => l.includes('Staging percentage: 0.25, percentage: 0.3124999')), `electron-updater read the staging IT set: ${laptop.log.lines.join('\n')}`);

    // Widened to 50 %: it takes 0.2.0, fetching only the changed blocks (one multipart request), no fallback.
    stage(appDir, 50);
    const updated = await check(laptop, feedUrl);
    assert.equal(updated.event, 'downloaded', updated.message ?? laptop.log.lines.join('\n'));
    assert.ok(readFileSync(updated.file as string).equals(releasedBytes), 'the downloaded AppImage is 0.2.0, byte for byte');
    assert.equal(laptop.fallbacks.count, 0, laptop.log.lines.filter((l) => !l.startsWith('info')).join('\n'));
    const plan = laptop.log.lines.find((l) => l.includes('To download:'));
    const share = Number(/\((\d+)%\)/.exec(plan ?? '')?.[1]);
    assert.ok(share > 0 && share < 10, `a few per cent of the file downloaded, not all of it: ${plan}`);

    // An installed file with no block map in it cannot be patched: electron-updater downloads it whole,
    // which it only logs; here it is counted and warned about with the reason.
    const unpatchable = join(root, 'SAFE-Edge-0.1.0-no-blockmap.AppImage');
    writeFileSync(unpatchable, v1);
    const other = install(join(root, 'other-laptop'), unpatchable);
    const full = await check(other, feedUrl);
    assert.equal(full.event, 'downloaded', full.message);
    assert.ok(readFileSync(full.file as string).equals(releasedBytes));
    assert.equal(other.fallbacks.count, 1);
    assert.ok(other.fallbacks.last?.reason, 'with its reason');
    assert.ok(other.log.lines.some((l) => l.startsWith('warn app update: downloading the whole installer') && l.endsWith(other.fallbacks.last?.reason ?? '?')), other.log.lines.join('\n'));
  } finally {
    if (appImageBefore === undefined) delete process.env.APPIMAGE; else process.env.APPIMAGE = appImageBefore;
    await server.stop();
  }
});
