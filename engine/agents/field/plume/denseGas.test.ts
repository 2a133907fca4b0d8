// The dense-gas plume against the Britter–McQuaid workbook's correlations and a published worked example
// (docs/validation.md, "Dense gas near the source"), and its handover to the Gaussian plume.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseIncident } from '../../../contract/parseIncident.js';
import { STABILITY_CLASSES } from '../../../contract/taxonomy.js';
import { runField } from '../index.js';
import {
  BRITTER_MCQUAID_PLUME_CURVES, betaOnCurve, britterMcQuaidPlume, distanceForRatioM, gasDensityKgPerM3, isDense, isothermalRatio, ratioAtM,
} from './denseGas.js';
import { combinedConcentrationPpm, combinedPlume, combinedThresholdM } from './combinedPlume.js';
import { concentrationPpm, MIN_DISTANCE_M, thresholdDistanceM, type PlumeSource } from './gaussianPlume.js';

const close = (actual: number, expected: number, relTol: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= relTol * Math.abs(expected), `${what}: ${actual} vs ${expected}`);

test('the workbook curves: β at Cm/C0 = 0.1 … 0.002 for four α, as TSCREEN digitised them', () => {
  // TSCREEN (EPA-454/B-94-023) piecewise fits; the same values as an independent implementation's tests
  // (GasDispersion.jl, britter_mcquaid_plume_tests.jl).
  const expected: Array<[number, number[]]> = [
    [-0.75, [1.75, 1.92, 2.08, 2.25, 2.4, 2.6]],
    [-0.4, [1.784, 2.016, 2.21, 2.394, 2.564, 2.714]],
    [-0.2, [1.832, 2.06, 2.25, 2.45, 2.63, 2.77]],
    [0, [1.78, 1.96, 2.16, 2.35, 2.56, 2.71]],
  ];
  for (const [alpha, betas] of expected) {
    BRITTER_MCQUAID_PLUME_CURVES.forEach((curve, k) => close(betaOnCurve(curve, alpha), betas[k]!, 1e-9, `β(${curve.ratio}) at α ${alpha}`));
  }
  // Each curve is continuous across its breakpoints.
  for (const curve of BRITTER_MCQUAID_PLUME_CURVES) {
    for (const s of curve.segments.slice(0, -1)) assert.ok(Math.abs(betaOnCurve(curve, s.upToAlpha) - betaOnCurve(curve, s.upToAlpha + 1e-9)) < 0.01, `${curve.ratio} at ${s.upToAlpha}`);
  }
});

test('CCPS (1999) worked example (Burro LNG conditions): distance to the LFL 367 m', () => {
  // 0.23 m³/s of LNG (425.6 kg/m³) as vapour of 1.76 kg/m³ at −162 °C, 10.9 m/s at 10 m, air 298 K and
  // 1.224 kg/m³; the LFL of 5 % read on the curves at 5 % corrected for the cold release.
  const plume = britterMcQuaidPlume(0.23 * 425.6, 10.9, 1.76, 1.224);
  close(plume.sourceScaleM, 2.259, 1e-3, 'D');
  close(plume.alpha, -0.435, 1e-2, 'α');
  const ratio = isothermalRatio(0.05, 298, 273.15 - 162);
  close(ratio, 0.01925, 1e-3, 'corrected ratio');
  close(distanceForRatioM(plume, ratio), 367, 0.03, 'distance to the LFL');
});

test('chlorine 2 kg/s in 2.5 m/s: dense by the workbook criterion (by hand: 1.061, α 0.0309)', () => {
  // ρ0 = 70.9/24.45 = 2.8998; g0' = 9.81·(2.8998 − 1.184)/1.184 = 14.216; q0 = 0.68970 m³/s; D = 0.52524 m
  // criterion = (14.216·0.68970 / (2.5³·0.52524))^(1/3) = 1.0611; α = ⅕·lg(14.216²·0.68970/2.5⁵) = 0.03091
  const plume = britterMcQuaidPlume(2, 2.5, gasDensityKgPerM3(70.9));
  close(plume.criterion, 1.0611, 1e-3, 'criterion');
  close(plume.alpha, 0.03091, 1e-2, 'α');
  assert.ok(isDense(plume));
  assert.ok(!isDense(britterMcQuaidPlume(0.001, 10, gasDensityKgPerM3(70.9))), 'a trickle in a strong wind disperses passively');
  // Round trip: the distance of a ratio and the ratio at that distance.
  for (const ratio of [0.1, 0.05, 0.03, 0.01, 0.004, 0.002]) close(ratioAtM(plume, distanceForRatioM(plume, ratio))!, ratio, 1e-9, `ratio ${ratio}`);
  assert.equal(ratioAtM(plume, distanceForRatioM(plume, 0.002) * 1.01), null, 'beyond the curves');
});

