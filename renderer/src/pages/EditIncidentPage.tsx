import { useId, useMemo, useState, type ReactNode } from 'react';
import { SUBSTANCES } from '../../../engine/contract/substances.js';
import { RELEASE_AMOUNT_ISSUE, SENSOR_KINDS, UNIT_KINDS, type IncidentInput } from '../../../engine/contract/incident.js';
import { STABILITY_CLASSES } from '../../../engine/contract/taxonomy.js';
import { CASUALTY_FIELDS, emptyForm, formFromIncident, offsetText, validateForm, type FieldProblem, type IncidentForm } from '../logic/incidentForm.js';
import type { MessageKey } from '../i18n/locales/zh.js';
import { useT } from '../i18n/i18n.js';
import { EXAMPLES } from '../examples.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { formatDraftTime, useIncidentDraft } from '../components/useIncidentDraft.js';
import type { ModelChoice } from '../../../engine/contract/result.js';
import { modelChoiceFor, type IncidentModels } from '../logic/modelChoice.js';
import { KeepModelsChoice } from '../components/KeepModelsChoice.js';
import { DateField } from '../components/DateField.js';

type T = ReturnType<typeof useT>['t'];

/** An example named by its report's opening words (its file name is an id, not something to read). */
const exampleTitle = (incident: IncidentInput) => (incident.text.length > 36 ? `${incident.text.slice(0, 36)}…` : incident.text);

export function problemMessage(t: T, p: FieldProblem): string {
  if (p.code === 'invalid_type') return p.params.expected === 'number' && p.message.includes('NaN') ? t('validation.number') : t('validation.required');
  if (p.code === 'too_small') return p.path === 'text' ? t('validation.required') : t('validation.min', { min: p.params.minimum });
  if (p.code === 'too_big') return t('validation.max', { max: p.params.maximum });
  if (p.code === 'custom' && (p.params.params as { kind?: unknown } | undefined)?.kind === RELEASE_AMOUNT_ISSUE) return t('validation.releaseAmount');
  if (p.code === 'custom') return t('validation.substance');
  return t('validation.invalid');
}

function Field({ label, path, problems, children }: { label: string; path: string; problems: Map<string, string>; children: ReactNode }) {
  const problem = problems.get(path);
  return (
    <label className={problem ? 'field invalid' : 'field'}>
      <span>{label}</span>
      {children}
      {problem && <span className="problem" role="alert" data-testid={`problem-${path}`}>{problem}</span>}
    </label>
  );
}

/** `onSubmit` settles once the engine has accepted the incident (or refused it): until then the form, and
 *  its kept draft (logic/incidentDraft.ts), stay. `incidentModels`: opened from a run (a re-run), the
 *  incident's models and its remembered choice. */
