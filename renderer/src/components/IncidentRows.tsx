// The incidents list: one row per incident (time, place, type, level path, runs, latest status), its runs
// inside behind a disclosure button (docs/app.md). One table; on a phone incidents.css lays each incident
// out as a card, where the place and the runs carry their own label (the column headings are hidden there).
import { useState } from 'react';
import { INCIDENT_TYPES } from '../../../engine/contract/taxonomy.js';
import type { IncidentGroup } from '../logic/incidentGroups.js';
import { formatLocation, levelPath } from '../logic/incidentGroups.js';
import { formatDateTime } from '../logic/dateTime.js';
import { routeHash } from '../logic/routes.js';
import { LevelPath } from './LevelPath.js';
import { useT } from '../i18n/i18n.js';
import type { RunSummary } from '../transport/engineTransport.js';

/** A cell's name where the card hides the column headings (shown only on a phone, incidents.css). */
const cardLabel = (label: string) => <span className="card-label">{label}</span>;

const typeKey = (type: string | null) => (type && (INCIDENT_TYPES as readonly string[]).includes(type) ? `type.${type as (typeof INCIDENT_TYPES)[number]}` as const : null);

export function IncidentRows({ groups }: { groups: readonly IncidentGroup[] }) {
  const { t, language } = useT();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  // A run whose stored bytes failed their checksum is listed, but nothing it holds is shown (docs/app.md).
  const snippet = (r: RunSummary) => (r.damaged
    ? <div className="report-snippet run-damaged" data-testid="run-damaged">{t('incidents.runDamaged')}</div>
    : <div className="report-snippet">{r.text}</div>);
  const toggle = (id: string) => setOpen((was) => { const next = new Set(was); if (!next.delete(id)) next.add(id); return next; });
  return (
    <table className="history incidents" data-testid="history-table">
      <thead><tr>
        <th><span className="visually-hidden">{t('incidents.toggleColumn')}</span></th><th>{t('list.time')}</th><th>{t('list.incident')}</th>
        <th>{t('incidents.place')}</th><th>{t('list.type')}</th><th>{t('list.severity')}</th><th>{t('incidents.runsColumn')}</th><th>{t('list.status')}</th>
      </tr></thead>
      {groups.map((g) => {
        const expanded = open.has(g.incidentId);
        const type = typeKey(g.latest.type);
        return (
          <tbody key={g.incidentId} data-testid="incident-group" data-incident={g.incidentId}>
            <tr className="incident-row">
              <td className="incident-toggle">
                <button type="button" className="disclosure" aria-expanded={expanded} aria-controls={g.runs.map((r) => `run-${r.runId}`).join(' ')} onClick={() => toggle(g.incidentId)} data-testid="toggle-runs"
                  aria-label={t(expanded ? 'incidents.collapse' : 'incidents.expand', { id: g.incidentId, n: g.runs.length })}>{expanded ? '▾' : '▸'}</button>
              </td>
              <td className="incident-time">
                <time dateTime={g.occurredAt}>{formatDateTime(g.occurredAt, language)}</time>
                <div className="muted latest">{t('incidents.latestRun', { time: formatDateTime(g.latest.createdAt, language) })}</div>
              </td>
              <td className="incident-name">
                <a href={routeHash({ page: 'analysis', id: g.latest.runId })}>{g.incidentId}</a>
                {snippet(g.latest)}
              </td>
              <td className="incident-place">{cardLabel(t('incidents.place'))}<span data-testid="incident-place">{g.latest.location ? formatLocation(g.latest.location) : <span className="muted">{t('incidents.noPlace')}</span>}</span></td>
              <td className="incident-type-cell">{type ? t(type) : '—'}</td>
              <td className="incident-level"><LevelPath path={g.levelPath} escalation={g.escalation} /></td>
              <td className="incident-runs">{cardLabel(t('incidents.runsColumn'))}{t('incidents.runs', { n: g.runs.length })}</td>
              <td className="incident-status"><span className={`run-status status-${g.latest.status}`} data-testid="incident-status" data-status={g.latest.status}>{t(`status.${g.latest.status}`)}</span></td>
            </tr>
            {g.runs.map((r) => (
              <tr key={r.runId} className="run-row" id={`run-${r.runId}`} hidden={!expanded} data-testid="run-row">
                <td className="incident-toggle" />
                <td className="incident-time"><time dateTime={r.createdAt}>{formatDateTime(r.createdAt, language)}</time></td>
                <td className="incident-name" colSpan={3}><a href={routeHash({ page: 'analysis', id: r.runId })}>{t('incidents.run', { seq: r.seq })}</a>{snippet(r)}</td>
                <td className="incident-level"><LevelPath path={levelPath([r])} escalation={null} /></td>
                <td className="incident-runs">{r.totalMs !== null ? t('incidents.took', { s: (r.totalMs / 1000).toFixed(1) }) : '—'}</td>
                <td className="incident-status"><span className={`run-status status-${r.status}`}>{t(`status.${r.status}`)}</span></td>
              </tr>
            ))}
          </tbody>
        );
      })}
    </table>
  );
}
