// The report's own words fill what the form left empty, for the Field experts: a quake's magnitude (and
// depth), the wind (direction and speed together; the time of day on its own), a release (substance and
// rate together, or substance and mass of a vessel that ruptured: released at once; its mass and duration
// also complete a stated one), a levee breach (width, head and polder
// area together) and a wildfire (its fuel, with slope, time burning and distance when read). A fact the commander stated always wins, and only whole facts are filled: the physics
// never runs on half a release. Returns the facts it used, so the result can say which came from the text.
import { fireFactsSchema, floodFactsSchema, type Incident } from '../../contract/incident.js';
import { findSubstance } from '../../contract/substances.js';
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
  const mass = get('release.massKg');
  const duration = get('release.durationMin');
  const atOnce = get('release.instantaneous');
  if (!facts.release && substance && rate && (rate.value as number) > 0) {
    facts.release = { substance: substance.value as string, rateKgPerS: rate.value as number, heightM: 0 };
    used.push(substance, rate);
  } else if (!facts.release && substance && atOnce && mass) {
    // A vessel that ruptured with its tonnage stated and no rate: its contents went at once (a puff).
    facts.release = { substance: substance.value as string, releaseMassKg: mass.value as number, heightM: 0 };
    used.push(substance, atOnce);
  }
  // The inventory and duration complete a release, from the form or the text; a stated field wins, and a
  // mass read beside another substance than the stated one is not this release's.
  if (facts.release && (!substance || findSubstance(facts.release.substance)?.key === substance.value)) {
    if (facts.release.massKg === undefined && mass) { facts.release = { ...facts.release, massKg: mass.value as number }; used.push(mass); }
    // A mass released at once has no duration (the contract refuses one).
    if (facts.release.durationMin === undefined && facts.release.releaseMassKg === undefined && duration) { facts.release = { ...facts.release, durationMin: duration.value as number }; used.push(duration); }
  }
  // A breach needs its width, head and polder area together (docs/physics.md, flood); rain is optional.
  const width = get('flood.breachWidthM');
  const head = get('flood.headM');
  const area = get('flood.polderAreaKm2');
  const rain = get('flood.rainMm');
  if (!facts.flood && width && head && area) {
    const flood = floodFactsSchema.safeParse({ breachWidthM: width.value, headM: head.value, polderAreaKm2: area.value, ...(rain ? { rainMm: rain.value } : {}) });
    if (flood.success) { facts.flood = flood.data; used.push(width, head, area, ...(rain ? [rain] : [])); }
  }
  // A wildfire needs its fuel; slope, time burning and distance are added when read, the rest defaulted
  // as for a stated fire (docs/input.md, facts.fire).
  const fuel = get('fire.fuelModel');
  if (!facts.fire && fuel) {
    const extras = (['fire.slopePct', 'fire.burningForMin', 'fire.distanceToCommunityM'] as const).map(get).filter((f): f is TextFact => f !== undefined);
    const fire = fireFactsSchema.safeParse({ fuelModel: fuel.value, ...Object.fromEntries(extras.map((f) => [f.fact.slice('fire.'.length), f.value])) });
    if (fire.success) { facts.fire = fire.data; used.push(fuel, ...extras); }
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
