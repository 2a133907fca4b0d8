// The F-Agent's ensembles: 256 members through each shipped surrogate give bands around the physics'
// own answer, which stays the answer; the same incident always gives the same bands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_MODELS_DIR } from '../../../inference/modelRepository.js';
import { parseIncident } from '../../../contract/parseIncident.js';
import { SurrogateModel } from './surrogateModel.js';
import { ENSEMBLE_MEMBERS } from './ensemble.js';
import { PLUME_SURROGATE, type PlumeCase } from '../plume/surrogateFeatures.js';
import { FIRE_SURROGATE } from '../fire/surrogateFeatures.js';
import { FLOOD_SURROGATE } from '../flood/surrogateFeatures.js';
import { applyEnsembleBands } from '../plume/ensembleBands.js';
import { applyFireEnsembleBands } from '../fire/ensembleBands.js';
import { applyFloodEnsembleBands } from '../flood/ensembleBands.js';
import { plumeFootprint } from '../plume/index.js';
import { fireSpread } from '../fire/index.js';
import { polderFlooding } from '../flood/index.js';
import { runFieldWithSurrogates } from '../index.js';

const ordered = (b: { p10: number; p50: number; p90: number }) => b.p10 <= b.p50 && b.p50 <= b.p90;

test('plume: threat-distance bands from a 256-member ensemble around the physics answer', async () => {
  const model = await SurrogateModel.load(PLUME_SURROGATE, DEFAULT_MODELS_DIR);
  // Released from 5 m, so the Gaussian plume alone (the surrogate learned it); a dense ground release is below.
  const incident = parseIncident({ text: 'chlorine', facts: { release: { substance: 'chlorine', rateKgPerS: 1, heightM: 5 }, weather: { windSpeedMps: 4, windFromDeg: 90, stability: 'D' } } });
  const physics = plumeFootprint(incident, incident.facts.release!, incident.facts.weather!);
  assert.equal(physics.denseGas?.applies, false);
  const banded = await applyEnsembleBands(physics, model);
  assert.ok(banded);
  assert.deepEqual(banded.bands, { method: 'surrogate-ensemble', members: ENSEMBLE_MEMBERS, model: 'plume-surrogate@1' });
  for (const t of banded.thresholds) {
    assert.ok(ordered(t.downwindBandM));
    assert.ok(t.downwindBandM.p10 < t.downwindM * 1.3 && t.downwindBandM.p90 > t.downwindM * 0.7, `${t.level}: ${t.downwindM} in ${JSON.stringify(t.downwindBandM)}`);
  }
  assert.deepEqual(banded.thresholds.map((t) => t.downwindM), physics.thresholds.map((t) => t.downwindM), 'the physics stays the answer');
  assert.deepEqual(await applyEnsembleBands(physics, model), banded, 'deterministic');
  // At ground level chlorine is a dense gas near the source (docs/physics.md): each member takes the farther
  // of the surrogate's Gaussian distance and its own dense-gas distance, so the band surrounds the answer.
  const ground = parseIncident({ text: 'chlorine', facts: { release: { substance: 'chlorine', rateKgPerS: 1, heightM: 0 }, weather: { windSpeedMps: 4, windFromDeg: 90, stability: 'D' } } });
  const dense = plumeFootprint(ground, ground.facts.release!, ground.facts.weather!);
  assert.equal(dense.denseGas?.applies, true);
  assert.ok(dense.thresholds.some((t) => t.model === 'gaussian-after-dense-gas'));
  const denseBanded = (await applyEnsembleBands(dense, model))!;
  for (const t of denseBanded.thresholds) {
    assert.ok(t.downwindBandM.p10 < t.downwindM * 1.3 && t.downwindBandM.p90 > t.downwindM * 0.7, `${t.level}: ${t.downwindM} in ${JSON.stringify(t.downwindBandM)}`);
  }
  await model.release();
});

test('fire: spread-rate band from the surrogate ensemble brackets the Rothermel rate', async () => {
  const model = await SurrogateModel.load(FIRE_SURROGATE, DEFAULT_MODELS_DIR);
  const incident = parseIncident({ text: 'grass fire', facts: { fire: { fuelModel: 1, midflameWindSpeedMps: 2, deadFuelMoisturePct: 6 } } });
  const physics = fireSpread(incident, incident.facts.fire!);
  const banded = await applyFireEnsembleBands(physics, model);
  assert.ok(banded);
  assert.equal(banded.bands.method, 'surrogate-ensemble');
  assert.equal(banded.bands.model, 'fire-spread-surrogate@2');
  const b = banded.headRateBandMPerMin;
  assert.ok(ordered(b) && b.p10 < b.p90, JSON.stringify(b));
  assert.ok(b.p10 < physics.rateOfSpreadMPerMin && b.p90 > physics.rateOfSpreadMPerMin, `${physics.rateOfSpreadMPerMin} in ${JSON.stringify(b)}`);
  assert.equal(banded.rateOfSpreadMPerMin, physics.rateOfSpreadMPerMin, 'the physics stays the answer');
  assert.deepEqual(await applyFireEnsembleBands(physics, model), banded, 'deterministic');
  // Wet fuel at the edge of extinction is outside the surrogate's range: no surrogate band, and the F-Agent
  // runs the physics' Monte Carlo instead.
  const wet = parseIncident({ text: 'grass fire', facts: { fire: { fuelModel: 1, midflameWindSpeedMps: 2, deadFuelMoisturePct: 11.8 } } });
  assert.equal(await applyFireEnsembleBands(fireSpread(wet, wet.facts.fire!), model), null);
  const surrogates = { plume: null, fire: model, flood: null };
  assert.deepEqual((await runFieldWithSurrogates(wet, surrogates)).fire, fireSpread(wet, wet.facts.fire!), 'physics Monte Carlo when out of range');
  // In range, the Monte Carlo is skipped and the same physics answer carries the ensemble's band.
  assert.deepEqual((await runFieldWithSurrogates(incident, surrogates)).fire, banded);
  await model.release();
});

