// The renderer's logic under plain Node: geometry to scale, history filtering, CSV, routes, the form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hazardPicture, niceScaleLength, offsetM, formatDistance } from './hazardGeometry.js';
import { filterHistory, page, EMPTY_FILTER, type RunSummary } from './historyFilter.js';
import { parseSensorCsv } from './sensorCsv.js';
import { parseRoute, routeHash } from './routes.js';
import { emptyForm, formFromIncident, offsetText, toIncidentInput, validateForm } from './incidentForm.js';
import type { Zone } from '../../../engine/contract/result.js';
import { timeAxisLabels } from './timeAxis.js';

const zone = (z: Zone['zone'], alongM: number, acrossM: number, bearingDeg: number | null, shape: Zone['shape'] = 'corridor'): Zone =>
  ({ zone: z, shape, alongM, acrossM, bearingDeg, basis: '', populationEstimate: 0 });

test('bearings: 90° is east, 180° is south', () => {
  const east = offsetM(90, 1000);
  assert.ok(Math.abs(east.east - 1000) < 1e-9 && Math.abs(east.north) < 1e-9);
  const south = offsetM(180, 500);
  assert.ok(Math.abs(south.north + 500) < 1e-9);
});

test('scale bar lengths are 1-2-5 round numbers', () => {
  assert.deepEqual([niceScaleLength(7300), niceScaleLength(1999), niceScaleLength(100), niceScaleLength(0.7)], [5000, 1000, 100, 0.5]);
  assert.equal(formatDistance(6934), '6.9 km');
  assert.equal(formatDistance(12_400), '12 km');
  assert.equal(formatDistance(314), '314 m');
});

test('saved analyses without outlines: legacy corridors are drawn to one scale, downwind of the source, nested', () => {
  const view = { widthPx: 500, heightPx: 400, marginPx: 20 };
  const picture = hazardPicture({ zones: [zone('hot', 1000, 100, 90), zone('warm', 3000, 400, 90), zone('cold', 6000, 900, 90)] }, view);
  assert.ok(picture);
  const [hot, warm, cold] = picture.shapes.map((s) => s.legacy);
  assert.ok(hot && warm && cold);
  // Downwind to the east: ellipse centres lie to the right of the source, on its row.
  assert.ok(cold.cx > picture.sourcePx.x && Math.abs(cold.cy - picture.sourcePx.y) < 1e-6);
  assert.equal(cold.rotateDeg, 0, 'east-bound plume needs no SVG rotation');
  // To scale: the cold ellipse's length in pixels × metres per pixel = 6 km.
  assert.ok(Math.abs(cold.rx * 2 * picture.metresPerPx - 6000) < 1e-6);
  assert.ok(hot.rx < warm.rx && warm.rx < cold.rx);
  assert.ok(cold.cx + cold.rx <= view.widthPx - view.marginPx + 1e-6 && picture.sourcePx.x >= view.marginPx - 1e-6);
  assert.ok(Math.abs(picture.scaleBar.px * picture.metresPerPx - picture.scaleBar.metres) < 1e-6);
  assert.equal(hazardPicture({ zones: [zone('hot', 0, 0, null, 'circle')] }, view), null, 'nothing to draw');
  const circles = hazardPicture({ zones: [zone('hot', 500, 1000, null, 'circle'), zone('cold', 2000, 4000, null, 'circle')] }, view);
  assert.ok(circles && circles.shapes[0]!.legacy!.cx === circles.sourcePx.x && circles.shapes[1]!.legacy!.rx > circles.shapes[0]!.legacy!.rx);
});

test('the engine\'s outlines are drawn as they are: a 1 km square east of the source spans 1 km of pixels; sites and lines are placed on the same scale', () => {
  const view = { widthPx: 500, heightPx: 400, marginPx: 20 };
  const square: [number, number][] = [[0, -500], [1000, -500], [1000, 500], [0, 500]];
  const picture = hazardPicture({
    zones: [{ ...zone('hot', 1000, 1000, 90), parts: [{ name: 'sq', nameZh: 'sq', polygon: square }] }],
    sites: [{ kind: 'command_post', point: [-300, 0], distanceM: 300, bearingDeg: 270, basis: '', basisZh: '' }],
    groundLines: [{ kind: 'evacuation_trigger', points: [[1500, -200], [1500, 200]], basis: '', basisZh: '' }],
  }, view);
  assert.ok(picture);
  const xs = [...picture.shapes[0]!.path.matchAll(/[ML]([\d.]+),/g)].map((m) => Number(m[1]));
  assert.ok(Math.abs((Math.max(...xs) - Math.min(...xs)) * picture.metresPerPx - 1000) < 1);
  assert.ok(Math.abs((picture.sourcePx.x - picture.sites[0]!.x) * picture.metresPerPx - 300) < 1, 'command post 300 m west');
  assert.match(picture.lines[0]!.path, /^M[\d.]+,[\d.]+ L/);
});

