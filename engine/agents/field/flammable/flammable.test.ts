// Reference cases (docs/validation.md, "Flammables") and properties of the flammable-hazard models.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fireballDiameterM, fireballDurationS, fluxKwPerM2, viewFactor, distanceForDoseM, doseForProbit } from './bleve.js';
import { incidentOverpressureKPa, overpressureDistanceM, scaledDistanceForKPa, tntMassKg, KPA_PER_PSI } from './tntEquivalence.js';
import { lelDistances } from './vapourCloud.js';
import type { PlumeSource } from '../plume/gaussianPlume.js';
import { parseIncident } from '../../../contract/parseIncident.js';
import { fieldSchema } from '../../../contract/result.js';
import { runField } from '../index.js';

const near = (ours: number, expected: number, relTol: number, what: string) =>
  assert.ok(Math.abs(ours - expected) <= relTol * Math.abs(expected), `${what}: ours ${ours}, expected ${expected}`);

test('CCPS worked example: 22.7 m³ propane tank truck 90 % full, fireball size, duration and flux at 100 m', () => {
  const massKg = 22.7 * 0.9 * 585.3; // 11 957.7 kg
  const d = fireballDiameterM(massKg);
  near(d, 132.6, 0.005, 'diameter m');
  near(fireballDurationS(massKg), 10.3, 0.01, 'duration s');
  near(viewFactor(d, 100), 0.255, 0.01, 'view factor');
  near(fluxKwPerM2(d, 100), 89.1, 0.01, 'flux kW/m²');
});

test('fireball duration switches correlation at 30 t (CCPS)', () => {
  near(fireballDurationS(29_999), 0.45 * Math.cbrt(29_999), 1e-9, 'below');
  near(fireballDurationS(60_000), 2.6 * 60_000 ** (1 / 6), 1e-9, 'above');
});

test('Swisdak (1994) simplified Kingery–Bulmash incident overpressure against the tabulated curve', () => {
  // Z (m/kg^1/3) → kPa, hemispherical TNT surface burst.
  for (const [z, kPa] of [[1, 1354], [2, 283.7], [5, 43.23], [10, 14.89], [20, 6.102], [50, 1.735], [100, 0.654]] as const) {
    near(incidentOverpressureKPa(z), kPa, 0.01, `Z ${z}`);
  }
  near(scaledDistanceForKPa(14.89), 10, 0.01, 'inverse at 14.89 kPa');
});

test('TNT equivalence: 1 t of propane at 5 % yield', () => {
  const tnt = tntMassKg(1000, 46_596, 0.05); // 497.8 kg TNT
  near(tnt, 497.8, 0.001, 'kg TNT');
  // 1 psi at Z where P = 6.89 kPa, scaled by W^(1/3).
  near(overpressureDistanceM(tnt, KPA_PER_PSI), scaledDistanceForKPa(KPA_PER_PSI) * Math.cbrt(tnt), 1e-9, '1 psi distance');
});

test('an LPG dose criterion lies outside the fireball and nearer for the higher lethality', () => {
  const m = 12_000;
  const one = distanceForDoseM(m, doseForProbit(-38.48, 2.67));
  const fifty = distanceForDoseM(m, doseForProbit(-38.48, 5));
  assert.ok(one > fifty && fifty > fireballDiameterM(m) / 2);
});

const RUNS = { numRuns: 200, seed: 20240501 };

test('property: more mass never gives a smaller fireball, a shorter dose distance or a shorter overpressure distance', () => {
  fc.assert(fc.property(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 1.001, max: 10, noNaN: true }), (m, factor) => {
    const more = m * factor;
    const dose = doseForProbit(-38.48, 2.67);
    assert.ok(fireballDiameterM(more) >= fireballDiameterM(m));
    assert.ok(distanceForDoseM(more, dose) >= distanceForDoseM(m, dose) - 0.5);
    for (const psi of [1, 3, 5, 10]) {
      assert.ok(overpressureDistanceM(tntMassKg(more, 46_596), psi * KPA_PER_PSI) >= overpressureDistanceM(tntMassKg(m, 46_596), psi * KPA_PER_PSI));
    }
  }), RUNS);
});

