// Filters and pages the incident history on the client: thousands of rows stay instant because only
// one page is ever rendered.
import type { z } from 'zod';
import type { runSummarySchema } from '../../../engine/contract/api.js';

export type RunSummary = z.infer<typeof runSummarySchema>;
export interface HistoryFilter { search: string; type: string; severity: string; fromDate: string; toDate: string }
export const EMPTY_FILTER: HistoryFilter = { search: '', type: '', severity: '', fromDate: '', toDate: '' };
export const PAGE_SIZE = 100;

/** One run against every part of the filter (an empty part matches anything). */
export function runMatches(r: RunSummary, filter: HistoryFilter): boolean {
  const needle = filter.search.trim().toLowerCase();
  return (!filter.type || r.type === filter.type)
    && (!filter.severity || r.severity === filter.severity)
    && (!filter.fromDate || r.createdAt.slice(0, 10) >= filter.fromDate)
    && (!filter.toDate || r.createdAt.slice(0, 10) <= filter.toDate)
    && (!needle || r.text.toLowerCase().includes(needle) || r.incidentId.toLowerCase().includes(needle));
}

export function filterHistory(runs: readonly RunSummary[], filter: HistoryFilter): RunSummary[] {
  return runs
    .filter((r) => runMatches(r, filter))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.seq - a.seq));
}

export function page<T>(items: readonly T[], pageIndex: number, size = PAGE_SIZE): { rows: T[]; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const index = Math.min(Math.max(0, pageIndex), pages - 1);
  return { rows: items.slice(index * size, (index + 1) * size), pages };
}
