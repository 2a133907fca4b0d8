// The map measured in the browser (docs/app.md, "The map"): a chlorine release (examples/) and a wildfire
// are analysed by a real `safe-edge serve`, opened in zh and en, and the drawn outlines are read back from
// the SVG. Pixels per metre come from the drawn scale bar; each zone's drawn reach and width, the
// isolation radius and the P90 outline's reach must match the engine's numbers within 2 %.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { AnalysisResult, Zone } from '../../engine/contract/result.js';
import type { IncidentInput } from '../../engine/contract/incident.js';
import { ROOT, SCREENSHOTS_DIR, sessionPerFile, type RunningServer } from './browserHarness.js';

let server: RunningServer;
let page: Page;

sessionPerFile({ width: 1366, height: 900, signIn: true }, (s) => { ({ server, page } = s); });

async function analyse(incident: IncidentInput): Promise<AnalysisResult & { runId: string }> {
  const response = await fetch(`${server.url}/v1/analyses`, {
    method: 'POST', headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' }, body: JSON.stringify(incident),
  });
  assert.equal(response.status, 200);
  return await response.json() as AnalysisResult & { runId: string };
}

async function open(runId: string, lang: 'zh' | 'en'): Promise<void> {
  await page.evaluate(`localStorage.setItem('safe-edge-language', '${lang}')`);
  await page.goto(`${server.url}/#/analysis/${runId}`);
  await page.reload();
  await page.getByTestId('hazard-map').waitFor();
}

type Pt = [number, number];
/** What the browser drew, in SVG user units: the scale bar, the origin, each zone's and band's vertices, the labels' boxes. */
interface Drawn { scalePx: number; scaleM: number; origin: Pt; zones: Record<string, { vertices: Pt[]; bboxW: number; bboxH: number }>; bands: Record<string, Pt[]>; labels: Array<{ x0: number; y0: number; x1: number; y1: number; text: string }>; view: { w: number; h: number } }

// Runs in the page (plain script: the tests are compiled without the DOM's types).
const READ_MAP = `(() => {
  const svg = document.querySelector('[data-testid="hazard-map"]');
  const vertices = (d) => [...d.matchAll(/[ML](-?[\\d.]+),(-?[\\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  // Screen to SVG user units, so the origin's transformed group is measured in the paths' frame.
  const toUser = (x, y) => { const p = new DOMPoint(x, y).matrixTransform(svg.getScreenCTM().inverse()); return [p.x, p.y]; };
  const originRect = svg.querySelector('[data-testid="origin-mark"]').getBoundingClientRect();
  const bar = svg.querySelector('[data-testid="scale-bar-line"]').getBBox();
  const zones = {};
  for (const p of svg.querySelectorAll('path.zone')) { const b = p.getBBox(); zones[p.dataset.zone] = { vertices: vertices(p.getAttribute('d')), bboxW: b.width, bboxH: b.height }; }
  const bands = {};
  for (const p of svg.querySelectorAll('path.band-outline')) bands[p.dataset.zone + '-' + p.dataset.band] = vertices(p.getAttribute('d'));
  const labels = [...svg.querySelectorAll('text[data-label]')].map((t) => { const b = t.getBBox(); return { x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height, text: t.textContent }; });
  const vb = svg.viewBox.baseVal;
  return { scalePx: bar.width, scaleM: Number(svg.querySelector('[data-testid="scale-bar"]').dataset.metres),
    origin: toUser(originRect.x + originRect.width / 2, originRect.y + originRect.height / 2), zones, bands, labels, view: { w: vb.width, h: vb.height } };
})()`;
const readMap = async (): Promise<Drawn> => await page.evaluate(READ_MAP) as Drawn;

/** Within 2 %, or within a quarter pixel where 2 % is finer than the drawing can show (outline points are
 *  written to 0.1 px, so a 20 m corridor on a 10 km map is under a pixel wide). */
const within2pc = (drawnM: number, engineM: number, what: string, metresPerPx: number) =>
  assert.ok(Math.abs(drawnM - engineM) <= Math.max(0.02 * engineM, 0.25 * metresPerPx), `${what}: drawn ${drawnM.toFixed(1)} m, engine ${engineM} m (${metresPerPx.toFixed(1)} m/px)`);

