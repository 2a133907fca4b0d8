// The app's releases on the update server: the files electron-updater reads (no-cache update info, Range
// requests one or many), IT's staging route and CLI verb, and the fleet page. All on 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { APP_STAGING_PATH, APP_UPDATES_PATH } from '../../engine/contract/appUpdates.js';
import { ERROR_CODES } from '../../engine/contract/errors.js';
import { ChannelRepository } from '../channel/channelRepository.js';
import { generateRoleKeys } from '../channel/keys.js';
import { buildUpdateServer } from './app.js';
import { parseRange } from './byteRanges.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const TOKEN = 'it-admin-token';
const INSTALLER = 'SAFE Edge Setup 0.2.0.exe';

/** electron-builder's output as it writes it (the update info in its own layout), plus its build internals. */
function releaseDir(root: string): { dir: string; installer: Buffer; infoTexts: Record<string, string> } {
  const dir = join(root, 'release');
  mkdirSync(join(dir, 'win-unpacked'), { recursive: true });
  const installer = randomBytes(300 * 1024);
  writeFileSync(join(dir, INSTALLER), installer);
  writeFileSync(join(dir, `${INSTALLER}.blockmap`), randomBytes(2048));
  writeFileSync(join(dir, 'SAFE Edge-0.2.0.AppImage'), randomBytes(1024));
  writeFileSync(join(dir, 'SAFE Edge-0.2.0-mac.zip'), randomBytes(1024));
  const sha512 = createHash('sha512').update(installer).digest('base64');
  const infoTexts: Record<string, string> = {
    'latest.yml': `version: 0.2.0\nfiles:\n  - url: ${INSTALLER}\n    sha512: ${sha512}\n    size: ${installer.length}\npath: ${INSTALLER}\nsha512: ${sha512}\nreleaseDate: '2026-03-01T10:00:00.000Z'\n`,
    'latest-linux.yml': `version: 0.2.0\nfiles:\n  - url: SAFE Edge-0.2.0.AppImage\n    sha512: abc==\n    size: 1024\n    blockMapSize: 99\npath: SAFE Edge-0.2.0.AppImage\nsha512: abc==\nreleaseDate: '2026-03-01T10:00:00.000Z'\nstagingPercentage: 10\n`,
    'latest-mac.yml': `version: 0.2.0\nfiles:\n  - url: SAFE Edge-0.2.0-mac.zip\n    sha512: def==\n    size: 1024\npath: SAFE Edge-0.2.0-mac.zip\nsha512: def==\nreleaseDate: '2026-03-01T10:00:00.000Z'\n# kept by IT: a comment survives a staging change\n`,
  };
  for (const [name, text] of Object.entries(infoTexts)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'builder-effective-config.yaml'), 'publish:\n  provider: generic\n');
  writeFileSync(join(dir, 'builder-debug.yml'), 'x: 1\n');
  writeFileSync(join(dir, '.latest.yml.tmp-1'), 'half a file');
  return { dir, installer, infoTexts };
}

async function serve(appDir: string | null) {
  const root = mkdtempSync(join(tmpdir(), 'safe-app-srv-'));
  const channel = ChannelRepository.init(join(root, 'channel'), generateRoleKeys(join(root, 'keys')));
  const app = buildUpdateServer({ channelDir: channel.dir, keys: null, stateDir: join(root, 'state'), adminToken: TOKEN, appDir });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return { base, close: () => app.close() };
}

const appUrl = (base: string, name: string) => `${base}${APP_UPDATES_PATH}${encodeURIComponent(name)}`;

