// Day or night at the incident, for the stability class (docs/physics.md, "Stability class"). In order:
// the commander's or the report's own words; the report time with the place (solar elevation); the report
// time alone (local clock hours). Unknown is never guessed as day: the caller takes the worse case.
import type { Incident } from '../../contract/incident.js';
import { solarElevationDeg } from './sun.js';

/** Pasquill's night runs from one hour before sunset to one hour after sunrise; the sun is then below
 *  about 10° at the latitudes served, so a lower sun counts as night (the more stable classes). */
export const NIGHT_BELOW_ELEVATION_DEG = 10;
/** Without a place, clock hours stand in for the sun: day 07:00–17:00, an hour's margin each side of a
 *  06:00–18:00 day, for the same reason. */
const DAY_HOURS = [7, 17] as const;
/** A report time with no written offset (UTC, 'Z') and no place is read in China Standard Time. */
const DEFAULT_UTC_OFFSET_H = 8;

export type DaytimeSource = 'fact' | 'solar-elevation' | 'report-clock' | 'unknown';

export interface Daylight {
  /** null: not known; the plume then assumes night (the more stable, worse case). */
  daytime: boolean | null;
  source: DaytimeSource;
  /** Degrees above the horizon when time and place are both known. */
  solarElevationDeg: number | null;
}

export function daylightAt(incident: Incident): Daylight {
  const stated = incident.facts.weather?.daytime;
  if (stated !== undefined) return { daytime: stated, source: 'fact', solarElevationDeg: null };
  if (!incident.reportedAt) return { daytime: null, source: 'unknown', solarElevationDeg: null };
  const at = new Date(incident.reportedAt);
  if (incident.location) {
    const elevation = solarElevationDeg(at, incident.location.lat, incident.location.lon);
    return { daytime: elevation >= NIGHT_BELOW_ELEVATION_DEG, source: 'solar-elevation', solarElevationDeg: Math.round(elevation * 10) / 10 };
  }
  const localHours = localClockHours(incident.reportedAt, at);
  return { daytime: localHours >= DAY_HOURS[0] && localHours < DAY_HOURS[1], source: 'report-clock', solarElevationDeg: null };
}

/** Hours on the local clock: the offset the report time was written with, else China Standard Time. */
function localClockHours(written: string, at: Date): number {
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(written);
  const offsetH = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) + Number(offset[3]) / 60) : DEFAULT_UTC_OFFSET_H;
  const utcHours = at.getUTCHours() + at.getUTCMinutes() / 60;
  return (((utcHours + offsetH) % 24) + 24) % 24;
}
