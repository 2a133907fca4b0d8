// A mass released at once: the Gaussian puff against the CCPS (1999) worked example, the Britter–McQuaid
// workbook's puff curves and criterion, the handover between them, and the direction of each effect
// (docs/validation.md, "Instantaneous releases").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseIncident } from '../../../contract/parseIncident.js';
import { STABILITY_CLASSES } from '../../../contract/taxonomy.js';
import { runField } from '../index.js';
import { puffDosePpmMin, puffPassageMin, puffPeakPpm, puffSigmas, type PuffSource } from './gaussianPuff.js';
import { BRITTER_MCQUAID_PUFF_CURVES, britterMcQuaidPuff, isDensePuff } from './denseGasPuff.js';
import { betaOnCurve, distanceForRatioM, gasDensityKgPerM3, ratioAtM } from './denseGas.js';
import { combinedPuff, combinedPuffPeakPpm, combinedPuffThresholdM } from './combinedPuff.js';
import { farthestAtLeastM, MAX_DISTANCE_M } from './gaussianPlume.js';

const close = (actual: number, expected: number, relTol: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= relTol * Math.abs(expected), `${what}: ${actual} vs ${expected}`);
/** With a molar mass of 24.45 g/mol, ppm and mg/m³ are the same number. */
const MG_AS_PPM = 24.45;

test('CCPS (1999) worked example: 1 kg puff, class F, 2 m/s, 500 m downwind: σy 5.048 m, σz 2.215 m, 2.250 g/m³', () => {
  // CCPS (1999) p. 101 as reproduced in GasDispersion.jl's gaussian_puff_tests.jl (which notes the book's
  // misprinted σy of 6.1 m): σy = 0.02·500^0.89, σz = 0.05·500^0.61, C = 2M / ((2π)^(3/2)·σx·σy·σz).
  const { sigmaXM, sigmaYM, sigmaZM } = puffSigmas(500, 'F');
  close(sigmaYM, 5.0479, 1e-4, 'σy');
  close(sigmaXM, sigmaYM, 1e-12, 'σx = σy');
  close(sigmaZM, 2.2148, 1e-4, 'σz');
  const source: PuffSource = { massKg: 1, heightM: 0, windSpeedMps: 2, stability: 'F', molarMassGPerMol: MG_AS_PPM };
  close(puffPeakPpm(source, 500), 2250.05, 1e-5, 'peak (mg/m³)');
});

test('the puff σ\'s of CCPS Table 2-13 at 1 km, classes A and D (by hand)', () => {
  // a·1000^b: A 0.18·10^2.76 = 103.58, z 0.60·10^2.25 = 106.70; D 0.06·10^2.76 = 34.526, z 0.15·10^2.1 = 18.884.
  close(puffSigmas(1000, 'A').sigmaYM, 103.58, 1e-3, 'A σy');
  close(puffSigmas(1000, 'A').sigmaZM, 106.70, 1e-3, 'A σz');
  close(puffSigmas(1000, 'D').sigmaYM, 34.526, 1e-3, 'D σy');
  close(puffSigmas(1000, 'D').sigmaZM, 18.884, 1e-3, 'D σz');
});

test('dose and passage: the dose is the peak held for √(2π)·σx/u, and a plume formula of the same σ\'s', () => {
  const source: PuffSource = { massKg: 1000, heightM: 0, windSpeedMps: 3, stability: 'D', molarMassGPerMol: MG_AS_PPM };
  for (const x of [200, 1000, 5000]) {
    close(puffDosePpmMin(source, x), puffPeakPpm(source, x) * puffPassageMin(source, x), 1e-9, `dose at ${x} m`);
    const { sigmaYM, sigmaZM } = puffSigmas(x, 'D');
    // ∫C dt over the passing cloud = M / (π·u·σy·σz), the ground-level plume of rate M (Turner 1970 eq. 5.8).
    close(puffDosePpmMin(source, x) * 60, 1000e6 / (Math.PI * 3 * sigmaYM * sigmaZM), 1e-9, `∫C dt at ${x} m`);
  }
  // A faster wind passes the cloud sooner and dilutes the dose, but not the peak.
  const windy = { ...source, windSpeedMps: 6 };
  close(puffPeakPpm(windy, 1000), puffPeakPpm(source, 1000), 1e-12, 'peak');
  close(puffDosePpmMin(windy, 1000), puffDosePpmMin(source, 1000) / 2, 1e-9, 'dose');
});

