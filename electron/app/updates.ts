// Application updates through electron-updater from a generic server the IT staff configure. Offline is
// the normal state of a field laptop: a failed check is logged once and otherwise ignored.
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