test('property: a larger release never gives a shorter LEL or ½ LEL distance', () => {
  const stab = fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F' as const);
  fc.assert(fc.property(fc.double({ min: 0.01, max: 500, noNaN: true }), fc.double({ min: 1.01, max: 20, noNaN: true }), stab,
    fc.double({ min: 1, max: 15, noNaN: true }), fc.double({ min: 0, max: 30, noNaN: true }), (rate, factor, stability, wind, height) => {
      const base: PlumeSource = { rateKgPerS: rate, heightM: height, windSpeedMps: wind, stability, terrain: 'rural', molarMassGPerMol: 44.1 };
      const a = lelDistances(base, 2.1), b = lelDistances({ ...base, rateKgPerS: rate * factor }, 2.1);
      assert.ok(b.lelDistanceM >= a.lelDistanceM - 0.5, `LEL ${a.lelDistanceM} → ${b.lelDistanceM}`);
      assert.ok(b.halfLelDistanceM >= a.halfLelDistanceM - 0.5);
    }), RUNS);
});

/** The flammable cloud of `substance` released as the incident says (weather without a sky: its stability given). */
function vapourCloudOf(substance: string, release: { rateKgPerS?: number; releaseMassKg?: number }, weather: { windSpeedMps: number; stability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F'; temperatureC?: number }) {
  const incident = parseIncident({ text: 'release', facts: { release: { substance, ...release }, weather: { windFromDeg: 90, ...weather } } });
  const field = runField(incident, { plume: 0 });
  fieldSchema.parse(field); // the contract accepts what the F-Agent says, the new release basis included
  return field.flammable!.vapourCloud!;
}

test('LNG 10 kg/s in 3 m/s, class D: dense near the source at −161.5 °C, LEL 219 m and ½ LEL 342 m against methane\'s 84 m and 121 m', () => {
  // By hand (docs/validation.md, "LNG, by hand"): the LEL read on the curves at 1.933 %, ½ LEL at 0.951 %.
  const lng = vapourCloudOf('lng', { rateKgPerS: 10 }, { windSpeedMps: 3, stability: 'D' });
  assert.equal(lng.denseGas!.releaseTemperature, 'refrigerated-liquid');
  assert.equal(lng.denseGas!.releaseTemperatureK, 111.667);
  assert.equal(lng.denseGas!.applies, true);
  assert.equal(lng.lel.model, 'dense-gas');
  near(lng.lel.distanceM, 218.6, 0.005, 'LNG LEL m');
  near(lng.halfLel.distanceM, 342.2, 0.005, 'LNG ½ LEL m');
  assert.ok(lng.assumptions.some((a) => /refrigerated liquid.*−161\.5 °C/.test(a)), lng.assumptions.join(' | '));
  // The same release read as natural gas (a compressed gas, 25 °C): lighter than air, the Gaussian alone.
  const methane = vapourCloudOf('methane', { rateKgPerS: 10 }, { windSpeedMps: 3, stability: 'D' });
  assert.equal(methane.denseGas, undefined);
  assert.equal(methane.lel.model, 'gaussian');
  assert.ok(lng.lel.distanceM > 2 * methane.lel.distanceM && lng.halfLel.distanceM > 2 * methane.halfLel.distanceM, `${methane.lel.distanceM} / ${methane.halfLel.distanceM}`);
  // The incident's air moves the twin, not the cold end: on a 20 °C day the release still leaves at −161.5 °C.
  const warmDay = vapourCloudOf('lng', { rateKgPerS: 10 }, { windSpeedMps: 3, stability: 'D', temperatureC: 20 });
  assert.equal(warmDay.denseGas!.releaseTemperatureK, 111.667);
  assert.equal(warmDay.denseGas!.ambientTemperatureK, 293.15);
});

test('property: LNG\'s LEL and ½ LEL distances are never shorter than methane\'s for the same release, continuous or at once', () => {
  const stability = fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F' as const);
  const release = fc.oneof(fc.record({ rateKgPerS: fc.double({ min: 0.1, max: 200, noNaN: true }) }), fc.record({ releaseMassKg: fc.double({ min: 1, max: 100_000, noNaN: true }) }));
  let farther = 0;
  fc.assert(fc.property(release, fc.double({ min: 1, max: 15, noNaN: true }), stability, fc.integer({ min: -30, max: 40 }), (r, wind, s, airC) => {
    const weather = { windSpeedMps: wind, stability: s, temperatureC: airC };
    const lng = vapourCloudOf('lng', r, weather);
    const methane = vapourCloudOf('methane', r, weather);
    if (lng.lel.distanceM > methane.lel.distanceM) farther += 1;
    return lng.lel.distanceM >= methane.lel.distanceM && lng.halfLel.distanceM >= methane.halfLel.distanceM;
  }), { seed: 20261201, numRuns: 200 });
  assert.ok(farther >= 40, `farther in ${farther} of 200`); // 80 of 200: where the Gaussian is longer (calm, stable air) they tie
});