test('history: filters combine, newest first, paged', () => {
  const runs: RunSummary[] = Array.from({ length: 2500 }, (_, i) => ({
    runId: `r${i}`, incidentId: `inc-${i % 50}`, seq: 1, createdAt: new Date(Date.UTC(2024, 6, 1 + (i % 28), 0, i % 60)).toISOString(),
    status: 'ok', type: i % 2 ? 'flood' : 'wildfire', severity: i % 3 ? 'IV' : 'III', totalMs: 5, text: i % 7 ? 'levee breach' : '液氯泄漏', reportedAt: null, location: null,
  }));
  const floods = filterHistory(runs, { ...EMPTY_FILTER, type: 'flood', severity: 'III' });
  assert.ok(floods.length > 0 && floods.every((r) => r.type === 'flood' && r.severity === 'III'));
  assert.ok(floods.every((r, i) => i === 0 || floods[i - 1]!.createdAt >= r.createdAt), 'newest first');
  const search = filterHistory(runs, { ...EMPTY_FILTER, search: '液氯' });
  assert.equal(search.length, runs.filter((_, i) => i % 7 === 0).length);
  const dated = filterHistory(runs, { ...EMPTY_FILTER, fromDate: '2024-07-10', toDate: '2024-07-10' });
  assert.ok(dated.length > 0 && dated.every((r) => r.createdAt.startsWith('2024-07-10')));
  const { rows, pages } = page(runs, 24);
  assert.equal(pages, 25);
  assert.equal(rows.length, 100);
  assert.equal(page(runs, 99).rows[0], runs[2400], 'past the end clamps to the last page');
});

test('sensor CSV: header skipped, HH:MM on the report date, bad lines reported', () => {
  const { readings, errors } = parseSensorCsv('time,value\n10:00,0.5\n2024-07-05T10:10:00+08:00, 0.8\nbad line\n10:20,', '2024-07-05T00:00:00Z');
  assert.deepEqual(readings, [{ at: '2024-07-05T10:00:00.000Z', value: 0.5 }, { at: '2024-07-05T02:10:00.000Z', value: 0.8 }]);
  assert.deepEqual(errors.map((e) => e.line), [4, 5]);
});

test('routes round-trip', () => {
  for (const r of [{ page: 'incidents' }, { page: 'new' }, { page: 'new', fromRunId: 'a b' }, { page: 'analysis', id: 'x/y' }, { page: 'settings' }, { page: 'device' }, { page: 'models' }] as const) {
    assert.deepEqual(parseRoute(routeHash(r)), r);
  }
  assert.deepEqual(parseRoute('#/nonsense'), { page: 'incidents' });
  assert.equal(routeHash({ page: 'models' }), '#/models');
});

test('the form validates with the contract and names the field', () => {
  const form = emptyForm();
  const empty = validateForm(form);
  assert.ok(!empty.ok && empty.problems.some((p) => p.path === 'text'));
  form.text = 'ammonia leak';
  form.weather = { ...form.weather, enabled: true, windSpeedMps: '-2', windFromDeg: 'abc' };
  const bad = validateForm(form);
  assert.ok(!bad.ok);
  const paths = bad.problems.map((p) => p.path);
  assert.ok(paths.includes('facts.weather.windSpeedMps') && paths.includes('facts.weather.windFromDeg'));
  form.weather = { ...form.weather, windSpeedMps: '2', windFromDeg: '90' };
  form.release = { enabled: true, substance: 'ammonia', kind: 'continuous', rateKgPerS: '1.5', releaseMassKg: '900', heightM: '0' };
  const good = validateForm(form);
  assert.ok(good.ok);
  assert.deepEqual(good.incident.facts?.release, { substance: 'ammonia', rateKgPerS: 1.5, heightM: 0 });
  // Released at once: the mass goes, the rate typed before the switch does not (the contract takes one).
  form.release = { ...form.release, kind: 'instantaneous' };
  const atOnce = validateForm(form);
  assert.ok(atOnce.ok);
  assert.deepEqual(atOnce.incident.facts?.release, { substance: 'ammonia', releaseMassKg: 900, heightM: 0 });
  assert.equal(formFromIncident(atOnce.incident).release.kind, 'instantaneous');
  form.release = { ...form.release, releaseMassKg: '' };
  const none = validateForm(form);
  assert.ok(!none.ok);
  assert.ok(none.problems.some((p) => p.path === 'facts.release.releaseMassKg'), 'no mass for a release at once: marked on the mass field the form shows');
});

