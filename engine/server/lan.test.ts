// LAN serving (docs/hardening.md#lan), tested on loopback only: 127.0.0.2 stands for the LAN address
// (it counts as "not loopback" for serve), and a wildcard bind is checked against made-up interfaces
// with documentation addresses (RFC 5737/3849), never the machine's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';
import type { NetworkInterfaceInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PeerCertificate } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import { startEngine } from '../bootstrap.js';
import { createLogger } from '../logging.js';
import { openDatabase } from '../store/database.js';
import { backupDatabase } from '../store/maintenance.js';
import { assertServable, isLoopbackHost, servedHostNames, servesTls } from './servedAddresses.js';
import { TLS_CERT_FILE, TLS_KEY_FILE, loadOrCreateCertificate } from './tlsCertificate.js';
import { buildServer } from './app.js';
import { loadOrCreateTokens } from './apiToken.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const LAN = '127.0.0.2';
const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

// ---- which addresses are served, and what they require

test('only 127.0.0.1, ::1 and localhost count as loopback; everything else needs the token and gets TLS', () => {
  for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', 'LOCALHOST']) assert.ok(isLoopbackHost(host), host);
  for (const host of [LAN, '0.0.0.0', '::', '192.0.2.10', 'post-3.local']) assert.ok(!isLoopbackHost(host), host);
  assert.doesNotThrow(() => assertServable('127.0.0.1', false));
  for (const host of [LAN, '0.0.0.0']) {
    assert.throws(() => assertServable(host, false), (err: unknown) => err instanceof SafeError && err.code === ERROR_CODES.LAN_NEEDS_TOKEN && err.field === 'host');
    assert.doesNotThrow(() => assertServable(host, true));
  }
  assert.deepEqual([servesTls('127.0.0.1', false), servesTls('127.0.0.1', true), servesTls(LAN, false)], [false, true, true]);
});

const FAKE_INTERFACES: NodeJS.Dict<NetworkInterfaceInfo[]> = {
  lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '255.0.0.0', mac: '00:00:00:00:00:00', cidr: '127.0.0.1/8' },
    { address: '::1', family: 'IPv6', internal: true, netmask: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', mac: '00:00:00:00:00:00', cidr: '::1/128', scopeid: 0 }],
  wlan0: [{ address: '192.0.2.10', family: 'IPv4', internal: false, netmask: '255.255.255.0', mac: '02:00:00:00:00:01', cidr: '192.0.2.10/24' },
    { address: '2001:db8::10', family: 'IPv6', internal: false, netmask: 'ffff:ffff:ffff:ffff::', mac: '02:00:00:00:00:01', cidr: '2001:db8::10/64', scopeid: 0 }],
};

test('a wildcard bind admits every interface address in the Host check, and still refuses other names', async () => {
  assert.deepEqual(servedHostNames('0.0.0.0', FAKE_INTERFACES), ['192.0.2.10', '[2001:db8::10]']);
  assert.deepEqual(servedHostNames('::', FAKE_INTERFACES), ['192.0.2.10', '[2001:db8::10]']);
  assert.deepEqual(servedHostNames(LAN, FAKE_INTERFACES), [LAN]);
  const dataDir = tmp('safe-lan-host-');
  const { engine } = await startEngine({ host: 'cli', overrides: { dataDir, workers: 1 }, agents: false, logger: createLogger('silent') });
  const tokens = loadOrCreateTokens(dataDir);
  // inject: no packet leaves the process, whatever the Host header says.
  const app = buildServer(engine, { tokens, uiDir: null, allowedHosts: servedHostNames('0.0.0.0', FAKE_INTERFACES) });
  try {
    const about = (host: string) => app.inject({ url: '/v1/about', headers: { host, authorization: `Bearer ${tokens.operator}` } });
    for (const host of ['192.0.2.10:8787', '[2001:db8::10]:8787', '127.0.0.1:8787']) assert.equal((await about(host)).statusCode, 200, host);
    for (const host of ['rebind.example:8787', '192.0.2.11:8787']) {
      const refused = await about(host);
      assert.equal(refused.statusCode, 401, host);
      assert.deepEqual([refused.json().code, refused.json().field], [ERROR_CODES.UNAUTHORIZED, 'host']);
    }
  } finally {
    await app.close();
    await engine.close();
  }
});

