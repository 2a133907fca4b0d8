// The built UI bundle as shipped and served (dist/renderer-app, docs/app.md "Lean delivery"): one chunk per
// page, the first page without the charting library, no source maps, and the CSP left to its hosts' header.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UI_CONTENT_SECURITY_POLICY } from '../../engine/contract/uiSecurity.js';

const UI_DIR = fileURLToPath(new URL('../../renderer-app', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [relative(UI_DIR, path)];
  });
}
const files = walk(UI_DIR);
const html = readFileSync(join(UI_DIR, 'index.html'), 'utf8');

test('no source map is shipped or served, and no script or style points to one', () => {
  assert.ok(files.some((f) => f.endsWith('.js')), 'the bundle was built');
  assert.deepEqual(files.filter((f) => f.endsWith('.map')), []);
  const pointing = files.filter((f) => /\.(js|css)$/.test(f) && /sourceMappingURL/.test(readFileSync(join(UI_DIR, f), 'utf8')));
  assert.deepEqual(pointing, []);
});

test('each page is its own chunk, and the first page loads no charting code and no operation schemas', () => {
  for (const page of ['IncidentsPage', 'EditIncidentPage', 'AnalysisPage', 'SettingsPage', 'DeviceHealthPage', 'ModelsPage']) {
    assert.ok(files.some((f) => new RegExp(`^assets/${page}-[\\w-]+\\.js$`).test(f)), `${page} has a chunk`);
  }
  // What index.html loads before any page: its entry script and the modules it preloads.
  const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  assert.ok(initial.length >= 1);
  for (const file of initial) assert.doesNotMatch(readFileSync(join(UI_DIR, file), 'utf8'), /u-legend|uPlot/, `${file} carries no uPlot`);
  // Nor the operations' schemas (bench:ui's answer band waits on this bundle's evaluation): a result field
  // the first screen never names stands for them. operationAccess.ts and httpBindings.ts are plain data.
  for (const file of initial) assert.doesNotMatch(readFileSync(join(UI_DIR, file), 'utf8'), /severityBasis/, `${file} carries no operation schemas`);
  const charting = files.filter((f) => f.endsWith('.js') && /u-legend/.test(readFileSync(join(UI_DIR, f), 'utf8')));
  assert.equal(charting.length, 1, 'uPlot is in one chunk, shared by the pages that chart');
});

test('the workspace\'s own files (preloaded for its address) carry no result schemas and no uPlot', () => {
  // The answer band waits on their download and evaluation (docs/performance.md, bench:ui): the schemas are
  // for replies (transport/replySchemas.ts), uPlot for the charts below the first screen (SensorChart.tsx).
  const pages = JSON.parse(/<script type="application\/json" id="page-chunks">([^<]+)<\/script>/.exec(html)?.[1] ?? '{}') as Record<string, string[]>;
  const analysis = pages.analysis ?? [];
  assert.ok(analysis.length >= 1, 'index.html lists the analysis page\'s files');
  for (const file of analysis) {
    const code = readFileSync(join(UI_DIR, file), 'utf8');
    // zod's own code (its `_zod` internals) comes with the schemas; the entry's jitless setting is all the page shares.
    assert.doesNotMatch(code, /_zod/, `${file} carries no zod schemas`);
    assert.doesNotMatch(code, /u-legend/, `${file} carries no uPlot`);
  }
});

test('the CSP comes as its hosts\' header only: no <meta> policy, which stops Chromium\'s preload scanner', () => {
  // Both hosts send UI_CONTENT_SECURITY_POLICY with every file (server.test.ts checks serve's); a <meta> policy
  // held every script until the parser reached it (docs/performance.md, bench:ui).
  assert.doesNotMatch(html, /http-equiv=["']?content-security-policy/i);
  assert.match(UI_CONTENT_SECURITY_POLICY, /script-src 'self'(;|$)/);
});
