// A liquefied gas's cold release (docs/physics.md, "A liquefied gas's cold release"; docs/validation.md):
// which substances flash, the workbook fed the cold gas, and what that changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseIncident } from '../../../contract/parseIncident.js';
import { findSubstance, SUBSTANCES } from '../../../contract/substances.js';
import { STABILITY_CLASSES } from '../../../contract/taxonomy.js';
import { runField } from '../index.js';
import { combinedPlume, combinedThresholdM, type CombinedPlume } from './combinedPlume.js';
import { combinedPuff, combinedPuffThresholdM } from './combinedPuff.js';
import { AIR_DENSITY_KG_PER_M3, gasDensityKgPerM3, releaseThermal } from './denseGas.js';
import type { PlumeSource } from './gaussianPlume.js';
import { REFERENCE_AMBIENT_K, releaseTemperatureOf } from './releaseTemperature.js';

const substance = (key: string) => findSubstance(key)!;

test('the rule: a gas boiling below the air with a critical temperature above −50 °C flashes to its boiling point', () => {
  const flashing = SUBSTANCES.filter((s) => releaseTemperatureOf(s).basis === 'boiling-point').map((s) => s.key);
  assert.deepEqual(flashing, ['chlorine', 'ammonia', 'hydrogen_sulfide', 'hydrogen_chloride', 'sulfur_dioxide', 'phosgene', 'nitrogen_dioxide', 'propane']);
  const chlorine = releaseTemperatureOf(substance('chlorine'));
  assert.equal(chlorine.releaseK, 239.198);
  assert.equal(chlorine.ambientK, REFERENCE_AMBIENT_K);
  assert.match(chlorine.note, /liquefied gas.*−34 °C/);
  assert.equal(releaseTemperatureOf(substance('benzene')).basis, 'ambient-liquid');
  assert.equal(releaseTemperatureOf(substance('methane')).basis, 'ambient-compressed-gas', 'critical temperature −82.6 °C');
  assert.equal(releaseTemperatureOf(substance('methane'), -20).releaseK, REFERENCE_AMBIENT_K, 'natural gas from a pipeline stays at 25 °C');
  assert.equal(releaseTemperatureOf(substance('hydrogen_fluoride')).basis, 'ambient-no-critical-temperature');
  for (const key of ['hydrogen_cyanide', 'acrylonitrile', 'formaldehyde', 'gasoline', 'hydrogen', 'carbon_monoxide']) {
    assert.equal(releaseTemperatureOf(substance(key)).releaseK, REFERENCE_AMBIENT_K, key);
  }
  // The incident's air: chlorine into air at 5 °C mixes into 278.15 K; below its boiling point it does not flash.
  assert.equal(releaseTemperatureOf(substance('chlorine'), 5).ambientK, 278.15);
  assert.equal(releaseTemperatureOf(substance('chlorine'), -40).basis, 'ambient-liquid');
  // Nitrogen dioxide boils at 21.15 °C: at 25 °C a liquefied gas, on a 30 °C day too, at 15 °C a liquid.
  assert.equal(releaseTemperatureOf(substance('nitrogen_dioxide'), 15).basis, 'ambient-liquid');
});

test('LNG, a refrigerated liquid, leaves at its boiling point whatever the air; its twin is warmed to the air', () => {
  assert.deepEqual(SUBSTANCES.filter((s) => releaseTemperatureOf(s).basis === 'refrigerated-liquid').map((s) => s.key), ['lng']);
  const lng = substance('lng');
  assert.equal(lng.refrigeratedLiquidOf, 'methane');
  for (const [airC, airK] of [[undefined, REFERENCE_AMBIENT_K], [-60, 213.15], [0, 273.15], [35, 308.15]] as const) {
    const t = releaseTemperatureOf(lng, airC);
    assert.equal(t.basis, 'refrigerated-liquid', String(airC));
    assert.equal(t.releaseK, 111.667, String(airC));
    assert.ok(Math.abs(t.ambientK - airK) < 1e-9, `${airC}: ${t.ambientK}`);
  }
  assert.match(releaseTemperatureOf(lng).note, /refrigerated liquid.*−161\.5 °C/);
  // Methane vapour at 111.667 K: 0.65603 · 298.15/111.667 = 1.7516 kg/m³, against air's 1.184: dense. Warmed to
  // the air it is 0.656 kg/m³, lighter than air, so the twin has no dense side and the cold end carries the distances.
  const source: PlumeSource = { rateKgPerS: 10, heightM: 0, windSpeedMps: 3, stability: 'D', terrain: 'rural', molarMassGPerMol: 16.04, releaseTemperatureK: 111.667, ambientTemperatureK: REFERENCE_AMBIENT_K };
  const cold = combinedPlume(source);
  assert.ok(Math.abs(cold.thermal.gasDensityKgPerM3 - 1.7516) < 1e-3, `${cold.thermal.gasDensityKgPerM3}`);
  assert.equal(cold.check, 'dense');
  assert.equal(cold.atAmbient!.check, 'not-heavier-than-air');
  // The workbook by hand (docs/validation.md, "LNG, by hand"): D 1.3795 m, criterion 0.8966, α −0.0569.
  assert.ok(Math.abs(cold.dense!.plume.sourceScaleM - 1.3795) < 1e-4);
  assert.ok(Math.abs(cold.dense!.plume.criterion - 0.8966) < 1e-4);
  assert.ok(Math.abs(cold.dense!.plume.alpha + 0.0569) < 1e-4);
});

