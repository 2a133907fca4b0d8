// Places named in a report's words (docs/input.md): name, distance, direction (compass or the wind's) and
// head count, in Chinese and English; distances that are not places (speeds, depths, widths) are not read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placesFromText } from './places.js';
import { withFactsFromText } from './factsForPhysics.js';
import { physicalFactsFromText } from './physicalFacts.js';
import { parseIncident } from '../../contract/parseIncident.js';

const read = (text: string) => placesFromText(text).map((f) => f.value);

test('Chinese: after the distance, before it, the wind\'s direction, a compass direction, and no direction', () => {
  assert.deepEqual(read('化工园区液氯储罐泄漏。东北风2米每秒。下风向1.5公里有柳树村约800人。'), [{ name: '柳树村', distanceM: 1500, direction: 'downwind', population: 800 }]);
  assert.deepEqual(read('柳树村位于事故点西南方向约2公里，常住人口1200人。'), [{ name: '柳树村', distanceM: 2000, direction: 225, population: 1200 }]);
  assert.deepEqual(read('山火西风6米每秒，东面3公里有村庄。'), [{ name: '村庄', distanceM: 3000, direction: 90, population: null }]);
  assert.deepEqual(read('震源深度10公里，距震中8公里的磨西镇房屋倒塌。'), [{ name: '磨西镇', distanceM: 8000, direction: null, population: null }], 'the 西 of 磨西镇 is not a direction');
});

test('English: "X primary school, 900 m east", "the village of X … downwind … residents", "a care home 400 m to the south-east"', () => {
  assert.deepEqual(read('Hillside primary school, 900 m east of the depot, has 600 pupils.'), [{ name: 'Hillside primary school', distanceM: 900, direction: 90, population: 600 }]);
  assert.deepEqual(read('The village of Marsh End lies 1.5 km downwind with about 400 residents.'), [{ name: 'village of Marsh End', distanceM: 1500, direction: 'downwind', population: 400 }]);
  assert.deepEqual(read('Wind 3 m/s from the west. A care home 400 m to the south-east.'), [{ name: 'care home', distanceM: 400, direction: 135, population: null }]);
});

test('speeds, depths, widths and distances with no place are not places', () => {
  for (const text of ['The breach is 200 m wide and the water is 4 m deep.', '风速5米每秒，决口宽200米，水深4米。', '震源深度10千米。', 'Wind 20 km/h from the north; plume visible 2 km away.']) {
    assert.deepEqual(read(text), [], text);
  }
});

test('the places become facts.places once the wind is known: downwind becomes a bearing; no direction is put downwind and says so; a form\'s places win', () => {
  const text = '液氯泄漏，东北风2米每秒。下风向1.5公里有柳树村约800人，距现场3公里有一所小学。';
  const incident = parseIncident({ text });
  const filled = withFactsFromText(incident, physicalFactsFromText(text)).incident;
  assert.deepEqual(filled.facts.places, [
    { name: '柳树村', distanceM: 1500, bearingDeg: 225, population: 800 },
    { name: '小学', distanceM: 3000, bearingDeg: 225, bearingAssumed: true },
  ]);
  const stated = parseIncident({ text, facts: { places: [{ name: 'form place', distanceM: 10, bearingDeg: 0 }] } });
  assert.deepEqual(withFactsFromText(stated, physicalFactsFromText(text)).incident.facts.places, [{ name: 'form place', distanceM: 10, bearingDeg: 0 }]);
});
