// The air a release goes into: stability class (stated, or Pasquill–Turner with the worse case for what is
// not known), day or night, and terrain. One place, so the toxic plume and the flammable cloud of the same
// release always see the same air (docs/physics.md, "Pasquill–Turner stability").
import type { Incident, Weather } from '../../../contract/incident.js';
import type { StabilityClass } from '../../../contract/taxonomy.js';
import { daylightAt, type Daylight } from '../daylight.js';
import type { Terrain } from './dispersion.js';
import { pasquillStability, type WorseCaseDefault } from './stability.js';

export interface Atmosphere {
  stability: StabilityClass;
  stabilitySource: 'fact' | 'derived';
  daylight: Daylight;
  terrain: Terrain;
  worseCaseDefaults: WorseCaseDefault[];
  /** Incident fields the model had to default (the worse-case ones and terrain). */
  defaulted: string[];
}

export function atmosphereAt(incident: Incident, weather: Weather): Atmosphere {
  const daylight = daylightAt(incident);
  const derived = pasquillStability({
    windSpeedMps: weather.windSpeedMps, daytime: daylight.daytime, cloudOktas: weather.cloudOktas,
    insolation: weather.insolation, solarElevationDeg: daylight.solarElevationDeg,
  });
  const worseCaseDefaults = weather.stability ? [] : derived.worseCaseDefaults;
  const defaulted = worseCaseDefaults.map((d) => d.input);
  if (!incident.facts.terrain) defaulted.push('facts.terrain');
  return {
    stability: weather.stability ?? derived.stability, stabilitySource: weather.stability ? 'fact' : 'derived',
    daylight, terrain: incident.facts.terrain ?? 'rural', worseCaseDefaults, defaulted,
  };
}
