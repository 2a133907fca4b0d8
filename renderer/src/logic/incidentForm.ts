// The new/edit incident form: text inputs ↔ the contract's incident, validated with the contract's own
// schema so the form and the engine can never disagree about what is valid.
import { incidentSchema, type IncidentInput, type UnitKind } from '../../../engine/contract/incident.js';
import { isPlausibleClock } from '../../../engine/contract/deviceClock.js';
import { parseSensorCsv } from './sensorCsv.js';

type Section<T> = T & { enabled: boolean };
export interface IncidentForm {
  id: string; text: string; lang: '' | 'zh' | 'en'; reportedAt: string; lat: string; lon: string;
  /** The UTC offset `reportedAt`'s wall clock is in ('+08:00', 'Z'), kept from a re-run's incident so the
   *  time goes back as reported; '' for this device's own zone (a new report). */
  reportedAtOffset: string;
  casualties: Record<'deaths' | 'seriousInjuries' | 'injuries' | 'trapped' | 'missing' | 'evacuated', string>;
  populationDensityPerKm2: string;
  terrain: '' | 'rural' | 'urban';
  /** `kind`: a leak at a rate, or a mass released at once (a tank rupture: facts.release.releaseMassKg). */
  release: Section<{ substance: string; kind: 'continuous' | 'instantaneous'; rateKgPerS: string; releaseMassKg: string; heightM: string }>;
  weather: Section<{ windSpeedMps: string; windFromDeg: string; stability: string; cloudOktas: string; daytime: '' | 'day' | 'night' }>;
  fire: Section<{ fuelModel: string; midflameWindSpeedMps: string; slopePct: string; deadFuelMoisturePct: string; durationMin: string; distanceToCommunityM: string }>;
  flood: Section<{ breachWidthM: string; headM: string; polderAreaKm2: string }>;
  quake: Section<{ magnitude: string; depthKm: string; siteDistanceKm: string }>;
  resources: Array<{ id: string; kind: UnitKind; etaMin: string }>;
  sensors: Array<{ id: string; kind: string; thresholdValue: string; csv: string }>;
}

export const CASUALTY_FIELDS = ['deaths', 'seriousInjuries', 'injuries', 'trapped', 'missing', 'evacuated'] as const;

/** A new report is stamped with the device's time (the commander can change it), but only when the
 *  clock is plausible: a wrong time would decide day or night for the plume. */
export function emptyForm(now: Date | null = new Date()): IncidentForm {
  return {
    id: '', text: '', lang: '', reportedAt: now && isPlausibleClock(now) ? localDateTimeInput(now) : '', reportedAtOffset: '', lat: '', lon: '',
    casualties: { deaths: '', seriousInjuries: '', injuries: '', trapped: '', missing: '', evacuated: '' },
    populationDensityPerKm2: '', terrain: '',
    release: { enabled: false, substance: 'chlorine', kind: 'continuous', rateKgPerS: '', releaseMassKg: '', heightM: '0' },
    weather: { enabled: false, windSpeedMps: '', windFromDeg: '', stability: '', cloudOktas: '', daytime: '' },
    fire: { enabled: false, fuelModel: '1', midflameWindSpeedMps: '', slopePct: '0', deadFuelMoisturePct: '6', durationMin: '60', distanceToCommunityM: '' },
    flood: { enabled: false, breachWidthM: '', headM: '', polderAreaKm2: '' },
    quake: { enabled: false, magnitude: '', depthKm: '10', siteDistanceKm: '' },
    resources: [], sensors: [],
  };
}

