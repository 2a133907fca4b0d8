// Handover between two posts (two stores) with real analysis results, and the zones as GeoJSON and KML,
// the KML read back by an independent reader (@tmcw/togeojson) and compared with the GeoJSON.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import { parseIncident } from '../contract/parseIncident.js';
import type { Incident } from '../contract/incident.js';
import type { AnalysisResult } from '../contract/result.js';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import { openDatabase } from '../store/database.js';
import { AnalysisStore } from '../store/analysisStore.js';
import { resolveConfig } from '../config.js';
import { Engine } from '../engine.js';
import { createLogger } from '../logging.js';
import { exportIncident, importIncident } from './incidentHandover.js';
import { localProjection } from './localProjection.js';
import { zonesGeoJson, zonesKml } from './zoneExport.js';

const ENGINE = { version: 'test', build: 'test' };
const chlorine = parseIncident(JSON.parse(readFileSync(new URL('../../../examples/chlorine-tank-car-zh.json', import.meta.url), 'utf8')));
let results: AnalysisResult[] = [];

before(async () => {
  const engine = await Engine.start(resolveConfig({ dataDir: mkdtempSync(join(tmpdir(), 'safe-handover-')), workers: 1 }), { logger: createLogger('silent') });
  try {
    // Three runs of one incident as its facts change (new texts: no cached answers).
    for (const extra of ['', ' 更新：风速增大。', ' 更新：又有2人受伤。']) results.push(await engine.analyze({ ...chlorine, text: chlorine.text + extra }));
  } finally {
    await engine.close();
  }
  results = results.map(({ runId: _, ...r }) => r as AnalysisResult);
});

const post = () => new AnalysisStore(openDatabase(mkdtempSync(join(tmpdir(), 'safe-post-'))));
const analyseAt = (store: AnalysisStore, i: number) => store.saveRun({ ...chlorine, text: `${chlorine.text} #${i}` } as Incident, results[i] as AnalysisResult);
const refusal = (fn: () => unknown, code: string, field?: RegExp) => assert.throws(fn, (err: unknown) => {
  assert.ok(err instanceof SafeError, String(err));
  assert.equal(err.code, code, err.message);
  if (field) assert.match(err.field ?? '', field);
  return true;
});

test('an incident handed over arrives exactly as it was made, and importing it again changes nothing', () => {
  const a = post(), b = post();
  analyseAt(a, 0); analyseAt(a, 1);
  const file = JSON.parse(JSON.stringify(exportIncident(a, chlorine.id as string, ENGINE))) as unknown;
  assert.deepEqual(importIncident(b, { bundle: file }), { incidentId: chlorine.id, imported: 2, alreadyPresent: 0 });
  const [there, here] = [a.incidentRuns(chlorine.id as string), b.incidentRuns(chlorine.id as string)];
  assert.deepEqual(here, there, 'ids, order, times, incidents, results and models all as at the first post');
  assert.deepEqual(importIncident(b, { bundle: file }), { incidentId: chlorine.id, imported: 0, alreadyPresent: 2 });
  assert.equal(b.incidentRuns(chlorine.id as string).length, 2);
  // The receiving post goes on analysing: its next run follows on.
  analyseAt(b, 2);
  assert.deepEqual(b.incidentRuns(chlorine.id as string).map((r) => r.seq), [1, 2, 3]);
});

test('a later file adds only the runs made since; an older file is already here', () => {
  const a = post(), b = post();
  analyseAt(a, 0);
  const older = exportIncident(a, chlorine.id as string, ENGINE);
  importIncident(b, { bundle: older });
  analyseAt(a, 1); analyseAt(a, 2);
  assert.deepEqual(importIncident(b, { bundle: exportIncident(a, chlorine.id as string, ENGINE) }), { incidentId: chlorine.id, imported: 2, alreadyPresent: 1 });
  assert.deepEqual(importIncident(b, { bundle: older }), { incidentId: chlorine.id, imported: 0, alreadyPresent: 1 });
  assert.deepEqual(b.incidentRuns(chlorine.id as string).map((r) => r.runId), a.incidentRuns(chlorine.id as string).map((r) => r.runId));
});

