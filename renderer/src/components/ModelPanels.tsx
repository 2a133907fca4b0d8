// The Models page's panels (docs/updates.md): the channel and this device, each model with the versions
// it holds and the gate figures behind each, the canary or shadow trial running on it, an update's
// report, and the update events. Plain props, so they render under Node in tests; the page
// (pages/ModelsPage.tsx) fetches and acts.
import type { GateResult, ModelUpdatesView, RollbackResult, UpdateReport } from '../../../engine/contract/modelUpdates.js';
import type { ModelTargetFacts } from '../../../engine/contract/modelChannel.js';
import {
  CHANNEL_EVENT_NAME, checkFigure, memorySize, swapLoad, type SwapLoad, rollbackBlock, eventVersions, formatMoment, knownEvent, metadataAge, scoreMetric, sharePercent, SHIPPED_SOURCE, shortDeviceId, span, TRUST_COMMAND,
  trialChecks, versionTrial, type ModelEvent, type ModelSummary, type ModelVersion, type RunningTrial, type Span, type VersionState,
} from '../logic/models.js';
import type { MessageKey } from '../i18n/locales/zh.js';
import { useT } from '../i18n/i18n.js';
import { modelName } from '../logic/modelNames.js';
import { ErrorNotice } from './ErrorNotice.js';

/** Where the device's id goes in its sentence: set as code, a name the machine gave (hex), not words. */
const ID_MARK = '\u0001';
const withCode = (sentence: string, id: string) => sentence.split(ID_MARK).flatMap((piece, i) => (i ? [<code key={i}>{id}</code>, piece] : [piece]));

type T = (key: MessageKey, params?: Record<string, unknown>) => string;
const spanText = (t: T, span: Span): string => t(`models.span.${span.unit}`, { n: span.n });

/** A failed call as the page shows it: what to do in the UI language, with the stable code and the engine's
 *  words open beside it, so it can be looked up (docs/updates.md, "Refusals"). */
export interface Problem { code: string | null; message: string }
export function ProblemText({ problem, testId, onRetry }: { problem: Problem; testId: string; onRetry?: () => void }) {
  return <ErrorNotice error={problem} testId={testId} onRetry={onRetry} detailsOpen />;
}

/** How a swap loaded, in words, with the memory it decided on. */
const swapText = (t: T, load: SwapLoad): string => t(`models.swap.${load.way}`, { estimate: memorySize(load.estimateBytes), free: memorySize(load.freeBytes) });

function sourceText(t: T, source: string): string {
  return source === SHIPPED_SOURCE ? t('models.source.shipped') : t('models.source.channel', { source });
}

export function ChannelPanel({ view, nowMs }: { view: ModelUpdatesView; nowMs: number }) {
  const { t, language } = useT();
  const root = view.trustedRoot;
  const age = view.lastMetadata ? metadataAge(view.lastMetadata, nowMs) : null;
  return (
    <dl className="models-channel" data-testid="models-channel">
      <dt>{t('models.trustedRoot')}</dt>
      <dd data-testid="trusted-root" data-trusted={root !== null}>
        {root ? t('models.rootVersion', { version: root.version, expires: formatMoment(root.expires, language) }) : (
          <>
            <strong className="warn">{t('models.noChannel')}</strong>
            <br />{t('models.pinHint')} <code>{TRUST_COMMAND}</code>
          </>
        )}
      </dd>
      <dt>{t('models.configuredChannel')}</dt>
      <dd data-testid="configured-channel">{view.channel ? <code>{view.channel}</code> : <span className="muted">{t('models.noConfiguredChannel')}</span>}</dd>
      <dt>{t('models.lastChecked')}</dt>
      <dd data-testid="metadata-age" data-stale={age?.stale ?? false}>
        {!view.lastMetadata || !age ? <span className="muted">{t('models.neverChecked')}</span> : (
          <>
            <time dateTime={view.lastMetadata.checkedAt} title={formatMoment(view.lastMetadata.checkedAt, language)}>{t('models.checkedAgo', { span: spanText(t, age.checkedAgo) })}</time>
            {age.timestamp && <>{' · '}<span className={age.timestamp.expired ? 'alert' : undefined} data-testid="timestamp-expiry">
              {t(age.timestamp.expired ? 'models.timestampExpiredAgo' : 'models.timestampExpiresIn', { span: spanText(t, age.timestamp.span) })}
            </span></>}
            {age.expiredTimestampAccepted && <><br /><strong className="warn" data-testid="expired-timestamp-accepted">{t('models.expiredTimestampAccepted')}</strong></>}
          </>
        )}
      </dd>
      {view.lastMetadata && <>
        <dt>{t('models.metadataVersions')}</dt>
        <dd>{t('models.metadataVersionsValue', { timestamp: view.lastMetadata.timestampVersion, snapshot: view.lastMetadata.snapshotVersion, targets: view.lastMetadata.targetsVersion })}</dd>
      </>}
      <dt>{t('models.device')}</dt>
      <dd data-testid="device-identity" title={view.device.deviceId}>{withCode(t('models.deviceValue', { id: ID_MARK, bucket: view.device.bucket }), shortDeviceId(view.device.deviceId))}</dd>
    </dl>
  );
}