// ---- the certificate

test('the certificate is made once, owner-only, and reused with the same fingerprint; expired is renewed, damaged refused', async () => {
  const dataDir = tmp('safe-lan-cert-');
  const first = await loadOrCreateCertificate(dataDir, [LAN, '127.0.0.1']);
  assert.equal(first.made, 'first-start');
  assert.match(first.fingerprintSha256, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  assert.deepEqual([mode(join(dataDir, TLS_CERT_FILE)), mode(join(dataDir, TLS_KEY_FILE))], ['600', '600']);
  const again = await loadOrCreateCertificate(dataDir, ['198.51.100.7']);
  assert.deepEqual([again.made, again.fingerprintSha256], [null, first.fingerprintSha256]);
  const later = await loadOrCreateCertificate(dataDir, [LAN], Date.now() + 900 * 86_400_000);
  assert.equal(later.made, 'expired');
  assert.notEqual(later.fingerprintSha256, first.fingerprintSha256);
  // Another key beside the certificate: refused with a code, and neither file is replaced.
  const other = await loadOrCreateCertificate(tmp('safe-lan-cert-other-'), [LAN]);
  writeFileSync(join(dataDir, TLS_KEY_FILE), other.key);
  const certBefore = readFileSync(join(dataDir, TLS_CERT_FILE), 'utf8');
  await assert.rejects(loadOrCreateCertificate(dataDir, [LAN]), (err: unknown) => err instanceof SafeError && err.code === ERROR_CODES.TLS_CERTIFICATE_INVALID);
  assert.equal(readFileSync(join(dataDir, TLS_CERT_FILE), 'utf8'), certBefore);
});

// ---- owner-only data

test('a data directory left 0755 with 0644 files is made owner-only at start, and says so in the log', async () => {
  const dataDir = tmp('safe-lan-perm-');
  openDatabase(dataDir).close();
  loadOrCreateTokens(dataDir);
  mkdirSync(join(dataDir, 'backups'));
  writeFileSync(join(dataDir, 'backups', 'safe-edge-old.sqlite'), '');
  const loose = [join(dataDir, 'safe-edge.sqlite'), join(dataDir, 'api-token'), join(dataDir, 'viewer-token'), join(dataDir, 'backups', 'safe-edge-old.sqlite')];
  for (const file of loose) chmodSync(file, 0o644);
  chmodSync(dataDir, 0o755);
  chmodSync(join(dataDir, 'backups'), 0o755);
  const lines: string[] = [];
  const { engine } = await startEngine({ host: 'cli', overrides: { dataDir, workers: 1 }, agents: false, logger: createLogger('info', (line) => lines.push(line)) });
  try {
    assert.deepEqual([mode(dataDir), mode(join(dataDir, 'backups'))], ['700', '700']);
    for (const file of loose) assert.equal(mode(file), '600', file);
    const warning = lines.map((l) => JSON.parse(l) as { msg: string; fixed?: Array<{ path: string; fromMode: string }> }).find((l) => l.msg.startsWith('made the data directory owner-only'));
    assert.ok(warning, lines.join('\n'));
    assert.deepEqual(new Set(warning.fixed?.map((f) => f.path)), new Set([dataDir, join(dataDir, 'backups'), ...loose]));
    // A backup taken anywhere is owner-only from the start (it holds every incident).
    const backup = join(tmp('safe-lan-backup-'), 'copy.sqlite');
    const db = openDatabase(dataDir);
    await backupDatabase(db, backup);
    db.close();
    assert.equal(mode(backup), '600');
  } finally {
    await engine.close();
  }
  // A fresh data directory is made right: nothing to fix, nothing logged.
  const fresh: string[] = [];
  const second = await startEngine({ host: 'cli', overrides: { dataDir: join(tmp('safe-lan-fresh-'), 'data'), workers: 1 }, agents: false, logger: createLogger('info', (line) => fresh.push(line)) });
  await second.engine.close();
  assert.ok(!fresh.some((l) => l.includes('owner-only')), fresh.join('\n'));
});

// ---- a real `safe-edge serve` on the stand-in LAN address

interface Reply { status: number; body: string }
interface CallOptions { token?: string; host?: string; method?: string; body?: string; pinned?: string; ca?: string }

/** An HTTPS call that trusts the server only if its certificate has the pinned SHA-256 fingerprint. */
function call(port: number, path: string, options: CallOptions): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({
      // agent: false — a new handshake each call: a kept-alive socket would skip checkServerIdentity.
      host: LAN, port, path, method: options.method ?? 'GET', ca: options.ca, agent: false,
      headers: { ...(options.host ? { host: options.host } : {}), ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(options.body ? { 'content-type': 'application/json' } : {}) },
      checkServerIdentity: (_host: string, cert: PeerCertificate) => (cert.fingerprint256 === options.pinned ? undefined : new Error(`fingerprint ${cert.fingerprint256} is not the pinned one`)),
    }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

test('serve --host 127.0.0.2 --no-token is refused with a coded message before anything starts', async () => {
  const dataDir = join(tmp('safe-lan-refuse-'), 'data');
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'safe-edge.js'), 'serve', '--host', LAN, '--port', '0', '--no-token', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const [code] = await once(child, 'exit') as [number];
  assert.notEqual(code, 0);
  assert.match(stderr, /^SAFE_E_LAN_NEEDS_TOKEN: --no-token is refused on 127\.0\.0\.2/m);
  assert.equal(existsSync(dataDir), false, 'nothing was created');
});

test('serve with a damaged kept certificate exits with a coded message (no worker left running), the files untouched', async () => {
  const dataDir = tmp('safe-lan-damaged-');
  writeFileSync(join(dataDir, TLS_CERT_FILE), 'not a certificate');
  writeFileSync(join(dataDir, TLS_KEY_FILE), 'not a key');
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'safe-edge.js'), 'serve', '--host', LAN, '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const [code] = await once(child, 'exit') as [number];
  assert.notEqual(code, 0);
  assert.match(stderr, /^SAFE_E_TLS_CERTIFICATE_INVALID: /m);
  assert.equal(readFileSync(join(dataDir, TLS_CERT_FILE), 'utf8'), 'not a certificate');
});

