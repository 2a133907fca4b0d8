// Property tests (fast-check, fixed seed, bounded runs) over the fire model: stronger wind never gives a
// slower or smaller fire, a steeper slope never a slower one, drier fuel never a slower one, and the
// ellipse's length-to-width ratio stays within 1 and BehavePlus's cap of 8.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fireGrowth, fireSpread } from './index.js';
import { MAX_LENGTH_TO_WIDTH } from './rothermel.js';
import { fuelModel } from './fuelModels.js';
import type { FireCase } from './surrogateFeatures.js';
import { parseIncident } from '../../../contract/parseIncident.js';

const RUNS = { seed: 20261130, numRuns: 400 };
// Relative slack for floating-point noise only.
const EPS = 1e-9;

const fireCase = fc.integer({ min: 1, max: 13 }).chain((model) => fc.record({
  fuelModel: fc.constant(model),
  midflameWindMps: fc.double({ min: 0, max: 30, noNaN: true }),
  slopePct: fc.double({ min: 0, max: 200, noNaN: true }),
  deadMoisturePct: fc.double({ min: 1, max: fuelModel(model).deadExtinctionMoisturePct * 0.999, noNaN: true }),
  liveMoisturePct: fc.double({ min: 30, max: 300, noNaN: true }),
  windFromUpslopeDeg: fc.constantFrom(0, 0, 45, 90, 180, 270),
}));
const grow = (c: FireCase) => fireGrowth(c, 60);
const notLess = (more: number, less: number) => more >= less * (1 - EPS) - 1e-12;

test('stronger wind never gives a lower head rate, nor a smaller area once there is a wind (wind blowing upslope)', () => {
  fc.assert(fc.property(fireCase, fc.double({ min: 0, max: 10, noNaN: true }), (c, extra) => {
    const base = { ...c, windFromUpslopeDeg: 0 };
    const a = grow(base);
    const b = grow({ ...base, midflameWindMps: base.midflameWindMps + extra });
    assert.ok(notLess(b.rateMPerMin, a.rateMPerMin), `rate ${b.rateMPerMin} < ${a.rateMPerMin}`);
    // Below ~0.3 m/s of effective wind the BehavePlus ellipse loses backing spread faster than the head
    // gains (next test); from 0.5 m/s on, more wind is always a bigger fire.
    if (a.effectiveWindMps >= 0.5) assert.ok(notLess(b.areaHa, a.areaHa), `area ${b.areaHa} < ${a.areaHa}`);
  }), RUNS);
});

test('near calm the area dips by at most a third before it grows: the BehavePlus ellipse, not a defect of ours', () => {
  fc.assert(fc.property(fireCase, fc.double({ min: 0, max: 0.5, noNaN: true }), (c, windMps) => {
    const calm = grow({ ...c, midflameWindMps: 0, slopePct: 0 });
    const breeze = grow({ ...c, midflameWindMps: windMps, slopePct: 0 });
    assert.ok(breeze.areaHa >= calm.areaHa * (2 / 3), `${breeze.areaHa} vs calm ${calm.areaHa}`);
  }), RUNS);
});

test('a steeper slope never lowers the head rate unless the wind blows against it', () => {
  // With a downslope wind component the slope first cancels the wind (vector sum, Rothermel 1983).
  fc.assert(fc.property(fireCase, fc.constantFrom(0, 30, 90, 270, 330), fc.double({ min: 0, max: 100, noNaN: true }), (raw, angle, extra) => {
    const c = { ...raw, windFromUpslopeDeg: angle };
    const a = grow(c);
    const b = grow({ ...c, slopePct: c.slopePct + extra });
    assert.ok(notLess(b.rateMPerMin, a.rateMPerMin), `rate ${b.rateMPerMin} < ${a.rateMPerMin}`);
  }), RUNS);
});

test('drier dead or live fuel never spreads slower', () => {
  fc.assert(fc.property(fireCase, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (c, deadShare, liveShare) => {
    const a = grow(c);
    const drierDead = grow({ ...c, deadMoisturePct: 1 + (c.deadMoisturePct - 1) * deadShare });
    const drierLive = grow({ ...c, liveMoisturePct: 30 + (c.liveMoisturePct - 30) * liveShare });
    assert.ok(notLess(drierDead.rateMPerMin, a.rateMPerMin), `dead ${drierDead.rateMPerMin} < ${a.rateMPerMin}`);
    assert.ok(notLess(drierLive.rateMPerMin, a.rateMPerMin), `live ${drierLive.rateMPerMin} < ${a.rateMPerMin}`);
  }), RUNS);
});

test('length-to-width stays within 1 and 8; the back rate never exceeds the head rate', () => {
  fc.assert(fc.property(fireCase, (c) => {
    const g = grow(c);
    assert.ok(g.lengthToWidthRatio >= 1 && g.lengthToWidthRatio <= MAX_LENGTH_TO_WIDTH, `L/W ${g.lengthToWidthRatio}`);
    assert.ok(g.backRateMPerMin >= 0 && g.backRateMPerMin <= g.rateMPerMin * (1 + EPS));
    assert.ok(Number.isFinite(g.areaHa) && g.areaHa >= 0 && Number.isFinite(g.effectiveWindMps) && g.effectiveWindMps >= 0);
  }), RUNS);
});

test('a calm fire on a steep slope is an ellipse pointing upslope, not a circle', () => {
  const incident = parseIncident({ text: 'grass fire', facts: { fire: { fuelModel: 1, midflameWindSpeedMps: 0, slopePct: 60, upslopeTowardDeg: 30 } } });
  const fire = fireSpread(incident, incident.facts.fire!);
  assert.ok(fire.lengthToBreadth > 1.2 && fire.effectiveWindSpeedMps > 0, `L/W ${fire.lengthToBreadth}`);
  assert.equal(fire.ellipse.spreadTowardDeg, 30);
});

test('grass under 8 m/s midflame wind burns more in an hour than under 4 m/s', () => {
  const area = (mps: number) => {
    const incident = parseIncident({ text: 'grass fire', facts: { fire: { fuelModel: 1, midflameWindSpeedMps: mps } } });
    return fireSpread(incident, incident.facts.fire!).ellipse.areaHa;
  };
  assert.ok(area(8) > area(4), `${area(8)} ha vs ${area(4)} ha`);
});

test('direction of maximum spread: downwind, upslope, or the two added as vectors', () => {
  const run = (facts: Record<string, unknown>) => { const i = parseIncident({ text: 'fire', facts }); return fireSpread(i, i.facts.fire!); };
  assert.equal(run({ fire: { fuelModel: 1 }, weather: { windSpeedMps: 5, windFromDeg: 270 } }).ellipse.spreadTowardDeg, 90, 'downwind of a west wind');
  assert.equal(run({ fire: { fuelModel: 1, midflameWindSpeedMps: 2 } }).ellipse.spreadTowardDeg, null, 'no bearing known');
  assert.equal(run({ fire: { fuelModel: 1, slopePct: 30, upslopeTowardDeg: 200 } }).ellipse.spreadTowardDeg, 200, 'upslope');
  // A north wind (blowing south, 180°) on a slope rising to the east (90°): between the two, nearer the stronger.
  const crossed = run({ fire: { fuelModel: 1, slopePct: 30, upslopeTowardDeg: 90 }, weather: { windSpeedMps: 5, windFromDeg: 0 } });
  const toward = crossed.ellipse.spreadTowardDeg!;
  assert.ok(toward > 90 && toward < 180, `${toward}`);
  assert.equal(crossed.inputsUsed.windFromUpslopeDeg, 90);
});