export function StateBadge({ state }: { state: VersionState }) {
  const { t } = useT();
  return <span className={`state-badge state-${state}`} data-state={state}>{t(`models.state.${state}`)}</span>;
}

/** Each check with its figure beside its bound and its verdict in words (✓/✗ only repeat them). */
export function GateChecks({ gate, facts }: { gate: GateResult; facts: ModelTargetFacts | null }) {
  const { t } = useT();
  const metric = scoreMetric(facts);
  return (
    <div className="gate" data-testid="gate" data-passed={gate.passed}>
      <span className={gate.passed ? 'pass' : 'fail'}>{t(gate.passed ? 'models.gatePassed' : 'models.gateFailed', { ms: gate.durationMs })}</span>
      <table className="gate-table">
        <tbody>
          {gate.checks.map((c) => (
            <tr key={c.check} data-check={c.check} data-passed={c.passed} title={c.detail}>
              <th scope="row">{c.check === 'score' && metric ? t(`models.check.score.${metric}`) : t(`models.check.${c.check}`)}</th>
              <td className="check-figure">{checkFigure(c, facts) ?? ''}</td>
              <td className={c.passed ? 'pass' : 'fail'}>{c.passed ? '✓' : '✗'} {t(c.passed ? 'models.check.pass' : 'models.check.fail')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {gate.checks.filter((c) => !c.passed).map((c) => <p key={c.check} className="muted gate-detail">{c.detail}</p>)}
    </div>
  );
}

/** What a version's row says about its trial: on trial now (the panel above has the figures), or gated and
 *  waiting for one, and why it waits. */
function TrialNote({ version, model }: { version: ModelVersion; model: ModelSummary }) {
  const { t } = useT();
  const status = versionTrial(version, model.live, model.trial);
  if (!status) return null;
  const strategy = t(`models.strategy.${status.strategy}`);
  if (status.kind === 'on-trial') return <p className="trial-note" data-testid="trial-on">{t('models.trialNote.on', { strategy })}</p>;
  const other = model.runningTrial;
  return (
    <p className="trial-note" data-testid="trial-waiting">
      {other ? t('models.trialNote.waitingBehind', { strategy, name: other.name, version: other.version }) : t('models.trialNote.waiting', { strategy })}
    </p>
  );
}

function VersionRow({ version, model }: { version: ModelVersion; model: ModelSummary }) {
  const { t, language } = useT();
  const { facts } = version;
  return (
    <tr data-testid={`version-${version.name}-${version.version}`} data-state={version.state}>
      <td>{t('models.versionNumber', { version: version.version })}</td>
      <td><StateBadge state={version.state} /></td>
      <td>
        {sourceText(t, version.source)}
        {facts && <><br /><span className="muted">{t('models.rollout', { percent: facts.rollout.percent, strategy: t(`models.strategy.${facts.rollout.strategy}`) })}</span></>}
        <TrialNote version={version} model={model} />
      </td>
      <td><time dateTime={version.updatedAt}>{formatMoment(version.updatedAt, language)}</time></td>
      <td>{version.gate ? <GateChecks gate={version.gate} facts={facts} /> : <span className="muted">{t('models.noGate')}</span>}</td>
    </tr>
  );
}

/**
 * The canary or shadow trial running on a model: how it runs, since when, each figure so far beside the
 * bound the verdict is judged on with its verdict in words, and the verdict now with the engine's reason.
 */
export function TrialPanel({ trial, nowMs }: { trial: RunningTrial; nowMs: number }) {
  const { t, language } = useT();
  const strategy = trial.strategy === 'canary'
    ? t('models.trial.canary', { share: sharePercent(trial.canaryShare), version: trial.version })
    : t('models.trial.shadow', { version: trial.version });
  const verdictWord = { pass: `✓ ${t('models.check.pass')}`, fail: `✗ ${t('models.check.fail')}`, pending: `… ${t('models.trial.pending')}` } as const;
  return (
    <section className="trial" data-testid="trial" data-decision={trial.decision} aria-labelledby={`trial-title-${trial.name}`}>
      <h4 id={`trial-title-${trial.name}`}>{t('models.trial.title', { version: trial.version, strategy: t(`models.strategy.${trial.strategy}`) })}</h4>
      <p data-testid="trial-strategy">{strategy}</p>
      <p className="muted" data-testid="trial-started">
        {t('models.trial.started', { time: formatMoment(trial.startedAt, language), span: spanText(t, span(nowMs - Date.parse(trial.startedAt))) })}
      </p>
      <table className="gate-table trial-table">
        <tbody>
          {trialChecks(trial).map((c) => (
            <tr key={c.check} data-check={c.check} data-verdict={c.verdict}>
              <th scope="row">{t(`models.trial.check.${c.check}`, { size: trial.rules.windowSize, n: trial.rules.failedWindowsToRollback })}</th>
              <td className="check-figure">{c.figure}</td>
              <td className={c.verdict === 'pending' ? 'muted' : c.verdict}>{verdictWord[c.verdict]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="trial-verdict" data-decision={trial.decision}>
        <strong className={trial.decision === 'rollback' ? 'fail' : trial.decision === 'promote' ? 'pass' : undefined}>
          {t(`models.trial.decision.${trial.decision}`, { version: trial.version })}
        </strong>
        <br /><span className="muted">{t('models.trial.reason', { reason: trial.reason })}</span>
      </p>
    </section>
  );
}

/** What a rollback of this model answered, shown under its button. */
export type RollbackOutcome = { result: RollbackResult } | { problem: Problem };

export function ModelCard({ model, nowMs, canOperate, busy, outcome, onRollback }: {
  model: ModelSummary; nowMs: number; canOperate: boolean; busy: boolean; outcome: RollbackOutcome | undefined; onRollback: () => void;
}) {
  const { t, language } = useT();
  const titleId = `model-title-${model.name}`;
  const reasonId = `rollback-reason-${model.name}`;
  // Why the button is off, said beside it and read with it (aria-describedby), not only in a tooltip.
  const rollbackBlocked = rollbackBlock(model);
  const swap = model.lastSwap;
  const reason = !canOperate ? t('models.operatorOnly') : rollbackBlocked ? t(`models.rollbackBlocked.${rollbackBlocked}`, { version: model.live?.version ?? 0 }) : null;
  return (
    <article className="card model-card" aria-labelledby={titleId} data-testid={`model-${model.name}`}>
      <header>
        <h3 id={titleId}>{modelName(model.name, language)} <code className="model-id">{model.name}</code></h3>
        <p data-testid="live-version" data-version={model.live?.version}>
          <span className="muted">{t('models.live')}</span>{' '}
          {model.live ? <><strong>{t('models.versionNumber', { version: model.live.version })}</strong>{' · '}{sourceText(t, model.live.source)}</> : <span className="alert">{t('models.noLive')}</span>}
        </p>
        {swap && <p className="muted" data-testid="last-swap" data-way={swap.way}>{t('models.swap.last', { time: formatMoment(swap.at, language), how: swapText(t, swap) })}</p>}
        <button type="button" disabled={!canOperate || busy || rollbackBlocked !== null} title={reason ?? undefined} aria-describedby={reason ? reasonId : undefined}
          onClick={onRollback} data-testid="rollback">
          {t('models.rollback', { name: modelName(model.name, language) })}
        </button>
        {reason && <p className="muted rollback-reason" id={reasonId} data-testid="rollback-reason" data-reason={canOperate ? rollbackBlocked : 'viewer'}>{reason}</p>}
      </header>
      {outcome && ('result' in outcome
        ? <p role="status" data-testid="rollback-result">{t('models.rollbackDone', { from: outcome.result.fromVersion, to: outcome.result.toVersion, ms: outcome.result.durationMs })}</p>
        : <ProblemText problem={outcome.problem} testId="rollback-error" />)}
      {model.trial && <TrialPanel trial={model.trial} nowMs={nowMs} />}
      {model.versions.length === 0 ? <p className="muted">{t('models.noVersionsHeld')}</p> : (
        <table className="model-versions">
          <caption className="visually-hidden">{t('models.versions', { name: modelName(model.name, language) })}</caption>
          <thead><tr><th>{t('models.version')}</th><th>{t('models.state')}</th><th>{t('models.source')}</th><th>{t('models.when')}</th><th>{t('models.gate')}</th></tr></thead>
          <tbody>{model.versions.map((v) => <VersionRow key={v.version} version={v} model={model} />)}</tbody>
        </table>
      )}
    </article>
  );
}

/** `versions` supplies the signed facts of the versions the report names (what their score measured). */
export function UpdateReportView({ report, versions }: { report: UpdateReport; versions: readonly ModelVersion[] }) {
  const { t, language } = useT();
  const reportSwap = swapLoad(report.swap);
  const factsOf = (name: string, version: number | null) => versions.find((v) => v.name === name && v.version === version)?.facts ?? null;
  return (
    <div role="status" data-testid="update-report">
      <h3>{t('models.report')}</h3>
      <p>{t('models.report.channel', { channel: report.channel, time: formatMoment(report.checkedAt, language) })}{report.swapped && <>{' · '}{t('models.report.swapped')}</>}</p>
      {reportSwap && <p data-testid="report-swap" data-way={reportSwap.way}>{swapText(t, reportSwap)}</p>}
      <table>
        <thead><tr><th>{t('models.event.model')}</th><th>{t('models.state')}</th><th>{t('models.version')}</th><th>{t('models.event.code')}</th><th>{t('models.gate')}</th></tr></thead>
        <tbody>
          {report.models.map((m) => (
            <tr key={m.name} data-outcome={m.outcome}>
              <td><code>{m.name}</code></td>
              <td>{t(`models.outcome.${m.outcome}`)}{m.message && <><br /><span className="muted">{m.message}</span></>}</td>
              <td>{m.toVersion === null ? '—' : t('models.report.fromTo', { from: m.fromVersion ?? '—', to: m.toVersion })}</td>
              <td>{m.code ? <code>{m.code}</code> : '—'}</td>
              <td>{m.gate ? <GateChecks gate={m.gate} facts={factsOf(m.name, m.toVersion)} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function versionsText(t: T, { from, to }: { from: number | null; to: number | null }): string {
  if (to === null) return '—';
  return from === null || from === to ? t('models.versionNumber', { version: to }) : t('models.report.fromTo', { from, to });
}

/** An event's own words, shown on hover: a refusal's message, a trial's reason for its promotion or rollback. */
function eventNote(e: ModelEvent): string | undefined {
  const note = e.detail.message ?? e.detail.reason;
  return typeof note === 'string' ? note : undefined;
}

/** A swap event's way in a word or two ("beside the live models"), after the event's name. */
function SwapWayNote({ event }: { event: ModelEvent }) {
  const { t } = useT();
  const load = event.event === 'swapped' ? swapLoad(event.detail) : null;
  return load && <>{t('models.swap.wayNote', { way: t(`models.swap.way.${load.way}`) })}</>;
}

export function EventTable({ events }: { events: readonly ModelEvent[] }) {
  const { t, language } = useT();
  if (events.length === 0) return <p className="muted" data-testid="events-none">{t('models.events.none')}</p>;
  return (
    <table data-testid="model-events">
      <thead><tr><th>{t('models.event.time')}</th><th>{t('models.event.model')}</th><th>{t('models.event.version')}</th><th>{t('models.event.event')}</th><th>{t('models.event.code')}</th></tr></thead>
      <tbody>
        {events.map((e) => {
          const known = knownEvent(e.event);
          return (
            <tr key={e.id} data-event={e.event}>
              <td><time dateTime={e.at}>{formatMoment(e.at, language)}</time></td>
              <td>{e.name === CHANNEL_EVENT_NAME ? t('models.event.channelName') : <code>{e.name}</code>}</td>
              <td>{versionsText(t, eventVersions(e))}</td>
              <td title={eventNote(e)}>{known ? t(`models.event.${known}`) : e.event}<SwapWayNote event={e} /></td>
              <td>{e.code ? <code>{e.code}</code> : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
