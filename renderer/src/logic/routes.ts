// Hash routes: the app works from a file-like custom protocol and from the API server alike.
export type Route =
  | { page: 'incidents' }
  | { page: 'new'; fromRunId?: string }
  | { page: 'analysis'; id: string }
  /** The ICS-201 briefing of a stored run, laid out for printing (docs/app.md). */
  | { page: 'briefing'; id: string }
  | { page: 'settings' }
  | { page: 'device' }
  | { page: 'models' };

export function parseRoute(hash: string): Route {
  const [, page, id, sub] = hash.replace(/^#/, '').split('/');
  if (page === 'analysis' && id && sub === 'briefing') return { page: 'briefing', id: decodeURIComponent(id) };
  if (page === 'analysis' && id) return { page: 'analysis', id: decodeURIComponent(id) };
  if (page === 'new') return id ? { page: 'new', fromRunId: decodeURIComponent(id) } : { page: 'new' };
  if (page === 'settings') return { page: 'settings' };
  if (page === 'device') return { page: 'device' };
  if (page === 'models') return { page: 'models' };
  return { page: 'incidents' };
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'analysis': return `#/analysis/${encodeURIComponent(route.id)}`;
    case 'briefing': return `#/analysis/${encodeURIComponent(route.id)}/briefing`;
    case 'new': return route.fromRunId ? `#/new/${encodeURIComponent(route.fromRunId)}` : '#/new';
    case 'settings': return '#/settings';
    case 'device': return '#/device';
    case 'models': return '#/models';
    default: return '#/incidents';
  }
}

/** Pages that read or change incidents and analyses: the operator token's only (engine/contract/operations.ts,
 *  `access`). A UI opened with the viewer token shows a note in their place (docs/app.md#read-only-viewer). */
export const OPERATOR_PAGES: ReadonlySet<Route['page']> = new Set<Route['page']>(['incidents', 'new', 'analysis', 'briefing']);
/** Where the viewer lands instead of the incident list. */
export const VIEWER_HOME: Route = { page: 'device' };
