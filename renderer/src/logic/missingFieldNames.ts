// The plan's "information needed" names what to find out in the UI's words, not as the engine's field path
// (`resources`, `facts.weather`, a model's defaulted input such as `facts.quake.faultStrikeDeg`:
// engine/agents/executor/missingInformation.ts). docs/app.md, "Language".
import type { MessageKey } from '../i18n/locales/zh.js';

/** Every path the engine names as missing, with the words for it. */
const NAMES: Readonly<Record<string, MessageKey>> = {
  'facts.release': 'missingField.release',
  'facts.weather': 'missingField.weather',
  'facts.weather.cloudOktas': 'missingField.cloudOktas',
  'facts.weather.daytime': 'missingField.daytime',
  'facts.terrain': 'missingField.terrain',
  'facts.fire': 'missingField.fire',
  'facts.fire.midflameWindSpeedMps': 'missingField.midflameWind',
  'facts.flood': 'missingField.flood',
  'facts.flood.curveNumber': 'missingField.curveNumber',
  'facts.quake': 'missingField.quake',
  'facts.quake.faultStrikeDeg': 'missingField.faultStrike',
  'facts.deaths': 'missingField.casualties',
  'facts.populationDensityPerKm2': 'missingField.populationDensity',
  resources: 'missingField.resources',
  location: 'missingField.location',
};

/** The words for a missing field: its own, else its nearest named parent's (`facts.weather.windSpeedMps` →
 *  weather); null for a path with none, which the page then shows as code (for IT). */
export function missingFieldKey(path: string): MessageKey | null {
  for (let p = path; p !== ''; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const key = NAMES[p];
    if (key) return key;
  }
  return null;
}
