// The Models page (docs/updates.md): what runs on this laptop and why. The channel it trusts and how old
// its metadata is, each model's live version and every version held with the gate figures behind it,
// the update events; the operator may update now or roll a model back (the engine does one at a time).
import { useCallback, useEffect, useState } from 'react';
import type { ModelUpdatesView, UpdateReport } from '../../../engine/contract/modelUpdates.js';
import type { EngineTransport } from '../transport/engineTransport.js';
import { describeError, modelSummaries } from '../logic/models.js';
import { ChannelPanel, EventTable, ModelCard, ProblemText, UpdateReportView, type Problem, type RollbackOutcome } from '../components/ModelPanels.js';
import { useT } from '../i18n/i18n.js';

/** The events listed: enough to follow the last few updates without a long table. */
const EVENTS_SHOWN = 40;

export function ModelsPage({ transport }: { transport: EngineTransport }) {
  const { t } = useT();
  const [view, setView] = useState<ModelUpdatesView | null>(null);
  const [loadProblem, setLoadProblem] = useState<Problem | null>(null);
  const [canOperate, setCanOperate] = useState(false);
  /** The action running: 'update', or the name of the model being rolled back. */
  const [running, setRunning] = useState<string | null>(null);
  const [update, setUpdate] = useState<{ report: UpdateReport } | { problem: Problem } | null>(null);
  const [rollbacks, setRollbacks] = useState<Record<string, RollbackOutcome>>({});

  const load = useCallback(() => transport.call('modelUpdates', { limit: EVENTS_SHOWN })
    .then((v) => { setView(v); setLoadProblem(null); }, (err: unknown) => setLoadProblem(describeError(err))), [transport]);
  useEffect(() => { void load(); }, [load]);
  // The operator may update and roll back; the viewer token's session says so (components/useAccess.ts).
  useEffect(() => { transport.call('session', {}).then((s) => setCanOperate(s.access === 'operator'), () => setCanOperate(false)); }, [transport]);

  const updateNow = () => {
    setRunning('update');
    setUpdate(null);
    transport.call('updateModels', {})
      .then((report) => setUpdate({ report }), (err: unknown) => setUpdate({ problem: describeError(err) }))
      .finally(() => { setRunning(null); void load(); });
  };
  const rollback = (name: string, liveVersion: number) => {
    if (!window.confirm(t('models.rollbackConfirm', { name, version: liveVersion }))) return;
    setRunning(name);
    transport.call('rollbackModel', { name })
      .then((result) => setRollbacks((old) => ({ ...old, [name]: { result } })), (err: unknown) => setRollbacks((old) => ({ ...old, [name]: { problem: describeError(err) } })))
      .finally(() => { setRunning(null); void load(); });
  };

  if (!view) {
    return loadProblem ? <ProblemText problem={loadProblem} testId="models-load-error" onRetry={() => { void load(); }} /> : <p data-testid="models-loading">{t('common.loading')}</p>;
  }
  const nowMs = Date.now();
  return (
    <section aria-labelledby="models-title" className="models-page">
      <h1 id="models-title">{t('models.title')}</h1>
      {loadProblem && <ProblemText problem={loadProblem} testId="models-load-error" onRetry={() => { void load(); }} />}
      <section aria-labelledby="models-channel-title" className="card">
        <h2 id="models-channel-title">{t('models.channel')}</h2>
        <ChannelPanel view={view} nowMs={nowMs} />
        <p>
          <button type="button" className="primary" disabled={!canOperate || running !== null} title={canOperate ? undefined : t('models.operatorOnly')}
            onClick={updateNow} data-testid="update-now">{running === 'update' ? t('models.updating') : t('models.updateNow')}</button>
        </p>
        {update && ('report' in update ? <UpdateReportView report={update.report} versions={view.versions} /> : <ProblemText problem={update.problem} testId="update-error" />)}
      </section>
      <section aria-labelledby="models-list-title">
        <h2 id="models-list-title">{t('models.models')}</h2>
        {modelSummaries(view).map((model) => (
          <ModelCard key={model.name} model={model} nowMs={nowMs} canOperate={canOperate} busy={running !== null} outcome={rollbacks[model.name]}
            onRollback={() => { if (model.live) rollback(model.name, model.live.version); }} />
        ))}
      </section>
      <section aria-labelledby="models-events-title">
        <h2 id="models-events-title">{t('models.events')}</h2>
        <EventTable events={view.events} />
      </section>
    </section>
  );
}