test('LPG 5 kg/s in 3 m/s: LEL (2.1 %) from the workbook, 154.4 m by hand', () => {
  // ρ0 = 44.10/24.45 = 1.80368; g0' = 5.1343; q0 = 2.77212; D = 0.96128; α = −0.10436;
  // β(0.05) = −0.56α + 1.96 = 2.01844; β(0.02) = −0.54α + 2.16 = 2.21636; lg-interpolated at 0.021: 2.20582;
  // x = 0.96128·10^2.20582 = 154.4 m.
  const incident = parseIncident({ text: 'LPG tanker leak', facts: { release: { substance: 'propane', rateKgPerS: 5 }, weather: { windSpeedMps: 3, windFromDeg: 90 } } });
  const cloud = runField(incident, { plume: 0 }).flammable!.vapourCloud!;
  assert.equal(cloud.lel.model, 'dense-gas');
  close(cloud.lel.distanceM, 154.4, 0.005, 'LEL distance');
  assert.equal(cloud.denseGas!.applies, true);
  assert.match(cloud.method, /Britter & McQuaid/);
});

test('where the workbook does not apply the Gaussian plume is used, and says so', () => {
  const base: PlumeSource = { rateKgPerS: 2, heightM: 0, windSpeedMps: 2.5, stability: 'D', terrain: 'rural', molarMassGPerMol: 70.9 };
  assert.ok(combinedPlume(base).dense);
  assert.equal(combinedPlume({ ...base, molarMassGPerMol: 17.03 }).dense, null, 'ammonia is lighter than air');
  assert.match(combinedPlume({ ...base, heightM: 10 }).reason, /above ground level/);
  assert.match(combinedPlume({ ...base, releaseDurationMin: 0.5 }).reason, /not a continuous plume/);
  assert.match(combinedPlume({ ...base, rateKgPerS: 0.001, windSpeedMps: 10 }).reason, /passively/);
  const ammonia = parseIncident({ text: 'ammonia leak', facts: { release: { substance: 'ammonia', rateKgPerS: 2 }, weather: { windSpeedMps: 2.5, windFromDeg: 0 } } });
  const plume = runField(ammonia, { plume: 0 }).plume!;
  assert.equal(plume.denseGas, undefined);
  assert.ok(plume.thresholds.every((t) => t.model === 'gaussian'));
});

test('chlorine by day: the workbook hands over to the Gaussian from a virtual source, continuous at the handover', () => {
  const incident = parseIncident({ text: '氯气泄漏', facts: { release: { substance: 'chlorine', rateKgPerS: 2 }, weather: { windSpeedMps: 2.5, windFromDeg: 45, daytime: true, cloudCoverOktas: 0 } } });
  const plume = runField(incident, { plume: 0 }).plume!;
  assert.equal(plume.denseGas!.applies, true);
  assert.ok(plume.thresholds.every((t) => t.model === 'gaussian-after-dense-gas'), JSON.stringify(plume.thresholds.map((t) => t.model)));
  const source: PlumeSource = { rateKgPerS: 2, heightM: 0, windSpeedMps: 2.5, stability: plume.stability, terrain: 'rural', molarMassGPerMol: 70.9 };
  const combined = combinedPlume(source);
  const handoverM = combined.dense!.handoverM;
  close(combinedConcentrationPpm(combined, handoverM), 2000, 1e-6, 'at the handover: 0.2 % by the curves');
  close(combinedConcentrationPpm(combined, handoverM + 0.01), 2000, 0.01, 'just past it: the virtual-source Gaussian (its distance is found to 0.5 m)');
  for (const t of plume.thresholds) assert.ok(t.downwindM > thresholdDistanceM(source, t.ppm), `${t.level} longer than the Gaussian alone`);
});

const rate = fc.double({ min: 0.05, max: 200, noNaN: true });
const wind = fc.double({ min: 1, max: 15, noNaN: true });
const stability = fc.constantFrom(...STABILITY_CLASSES);
const heavy = fc.constantFrom(70.9, 44.1, 64.07, 98.92);
const ppm = fc.constantFrom(0.5, 2, 20, 1000, 10_500, 21_000, 50_000);

test('property: the dense-gas model never shortens a distance of the Gaussian plume, and labels what it made', () => {
  fc.assert(fc.property(rate, wind, stability, heavy, ppm, (q, u, s, m, level) => {
    const source: PlumeSource = { rateKgPerS: q, heightM: 0, windSpeedMps: u, stability: s, terrain: 'rural', molarMassGPerMol: m };
    const combined = combinedPlume(source);
    const d = combinedThresholdM(combined, level);
    const gaussianM = thresholdDistanceM(source, level);
    if (d.distanceM < gaussianM) return false;
    if (d.model === 'gaussian') return d.distanceM === gaussianM;
    // Below 10 m the Gaussian gives no distance (its grid starts there), so only the dense side is checked.
    const gaussianBelowThere = d.distanceM < MIN_DISTANCE_M || concentrationPpm(source, d.distanceM) <= level * 1.001;
    return combined.dense !== null && combinedConcentrationPpm(combined, d.distanceM * 0.999) >= level * 0.999 && gaussianBelowThere;
  }), { seed: 19880101, numRuns: 300 });
});

test('property: more release never gives a shorter distance with the dense-gas model', () => {
  fc.assert(fc.property(rate, rate, wind, stability, heavy, ppm, (q1, q2, u, s, m, level) => {
    const [lo, hi] = q1 <= q2 ? [q1, q2] : [q2, q1];
    const at = (q: number) => combinedThresholdM(combinedPlume({ rateKgPerS: q, heightM: 0, windSpeedMps: u, stability: s, terrain: 'rural', molarMassGPerMol: m }), level).distanceM;
    return at(hi) >= at(lo) - 0.5;
  }), { seed: 17011988, numRuns: 300 });
});
