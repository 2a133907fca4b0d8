// The map's pure parts: sizes read from the engine's outlines, labels that do not cover each other, and a
// picture that says when it is approximate (docs/app.md, "The map").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Zone } from '../../../engine/contract/result.js';
import { hazardPicture } from './hazardGeometry.js';
import { LABEL_FONT_PX, MIN_LABEL_SCREEN_PX, mapLabelFontPx, placeCircleLabels, placeLabels, textWidthPx, type PxBox } from './mapLabels.js';
import { measurePart } from './zoneMeasures.js';

const ring = (radiusM: number, east = 0, points = 48): Array<[number, number]> =>
  Array.from({ length: points }, (_, i) => [Math.round(east + radiusM * Math.sin((2 * Math.PI * i) / points)), Math.round(radiusM * Math.cos((2 * Math.PI * i) / points))]);

test('measures: a circle gives its radius; a square downwind reaches its length (not its corner) and is as wide; an ellipse is no circle', () => {
  const circle = measurePart(ring(800), 225);
  assert.ok(circle.kind === 'circle' && Math.abs(circle.radiusM - 800) < 1.5);
  const small = measurePart(ring(30, 100), null);
  assert.ok(small.kind === 'circle' && Math.abs(small.radiusM - 30) < 1.5 && Math.abs(small.centre[0] - 100) < 1, 'a small circle off the origin, outline rounded to metres');
  const square = measurePart([[0, -2500], [5000, -2500], [5000, 2500], [0, 2500]], 90);
  assert.deepEqual(square.kind === 'extent' && [Math.round(square.reachM), Math.round(square.widthM), square.towardDeg], [5000, 5000, 90]);
  const ellipse = Array.from({ length: 48 }, (_, i): [number, number] => [1000 * Math.sin((2 * Math.PI * i) / 48), 950 * Math.cos((2 * Math.PI * i) / 48)]);
  assert.equal(measurePart(ellipse, 90).kind, 'extent', '5 % flatter than a circle is measured as a shape, not called a circle');
  const noBearing = measurePart([[0, 0], [100, 0], [100, 3000], [0, 3000]], null);
  assert.ok(noBearing.kind === 'extent' && Math.round(noBearing.towardDeg) === 2 && noBearing.widthM < 200, 'no bearing: measured toward its farthest point');
});

test('labels: marks at one spot get labels that do not overlap, and every label stays inside the view', () => {
  const view = { widthPx: 300, heightPx: 200 };
  const placed = placeLabels([1, 2, 3, 4].map((i) => ({ id: `p${i}`, x: 280, y: 100, text: `柳树村 ${i} · 13 min` })), view);
  for (const [i, a] of placed.entries()) {
    assert.ok(a.box.x0 >= 0 && a.box.x1 <= view.widthPx && a.box.y0 >= 0 && a.box.y1 <= view.heightPx, `${a.id} inside`);
    for (const b of placed.slice(i + 1)) {
      const ox = Math.min(a.box.x1, b.box.x1) - Math.max(a.box.x0, b.box.x0), oy = Math.min(a.box.y1, b.box.y1) - Math.max(a.box.y0, b.box.y0);
      assert.ok(ox <= 0 || oy <= 0, `${a.id} and ${b.id} do not overlap`);
    }
  }
  assert.equal(placed[0]!.anchor, 'end', 'near the right edge the first label goes left of its mark');
});

test('picture: P10/P90 outlines widen the frame and are drawn; circles are found with their radius; older zones make the picture approximate', () => {
  const view = { widthPx: 500, heightPx: 400, marginPx: 20 };
  const hot: Zone = { zone: 'hot', shape: 'circle', alongM: 500, acrossM: 1000, bearingDeg: null, basis: '', populationEstimate: 0, drawing: 'to-scale',
    parts: [{ name: 'c', nameZh: 'c', polygon: ring(500) }], bands: [{ band: 'p90', name: '', nameZh: '', polygon: ring(2000) }] };
  const picture = hazardPicture({ zones: [hot] }, view)!;
  assert.equal(picture.bands.length, 1);
  assert.ok(Math.abs(picture.metresPerPx * 360 - 4000) < 40, 'the frame holds the P90 outline: 4 km across 360 px');
  assert.equal(picture.circles.length, 1);
  assert.ok(Math.abs(picture.circles[0]!.rPx * picture.metresPerPx - 500) < 2);
  assert.equal(picture.approximate, false);
  const legacy = hazardPicture({ zones: [{ zone: 'hot', shape: 'corridor', alongM: 1000, acrossM: 100, bearingDeg: 90, basis: '', populationEstimate: 0 }] }, view)!;
  assert.equal(legacy.approximate, true);
});

const meets = (a: PxBox, b: PxBox) => Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0);