/** Farthest drawn vertex from the origin, and the extent across `bearingDeg`, in metres (y grows southward on screen). */
function drawnExtentM(vertices: Pt[], origin: Pt, metresPerPx: number, bearingDeg: number | null): { farM: number; acrossM: number } {
  const en = vertices.map(([x, y]) => [(x - origin[0]) * metresPerPx, (origin[1] - y) * metresPerPx] as Pt);
  const rad = (((bearingDeg ?? 0) + 90) * Math.PI) / 180;
  const across = en.map(([e, n]) => e * Math.sin(rad) + n * Math.cos(rad));
  return { farM: Math.max(...en.map(([e, n]) => Math.hypot(e, n))), acrossM: Math.max(...across) - Math.min(...across) };
}

function checkZone(drawn: Drawn, zone: Zone) {
  const metresPerPx = drawn.scaleM / drawn.scalePx;
  const d = drawn.zones[zone.zone];
  assert.ok(d, `${zone.zone} is drawn`);
  const { farM, acrossM } = drawnExtentM(d.vertices, drawn.origin, metresPerPx, zone.bearingDeg);
  within2pc(farM, zone.alongM, `${zone.zone} reach`, metresPerPx);
  within2pc(acrossM, zone.acrossM, `${zone.zone} width`, metresPerPx);
  // The browser's own box of the drawn path against the engine's outline's box.
  const points = zone.parts!.flatMap((p) => p.polygon);
  within2pc(d.bboxW * metresPerPx, Math.max(...points.map((p) => p[0])) - Math.min(...points.map((p) => p[0])), `${zone.zone} east–west extent`, metresPerPx);
  within2pc(d.bboxH * metresPerPx, Math.max(...points.map((p) => p[1])) - Math.min(...points.map((p) => p[1])), `${zone.zone} north–south extent`, metresPerPx);
}

function checkLabels(drawn: Drawn) {
  drawn.labels.forEach((a, i) => {
    assert.ok(a.x0 >= 0 && a.x1 <= drawn.view.w && a.y0 >= 0 && a.y1 <= drawn.view.h, `label "${a.text}" inside the map`);
    for (const b of drawn.labels.slice(i + 1)) {
      const overlap = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 1;
      assert.ok(!overlap, `labels "${a.text}" and "${b.text}" do not overlap: ${JSON.stringify([a, b])}`);
    }
  });
}

