// The quake model against the China Earthquake Administration's intensity maps (docs/validation.md,
// "Earthquake intensity and casualties"), and property tests of the intensity relation and the rings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseIncident } from '../../../contract/parseIncident.js';
import { intensityAt, INTENSITY_RELATIONS, regionFor, type IntensityRegion } from '../../common/quakeIntensity.js';
import { quakeImpact } from './index.js';

function run(location: { lat: number; lon: number } | undefined, quake: { magnitude: number; depthKm: number; faultStrikeDeg?: number }, density = 100) {
  const incident = parseIncident({ text: 'earthquake', ...(location ? { location } : {}), facts: { quake, populationDensityPerKm2: density } });
  return quakeImpact(incident, incident.facts.quake!);
}
/** Area (km²) where intensity rounds to `i` or more, and that ellipse's full axes (km). */
function vi(result: ReturnType<typeof run>, i: number) {
  const rings = result.rings.filter((r) => r.intensity >= i);
  const edge = result.rings.find((r) => r.intensity === i)!;
  return { areaKm2: rings.reduce((s, r) => s + r.areaKm2, 0), longKm: 2 * edge.longAxisKm, shortKm: 2 * edge.shortAxisKm };
}
const within = (ours: number, expected: number, relTol: number, what: string) =>
  assert.ok(Math.abs(ours - expected) <= relTol * expected, `${what}: ours ${ours}, expected ${expected} ± ${relTol * 100} %`);

// Each case: CEA intensity map as published (docs/validation.md gives the sources).
const CASES = [
  { name: 'Luding 2022', location: { lat: 29.59, lon: 102.08 }, quake: { magnitude: 6.8, depthKm: 16 }, i0: 9, viAreaKm2: 19_089, viLongKm: 195, viShortKm: 112, ixAreaKm2: 280 },
  { name: 'Dingri 2025', location: { lat: 28.5, lon: 87.45 }, quake: { magnitude: 6.8, depthKm: 10 }, i0: 9, viAreaKm2: 23_986, viLongKm: 191, viShortKm: 152, ixAreaKm2: 411 },
];

for (const c of CASES) {
  test(`${c.name}: epicentral IX, VI+ area and axes within the tolerances of docs/validation.md`, () => {
    const r = run(c.location, c.quake);
    assert.equal(r.region, INTENSITY_RELATIONS.qinghaiTibet.name);
    assert.equal(Math.round(r.epicentralIntensity), c.i0, `I0 ${r.epicentralIntensity}`);
    const six = vi(r, 6);
    within(six.areaKm2, c.viAreaKm2, 0.7, 'VI+ area');
    within(six.longKm, c.viLongKm, 0.3, 'VI long axis');
    within(six.shortKm, c.viShortKm, 0.6, 'VI short axis');
    // The IX zone is known to come out too small (docs/validation.md): present, and under the map's.
    const ix = vi(r, 9).areaKm2;
    assert.ok(ix > 0 && ix < c.ixAreaKm2, `IX area ${ix}`);
  });
}

test('Wushi 2024 (Xinjiang set): within one degree at the epicentre, VI+ area within a factor of 3', () => {
  const r = run({ lat: 41.26, lon: 78.63 }, { magnitude: 7.1, depthKm: 22 });
  assert.equal(r.region, INTENSITY_RELATIONS.xinjiang.name);
  assert.ok(Math.abs(r.epicentralIntensity - 9) <= 1, `I0 ${r.epicentralIntensity}`);
  const area = vi(r, 6).areaKm2;
  assert.ok(area >= 27_926 / 3 && area <= 27_926 * 3, `VI+ area ${area}`);
});