test('the workbook\'s puff curves: β at Cm/C0 = 0.1 … 0.001 for three α (CCPS 1999 fits)', () => {
  // The same values as an independent implementation's tests (GasDispersion.jl, britter_mcquaid_puff_tests.jl).
  const expected: Array<[number, number[]]> = [
    [-0.75, [0.7, 0.85, 0.95, 1.15, 1.48, 1.83, 2.075]],
    [0, [0.81, 1.0, 1.19, 1.39, 1.62, 1.83, 2.05]],
    [0.75, [0.93, 1.03, 1.185, 1.375, 1.525, 1.68, 1.8475]],
  ];
  for (const [alpha, betas] of expected) {
    BRITTER_MCQUAID_PUFF_CURVES.forEach((curve, k) => close(betaOnCurve(curve, alpha), betas[k]!, 1e-9, `β(${curve.ratio}) at α ${alpha}`));
  }
  // Each curve nearly continuous across its breakpoints (the fits' own steps are below 0.01 in β).
  for (const curve of BRITTER_MCQUAID_PUFF_CURVES) {
    for (const s of curve.segments.slice(0, -1)) assert.ok(Math.abs(betaOnCurve(curve, s.upToAlpha) - betaOnCurve(curve, s.upToAlpha + 1e-9)) < 0.01, `${curve.ratio} at ${s.upToAlpha}`);
  }
});

test('chlorine 1 t at once in 2.5 m/s: dense by the instantaneous criterion (by hand: 3.994, α 0.601, curves end at 541.4 m)', () => {
  // ρ0 = 70.9/24.45 = 2.8998; g0' = 9.81·(2.8998 − 1.184)/1.184 = 14.216; V0 = 344.85 m³; V0^⅓ = 7.0126 m;
  // criterion = √(14.216·7.0126)/2.5 = 3.994; α = ½·lg(99.69/2.5²) = 0.6014; β(0.001) = −0.27α + 2.05 = 1.8876;
  // x = 7.0126·10^1.8876 = 541.4 m.
  const puff = britterMcQuaidPuff(1000, 2.5, gasDensityKgPerM3(70.9));
  close(puff.sourceScaleM, 7.0126, 1e-4, 'V0^⅓');
  close(puff.criterion, 3.994, 1e-3, 'criterion');
  close(puff.alpha, 0.6014, 1e-3, 'α');
  assert.ok(isDensePuff(puff));
  close(distanceForRatioM(puff, 0.001), 541.4, 1e-3, 'end of the curves');
  assert.ok(!isDensePuff(britterMcQuaidPuff(0.01, 15, gasDensityKgPerM3(70.9))), 'ten grams in a gale disperse passively');
  for (const ratio of [0.1, 0.03, 0.01, 0.004, 0.001]) close(ratioAtM(puff, distanceForRatioM(puff, ratio))!, ratio, 1e-9, `ratio ${ratio}`);
});

test('LPG 20 t at once in 2 m/s, class A: LEL (2.1 %) from the workbook\'s puff curves, 339.2 m by hand', () => {
  // ρ0 = 1.80368; g0' = 5.13435; V0 = 11 088.4 m³, V0^⅓ = 22.2992 m; α = ½·lg(114.49/4) = 0.72834;
  // β(0.05) = −0.12α + 1.12 = 1.03260; β(0.02) = −0.26α + 1.38 = 1.19063; lg-interpolated at 0.021: 1.18222;
  // x = 22.2992·10^1.18222 = 339.2 m. The Gaussian puff alone: 1.3065e11/x^2.59 = 37 877 mg/m³ at 334.2 m.
  const incident = parseIncident({ text: 'LPG tank ruptured', facts: { release: { substance: 'propane', releaseMassKg: 20_000 }, weather: { windSpeedMps: 2, windFromDeg: 90, stability: 'A' } } });
  const cloud = runField(incident).flammable!.vapourCloud!;
  assert.equal(cloud.lel.model, 'dense-gas-puff');
  close(cloud.lel.distanceM, 339.2, 0.005, 'LEL distance');
  assert.equal(cloud.denseGas!.release, 'instantaneous');
  const gaussianM = farthestAtLeastM((x) => puffPeakPpm({ massKg: 20_000, heightM: 0, windSpeedMps: 2, stability: 'A', molarMassGPerMol: 44.1 }, x), 21_000);
  close(gaussianM, 334.2, 0.005, 'the Gaussian puff alone');
});

test('the handover: the curves\' 0.1 % at their end is the virtual-source Gaussian puff\'s just past it', () => {
  const source: PuffSource = { massKg: 20_000, heightM: 0, windSpeedMps: 3, stability: 'A', molarMassGPerMol: 44.1 };
  const combined = combinedPuff(source);
  const { handoverM, virtualSourceM } = combined.dense!;
  assert.ok(handoverM > virtualSourceM, 'here the dense cloud reaches 0.1 % farther than the passive puff');
  close(combinedPuffPeakPpm(combined, handoverM), 1000, 1e-6, 'at the handover');
  close(combinedPuffPeakPpm(combined, handoverM + 0.01), 1000, 0.01, 'just past it');
  assert.equal(combinedPuff({ ...source, molarMassGPerMol: 17.03 }).check, 'not-heavier-than-air');
  assert.equal(combinedPuff({ ...source, heightM: 10 }).check, 'elevated-release');
});

