// New-incident drafts kept on this computer until the engine accepts them (docs/app.md, "Errors"): a
// report typed while the engine is down survives going back, a reload, or a closed tab. One draft per
// form: the new incident, or the re-run of one stored run (keyed by its runId). Stored in localStorage,
// so each draft is checked against the form's shape when read; one that does not fit is left alone.
import { z } from 'zod';
import { UNIT_KINDS } from '../../../engine/contract/incident.js';
import type { IncidentForm } from './incidentForm.js';

/** How long after the last keystroke the draft is written (and always when the form closes). */
export const DRAFT_SAVE_DELAY_MS = 400;

export { draftKey } from './draftKey.js';

const s = z.string();
const section = <T extends z.ZodRawShape>(shape: T) => z.object({ enabled: z.boolean(), ...shape });
const formSchema: z.ZodType<IncidentForm> = z.object({
  // A draft kept before the offset was (an older build's) is the device's own zone.
  id: s, text: s, lang: z.enum(['', 'zh', 'en']), reportedAt: s, reportedAtOffset: s.default(''), lat: s, lon: s,
  casualties: z.object({ deaths: s, seriousInjuries: s, injuries: s, trapped: s, missing: s, evacuated: s }),
  populationDensityPerKm2: s,
  terrain: z.enum(['', 'rural', 'urban']),
  // A draft kept before the instantaneous release (an older build's) is a continuous one.
  release: section({ substance: s, kind: z.enum(['continuous', 'instantaneous']).default('continuous'), rateKgPerS: s, releaseMassKg: s.default(''), heightM: s }),
  weather: section({ windSpeedMps: s, windFromDeg: s, stability: s, cloudOktas: s, daytime: z.enum(['', 'day', 'night']) }),
  fire: section({ fuelModel: s, midflameWindSpeedMps: s, slopePct: s, deadFuelMoisturePct: s, durationMin: s, distanceToCommunityM: s }),
  flood: section({ breachWidthM: s, headM: s, polderAreaKm2: s }),
  quake: section({ magnitude: s, depthKm: s, siteDistanceKm: s }),
  resources: z.array(z.object({ id: s, kind: z.enum(UNIT_KINDS), etaMin: s })),
  sensors: z.array(z.object({ id: s, kind: s, thresholdValue: s, csv: s })),
});
const draftSchema = z.object({ version: z.literal(1), savedAt: z.string(), form: formSchema });

export interface IncidentDraft { savedAt: string; form: IncidentForm }

/** The kept draft, or null when there is none or it no longer fits the form (it is replaced once the form is edited). */
export function loadDraft(storage: Storage, key: string): IncidentDraft | null {
  const text = storage.getItem(key);
  if (text === null) return null;
  try {
    const parsed = draftSchema.safeParse(JSON.parse(text));
    return parsed.success ? { savedAt: parsed.data.savedAt, form: parsed.data.form } : null;
  } catch {
    return null;
  }
}

/** False when the browser refuses (storage full or disabled): the form still works, only unkept. */
export function saveDraft(storage: Storage, key: string, form: IncidentForm, savedAt: Date): boolean {
  try {
    storage.setItem(key, JSON.stringify({ version: 1, savedAt: savedAt.toISOString(), form }));
    return true;
  } catch {
    return false;
  }
}

export function discardDraft(storage: Storage, key: string): void { storage.removeItem(key); }
