import type { AnalysisResult } from '../../../engine/contract/result.js';
import {
  bandLevel, cacheNote, casualtyCount, firstTasks, formatLocalTime, peopleAtRisk, sensorThreshold, timeToImpact,
  CASUALTY_FIGURES, type BandCount, type Impact,
} from '../logic/answerBand.js';
import { useT } from '../i18n/i18n.js';
import { countText } from '../logic/dateTime.js';

function showPlan(): void {
  const plan = document.getElementById('plan-title');
  plan?.scrollIntoView({ block: 'start' });
  plan?.setAttribute('tabindex', '-1');
  plan?.focus({ preventScroll: true });
}

/** Tasks the band lists: enough to act on, few enough to stay on the first screen at 1280×720. */
const FIRST_TASKS = 3;

/** The workspace's first screen (docs/app.md, "The answer band"): the one-line answer, the level that
 *  leads, the numbers that drive the response and what to do now; the rest is below or one click away. */
export function AnswerBand({ result }: { result: AnalysisResult }) {
  const { t, language } = useT();
  const { strategist, awareness, field, executor } = result;
  const level = strategist ? bandLevel(strategist, awareness) : null;
  const impact = timeToImpact(executor, field);
  const sensor = sensorThreshold(awareness);
  const cache = cacheNote(result);
  const tasks = firstTasks(executor, FIRST_TASKS);
  // The kind of the unit actually assigned, as the plan table shows it (a stand-in may differ).
  const unitKinds = new Map(executor?.units.map((u) => [u.id, u.kind]) ?? []);
  const number = (n: number) => countText(n, language);
  const count = (c: BandCount, people = false) => {
    if (!c.known) return <span className="unknown">{t('band.unknown')}</span>;
    const value = `${number(c.value)}${c.lowerBound ? '+' : ''}`;
    return <>{people ? t('band.people', { n: value }) : value}{c.source === 'estimate' && !people ? <small> {t('band.estimated')}</small> : null}</>;
  };
  const impactWhat = (i: Impact) => (i.kind === 'place' ? i.place : i.kind === 'fire' ? t('band.impact.fire') : t('band.impact.flood', { depth: i.depthM }));
  return (
    <section className="answer-band" aria-labelledby="band-title" data-testid="answer-band">
      <h2 id="band-title" className="visually-hidden">{t('band.title')}</h2>
      {cache && (
        <p className="cache-note" data-testid="cache-note">
          {cache.computedAt ? t('band.cached', { at: formatLocalTime(cache.computedAt, language) }) : t('band.cachedNoTime')}
        </p>
      )}
      {executor?.headline && <p className="headline" data-testid="headline">{executor.headline[language]}</p>}
      {level && (
        <p className="band-level">
          <span className={`severity severity-${level.colour}`} data-testid="band-level" data-colour={level.colour} data-from={level.from}>
            {t(`severity.${level.severity}`)}
          </span>
          {level.from === 'physics' && level.reported && <span data-testid="band-level-basis">{t('band.byPhysics', { reported: t(`severity.${level.reported}`) })}</span>}
          {level.from === 'reported' && level.isEstimate && <span>{t('band.estimated')}</span>}
          {level.risk && <span className={`band-risk risk-${level.risk}`} data-testid="band-risk">{t('band.risk', { level: t(`risk.${level.risk}`) })}</span>}
          {level.riskAbove && <span className="band-why" data-testid="band-why">{t('band.riskAboveLevel')}</span>}
        </p>
      )}
      <dl className="band-figures">
        <div data-testid="figure-atRisk"><dt>{t('band.atRisk')}</dt><dd>{count(peopleAtRisk(awareness), true)}</dd></div>
        <div data-testid="figure-impact">
          <dt>{t('band.impact')}</dt>
          <dd>{impact === null ? <span className="unknown">{t('band.unknown')}</span>
            : <>{impact.minutes === 0 ? t('band.now') : t('band.inMin', { n: impact.minutes })} <small>{impactWhat(impact)}</small></>}</dd>
        </div>
        {sensor && (
          <div data-testid="figure-sensor">
            <dt>{t('band.sensor')}</dt>
            <dd>{sensor.exceeded ? t('band.sensorExceeded') : t('band.inMin', { n: sensor.minutes })} <small>{sensor.sensorId}</small></dd>
          </div>
        )}
        {CASUALTY_FIGURES.map((figure) => {
          const c = casualtyCount(strategist, figure);
          return <div key={figure} data-testid={`figure-${figure}`} data-known={c.known}><dt>{t(`band.${figure}`)}</dt><dd>{count(c)}</dd></div>;
        })}
      </dl>
      {tasks.length > 0 && (
        <>
          <div className="band-tasks-head">
            <h3 className="band-tasks-title">{t('band.doNow')}</h3>
            {executor && executor.tasks.length > tasks.length && (
              // A button, not an anchor: the hash router owns the address's fragment.
              <button type="button" className="band-more" onClick={() => showPlan()}>{t('band.fullPlan', { n: executor.tasks.length })}</button>
            )}
          </div>
          <ol className="band-tasks" data-testid="band-tasks">
            {tasks.map((task) => (
              <li key={task.id} data-testid="band-task" className={task.late ? 'late' : undefined}>
                <span className="band-deadline">{t('band.within', { n: task.deadlineMin })}</span>
                <span className="band-task-title">{language === 'zh' ? task.titleZh : task.title}</span>
                <small className="band-unit">
                  {task.assignedUnitId ? `${task.assignedUnitId} ${t(`unit.${unitKinds.get(task.assignedUnitId) ?? task.unitKind}`)}` : <span className="alert">{t('plan.unassigned')}</span>}
                  {task.late && task.assignedUnitId ? <> <span className="alert">{t('plan.late')}</span></> : null}
                </small>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
