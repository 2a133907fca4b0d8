// The plume's safe defaults and directions of effect (docs/physics.md, "Stability class" and "Finite
// releases"): unknown never means sunny; night is never shorter than day; more release never a shorter
// plume; a finite release is never longer than the same release kept up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseIncident } from '../../../contract/parseIncident.js';
import type { IncidentInput } from '../../../contract/incident.js';
import { solarElevationDeg } from '../sun.js';
import { daylightAt } from '../daylight.js';
import { plumeFootprint } from './index.js';
import { STABILITY_CLASSES } from '../../../contract/taxonomy.js';
import { atGroundLevel, centrelinePpm, concentrationPpm, MAX_DISTANCE_M, MIN_DISTANCE_M, thresholdDistanceM, type PlumeSource } from './gaussianPlume.js';
import { groundDistanceForPpmM } from './combinedPlume.js';

const aegl3M = (input: IncidentInput) => {
  const incident = parseIncident(input);
  const plume = plumeFootprint(incident, incident.facts.release!, incident.facts.weather!, 0);
  return { plume, metres: plume.thresholds.find((t) => t.level === 'AEGL-3')!.downwindM };
};
const chlorine = (weather: Record<string, unknown>, extra: Partial<IncidentInput> = {}): IncidentInput => ({
  text: '氯气储罐泄漏', facts: { release: { substance: 'chlorine', rateKgPerS: 2 }, weather: { windSpeedMps: 2.5, windFromDeg: 45, ...weather } }, ...extra,
});

test('solar elevation: Beijing at the June solstice noon ≈ 90 − 39.9 + 23.44; the equator at the March equinox noon ≈ 90; midnight below the horizon', () => {
  const beijingNoon = solarElevationDeg(new Date('2024-06-21T04:16:00Z'), 39.9, 116.4);
  assert.ok(Math.abs(beijingNoon - 73.5) < 0.6, `Beijing ${beijingNoon}`);
  const equator = solarElevationDeg(new Date('2024-03-20T12:07:00Z'), 0, 0);
  assert.ok(equator > 88.5, `equator ${equator}`);
  assert.ok(solarElevationDeg(new Date('2024-06-21T16:16:00Z'), 39.9, 116.4) < -20);
});

test('day or night: stated wins; time and place give the sun; time alone gives clock hours in the written offset; nothing known is unknown', () => {
  const at = (reportedAt: string, location?: { lat: number; lon: number }) => daylightAt(parseIncident({ text: 'x', reportedAt, ...(location ? { location } : {}) }));
  assert.deepEqual(daylightAt(parseIncident({ text: 'x', reportedAt: '2024-06-21T04:00:00Z', facts: { weather: { windSpeedMps: 1, windFromDeg: 0, daytime: false } } })).daytime, false);
  assert.equal(at('2024-06-21T04:00:00Z', { lat: 39.9, lon: 116.4 }).source, 'solar-elevation');
  assert.equal(at('2024-06-21T04:00:00Z', { lat: 39.9, lon: 116.4 }).daytime, true);
  assert.equal(at('2024-06-21T21:00:00Z', { lat: 39.9, lon: 116.4 }).daytime, false, '05:00 Beijing: the sun is not yet an hour up');
  assert.equal(at('2024-06-21T23:30:00-05:00').daytime, false, '23:30 on the written clock');
  assert.equal(at('2024-06-21T10:30:00-05:00').daytime, true);
  assert.equal(at('2024-06-21T02:00:00Z').daytime, true, 'Z without a place: China Standard Time, 10:00');
  assert.deepEqual(daylightAt(parseIncident({ text: 'x' })), { daytime: null, source: 'unknown', solarElevationDeg: null });
});

test('a chlorine release with no time and no sky is modelled as a clear night, and says so', () => {
  const unknown = aegl3M(chlorine({}));
  const sunny = aegl3M(chlorine({ daytime: true, insolation: 'strong' }));
  const clearNight = aegl3M(chlorine({ daytime: false, cloudOktas: 0 }));
  assert.equal(unknown.plume.stability, 'F');
  assert.equal(unknown.metres, clearNight.metres);
  assert.ok(unknown.metres > 3 * sunny.metres, `${unknown.metres} vs sunny ${sunny.metres}`);
  assert.deepEqual(unknown.plume.worseCaseDefaults?.map((d) => d.assumed), ['night', 'clear night sky']);
  assert.deepEqual(unknown.plume.daylight, { daytime: null, source: 'unknown', solarElevationDeg: null });
  // Day known, sky not: weak sunshine (the most stable daytime class), said plainly.
  const dayNoSky = aegl3M(chlorine({ daytime: true }));
  assert.equal(dayNoSky.plume.stability, 'C');
  assert.equal(dayNoSky.plume.worseCaseDefaults?.[0]?.assumed, 'slight insolation');
  // A stated class needs no default.
  assert.deepEqual(aegl3M(chlorine({ stability: 'D' })).plume.worseCaseDefaults, []);
});

test('a finite release says so and reaches no farther than the same release kept up; a long one approaches it', () => {
  const continuous = aegl3M(chlorine({ daytime: false, cloudOktas: 6 }));
  const twoMin = aegl3M({ ...chlorine({ daytime: false, cloudOktas: 6 }), facts: { release: { substance: 'chlorine', rateKgPerS: 2, durationMin: 2 }, weather: { windSpeedMps: 2.5, windFromDeg: 45, daytime: false, cloudOktas: 6 } } });
  const dayLong = aegl3M({ ...chlorine({ daytime: false, cloudOktas: 6 }), facts: { release: { substance: 'chlorine', rateKgPerS: 2, durationMin: 1440 }, weather: { windSpeedMps: 2.5, windFromDeg: 45, daytime: false, cloudOktas: 6 } } });
  assert.equal(continuous.plume.releaseModel, 'continuous');
  assert.equal(twoMin.plume.releaseModel, 'finite');
  assert.match(twoMin.plume.method, /Palazzi/);
  assert.ok(twoMin.metres < continuous.metres, `${twoMin.metres} < ${continuous.metres}`);
  assert.ok(dayLong.metres > 0.97 * continuous.metres && dayLong.metres <= continuous.metres);
});

