import { useEffect, useState } from 'react';
import type { ProgressEventBody } from '../../../engine/contract/api.js';
import type { AnalysisResult } from '../../../engine/contract/result.js';
import type { Sensor } from '../../../engine/contract/incident.js';
import { ProgressStrip } from '../components/ProgressStrip.js';
import { StrategistCard } from '../components/StrategistCard.js';
import { FieldSummary } from '../components/FieldSummary.js';
import { HazardMap } from '../components/HazardMap.js';
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

export interface LiveAnalysis { events: ProgressEventBody[]; result?: AnalysisResult; error?: string; sensors: Sensor[] }

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function AnalysisPage({ transport, id, live }: { transport: EngineTransport; id: string; live: LiveAnalysis | null }) {
  const { t, language } = useT();
  const [stored, setStored] = useState<StoredRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  const runId = id === 'live' ? live?.result?.runId : id;
  useEffect(() => {
    setStored(null);
    if (runId) transport.run(runId).then(setStored, (e: Error) => setError(e.message));
  }, [transport, runId]);
  const result = stored?.result ?? live?.result;
  const sensors = (stored?.incident.sensors as Sensor[] | undefined) ?? live?.sensors ?? [];
  if (error) return <p className="alert">{t('analysis.notFound')} — {error}</p>;
  return (
    <article className="workspace" aria-labelledby="analysis-title">
      <header className="workspace-header">
        <h1 id="analysis-title"><span className="print-only">{t('briefing.title')} — </span>{t('analysis.title')}{result ? ` · ${result.id}` : ''}</h1>
        {result && (
          <div className="actions no-print">
            {result.runId && <a className="button" href={routeHash({ page: 'new', fromRunId: result.runId })}>{t('analysis.rerun')}</a>}
            <button type="button" onClick={() => download(`${result.id}.json`, JSON.stringify(result, null, 2))} data-testid="export-json">{t('analysis.exportJson')}</button>
            {result.runId
              ? <a className="button" href={routeHash({ page: 'briefing', id: result.runId })} data-testid="print">{t('analysis.print')}</a>
              : <button type="button" onClick={() => window.print()} data-testid="print">{t('analysis.print')}</button>}
          </div>
        )}
      </header>
      {result?.runId && <IncidentEscalation transport={transport} incidentId={result.id} runId={result.runId} />}
      {live && id === 'live' && <ProgressStrip events={live.events} />}
      {!result && !live?.error && <p aria-live="polite">{t('analysis.running')}</p>}
      {live?.error && <p className="alert" role="alert">{t('common.error', { message: live.error })}</p>}
      {result?.error && <p className="alert" role="alert">{result.error.code}: {result.error.message}</p>}
      {result?.strategist?.notIncidentReason && (
        <p className="alert not-incident-banner" role="note" data-testid="not-incident-banner">
          {t('analysis.notIncident', { reason: t(`notIncident.${result.strategist.notIncidentReason.reason}`), cue: result.strategist.notIncidentReason.cue })}
        </p>
      )}
      {result?.strategist?.drill && <p className="alert drill-banner" role="note" data-testid="drill-banner">{t('analysis.drill', { cue: result.strategist.drill.cue })}</p>}
      {result?.executor?.headline && (
        <p className="headline" role="status" data-testid="headline">{result.executor.headline[language]}</p>
      )}
      {result?.failures && <p className="alert">{t('analysis.failures')} {result.failures.map((f) => `${f.agent} (${f.code})`).join(', ')}</p>}
      {result && (
        <div className="workspace-grid">
          {result.strategist && <StrategistCard strategist={result.strategist} physics={result.awareness?.severityFromPhysics} />}
          {stored && <ReportReading text={stored.incident.text as string} result={result} />}
          {result.executor?.placesAtRisk && <PlacesAtRisk places={result.executor.placesAtRisk} />}
          {result.executor && <HazardMap plan={result.executor} field={result.field} />}
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
        </div>
      )}
    </article>
  );
}
