// Owner-only data (docs/hardening.md#lan): the data directory and its backups folder are 0700, and every
// file the engine keeps at their top level (the database and its -wal/-shm, backups, the API tokens, the
// TLS certificate and key, state files) is 0600, so another account on the laptop reads none of it.
// Files are created with these modes; `secureDataDir` fixes what an older build or a copy left looser.
// POSIX modes only: on Windows the ACLs of the user's profile folder already keep other users out.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const OWNER_ONLY_DIR_MODE = 0o700;
export const OWNER_ONLY_FILE_MODE = 0o600;
export const BACKUPS_DIR = 'backups';

const posix = process.platform !== 'win32';

/** One permission the start tightened: which path, and its mode before and after (octal strings);
 *  `error` when it could not be changed (a file another account owns). */
export interface PermissionFix { path: string; fromMode: string; toMode: string; error?: string }

const octal = (mode: number) => (mode & 0o777).toString(8).padStart(3, '0');

/** Creates `dir` (and missing parents) owner-only; an existing one is left to `secureDataDir`. */
export function makeOwnerOnlyDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_DIR_MODE });
}

/** Creates `file` empty and owner-only if it does not exist, so whatever writes it next (SQLite, a
 *  backup) never leaves a moment where it is readable by others; an existing file is made 0600. */
export function touchOwnerOnly(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', OWNER_ONLY_FILE_MODE));
  else if (posix) tighten(file, OWNER_ONLY_FILE_MODE);
}

/** Makes `path` `mode` when it grants more than that (group or other bits); returns the fix made. */
function tighten(path: string, mode: number): PermissionFix | null {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return null; // gone meanwhile (a stale pid file removed by its owner)
  const current = stat.mode & 0o777;
  if ((current & ~mode) === 0) return null;
  try {
    chmodSync(path, mode);
  } catch (err) {
    // Only the owner may chmod: reported (and logged by the host), not fatal, since reading still works.
    return { path, fromMode: octal(current), toMode: octal(current), error: (err as Error).message };
  }
  return { path, fromMode: octal(current), toMode: octal(mode) };
}

/** Tightens the data directory, its backups folder and the files at their top level; returns what it
 *  changed (the host logs it). Subfolders other than backups/ are covered by the 0700 directory. */
export function secureDataDir(dataDir: string): PermissionFix[] {
  makeOwnerOnlyDir(dataDir);
  if (!posix) return [];
  const fixes: PermissionFix[] = [];
  const secureFolder = (dir: string) => {
    const fix = tighten(dir, OWNER_ONLY_DIR_MODE);
    if (fix) fixes.push(fix);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const fileFix = tighten(join(dir, entry.name), OWNER_ONLY_FILE_MODE);
      if (fileFix) fixes.push(fileFix);
    }
  };
  secureFolder(dataDir);
  const backups = join(dataDir, BACKUPS_DIR);
  if (existsSync(backups)) secureFolder(backups);
  return fixes;
}