test('at 25 °C the densities, and so the model, are exactly the isothermal ones', () => {
  const thermal = releaseThermal(70.9);
  assert.equal(thermal.gasDensityKgPerM3, gasDensityKgPerM3(70.9));
  assert.equal(thermal.airDensityKgPerM3, AIR_DENSITY_KG_PER_M3);
  assert.equal(thermal.nonIsothermal, false);
  const source: PlumeSource = { rateKgPerS: 2, heightM: 0, windSpeedMps: 2.5, stability: 'D', terrain: 'rural', molarMassGPerMol: 70.9 };
  const { source: _stated, ...stated } = combinedPlume({ ...source, releaseTemperatureK: REFERENCE_AMBIENT_K, ambientTemperatureK: REFERENCE_AMBIENT_K });
  const { source: _default, ...byDefault } = combinedPlume(source);
  assert.deepEqual(stated, byDefault);
  // Chlorine at its boiling point: ρ0 = 2.8998 · 298.15 / 239.198 = 3.6145 kg/m³.
  assert.ok(Math.abs(releaseThermal(70.9, 239.198).gasDensityKgPerM3 - 3.6145) < 1e-3);
});

/** The cold side alone (without its twin at 25 °C): what the workbook gives for the gas at its boiling point. */
const coldAlone = (combined: CombinedPlume, ppm: number) => combinedThresholdM({ ...combined, atAmbient: undefined }, ppm).distanceM;

test('chlorine 1 kg/s in 5 m/s: the cold release moves the 1 % distance from 70.4 m to 75.5 m (+7 %), not AEGL-3', () => {
  // By hand: ρ0 3.6145 kg/m³, q0 0.27667 m³/s (0.34486 at 25 °C), g0' 20.136 m/s² (14.216); 10 000 ppm read at
  // 8 034 ppm on the curves (10 000 / (0.01 + 0.99 · 298.15/239.198) · 0.01).
  const source: PlumeSource = { rateKgPerS: 1, heightM: 0, windSpeedMps: 5, stability: 'D', terrain: 'rural', molarMassGPerMol: 70.9 };
  const warm = combinedPlume(source);
  const cold = combinedPlume({ ...source, releaseTemperatureK: 239.198, ambientTemperatureK: REFERENCE_AMBIENT_K });
  assert.ok(Math.abs(cold.dense!.plume.volumeRateM3PerS - 0.27667) < 1e-4);
  const at25 = combinedThresholdM(warm, 10_000);
  const flashing = combinedThresholdM(cold, 10_000);
  assert.equal(flashing.model, 'dense-gas');
  assert.ok(Math.abs(at25.distanceM - 70.4) < 0.1, `${at25.distanceM}`);
  assert.ok(Math.abs(flashing.distanceM - 75.5) < 0.1, `${flashing.distanceM}`);
  // AEGL-3 (20 ppm): the cold gas alone reaches less far (the handover moves in), so the 25 °C end is kept.
  assert.ok(coldAlone(cold, 20) < combinedThresholdM(warm, 20).distanceM);
  assert.equal(combinedThresholdM(cold, 20).distanceM, combinedThresholdM(warm, 20).distanceM);
});

test('an LPG release at its boiling point: ½ LEL 8 % farther in a 5 m/s wind; chlorine\'s incident result names its temperature', () => {
  const source: PlumeSource = { rateKgPerS: 5, heightM: 0, windSpeedMps: 5, stability: 'D', terrain: 'rural', molarMassGPerMol: 44.1 };
  const at25 = combinedThresholdM(combinedPlume(source), 10_500).distanceM;
  const flashing = combinedThresholdM(combinedPlume({ ...source, releaseTemperatureK: 231.1, ambientTemperatureK: REFERENCE_AMBIENT_K }), 10_500).distanceM;
  assert.ok(flashing / at25 > 1.06 && flashing / at25 < 1.10, `${at25} → ${flashing}`);
  const incident = parseIncident({ text: '液氯泄漏', facts: { release: { substance: 'chlorine', rateKgPerS: 1 }, weather: { windSpeedMps: 5, windFromDeg: 45, stability: 'D', temperatureC: 10 } } });
  const plume = runField(incident, { plume: 0 }).plume!;
  assert.equal(plume.denseGas!.releaseTemperature, 'boiling-point');
  assert.equal(plume.denseGas!.releaseTemperatureK, 239.198);
  assert.equal(plume.denseGas!.ambientTemperatureK, 283.15);
  assert.ok(plume.assumptions.some((a) => /boiling point, −34 °C.*air at 10 °C/.test(a)), plume.assumptions.join(' | '));
});