test('flood: time-to-depth bands from the surrogate ensemble, widening breaches fill faster', async () => {
  const model = await SurrogateModel.load(FLOOD_SURROGATE, DEFAULT_MODELS_DIR);
  // The 2024 Dongting Lake (团洲垸) case in round numbers: a 226 m breach, ~2.5 m head, a ~40 km² polder.
  const facts = { breachWidthM: 226, headM: 2.5, polderAreaKm2: 40, targetDepthsM: [0.5, 1, 1.5, 3] };
  const physics = polderFlooding(parseIncident({ text: 'levee breach', facts: { flood: facts } }).facts.flood!);
  const banded = await applyFloodEnsembleBands(physics, model);
  assert.ok(banded);
  assert.equal(banded.bands.model, 'flood-depth-surrogate@1');
  for (const t of banded.timeToDepth.slice(0, 3)) {
    assert.ok(t.band && t.hours !== null && ordered(t.band), JSON.stringify(t));
    assert.ok(t.band.p10 < t.hours && t.band.p90 > t.hours, `${t.hours} h in ${JSON.stringify(t.band)}`);
  }
  assert.equal(banded.timeToDepth[3]?.band, null, 'a depth above the head is never reached: no band');
  assert.deepEqual(banded.timeToDepth.map((t) => t.hours), physics.timeToDepth.map((t) => t.hours), 'the physics stays the answer');
  await model.release();
});

test('cases beyond a surrogate\'s trained range get the physics\' Monte Carlo, never an extrapolated band', async () => {
  const surrogates = {
    plume: await SurrogateModel.load(PLUME_SURROGATE, DEFAULT_MODELS_DIR),
    fire: await SurrogateModel.load(FIRE_SURROGATE, DEFAULT_MODELS_DIR),
    flood: await SurrogateModel.load(FLOOD_SURROGATE, DEFAULT_MODELS_DIR),
  };
  const contains = (b: { p10: number; p90: number }, v: number) => b.p10 <= v && v <= b.p90;
  // A 30 m/s wind (the surrogate saw up to 15 m/s).
  const gale = parseIncident({ text: 'chlorine', facts: { release: { substance: 'chlorine', rateKgPerS: 1, heightM: 1 }, weather: { windSpeedMps: 30, windFromDeg: 90, stability: 'D' } } });
  const plume = (await runFieldWithSurrogates(gale, surrogates)).plume!;
  assert.equal(plume.bands.method, 'physics-monte-carlo');
  // A 3 km breach (trained up to 1 km) and a slow filling of a large polder (past the trained horizon).
  for (const flood of [{ breachWidthM: 3000, headM: 2.5, polderAreaKm2: 40, targetDepthsM: [0.5] }, { breachWidthM: 20, headM: 1, polderAreaKm2: 300, targetDepthsM: [0.3] }]) {
    const result = (await runFieldWithSurrogates(parseIncident({ text: 'levee breach', facts: { flood } }), surrogates)).flood!;
    assert.equal(result.bands.method, 'physics-monte-carlo', JSON.stringify(flood));
    const [depth] = result.timeToDepth;
    if (depth?.hours !== null && depth?.band) assert.ok(contains(depth.band, depth.hours), JSON.stringify(depth));
  }
  // A midflame wind of 9.5 m/s: members gust past 10 m/s, so the whole band comes from the physics.
  const windy = parseIncident({ text: 'grass fire', facts: { fire: { fuelModel: 1, midflameWindSpeedMps: 9.5 } } });
  assert.equal((await runFieldWithSurrogates(windy, surrogates)).fire!.bands.method, 'physics-monte-carlo');
  await Promise.all(Object.values(surrogates).map((m) => m.release()));
});

test('a surrogate that fails while running costs the band its speed, not the F-Agent its answer', async () => {
  const broken = { spec: PLUME_SURROGATE, label: 'plume-surrogate@1', predict: () => Promise.reject(new Error('session released')) } as unknown as SurrogateModel<PlumeCase>;
  const incident = parseIncident({ text: 'chlorine', facts: { release: { substance: 'chlorine', rateKgPerS: 1, heightM: 1 }, weather: { windSpeedMps: 4, windFromDeg: 90, stability: 'D' } } });
  const plume = (await runFieldWithSurrogates(incident, { plume: broken, fire: null, flood: null })).plume!;
  assert.deepEqual(plume, plumeFootprint(incident, incident.facts.release!, incident.facts.weather!));
  assert.equal(plume.bands.method, 'physics-monte-carlo');
});