/** The parts of a multipart/byteranges body, each with its Content-Range and bytes. */
function multipartParts(body: Buffer, boundary: string): Array<{ range: string; bytes: Buffer }> {
  const parts: Array<{ range: string; bytes: Buffer }> = [];
  let at = body.indexOf(`--${boundary}\r\n`);
  while (at >= 0) {
    const headEnd = body.indexOf('\r\n\r\n', at);
    const head = body.subarray(at, headEnd).toString();
    const range = /Content-Range: (bytes (\d+)-(\d+)\/\d+)/.exec(head);
    assert.ok(range, head);
    const length = Number(range[3]) - Number(range[2]) + 1;
    parts.push({ range: range[1] as string, bytes: body.subarray(headEnd + 4, headEnd + 4 + length) });
    const next = headEnd + 4 + length;
    assert.equal(body.subarray(next, next + 4 + boundary.length).toString(), `\r\n--${boundary}`);
    at = body.subarray(next + 4 + boundary.length, next + 6 + boundary.length).toString() === '--' ? -1 : next + 2;
  }
  return parts;
}

test('Range headers: one range, several, suffixes; unusable ones serve the whole file; none inside the file is 416', () => {
  assert.deepEqual(parseRange('bytes=0-99', 1000), [{ start: 0, end: 99 }]);
  assert.deepEqual(parseRange('bytes=900-', 1000), [{ start: 900, end: 999 }]);
  assert.deepEqual(parseRange('bytes=-100', 1000), [{ start: 900, end: 999 }]);
  assert.deepEqual(parseRange('bytes=990-2000', 1000), [{ start: 990, end: 999 }], 'clamped to the file');
  assert.deepEqual(parseRange('bytes=500-599, 0-9', 1000), [{ start: 500, end: 599 }, { start: 0, end: 9 }], 'in the order asked (electron-updater matches parts by order)');
  assert.deepEqual(parseRange('bytes=0-9, 2000-2100', 1000), [{ start: 0, end: 9 }], 'a range past the end is dropped');
  assert.equal(parseRange('bytes=1000-1100', 1000), 'unsatisfiable');
  assert.equal(parseRange('bytes=0-9', 0), 'unsatisfiable');
  for (const ignored of [undefined, 'items=0-9', 'bytes=9-0', 'bytes=a-b', 'bytes=-', 'bytes=0-99,50-150', `bytes=${Array.from({ length: 1025 }, (_, i) => `${i * 2}-${i * 2}`).join(',')}`]) {
    assert.equal(parseRange(ignored, 1000), null, String(ignored).slice(0, 40));
  }
});

