// F-Agent (Field experts): runs every physical model the incident's facts allow. It needs no other
// agent, so it starts at the same moment as the Strategist.
import type { Incident } from '../../contract/incident.js';
import type { FieldResult } from '../../contract/result.js';
import { plumeFootprint } from './plume/index.js';
import { fireSpread } from './fire/index.js';
import { polderFlooding } from './flood/index.js';
import { quakeImpact } from './quake/index.js';

export function runField(incident: Incident): FieldResult {
  const { facts } = incident;
  const result: FieldResult = { notComputed: [] };
  if (facts.release && facts.weather) result.plume = plumeFootprint(incident, facts.release, facts.weather);
  else if (facts.release) result.notComputed.push({ model: 'plume', reason: 'facts.weather (windSpeedMps, windFromDeg) is needed for a plume footprint' });
  if (facts.fire) result.fire = fireSpread(incident, facts.fire);
  if (facts.flood) result.flood = polderFlooding(facts.flood);
  if (facts.quake) result.quake = quakeImpact(incident, facts.quake);
  if (!facts.release && !facts.fire && !facts.flood && !facts.quake) {
    result.notComputed.push({ model: 'all', reason: 'no physical facts (release, fire, flood, quake) were given' });
  }
  return result;
}
