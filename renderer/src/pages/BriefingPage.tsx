// The ICS-201 briefing of a stored run (#/analysis/<runId>/briefing): on screen a preview with the two
// fields only the commander knows (the incident's name, who prepared it) and a print button; on paper the
// form with a running header and footer (docs/app.md, "The ICS-201 briefing").
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { Ics201Briefing } from '../components/Ics201Briefing.js';
import { PREPARED_BY_KEY, defaultIncidentName, incidentNameKey, pageBoxesCss } from '../logic/briefingFields.js';
import { formatDateTime } from '../logic/dateTime.js';
import { routeHash } from '../logic/routes.js';
import type { EngineTransport, StoredRun } from '../transport/engineTransport.js';
import { useT } from '../i18n/i18n.js';
import { ErrorNotice } from '../components/ErrorNotice.js';

/** The page boxes as a constructed style sheet: adopted while the briefing is open, dropped when it closes,
 *  so printing any other page is not given this incident's header. */
function usePageBoxes(css: string | null): void {
  // A layout effect: the sheet is in place in the same synchronous pass as a render forced before printing.
  useLayoutEffect(() => {
    if (!css || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return undefined;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => { document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet); };
  }, [css]);
}

const stored = (key: string): string | null => { try { return localStorage.getItem(key); } catch { return null; } };
const keep = (key: string, value: string): void => { try { localStorage.setItem(key, value); } catch { /* private mode: the field still prints */ } };

export function BriefingPage({ transport, id }: { transport: EngineTransport; id: string }) {
  const { t, language } = useT();
  const [run, setRun] = useState<StoredRun | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [incidentName, setIncidentName] = useState('');
  const [preparedBy, setPreparedBy] = useState(() => stored(PREPARED_BY_KEY) ?? '');
  const [preparedAt, setPreparedAt] = useState(() => new Date());
  // "Prepared" is when it is printed: a briefing left open and printed later says so on paper.
  useEffect(() => {
    const stamp = () => flushSync(() => setPreparedAt(new Date()));
    window.addEventListener('beforeprint', stamp);
    return () => window.removeEventListener('beforeprint', stamp);
  }, []);
  useEffect(() => {
    setRun(null);
    setError(null);
    transport.run(id).then((r) => {
      setRun(r);
      setIncidentName(stored(incidentNameKey(r.result.id)) ?? defaultIncidentName(r.incident.text as string));
    }, setError);
  }, [transport, id, attempt]);
  const css = useMemo(() => (run ? pageBoxesCss({
    topLeft: `${t('briefing.title')} · ${incidentName || run.result.id}`,
    topRight: t('ics.headerPrepared', { time: formatDateTime(preparedAt, language) }),
    bottomLeft: `${run.result.id} · ${t('incidents.run', { seq: run.run.seq })}`,
    pageNumberTemplate: t('ics.pageOf'),
  }) : null), [run, incidentName, preparedAt, language, t]);
  usePageBoxes(css);
  // As the workspace says it: an outage must not read "analysis not found" (components/ErrorNotice.tsx).
  if (error) return <ErrorNotice error={error} onRetry={() => setAttempt((n) => n + 1)} testId="briefing-error" />;
  if (!run) return <p>{t('common.loading')}</p>;
  return (
    <div className="briefing-page">
      <div className="briefing-toolbar no-print">
        <a href={routeHash({ page: 'analysis', id })}>{t('ics.back')}</a>
        <label>{t('ics.incidentName')}
          <input value={incidentName} data-testid="briefing-name"
            onChange={(e) => { setIncidentName(e.target.value); keep(incidentNameKey(run.result.id), e.target.value); }} />
        </label>
        <label>{t('ics.preparedBy')}
          <input value={preparedBy} data-testid="briefing-prepared-by" placeholder={t('ics.preparedByHint')}
            onChange={(e) => { setPreparedBy(e.target.value); keep(PREPARED_BY_KEY, e.target.value); }} />
        </label>
        <button type="button" onClick={() => window.print()} data-testid="briefing-print">{t('ics.print')}</button>
      </div>
      <Ics201Briefing result={run.result} incident={run.incident as { reportedAt?: string; location?: { lat: number; lon: number } }}
        seq={run.run.seq} incidentName={incidentName} preparedBy={preparedBy} preparedAt={preparedAt} />
    </div>
  );
}
