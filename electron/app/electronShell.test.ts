// The desktop shell's logic with Electron faked at the boundary: supervision, security, IPC checks,
// window state, updates, and the preload's channel list against the contract.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HostMessage, HostRequest } from '../../engine/contract/hostProtocol.js';
import type { EngineStatus } from '../../engine/contract/ipc.js';
import { ENGINE_STATUS_CHANNEL } from '../../engine/contract/ipc.js';
import { BRIDGE_OPERATIONS, OPERATION_NAMES, ipcChannel, ipcEventChannel } from '../../engine/contract/operations.js';
import { createRequire } from 'node:module';
import { SafeError } from '../../engine/contract/errors.js';
import { EngineSupervisor, type EngineProcess, type Timers } from './engineSupervisor.js';
import { CONTENT_SECURITY_POLICY, isAllowedNavigation, isTrustedSender, resolveAppFile, SECURE_WEB_PREFERENCES } from './security.js';
import { validateIpcCall } from './ipcValidation.js';
import { DEFAULT_WINDOW_STATE, loadWindowState, saveWindowState } from './windowState.js';
import { checkForAppUpdate, type UpdaterLike } from './updates.js';

class FakeClock implements Timers {
  now = 0;
  private tasks: Array<{ at: number; fn: () => void; id: number }> = [];
  private next = 1;
  setTimeout(fn: () => void, ms: number): unknown { const id = this.next++; this.tasks.push({ at: this.now + ms, fn, id }); return id; }
  clearTimeout(handle: unknown): void { this.tasks = this.tasks.filter((t) => t.id !== handle); }
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = this.tasks.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.tasks = this.tasks.filter((t) => t !== due);
      this.now = due.at;
      due.fn();
    }
    this.now = end;
  }
}

class FakeEngine implements EngineProcess {
  received: HostRequest[] = [];
  killed = false;
  private onMsg: (m: HostMessage) => void = () => {};
  private onEnd: (code: number | null) => void = () => {};
  postMessage(m: HostRequest): void { this.received.push(m); }
  onMessage(l: (m: HostMessage) => void): void { this.onMsg = l; }
  onExit(l: (code: number | null) => void): void { this.onEnd = l; }
  kill(): void { this.killed = true; }
  emit(m: HostMessage): void { this.onMsg(m); }
  die(code = 1): void { this.onEnd(code); }
}

function harness(options: { maxConsecutiveRestarts?: number } = {}) {
  const clock = new FakeClock();
  const engines: FakeEngine[] = [];
  const statuses: EngineStatus[] = [];
  const supervisor = new EngineSupervisor({
    spawn: () => { const e = new FakeEngine(); engines.push(e); return e; },
    onStatus: (s) => statuses.push(s), timers: clock, backoffMs: [100, 1000, 5000], pingIntervalMs: 5000, pingTimeoutMs: 2000, ...options,
  });
  return { clock, engines, statuses, supervisor };
}
const flush = () => new Promise((r) => setImmediate(r));

test('requests wait for the engine to be ready, then go through', async () => {
  const { engines, supervisor } = harness();
  supervisor.start();
  const reply = supervisor.request('health', {});
  assert.equal(engines[0]!.received.length, 0, 'nothing is sent before ready');
  engines[0]!.emit({ type: 'ready', version: '0.1.0' });
  const sent = engines[0]!.received[0]!;
  engines[0]!.emit({ type: 'reply', id: sent.id, ok: true, value: { status: 'ok' } });
  assert.deepEqual(await reply, { status: 'ok' });
});

test('an engine that dies mid-analysis is restarted with backoff and the analysis resubmitted with its id', async () => {
  const { clock, engines, statuses, supervisor } = harness();
  supervisor.start();
  engines[0]!.emit({ type: 'ready', version: '0.1.0' });
  const progress: string[] = [];
  const result = supervisor.request('analyze', { incident: { text: 'x' }, analysisId: 'a-1' }, (e) => progress.push(e.state));
  engines[0]!.die(9);
  assert.equal(statuses.at(-1)?.state, 'restarting');
  clock.advance(99);
  assert.equal(engines.length, 1, 'waits for the backoff');
  clock.advance(1);
  assert.equal(engines.length, 2);
  engines[1]!.emit({ type: 'ready', version: '0.1.0' });
  const resent = engines[1]!.received[0] as Extract<HostRequest, { op: 'analyze' }>;
  assert.equal(resent.args.analysisId, 'a-1');
  engines[1]!.emit({ type: 'event', requestId: resent.id, event: { analysisId: 'a-1', agent: 'strategist', state: 'started', atMs: 1 } });
  engines[1]!.emit({ type: 'reply', id: resent.id, ok: true, value: { id: 'a-1', status: 'ok' } });
  assert.deepEqual(await result, { id: 'a-1', status: 'ok' });
  assert.deepEqual(progress, ['started']);
  assert.equal(statuses.at(-1)?.state, 'ready');
  assert.equal(statuses.at(-1)?.restarts, 1);
});

