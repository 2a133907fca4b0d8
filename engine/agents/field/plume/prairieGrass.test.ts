// The Gaussian plume against a field trial (docs/validation.md, "Gaussian plume against Prairie Grass"): the
// engine's centreline concentration at each arc against the arc's observed maximum, 53 runs of Project Prairie
// Grass (1956), scored by the fraction within a factor of two (FAC2) and the geometric mean bias, as the
// model-evaluation literature scores such comparisons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { StabilityClass } from '../../../contract/taxonomy.js';
import { concentrationPpm, ppmToMgPerM3 } from './gaussianPlume.js';

interface Run {
  run: number; sourceGPerS: number; sourceHeightM: number; windSpeedMps: number; moninObukhovLengthM: number;
  arcs: Array<{ downwindM: number; observedMaxMgPerM3: number }>;
}
const fixture = JSON.parse(readFileSync(new URL('../../../../../engine/agents/field/plume/prairieGrassArcs.json', import.meta.url), 'utf8')) as { source: { roughnessLengthM: number }; runs: Run[] };
const SO2_G_PER_MOL = 64.07;

/** Each run's Pasquill class: the one whose Monin–Obukhov length at the site's roughness is nearest in 1/L, with the
 *  class lengths of Pasquill (1974) as GasDispersion.jl gives them (L = −11.4·z0^0.10 … +26·z0^0.17; D neutral). */
function classOf(lengthM: number, z0M: number): StabilityClass {
  const lengths: Record<StabilityClass, number> = { A: -11.4 * z0M ** 0.1, B: -26 * z0M ** 0.17, C: -123 * z0M ** 0.3, D: Infinity, E: 123 * z0M ** 0.3, F: 26 * z0M ** 0.17 };
  let best: StabilityClass = 'D';
  for (const [c, l] of Object.entries(lengths) as Array<[StabilityClass, number]>) {
    if (Math.abs(1 / lengthM - 1 / l) < Math.abs(1 / lengthM - 1 / lengths[best])) best = c;
  }
  return best;
}

function pairs(): Array<{ stability: StabilityClass; downwindM: number; ratio: number }> {
  return fixture.runs.flatMap((r) => {
    const stability = classOf(r.moninObukhovLengthM, fixture.source.roughnessLengthM);
    const source = { rateKgPerS: r.sourceGPerS / 1000, heightM: r.sourceHeightM, windSpeedMps: r.windSpeedMps, stability, terrain: 'rural' as const, molarMassGPerMol: SO2_G_PER_MOL };
    return r.arcs.map((a) => ({ stability, downwindM: a.downwindM, ratio: ppmToMgPerM3(concentrationPpm(source, a.downwindM), SO2_G_PER_MOL) / a.observedMaxMgPerM3 }));
  });
}

const fac2 = (ratios: number[]) => ratios.filter((r) => r >= 0.5 && r <= 2).length / ratios.length;
const geometricMean = (ratios: number[]) => Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);

test('Prairie Grass: 265 arc maxima of 53 runs, FAC2 0.796, predicted over observed 0.963 (geometric mean)', () => {
  const all = pairs();
  assert.equal(fixture.runs.length, 53);
  assert.equal(all.length, 265);
  const ratios = all.map((p) => p.ratio);
  assert.ok(Math.abs(fac2(ratios) - 0.796) < 0.005, `FAC2 ${fac2(ratios)}`);
  assert.ok(Math.abs(geometricMean(ratios) - 0.963) < 0.005, `MG ${geometricMean(ratios)}`);
  // Where it errs: a clear night's class F overpredicts (1.8 times), class A underpredicts (0.63).
  const byClass = (c: StabilityClass) => all.filter((p) => p.stability === c).map((p) => p.ratio);
  assert.ok(Math.abs(geometricMean(byClass('F')) - 1.796) < 0.01);
  assert.ok(Math.abs(geometricMean(byClass('A')) - 0.629) < 0.01);
  assert.ok(fac2(byClass('C')) > 0.95);
  // The classes found: 15 A, 15 B, 75 C, 95 D, 35 E, 30 F arcs.
  assert.deepEqual(['A', 'B', 'C', 'D', 'E', 'F'].map((c) => byClass(c as StabilityClass).length), [15, 15, 75, 95, 35, 30]);
});

test('Prairie Grass: the fixture is the data as extracted (run 7, the first 50 m arc)', () => {
  const run7 = fixture.runs.find((r) => r.run === 7)!;
  // DisperSim3D's Prairie Grass benchmark gives run 7 at 89.9 g/s, 4.44 m/s, 97.8 mg/m³ at 50 m and 23.3 at 100 m.
  assert.equal(run7.sourceGPerS, 89.9);
  assert.equal(run7.windSpeedMps, 4.44);
  assert.deepEqual(run7.arcs.slice(0, 2).map((a) => a.observedMaxMgPerM3), [97.8, 23.3]);
  assert.equal(classOf(run7.moninObukhovLengthM, fixture.source.roughnessLengthM), 'B', 'L = −9.8 m: class B, as DisperSim3D takes it');
});
