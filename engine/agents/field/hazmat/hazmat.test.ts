// ERG 2016 rows looked up (docs/validation.md, "Hazardous materials") and the unknown-substance path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIncident } from '../../../contract/parseIncident.js';
import { runField } from '../index.js';
import { hazmatGuidance, judgeSpillSize } from './index.js';
import { readReport } from '../../reading/index.js';

const incident = (substance: string, release: Record<string, number> = {}) => parseIncident({
  text: 'x', reportedAt: '2024-05-01T10:00:00+08:00',
  facts: { release: { substance, rateKgPerS: 1, ...release }, weather: { windSpeedMps: 3, windFromDeg: 90 } },
});

test('ERG Table 1 small spills: chlorine 60 m / 0.3 km day; H2S large 400 m / 2.1 km day / 5.4 km night', () => {
  const cl = hazmatGuidance(incident('chlorine'), { ...incident('chlorine').facts.release!, massKg: 50 });
  assert.deepEqual([cl.source, cl.spillSize, cl.isolationM, cl.protectiveActionDayKm], ['table1', 'small', 60, 0.3]);
  const h2s = hazmatGuidance(incident('h2s'), incident('h2s').facts.release!);
  assert.deepEqual([h2s.source, h2s.spillSize, h2s.isolationM, h2s.protectiveActionDayKm, h2s.protectiveActionNightKm], ['table1', 'large', 400, 2.1, 5.4]);
});

test('ERG Table 3 large chlorine spill: the largest row (rail tank car, low wind) 1000 m, 9.9 km day, 11 km night', () => {
  const h = hazmatGuidance(incident('chlorine'), incident('chlorine').facts.release!);
  assert.deepEqual([h.source, h.isolationM, h.protectiveActionDayKm, h.protectiveActionNightKm], ['table3', 1000, 9.9, 11]);
});

test('LPG: Guide 115, isolate 100 m, large spill 800 m downwind, tank in fire 1600 m', () => {
  const h = hazmatGuidance(incident('液化石油气'), incident('液化石油气').facts.release!);
  assert.deepEqual([h.ergGuide, h.isolationM, h.protectiveActionDayKm, h.fireIsolationM], [115, 100, 0.8, 1600]);
});

test('unknown substance: no plume, Guide 111 (100 m, tank fire 800 m) and a warning naming it', () => {
  const f = runField(incident('kryptonite'));
  assert.equal(f.plume, undefined);
  assert.equal(f.flammable, undefined);
  assert.deepEqual([f.hazmat?.ergGuide, f.hazmat?.isolationM, f.hazmat?.fireIsolationM], [111, 100, 800]);
  assert.ok(f.hazmat?.warnings[0]?.includes("'kryptonite'"));
});

test('spill size: 208 L is the line; rate × duration counts when no inventory is stated', () => {
  assert.equal(judgeSpillSize({ substance: 'propane', rateKgPerS: 1, heightM: 0, massKg: 100 }, 585.3).size, 'small');
  assert.equal(judgeSpillSize({ substance: 'propane', rateKgPerS: 1, heightM: 0, massKg: 200 }, 585.3).size, 'large');
  assert.equal(judgeSpillSize({ substance: 'propane', rateKgPerS: 1, heightM: 0, durationMin: 10 }, 585.3).size, 'large');
});

test('the report reader finds LPG, 液化石油气, propane and UN1075 as the released substance', () => {
  for (const text of ['液化石油气槽车侧翻泄漏', 'LPG tanker overturned', 'propane leak at the depot', 'placard UN1075 on the tanker']) {
    const reading = readReport(parseIncident({ text }));
    const fact = reading.facts.find((f) => f.fact === 'release.substance');
    assert.equal(fact?.value, 'propane', text);
  }
});
