// The desktop app's main process: deliberately thin. It owns the window, the menu, the tray, the
// notifications and app updates; the engine runs in a supervised utility process (the same entry the
// CLI uses); the UI is the renderer bundle served from app://, talking only through the typed preload.
import { app, BrowserWindow, ipcMain, Menu, nativeImage, net, Notification, protocol, screen, Tray, utilityProcess, type UtilityProcess } from 'electron';
import electronUpdater from 'electron-updater';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { ENGINE_STATUS_CHANNEL, type EngineStatus, type IpcEvent, type IpcReply } from '../engine/contract/ipc.js';
import type { HostMessage } from '../engine/contract/hostProtocol.js';
import { BRIDGE_OPERATIONS, ipcChannel, ipcEventChannel, type BridgeOperationName, type OperationResult } from '../engine/contract/operations.js';
import { ERROR_CODES, toErrorBody } from '../engine/contract/errors.js';
import { ENVIRONMENT } from '../engine/contract/environment.js';
import { UI_SECURITY_HEADERS } from '../engine/contract/uiSecurity.js';
import { EngineSupervisor, type EngineProcess } from './app/engineSupervisor.js';
import { APP_ORIGIN, APP_SCHEME, isAllowedNavigation, resolveAppFile, SECURE_WEB_PREFERENCES } from './app/security.js';
import { validateIpcCall } from './app/ipcValidation.js';
import { loadWindowState, saveWindowState } from './app/windowState.js';
import { scheduleAppUpdateChecks } from './app/updates.js';
import { DifferentialFallbacks, watchDifferentialFallbacks } from './app/differentialFallback.js';
import { AlertNotifier, type NotifyLanguage } from './app/alertNotifier.js';
import { engineNotice } from './app/engineNotice.js';