test("a quake's concentric rings with close radii: no two radius labels meet, each stays in view and on its ring", () => {
  const view = { widthPx: 560, heightPx: 420 };
  const origin: PxBox = { x0: 271, y0: 201, x1: 289, y1: 219 };
  const furniture: PxBox[] = [{ x0: 0, y0: 0, x1: 72, y1: 72 }, { x0: 508, y0: 0, x1: 560, y1: 70 }, { x0: 0, y0: 386, x1: 200, y1: 420 }];
  for (const [lang, radius] of [['zh', (km: number) => `半径${km}公里`], ['en', (km: number) => `radius ${km} km`]] as const) {
    // Radii 4–12 px apart: stacked at the top of each ring, as before, their 19 px tall labels would meet.
    const rings = [{ rPx: 60, km: 31 }, { rPx: 66, km: 34 }, { rPx: 78, km: 40 }, { rPx: 82, km: 42 }, { rPx: 170, km: 88 }];
    const placed = placeCircleLabels(rings.map((r, i) => ({ id: `c${i}`, cx: 280, cy: 210, rPx: r.rPx, text: radius(r.km) })), view, [...furniture, origin]);
    assert.deepEqual(placed.map((p) => p.id), rings.map((_, i) => `c${i}`), 'in the order asked');
    placed.forEach((a, i) => {
      assert.ok(a.box.x0 >= 0 && a.box.y0 >= 0 && a.box.x1 <= view.widthPx && a.box.y1 <= view.heightPx, `${lang} ${a.id} inside the view`);
      assert.ok(!meets(a.box, origin) && furniture.every((f) => !meets(a.box, f)), `${lang} ${a.id} clear of the origin's mark and the furniture`);
      assert.ok(Math.abs(Math.hypot(a.tick.x0 - 280, a.tick.y0 - 210) - (rings[i]?.rPx ?? 0)) < 1e-9, `${lang} ${a.id}'s tick starts on its ring`);
      for (const b of placed.slice(i + 1)) assert.ok(!meets(a.box, b.box), `${lang} ${a.id} and ${b.id} do not meet: ${JSON.stringify([a.box, b.box])}`);
    });
    assert.equal(placed[4]?.bearingDeg, 0, 'the outer ring keeps its label at the top');
    assert.ok(new Set(placed.map((p) => `${p.bearingDeg}`)).size > 1, 'close rings spread their labels around');
  }
});

test('rings far apart keep every label at the top, as the reader expects', () => {
  const placed = placeCircleLabels([25, 79, 174].map((rPx, i) => ({ id: `c${i}`, cx: 280, cy: 210, rPx, text: `radius ${rPx} km` })), { widthPx: 560, heightPx: 420 });
  assert.deepEqual(placed.map((p) => p.bearingDeg), [0, 0, 0]);
  assert.ok(placed.every((p) => !p.leader));
});

test('labels keep a readable size on a small map: the font grows in view units as the map shrinks on screen', () => {
  assert.equal(mapLabelFontPx(1), LABEL_FONT_PX, 'full size: the page\'s own label size');
  assert.equal(mapLabelFontPx(1.5, 15.3), 15.3, 'drawn larger: never smaller than the page\'s (large text)');
  // A 560-unit map in 264 px (a 320 px phone): 11 px on screen needs about 23 units.
  const phone = 264 / 560;
  assert.ok(Math.abs(mapLabelFontPx(phone) * phone - MIN_LABEL_SCREEN_PX) < 1e-9);
  assert.equal(mapLabelFontPx(0), LABEL_FONT_PX, 'not laid out yet (or hidden): the page\'s size');
  // Placed at that size, four labels at one spot still neither meet nor leave the view, boxes as wide as the larger text.
  const fontPx = mapLabelFontPx(phone);
  const view = { widthPx: 560, heightPx: 420 };
  const placed = placeLabels([1, 2, 3, 4].map((i) => ({ id: `p${i}`, x: 300, y: 200, text: `柳树村 ${i} · 13 min` })), view, [], fontPx);
  for (const [i, a] of placed.entries()) {
    assert.ok(a.box.x1 - a.box.x0 >= textWidthPx(`柳树村 ${i + 1} · 13 min`, fontPx), `${a.id}: its box is as wide as its text at ${fontPx.toFixed(1)} units`);
    assert.ok(a.box.y1 - a.box.y0 >= fontPx, `${a.id}: as tall as its font`);
    for (const b of placed.slice(i + 1)) {
      const meet = Math.min(a.box.x1, b.box.x1) > Math.max(a.box.x0, b.box.x0) && Math.min(a.box.y1, b.box.y1) > Math.max(a.box.y0, b.box.y0);
      assert.ok(!meet, `${a.id} and ${b.id} apart`);
    }
  }
});
