import type { AwarenessResult, StrategistResult } from '../../../engine/contract/result.js';
import { useT } from '../i18n/i18n.js';
import { countText } from '../logic/dateTime.js';

/** What it is, how bad, how sure, and why: the first thing a commander reads. */
export function StrategistCard({ strategist, physics }: { strategist: StrategistResult; physics?: AwarenessResult['severityFromPhysics'] }) {
  const { t, language } = useT();
  const basis = Object.entries(strategist.severityBasis) as Array<[keyof StrategistResult['severityBasis'], { value: number; source: 'fact' | 'text' | 'estimate'; lowerBound?: boolean }]>;
  return (
    <section className="card strategist" aria-labelledby="strategist-title">
      <h2 id="strategist-title">{t('card.type')}</h2>
      <p className="incident-type" data-testid="incident-type">{t(`type.${strategist.type}`)}</p>
      <p>{t('card.confidence', { pct: Math.round(strategist.confidence * 100) })}</p>
      <h3>{t('card.severity')}</h3>
      <p className={`severity severity-${strategist.severityColour}`} data-testid="severity">
        {t(`severity.${strategist.severity}`)}{strategist.severityIsEstimate ? ` · ${t('card.estimate')}` : ''}
      </p>
      <h3>{t('card.why')}</h3>
      <ul>
        {basis.length === 0 && <li>{t('card.noFigures')}</li>}
        {basis.map(([kind, figure]) => <li key={kind}>{t(`card.basis.${kind}`, { value: `${countText(figure.value, language)}${figure.lowerBound ? '+' : ''}`, source: t(`card.source.${figure.source}`) })}</li>)}
      </ul>
      {strategist.figureConflicts && strategist.figureConflicts.length > 0 && (
        <div className="alert" data-testid="figure-conflicts"><strong>{t('card.conflicts')}</strong>
          <ul>{strategist.figureConflicts.map((c) => <li key={c.figure}>{t('card.conflict', {
            figure: t(`figure.name.${c.figure}`), stated: countText(c.stated, language), read: countText(c.read, language),
            used: t(c.used === 'read' ? 'card.conflict.usedRead' : 'card.conflict.usedStated'),
          })}</li>)}</ul>
        </div>
      )}
      <p data-testid="severity-standard"><small>{t('card.standard', { standard: t(`card.standard.${strategist.severityStandard}`) })}</small></p>
      {physics && (
        <p data-testid="severity-physics">
          <span className={`severity severity-${physics.colour}`}>{t(`severity.${physics.severity}`)} · {t('card.physicsEstimate')}</span>
          <br /><small>{language === 'zh' ? physics.basisZh : physics.basis}</small>
        </p>
      )}
      {strategist.severityInitial && <p><small>{t('card.initial', { level: t(`severity.${strategist.severityInitial.severity}`) })}</small></p>}
      {strategist.secondaryHazards.length > 0 && (
        <p>{t('card.secondary')}{t('ics.colon')}{strategist.secondaryHazards.map((h) => t(`type.${h.type}`)).join(language === 'zh' ? '、' : ', ')}</p>
      )}
      <p>{t('card.sop')}{t('ics.colon')}{language === 'zh' ? strategist.sop.titleZh : strategist.sop.title}</p>
      {/* Detail, not the first screen's business: one click away (docs/app.md, "The answer band"). */}
      <details data-testid="objectives">
        <summary>{t('card.objectives')}</summary>
        <ol>{strategist.objectives.map((o) => <li key={o.id}>{language === 'zh' ? o.titleZh : o.title} <small>({o.score.toFixed(2)})</small></li>)}</ol>
      </details>
    </section>
  );
}
