// Each physical model against values computed by hand from the published equations (see comments).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { briggsSigmas } from './plume/dispersion.js';
import { concentrationPpm, thresholdDistanceM, ppmToMgPerM3 } from './plume/gaussianPlume.js';
import { pasquillStability } from './plume/stability.js';
import { rothermelSpread, lengthToWidth } from './fire/rothermel.js';
import { fuelModel } from './fire/fuelModels.js';
import { weirInflowM3PerS, hoursToDepths, scsRunoffMm } from './flood/leveeBreach.js';
import { intensityAt, radiusForIntensityKm } from '../common/quakeIntensity.js';
import { fatalityRate } from './quake/pager.js';
import { runField } from './index.js';
import { parseIncident } from '../../contract/parseIncident.js';

const close = (actual: number, expected: number, relTol: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= relTol * Math.abs(expected), `${what}: ${actual} vs ${expected}`);

test('Briggs rural D at 1 km: σy = 0.08x(1+0.0001x)^-½, σz = 0.06x(1+0.0015x)^-½', () => {
  const { sigmaYM, sigmaZM } = briggsSigmas(1000, 'D', 'rural');
  close(sigmaYM, 80 / Math.sqrt(1.1), 1e-12, 'σy'); // 76.277 m
  close(sigmaZM, 60 / Math.sqrt(2.5), 1e-12, 'σz'); // 37.947 m
});

test('ground-level centreline concentration: 1 kg/s chlorine, 5 m/s, rural D, 1 km ≈ 7.585 ppm', () => {
  // C = 1e6 mg/s / (π · 5 · 76.277 · 37.947) = 21.994 mg/m³ → × 24.45 / 70.9 = 7.5847 ppm
  const ppm = concentrationPpm({ rateKgPerS: 1, heightM: 0, windSpeedMps: 5, stability: 'D', terrain: 'rural', molarMassGPerMol: 70.9 }, 1000);
  close(ppm, 7.5847, 1e-4, 'ppm');
});

test('elevated release applies the ground-reflection height term exp(−H²/2σz²)', () => {
  // Ammonia 2 kg/s at 10 m, 2 m/s, rural F, x = 2 km: σy = 73.030, σz = 20.000 → 276.12 ppm
  const ppm = concentrationPpm({ rateKgPerS: 2, heightM: 10, windSpeedMps: 2, stability: 'F', terrain: 'rural', molarMassGPerMol: 17.03 }, 2000);
  close(ppm, 276.12, 1e-4, 'ppm');
});

test('threat distance is where the centreline falls to the level', () => {
  const source = { rateKgPerS: 1, heightM: 0, windSpeedMps: 3, stability: 'D' as const, terrain: 'rural' as const, molarMassGPerMol: 70.9 };
  const d = thresholdDistanceM(source, 2.0);
  assert.ok(concentrationPpm(source, d) >= 2.0);
  assert.ok(concentrationPpm(source, d + 5) < 2.0);
  assert.ok(thresholdDistanceM(source, 0.5) > thresholdDistanceM(source, 2.0), 'AEGL-1 reaches farther than AEGL-2');
  assert.ok(thresholdDistanceM({ ...source, stability: 'F' }, 2.0) > d, 'stable air carries the plume farther');
});

test('ppm to mg/m³ uses 24.45 L/mol', () => close(ppmToMgPerM3(1, 24.45), 1, 1e-12, 'identity'));

test('Pasquill–Turner stability table', () => {
  assert.equal(pasquillStability({ windSpeedMps: 1.5, daytime: true, insolation: 'strong' }).stability, 'A');
  assert.equal(pasquillStability({ windSpeedMps: 4, daytime: true, insolation: 'moderate' }).stability, 'C');
  assert.equal(pasquillStability({ windSpeedMps: 2.5, daytime: false, cloudOktas: 2 }).stability, 'F');
  assert.equal(pasquillStability({ windSpeedMps: 2.5, daytime: false, cloudOktas: 5 }).stability, 'E');
  assert.equal(pasquillStability({ windSpeedMps: 7, daytime: true, insolation: 'strong' }).stability, 'C');
  assert.equal(pasquillStability({ windSpeedMps: 1, daytime: false, cloudOktas: 8 }).stability, 'D');
});