export function EditIncidentPage({ initial, draftKey, incidentModels, onSubmit }: {
  initial?: IncidentInput; draftKey: string; incidentModels?: IncidentModels; onSubmit: (incident: IncidentInput, options: { models?: ModelChoice }) => Promise<void>;
}) {
  const { t, language } = useT();
  const [keepModels, setKeepModels] = useState(incidentModels?.keep ?? false);
  const zoneNoteId = useId();
  const draft = useIncidentDraft(draftKey, () => (initial ? formFromIncident(initial) : emptyForm()));
  const { form, setForm } = draft;
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<unknown>(null);
  const messages = useMemo(() => new Map(problems.map((p) => [p.path, problemMessage(t, p)])), [problems, t]);
  const update = (patch: Partial<IncidentForm>) => setForm({ ...form, ...patch });
  const num = (label: MessageKey, path: string, value: string, set: (v: string) => void) => (
    <Field label={t(label)} path={path} problems={messages} key={path}>
      <input inputMode="decimal" value={value} onChange={(e) => set(e.target.value)} aria-invalid={messages.has(path)} name={path} />
    </Field>
  );
  const section = (key: 'release' | 'weather' | 'fire' | 'flood' | 'quake', title: MessageKey, body: ReactNode) => (
    <fieldset className="section">
      <legend>
        <label><input type="checkbox" checked={form[key].enabled} onChange={(e) => update({ [key]: { ...form[key], enabled: e.target.checked } } as Partial<IncidentForm>)} name={`enable-${key}`} /> {t(title)}</label>
      </legend>
      {form[key].enabled && <div className="grid">{body}</div>}
    </fieldset>
  );
  const submit = () => {
    const result = validateForm(form);
    if (!result.ok) { setProblems(result.problems); return; }
    setProblems([]);
    setSendError(null);
    setSending(true);
    onSubmit(result.incident, modelChoiceFor(incidentModels, keepModels)).then(draft.submitted, (err: unknown) => { setSending(false); setSendError(err); });
  };

  return (
    <form className="incident-form" onSubmit={(e) => { e.preventDefault(); submit(); }} aria-labelledby="form-title">
      <h1 id="form-title">{t('form.title')}</h1>
      {draft.restoredAt && (
        <p className="draft-note" role="status" data-testid="draft-restored">
          {t('draft.restored', { time: formatDraftTime(draft.restoredAt, language) })}{' '}
          <button type="button" onClick={draft.discard} data-testid="discard-draft">{t('draft.discard')}</button>
        </p>
      )}
      <label className="field">
        <span>{t('form.example')}</span>
        <select value="" onChange={(e) => { const ex = EXAMPLES.find((x) => x.name === e.target.value); if (ex) { setForm(formFromIncident(ex.incident)); setProblems([]); } }} data-testid="load-example" data-user-text>
          <option value="">{t('form.exampleChoose')}</option>
          {EXAMPLES.map((ex) => <option key={ex.name} value={ex.name}>{exampleTitle(ex.incident)}</option>)}
        </select>
      </label>
      <Field label={t('form.text')} path="text" problems={messages}>
        <textarea rows={5} value={form.text} onChange={(e) => update({ text: e.target.value })} name="text" data-testid="report-text" />
      </Field>
      <div className="grid">
        <Field label={t('form.id')} path="id" problems={messages}><input value={form.id} onChange={(e) => update({ id: e.target.value })} name="id" /></Field>
        <Field label={t('form.lang')} path="lang" problems={messages}>
          <select value={form.lang} onChange={(e) => update({ lang: e.target.value as IncidentForm['lang'] })} name="lang">
            <option value="">{t('form.langAuto')}</option><option value="zh">中文</option><option value="en">English</option>
          </select>
        </Field>
        <Field label={t('form.reportedAt')} path="reportedAt" problems={messages}>
          <DateField withTime label={t('form.reportedAt')} value={form.reportedAt} onChange={(reportedAt) => update({ reportedAt })} name="reportedAt" testId="reported-at"
            describedBy={form.reportedAtOffset ? zoneNoteId : undefined} />
          {/* A re-run keeps the time zone it was reported in (logic/incidentForm.ts), so the time shown is that zone's. */}
          {form.reportedAtOffset && <span className="muted" id={zoneNoteId} data-testid="reported-at-zone">{t('form.timeZone', { offset: offsetText(form.reportedAtOffset) })}</span>}
        </Field>
        {num('form.lat', 'location.lat', form.lat, (v) => update({ lat: v }))}
        {num('form.lon', 'location.lon', form.lon, (v) => update({ lon: v }))}
      </div>
      <fieldset className="section"><legend>{t('form.casualties')}</legend><div className="grid">
        {CASUALTY_FIELDS.map((k) => num(`form.${k}`, `facts.${k}`, form.casualties[k], (v) => update({ casualties: { ...form.casualties, [k]: v } })))}
        {num('form.density', 'facts.populationDensityPerKm2', form.populationDensityPerKm2, (v) => update({ populationDensityPerKm2: v }))}
        <Field label={t('form.terrain')} path="facts.terrain" problems={messages}>
          <select value={form.terrain} onChange={(e) => update({ terrain: e.target.value as IncidentForm['terrain'] })} name="terrain">
            <option value="">—</option><option value="rural">{t('form.terrainRural')}</option><option value="urban">{t('form.terrainUrban')}</option>
          </select>
        </Field>
      </div></fieldset>
      {section('release', 'form.release', <>
        <Field label={t('form.substance')} path="facts.release.substance" problems={messages}>
          <select value={form.release.substance} onChange={(e) => update({ release: { ...form.release, substance: e.target.value } })} name="substance">
            {SUBSTANCES.map((s) => <option key={s.key} value={s.key}>{s.nameZh} / {s.nameEn} ({s.formula})</option>)}
          </select>
        </Field>
        <Field label={t('form.releaseKind')} path="facts.release.kind" problems={messages}>
          <select value={form.release.kind} onChange={(e) => update({ release: { ...form.release, kind: e.target.value as IncidentForm['release']['kind'] } })} name="releaseKind">
            <option value="continuous">{t('form.releaseKind.continuous')}</option><option value="instantaneous">{t('form.releaseKind.instantaneous')}</option>
          </select>
        </Field>
        {form.release.kind === 'instantaneous'
          ? num('form.releaseMass', 'facts.release.releaseMassKg', form.release.releaseMassKg, (v) => update({ release: { ...form.release, releaseMassKg: v } }))
          : num('form.rate', 'facts.release.rateKgPerS', form.release.rateKgPerS, (v) => update({ release: { ...form.release, rateKgPerS: v } }))}
        {num('form.height', 'facts.release.heightM', form.release.heightM, (v) => update({ release: { ...form.release, heightM: v } }))}
      </>)}
      {section('weather', 'form.weather', <>
        {num('form.windSpeed', 'facts.weather.windSpeedMps', form.weather.windSpeedMps, (v) => update({ weather: { ...form.weather, windSpeedMps: v } }))}
        {num('form.windFrom', 'facts.weather.windFromDeg', form.weather.windFromDeg, (v) => update({ weather: { ...form.weather, windFromDeg: v } }))}
        <Field label={t('form.stability')} path="facts.weather.stability" problems={messages}>
          <select value={form.weather.stability} onChange={(e) => update({ weather: { ...form.weather, stability: e.target.value } })} name="stability">
            <option value="">{t('form.stabilityAuto')}</option>{STABILITY_CLASSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </Field>
        {num('form.cloud', 'facts.weather.cloudOktas', form.weather.cloudOktas, (v) => update({ weather: { ...form.weather, cloudOktas: v } }))}
        <Field label={t('form.daytime')} path="facts.weather.daytime" problems={messages}>
          <select value={form.weather.daytime} onChange={(e) => update({ weather: { ...form.weather, daytime: e.target.value as IncidentForm['weather']['daytime'] } })} name="daytime">
            <option value="">—</option><option value="day">{t('form.day')}</option><option value="night">{t('form.night')}</option>
          </select>
        </Field>
      </>)}
      {section('fire', 'form.fire', <>
        {num('form.fuelModel', 'facts.fire.fuelModel', form.fire.fuelModel, (v) => update({ fire: { ...form.fire, fuelModel: v } }))}
        {num('form.midflameWind', 'facts.fire.midflameWindSpeedMps', form.fire.midflameWindSpeedMps, (v) => update({ fire: { ...form.fire, midflameWindSpeedMps: v } }))}
        {num('form.slope', 'facts.fire.slopePct', form.fire.slopePct, (v) => update({ fire: { ...form.fire, slopePct: v } }))}
        {num('form.deadMoisture', 'facts.fire.deadFuelMoisturePct', form.fire.deadFuelMoisturePct, (v) => update({ fire: { ...form.fire, deadFuelMoisturePct: v } }))}
        {num('form.duration', 'facts.fire.durationMin', form.fire.durationMin, (v) => update({ fire: { ...form.fire, durationMin: v } }))}
        {num('form.community', 'facts.fire.distanceToCommunityM', form.fire.distanceToCommunityM, (v) => update({ fire: { ...form.fire, distanceToCommunityM: v } }))}
      </>)}
      {section('flood', 'form.flood', <>
        {num('form.breachWidth', 'facts.flood.breachWidthM', form.flood.breachWidthM, (v) => update({ flood: { ...form.flood, breachWidthM: v } }))}
        {num('form.head', 'facts.flood.headM', form.flood.headM, (v) => update({ flood: { ...form.flood, headM: v } }))}
        {num('form.polderArea', 'facts.flood.polderAreaKm2', form.flood.polderAreaKm2, (v) => update({ flood: { ...form.flood, polderAreaKm2: v } }))}
      </>)}
      {section('quake', 'form.quake', <>
        {num('form.magnitude', 'facts.quake.magnitude', form.quake.magnitude, (v) => update({ quake: { ...form.quake, magnitude: v } }))}
        {num('form.depth', 'facts.quake.depthKm', form.quake.depthKm, (v) => update({ quake: { ...form.quake, depthKm: v } }))}
        {num('form.siteDistance', 'facts.quake.siteDistanceKm', form.quake.siteDistanceKm, (v) => update({ quake: { ...form.quake, siteDistanceKm: v } }))}
      </>)}
      <fieldset className="section"><legend>{t('form.resources')}</legend>
        {form.resources.map((r, i) => (
          <div className="grid row" key={i}>
            <Field label={t('form.unitId')} path={`resources.${i}.id`} problems={messages}><input value={r.id} onChange={(e) => update({ resources: form.resources.map((x, j) => (j === i ? { ...x, id: e.target.value } : x)) })} /></Field>
            <Field label={t('form.unitKind')} path={`resources.${i}.kind`} problems={messages}>
              <select value={r.kind} onChange={(e) => update({ resources: form.resources.map((x, j) => (j === i ? { ...x, kind: e.target.value as typeof r.kind } : x)) })}>
                {UNIT_KINDS.map((k) => <option key={k} value={k}>{t(`unit.${k}`)}</option>)}
              </select>
            </Field>
            {num('form.eta', `resources.${i}.etaMin`, r.etaMin, (v) => update({ resources: form.resources.map((x, j) => (j === i ? { ...x, etaMin: v } : x)) }))}
            <button type="button" onClick={() => update({ resources: form.resources.filter((_, j) => j !== i) })}>{t('form.remove')}</button>
          </div>
        ))}
        <button type="button" onClick={() => update({ resources: [...form.resources, { id: `U${form.resources.length + 1}`, kind: 'fire_engine', etaMin: '' }] })}>{t('form.addResource')}</button>
      </fieldset>
      <fieldset className="section"><legend>{t('form.sensors')}</legend>
        {form.sensors.map((s, i) => (
          <div className="grid row" key={i}>
            <Field label={t('form.sensorId')} path={`sensors.${i}.id`} problems={messages}><input value={s.id} onChange={(e) => update({ sensors: form.sensors.map((x, j) => (j === i ? { ...x, id: e.target.value } : x)) })} /></Field>
            <Field label={t('form.sensorKind')} path={`sensors.${i}.kind`} problems={messages}>
              <select value={s.kind} onChange={(e) => update({ sensors: form.sensors.map((x, j) => (j === i ? { ...x, kind: e.target.value } : x)) })}>
                {SENSOR_KINDS.map((k) => <option key={k} value={k}>{t(`sensor.${k}`)}</option>)}
              </select>
            </Field>
            {num('form.threshold', `sensors.${i}.thresholdValue`, s.thresholdValue, (v) => update({ sensors: form.sensors.map((x, j) => (j === i ? { ...x, thresholdValue: v } : x)) }))}
            <Field label={t('form.csv')} path={`sensors.${i}.readings`} problems={messages}>
              <textarea rows={4} value={s.csv} onChange={(e) => update({ sensors: form.sensors.map((x, j) => (j === i ? { ...x, csv: e.target.value } : x)) })} />
            </Field>
            <button type="button" onClick={() => update({ sensors: form.sensors.filter((_, j) => j !== i) })}>{t('form.remove')}</button>
          </div>
        ))}
        <button type="button" onClick={() => update({ sensors: [...form.sensors, { id: `S${form.sensors.length + 1}`, kind: 'gas_ppm', thresholdValue: '', csv: '' }] })}>{t('form.addSensor')}</button>
      </fieldset>
      {incidentModels && Object.keys(incidentModels.versions).length > 0 && <KeepModelsChoice incidentModels={incidentModels} keep={keepModels} onChange={setKeepModels} />}
      {problems.length > 0 && <p className="alert" role="alert">{t('form.invalid', { n: problems.length })}</p>}
      {sendError !== null && <><p>{t('form.notSent')}</p><ErrorNotice error={sendError} onRetry={submit} testId="submit-error" /></>}
      <button type="submit" className="primary" disabled={sending} data-testid="submit">{sending ? t('form.submitting') : t('form.submit')}</button>
    </form>
  );
}
