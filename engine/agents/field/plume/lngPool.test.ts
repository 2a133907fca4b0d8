// An LNG pool (docs/physics.md, "An LNG pool"; docs/validation.md): the equilibrium pool on water and on land, a
// bund, by hand and as properties, and what the F-Agent reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseIncident } from '../../../contract/parseIncident.js';
import { findSubstance } from '../../../contract/substances.js';
import { runField } from '../index.js';
import { bundCapsAfterS, groundHeatFluxWPerM2, LNG_HEAT_OF_VAPORISATION_J_PER_KG, lngPoolOf, METHANE_ON_WATER_HEAT_FLUX_W_PER_M2 } from './lngPool.js';

const lng = findSubstance('lng')!;
const close = (actual: number, expected: number, relative: number, what: string) =>
  assert.ok(Math.abs(actual / expected - 1) < relative, `${what}: ${actual} vs ${expected}`);

test('on water: 92 kW/m² (Chang 1981) over 510.83 kJ/kg, 0.18010 kg/m²/s; 10 kg/s pools over 55.5 m²', () => {
  const flux = METHANE_ON_WATER_HEAT_FLUX_W_PER_M2 / LNG_HEAT_OF_VAPORISATION_J_PER_KG;
  close(flux, 0.180099, 1e-5, 'flux');
  close(flux / lng.liquidDensityKgPerM3!, 4.2641e-4, 1e-4, 'regression rate (m/s) at 422.36 kg/m³');
  const pool = lngPoolOf(lng, { rateKgPerS: 10, spillSurface: 'water' })!;
  close(pool.poolAreaM2, 55.525, 1e-4, 'area');
  close(pool.poolRadiusM, 4.20406, 1e-4, 'radius');
  assert.equal(pool.vapourRateKgPerS, 10);
  assert.equal(pool.surfaceSource, 'stated');
});

test('on land: concrete at 25 °C cooling under the pool; a bund', () => {
  // q = 1.28 · 186.483 / √(π · 6.6e-7 · 3600) = 2762.81 W/m²; flux 5.40847e-3 kg/m²/s; 10 kg/s over 1848.95 m².
  close(groundHeatFluxWPerM2(298.15, 111.667, 3600), 2762.81, 1e-5, 'heat flux');
  const open = lngPoolOf(lng, { rateKgPerS: 10 })!;
  assert.equal(open.surface, 'land');
  assert.equal(open.surfaceSource, 'assumed');
  close(open.poolAreaM2, 1848.95, 1e-5, 'area at 60 min');
  close(open.poolRadiusM, 24.2598, 1e-5, 'radius');
  const tenMin = lngPoolOf(lng, { rateKgPerS: 10, durationMin: 10 })!;
  close(tenMin.poolAreaM2, 754.831, 1e-5, 'area at 10 min');
  // A 200 m² bund: full from 42.1 s on; by 60 min it lets off 5.40847e-3 · 200 = 1.0817 kg/s.
  const bunded = lngPoolOf(lng, { rateKgPerS: 10, bundAreaM2: 200 })!;
  assert.ok(bunded.confinedByBund);
  assert.equal(bunded.poolAreaM2, 200);
  close(bunded.bundCapsAfterS!, 42.1223, 1e-4, 'bund caps after');
  close(bunded.vapourRateKgPerS, 1.08169, 1e-4, 'vapour at 60 min');
  close(bundCapsAfterS(10, 200, 298.15, 111.667), 42.1223, 1e-4, 'bundCapsAfterS');
  // A bund larger than the pool holds nothing back.
  const wide = lngPoolOf(lng, { rateKgPerS: 10, bundAreaM2: 5000 })!;
  assert.equal(wide.confinedByBund, false);
  assert.equal(wide.vapourRateKgPerS, 10);
  // Only a refrigerated liquid spilled at a rate has a pool here.
  assert.equal(lngPoolOf(findSubstance('propane')!, { rateKgPerS: 10 }), null);
  assert.equal(lngPoolOf(findSubstance('methane')!, { rateKgPerS: 10 }), null);
  assert.equal(lngPoolOf(lng, {}), null, 'a mass at once');
});

test('properties: a larger spill never a smaller pool; the vapour never more than the spill; a larger bund never less vapour', () => {
  const surface = fc.constantFrom<'land' | 'water' | undefined>('land', 'water', undefined);
  const duration = fc.option(fc.double({ min: 0.5, max: 1440, noNaN: true }), { nil: undefined });
  const bund = fc.option(fc.double({ min: 1, max: 100_000, noNaN: true }), { nil: undefined });
  fc.assert(fc.property(fc.double({ min: 0.01, max: 10_000, noNaN: true }), fc.double({ min: 1, max: 3, noNaN: true }), surface, duration, bund, fc.double({ min: -60, max: 60, noNaN: true }), (rate, more, spillSurface, durationMin, bundAreaM2, airC) => {
    const release = { rateKgPerS: rate, spillSurface, durationMin, bundAreaM2 };
    const small = lngPoolOf(lng, release, airC)!;
    const large = lngPoolOf(lng, { ...release, rateKgPerS: rate * more }, airC)!;
    assert.ok(large.poolAreaM2 >= small.poolAreaM2 * (1 - 1e-12), 'larger spill, pool');
    assert.ok(small.vapourRateKgPerS <= rate * (1 + 1e-12), 'vapour ≤ spill');
    if (bundAreaM2 !== undefined) {
      const wider = lngPoolOf(lng, { ...release, bundAreaM2: bundAreaM2 * more }, airC)!;
      assert.ok(wider.vapourRateKgPerS >= small.vapourRateKgPerS * (1 - 1e-12), 'larger bund, vapour');
      if (small.surface === 'land') assert.ok(small.poolAreaM2 <= bundAreaM2 * (1 + 1e-12), 'the bund holds the pool');
    }
  }), { seed: 1214, numRuns: 500 });
});

test('through the F-Agent: the pool on the LEL cloud; the distances keep the spill rate', () => {
  const at = (release: object) => runField(parseIncident({ text: 'LNG spill', facts: { release: { substance: 'lng', rateKgPerS: 10, ...release }, weather: { windSpeedMps: 3, windFromDeg: 90, stability: 'D' } } }));
  const before = at({});
  const water = at({ spillSurface: 'water' });
  const bunded = at({ bundAreaM2: 200 });
  const pool = bunded.flammable!.vapourCloud!.lngPool!;
  assert.equal(pool.confinedByBund, true);
  assert.equal(pool.dispersionRateKgPerS, 10);
  assert.match(pool.dispersionNote, /highest vapour rate/);
  close(water.flammable!.vapourCloud!.lngPool!.poolRadiusM, 4.204, 1e-3, 'water radius');
  for (const r of [water, bunded]) {
    assert.equal(r.flammable!.vapourCloud!.lel.distanceM, before.flammable!.vapourCloud!.lel.distanceM);
    assert.equal(r.flammable!.vapourCloud!.halfLel.distanceM, before.flammable!.vapourCloud!.halfLel.distanceM);
  }
  // The LNG reference case (docs/validation.md, "LNG, by hand"): LEL 219 m, ½ LEL 342 m, unchanged.
  assert.equal(before.flammable!.vapourCloud!.lel.distanceM, 219);
  assert.equal(before.flammable!.vapourCloud!.halfLel.distanceM, 342);
  assert.equal(runField(parseIncident({ text: 'LPG', facts: { release: { substance: 'propane', rateKgPerS: 5 }, weather: { windSpeedMps: 3, windFromDeg: 90, stability: 'D' } } })).flammable!.vapourCloud!.lngPool, undefined);
});