test('Rothermel fuel model 1 (single dead class) against the equations by hand', () => {
  // w0 = 0.74·2000/43560 = 0.033976 lb/ft², σ = 3500, δ = 1 ft, Mx = 0.12, Mf = 0.06:
  // β = 0.0010618, β_op = 0.0042504, Γ' via A = 133σ^-0.7913, I_R = 825.46 Btu/ft²/min,
  // ξ = 0.0197..., no wind R0 = 4.6047 ft/min; with U = 440 ft/min (5 mi/h): R = 103.28 ft/min.
  const fm1 = fuelModel(1);
  const calm = rothermelSpread(fm1, { deadMoisture: 0.06, liveMoisture: 1, midflameWindFtPerMin: 0, slopeTan: 0 });
  close(calm.reactionIntensityBtuPerFt2Min, 825.462, 1e-5, 'I_R');
  close(calm.rateOfSpreadFtPerMin, 4.60466, 1e-5, 'R0');
  const windy = rothermelSpread(fm1, { deadMoisture: 0.06, liveMoisture: 1, midflameWindFtPerMin: 440, slopeTan: 0 });
  close(windy.rateOfSpreadFtPerMin, 103.2798, 1e-5, 'R(5 mi/h)');
  const wet = rothermelSpread(fm1, { deadMoisture: 0.13, liveMoisture: 1, midflameWindFtPerMin: 440, slopeTan: 0 });
  assert.equal(wet.rateOfSpreadFtPerMin, 0, 'no spread above the moisture of extinction');
  const slope = rothermelSpread(fm1, { deadMoisture: 0.06, liveMoisture: 1, midflameWindFtPerMin: 0, slopeTan: 0.3 });
  assert.ok(slope.rateOfSpreadFtPerMin > calm.rateOfSpreadFtPerMin, 'upslope spreads faster');
});

test('Rothermel multi-class models run and respond to live moisture', () => {
  const fm4 = fuelModel(4);
  const dry = rothermelSpread(fm4, { deadMoisture: 0.06, liveMoisture: 0.7, midflameWindFtPerMin: 264, slopeTan: 0 });
  const green = rothermelSpread(fm4, { deadMoisture: 0.06, liveMoisture: 2.0, midflameWindFtPerMin: 264, slopeTan: 0 });
  assert.ok(dry.rateOfSpreadFtPerMin > green.rateOfSpreadFtPerMin);
  assert.ok(dry.rateOfSpreadFtPerMin > 10, `chaparral spreads fast: ${dry.rateOfSpreadFtPerMin}`);
});

test('length-to-width from the effective wind in mi/h: 1 at calm, Anderson (1983) in mi/h coefficients, capped at 8', () => {
  close(lengthToWidth(0), 1.0, 1e-9, 'calm');
  // 0.936·e^(0.1147·5) + 0.461·e^(−0.0692·5) − 0.397 = 1.6609 + 0.3262 − 0.397 = 1.5901 (Anderson’s 0.2566 per m/s ÷ 2.237)
  close(lengthToWidth(5), 0.936 * Math.exp(0.5735) + 0.461 * Math.exp(-0.346) - 0.397, 1e-12, 'LW(5 mi/h)');
  close(lengthToWidth(5), 1.5901, 1e-4, 'LW(5 mi/h) value');
  assert.equal(lengthToWidth(40), 8, 'capped at 8 as BehavePlus caps it');
});