const sourceArb = fc.record({
  rateKgPerS: fc.double({ min: 0.01, max: 200, noNaN: true }),
  heightM: fc.double({ min: 0, max: 30, noNaN: true }),
  windSpeedMps: fc.double({ min: 1, max: 15, noNaN: true }),
  stability: fc.constantFrom(...STABILITY_CLASSES),
  terrain: fc.constantFrom('rural' as const, 'urban' as const),
  molarMassGPerMol: fc.constantFrom(17.03, 34.08, 70.9),
  releaseDurationMin: fc.option(fc.double({ min: 1, max: 600, noNaN: true }), { nil: undefined }),
});
const ppmArb = fc.double({ min: 0.1, max: 5000, noNaN: true });

test('property: more release (rate or duration) never gives a shorter threat distance; finite never exceeds continuous', () => {
  fc.assert(fc.property(sourceArb, ppmArb, fc.double({ min: 1, max: 10, noNaN: true }), (source: PlumeSource, ppm, factor) => {
    const d = thresholdDistanceM(source, ppm);
    assert.ok(thresholdDistanceM({ ...source, rateKgPerS: source.rateKgPerS * factor }, ppm) >= d - 1);
    if (source.releaseDurationMin !== undefined) {
      assert.ok(thresholdDistanceM({ ...source, releaseDurationMin: source.releaseDurationMin * factor }, ppm) >= d - 1);
      assert.ok(thresholdDistanceM({ ...source, releaseDurationMin: undefined }, ppm) >= d - 1);
    }
  }), { seed: 20261130, numRuns: 300 });
});

test('property: for any wind, sky and release, night is never shorter than day, and unknown time is never shorter than either', () => {
  const arb = fc.record({
    windSpeedMps: fc.double({ min: 0.5, max: 12, noNaN: true }),
    cloudOktas: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
    rateKgPerS: fc.double({ min: 0.05, max: 50, noNaN: true }),
  });
  fc.assert(fc.property(arb, ({ windSpeedMps, cloudOktas, rateKgPerS }) => {
    const run = (daytime: boolean | undefined) => aegl3M({ text: 'leak', facts: {
      release: { substance: 'ammonia', rateKgPerS },
      weather: { windSpeedMps, windFromDeg: 90, ...(cloudOktas !== undefined ? { cloudOktas } : {}), ...(daytime !== undefined ? { daytime } : {}) },
    } }).metres;
    const day = run(true), night = run(false), unknown = run(undefined);
    assert.ok(night >= day, `night ${night} < day ${day}`);
    assert.ok(unknown >= night && unknown >= day);
  }), { seed: 20261130, numRuns: 150 });
});

// The fast paths the ensemble runs for every member (docs/performance.md, "Object shapes in the physics"):
// the centreline function is concentrationPpm on the centreline, exactly, and the regula falsi finds where a
// ground-level plume falls to a level as a plain bisection on the same function does.
const sourceArbitrary = fc.record({
  rateKgPerS: fc.double({ min: 0.01, max: 100, noNaN: true }), heightM: fc.constantFrom(0, 0, 2, 15),
  windSpeedMps: fc.double({ min: 0.5, max: 15, noNaN: true }), stability: fc.constantFrom(...STABILITY_CLASSES),
  terrain: fc.constantFrom('rural' as const, 'urban' as const), molarMassGPerMol: fc.double({ min: 16, max: 200, noNaN: true }),
  releaseDurationMin: fc.option(fc.double({ min: 1, max: 120, noNaN: true }), { nil: undefined }),
  releaseTemperatureK: fc.constant(undefined), ambientTemperatureK: fc.constant(undefined),
});

test('the centreline function answers exactly as concentrationPpm does with no crosswind offset', () => {
  fc.assert(fc.property(sourceArbitrary, fc.double({ min: -10, max: 20_000, noNaN: true }), (source: PlumeSource, x) => {
    assert.equal(centrelinePpm(source)(x), concentrationPpm(source, x));
  }), { seed: 20261201, numRuns: 500 });
});

test('the ground-level distance for a concentration agrees with a bisection on the same plume to 1e-6', () => {
  const bisection = (source: PlumeSource, ppm: number) => {
    if (concentrationPpm(source, MIN_DISTANCE_M) <= ppm) return MIN_DISTANCE_M;
    if (concentrationPpm(source, MAX_DISTANCE_M) >= ppm) return MAX_DISTANCE_M;
    let lo = 1, hi = 4;
    for (let k = 0; k < 60; k += 1) { const mid = (lo + hi) / 2; if (concentrationPpm(source, 10 ** mid) >= ppm) lo = mid; else hi = mid; }
    return 10 ** lo;
  };
  fc.assert(fc.property(sourceArbitrary, fc.double({ min: -1, max: 6, noNaN: true }), (source: PlumeSource, lgPpm) => {
    const ground = atGroundLevel(source);
    const expected = bisection(ground, 10 ** lgPpm);
    assert.ok(Math.abs(groundDistanceForPpmM(ground, 10 ** lgPpm) - expected) <= 1e-6 * expected, `${groundDistanceForPpmM(ground, 10 ** lgPpm)} vs ${expected}`);
  }), { seed: 20261201, numRuns: 2000 });
});
