// The models the workers load, as one folder in the repository layout with exactly one version per model:
// `<dataDir>/model-views/<n>/<name>/<version>` links to that version's folder in the store or in the
// shipped models. Loading code stays as it is (it takes the newest version of each model it finds), and
// a swap is "reload from the next view": views are never changed once written, so a worker loading
// one can never see a half-made selection. The last few views are kept for the workers still on them.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';

const KEEP_VIEWS = 3;

export interface LiveSelection { [name: string]: { version: number; dir: string } }

/** `keep`: views still in use besides the newest few (a running trial's), never removed here. */
export function buildLiveView(dataDir: string, selection: LiveSelection, keep: readonly string[] = []): string {
  const root = resolve(dataDir, 'model-views');
  mkdirSync(root, { recursive: true });
  const existing = readdirSync(root).filter((d) => /^\d+$/.test(d)).map(Number).sort((a, b) => a - b);
  const next = (existing.at(-1) ?? 0) + 1;
  const view = join(root, String(next));
  writeView(join(root, `.${next}-${process.pid}`), selection, view);
  for (const old of existing.slice(0, Math.max(0, existing.length + 1 - KEEP_VIEWS))) {
    const dir = join(root, String(old));
    if (!keep.includes(dir)) rmSync(dir, { recursive: true, force: true });
  }
  return view;
}

/** Writes the links of `selection` into `staging`, then renames it to `view` (atomic: complete or absent). */
function writeView(staging: string, selection: LiveSelection, view: string): void {
  rmSync(staging, { recursive: true, force: true });
  for (const [name, { version, dir }] of Object.entries(selection)) {
    mkdirSync(join(staging, name), { recursive: true });
    // 'junction' makes a directory link on Windows without administrator rights; elsewhere it is ignored.
    symlinkSync(resolve(dir), join(staging, name, String(version)), 'junction');
  }
  if (existsSync(view)) rmSync(view, { recursive: true, force: true });
  renameSync(staging, view);
}

/**
 * The view of a model set an incident keeps (docs/updates.md#keeping-an-incidents-models):
 * `<dataDir>/model-views/kept-<hash of the selection>`, written once and reused by every incident that
 * keeps the same versions. Its name is not a number, so the live views' clean-up never removes it.
 */
export function keptModelsView(dataDir: string, selection: LiveSelection): string {
  const root = resolve(dataDir, 'model-views');
  mkdirSync(root, { recursive: true });
  const id = createHash('sha256').update(JSON.stringify(Object.entries(selection).sort(([a], [b]) => a.localeCompare(b)).map(([name, s]) => [name, s.version, resolve(s.dir)]))).digest('hex').slice(0, 16);
  const view = join(root, `kept-${id}`);
  if (!existsSync(view)) writeView(join(root, `.kept-${id}-${process.pid}`), selection, view);
  return view;
}