test('serve on 127.0.0.2: TLS with the printed fingerprint, both tokens, the served Host admitted, owner-only files, no token in the log', { timeout: 120_000 }, async () => {
  const dataDir = join(tmp('safe-lan-serve-'), 'data');
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'safe-edge.js'), 'serve', '--host', LAN, '--port', '0', '--workers', '1', '--data-dir', dataDir], {
    env: { ...process.env, SAFE_EDGE_LOG: 'debug' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let log = '';
  child.stderr.on('data', (chunk: Buffer) => { log += chunk.toString(); });
  const exited = once(child, 'exit');
  const started = await new Promise<{ port: number; operator: string; fingerprint: string }>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const address = /https:\/\/127\.0\.0\.2:(\d+)\/#token=([0-9a-f]{64})/.exec(stdout);
      const fingerprint = /^ {2}((?:[0-9A-F]{2}:){31}[0-9A-F]{2})$/m.exec(stdout);
      if (address && fingerprint) resolve({ port: Number(address[1]), operator: address[2] as string, fingerprint: fingerprint[1] as string });
    });
    void exited.then(([code]) => reject(new Error(`serve exited (${String(code)}):\n${log}`)));
  });
  const { port, operator, fingerprint } = started;
  const viewer = readFileSync(join(dataDir, 'viewer-token'), 'utf8').trim();
  const ca = readFileSync(join(dataDir, TLS_CERT_FILE), 'utf8');
  const pinned = { ca, pinned: fingerprint };
  try {
    // The handshake: a client pinned to the printed fingerprint connects; pinned to another it refuses;
    // one that trusts nothing refuses the self-signed certificate; plain HTTP gets no answer.
    const about = await call(port, '/v1/about', { ...pinned, token: operator });
    assert.equal(about.status, 200, about.body);
    assert.deepEqual(JSON.parse(about.body).tls, { fingerprintSha256: fingerprint, certificateFile: join(dataDir, TLS_CERT_FILE) });
    await assert.rejects(call(port, '/health', { ca, pinned: fingerprint.replace(/^../, fingerprint.startsWith('00') ? '11' : '00') }), /not the pinned one/);
    await assert.rejects(call(port, '/health', {}), (err: NodeJS.ErrnoException) => err.code === 'DEPTH_ZERO_SELF_SIGNED_CERT');
    const plain = await new Promise<Reply>((resolve) => {
      const req = httpRequest({ host: LAN, port, path: '/health' }, (res) => resolve({ status: res.statusCode ?? 0, body: '' }));
      req.on('error', () => resolve({ status: 0, body: '' }));
      req.end();
    });
    assert.notEqual(plain.status, 200);

    // The Host check admits the served address and still refuses another name (DNS rebinding).
    assert.equal((await call(port, '/v1/about', { ...pinned, token: operator, host: `${LAN}:${port}` })).status, 200);
    const rebound = await call(port, '/v1/about', { ...pinned, token: operator, host: `rebind.example:${port}` });
    assert.deepEqual([rebound.status, JSON.parse(rebound.body).code], [401, ERROR_CODES.UNAUTHORIZED]);

    // Operator: everything, including an event stream with ?token=. Viewer: device health only.
    const job = await call(port, '/v1/analyses/jobs', { ...pinned, token: operator, method: 'POST', body: JSON.stringify({ id: 'lan-1', text: 'Chlorine tank leaking at the rail yard, wind 3 m/s from the north' }) });
    assert.equal(job.status, 202, job.body);
    const events = JSON.parse(job.body).events as string;
    const refusedStream = await call(port, `${events}?token=${viewer}`, pinned);
    assert.deepEqual([refusedStream.status, JSON.parse(refusedStream.body).code], [403, ERROR_CODES.FORBIDDEN]);
    const stream = await call(port, `${events}?token=${operator}`, pinned);
    assert.equal(stream.status, 200);
    assert.match(stream.body, /event: result/);
    assert.equal((await call(port, '/v1/models', { ...pinned, token: viewer })).status, 200);
    for (const [method, path] of [['GET', '/v1/runs'], ['GET', '/v1/about'], ['POST', '/v1/analyses']] as const) {
      const refused = await call(port, path, { ...pinned, token: viewer, method, ...(method === 'POST' ? { body: '{"text":"x"}' } : {}) });
      assert.deepEqual([refused.status, JSON.parse(refused.body).code], [403, ERROR_CODES.FORBIDDEN], path);
    }
    assert.equal((await call(port, '/v1/runs', { ...pinned, token: 'f'.repeat(64) })).status, 401);

    // Owner-only: the directory 0700, every file at its top level and in backups/ 0600.
    while (!existsSync(join(dataDir, 'backups')) || readdirSync(join(dataDir, 'backups')).length === 0) await new Promise((r) => setTimeout(r, 50));
    assert.equal(mode(dataDir), '700');
    assert.equal(mode(join(dataDir, 'backups')), '700');
    const files = [...readdirSync(dataDir).map((f) => join(dataDir, f)), ...readdirSync(join(dataDir, 'backups')).map((f) => join(dataDir, 'backups', f))].filter((f) => statSync(f).isFile());
    for (const name of ['api-token', 'viewer-token', TLS_CERT_FILE, TLS_KEY_FILE, 'safe-edge.sqlite', 'safe-edge.sqlite-wal', 'device-health.sqlite']) {
      assert.ok(files.includes(join(dataDir, name)), `${name} exists`);
    }
    for (const file of files) assert.equal(mode(file), '600', file);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
  // The log (stderr, at debug) names the fingerprint and never a token, though both travelled in
  // Authorization headers and in ?token= on the event stream; the address with the token went to stdout.
  assert.match(log, new RegExp(`"tlsFingerprintSha256":"${fingerprint}"`));
  assert.ok(!log.includes(operator), 'operator token in the log');
  assert.ok(!log.includes(viewer), 'viewer token in the log');
  assert.ok(stdout.includes(`#token=${operator}`));
});
