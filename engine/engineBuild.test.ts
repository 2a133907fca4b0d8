import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ENGINE_BUILD_DIR, engineBuildHash, engineCodeFiles, hashBuildDirectory } from './engineBuild.js';

test('engineBuildHash covers the compiled engine it runs from, once', () => {
  assert.equal(basename(ENGINE_BUILD_DIR), 'engine');
  const files = engineCodeFiles(ENGINE_BUILD_DIR);
  for (const own of ['engine.js', 'engineBuild.js', 'engineVersion.js', 'cache/multiLevelCache.js']) assert.ok(files.includes(own), own);
  assert.ok(!files.some((f) => f.endsWith('.test.js') || f.endsWith('.map') || f.includes('/testing/')), 'no tests, test helpers or maps');
  assert.deepEqual(files, [...files].sort());
  const hash = engineBuildHash();
  assert.match(hash, /^[0-9a-f]{64}$/);
  assert.equal(engineBuildHash(), hash, 'computed once, then kept');
  assert.equal(hashBuildDirectory(ENGINE_BUILD_DIR), hash);
});

test('the build hash changes with the engine code, and only with it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-build-'));
  const write = (path: string, text: string) => { mkdirSync(join(dir, path, '..'), { recursive: true }); writeFileSync(join(dir, path), text); };
  write('engine.js', 'export const a = 1;\n');
  write('cache/key.js', 'export const b = 2;\n');
  write('cache/key.test.js', 'test 1');
  write('cache/key.js.map', '{}');
  write('orchestrator/testing/faulty.js', 'helper 1');
  write('README.md', 'notes');
  assert.deepEqual(engineCodeFiles(dir), ['cache/key.js', 'engine.js']);
  const base = hashBuildDirectory(dir);
  write('cache/key.test.js', 'test 2');
  write('cache/key.js.map', '{"mappings":""}');
  write('orchestrator/testing/faulty.js', 'helper 2');
  write('README.md', 'other notes');
  assert.equal(hashBuildDirectory(dir), base, 'tests, maps, test helpers and other files are not the engine');
  write('cache/key.js', 'export const b = 3;\n');
  const changed = hashBuildDirectory(dir);
  assert.notEqual(changed, base, 'one changed byte of code');
  write('cache/key.js', 'export const b = 2;\n');
  assert.equal(hashBuildDirectory(dir), base, 'the same code, the same hash');
  // The same bytes spread differently over files are another build.
  write('engine.js', 'export const a = 1;\nexport const b = 2;\n');
  write('cache/key.js', '');
  assert.notEqual(hashBuildDirectory(dir), base);
  rmSync(join(dir, 'cache'), { recursive: true });
  write('cache2/key.js', 'export const b = 2;\n');
  write('engine.js', 'export const a = 1;\n');
  assert.notEqual(hashBuildDirectory(dir), base, 'a file moved is another build');
  const empty = mkdtempSync(join(tmpdir(), 'safe-build-empty-'));
  assert.throws(() => hashBuildDirectory(empty), /no engine code/);
});