test('a chlorine tank rupture through the F-Agent: a puff, each distance naming its model, its passage and dose', () => {
  const incident = parseIncident({ text: '液氯储罐破裂', facts: { release: { substance: 'chlorine', releaseMassKg: 1000 }, weather: { windSpeedMps: 2.5, windFromDeg: 45, daytime: true, cloudOktas: 0 } } });
  const field = runField(incident);
  const plume = field.plume!;
  assert.equal(plume.releaseModel, 'instantaneous');
  assert.match(plume.method, /Gaussian puff/);
  assert.equal(plume.inputsUsed['releaseMassKg'], 1000);
  assert.equal(plume.denseGas!.release, 'instantaneous');
  for (const t of plume.thresholds) {
    assert.ok(t.model === 'gaussian-puff' || t.model === 'dense-gas-puff' || t.model === 'gaussian-puff-after-dense-gas', `${t.level}: ${t.model}`);
    assert.ok(t.passageMin! > 0 && t.passageMin! < 60, `${t.level} passes in ${t.passageMin} min`);
    assert.ok(t.dosePpmMin! > 0);
    assert.ok(t.downwindBandM.p10 <= t.downwindM && t.downwindM <= t.downwindBandM.p90, `${t.level} band`);
  }
  assert.equal(field.hazmat!.spillSize, 'large');
  assert.match(field.hazmat!.spillSizeBasis, /released at once/);
  // Night (the worse case for an unknown time) never shorter than this clear day.
  const night = runField(parseIncident({ ...incident, facts: { ...incident.facts, weather: { windSpeedMps: 2.5, windFromDeg: 45 } } })).plume!;
  plume.thresholds.forEach((t, k) => assert.ok(night.thresholds[k]!.downwindM >= t.downwindM, t.level));
});

const mass = fc.double({ min: 1, max: 100_000, noNaN: true });
const wind = fc.double({ min: 1, max: 15, noNaN: true });
const stability = fc.constantFrom(...STABILITY_CLASSES);
const gas = fc.constantFrom(70.9, 44.1, 64.07, 98.92, 17.03);
const ppm = fc.constantFrom(0.5, 2, 20, 1000, 10_500, 21_000, 50_000);

test('property: a larger mass (by 10 % or more) never gives a shorter distance', () => {
  // 10 %: the fitted curves step by up to 0.0084 in β at their breakpoints (2 % in distance), which a
  // 10 % larger cloud (3 % in V0^⅓) outgrows.
  fc.assert(fc.property(mass, fc.double({ min: 1.1, max: 100, noNaN: true }), wind, stability, gas, ppm, (m, factor, u, s, molar, level) => {
    const at = (kg: number) => combinedPuffThresholdM(combinedPuff({ massKg: kg, heightM: 0, windSpeedMps: u, stability: s, molarMassGPerMol: molar }), level).distanceM;
    return at(m * factor) >= at(m) - 0.5;
  }), { seed: 19680101, numRuns: 300 });
});

test('property: the passing peak falls with distance, and the dense-gas puff never shortens the Gaussian puff\'s distance', () => {
  fc.assert(fc.property(mass, wind, stability, gas, ppm, fc.double({ min: 10, max: 9000, noNaN: true }), (m, u, s, molar, level, x) => {
    const source: PuffSource = { massKg: m, heightM: 0, windSpeedMps: u, stability: s, molarMassGPerMol: molar };
    const combined = combinedPuff(source);
    if (combinedPuffPeakPpm(combined, x * 1.1) > combinedPuffPeakPpm(combined, x) * (1 + 1e-9)) return false;
    const gaussianM = farthestAtLeastM((d) => puffPeakPpm(source, d), level);
    return combinedPuffThresholdM(combined, level).distanceM >= gaussianM && gaussianM <= MAX_DISTANCE_M;
  }), { seed: 20261130, numRuns: 300 });
});

test('the contract: a rate or a mass released at once, exactly one, each refusal with SAFE_E_RELEASE_AMOUNT and its field', () => {
  const withRelease = (release: object) => ({ text: 'x', facts: { release } });
  const refused = (release: object, field: string) => assert.throws(() => parseIncident(withRelease(release)), (e: { code?: string; field?: string }) => e.code === 'SAFE_E_RELEASE_AMOUNT' && e.field === field);
  refused({ substance: 'chlorine' }, 'facts.release.rateKgPerS');
  refused({ substance: 'chlorine', rateKgPerS: 1, releaseMassKg: 900 }, 'facts.release.releaseMassKg');
  refused({ substance: 'chlorine', releaseMassKg: 900, durationMin: 5 }, 'facts.release.durationMin');
  assert.throws(() => parseIncident(withRelease({ substance: 'chlorine', releaseMassKg: -1 })), (e: { code?: string }) => e.code === 'SAFE_E_INVALID_FIELD');
  // Incidents from before: a rate, with or without a duration, parse as they did.
  assert.deepEqual(parseIncident(withRelease({ substance: 'chlorine', rateKgPerS: 2, durationMin: 10 })).facts.release, { substance: 'chlorine', rateKgPerS: 2, durationMin: 10, heightM: 0 });
});