/** The value a datetime-local input shows for a moment, in the device's time zone (YYYY-MM-DDTHH:mm). */
export function localDateTimeInput(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** An ISO 8601 stamp with its offset ('2026-03-14T23:40:00-05:00') as the form keeps it: the wall clock
 *  there to the minute (the field's shape) and the offset as written, never moved into this device's zone. */
export function splitStamp(stamp: string): { wallClock: string; offset: string } | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.exec(stamp);
  return m ? { wallClock: m[1] as string, offset: (m[2] as string).toUpperCase() } : null;
}

/** The form's wall clock back to a stamp: with its kept offset as it was, else with this device's offset
 *  at that moment (so a re-run of it shows the time as typed, wherever it is opened). Text that is not a
 *  wall clock goes through unchanged, for the contract's schema to refuse with its field. */
export function reportedAtStamp(wallClock: string, offset: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(wallClock)) return wallClock;
  if (offset) return `${wallClock}:00${offset}`;
  const at = new Date(`${wallClock}:00`);
  if (Number.isNaN(at.getTime())) return wallClock;
  const minutes = -at.getTimezoneOffset();
  const abs = Math.abs(minutes);
  return `${wallClock}:00${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** An offset as the form names it beside the time: '+08:00', 'Z' as '+00:00'. */
export const offsetText = (offset: string): string => (offset === 'Z' ? '+00:00' : offset);

/** '' → absent; anything else → a number (NaN stays NaN so the schema names the field). */
const num = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function toIncidentInput(form: IncidentForm): IncidentInput {
  const facts: Record<string, unknown> = defined({
    ...Object.fromEntries(CASUALTY_FIELDS.map((k) => [k, num(form.casualties[k])])),
    populationDensityPerKm2: num(form.populationDensityPerKm2),
    terrain: form.terrain || undefined,
  });
  if (form.release.enabled) {
    const amount = form.release.kind === 'instantaneous' ? { releaseMassKg: num(form.release.releaseMassKg) } : { rateKgPerS: num(form.release.rateKgPerS) };
    facts.release = defined({ substance: form.release.substance, ...amount, heightM: num(form.release.heightM) });
  }
  if (form.weather.enabled) {
    facts.weather = defined({
      windSpeedMps: num(form.weather.windSpeedMps), windFromDeg: num(form.weather.windFromDeg), stability: form.weather.stability || undefined,
      cloudOktas: num(form.weather.cloudOktas), daytime: form.weather.daytime === '' ? undefined : form.weather.daytime === 'day',
    });
  }
  if (form.fire.enabled) {
    facts.fire = defined({
      fuelModel: num(form.fire.fuelModel), midflameWindSpeedMps: num(form.fire.midflameWindSpeedMps), slopePct: num(form.fire.slopePct),
      deadFuelMoisturePct: num(form.fire.deadFuelMoisturePct), durationMin: num(form.fire.durationMin), distanceToCommunityM: num(form.fire.distanceToCommunityM),
    });
  }
  if (form.flood.enabled) facts.flood = defined({ breachWidthM: num(form.flood.breachWidthM), headM: num(form.flood.headM), polderAreaKm2: num(form.flood.polderAreaKm2) });
  if (form.quake.enabled) facts.quake = defined({ magnitude: num(form.quake.magnitude), depthKm: num(form.quake.depthKm), siteDistanceKm: num(form.quake.siteDistanceKm) });
  const input: Record<string, unknown> = defined({
    id: form.id.trim() || undefined, text: form.text, lang: form.lang || undefined,
    reportedAt: form.reportedAt ? reportedAtStamp(form.reportedAt, form.reportedAtOffset) : undefined,
    location: form.lat || form.lon ? { lat: num(form.lat), lon: num(form.lon) } : undefined,
    facts,
  });
  if (form.resources.length) input.resources = form.resources.map((r) => ({ id: r.id, kind: r.kind, etaMin: num(r.etaMin) }));
  if (form.sensors.length) {
    input.sensors = form.sensors.map((s) => defined({
      id: s.id, kind: s.kind, thresholdValue: num(s.thresholdValue), readings: parseSensorCsv(s.csv, (input.reportedAt as string | undefined) ?? new Date().toISOString()).readings,
    }));
  }
  return input as IncidentInput;
}

export interface FieldProblem { path: string; code: string; message: string; params: Record<string, unknown> }

export function validateForm(form: IncidentForm): { ok: true; incident: IncidentInput } | { ok: false; problems: FieldProblem[] } {
  const input = toIncidentInput(form);
  const parsed = incidentSchema.safeParse(input);
  if (parsed.success) return { ok: true, incident: input };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const { code, path, message, ...rest } = issue as unknown as { code: string; path: PropertyKey[]; message: string } & Record<string, unknown>;
      const joined = path.map(String).join('.');
      // A missing amount is marked on the amount the form shows: the mass for a release at once.
      const shown = joined === 'facts.release.rateKgPerS' && form.release.kind === 'instantaneous' ? 'facts.release.releaseMassKg' : joined;
      return { path: shown, code, message, params: rest };
    }),
  };
}

/** An existing incident (an example, or the last run) back into the form, to edit and re-run. */
export function formFromIncident(incident: IncidentInput): IncidentForm {
  const form = emptyForm(null);
  const f = incident.facts ?? {};
  const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  form.id = str(incident.id); form.text = incident.text; form.lang = incident.lang ?? '';
  const reported = incident.reportedAt ? splitStamp(incident.reportedAt) : null;
  form.reportedAt = reported?.wallClock ?? '';
  form.reportedAtOffset = reported?.offset ?? '';
  form.lat = str(incident.location?.lat); form.lon = str(incident.location?.lon);
  for (const k of CASUALTY_FIELDS) form.casualties[k] = str(f[k]);
  form.populationDensityPerKm2 = str(f.populationDensityPerKm2);
  form.terrain = f.terrain ?? '';
  if (f.release) {
    form.release = {
      enabled: true, substance: f.release.substance, kind: f.release.releaseMassKg !== undefined ? 'instantaneous' : 'continuous',
      rateKgPerS: str(f.release.rateKgPerS), releaseMassKg: str(f.release.releaseMassKg), heightM: str(f.release.heightM ?? 0),
    };
  }
  if (f.weather) {
    form.weather = { enabled: true, windSpeedMps: str(f.weather.windSpeedMps), windFromDeg: str(f.weather.windFromDeg), stability: f.weather.stability ?? '',
      cloudOktas: str(f.weather.cloudOktas), daytime: f.weather.daytime === undefined ? '' : f.weather.daytime ? 'day' : 'night' };
  }
  if (f.fire) {
    form.fire = { enabled: true, fuelModel: str(f.fire.fuelModel), midflameWindSpeedMps: str(f.fire.midflameWindSpeedMps), slopePct: str(f.fire.slopePct ?? 0),
      deadFuelMoisturePct: str(f.fire.deadFuelMoisturePct ?? 6), durationMin: str(f.fire.durationMin ?? 60), distanceToCommunityM: str(f.fire.distanceToCommunityM) };
  }
  if (f.flood) form.flood = { enabled: true, breachWidthM: str(f.flood.breachWidthM), headM: str(f.flood.headM), polderAreaKm2: str(f.flood.polderAreaKm2) };
  if (f.quake) form.quake = { enabled: true, magnitude: str(f.quake.magnitude), depthKm: str(f.quake.depthKm ?? 10), siteDistanceKm: str(f.quake.siteDistanceKm) };
  form.resources = (incident.resources ?? []).map((r) => ({ id: r.id, kind: r.kind, etaMin: str(r.etaMin) }));
  form.sensors = (incident.sensors ?? []).map((s) => ({ id: s.id, kind: s.kind, thresholdValue: str(s.thresholdValue), csv: s.readings.map((r) => `${r.at},${r.value}`).join('\n') }));
  return form;
}
