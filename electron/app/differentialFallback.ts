// electron-updater falls back from a differential download to a full one without an event or an error:
// it only logs "Cannot download differentially, fallback to full download: <error>" (AppUpdater for
// Windows and macOS, NsisUpdater's web installer, AppImageUpdater), or on macOS, when no update.zip from
// an earlier update is cached, "… falling back to full download" at info level. So the updater's logger
// is the one place a fallback can be seen: this logger passes every line on, and turns those lines into a
// warning with the reason and a count the app can report. The wording is electron-updater 6.8's; its
// test runs electron-updater's own code, so an upgrade that rewords it fails there.

/** electron-updater's `Logger` (its `logger` property), restated so this module needs no Electron. */
export interface UpdaterLogger {
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
  debug?(message: string): void;
}

export interface DifferentialFallback { at: string; reason: string }

/** Full downloads that should have been differential, since the app started. */
export class DifferentialFallbacks {
  count = 0;
  last: DifferentialFallback | null = null;
  record(reason: string, at: Date): void {
    this.count += 1;
    this.last = { at: at.toISOString(), reason };
  }
}

const FAILED = /Cannot download differentially, fallback to full download: ?([\s\S]*)/;
const NO_PREVIOUS_ZIP = /Unable to locate previous update\.zip for differential download/;

/** The reason a log line gives for downloading a whole installer, or null when it says nothing of the kind. */
export function differentialFallbackReason(message: unknown): string | null {
  const text = message instanceof Error ? (message.stack ?? message.message) : String(message);
  const failed = FAILED.exec(text);
  // The error comes with its stack: its first line says what went wrong.
  if (failed) return (failed[1] ?? '').split('\n')[0]?.trim() || 'electron-updater gave no reason';
  if (NO_PREVIOUS_ZIP.test(text)) return 'no update.zip of an earlier update to patch (the first update since install)';
  return null;
}

/** `base` with every differential-download fallback also warned about and counted in `fallbacks`. */
export function watchDifferentialFallbacks(base: UpdaterLogger, fallbacks: DifferentialFallbacks, now: () => Date = () => new Date()): UpdaterLogger {
  const check = (message: unknown) => {
    const reason = differentialFallbackReason(message);
    if (reason === null) return;
    fallbacks.record(reason, now());
    base.warn(`app update: downloading the whole installer instead of its changed blocks (${fallbacks.count} since start): ${reason}`);
  };
  return {
    info: (message) => { base.info(message); check(message); },
    warn: (message) => { base.warn(message); check(message); },
    error: (message) => { base.error(message); check(message); },
    // electron-updater dumps its whole download plan at debug level, only when the logger has a debug.
    ...(base.debug ? { debug: (message: string) => base.debug?.(message) } : {}),
  };
}
