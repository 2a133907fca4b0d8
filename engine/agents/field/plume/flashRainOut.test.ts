// A pressure-liquefied gas's flash, aerosol and rain-out (docs/physics.md, "Aerosol and rain-out"; docs/validation.md,
// "Flash and rain-out"): the flash fraction against the equation of state's isenthalpic flash and a published worked
// example, the CCPS rule's bounds, and what the F-Agent reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseIncident } from '../../../contract/parseIncident.js';
import { findSubstance, SUBSTANCES } from '../../../contract/substances.js';
import { runField } from '../index.js';
import { airborneFraction, flashFraction, flashRainOutOf } from './flashRainOut.js';

const substance = (key: string) => findSubstance(key)!;

// The isenthalpic flash to 1 atm of the saturated liquid at T (CoolProp 8.0.0, run here: x at p = 101 325 Pa and
// h = h_L,sat(T)), the reference the Cp form is checked against (docs/validation.md).
const ISENTHALPIC: Record<string, Record<number, number>> = {
  chlorine: { 0: 0.1126, 10: 0.1464, 25: 0.198, 35: 0.2331 },
  ammonia: { 0: 0.1104, 10: 0.1444, 25: 0.1962, 35: 0.2316 },
  hydrogen_sulfide: { 0: 0.2241, 10: 0.2631, 25: 0.3233, 35: 0.3651 },
  hydrogen_chloride: { 0: 0.3395, 10: 0.3862, 25: 0.4635, 35: 0.5238 },
  sulfur_dioxide: { 0: 0.0351, 10: 0.0703, 25: 0.1237, 35: 0.1598 },
  propane: { 0: 0.2341, 10: 0.2938, 25: 0.3871, 35: 0.4523 },
};

test('the flash fraction against the equation of state: within 0.5 % at 25 °C and 6 % over 0–35 °C', () => {
  for (const [key, byC] of Object.entries(ISENTHALPIC)) {
    for (const [c, expected] of Object.entries(byC)) {
      const split = flashRainOutOf(substance(key), Number(c));
      assert.equal(split.basis, 'flash-rain-out', key);
      const error = split.flashFraction! / expected - 1;
      assert.ok(Math.abs(error) < (Number(c) === 25 ? 0.005 : 0.06), `${key} at ${c} °C: ${split.flashFraction} vs ${expected}`);
    }
  }
  // By hand: chlorine at 25 °C, 963.9 · (298.15 − 239.198) / 286 960 = 0.19802; airborne 2F = 0.39604.
  const chlorine = flashRainOutOf(substance('chlorine'), 25);
  assert.ok(Math.abs(chlorine.flashFraction! - 0.19802) < 1e-5);
  assert.ok(Math.abs(chlorine.airborneFraction - 0.39604) < 1e-5);
});

test('which releases get a split, and the conservative all-vapour case otherwise', () => {
  const split = SUBSTANCES.filter((s) => flashRainOutOf(s, 25).basis === 'flash-rain-out').map((s) => s.key);
  assert.deepEqual(split, ['chlorine', 'ammonia', 'hydrogen_sulfide', 'hydrogen_chloride', 'sulfur_dioxide', 'propane']);
  assert.equal(flashRainOutOf(substance('phosgene'), 25).basis, 'no-flash-properties');
  assert.equal(flashRainOutOf(substance('phosgene'), 25).airborneFraction, 1);
  assert.equal(flashRainOutOf(substance('chlorine')).basis, 'storage-temperature-unknown', 'no air temperature: the tank\'s is unknown');
  assert.equal(flashRainOutOf(substance('chlorine')).airborneFraction, 1);
  assert.equal(flashRainOutOf(substance('lng'), 25).basis, 'not-pressure-liquefied', 'a refrigerated liquid boils off, it does not flash');
  assert.equal(flashRainOutOf(substance('methane'), 25).basis, 'not-pressure-liquefied');
  assert.equal(flashRainOutOf(substance('chlorine'), -40).basis, 'not-pressure-liquefied', 'below its boiling point chlorine is a liquid');
});