const DIST = fileURLToPath(new URL('..', import.meta.url)); // dist/
const UI_ROOT = join(DIST, 'renderer-app');
const ENGINE_ENTRY = join(DIST, 'engine', 'host', 'utilityProcessMain.js');
const ICON = join(DIST, '..', 'resources', 'icon.png');
// Earlier versions kept the engine's data here; the engine now uses the same data directory as the
// `safe-edge` CLI (its configuration decides) and moves this history in on first start.
const LEGACY_DATA_DIR = join(app.getPath('userData'), 'data');
const WINDOW_STATE_FILE = join(app.getPath('userData'), 'window-state.json');
// `<update server>/app/` (docs/app.md); unset or empty: no update checks at all.
const UPDATE_FEED_URL = process.env[ENVIRONMENT.updateFeedUrl] || null;
const APP_UPDATE_CHECK_EVERY_MS = 6 * 3600_000;

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | null = null;
  let tray: Tray | null = null;
  let quitting = false;
  let engineProcess: UtilityProcess | null = null;
  /** Installers downloaded whole where their changed blocks should have done: warned about and counted. */
  const appUpdateFallbacks = new DifferentialFallbacks();

  /** Native notifications follow the system's language (the window's own setting lives in the renderer). */
  const systemLanguage = (): NotifyLanguage => (app.getLocale().startsWith('en') ? 'en' : 'zh');
  const notify = (title: string, body: string) => { if (Notification.isSupported()) new Notification({ title, body }).show(); };

  const supervisor = new EngineSupervisor({
    spawn: (): EngineProcess => {
      // Packaged, the models live in resources/models (extraResources), outside the asar archive.
      const env = app.isPackaged ? { ...process.env, [ENVIRONMENT.modelsDir]: join(process.resourcesPath, 'models') } : process.env;
      const child = utilityProcess.fork(ENGINE_ENTRY, ['--legacy-data-dir', LEGACY_DATA_DIR], { serviceName: 'SAFE Edge engine', stdio: 'inherit', env });
      engineProcess = child;
      return {
        postMessage: (m) => child.postMessage(m),
        onMessage: (listener) => child.on('message', (m: HostMessage) => listener(m)),
        onExit: (listener) => child.on('exit', (code) => listener(code)),
        kill: () => { child.kill(); },
      };
    },
    onStatus: (status: EngineStatus) => {
      window?.webContents.send(ENGINE_STATUS_CHANNEL, status);
      tray?.setToolTip(`SAFE Edge — engine ${status.state}${status.restarts ? ` (restarts: ${status.restarts})` : ''}`);
      const notice = engineNotice(status.state, status.message, systemLanguage());
      if (notice) notify(notice.title, notice.body);
    },
  });

  // Firing device alerts as native notifications, once per firing; a click opens the device page (docs/alerts.md).
  const alertNotifier = new AlertNotifier({
    fetchAlerts: () => supervisor.request('alerts', {}),
    show: ({ title, body, onClick }) => {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title, body });
      notification.on('click', onClick);
      notification.show();
    },
    openDashboard: () => {
      if (!window) return;
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
      void window.loadURL(`${APP_ORIGIN}/index.html#/device`);
    },
    language: systemLanguage,
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
    onError: (message) => console.warn(message),
  });

  // One handler per bridged operation of the table: sender and arguments validated, then forwarded to
  // the engine; the operation's events go back to the calling window tagged with its call id.
  const forward = <K extends BridgeOperationName>(name: K) => {
    ipcMain.handle(ipcChannel(name), async (event, args: unknown, callId: unknown): Promise<IpcReply<OperationResult<K>>> => {
      try {
        const valid = validateIpcCall(name, event.senderFrame?.url, args);
        const sender = event.sender;
        const value = await supervisor.request(name, valid, (engineEvent) => {
          if (!sender.isDestroyed()) sender.send(ipcEventChannel(name), { callId: String(callId), event: engineEvent } satisfies IpcEvent<unknown>);
        });
        return { ok: true, value };
      } catch (err) {
        return { ok: false, error: toErrorBody(err, ERROR_CODES.INTERNAL) };
      }
    });
  };
  for (const name of BRIDGE_OPERATIONS) forward(name);
  // A finished analysis with an extreme risk is worth a notification even when the window is behind others.
  supervisor.onResult('analyze', (result) => {
    if (result.awareness?.riskMatrix.level === 'extreme') notify('SAFE Edge', `${result.id}: risk extreme / 风险极高`);
  });

  function createWindow(): void {
    const state = loadWindowState(WINDOW_STATE_FILE, screen.getAllDisplays().map((d) => d.workArea));
    window = new BrowserWindow({
      ...state, show: false, title: 'SAFE Edge', icon: ICON, backgroundColor: '#fafafa',
      webPreferences: { ...SECURE_WEB_PREFERENCES, preload: join(DIST, 'electron', 'preload.cjs') },
    });
    if (state.maximized) window.maximize();
    window.once('ready-to-show', () => window?.show());
    window.webContents.on('will-navigate', (event, url) => { if (!isAllowedNavigation(url)) event.preventDefault(); });
    window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    window.on('close', () => {
      if (!window) return;
      const bounds = window.getNormalBounds();
      saveWindowState(WINDOW_STATE_FILE, { ...bounds, maximized: window.isMaximized() });
    });
    void window.loadURL(`${APP_ORIGIN}/index.html#/incidents`);
  }

  function createMenu(): void {
    const go = (hash: string) => window?.loadURL(`${APP_ORIGIN}/index.html${hash}`);
    Menu.setApplicationMenu(Menu.buildFromTemplate([
      { label: 'SAFE Edge', submenu: [
        { label: 'New incident / 新建事件', accelerator: 'CmdOrCtrl+N', click: () => void go('#/new') },
        { label: 'Incidents / 事件列表', accelerator: 'CmdOrCtrl+L', click: () => void go('#/incidents') },
        { label: 'Settings / 设置', accelerator: 'CmdOrCtrl+,', click: () => void go('#/settings') },
        { type: 'separator' }, { role: 'quit' },
      ] },
      { role: 'editMenu' },
      { label: 'View', submenu: [{ role: 'reload' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    ]));
  }

  app.on('second-instance', () => { if (window) { if (window.isMinimized()) window.restore(); window.focus(); } });

  app.whenReady().then(() => {
    protocol.handle(APP_SCHEME, async (request) => {
      const file = resolveAppFile(UI_ROOT, request.url);
      if (!file) return new Response('not found', { status: 404 });
      const response = await net.fetch(pathToFileURL(file).toString());
      const headers = new Headers(response.headers);
      for (const [name, value] of Object.entries(UI_SECURITY_HEADERS)) headers.set(name, value);
      return new Response(response.body, { status: response.status, headers });
    });
    supervisor.start();
    alertNotifier.start();
    createMenu();
    createWindow();
    tray = new Tray(nativeImage.createFromPath(ICON));
    tray.setToolTip('SAFE Edge');
    tray.on('click', () => window?.show());
    if (UPDATE_FEED_URL) {
      const updater = electronUpdater.autoUpdater;
      updater.logger = watchDifferentialFallbacks({ info: console.info, warn: console.warn, error: console.error }, appUpdateFallbacks);
      scheduleAppUpdateChecks(updater, { feedUrl: UPDATE_FEED_URL, checkEveryMs: APP_UPDATE_CHECK_EVERY_MS }, (m) => console.warn(m));
    }
  });

  // Graceful shutdown: the engine gets SIGTERM, closes its database (WAL checkpoint) and exits first.
  app.on('before-quit', (event) => {
    if (quitting || !engineProcess) return;
    event.preventDefault();
    quitting = true;
    alertNotifier.stop();
    const child = engineProcess;
    const done = () => app.quit();
    child.once('exit', done);
    setTimeout(done, 5000);
    supervisor.stop();
  });
  app.on('window-all-closed', () => { if (process.platform !== 'darwin') app.quit(); });
}
