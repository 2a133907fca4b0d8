// The reading step's physical facts: what the report's words say about the quake, the wind and the
// release, and how they fill (never override) the form's facts for the physics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIncident } from '../../contract/parseIncident.js';
import { physicalFactsFromText } from './physicalFacts.js';
import { withFactsFromText } from './factsForPhysics.js';
import { readReport } from './index.js';

const facts = (text: string) => Object.fromEntries(physicalFactsFromText(text).map((f) => [f.fact, f.value]));

test('quake magnitude and depth in Chinese and English', () => {
  assert.deepEqual(facts('四川甘孜州泸定县发生6.8级地震，震源深度16千米。'), { 'quake.magnitude': 6.8, 'quake.depthKm': 16 });
  assert.deepEqual(facts('M6.8 earthquake near Luding, depth 16 km'), { 'quake.magnitude': 6.8, 'quake.depthKm': 16 });
  assert.deepEqual(facts('A magnitude 5.9 quake, 10 km deep, struck at dawn'), { 'quake.magnitude': 5.9, 'quake.depthKm': 10, 'weather.daytime': false });
  assert.deepEqual(facts('Building 7 collapsed; 3 km from the river; 2 dead'), {}, 'no magnitude in numbers that are not one');
});

test('wind from its direction words and speed in m/s, km/h, knots and Beaufort force', () => {
  assert.deepEqual(facts('东北风3级'), { 'weather.windFromDeg': 45, 'weather.windSpeedMps': 4.4 });
  assert.deepEqual(facts('风速5米/秒，西北风'), { 'weather.windSpeedMps': 5, 'weather.windFromDeg': 315 });
  assert.deepEqual(facts('winds from the southwest at 20 km/h'), { 'weather.windFromDeg': 225, 'weather.windSpeedMps': 5.6 });
  assert.deepEqual(facts('a northerly wind gusting 15 knots'), { 'weather.windFromDeg': 0, 'weather.windSpeedMps': 7.7 });
});

test('substance by name, formula or UN number; rate only when a rate is stated; time of day', () => {
  assert.deepEqual(facts('Chlorine (UN1017) leaking at about 2 kg/s at 23:40'), { 'release.substance': 'chlorine', 'release.rateKgPerS': 2, 'weather.daytime': false });
  assert.deepEqual(facts('化工厂氯化氢泄漏，每秒约0.5公斤，下午'), { 'release.substance': 'hydrogen_chloride', 'release.rateKgPerS': 0.5, 'weather.daytime': true });
  assert.deepEqual(facts('槽罐车载有20吨液氨'), { 'release.substance': 'ammonia' }, 'a tonnage carried is not a rate');
  assert.deepEqual(facts('Ltd Co. warehouse fire'), {}, '"Co." is not carbon monoxide');
});

test('facts from the text fill only what the form left empty, and only whole facts', () => {
  const fromText = parseIncident({ text: 'Chlorine leaking at 2 kg/s, NE wind 3 m/s, 02:10' });
  const filled = withFactsFromText(fromText, readReport(fromText).facts);
  assert.deepEqual(filled.incident.facts.release, { substance: 'chlorine', rateKgPerS: 2, heightM: 0 });
  assert.deepEqual(filled.incident.facts.weather, { windFromDeg: 45, windSpeedMps: 3, daytime: false });
  assert.deepEqual(filled.used.map((f) => f.fact).sort(), ['release.rateKgPerS', 'release.substance', 'weather.daytime', 'weather.windFromDeg', 'weather.windSpeedMps']);

  const stated = parseIncident({ text: 'M7.1 quake, NE wind 3 m/s', facts: { quake: { magnitude: 6.2, depthKm: 8 }, weather: { windSpeedMps: 1, windFromDeg: 270 } } });
  const kept = withFactsFromText(stated, readReport(stated).facts);
  assert.deepEqual([kept.incident.facts.quake?.magnitude, kept.incident.facts.weather?.windFromDeg], [6.2, 270], 'a stated fact always wins');
  assert.deepEqual(kept.used, []);

  const half = parseIncident({ text: 'ammonia leak, NE wind' });
  assert.deepEqual(withFactsFromText(half, readReport(half).facts).used, [], 'no rate, no speed: nothing the physics could run on');
});
