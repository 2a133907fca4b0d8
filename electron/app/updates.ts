// Application updates through electron-updater from the update server IT runs (its `/app/` folder, a
// generic feed; docs/updates.md, "The app itself"). Offline is the normal state of a field laptop: a
// failed check is logged once and otherwise ignored until a check gets through again.
export interface UpdaterLike {
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
}

export interface UpdateSettings { feedUrl: string | null; checkEveryMs: number }

export async function checkForAppUpdate(updater: UpdaterLike, settings: UpdateSettings, log: (msg: string) => void): Promise<'checked' | 'disabled' | 'offline'> {
  if (!settings.feedUrl) return 'disabled';
  updater.setFeedURL({ provider: 'generic', url: settings.feedUrl });
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  try {
    await updater.checkForUpdates();
    return 'checked';
  } catch (err) {
    log(`update check skipped (${(err as Error).message}); will retry in ${Math.round(settings.checkEveryMs / 60000)} min`);
    return 'offline';
  }
}

export interface IntervalTimers { setInterval(fn: () => void, ms: number): unknown; clearInterval(handle: unknown): void }
const realTimers: IntervalTimers = { setInterval: (fn, ms) => setInterval(fn, ms), clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>) };

/**
 * Checks now and every `checkEveryMs` while the app runs (a laptop may stay up for days and be online
 * only now and then). Of a run of failed checks only the first is logged. Returns a stop function; without
 * a feed URL nothing is scheduled.
 */
export function scheduleAppUpdateChecks(updater: UpdaterLike, settings: UpdateSettings, log: (msg: string) => void, timers: IntervalTimers = realTimers): () => void {
  if (!settings.feedUrl) return () => {};
  let offline = false;
  // electron-updater answers a check made while one is under way with that one, so overlaps are harmless.
  const check = async () => {
    const result = await checkForAppUpdate(updater, settings, (msg) => { if (!offline) log(msg); });
    offline = result === 'offline';
  };
  void check();
  const handle = timers.setInterval(() => void check(), settings.checkEveryMs);
  return () => timers.clearInterval(handle);
}
