// The engine's build identity: a sha256 over the compiled engine's own JS files, so that any change to
// the code that computes an answer (not only a bumped ENGINE_VERSION) gives the analysis cache new keys.
// The files are those of the directory this module was compiled into (dist/engine at run time, derived
// from import.meta.url), every *.js below it but tests (*.test.js) and test helpers (testing/, which
// electron-builder.yml leaves out of the package too, so a packaged build hashes as its dist/ did);
// source maps are not code. Files are hashed in the order of their relative paths ('/'-separated, so the
// order is the same on every OS), each framed by its path and length so that no two trees collide by
// moving bytes between files. Computed once, on first use, then kept: a build does not change under a
// running engine. Models, SOP files and configuration are not code: they reach the key on their own.
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The directory of the compiled engine (dist/engine): the one this module lives in. */
export const ENGINE_BUILD_DIR = dirname(fileURLToPath(import.meta.url));

let cached: string | undefined;

/** sha256 (hex) of the compiled engine's code; see the top of this file. */
export function engineBuildHash(): string {
  if (cached === undefined) {
    try {
      cached = hashBuildDirectory(ENGINE_BUILD_DIR);
    } catch {
      // An unreadable build (it should not happen: the engine is running from it) must not stop analyses:
      // a random identity keeps the cache working for this run and never serves another build's answers.
      cached = createHash('sha256').update(`unreadable build ${randomUUID()}`).digest('hex');
    }
  }
  return cached;
}

/** The files engineBuildHash covers under `dir`, as sorted '/'-separated relative paths. */
export function engineCodeFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (relative: string): void => {
    // Plain readdir + stat (no withFileTypes, no recursive option): also works inside Electron's asar.
    for (const name of readdirSync(join(dir, relative))) {
      const path = relative ? `${relative}/${name}` : name;
      if (statSync(join(dir, path)).isDirectory()) {
        if (name !== 'testing') walk(path);
      } else if (name.endsWith('.js') && !name.endsWith('.test.js')) {
        files.push(path);
      }
    }
  };
  walk('');
  return files.sort(); // by UTF-16 code unit: the same order everywhere
}

/** sha256 (hex) over the engine code files under `dir` (engineCodeFiles), each framed by path and length. */
export function hashBuildDirectory(dir: string): string {
  const files = engineCodeFiles(dir);
  if (files.length === 0) throw new Error(`no engine code under ${dir}`);
  const hash = createHash('sha256');
  for (const path of files) {
    const bytes = readFileSync(join(dir, path));
    hash.update(`${path}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}
