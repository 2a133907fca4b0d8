// Whether it is daytime at the incident, for stability classes: stated, else from the report time in
// approximate local solar time (UTC + longitude/15 h; China Standard Time when no location is given).
import type { Incident } from '../../contract/incident.js';

export function isDaytime(incident: Incident): { daytime: boolean; source: 'fact' | 'reportedAt' | 'default' } {
  const stated = incident.facts.weather?.daytime;
  if (stated !== undefined) return { daytime: stated, source: 'fact' };
  if (incident.reportedAt) {
    const utcHours = new Date(incident.reportedAt).getUTCHours() + new Date(incident.reportedAt).getUTCMinutes() / 60;
    const offsetH = incident.location ? incident.location.lon / 15 : 8;
    const local = (((utcHours + offsetH) % 24) + 24) % 24;
    return { daytime: local >= 6 && local < 18, source: 'reportedAt' };
  }
  return { daytime: true, source: 'default' };
}
