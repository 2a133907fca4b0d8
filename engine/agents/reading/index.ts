// The reading step: what the report's own words say, taken once and cheaply before any agent runs, so
// that the Strategist and the Field experts start from the same reading. Pure and deterministic.
import type { Incident } from '../../contract/incident.js';
import type { ReportReading } from '../../contract/reading.js';
import { collectFigures } from './figures.js';
import { physicalFactsFromText } from './physicalFacts.js';
import { findDrill } from '../common/reportMarkers.js';
import { eventToldNow, requestPhrase, screenReport } from './screening.js';

/** The report's language: as stated, else Chinese when more than a tenth of its characters are CJK. */
export function detectLanguage(incident: Incident): 'zh' | 'en' {
  if (incident.lang) return incident.lang;
  const cjk = (incident.text.match(/[\u3400-\u9fff]/g) ?? []).length;
  return cjk / Math.max(1, incident.text.length) > 0.1 ? 'zh' : 'en';
}

export function readReport(incident: Incident): ReportReading {
  const { figures, conflicts } = collectFigures(incident.text, incident.facts);
  const drill = findDrill(incident.text);
  const casualtyStated = Object.values(figures).some((f) => f.value > 0) || Object.keys(incident.facts).length > 0 || incident.sensors.length > 0;
  // A drill is read as its scenario unless it is announced for later (a notice); anything else the screen
  // says is not an incident is said so.
  const notIncident = screenReport(incident.text, casualtyStated, drill !== undefined);
  const callForHelp = requestPhrase(incident.text, incident.text.toLowerCase())?.phrase;
  // Only a message the rules keep may be asked of the learned screen, so only then is its evidence looked for.
  const eventNow = notIncident || drill ? undefined : eventToldNow(incident.text);
  return {
    language: detectLanguage(incident), figures, facts: physicalFactsFromText(incident.text), conflicts,
    ...(drill && !notIncident ? { drill } : {}), ...(notIncident ? { notIncident } : {}), ...(callForHelp ? { callForHelp } : {}), ...(eventNow ? { eventNow } : {}),
  };
}
