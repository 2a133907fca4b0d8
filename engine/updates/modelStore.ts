// The writable model store in the data directory: `<dataDir>/models/<name>/<version>/`, the same layout
// as the shipped `models/` (docs/models.md), which seeds it and stays the fallback. A version arrives in a
// staging folder and is renamed into place only when every file verified, so the store never holds half
// a version. The workers never read the store directly: they read a live view (liveView.ts).
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { listVersions } from '../inference/modelRepository.js';

export class ModelStore {
  readonly dir: string;
  constructor(dataDir: string, readonly shippedDir: string) { this.dir = resolve(dataDir, 'models'); }

  /** A fresh staging folder for one version (removed by `commit` or `discard`). */
  stagingDir(name: string, version: number): string {
    const dir = join(this.dir, '.staging', `${name}-${version}-${randomUUID().slice(0, 8)}`);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  /** Moves a verified staging folder into the store (replacing an earlier copy of that version). */
  commit(staging: string, name: string, version: number): string {
    const target = this.versionDir(name, version);
    mkdirSync(join(this.dir, name), { recursive: true });
    if (existsSync(target)) rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
    return target;
  }

  discard(staging: string): void { rmSync(staging, { recursive: true, force: true }); }

  versionDir(name: string, version: number): string { return join(this.dir, name, String(version)); }

  /** Where a version's files are: the store's copy, else the shipped one; null when neither has it. */
  locate(name: string, version: number): string | null {
    const stored = this.versionDir(name, version);
    if (existsSync(join(stored, 'manifest.json'))) return stored;
    const shipped = join(this.shippedDir, name, String(version));
    return existsSync(join(shipped, 'manifest.json')) ? shipped : null;
  }

  /** The newest version the app build ships of `name` (below `before`, when given): the fallback of last resort. */
  newestShipped(name: string, before = Infinity): number | undefined { return listVersions(this.shippedDir, name).find((v) => v < before); }
}
