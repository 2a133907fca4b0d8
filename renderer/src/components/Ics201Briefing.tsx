// The ICS-201 incident briefing laid out for paper: the form's ten sections in the form's order, each filled
// from the stored run's own fields (no figure is computed here), the hazard map reused at print size.
// What the analysis does not know (ICS positions, who prepared it) is a blank line to fill by hand
// (docs/app.md, "The ICS-201 briefing").
import type { ReactNode } from 'react';
import type { AnalysisResult } from '../../../engine/contract/result.js';
import { formatDateTime } from '../logic/dateTime.js';
import { formatLocation } from '../logic/incidentGroups.js';
import { ICS_POSITIONS } from '../logic/briefingFields.js';
import { HazardMap } from './HazardMap.js';
import { HazmatCard } from './HazmatCard.js';
import { FieldSummary } from './FieldSummary.js';
import { PlacesAtRisk } from './PlacesAtRisk.js';
import { PlanView } from './PlanView.js';
import { LevelChip } from './LevelPath.js';
import { useT } from '../i18n/i18n.js';
import { unitName } from '../logic/modelNames.js';

export interface BriefingInput {
  result: AnalysisResult;
  /** The incident as analysed (its time and place as reported). */
  incident: { reportedAt?: string; location?: { lat: number; lon: number } };
  seq: number;
  incidentName: string;
  preparedBy: string;
  preparedAt: Date;
}

function Box({ n, title, children, wide }: { n: number; title: string; children: ReactNode; wide?: boolean }) {
  return (
    <section className={`ics-box${wide ? ' wide' : ''}`} data-testid={`ics-section-${n}`} aria-labelledby={`ics-${n}`}>
      <h2 id={`ics-${n}`}><span className="ics-number">{n}.</span> {title}</h2>
      {children}
    </section>
  );
}

/** A value, or a ruled blank line to write on. */
function Filled({ value }: { value: string }) {
  const { t } = useT();
  return value.trim() ? <p className="ics-value">{value}</p> : <p className="ics-blank"><span className="visually-hidden">{t('ics.blank')}</span></p>;
}

