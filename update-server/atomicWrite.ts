// One way for IT's tools to replace a file that servers and laptops may be reading at that moment.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `bytes` to `path` through a temporary file and a rename, so a reader never sees half a file. The
 * temporary file is a dot-file beside it: the update server never serves dot-files.
 */
export function writeAtomically(path: string, bytes: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}
