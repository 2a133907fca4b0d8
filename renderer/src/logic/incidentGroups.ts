// The incidents list groups runs per incident: one incident re-analysed six times is one row with its six
// runs inside, its level path across the runs (IV → III) and the status of its latest run (docs/app.md).
import { SEVERITY_LEVELS, type SeverityLevel } from '../../../engine/contract/taxonomy.js';
import { runMatches, type HistoryFilter, type RunSummary } from './historyFilter.js';

/** How the response level moved from the incident's first graded run to its latest one. */
export interface Escalation {
  from: SeverityLevel;
  to: SeverityLevel;
  /** escalated: towards level I (more severe); deescalated: towards level IV. */
  direction: 'escalated' | 'deescalated';
}

export interface IncidentGroup {
  incidentId: string;
  /** Newest first, as the list shows them inside the group. */
  runs: RunSummary[];
  latest: RunSummary;
  /** The levels the runs graded, oldest first, with repeats of the same level collapsed: IV → III → II. */
  levelPath: SeverityLevel[];
  escalation: Escalation | null;
  /** When the incident happened: its reported time, else its first run's time. */
  occurredAt: string;
}

const isLevel = (s: string | null): s is SeverityLevel => s !== null && (SEVERITY_LEVELS as readonly string[]).includes(s);
/** Level I is the most severe: a smaller index is a higher level. */
const rank = (level: SeverityLevel): number => SEVERITY_LEVELS.indexOf(level);

const newestFirst = (a: RunSummary, b: RunSummary): number => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.seq - a.seq);

/** The graded levels of runs taken oldest first; consecutive repeats collapse, ungraded runs are skipped. */
export function levelPath(runsOldestFirst: readonly RunSummary[]): SeverityLevel[] {
  const path: SeverityLevel[] = [];
  for (const run of runsOldestFirst) if (isLevel(run.severity) && path.at(-1) !== run.severity) path.push(run.severity);
  return path;
}

/** First graded level against the latest one; null when they are the same (or fewer than two were graded). */
export function escalationOf(path: readonly SeverityLevel[]): Escalation | null {
  const from = path[0];
  const to = path.at(-1);
  if (from === undefined || to === undefined || from === to) return null;
  return { from, to, direction: rank(to) < rank(from) ? 'escalated' : 'deescalated' };
}

/** Runs grouped per incident, the incident whose latest run is newest first. */
export function groupByIncident(runs: readonly RunSummary[]): IncidentGroup[] {
  const byIncident = new Map<string, RunSummary[]>();
  for (const run of runs) {
    const list = byIncident.get(run.incidentId);
    if (list) list.push(run); else byIncident.set(run.incidentId, [run]);
  }
  const groups = [...byIncident.entries()].map(([incidentId, list]): IncidentGroup => {
    const sorted = [...list].sort(newestFirst);
    const oldestFirst = [...sorted].reverse();
    const path = levelPath(oldestFirst);
    const latest = sorted[0] as RunSummary;
    const first = oldestFirst[0] as RunSummary;
    return { incidentId, runs: sorted, latest, levelPath: path, escalation: escalationOf(path), occurredAt: latest.reportedAt ?? first.createdAt };
  });
  return groups.sort((a, b) => newestFirst(a.latest, b.latest));
}

/** An incident is listed when its current state (latest run) has the type and level asked for, and any of its
 *  runs matches the search and the dates: filtering never splits an incident's runs or its level path. */
export function filterGroups(groups: readonly IncidentGroup[], filter: HistoryFilter): IncidentGroup[] {
  const state = { ...filter, search: '', fromDate: '', toDate: '' };
  const words = { ...filter, type: '', severity: '' };
  return groups.filter((g) => runMatches(g.latest, state) && g.runs.some((r) => runMatches(r, words)));
}

/** Coordinates as a commander reads them: 29.37°N 113.09°E (two decimals, about a kilometre). */
export function formatLocation(location: { lat: number; lon: number }): string {
  const lat = `${Math.abs(location.lat).toFixed(2)}°${location.lat >= 0 ? 'N' : 'S'}`;
  const lon = `${Math.abs(location.lon).toFixed(2)}°${location.lon >= 0 ? 'E' : 'W'}`;
  return `${lat} ${lon}`;
}