export function Ics201Briefing({ result, incident, seq, incidentName, preparedBy, preparedAt }: BriefingInput) {
  const { t, language } = useT();
  const s = result.strategist;
  const e = result.executor;
  const tasksOf = (unitId: string) => (e?.tasks ?? []).filter((task) => task.assignedUnitId === unitId);
  return (
    <article className="ics201" aria-labelledby="ics-title" data-testid="ics201">
      <h1 id="ics-title">{t('briefing.title')}</h1>
      <div className="ics-top">
        <Box n={1} title={t('ics.incidentName')}><Filled value={incidentName} /></Box>
        <Box n={2} title={t('ics.incidentNumber')}><p className="ics-value">{result.id} · {t('incidents.run', { seq })}</p></Box>
        <Box n={3} title={t('ics.preparedAt')}>
          <p className="ics-value"><time dateTime={preparedAt.toISOString()}>{formatDateTime(preparedAt, language)}</time></p>
          <p className="ics-note">
            {incident.reportedAt && <>{t('ics.reportedAt', { time: formatDateTime(incident.reportedAt, language) })}<br /></>}
            {result.analysedAt && t('ics.analysedAt', { time: formatDateTime(result.analysedAt, language) })}
          </p>
        </Box>
      </div>
      <Box n={4} title={t('ics.map')} wide>
        <p className="ics-note">{incident.location ? t('ics.location', { where: formatLocation(incident.location) }) : t('ics.noLocation')}</p>
        {e ? <HazardMap plan={e} field={result.field} /> : <p>{t('map.none')}</p>}
      </Box>
      <Box n={5} title={t('ics.situation')} wide>
        {result.status !== 'ok' && <p className="alert" data-testid="ics-incomplete">{t('ics.incomplete', { status: t(`status.${result.status}`) })}</p>}
        {e?.headline && <p className="headline">{e.headline[language]}</p>}
        {s && (
          <ul className="ics-facts">
            <li>{t('card.type')}{t('ics.colon')}<strong>{t(`type.${s.type}`)}</strong> ({t('card.confidence', { pct: Math.round(s.confidence * 100) })})</li>
            <li>{t('card.severity')}{t('ics.colon')}<LevelChip level={s.severity} full />{s.severityIsEstimate ? ` · ${t('card.estimate')}` : ''}</li>
            {result.awareness?.severityFromPhysics && (
              <li>{t('card.physicsEstimate')}{t('ics.colon')}<LevelChip level={result.awareness.severityFromPhysics.severity} full /> {language === 'zh' ? result.awareness.severityFromPhysics.basisZh : result.awareness.severityFromPhysics.basis}</li>
            )}
            {s.secondaryHazards.length > 0 && <li>{t('card.secondary')}{t('ics.colon')}{s.secondaryHazards.map((h) => t(`type.${h.type}`)).join(language === 'zh' ? '、' : ', ')}</li>}
          </ul>
        )}
        {e && e.zones.length > 0 && (
          <>
            <h3>{t('ics.safety')}</h3>
            <ul className="ics-zones">
              {e.zones.map((z) => <li key={z.zone}><strong>{t(`map.${z.zone}`)}</strong>{t('ics.colon')}{(language === 'zh' ? z.basisZh : undefined) ?? z.basis}</li>)}
            </ul>
          </>
        )}
        {e?.placesAtRisk && e.placesAtRisk.length > 0 && <PlacesAtRisk places={e.placesAtRisk} />}
        <HazmatCard field={result.field} />
        <FieldSummary field={result.field} awareness={result.awareness} />
      </Box>
      <Box n={6} title={t('ics.preparedBy')}><Filled value={preparedBy} /></Box>
      <Box n={7} title={t('ics.objectives')} wide>
        {s ? (
          <>
            <p className="ics-note">{t('card.sop')}{t('ics.colon')}{language === 'zh' ? s.sop.titleZh : s.sop.title}</p>
            <ol data-testid="ics-objectives">{s.objectives.map((o) => <li key={o.id}>{language === 'zh' ? o.titleZh : o.title}</li>)}</ol>
          </>
        ) : <p>{t('common.none')}</p>}
      </Box>
      <Box n={8} title={t('ics.actions')} wide>
        {e ? <PlanView executor={e} /> : <p>{t('common.none')}</p>}
      </Box>
      <Box n={9} title={t('ics.organisation')} wide>
        <p className="ics-note">{t('ics.organisationNote')}</p>
        <table className="ics-organisation" data-testid="ics-organisation">
          <tbody>{ICS_POSITIONS.map((position) => <tr key={position}><th scope="row">{t(`ics.position.${position}`)}</th><td className="ics-blank-cell" /></tr>)}</tbody>
        </table>
      </Box>
      <Box n={10} title={t('ics.resources')} wide>
        {e && e.units.some((u) => u.source === 'default_roster') && <p className="ics-note">{t('ics.assumedUnits')}</p>}
        {e && e.units.length > 0 ? (
          <table data-testid="ics-resources">
            <thead><tr><th>{t('ics.unit')}</th><th>{t('form.unitKind')}</th><th>{t('plan.eta')}</th><th>{t('ics.assignedTo')}</th></tr></thead>
            <tbody>
              {[...e.units].sort((a, b) => a.etaMin - b.etaMin).map((u) => (
                <tr key={u.id}>
                  <td>{u.name ? unitName(u.name, language) : u.id}{u.source === 'default_roster' && <span data-testid="assumed-unit" title={t('ics.assumedUnits')}> *</span>}</td>
                  <td>{t(`unit.${u.kind}`)}</td>
                  <td>{t('common.minutes', { n: u.etaMin })}</td>
                  <td>{tasksOf(u.id).map((task) => `${language === 'zh' ? task.titleZh : task.title} (T+${task.deadlineMin}′)`).join(language === 'zh' ? '；' : '; ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : <p>{t('common.none')}</p>}
        {e && e.assignment.unassignedTasks > 0 && <p className="alert">{t('ics.unassigned', { n: e.assignment.unassignedTasks })}</p>}
      </Box>
    </article>
  );
}