test('histories that part ways are refused whole, nothing saved changes, and import under a new id keeps both', () => {
  const a = post(), b = post();
  analyseAt(a, 0);
  importIncident(b, { bundle: exportIncident(a, chlorine.id as string, ENGINE) });
  analyseAt(a, 1); // the first post's run #2
  analyseAt(b, 2); // the second post's own run #2
  const before = b.incidentRuns(chlorine.id as string);
  const file = exportIncident(a, chlorine.id as string, ENGINE);
  refusal(() => importIncident(b, { bundle: file }), ERROR_CODES.HANDOVER_CONFLICT, /asIncidentId/);
  assert.deepEqual(b.incidentRuns(chlorine.id as string), before, 'the refused import wrote nothing');
  assert.deepEqual(importIncident(b, { bundle: file, asIncidentId: 'chlorine-from-post-a' }), { incidentId: 'chlorine-from-post-a', imported: 2, alreadyPresent: 0 });
  const copy = b.incidentRuns('chlorine-from-post-a');
  assert.deepEqual(copy.map((r) => r.result.id), ['chlorine-from-post-a', 'chlorine-from-post-a']);
  assert.ok(copy.every((r) => r.result.runId === r.runId && !file.runs.some((f) => f.runId === r.runId)), 'new run ids, each result naming its own');
  refusal(() => importIncident(b, { bundle: file, asIncidentId: 'chlorine-from-post-a' }), ERROR_CODES.HANDOVER_CONFLICT, /asIncidentId/);
});

test('a file that is not a handover file, or whose runs do not hold together, is refused with the field to blame', () => {
  const a = post();
  analyseAt(a, 0); analyseAt(a, 1);
  type Editable = { formatVersion: number; runs: Array<{ seq: number; runId: string; result: { id: string }; incident: { text: string } }> };
  const file = () => JSON.parse(JSON.stringify(exportIncident(a, chlorine.id as string, ENGINE))) as Editable;
  const b = post();
  refusal(() => importIncident(b, { bundle: chlorine }), ERROR_CODES.HANDOVER_INVALID, /^bundle\.format$/);
  refusal(() => importIncident(b, { bundle: 'a path, not a file' }), ERROR_CODES.HANDOVER_INVALID);
  refusal(() => importIncident(b, { bundle: { ...file(), formatVersion: 2 } }), ERROR_CODES.HANDOVER_INVALID, /formatVersion/);
  const gap = file(); gap.runs[1]!.seq = 3;
  refusal(() => importIncident(b, { bundle: gap }), ERROR_CODES.HANDOVER_INVALID, /runs\.1\.seq/);
  const twice = file(); twice.runs[1]!.runId = twice.runs[0]!.runId;
  refusal(() => importIncident(b, { bundle: twice }), ERROR_CODES.HANDOVER_INVALID, /runs\.1\.runId/);
  const foreign = file(); foreign.runs[0]!.result.id = 'another-incident';
  refusal(() => importIncident(b, { bundle: foreign }), ERROR_CODES.HANDOVER_INVALID, /runs\.0\.result\.id/);
  const badIncident = file(); badIncident.runs[1]!.incident.text = '';
  refusal(() => importIncident(b, { bundle: badIncident }), ERROR_CODES.HANDOVER_INVALID, /runs\.1\.incident\.text/);
  assert.equal(b.incidentRuns(chlorine.id as string).length, 0, 'nothing of a refused file is saved');
  refusal(() => exportIncident(b, 'no-such-incident', ENGINE), ERROR_CODES.NOT_FOUND);
});

test('the local projection has the WGS84 lengths of a degree', () => {
  // A degree of latitude at 30° N is 110 852 m, of longitude 96 486 m (WGS84 tables).
  const [lon, lat] = localProjection({ lat: 30, lon: 120 })([96_486, 110_852]);
  assert.ok(Math.abs(lat - 31) < 2e-5 && Math.abs(lon - 121) < 2e-5, `${lon}, ${lat}`);
  const [, equator] = localProjection({ lat: 0, lon: 0 })([0, 110_574]);
  assert.ok(Math.abs(equator - 1) < 2e-5, String(equator));
  assert.ok(Math.abs(localProjection({ lat: 10, lon: 179.99 })([10_000, 0])[0] - -179.919) < 1e-3, 'longitude wraps at the antimeridian');
});