test('a request lost twice fails visibly with SAFE_E_ENGINE_RESTARTED', async () => {
  const { clock, engines, supervisor } = harness();
  supervisor.start();
  engines[0]!.emit({ type: 'ready', version: '0.1.0' });
  const result = supervisor.request('analyze', { incident: { text: 'x' }, analysisId: 'a-2' });
  engines[0]!.die();
  clock.advance(100);
  engines[1]!.emit({ type: 'ready', version: '0.1.0' });
  engines[1]!.die();
  await assert.rejects(result, (e: unknown) => e instanceof SafeError && e.code === 'SAFE_E_ENGINE_RESTARTED');
  clock.advance(1000);
  assert.equal(engines.length, 3, 'the second restart waited longer (backoff grows)');
});

test('an engine that stops answering health pings is killed and replaced', async () => {
  const { clock, engines, supervisor } = harness();
  supervisor.start();
  engines[0]!.emit({ type: 'ready', version: '0.1.0' });
  clock.advance(5000);
  const ping = engines[0]!.received.at(-1)!;
  assert.equal(ping.op, 'health');
  engines[0]!.emit({ type: 'reply', id: ping.id, ok: true, value: {} });
  clock.advance(5000);
  assert.equal(engines[0]!.received.length, 2, 'pings continue while healthy');
  clock.advance(2000); // no answer to the second ping
  assert.ok(engines[0]!.killed);
  clock.advance(100);
  assert.equal(engines.length, 2);
  await flush();
});

test('after too many consecutive failures the supervisor gives up and says so', async () => {
  const { clock, engines, statuses, supervisor } = harness({ maxConsecutiveRestarts: 2 });
  supervisor.start();
  const pending = supervisor.request('models', {});
  for (let i = 0; i < 3; i++) { engines.at(-1)!.die(); clock.advance(10_000); }
  assert.equal(statuses.at(-1)?.state, 'failed');
  await assert.rejects(pending, (e: unknown) => e instanceof SafeError && e.code === 'SAFE_E_ENGINE_FAILED');
  await assert.rejects(supervisor.request('health', {}), (e: unknown) => e instanceof SafeError && e.code === 'SAFE_E_ENGINE_FAILED', 'later calls fail at once, not hang');
});

test('an engine that never becomes ready is replaced', () => {
  const { clock, engines, supervisor } = harness();
  supervisor.start();
  clock.advance(30_000);
  assert.ok(engines[0]!.killed);
  clock.advance(100);
  assert.equal(engines.length, 2);
});

test('security: isolated sandboxed renderer, strict CSP, only app:// pages, no path escapes', () => {
  assert.equal(SECURE_WEB_PREFERENCES.contextIsolation, true);
  assert.equal(SECURE_WEB_PREFERENCES.sandbox, true);
  assert.equal(SECURE_WEB_PREFERENCES.nodeIntegration, false);
  assert.match(CONTENT_SECURITY_POLICY, /default-src 'self'/);
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /https?:|unsafe-eval|unsafe-inline/);
  assert.match(CONTENT_SECURITY_POLICY, /frame-ancestors 'none'/);
  assert.ok(isAllowedNavigation('app://safe-edge/index.html#/new'));
  for (const url of ['https://example.com', 'file:///etc/passwd', 'app://evil/index.html', 'javascript:alert(1)', 'not a url']) assert.equal(isAllowedNavigation(url), false, url);
  const root = '/opt/safe-edge/ui';
  assert.equal(resolveAppFile(root, 'app://safe-edge/'), '/opt/safe-edge/ui/index.html');
  assert.equal(resolveAppFile(root, 'app://safe-edge/assets/index.js'), '/opt/safe-edge/ui/assets/index.js');
  assert.equal(resolveAppFile(root, 'app://safe-edge/../../etc/passwd'), '/opt/safe-edge/ui/etc/passwd', 'URL parsing already collapses ..');
  assert.equal(resolveAppFile(root, 'app://safe-edge/%2e%2e/%2e%2e/etc/passwd'), '/opt/safe-edge/ui/etc/passwd', 'so does %2e%2e');
  assert.equal(resolveAppFile(root, 'app://safe-edge/..%2f..%2fetc/passwd'), null, 'an encoded slash cannot climb out');
  assert.equal(resolveAppFile(root, 'https://safe-edge/index.html'), null);
  assert.equal(isTrustedSender(undefined), false);
});

test('IPC: untrusted senders and bad arguments are refused with stable codes', () => {
  assert.deepEqual(validateIpcCall('run', 'app://safe-edge/index.html', { id: 'run-1' }), { id: 'run-1' });
  assert.throws(() => validateIpcCall('run', 'https://evil.example/', { id: 'run-1' }), (e: unknown) => e instanceof SafeError && e.code === 'SAFE_E_UNAUTHORIZED');
  assert.throws(() => validateIpcCall('run', 'app://safe-edge/', { id: 42 }), (e: unknown) => e instanceof SafeError && e.code === 'SAFE_E_INVALID_FIELD' && e.field === 'id');
  assert.throws(() => validateIpcCall('runs', 'app://safe-edge/', { limit: 100000 }), (e: unknown) => e instanceof SafeError && e.code === 'SAFE_E_INVALID_FIELD' && e.field === 'limit');
  assert.throws(() => validateIpcCall('health', 'app://safe-edge/', 'extra'), (e: unknown) => e instanceof SafeError && e.code === 'SAFE_E_INVALID_FIELD');
  // Not offered to the UI even if a compromised renderer asks for it by name.
  assert.throws(() => validateIpcCall('submitAnalysis' as never, 'app://safe-edge/', { incident: {} }), (e: unknown) => e instanceof SafeError && e.code === 'SAFE_E_UNKNOWN_OPERATION');
});

