// Handover in the app (docs/handover.md): the workspace exports the incident file and the zones for GIS
// tools; the incidents page imports a file, says what it added, and on a file whose history parts ways
// with this post's offers to import it under a new id, changing nothing already saved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { sessionPerFile, type E2ESession, type RunningServer } from './browserHarness.js';

let session: E2ESession;
let server: RunningServer;
let page: Page;

sessionPerFile({ width: 1366, height: 900, acceptDownloads: true }, (s) => { session = s; ({ server, page } = s); });

const api = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, { ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` } });
const saved = async (download: Download, name: string) => {
  const path = join(server.dataDir, name);
  await download.saveAs(path);
  return readFileSync(path, 'utf8');
};

test('export the incident and its zones from the workspace; import at the incidents page, with a way forward on conflict', async () => {
  const example = readFileSync(new URL('../../../examples/chlorine-tank-car-zh.json', import.meta.url), 'utf8');
  const { runId, id } = await (await api('/v1/analyses', { method: 'POST', body: example })).json() as { runId: string; id: string };
  await page.goto(`${server.url}/#/analysis/${runId}&token=${server.token}`);
  await page.getByTestId('export-menu').locator('summary').click();
  await page.getByTestId('handover-actions').waitFor();

  const [incidentFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-incident').click()]);
  assert.equal(incidentFile.suggestedFilename(), `${id}.safe-edge.json`);
  const bundle = JSON.parse(await saved(incidentFile, 'incident.json')) as { format: string; runs: Array<{ runId: string }> };
  assert.equal(bundle.format, 'safe-edge-incident');
  assert.deepEqual(bundle.runs.map((r) => r.runId), [runId]);

  const [zones] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-geojson').click()]);
  const geojson = JSON.parse(await saved(zones, 'zones.geojson')) as { type: string; features: Array<{ properties: { kind: string; name: string } }> };
  assert.equal(geojson.type, 'FeatureCollection');
  assert.ok(geojson.features.some((f) => f.properties.kind === 'zone' && f.properties.name.startsWith('热区')), 'names in the UI language');
  const [kml] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-kml').click()]);
  assert.match(await saved(kml, 'zones.kml'), /<kml xmlns="http:\/\/www\.opengis\.net\/kml\/2\.2">/);

  // The same file again: nothing to add.
  await page.goto(`${server.url}/#/incidents`);
  await page.getByTestId('import-incident').locator('summary').click();
  await page.getByTestId('import-file').setInputFiles(join(server.dataDir, 'incident.json'));
  assert.match(await page.getByTestId('import-done').textContent() ?? '', /新增 0 次分析，本机已有 1 次/);

  // A file from a post that analysed the same incident on its own: refused, then imported under a new id.
  const theirs = JSON.parse(readFileSync(join(server.dataDir, 'incident.json'), 'utf8')) as { runs: Array<{ runId: string; result: { runId: string } }> };
  theirs.runs[0]!.runId = '00000000-0000-4000-8000-000000000001';
  theirs.runs[0]!.result.runId = theirs.runs[0]!.runId;
  writeFileSync(join(server.dataDir, 'theirs.json'), JSON.stringify(theirs));
  await page.getByTestId('import-file').setInputFiles(join(server.dataDir, 'theirs.json'));
  const conflict = page.getByTestId('import-conflict');
  await conflict.waitFor();
  await session.shot('handover-conflict-zh');
  await conflict.locator('input').fill(`${id}-from-post-b`);
  await conflict.getByRole('button').click();
  assert.match(await page.getByTestId('import-done').textContent() ?? '', new RegExp(`${id}-from-post-b：新增 1 次分析`));
  const mine = await (await api(`/v1/runs?incidentId=${id}`)).json() as Array<{ runId: string }>;
  assert.deepEqual(mine.map((r) => r.runId), [runId], 'this post\'s own run is untouched');
  const copy = await (await api(`/v1/runs?incidentId=${id}-from-post-b`)).json() as Array<{ runId: string }>;
  assert.equal(copy.length, 1);
});