test('an incident survives the round trip through the form (edit and re-run)', () => {
  const incident = {
    id: 'flood-1', text: 'levee breach', lang: 'en' as const, location: { lat: 29.45, lon: 112.85 },
    facts: { deaths: 2, flood: { breachWidthM: 226, headM: 4.5, polderAreaKm2: 47 }, weather: { windSpeedMps: 3, windFromDeg: 45, daytime: false } },
    resources: [{ id: 'B1', kind: 'boat_team' as const, etaMin: 30 }],
    sensors: [{ id: 'W1', kind: 'water_level_m' as const, thresholdValue: 1, readings: [{ at: '2024-07-05T10:00:00.000Z', value: 0.1 }] }],
  };
  const back = toIncidentInput(formFromIncident(incident));
  assert.deepEqual(back, incident);
});

test('a re-run keeps the time zone the incident was reported in, whatever the browser\'s (docs/app.md, "Dates in the forms")', () => {
  for (const reportedAt of ['2026-03-14T23:40:00-05:00', '2026-03-14T23:40:00+08:00', '2026-03-14T23:40:00+05:45', '2026-03-14T23:40:00Z']) {
    const form = formFromIncident({ text: 'levee breach', reportedAt });
    assert.equal(form.reportedAt, '2026-03-14T23:40', `${reportedAt}: the wall clock as reported`);
    assert.equal(toIncidentInput(form).reportedAt, reportedAt, `${reportedAt}: back with its own offset`);
    // The time edited in the form stays in that zone.
    assert.equal(toIncidentInput({ ...form, reportedAt: '2026-03-15T06:05' }).reportedAt, `2026-03-15T06:05:00${form.reportedAtOffset}`);
  }
  assert.equal(formFromIncident({ text: 'x', reportedAt: '2026-03-14T23:40:30.250+08:00' }).reportedAt, '2026-03-14T23:40', 'seconds are below the field\'s minute');
  assert.equal(offsetText('Z'), '+00:00');
  // A new report's time is in the device's own zone, written with that zone's offset (the same moment).
  const typed = toIncidentInput({ ...emptyForm(null), text: 'x', reportedAt: '2026-03-14T23:40' }).reportedAt ?? '';
  assert.match(typed, /^2026-03-14T23:40:00[+-]\d{2}:\d{2}$/);
  assert.equal(Date.parse(typed), new Date(2026, 2, 14, 23, 40).getTime());
});

test('report highlights: marks in text order, overlaps and out-of-range marks left out, the text kept whole', async () => {
  const { highlightSegments } = await import('./reportHighlights.js');
  const text = '事故造成3人死亡，12人受伤';
  const segments = highlightSegments(text, [
    { span: [9, 14], label: 'injured 12', kind: 'figure' },
    { span: [4, 8], label: 'dead 3', kind: 'figure' },
    { span: [6, 9], label: 'overlap', kind: 'fact' },
    { span: [20, 30], label: 'outside', kind: 'fact' },
  ]);
  assert.equal(segments.map((s) => s.text).join(''), text);
  assert.deepEqual(segments.filter((s) => s.mark).map((s) => [s.text, s.mark?.label]), [['3人死亡', 'dead 3'], ['12人受伤', 'injured 12']]);
});

test('a new report is stamped with the device time only when the clock is plausible', () => {
  const now = new Date(2027, 2, 5, 23, 40);
  assert.equal(emptyForm(now).reportedAt, '2027-03-05T23:40');
  assert.equal(emptyForm(new Date(2001, 0, 1)).reportedAt, '', 'a reset clock (before this build) is not believed');
  assert.equal(emptyForm(new Date(2099, 0, 1)).reportedAt, '', 'nor one decades ahead');
  assert.equal(emptyForm(null).reportedAt, '');
});

test('chart time axes: 24-hour local time, seconds for short spans, the date for long ones; never a US date', () => {
  const at = new Date(2026, 10, 30, 14, 7, 5).getTime() / 1000;
  assert.deepEqual(timeAxisLabels([at], 60), ['14:07:05']);
  assert.deepEqual(timeAxisLabels([at], 3600), ['14:07']);
  assert.deepEqual(timeAxisLabels([at], 7 * 86_400), ['11-30 14:07']);
});