test('the app folder: latest*.yml never cached, installers by Range (206, one range or several), build internals and dot-files not served', async () => {
  const { dir, installer, infoTexts } = releaseDir(mkdtempSync(join(tmpdir(), 'safe-app-')));
  const server = await serve(dir);
  try {
    for (const name of ['latest.yml', 'latest-linux.yml', 'latest-mac.yml']) {
      const res = await fetch(appUrl(server.base, name));
      assert.equal(res.status, 200, name);
      assert.equal(res.headers.get('cache-control'), 'no-cache', name);
      assert.equal(await res.text(), infoTexts[name]);
    }
    const head = await fetch(appUrl(server.base, 'latest.yml'), { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(Number(head.headers.get('content-length')), Buffer.byteLength(infoTexts['latest.yml'] as string));

    const whole = await fetch(appUrl(server.base, INSTALLER));
    assert.equal(whole.status, 200);
    assert.equal(whole.headers.get('accept-ranges'), 'bytes');
    assert.notEqual(whole.headers.get('cache-control'), 'no-cache', 'an installer is named by its version');
    assert.ok(Buffer.from(await whole.arrayBuffer()).equals(installer));

    const one = await fetch(appUrl(server.base, INSTALLER), { headers: { range: 'bytes=1000-1999' } });
    assert.equal(one.status, 206);
    assert.equal(one.headers.get('content-range'), `bytes 1000-1999/${installer.length}`);
    assert.ok(Buffer.from(await one.arrayBuffer()).equals(installer.subarray(1000, 2000)));

    // electron-updater's differential download: every changed block in one request.
    const asked = [[0, 9], [70_000, 140_000], [300 * 1024 - 5, 300 * 1024 - 1]] as const;
    const many = await fetch(appUrl(server.base, INSTALLER), { headers: { range: `bytes=${asked.map(([a, b]) => `${a}-${b}`).join(', ')}` } });
    assert.equal(many.status, 206);
    const boundary = /^multipart\/byteranges; boundary=(\S+)$/.exec(many.headers.get('content-type') ?? '')?.[1];
    assert.ok(boundary, `multipart, not ${many.headers.get('content-type')}`);
    const body = Buffer.from(await many.arrayBuffer());
    assert.equal(Number(many.headers.get('content-length')), body.length);
    const parts = multipartParts(body, boundary);
    assert.deepEqual(parts.map((p) => p.range), asked.map(([a, b]) => `bytes ${a}-${b}/${installer.length}`));
    for (const [i, [a, b]] of asked.entries()) assert.ok(parts[i]?.bytes.equals(installer.subarray(a, b + 1)), `part ${i}`);

    const outside = await fetch(appUrl(server.base, INSTALLER), { headers: { range: `bytes=${installer.length}-` } });
    assert.equal(outside.status, 416);
    assert.equal(outside.headers.get('content-range'), `bytes */${installer.length}`);

    for (const name of ['builder-effective-config.yaml', 'builder-debug.yml', '.latest.yml.tmp-1', 'win-unpacked', '../release/latest.yml', 'missing.exe']) {
      const res = await fetch(appUrl(server.base, name));
      assert.equal(res.status, 404, name);
      assert.equal(((await res.json()) as { code: string }).code, ERROR_CODES.NOT_FOUND, name);
    }
  } finally {
    await server.close();
  }
  const none = await serve(null);
  try {
    const res = await fetch(appUrl(none.base, 'latest.yml'));
    assert.equal(res.status, 404, 'no --app-dir: nothing served');
  } finally {
    await none.close();
  }
});

const stripStaging = (text: string) => text.split('\n').filter((l) => !l.startsWith('stagingPercentage:'));
/** Every line of `before` but its staging line is in `after`, in the same order. */
function keptInOrder(before: string, after: string): boolean {
  const rest = stripStaging(after);
  let at = 0;
  for (const line of stripStaging(before)) {
    at = rest.indexOf(line, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}

test('staging: the admin token sets stagingPercentage in every latest*.yml, the rest of each file kept; a bad percent is refused', async () => {
  const { dir, infoTexts } = releaseDir(mkdtempSync(join(tmpdir(), 'safe-app-')));
  const server = await serve(dir);
  const stage = (body: unknown, token: string | null = TOKEN) => fetch(`${server.base}${APP_STAGING_PATH}`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body),
  });
  try {
    assert.equal((await stage({ percent: 25 }, null)).status, 401);
    const wrong = await stage({ percent: 25 }, 'guess');
    assert.equal(wrong.status, 401);
    assert.equal(((await wrong.json()) as { code: string }).code, ERROR_CODES.UNAUTHORIZED);
    for (const percent of [101, -1, 12.5, '50', null]) {
      const res = await stage({ percent });
      assert.equal(res.status, 400, String(percent));
      const body = (await res.json()) as { code: string; field: string };
      assert.deepEqual([body.code, body.field], [ERROR_CODES.INVALID_FIELD, 'percent'], String(percent));
    }
    for (const [name, text] of Object.entries(infoTexts)) assert.equal(readFileSync(join(dir, name), 'utf8'), text, `${name} untouched by refused calls`);

    const res = await stage({ percent: 25 });
    assert.equal(res.status, 200);
    const { releases } = (await res.json()) as { releases: Array<{ infoFile: string; platform: string; version: string; stagingPercentage: number }> };
    assert.deepEqual(releases.map((r) => [r.infoFile, r.platform, r.version, r.stagingPercentage]),
      [['latest-linux.yml', 'linux', '0.2.0', 25], ['latest-mac.yml', 'mac', '0.2.0', 25], ['latest.yml', 'windows', '0.2.0', 25]]);
    for (const [name, before] of Object.entries(infoTexts)) {
      const after = readFileSync(join(dir, name), 'utf8');
      const { stagingPercentage, ...rest } = parse(after) as Record<string, unknown>;
      const { stagingPercentage: _old, ...restBefore } = parse(before) as Record<string, unknown>;
      assert.equal(stagingPercentage, 25, name);
      assert.deepEqual(rest, restBefore, `${name}: everything else as it was`);
      assert.ok(keptInOrder(before, after), `${name}: every other line kept, in order:\n${after}`);
      assert.equal((await (await fetch(appUrl(server.base, name))).text()), after, `${name} served as rewritten`);
    }
    assert.match(readFileSync(join(dir, 'latest-mac.yml'), 'utf8'), /# kept by IT/);
    assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.tmp-') && f !== '.latest.yml.tmp-1'), [], 'no temporary file left behind');

    const page = await fetch(`${server.base}/fleet?token=${TOKEN}`);
    const html = await page.text();
    assert.match(html, /<h1>App releases<\/h1>/);
    assert.match(html, /<td>latest\.yml<\/td><td>0\.2\.0<\/td><td>25 %<\/td>/);
    assert.match(html, /SAFE Edge Setup 0\.2\.0\.exe \(0\.3 MiB\)/);
  } finally {
    await server.close();
  }

  const none = await serve(null);
  try {
    const res = await fetch(`${none.base}${APP_STAGING_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: '{"percent":50}' });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { code: string }).code, ERROR_CODES.APP_RELEASES_INVALID);
    assert.match(await (await fetch(`${none.base}/fleet?token=${TOKEN}`)).text(), /Not served: start the update server with --app-dir/);
  } finally {
    await none.close();
  }
});

const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'safe-edge.js'), ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

test('safe-edge channel app-staging: the same rewrite offline; a bad percent or a folder without latest*.yml refused with its code (update-server --app-dir too)', () => {
  const root = mkdtempSync(join(tmpdir(), 'safe-app-cli-'));
  const { dir, infoTexts } = releaseDir(root);
  for (const bad of ['101', '-5', '12.5', '50%', 'half']) {
    const r = run(['channel', 'app-staging', dir, bad]);
    assert.equal(r.code, 2, bad);
    assert.equal(r.stderr.split(':')[0], ERROR_CODES.INVALID_FIELD, bad);
  }
  assert.equal(readFileSync(join(dir, 'latest.yml'), 'utf8'), infoTexts['latest.yml']);
  const ok = run(['channel', 'app-staging', dir, '40']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /latest-linux\.yml\s+0\.2\.0\s+staging 40 %/);
  for (const name of Object.keys(infoTexts)) assert.equal((parse(readFileSync(join(dir, name), 'utf8')) as { stagingPercentage: number }).stagingPercentage, 40, name);
  const empty = join(root, 'empty');
  mkdirSync(empty);
  assert.equal(run(['channel', 'app-staging', empty, '40']).stderr.split(':')[0], ERROR_CODES.APP_RELEASES_INVALID);
  assert.equal(run(['channel', 'app-staging', join(root, 'nowhere'), '40']).stderr.split(':')[0], ERROR_CODES.APP_RELEASES_INVALID);
  const channel = join(root, 'channel');
  assert.equal(run(['channel', 'init', channel, '--keys', join(root, 'keys')]).code, 0);
  const server = run(['update-server', '--channel', channel, '--app-dir', join(root, 'nowhere'), '--port', '0']);
  assert.deepEqual([server.code, server.stderr.split(':')[0]], [2, ERROR_CODES.APP_RELEASES_INVALID], 'the server does not start on a missing release folder');
  writeFileSync(join(dir, 'latest-linux-arm64.yml'), 'files: [\n');
  assert.equal(run(['channel', 'app-staging', dir, '60']).stderr.split(':')[0], ERROR_CODES.APP_RELEASES_INVALID, 'a broken latest*.yml');
  assert.equal((parse(readFileSync(join(dir, 'latest.yml'), 'utf8')) as { stagingPercentage: number }).stagingPercentage, 40, 'checked before any file is written');
});