/** Area in m² of a [lon, lat] ring around (lon0, lat0), back in the local plane. */
function ringAreaM2(ring: number[][], origin: { lat: number; lon: number }): number {
  const [east1] = localProjection(origin)([1, 0]), [, north1] = localProjection(origin)([0, 1]);
  const pts = ring.map(([lon, lat]) => [((lon as number) - origin.lon) / ((east1 as number) - origin.lon), ((lat as number) - origin.lat) / ((north1 as number) - origin.lat)]);
  return Math.abs(pts.reduce((s, [x1, y1], i) => { const [x2, y2] = pts[(i + 1) % pts.length] as number[]; return s + ((x1 as number) * (y2 as number) - (x2 as number) * (y1 as number)); }, 0)) / 2;
}

test('zones as GeoJSON: every part a closed counter-clockwise ring of its true area, the sites and places as points', () => {
  const result = results[0] as AnalysisResult;
  const geo = zonesGeoJson(result, chlorine, 'en');
  const zones = geo.features.filter((f) => f.properties.kind === 'zone');
  const parts = result.executor!.zones.flatMap((z) => (z.parts ?? []).map((p) => ({ zone: z.zone, polygon: p.polygon })));
  assert.equal(zones.length, parts.length);
  assert.ok(parts.length >= 3, 'a chlorine release has hot, warm and protective-action outlines');
  zones.forEach((f, i) => {
    assert.equal(f.geometry.type, 'Polygon');
    const ring = (f.geometry as { coordinates: number[][][] }).coordinates[0] as number[][];
    assert.deepEqual(ring[0], ring.at(-1), 'closed');
    const signed = ring.slice(0, -1).reduce((s, [x1, y1], j, r) => { const [x2, y2] = r[(j + 1) % r.length] as number[]; return s + ((x1 as number) * (y2 as number) - (x2 as number) * (y1 as number)); }, 0);
    assert.ok(signed > 0, 'counter-clockwise (RFC 7946 right-hand rule)');
    const polygon = (parts[i] as { polygon: [number, number][] }).polygon;
    const areaM2 = Math.abs(polygon.reduce((s, [x1, y1], j) => { const [x2, y2] = polygon[(j + 1) % polygon.length] as [number, number]; return s + (x1 * y2 - x2 * y1); }, 0)) / 2;
    assert.ok(Math.abs(ringAreaM2(ring, chlorine.location!) - areaM2) / areaM2 < 0.01, `${f.properties.name}: area kept`);
  });
  assert.deepEqual(geo.features[0]?.geometry, { type: 'Point', coordinates: [chlorine.location!.lon, chlorine.location!.lat] }, 'the origin is the incident\'s coordinates');
  assert.equal(geo.features.filter((f) => f.properties.kind === 'site').length, result.executor!.sites?.length ?? 0);
  refusal(() => zonesGeoJson(result, { ...chlorine, location: undefined } as Incident, 'en'), ERROR_CODES.NO_LOCATION, /location/);
});

test('zones as KML read back by an independent reader give the same shapes and names', () => {
  const geo = zonesGeoJson(results[0] as AnalysisResult, chlorine, 'zh');
  const text = zonesKml(geo, 'SAFE Edge — <氯气> & "test"');
  // Engine code has no DOM types: the reader's answer typed here as the GeoJSON it is.
  const back = (kmlToGeoJson as (doc: unknown) => unknown)(new DOMParser().parseFromString(text, 'text/xml')) as { features: Array<{ properties: Record<string, unknown> | null; geometry: unknown }> };
  assert.equal(back.features.length, geo.features.length);
  back.features.forEach((f, i) => {
    const mine = geo.features[i]!;
    assert.equal(f.properties?.name, mine.properties.name);
    assert.equal(f.properties?.zone ?? null, mine.properties.zone === undefined ? null : String(mine.properties.zone));
    const strip = (c: unknown): unknown => (Array.isArray(c) && typeof c[0] === 'number' ? c.slice(0, 2) : Array.isArray(c) ? c.map(strip) : c);
    assert.deepEqual(strip((f.geometry as { coordinates: unknown }).coordinates), (mine.geometry as { coordinates: unknown }).coordinates);
  });
});
