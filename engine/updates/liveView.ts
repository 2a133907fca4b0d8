// The models the workers load, as one folder in the repository layout with exactly one version per model:
// `<dataDir>/model-views/<n>/<name>/<version>` links to that version's folder in the store or in the
// shipped models. Loading code stays as it is (it takes the newest version of each model it finds), and
// a swap is "reload from the next view": views are never changed once written, so a worker loading
// one can never see a half-made selection. The last few views are kept for the workers still on them.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

const KEEP_VIEWS = 3;

export interface LiveSelection { [name: string]: { version: number; dir: string } }

/** `keep`: views still in use besides the newest few (a running trial's), never removed here. */
export function buildLiveView(dataDir: string, selection: LiveSelection, keep: readonly string[] = []): string {
  const root = resolve(dataDir, 'model-views');
  mkdirSync(root, { recursive: true });
  const existing = readdirSync(root).filter((d) => /^\d+$/.test(d)).map(Number).sort((a, b) => a - b);
  const next = (existing.at(-1) ?? 0) + 1;
  const staging = join(root, `.${next}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  for (const [name, { version, dir }] of Object.entries(selection)) {
    mkdirSync(join(staging, name), { recursive: true });
    // 'junction' makes a directory link on Windows without administrator rights; elsewhere it is ignored.
    symlinkSync(resolve(dir), join(staging, name, String(version)), 'junction');
  }
  const view = join(root, String(next));
  // A rename is atomic: the view appears complete or not at all.
  if (existsSync(view)) rmSync(view, { recursive: true, force: true });
  renameSync(staging, view);
  for (const old of existing.slice(0, Math.max(0, existing.length + 1 - KEEP_VIEWS))) {
    const dir = join(root, String(old));
    if (!keep.includes(dir)) rmSync(dir, { recursive: true, force: true });
  }
  return view;
}
