// The workspace's handover buttons (docs/handover.md): the incident with every run as one file for
// another post, and the run's zones for GIS tools. Errors (a run without coordinates) are said in the
// UI language beside the buttons, with what to do (ErrorNotice).
import { useState } from 'react';
import { downloadText, fileSafe } from '../logic/download.js';
import type { EngineTransport } from '../transport/engineTransport.js';
import { ErrorNotice } from './ErrorNotice.js';
import { useT } from '../i18n/i18n.js';

export function HandoverActions({ transport, runId, incidentId }: { transport: EngineTransport; runId: string; incidentId: string }) {
  const { t, language } = useT();
  const [problem, setProblem] = useState<unknown>(null);
  const run = (work: () => Promise<void>) => () => {
    setProblem(null);
    work().catch(setProblem);
  };
  const name = fileSafe(incidentId);
  return (
    <div className="handover-actions" data-testid="handover-actions">
      <button type="button" data-testid="export-incident" onClick={run(async () => {
        const bundle = await transport.call('exportIncident', { id: runId });
        downloadText(`${name}.safe-edge.json`, JSON.stringify(bundle, null, 2), 'application/json');
      })}>{t('handover.export')}</button>
      <button type="button" data-testid="export-geojson" onClick={run(async () => {
        downloadText(`${name}-zones.geojson`, await transport.call('zonesGeoJson', { id: runId, lang: language }), 'application/geo+json');
      })}>{t('handover.geojson')}</button>
      <button type="button" data-testid="export-kml" onClick={run(async () => {
        downloadText(`${name}-zones.kml`, await transport.call('zonesKml', { id: runId, lang: language }), 'application/vnd.google-earth.kml+xml');
      })}>{t('handover.kml')}</button>
      {problem !== null && <ErrorNotice error={problem} testId="handover-problem" />}
    </div>
  );
}
