// The report's own words fill what the form left empty, for the Field experts: a quake's magnitude (and
// depth), the wind (direction and speed together; the time of day on its own), a release (substance and
// rate together). A fact the commander stated always wins, and only whole facts are filled: the physics
// never runs on half a release. Returns the facts it used, so the result can say which came from the text.
import type { Incident } from '../../contract/incident.js';
import type { TextFact } from '../../contract/reading.js';
import type { TextPlace } from '../../contract/result.js';

export function withFactsFromText(incident: Incident, read: readonly TextFact[]): { incident: Incident; used: TextFact[] } {
  const get = (fact: TextFact['fact']) => read.find((f) => f.fact === fact);
  const facts = { ...incident.facts };
  const used: TextFact[] = [];
  const magnitude = get('quake.magnitude');
  if (!facts.quake && magnitude) {
    const depth = get('quake.depthKm');
    facts.quake = { magnitude: magnitude.value as number, depthKm: (depth?.value as number | undefined) ?? 10 };
    used.push(magnitude, ...(depth ? [depth] : []));
  }
  const from = get('weather.windFromDeg');
  const speed = get('weather.windSpeedMps');
  const daytime = get('weather.daytime');
  if (!facts.weather && from && speed) {
    facts.weather = { windFromDeg: from.value as number, windSpeedMps: speed.value as number, ...(daytime ? { daytime: daytime.value as boolean } : {}) };
    used.push(from, speed, ...(daytime ? [daytime] : []));
  } else if (facts.weather && facts.weather.daytime === undefined && facts.weather.stability === undefined && daytime) {
    facts.weather = { ...facts.weather, daytime: daytime.value as boolean };
    used.push(daytime);
  }
  const substance = get('release.substance');
  const rate = get('release.rateKgPerS');
  if (!facts.release && substance && rate && (rate.value as number) > 0) {
    facts.release = { substance: substance.value as string, rateKgPerS: rate.value as number, heightM: 0 };
    used.push(substance, rate);
  }
  // Places named in the text, when the form lists none: a direction given as the wind's becomes a bearing
  // once the wind is known; no direction at all puts the place downwind, the worse case, and says so.
  const places = read.filter((f) => f.fact === 'place');
  if (!facts.places && places.length > 0) {
    const windFrom = facts.weather?.windFromDeg;
    facts.places = places.map((f) => {
      const p = f.value as TextPlace;
      const bearing = typeof p.direction === 'number' ? p.direction
        : p.direction === 'upwind' ? windFrom : windFrom !== undefined ? (windFrom + 180) % 360 : undefined;
      return {
        name: p.name, distanceM: p.distanceM, bearingDeg: bearing ?? 0,
        ...(p.population !== null ? { population: p.population } : {}),
        ...(p.direction === null || bearing === undefined ? { bearingAssumed: true } : {}),
      };
    });
    used.push(...places);
  }
  return { incident: used.length ? { ...incident, facts } : incident, used };
}