const rate = fc.double({ min: 0.05, max: 200, noNaN: true });
const mass = fc.double({ min: 1, max: 100_000, noNaN: true });
const wind = fc.double({ min: 1, max: 15, noNaN: true });
const stability = fc.constantFrom(...STABILITY_CLASSES);
const liquefied = fc.constantFrom(['chlorine', 70.9], ['propane', 44.1], ['sulfur_dioxide', 64.07], ['phosgene', 98.92], ['hydrogen_sulfide', 34.08]);
const releaseK = fc.double({ min: 110, max: 298, noNaN: true });
const ppm = fc.constantFrom(0.5, 2, 20, 1000, 10_500, 21_000, 50_000);

test('property: a release colder than the air never gives a shorter distance than at 25 °C, continuous or at once', () => {
  fc.assert(fc.property(rate, mass, wind, stability, liquefied, releaseK, ppm, (q, m, u, s, [, molar], t, level) => {
    const plume = { rateKgPerS: q, heightM: 0, windSpeedMps: u, stability: s, terrain: 'rural' as const, molarMassGPerMol: molar };
    const puff = { massKg: m, heightM: 0, windSpeedMps: u, stability: s, molarMassGPerMol: molar };
    const cold = { releaseTemperatureK: t, ambientTemperatureK: REFERENCE_AMBIENT_K };
    return combinedThresholdM(combinedPlume({ ...plume, ...cold }), level).distanceM >= combinedThresholdM(combinedPlume(plume), level).distanceM
      && combinedPuffThresholdM(combinedPuff({ ...puff, ...cold }), level).distanceM >= combinedPuffThresholdM(combinedPuff(puff), level).distanceM;
  }), { seed: 20261201, numRuns: 300 });
});

test('the finding the envelope answers: the workbook alone is not monotone in the release temperature', () => {
  // Chlorine 5 kg/s, 3 m/s, class A, AEGL-3: the gas at its boiling point alone reaches 740 m, at 25 °C 790 m.
  const source: PlumeSource = { rateKgPerS: 5, heightM: 0, windSpeedMps: 3, stability: 'A', terrain: 'rural', molarMassGPerMol: 70.9 };
  const cold = combinedPlume({ ...source, releaseTemperatureK: 239.198, ambientTemperatureK: REFERENCE_AMBIENT_K });
  const aloneM = coldAlone(cold, 20);
  const at25M = combinedThresholdM(combinedPlume(source), 20).distanceM;
  assert.ok(aloneM < at25M * 0.95, `${aloneM} vs ${at25M}`);
  assert.equal(combinedThresholdM(cold, 20).distanceM, at25M);
});

test("a cold release's twin is the same release warmed to the incident's air, not to 25 °C", () => {
  const source: PlumeSource = { rateKgPerS: 5, heightM: 0, windSpeedMps: 3, stability: 'D', terrain: 'rural', molarMassGPerMol: 70.9 };
  const on = (airK: number | undefined) => combinedPlume({ ...source, releaseTemperatureK: 239.198, ambientTemperatureK: airK });
  // A winter night at −10 °C: the twin is isothermal at 263.15 K, its volume flux that of the gas at −10 °C.
  const winter = on(263.15).atAmbient!;
  assert.equal(winter.thermal.releaseK, 263.15);
  assert.equal(winter.thermal.ambientK, 263.15);
  assert.equal(winter.thermal.nonIsothermal, false);
  assert.ok(Math.abs(winter.dense!.plume.volumeRateM3PerS - 5 / (gasDensityKgPerM3(70.9) * 298.15 / 263.15)) < 1e-9);
  // No air temperature given: the twin is the release at 25 °C exactly, as before.
  const { source: _twin, ...twin } = on(undefined).atAmbient!;
  const { source: _at25, ...at25 } = combinedPlume(source);
  assert.deepEqual(twin, at25);
  // The puff's twin likewise.
  const puff = combinedPuff({ massKg: 2000, heightM: 0, windSpeedMps: 3, stability: 'D', molarMassGPerMol: 70.9, releaseTemperatureK: 239.198, ambientTemperatureK: 263.15 });
  assert.equal(puff.atAmbient!.thermal.releaseK, 263.15);
  assert.equal(puff.atAmbient!.thermal.nonIsothermal, false);
});
