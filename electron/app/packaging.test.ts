// electron-builder.yml against the files that really exist: every native binary is unpacked from the
// asar, the app's entry points are packed, and the models ship as extra resources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { minimatch } from 'minimatch';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as {
  files: string[]; asarUnpack: string[]; extraResources: Array<{ from: string; to: string }>; main?: string;
  publish: { provider: string }; win: { target: string }; mac: { target: string[] }; linux: { target: string[] };
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [relative(ROOT, path)];
  });
}
const matchesAny = (file: string, patterns: string[]) => patterns.some((p) => minimatch(file, p, { dot: true }));
const included = (file: string) => {
  let keep = false;
  for (const p of config.files) keep = p.startsWith('!') ? (minimatch(file, p.slice(1), { dot: true }) ? false : keep) : keep || minimatch(file, p, { dot: true });
  return keep;
};

test('every native module and onnxruntime shared library is unpacked from the asar', () => {
  const natives = [...walk(join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release')), ...walk(join(ROOT, 'node_modules', 'onnxruntime-node', 'bin'))]
    .filter((f) => /\.(node|dll|dylib)$|\.so(\.\d+)*$/.test(f) && !f.includes('obj.target') && !f.includes('test_extension'));
  assert.ok(natives.some((f) => f.endsWith('better_sqlite3.node')) && natives.some((f) => f.includes('libonnxruntime.so')), 'the natives were found');
  const missing = natives.filter((f) => !matchesAny(f, config.asarUnpack));
  assert.deepEqual(missing, []);
});

test('the app entry points, the UI and the SOPs are packed; tests and maps are not', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };
  for (const file of [pkg.main, 'dist/electron/preload.cjs', 'dist/engine/host/utilityProcessMain.js', 'dist/renderer-app/index.html', 'engine/knowledge/sops/hazmat.yaml', 'resources/icon.png']) {
    assert.ok(existsSync(join(ROOT, file)), `${file} exists (run npm run build)`);
    assert.ok(included(file), `${file} is packed`);
  }
  assert.equal(included('dist/engine/orchestrator/orchestrator.test.js'), false);
  assert.equal(included('dist/engine/orchestrator/testing/faultyAgentWorker.js'), false);
});

test('models ship as extra resources, each with a manifest', () => {
  const models = config.extraResources.find((r) => r.to === 'models');
  assert.ok(models);
  const manifests = walk(join(ROOT, models.from)).filter((f) => f.endsWith('manifest.json'));
  assert.ok(manifests.length >= 1);
  for (const m of manifests) assert.ok(existsSync(join(ROOT, m.replace('manifest.json', 'model.onnx'))), `${m} has its model`);
});

test('the release metadata ships with the models; the release keys never do (docs/models.md#signed-models)', () => {
  const models = config.extraResources.find((r) => r.to === 'models');
  assert.ok(models);
  const shipped = walk(join(ROOT, models.from));
  for (const file of ['release-root.json', 'release-targets.json']) assert.ok(shipped.includes(join(models.from, file)), `${file} ships`);
  const keys = walk(join(ROOT, 'release-keys'));
  assert.ok(keys.some((f) => f.endsWith('targets.key.json')), 'the development keys were found');
  assert.deepEqual(keys.filter((f) => included(f) || shipped.includes(f)), [], 'no key is packed');
});

test('targets and the generic update server', () => {
  assert.equal(config.win.target, 'nsis');
  assert.deepEqual(config.mac.target, ['dmg', 'zip'], 'electron-updater updates macOS from the zip only');
  assert.deepEqual(config.linux.target, ['AppImage', 'deb']);
  assert.equal(config.publish.provider, 'generic');
});
