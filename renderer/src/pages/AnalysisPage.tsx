import { useEffect, useState } from 'react';
import type { ProgressEventBody } from '../../../engine/contract/api.js';
import type { AnalysisResult } from '../../../engine/contract/result.js';
import type { Sensor } from '../../../engine/contract/incident.js';
import { ProgressStrip } from '../components/ProgressStrip.js';
import { AnswerBand } from '../components/AnswerBand.js';
import { useLiveHandover } from '../components/useLiveHandover.js';
import { StrategistCard } from '../components/StrategistCard.js';
import { FieldSummary } from '../components/FieldSummary.js';
import { HazardMap, HazardMapPending } from '../components/HazardMap.js';
import { SensorChart } from '../components/SensorChart.js';
import { PlanView } from '../components/PlanView.js';
import { RunChanges } from '../components/RunChanges.js';
import { ReportReading } from '../components/ReportReading.js';
import { HazmatCard } from '../components/HazmatCard.js';
import { PlacesAtRisk } from '../components/PlacesAtRisk.js';
import { IncidentEscalation } from '../components/IncidentEscalation.js';
import { routeHash } from '../logic/routes.js';
import type { EngineTransport, StoredRun } from '../transport/engineTransport.js';
import { useT } from '../i18n/i18n.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { PanelGrid } from '../components/PanelBoundary.js';
import { HandoverActions } from '../components/HandoverActions.js';
import { NotSavedBanner } from '../components/NotSavedBanner.js';
import { downloadText, fileSafe } from '../logic/download.js';

/**
 * False until the frame after `ready` turned true has been painted (or a moment later where no frame comes, a
 * hidden tab). The answer band is drawn first, alone; the map in the frame after it, and the cards below
 * the first screen in the frame after that: so the answer reaches the screen without waiting for the map's
 * render and layout, nor the map for the cards' (docs/performance.md, "The answer band first"). Stays true
 * once it is.
 */
function useAfterFirstPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return undefined;
    const show = () => setPainted(true);
    let afterFrame = 0;
    // A timeout set in an animation frame runs once that frame is painted.
    const frame = requestAnimationFrame(() => { afterFrame = window.setTimeout(show, 0); });
    const fallback = window.setTimeout(show, NO_FRAME_AFTER_MS);
    return () => { cancelAnimationFrame(frame); window.clearTimeout(afterFrame); window.clearTimeout(fallback); };
  }, [ready, painted]);
  return painted;
}
/** How long to wait for a frame before drawing the rest anyway (a tab in the background gets none). */
const NO_FRAME_AFTER_MS = 100;

/** `error`: what stopped the analysis after the engine accepted it; `retry` submits the same incident again. */
export interface LiveAnalysis { events: ProgressEventBody[]; result?: AnalysisResult; error?: unknown; retry?: () => void; sensors: Sensor[]; startedAtMs?: number }

/** A model's probability as a percentage a commander reads: never "100 %", which no model can be. */
const shownPercent = (p: number): string => (p >= 0.995 ? '> 99' : String(Math.round(p * 100)));