async function mapShot(name: string) {
  await page.getByTestId('hazard-map').locator('xpath=..').screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`) });
}

test('map to scale: chlorine release (examples/chlorine-tank-car-en.json), zh and en', async () => {
  const result = await analyse(JSON.parse(readFileSync(join(ROOT, 'examples', 'chlorine-tank-car-en.json'), 'utf8')) as IncidentInput);
  const { zones, origin } = result.executor!;
  assert.equal(origin?.kind, 'release');
  const plume = result.field!.plume!;
  for (const lang of ['zh', 'en'] as const) {
    await open(result.runId, lang);
    const drawn = await readMap();
    const metresPerPx = drawn.scaleM / drawn.scalePx;
    for (const zone of zones) checkZone(drawn, zone);
    // The isolation circle: the hot zone's drawn outline upwind (west: wind from 270°), where no footprint reaches.
    // (The footprint's own outline starts at the source itself: points within a few pixels of it are not the circle.)
    const upwind = drawn.zones.hot!.vertices.filter(([x, y]) => x < drawn.origin[0] - 5 && Math.abs(y - drawn.origin[1]) < Math.abs(x - drawn.origin[0]) * 0.3);
    assert.ok(upwind.length > 0);
    for (const [x, y] of upwind) within2pc(Math.hypot(x - drawn.origin[0], y - drawn.origin[1]) * metresPerPx, result.field!.hazmat!.isolationM, 'isolation radius', metresPerPx);
    assert.equal(await page.locator('[data-testid="circle-radius"][data-zone="hot"]').getAttribute('data-radius-m'), String(result.field!.hazmat!.isolationM));
    // The P90 outline of AEGL-2 reaches the ensemble's P90 distance.
    const p90 = plume.thresholds.find((t) => t.level === 'AEGL-2')!.downwindBandM.p90;
    within2pc(drawnExtentM(drawn.bands['protective_action-p90']!, drawn.origin, metresPerPx, 90).farM, p90, 'AEGL-2 P90 reach', metresPerPx);
    assert.ok(drawn.bands['protective_action-p10'] && drawn.bands['hot-p10'] && drawn.bands['hot-p90'], 'P10 and P90 outlines of both footprints');
    checkLabels(drawn);
    const windLabel = await page.getByTestId('wind-label').textContent();
    assert.equal(windLabel, lang === 'zh' ? '西风（来自270°），4米/秒' : 'wind from W (270°), 4 m/s');
    const text = await page.getByTestId('map-text').textContent() ?? '';
    assert.match(text, lang === 'zh' ? /烟羽飘向东/ : /plume toward E/);
    const isolationM = result.field!.hazmat!.isolationM;
    assert.ok(text.includes(lang === 'zh' ? `半径${isolationM}米` : `${isolationM} m all round`), 'the isolation radius in words');
    const describedBy = await page.getByTestId('hazard-map').getAttribute('aria-describedby');
    assert.equal(await page.locator(`[id="${describedBy}"]`).getAttribute('data-testid'), 'map-text', 'the SVG is described by the text list');
    await mapShot(`map-chlorine-${lang}`);
  }
});

test('map to scale: a wildfire spreading east, zh and en', async () => {
  const result = await analyse({
    text: '山火已燃烧30分钟，西风6米每秒，火头向东蔓延，东面3公里有村庄。',
    facts: { weather: { windSpeedMps: 6, windFromDeg: 270 }, fire: { fuelModel: 3, burningForMin: 30, distanceToCommunityM: 3000 },
      places: [{ name: '东坡村', distanceM: 3000, bearingDeg: 90, population: 350 }] },
  });
  const { zones, origin, placesAtRisk } = result.executor!;
  assert.equal(origin?.kind, 'ignition');
  const fire = result.field!.fire!;
  for (const lang of ['zh', 'en'] as const) {
    await open(result.runId, lang);
    const drawn = await readMap();
    const metresPerPx = drawn.scaleM / drawn.scalePx;
    for (const zone of zones) checkZone(drawn, zone);
    // The threat zone's P90 outline: the ellipse at the P90 head rate after the same minutes, so its head
    // lies P90/forecast times as far as the forecast's.
    const warm = zones.find((z) => z.zone === 'warm')!;
    const p90HeadM = warm.alongM * (fire.headRateBandMPerMin.p90 / fire.rateOfSpreadMPerMin);
    within2pc(drawnExtentM(drawn.bands['warm-p90']!, drawn.origin, metresPerPx, 90).farM, p90HeadM, 'threat zone P90 head', metresPerPx);
    checkLabels(drawn);
    assert.equal(await page.getByTestId('origin-mark').getAttribute('data-kind'), 'ignition');
    assert.equal(await page.locator('[data-testid="origin-mark"] path').count(), 1, 'the ignition point is a star, not the release\'s circle');
    const place = placesAtRisk![0]!;
    const placeLabel = await page.locator('text[data-label="place-0"]').textContent() ?? '';
    assert.ok(placeLabel.startsWith('东坡村 · '), placeLabel);
    assert.match(placeLabel, lang === 'zh' ? /(热区|温区|分区以外)/ : /(Hot zone|Warm zone|outside the zones)/);
    if (place.arrivalMin !== null && place.arrivalMin > 0) assert.match(placeLabel, new RegExp(`${Math.round(place.arrivalMin)}`), 'the arrival time is on the map');
    assert.match(await page.getByTestId('map-text').textContent() ?? '', lang === 'zh' ? /火头向东蔓延/ : /fire spreading toward E/);
    await mapShot(`map-wildfire-${lang}`);
  }
});

test('map to scale: a night chlorine release with the wind on the diagonal and a village downwind, zh and en', async () => {
  const result = await analyse({
    text: '23:40 化工园区液氯储罐阀门破裂，氯气持续泄漏。东北风，风速约2米每秒。下风向1.5公里有柳树村约800人。',
    reportedAt: '2026-03-14T23:40:00+08:00', location: { lat: 31.2, lon: 121.5 },
    facts: { release: { substance: 'chlorine', rateKgPerS: 3 }, weather: { windSpeedMps: 2, windFromDeg: 45 }, populationDensityPerKm2: 400,
      places: [{ name: '柳树村', distanceM: 1500, bearingDeg: 225, population: 800 }] },
  });
  const { zones, placesAtRisk } = result.executor!;
  for (const lang of ['zh', 'en'] as const) {
    await open(result.runId, lang);
    const drawn = await readMap();
    for (const zone of zones) checkZone(drawn, zone);
    checkLabels(drawn);
    const village = placesAtRisk![0]!;
    const label = await page.locator('text[data-label="place-0"]').textContent() ?? '';
    assert.equal(label, `柳树村 · ${lang === 'zh' ? '热区' : 'Hot zone'} · ${lang === 'zh' ? `${Math.round(village.arrivalMin!)}分钟` : `${Math.round(village.arrivalMin!)} min`}`);
    assert.equal(village.zone, 'hot');
    assert.equal(await page.getByTestId('wind-label').textContent(), lang === 'zh' ? '东北风（来自45°），2米/秒' : 'wind from NE (45°), 2 m/s');
    await mapShot(`map-chlorine-diagonal-${lang}`);
  }
});

test('map to scale: a levee breach (examples/levee-breach-dongting-en.json): the polder is a circle of its area, said to be schematic, zh and en', async () => {
  const result = await analyse(JSON.parse(readFileSync(join(ROOT, 'examples', 'levee-breach-dongting-en.json'), 'utf8')) as IncidentInput);
  const { zones, origin } = result.executor!;
  assert.equal(origin?.kind, 'breach');
  assert.equal(zones[0]!.drawing, 'schematic');
  for (const lang of ['zh', 'en'] as const) {
    await open(result.runId, lang);
    const drawn = await readMap();
    for (const zone of zones) checkZone(drawn, zone);
    checkLabels(drawn);
    assert.equal(await page.getByTestId('origin-mark').getAttribute('data-kind'), 'breach');
    const radius = await page.locator('[data-testid="circle-radius"]').first().textContent() ?? '';
    assert.match(radius, lang === 'zh' ? /^半径\d.*（示意图/ : /^radius \d.*schematic/);
    await mapShot(`map-breach-${lang}`);
  }
});

test("an earthquake's intensity rings (examples/all.jsonl, Luding M6.8): each ring labelled with its radius, no two labels meet, zh and en", async () => {
  const line = readFileSync(join(ROOT, 'examples', 'all.jsonl'), 'utf8').split('\n').find((l) => l.includes('"quake-luding-en"'));
  assert.ok(line, 'the Luding example is in examples/all.jsonl');
  const result = await analyse(JSON.parse(line) as IncidentInput);
  const { zones, origin } = result.executor!;
  assert.equal(origin?.kind, 'epicentre');
  for (const lang of ['zh', 'en'] as const) {
    await open(result.runId, lang);
    const drawn = await readMap();
    for (const zone of zones) checkZone(drawn, zone);
    // The radius labels are among the labels checked (text[data-label]): one per ring, none over another.
    const rings = await page.locator('[data-testid="circle-radius"]').count();
    assert.equal(rings, zones.length, 'a label per intensity ring');
    assert.equal(drawn.labels.filter((l) => /^(半径|radius )/.test(l.text)).length, rings);
    checkLabels(drawn);
    await mapShot(`map-quake-${lang}`);
  }
});

test('on a phone (320 and 390 px wide) the map scales down but its labels stay at least 11 px on screen, apart and inside it, zh and en', async () => {
  const result = await analyse(JSON.parse(readFileSync(join(ROOT, 'examples', 'chlorine-tank-car-en.json'), 'utf8')) as IncidentInput);
  try {
    for (const [widthPx, heightPx] of [[320, 640], [390, 844]] as const) {
      await page.setViewportSize({ width: widthPx, height: heightPx });
      for (const lang of ['zh', 'en'] as const) {
        await open(result.runId, lang);
        // Every text of the map (labels, wind, north, scale): its font in view units times the view's scale on screen.
        const sizes = await page.evaluate(`(() => {
          const svg = document.querySelector('[data-testid="hazard-map"]');
          const scale = svg.getScreenCTM().a;
          return { scale, texts: [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, screenPx: parseFloat(getComputedStyle(t).fontSize) * scale })) };
        })()`) as { scale: number; texts: Array<{ text: string; screenPx: number }> };
        assert.ok(sizes.scale < 0.85, `the map is drawn smaller than its view at ${widthPx} px (scale ${sizes.scale.toFixed(2)})`);
        for (const t of sizes.texts) assert.ok(t.screenPx >= 10.95, `"${t.text}" is ${t.screenPx.toFixed(1)} px on screen at ${widthPx} px (${lang})`);
        const drawn = await readMap();
        for (const zone of result.executor!.zones) checkZone(drawn, zone); // the geometry still to scale
        checkLabels(drawn);
        await mapShot(`map-phone-${widthPx}-${lang}`);
      }
    }
  } finally {
    await page.setViewportSize({ width: 1366, height: 900 });
  }
});