test('region rule: west of 105°E Qinghai–Tibet or Xinjiang, east of it the eastern sets, else all four', () => {
  assert.equal(regionFor({ lat: 29.59, lon: 102.08 }), 'qinghaiTibet');
  assert.equal(regionFor({ lat: 41.26, lon: 78.63 }), 'xinjiang');
  assert.equal(regionFor({ lat: 39.6, lon: 118.2 }), 'east');
  assert.equal(regionFor(undefined), 'any');
  assert.equal(regionFor({ lat: 40, lon: -120 }), 'any');
  const r = run(undefined, { magnitude: 6.8, depthKm: 10 });
  assert.ok(r.defaulted.includes('location'));
  assert.ok(r.epicentralIntensity >= run({ lat: 29.59, lon: 102.08 }, { magnitude: 6.8, depthKm: 10 }).epicentralIntensity, 'unknown region takes the higher set');
});

test('rings are ellipses: area is the π·a·b difference, the short axis never above the long, strike orients them', () => {
  const r = run({ lat: 29.59, lon: 102.08 }, { magnitude: 6.8, depthKm: 16, faultStrikeDeg: 320 });
  assert.equal(r.longAxisBearingDeg, 140);
  assert.equal(run(undefined, { magnitude: 6.8, depthKm: 16 }).longAxisBearingDeg, null);
  for (const ring of r.rings) {
    assert.ok(ring.shortAxisKm <= ring.longAxisKm && ring.radiusKm === ring.longAxisKm);
    assert.ok(Math.abs(ring.exposedPopulation - ring.areaKm2 * 100) <= 50, 'people = area × density (area rounded to 1 km²)');
  }
  const six = r.rings.find((x) => x.intensity === 6)!;
  const seven = r.rings.find((x) => x.intensity === 7)!;
  within(six.areaKm2, Math.PI * (six.longAxisKm * six.shortAxisKm - seven.longAxisKm * seven.shortAxisKm), 0.01, 'ring VI area');
});

const REGIONS: IntensityRegion[] = ['eastStrong', 'eastModerate', 'xinjiang', 'qinghaiTibet', 'east', 'any'];
const region = fc.constantFrom(...REGIONS);
const axis = fc.constantFrom('long' as const, 'short' as const);
const magnitude = fc.double({ min: 4, max: 8.5, noNaN: true });
const distanceKm = fc.double({ min: 0, max: 1000, noNaN: true });

test('property: a larger magnitude never gives a lower intensity at any distance', () => {
  fc.assert(fc.property(region, axis, magnitude, magnitude, distanceKm, (g, ax, m1, m2, r) => {
    const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
    return intensityAt(hi, r, g, ax) >= intensityAt(lo, r, g, ax);
  }), { seed: 20260905, numRuns: 500 });
});

test('property: intensity never increases with distance', () => {
  fc.assert(fc.property(region, axis, magnitude, distanceKm, distanceKm, (g, ax, m, r1, r2) => {
    const [near, far] = r1 <= r2 ? [r1, r2] : [r2, r1];
    return intensityAt(m, far, g, ax) <= intensityAt(m, near, g, ax);
  }), { seed: 20250107, numRuns: 500 });
});

test('property: a deeper focus never gives a higher epicentral intensity', () => {
  const depth = fc.double({ min: 0, max: 700, noNaN: true });
  fc.assert(fc.property(magnitude, depth, depth, (m, d1, d2) => {
    const [shallow, deep] = d1 <= d2 ? [d1, d2] : [d2, d1];
    return run(undefined, { magnitude: m, depthKm: deep }).epicentralIntensity <= run(undefined, { magnitude: m, depthKm: shallow }).epicentralIntensity;
  }), { seed: 20220905, numRuns: 60 });
});

test('property: more people per km² never means fewer estimated fatalities', () => {
  const density = fc.double({ min: 0, max: 20_000, noNaN: true });
  fc.assert(fc.property(magnitude, density, density, (m, p1, p2) => {
    const [sparse, dense] = p1 <= p2 ? [p1, p2] : [p2, p1];
    const quake = { magnitude: m, depthKm: 10 };
    const a = run({ lat: 29.59, lon: 102.08 }, quake, sparse).estimatedFatalities;
    const b = run({ lat: 29.59, lon: 102.08 }, quake, dense).estimatedFatalities;
    return b.p10 >= a.p10 && b.p50 >= a.p50 && b.p90 >= a.p90;
  }), { seed: 20260101, numRuns: 60 });
});
