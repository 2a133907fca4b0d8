// Places at risk (docs/zones.md): the zone a named place lies in, when the hazard arrives, and whether to
// evacuate or shelter, with the reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIncident } from '../../contract/parseIncident.js';
import type { IncidentInput } from '../../contract/incident.js';
import type { AwarenessResult } from '../../contract/result.js';
import { runField } from '../field/index.js';
import { planZones } from './zones/index.js';
import { placesAtRisk } from './placesAtRisk.js';
import { fireArrivalMin } from './zones/fireZones.js';

const awareness = { populationAtRisk: { estimate: 0, radiusM: 1000, densityPerKm2: 500, densitySource: 'default', basis: 'screening' } } as AwarenessResult;
const places = (input: IncidentInput) => {
  const incident = parseIncident(input);
  const field = runField(incident, { plume: 0, fire: 0, flood: 0 });
  return placesAtRisk(incident, field, planZones(incident, field, awareness));
};

const chlorineAtNight = (release: Record<string, unknown>, evacuationTimeMin?: number): IncidentInput => ({
  text: 'chlorine tank leaking at night',
  facts: {
    release: { substance: 'chlorine', rateKgPerS: 3, ...release }, weather: { windSpeedMps: 2, windFromDeg: 45, daytime: false },
    places: [
      { name: 'Willow village', distanceM: 1500, bearingDeg: 225, population: 800 },
      { name: 'Hill farm', distanceM: 3000, bearingDeg: 45, population: 12 },
      { name: 'Far town', distanceM: 7000, bearingDeg: 230 },
    ],
    ...(evacuationTimeMin !== undefined ? { evacuationTimeMin } : {}),
  },
});

test('a village downwind of a night chlorine release lies in the hot zone, the cloud arrives in minutes, and it shelters', () => {
  const [village, ...rest] = places(chlorineAtNight({}));
  assert.equal(village!.name, 'Willow village');
  assert.equal(village!.zone, 'hot');
  assert.equal(village!.arrivalMin, Math.round(1500 / 2 / 60), '1.5 km at 2 m/s');
  assert.equal(village!.action, 'shelter_in_place');
  assert.match(village!.reason, /before an evacuation/);
  const farm = rest.find((p) => p.name === 'Hill farm')!;
  assert.equal(farm.zone, null, 'upwind: outside every zone');
  assert.equal(farm.action, 'monitor');
  const town = rest.find((p) => p.name === 'Far town')!;
  assert.ok(town.zone === 'protective_action' || town.zone === 'hot', `far downwind is protected: ${town.zone}`);
});

test('with time to spare and a release that goes on, the village evacuates; a short release shelters', () => {
  const long = places(chlorineAtNight({}, 5)).find((p) => p.name === 'Far town')!;
  assert.equal(long.action, 'evacuate');
  assert.match(long.reasonZh, /撤离/);
  const short = places(chlorineAtNight({ durationMin: 15 }, 5)).find((p) => p.name === 'Far town')!;
  assert.equal(short.action, 'shelter_in_place');
  assert.match(short.reason, /short release/);
  // A tank that ruptured: the puff passes in minutes, so sheltering, even with time to evacuate.
  const atOnce = places(chlorineAtNight({ rateKgPerS: undefined, releaseMassKg: 1000 }, 5)).find((p) => p.name === 'Far town')!;
  assert.equal(atOnce.action, 'shelter_in_place');
  assert.match(atOnce.reasonZh, /一次性释放/);
});

test('fire: the ellipse reaches a place on the axis at (distance / head rate); off the axis later; upwind much later or never within reason', () => {
  const incident = parseIncident({ text: 'grass fire', facts: { weather: { windSpeedMps: 5, windFromDeg: 270 }, fire: { fuelModel: 1 } } });
  const fire = runField(incident, { fire: 0 }).fire!;
  const onAxis = fireArrivalMin(fire, 90, [2000, 0])!;
  assert.ok(Math.abs(onAxis - 2000 / fire.rateOfSpreadMPerMin) < 0.5, `${onAxis} vs ${2000 / fire.rateOfSpreadMPerMin}`);
  assert.ok(fireArrivalMin(fire, 90, [2000, 300])! > onAxis);
  assert.ok(fireArrivalMin(fire, 90, [-2000, 0])! > 5 * onAxis, 'backing fire is slow');
  const [near] = places({ ...{ text: 'grass fire' }, facts: { ...incident.facts, places: [{ name: 'Near', distanceM: 300, bearingDeg: 90 }], evacuationTimeMin: 60 } } as IncidentInput);
  assert.equal(near!.action, 'shelter_in_place', 'fire arrives before an evacuation could finish');
});

test('flood: a place in the polder with water soon goes up; an earthquake\'s strong-shaking sector gets search and rescue', () => {
  const [inPolder] = places({ text: 'levee breach', facts: { flood: { breachWidthM: 200, headM: 4, polderAreaKm2: 3 }, places: [{ name: 'Low village', distanceM: 200, bearingDeg: 10 }] } });
  assert.equal(inPolder!.zone, 'hot');
  assert.equal(inPolder!.action, 'vertical_evacuation');
  const [town] = places({ text: 'earthquake', facts: { quake: { magnitude: 6.8, depthKm: 10 }, places: [{ name: 'Epicentre town', distanceM: 2000, bearingDeg: 0 }] } });
  assert.equal(town!.zone, 'hot');
  assert.equal(town!.action, 'search_and_rescue');
});

test('LPG tanker: a school downwind inside the ERG\'s 800 m is protected; one farther but inside the 1600 m fire circle gets ready to leave', () => {
  const lpg = (distanceM: number) => places({ text: 'LPG tanker leaking', reportedAt: '2026-07-10T14:20:00+08:00', facts: {
    release: { substance: 'LPG', rateKgPerS: 8, massKg: 20000 }, weather: { windSpeedMps: 3, windFromDeg: 270 },
    places: [{ name: 'School', distanceM, bearingDeg: 90, population: 600 }],
  } })[0]!;
  assert.equal(lpg(600).zone, 'protective_action');
  const farther = lpg(1200);
  assert.equal(farther.zone, null);
  assert.equal(farther.action, 'prepare');
  assert.match(farther.reason, /1600 m/);
});