test('the bundled preload exposes invoke for exactly the bridged operations, on their own channels', async () => {
  // Load dist/electron/preload.cjs (what the app loads) with Electron faked at the boundary.
  const invoked: Array<{ channel: string; args: unknown }> = [];
  const listening = new Set<string>();
  let exposed: Record<string, unknown> = {};
  const fakeElectron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => { assert.equal(key, 'safeEdge'); exposed = api; } },
    ipcRenderer: {
      invoke: async (channel: string, args: unknown) => { invoked.push({ channel, args }); return { ok: true, value: channel }; },
      on: (channel: string) => { listening.add(channel); },
      removeListener: (channel: string) => { listening.delete(channel); },
    },
  };
  const require = createRequire(import.meta.url);
  const Module = require('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = Module._load;
  Module._load = function (request: string, ...rest: unknown[]) { return request === 'electron' ? fakeElectron : load.call(this, request, ...rest); };
  try {
    require(fileURLToPath(new URL('../preload.cjs', import.meta.url)));
  } finally {
    Module._load = load;
  }
  assert.deepEqual(Object.keys(exposed).sort(), ['invoke', 'onEngineStatus'], 'no ipcRenderer, nothing else');
  const invoke = exposed.invoke as (name: string, args: unknown, onEvent?: (e: unknown) => void) => Promise<unknown>;
  for (const name of BRIDGE_OPERATIONS) assert.equal(await invoke(name, {}), ipcChannel(name));
  assert.deepEqual(invoked.map((c) => c.channel), BRIDGE_OPERATIONS.map(ipcChannel));
  for (const name of OPERATION_NAMES.filter((n) => !BRIDGE_OPERATIONS.includes(n as never))) {
    await assert.rejects(invoke(name, {}), (e: { body?: { code: string } }) => e.body?.code === 'SAFE_E_UNKNOWN_OPERATION', `${name} is not bridged`);
  }
  assert.equal(invoked.length, BRIDGE_OPERATIONS.length, 'a refused operation never reaches ipcRenderer');
  await invoke('analyze', {}, () => {});
  assert.equal(listening.size, 0, `the event listener on ${ipcEventChannel('analyze')} is removed after the call`);
  const stop = (exposed.onEngineStatus as (l: () => void) => () => void)(() => {});
  assert.ok(listening.has(ENGINE_STATUS_CHANNEL));
  stop();
});

test('window state: remembered, validated, and moved back on screen', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'safe-win-')), 'window-state.json');
  const display = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  assert.deepEqual(loadWindowState(file, display), DEFAULT_WINDOW_STATE, 'no file yet');
  saveWindowState(file, { x: 100, y: 80, width: 1200, height: 800, maximized: true });
  assert.deepEqual(loadWindowState(file, display), { x: 100, y: 80, width: 1200, height: 800, maximized: true });
  assert.deepEqual(loadWindowState(file, [{ x: 1920, y: 0, width: 1920, height: 1080 }]), { width: 1200, height: 800, maximized: true }, 'monitor gone: position dropped');
  writeFileSync(file, '{not json');
  assert.deepEqual(loadWindowState(file, display), DEFAULT_WINDOW_STATE);
});

test('update checks: disabled without a feed, harmless when offline', async () => {
  const logs: string[] = [];
  const offline: UpdaterLike = { setFeedURL: () => {}, checkForUpdates: () => Promise.reject(new Error('net::ERR_INTERNET_DISCONNECTED')), autoDownload: false, autoInstallOnAppQuit: false };
  assert.equal(await checkForAppUpdate(offline, { feedUrl: null, checkEveryMs: 3600_000 }, (m) => logs.push(m)), 'disabled');
  assert.equal(await checkForAppUpdate(offline, { feedUrl: 'http://updates.local/safe-edge', checkEveryMs: 3600_000 }, (m) => logs.push(m)), 'offline');
  assert.match(logs[0] ?? '', /update check skipped/);
  let feed = '';
  const online: UpdaterLike = { setFeedURL: (o) => { feed = o.url; }, checkForUpdates: async () => ({}), autoDownload: false, autoInstallOnAppQuit: false };
  assert.equal(await checkForAppUpdate(online, { feedUrl: 'http://updates.local/safe-edge', checkEveryMs: 1 }, () => {}), 'checked');
  assert.equal(feed, 'http://updates.local/safe-edge');
  assert.equal(online.autoDownload, true);
});
