import { useEffect, useMemo, useState } from 'react';
import { INCIDENT_TYPES, SEVERITY_LEVELS } from '../../../engine/contract/taxonomy.js';
import { EMPTY_FILTER, page, type HistoryFilter } from '../logic/historyFilter.js';
import { filterGroups, groupByIncident } from '../logic/incidentGroups.js';
import type { EngineTransport, RunSummary } from '../transport/engineTransport.js';
import { IncidentRows } from '../components/IncidentRows.js';
import { useT } from '../i18n/i18n.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { ImportIncident } from '../components/ImportIncident.js';
import { DateField } from '../components/DateField.js';

export function IncidentsPage({ transport }: { transport: EngineTransport }) {
  const { t } = useT();
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [filter, setFilter] = useState<HistoryFilter>(EMPTY_FILTER);
  const [pageIndex, setPageIndex] = useState(0);
  useEffect(() => { setError(null); transport.history(1000).then(setRuns, setError); }, [transport, attempt]);
  const groups = useMemo(() => groupByIncident(runs ?? []), [runs]);
  const filtered = useMemo(() => filterGroups(groups, filter), [groups, filter]);
  const { rows, pages } = page(filtered, pageIndex);
  const set = (patch: Partial<HistoryFilter>) => { setFilter({ ...filter, ...patch }); setPageIndex(0); };
  if (error) return <ErrorNotice error={error} onRetry={() => setAttempt((n) => n + 1)} testId="incidents-error" />;
  if (!runs) return <p>{t('common.loading')}</p>;
  return (
    <section aria-labelledby="incidents-title">
      <h1 id="incidents-title">{t('nav.incidents')}</h1>
      <ImportIncident transport={transport} onImported={() => setAttempt((n) => n + 1)} />
      <div className="filters">
        <label>{t('list.search')}<input type="search" value={filter.search} onChange={(e) => set({ search: e.target.value })} data-testid="history-search" /></label>
        <label>{t('list.type')}<select value={filter.type} onChange={(e) => set({ type: e.target.value })}>
          <option value="">{t('list.any')}</option>{INCIDENT_TYPES.map((type) => <option key={type} value={type}>{t(`type.${type}`)}</option>)}
        </select></label>
        <label>{t('list.severity')}<select value={filter.severity} onChange={(e) => set({ severity: e.target.value })}>
          <option value="">{t('list.any')}</option>{SEVERITY_LEVELS.map((s) => <option key={s} value={s}>{t(`severity.${s}`)}</option>)}
        </select></label>
        <label>{t('list.from')}<DateField label={t('list.from')} value={filter.fromDate} onChange={(fromDate) => set({ fromDate })} testId="filter-from" /></label>
        <label>{t('list.to')}<DateField label={t('list.to')} value={filter.toDate} onChange={(toDate) => set({ toDate })} testId="filter-to" /></label>
      </div>
      <p data-testid="incident-count">{t('incidents.count', { incidents: filtered.length, runs: filtered.reduce((n, g) => n + g.runs.length, 0) })}</p>
      {filtered.length === 0 ? <p>{t('list.empty')}</p> : <IncidentRows groups={rows} />}
      {pages > 1 && (
        <nav className="pager" aria-label={t('list.page', { page: pageIndex + 1, pages })}>
          <button type="button" disabled={pageIndex === 0} onClick={() => setPageIndex(pageIndex - 1)}>{t('list.prev')}</button>
          <span>{t('list.page', { page: pageIndex + 1, pages })}</span>
          <button type="button" disabled={pageIndex >= pages - 1} onClick={() => setPageIndex(pageIndex + 1)}>{t('list.next')}</button>
        </nav>
      )}
    </section>
  );
}
