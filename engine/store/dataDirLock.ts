// A serving engine (serve, the desktop app) owns its data directory: it alone takes the scheduled
// backups, and `db restore` must find it. The claim is a file created exclusively (O_EXCL), holding the
// owner's pid; a claim left by a crashed process (its pid is gone) is taken over.
import { openSync, closeSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import { makeOwnerOnlyDir } from './dataDirPermissions.js';

export const SERVING_CLAIM_FILE = 'engine-serving.pid';

const alive = (pid: number): boolean => {
  try { process.kill(pid, 0); return true; } catch (err) { return (err as NodeJS.ErrnoException).code === 'EPERM'; }
};

/** Claims `dataDir` for this process; returns the release function. Throws DATA_DIR_IN_USE if a live engine holds it. */
export function claimDataDir(dataDir: string): () => void {
  makeOwnerOnlyDir(dataDir);
  const file = join(dataDir, SERVING_CLAIM_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => { if (holder(file) === process.pid) rmSync(file, { force: true }); };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = holder(file);
      // Our own pid counts too: one process must not run two serving engines on one directory either.
      if (pid !== null && alive(pid)) {
        throw new SafeError(ERROR_CODES.DATA_DIR_IN_USE, `another SAFE Edge engine (pid ${pid}) is serving ${dataDir}: use it (the app or \`safe-edge serve\`), stop it, or choose another --data-dir`, 'dataDir');
      }
      rmSync(file, { force: true }); // left by a crash: take it over
    }
  }
  throw new SafeError(ERROR_CODES.DATA_DIR_IN_USE, `could not claim ${dataDir}: another engine is starting there`, 'dataDir');
}

function holder(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** The pid of the live engine serving `dataDir`, or null: one-shot commands that change what it serves
 *  (model updates) must go through it instead of behind its back. */
export function servingEngine(dataDir: string): number | null {
  const pid = holder(join(dataDir, SERVING_CLAIM_FILE));
  return pid !== null && pid !== process.pid && alive(pid) ? pid : null;
}