test('properties: more superheat never less airborne; the airborne share within [flash, 1]', () => {
  const props = fc.record({ cp: fc.double({ min: 500, max: 6000, noNaN: true }), dh: fc.double({ min: 100_000, max: 2_000_000, noNaN: true }) });
  fc.assert(fc.property(props, fc.double({ min: 80, max: 300, noNaN: true }), fc.double({ min: 0, max: 150, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), ({ cp, dh }, tb, superheat, more) => {
    const f1 = flashFraction(cp, dh, tb + superheat, tb);
    const f2 = flashFraction(cp, dh, tb + superheat + more, tb);
    assert.ok(f2 >= f1);
    assert.ok(airborneFraction(f2) >= airborneFraction(f1));
    for (const f of [f1, f2]) {
      assert.ok(f >= 0 && f <= 1);
      assert.ok(airborneFraction(f) >= f && airborneFraction(f) <= 1);
    }
  }), { seed: 1212, numRuns: 500 });
  // The same through the substance table and the air's temperature.
  const liquefied = fc.constantFrom('chlorine', 'ammonia', 'hydrogen_sulfide', 'hydrogen_chloride', 'sulfur_dioxide', 'propane');
  fc.assert(fc.property(liquefied, fc.double({ min: -10, max: 55, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (key, c, warmer) => {
    const a = flashRainOutOf(substance(key), c);
    const b = flashRainOutOf(substance(key), c + warmer);
    assert.ok(b.airborneFraction >= a.airborneFraction, `${key} ${c} → ${c + warmer}`);
    if (a.flashFraction !== null) assert.ok(a.airborneFraction >= a.flashFraction && a.airborneFraction <= 1);
  }), { seed: 1213, numRuns: 300 });
});

test('a published worked example: n-butane at 25 °C (a chemical engineer\'s notebook, 2020, after CCPS; Perry\'s correlations)', () => {
  // The notebook's butane-leak example (selenized.github.io, 2020-11-20) evaluates Cp and ΔHv at the release temperature with Perry's (8th ed.)
  // correlations (J/kmol/K, J/kmol) and gets F = 0.17128; the RELEASE model then keeps 92.28 % of the rest airborne.
  const t = 298.15;
  const tb = -0.6 + 273.15;
  const tc = 425.12;
  const cp = 191030 - 1675 * t + 12.5 * t ** 2 - 0.03874 * t ** 3 + 4.6121e-5 * t ** 4;
  const tr = t / tc;
  const dh = 3.6238e7 * (1 - tr) ** (0.8337 - 0.82274 * tr + 0.39613 * tr ** 2);
  const f = flashFraction(cp, dh, t, tb);
  assert.ok(Math.abs(f - 0.17128269541302374) < 1e-9, String(f));
  // The rule's airborne share against RELEASE's for the same jet: 0.3426 against 0.9360. The engine keeps the whole
  // release in its dispersion because of this spread (docs/physics.md, "Aerosol and rain-out").
  const release = f + (1 - f) * 0.9227949810754577;
  assert.ok(Math.abs(airborneFraction(f) - 0.34257) < 1e-4);
  assert.ok(Math.abs(release - 0.93602) < 1e-4);
});

test('through the F-Agent: the split is reported, the dispersion keeps the whole release', () => {
  const weather = { windSpeedMps: 2.5, windFromDeg: 45, daytime: true, cloudOktas: 0 };
  const at = (release: object, temperatureC?: number) => runField(parseIncident({ text: 'chlorine release', facts: { release, weather: { ...weather, ...(temperatureC === undefined ? {} : { temperatureC }) } } }));
  const puff = at({ substance: 'chlorine', releaseMassKg: 1000 }, 20);
  const split = puff.plume!.flashRainOut!;
  assert.equal(split.dispersionSource, 'whole-release');
  // 963.9 · (293.15 − 239.198) / 286 960 = 0.18122: 362.4 kg airborne, 637.6 kg rained out.
  assert.ok(Math.abs(split.airborneMassKg! - 362.4) < 0.2, String(split.airborneMassKg));
  assert.ok(Math.abs(split.rainedOutPoolMassKg! - 637.6) < 0.2);
  const unknownTank = at({ substance: 'chlorine', releaseMassKg: 1000 });
  assert.equal(unknownTank.plume!.flashRainOut!.basis, 'storage-temperature-unknown');
  assert.equal(unknownTank.plume!.flashRainOut!.airborneFraction, 1);
  // Far out the Gaussian puff decides and its peak is linear in the mass: the whole tonne, not its airborne share.
  const far = (r: typeof puff) => r.plume!.centrelinePpm.find((c) => c.downwindM === 10_000)!.ppm;
  assert.ok(Math.abs(far(puff) / far(unknownTank) - 1) < 1e-9, `${far(puff)} / ${far(unknownTank)}`);
  // A finite release: the rates and the pool's mass.
  const plume = at({ substance: 'chlorine', rateKgPerS: 2, durationMin: 30 }, 20);
  assert.ok(Math.abs(plume.plume!.flashRainOut!.rainedOutRateKgPerS! - 1.275) < 0.001);
  assert.ok(Math.abs(plume.plume!.flashRainOut!.rainedOutPoolMassKg! - 2295.2) < 0.5);
  assert.equal(plume.plume!.inputsUsed.rateKgPerS, 2);
  // LPG at once: the split on the flammable cloud; its fuel and the fireball are the whole mass.
  const lpg = runField(parseIncident({ text: 'LPG tank ruptured', facts: { release: { substance: 'propane', releaseMassKg: 20_000 }, weather: { windSpeedMps: 2, windFromDeg: 90, stability: 'A', temperatureC: 15 } } }));
  const lpgSplit = lpg.flammable!.vapourCloud!.flashRainOut!;
  // 2454.8 · (288.15 − 231.1) / 425 590 = 0.32906: airborne 0.65813, 13 162.6 kg.
  assert.ok(Math.abs(lpgSplit.airborneMassKg! - 13_162.6) < 1, String(lpgSplit.airborneMassKg));
  assert.equal(lpg.flammable!.explosion!.fuelMassKg, 20_000);
  assert.equal(lpg.flammable!.bleve!.massKg, 20_000);
  // Not a liquefied gas: no split.
  const lng = runField(parseIncident({ text: 'LNG', facts: { release: { substance: 'lng', rateKgPerS: 10 }, weather: { windSpeedMps: 3, windFromDeg: 90, stability: 'D', temperatureC: 15 } } }));
  assert.equal(lng.flammable!.vapourCloud!.flashRainOut, undefined);
});
