// The learned half of "is this an incident at all?": the reading step's rules screen what they recognise;
// a message they keep is screened by the report-screen model only when it is confident, and only where the
// rules found no evidence of their own: never a message that asks for help, tells an event as happening now
// ("the garage is on fire", 着火了), states a casualty or another count (the frames that empty a count are the
// rules' to recognise), is a drill, or comes with facts or sensor readings from the form. Keeping a notice costs a commander a glance; dropping an incident could
// cost lives (docs/taxonomy-and-severity.md, "Not an incident").
import type { Incident } from '../../contract/incident.js';
import type { ReportReading } from '../../contract/reading.js';
import type { StrategistResult } from '../../contract/result.js';
import { round } from '../../numeric/stats.js';

/** The model's probability from which a kept message is screened (eval/README.md, "The learned report screen"). */
export const LEARNED_NOT_INCIDENT_FROM = 0.9;
const CUE_CHARS = 40;

/** Whether the model has a say at all (the worker does not run it otherwise). */
export function learnedScreenApplies(incident: Incident, reading: ReportReading): boolean {
  if (reading.notIncident || reading.drill || reading.callForHelp || reading.eventNow) return false;
  if (Object.keys(incident.facts).length > 0 || incident.sensors.length > 0) return false;
  return !Object.values(reading.figures).some((f) => f.value > 0);
}

export function learnedNotIncident(incident: Incident, reading: ReportReading, probability: number | undefined): StrategistResult['notIncidentReason'] {
  if (probability === undefined || probability < LEARNED_NOT_INCIDENT_FROM || !learnedScreenApplies(incident, reading)) return undefined;
  return { reason: 'learned_notice', cue: opening(incident.text), probability: round(probability, 3) };
}

/** The message's opening words as the cue, cut at a word's end in English ("Podcast episode 12: the chemical plant"). */
function opening(text: string): string {
  if (text.length <= CUE_CHARS) return text;
  const cut = text.slice(0, CUE_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${space > CUE_CHARS / 2 ? cut.slice(0, space) : cut}…`;
}
