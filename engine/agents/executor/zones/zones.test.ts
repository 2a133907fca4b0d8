// The zones' geometry (docs/zones.md): shapes and areas by hand, the hazmat zones' parts and the command
// post outside every zone, the fire's zones growing with time and the trigger line where the head is
// an evacuation's time away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseIncident } from '../../../contract/parseIncident.js';
import type { IncidentInput } from '../../../contract/incident.js';
import { runField } from '../../field/index.js';
import { circle, ellipse, insidePolygon, mirroredOutline, polygonAreaM2, rectangle, towards, unionAreaM2 } from './geometry.js';
import { planZones } from './index.js';
import type { AwarenessResult } from '../../../contract/result.js';

const awareness = { populationAtRisk: { estimate: 0, radiusM: 1000, densityPerKm2: 1000, densitySource: 'default', basis: 'screening' } } as AwarenessResult;
const plan = (input: IncidentInput) => {
  const incident = parseIncident(input);
  return planZones(incident, runField(incident, { plume: 0, fire: 0, flood: 0 }), awareness);
};

test('geometry: bearings are compass degrees; areas of a circle, an ellipse and a rectangle; union counts overlap once', () => {
  const [e, n] = towards(90, 100);
  assert.ok(Math.abs(e - 100) < 1e-9 && Math.abs(n) < 1e-9, 'bearing 90 is east');
  const [w, wn] = towards(270, 100);
  assert.ok(Math.abs(w + 100) < 1e-9 && Math.abs(wn) < 1e-9, 'bearing 270 is west');
  assert.ok(Math.abs(polygonAreaM2(circle(100, [0, 0], 360)) / (Math.PI * 1e4) - 1) < 1e-3);
  assert.ok(Math.abs(polygonAreaM2(ellipse([0, 0], 30, 200, 50, 360)) / (Math.PI * 200 * 50) - 1) < 1e-3);
  assert.ok(Math.abs(polygonAreaM2(rectangle(45, 10, 60, 10)) - 1000) < 1e-6);
  const a = circle(100), b = circle(100, [100, 0]);
  const lens = 2 * 100 ** 2 * Math.acos(0.5) - 50 * Math.sqrt(4 * 100 ** 2 - 100 ** 2); // two circles, centres 100 m apart
  assert.ok(Math.abs(unionAreaM2([a, b]) / (2 * Math.PI * 1e4 - lens) - 1) < 0.03);
  assert.ok(insidePolygon([0, 50], mirroredOutline(0, [[0, 0], [100, 20], [200, 0]])));
  assert.ok(!insidePolygon([30, 50], mirroredOutline(0, [[0, 0], [100, 20], [200, 0]])));
});

const chlorineNight: IncidentInput = {
  text: 'chlorine tank leaking', facts: { release: { substance: 'chlorine', rateKgPerS: 2 }, weather: { windSpeedMps: 3, windFromDeg: 0 } },
};

test('hazmat: hot = isolation circle + AEGL-3 footprint downwind; warm = decontamination upwind; protective action = AEGL-2 downwind; command post upwind outside every zone', () => {
  const { zones, sites, origin } = plan(chlorineNight);
  assert.equal(origin?.kind, 'release');
  const hot = zones.find((z) => z.zone === 'hot')!;
  const warm = zones.find((z) => z.zone === 'warm')!;
  const protect = zones.find((z) => z.zone === 'protective_action')!;
  const inHot = (p: [number, number]) => hot.parts!.some((part) => insidePolygon(p, part.polygon));
  assert.ok(inHot([0, 50]) && inHot([0, -50]) && inHot([50, 0]), 'the isolation circle surrounds the source');
  assert.ok(inHot([0, -1000]), 'wind from north: AEGL-3 footprint reaches south');
  assert.ok(!inHot([0, 1000]), 'not upwind');
  assert.ok(warm.parts!.every((p) => p.polygon.every(([, n]) => n >= 99)), 'the corridor lies upwind of the isolation circle');
  assert.ok(protect.alongM > hot.alongM);
  for (const site of sites ?? []) {
    assert.ok(site.point[1] > 0, `${site.kind} is upwind`);
    for (const z of zones) for (const part of z.parts ?? []) assert.ok(!insidePolygon(site.point, part.polygon), `${site.kind} outside ${z.zone}`);
  }
  assert.ok(hot.populationEstimate > 0 && hot.parts!.every((p) => p.polygon.length >= 3));
  // The ERG's own distances size the circle and the protective-action square (large chlorine spill, night).
  assert.match(hot.basis, /ERG2016 Table 3, large spill/);
  assert.ok(inHot([0, 900]) && inHot([900, 0]), 'isolation 1000 m all round');
  assert.ok(protect.parts!.some((p) => /^ERG protective-action area, 11000 m/.test(p.name)));
});

test('LPG and an unknown substance still get zones: the guide page\'s isolation, no plume', () => {
  const lpg = plan({ text: 'LPG tanker leaking', facts: { release: { substance: 'LPG', rateKgPerS: 5 }, weather: { windSpeedMps: 3, windFromDeg: 90 } } });
  assert.match(lpg.zones[0]!.basis, /guide 115/);
  const unknown = plan({ text: 'unknown drums leaking', facts: { release: { substance: 'mystery goo', rateKgPerS: 1 } } });
  assert.match(unknown.zones[0]!.basis, /guide 111/);
});