export function AnalysisPage({ transport, id, live }: { transport: EngineTransport; id: string; live: LiveAnalysis | null }) {
  const { t, language } = useT();
  const [stored, setStored] = useState<StoredRun | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const runId = id === 'live' ? live?.result?.runId : id;
  useEffect(() => {
    setStored(null);
    setError(null);
    if (runId) transport.run(runId).then(setStored, setError);
  }, [transport, runId, attempt]);
  const result = stored?.result ?? live?.result;
  const finished = useLiveHandover(id, live?.result);
  // Only for the analysis on screen: opening another run afterwards must not leave this one's words.
  const finishedHere = finished && (id === 'live' || finished.runId === id) ? finished : null;
  const sensors = (stored?.incident.sensors as Sensor[] | undefined) ?? live?.sensors ?? [];
  const mapDrawn = useAfterFirstPaint(result !== undefined);
  const belowDrawn = useAfterFirstPaint(mapDrawn);
  // Said in the error's own words: an outage must not read "analysis not found".
  if (error) return <ErrorNotice error={error} onRetry={() => setAttempt((n) => n + 1)} testId="analysis-error" />;
  // The live address after a reload: the session that ran it is gone (its result, if any, is in the list).
  if (id === 'live' && !live) return <p className="alert" data-testid="live-gone">{t('analysis.liveGone')} <a href={routeHash({ page: 'incidents' })}>{t('analysis.toIncidents')}</a></p>;
  // A message screened as not an incident keeps the analysis the pipeline made anyway (the general SOP's), folded under the
  // banner: the banner says no plan is needed, and a commander who judges otherwise opens it (docs/app.md).
  const screened = result?.strategist?.notIncidentReason !== undefined;
  const analysis = (
    <>
      {result && result.status !== 'error' && (
        <div className="first-screen">
          <AnswerBand result={result} />
          {result.executor && (mapDrawn ? <HazardMap plan={result.executor} field={result.field} /> : <HazardMapPending />)}
        </div>
      )}
      {result && belowDrawn && (
        <PanelGrid className="workspace-grid">
          {result.strategist && <StrategistCard strategist={result.strategist} physics={result.awareness?.severityFromPhysics} />}
          {stored && !screened && <ReportReading text={stored.incident.text as string} result={result} />}
          {result.executor?.placesAtRisk && <PlacesAtRisk places={result.executor.placesAtRisk} />}
          <HazmatCard field={result.field} />
          <FieldSummary field={result.field} awareness={result.awareness} />
          {result.awareness && result.awareness.sensors.length > 0 && (
            <section className="card"><h2>{t('form.sensors')}</h2>
              {result.awareness.sensors.map((a) => {
                const sensor = sensors.find((s) => s.id === a.id);
                return sensor ? <SensorChart key={a.id} sensor={sensor} analysis={a} /> : null;
              })}
            </section>
          )}
          {result.executor && <PlanView executor={result.executor} />}
          <RunChanges stored={stored} />
        </PanelGrid>
      )}
    </>
  );
  return (
    <article className="workspace" aria-labelledby="analysis-title">
      <header className="workspace-header">
        <h1 id="analysis-title"><span className="print-only">{t('briefing.title')} — </span>{t('analysis.title')}{result ? ` · ${result.id}` : ''}</h1>
        {result && (
          <div className="actions no-print">
            {result.runId && <a className="button" href={routeHash({ page: 'new', fromRunId: result.runId })}>{t('analysis.rerun')}</a>}
            {result.runId
              ? <a className="button" href={routeHash({ page: 'briefing', id: result.runId })} data-testid="print">{t('analysis.print')}</a>
              : <button type="button" onClick={() => window.print()} data-testid="print">{t('analysis.print')}</button>}
            {/* Exports behind one button: the first screen's height belongs to the answer (docs/app.md). */}
            <details className="export-menu" data-testid="export-menu">
              <summary className="button">{t('analysis.export')}</summary>
              <div className="export-menu-items">
                <button type="button" onClick={() => downloadText(`${fileSafe(result.id)}.json`, JSON.stringify(result, null, 2), 'application/json')} data-testid="export-json">{t('analysis.exportJson')}</button>
                {result.runId && <HandoverActions transport={transport} runId={result.runId} incidentId={result.id} />}
              </div>
            </details>
          </div>
        )}
      </header>
      {result?.runId && <IncidentEscalation transport={transport} incidentId={result.id} runId={result.runId} />}
      {result && <NotSavedBanner result={result} />}
      {live && <ProgressStrip events={live.events} result={live.result} startedAtMs={live.startedAtMs} />}
      {/* Says once that the analysis finished here (a shared live region may replace this one). */}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="analysis-announcer">
        {finishedHere ? (finishedHere.executor?.headline ? t('band.finished', { headline: finishedHere.executor.headline[language] }) : t('band.finishedNoHeadline')) : ''}
      </p>
      {!result && live?.error === undefined && <p>{t('analysis.running')}</p>}
      {live?.error !== undefined && <ErrorNotice error={live.error} onRetry={live.retry} testId="live-error" />}
      {result?.error && <ErrorNotice error={result.error} onRetry={live?.retry} testId="result-error" />}
      {result?.strategist?.notIncidentReason && (
        <p className="alert not-incident-banner" role="note" data-testid="not-incident-banner">
          {t('analysis.notIncident', {
            reason: t(`notIncident.${result.strategist.notIncidentReason.reason}`, { percent: shownPercent(result.strategist.notIncidentReason.probability ?? 0) }),
            cue: result.strategist.notIncidentReason.cue,
          })}
        </p>
      )}
      {result?.strategist?.drill && <p className="alert drill-banner" role="note" data-testid="drill-banner">{t('analysis.drill', { cue: result.strategist.drill.cue })}</p>}
      {result?.failures && <p className="alert">{t('analysis.failures')} {result.failures.map((f) => `${f.agent} (${f.code})`).join(', ')}</p>}
      {screened && stored && <PanelGrid className="workspace-grid"><ReportReading text={stored.incident.text as string} result={result} /></PanelGrid>}
      {screened ? <details className="screened-analysis" data-testid="screened-analysis"><summary>{t('analysis.showAnyway')}</summary>{analysis}</details> : analysis}
    </article>
  );
}
