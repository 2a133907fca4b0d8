import type { ExecutorResult } from '../../../engine/contract/result.js';
import { useT } from '../i18n/i18n.js';
import { missingFieldKey } from '../logic/missingFieldNames.js';

export function PlanView({ executor }: { executor: ExecutorResult }) {
  const { t, language } = useT();
  // Show the kind of the unit actually assigned (a stand-in may differ from the kind the task asks for).
  const unitKinds = new Map(executor.units.map((u) => [u.id, u.kind]));
  return (
    <section className="card plan" aria-labelledby="plan-title">
      <h2 id="plan-title">{t('plan.title')}</h2>
      <table data-testid="plan-table">
        <thead><tr><th>{t('plan.deadline')}</th><th>{t('plan.task')}</th><th>{t('plan.unit')}</th><th>{t('plan.eta')}</th></tr></thead>
        <tbody>
          {[...executor.tasks].sort((a, b) => a.deadlineMin - b.deadlineMin || b.priority - a.priority).map((task) => (
            <tr key={task.id} className={task.late ? 'late' : ''}>
              <td>{t('common.minutes', { n: task.deadlineMin })}</td>
              <td>{language === 'zh' ? task.titleZh : task.title}</td>
              <td>{task.assignedUnitId ?? <span className="alert">{t('plan.unassigned')}</span>} <small>{t(`unit.${unitKinds.get(task.assignedUnitId ?? '') ?? task.unitKind}`)}</small></td>
              <td>{task.etaMin !== null ? t('common.minutes', { n: task.etaMin }) : '—'}{task.late && task.assignedUnitId ? <> <span className="alert">{t('plan.late')}</span></> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('plan.timeline')}</h3>
      <ol className="timeline">
        {executor.timeline.slice(0, 20).map((e, i) => <li key={i}><strong>T+{e.atMin}′</strong> {language === 'zh' ? e.eventZh : e.event}</li>)}
      </ol>
      <h3>{t('plan.missing')}</h3>
      <ul data-testid="missing-info">
        {executor.missingInformation.length === 0 && <li>{t('common.none')}</li>}
        {executor.missingInformation.slice(0, 8).map((m) => {
          const name = missingFieldKey(m.field);
          return <li key={m.field}>{name ? <strong>{t(name)}</strong> : <code>{m.field}</code>} — {language === 'zh' ? m.whyZh : m.why}</li>;
        })}
      </ul>
    </section>
  );
}