test('hazmat without weather: the isolation circle is still drawn, and no site is guessed without a wind', () => {
  const { zones, sites } = plan({ text: 'ammonia leak', facts: { release: { substance: 'ammonia', rateKgPerS: 1 } } });
  assert.deepEqual(zones.map((z) => z.zone), ['hot']);
  assert.deepEqual(sites, []);
});

const grassFire = (extra: Record<string, number>): IncidentInput => ({
  text: 'grass fire', facts: { weather: { windSpeedMps: 6, windFromDeg: 270 }, fire: { fuelModel: 1, ...extra } },
});

test('fire: area now, the next hour, a trigger line ahead of the head; an earlier trigger for a longer evacuation', () => {
  const { zones, groundLines, sites } = plan(grassFire({ burningForMin: 30 }));
  assert.deepEqual(zones.map((z) => z.zone), ['hot', 'warm']);
  const [hot, warm] = zones;
  assert.equal(hot!.bearingDeg, 90);
  assert.ok(warm!.alongM > hot!.alongM);
  const trigger = groundLines?.[0];
  assert.ok(trigger && trigger.points.every(([e]) => e > hot!.alongM), 'the trigger line is ahead (east) of the fire now');
  assert.ok(sites?.[0] && sites[0].point[0] < 0, 'command post upwind (west)');
  const at = (evacuationTimeMin: number) => plan({ ...grassFire({ distanceToCommunityM: 5000 }), facts: { ...grassFire({ distanceToCommunityM: 5000 }).facts, evacuationTimeMin } }).groundLines![0]!.points[0]![0];
  assert.ok(at(90) < at(30), 'a slower evacuation needs the trigger farther from the community');
});

test('fire with no wind direction: drawn as a circle that says the direction is unknown', () => {
  const { zones } = plan({ text: 'grass fire', facts: { fire: { fuelModel: 3 } } });
  assert.equal(zones[0]!.shape, 'circle');
  assert.match(zones[0]!.basis, /direction unknown/);
});

test('property: a longer burn never gives a smaller fire zone, a bigger release never a smaller hot zone', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 600 }), (t1, t2) => {
    const [short, long] = [Math.min(t1, t2), Math.max(t1, t2)];
    const area = (m: number) => plan(grassFire({ burningForMin: m })).zones.find((z) => z.zone === 'hot')!.populationEstimate;
    assert.ok(area(long) >= area(short));
  }), { seed: 7, numRuns: 40 });
  fc.assert(fc.property(fc.double({ min: 0.05, max: 20, noNaN: true }), fc.double({ min: 1, max: 5, noNaN: true }), (rate, k) => {
    const reach = (r: number) => plan({ ...chlorineNight, facts: { ...chlorineNight.facts, release: { substance: 'chlorine', rateKgPerS: r } } }).zones[0]!.alongM;
    assert.ok(reach(rate * k) >= reach(rate));
  }), { seed: 7, numRuns: 40 });
});

test('P10 and P90 outlines: the plume footprints and the fire areas at the ends of their bands, around the P50 outline; the wind is stated', () => {
  const withBands = (input: IncidentInput) => {
    const incident = parseIncident(input);
    return planZones(incident, runField(incident, { plume: 64, fire: 64, flood: 0 }), awareness);
  };
  const reach = (polygon: ReadonlyArray<readonly [number, number]>) => Math.max(...polygon.map(([e, n]) => Math.hypot(e, n)));
  const cl = withBands(chlorineNight);
  assert.deepEqual(cl.wind, { fromDeg: 0, speedMps: 3 });
  const incident = parseIncident(chlorineNight);
  const plume = runField(incident, { plume: 64, fire: 0, flood: 0 }).plume!;
  for (const [zoneName, level] of [['hot', 'AEGL-3'], ['protective_action', 'AEGL-2']] as const) {
    const zone = cl.zones.find((z) => z.zone === zoneName)!;
    const th = plume.thresholds.find((t) => t.level === level)!;
    const [p10, p90] = ['p10', 'p90'].map((b) => zone.bands!.find((x) => x.band === b)!);
    assert.ok(Math.abs(reach(p10!.polygon) / th.downwindBandM.p10 - 1) < 0.01, `${level} P10 outline reaches the P10 distance`);
    assert.ok(Math.abs(reach(p90!.polygon) / th.downwindBandM.p90 - 1) < 0.01, `${level} P90 outline reaches the P90 distance`);
    assert.ok(th.downwindBandM.p10 < th.downwindBandM.p90, 'the band has width');
    assert.ok(p10!.polygon.every(([, n]) => n <= 1), 'wind from north: the outlines lie south of the source');
  }
  const fire = withBands(grassFire({ burningForMin: 30 }));
  for (const zone of fire.zones) {
    const [p10, p90] = ['p10', 'p90'].map((b) => reach(zone.bands!.find((x) => x.band === b)!.polygon));
    const p50 = reach(zone.parts![0]!.polygon);
    assert.ok(p10! < p50 && p50 < p90!, `${zone.zone}: P10 ${p10} < forecast ${p50} < P90 ${p90}`);
  }
  assert.equal(plan({ text: 'ammonia leak', facts: { release: { substance: 'ammonia', rateKgPerS: 1 } } }).wind, undefined, 'no wind stated, none claimed');
});