test('levee breach: Q = C·b·h^1.5 for the Dongting (Tuanzhou) case, 226 m wide, 4.5 m head', () => {
  close(weirInflowM3PerS(1.7, 226, 4.5), 3667.55, 1e-5, 'Q'); // 1.7 · 226 · 9.5459
  // Before the polder backs up, depth rises at Q/A = 3667.55 · 3600 / 47e6 = 0.2809 m/h: 0.5 m needs
  // ≥ 1.78 h; submergence only slows it, so the answer is a little above that.
  const [h05] = hoursToDepths({ breachWidthM: 226, headM: 4.5, polderAreaM2: 47e6, initialDepthM: 0, weirCoefficient: 1.7 }, [0.5]);
  assert.ok(h05 !== null && h05 !== undefined && h05 >= 1.78 && h05 < 1.9, `t(0.5 m) = ${h05}`);
  const [never] = hoursToDepths({ breachWidthM: 226, headM: 4.5, polderAreaM2: 47e6, initialDepthM: 0, weirCoefficient: 1.7 }, [5]);
  assert.equal(never, null, 'the polder cannot rise above the outside water');
});

test('SCS curve number runoff: P = 100 mm, CN 80 → 50.54 mm', () => close(scsRunoffMm(100, 80), 50.539, 1e-4, 'Q'));

test('Yu et al. (2013) Qinghai–Tibet intensity: I = A + B·Ms + C·lg(R + R0) by hand', () => {
  // Long axis: 6.4580 + 1.2746·6.8 − 4.4709·lg(25) = 15.12528 − 6.25005 = 8.87523
  close(intensityAt(6.8, 0, 'qinghaiTibet', 'long'), 8.87523, 1e-5, 'Ms6.8 R0');
  // Short axis at 50 km: 3.3682 + 8.66728 − 3.3119·lg(59) = 12.03548 − 5.86489 = 6.17060
  close(intensityAt(6.8, 50, 'qinghaiTibet', 'short'), 6.17060, 1e-5, 'Ms6.8 R50 short');
  // Long axis of I = 6: 10^((6 − 15.12528)/−4.4709) − 25 = 10^2.04104 − 25 = 84.91
  close(radiusForIntensityKm(6.8, 6, 'qinghaiTibet', 'long'), 84.91, 1e-3, 'a(VI)');
});

test('PAGER China fatality rate: Φ(ln(S/θ)/β) with θ = 10.3288, β = 0.10006', () => {
  close(fatalityRate(8), 0.0053327, 1e-3, 'ν(VIII)');
  close(fatalityRate(9), 0.084360, 1e-3, 'ν(IX)');
  assert.equal(fatalityRate(4), 0);
});

test('F-Agent runs the models the facts allow and states method, assumptions and validity', () => {
  const incident = parseIncident({
    text: 'chlorine leak',
    facts: {
      release: { substance: 'chlorine', rateKgPerS: 2, heightM: 0 },
      weather: { windSpeedMps: 3, windFromDeg: 90, stability: 'D' },
      quake: { magnitude: 6.5, depthKm: 10 },
    },
  });
  const field = runField(incident);
  assert.ok(field.plume && field.quake);
  assert.equal(field.fire, undefined);
  const levels = field.plume.thresholds.map((t) => t.level);
  assert.deepEqual(levels, ['AEGL-1', 'AEGL-2', 'AEGL-3']);
  const [a1, a2, a3] = field.plume.thresholds;
  assert.ok(a1 && a2 && a3 && a1.downwindM > a2.downwindM && a2.downwindM > a3.downwindM);
  assert.ok(a2.downwindBandM.p10 <= a2.downwindBandM.p50 && a2.downwindBandM.p50 <= a2.downwindBandM.p90);
  assert.equal(field.plume.downwindBearingDeg, 270);
  for (const model of [field.plume, field.quake]) {
    assert.ok(model.method.length > 10 && model.assumptions.length > 0 && model.validity.length > 10);
  }
  assert.deepEqual(runField(incident), field, 'deterministic: the same incident gives the same bands');
});
