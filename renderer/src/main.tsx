// Boots the UI: the IPC transport when the desktop app's preload provided `window.safeEdge`, else the
// HTTP transport against the server that served this page.
// First: a POSIX browser locale must be made valid before any chart library reads it.
import './i18n/localeGuard.js';
import './zodJitless.js';
import { createRoot } from 'react-dom/client';
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import './answerBand.css';
import './errors.css';
import './incidents.css';
import './ics201.css';
import './hazardMap.css';
import type { SafeEdgeBridge } from '../../engine/contract/ipc.js';
import { App } from './App.js';
import { PanelBoundary } from './components/PanelBoundary.js';
import { initI18n, LANGUAGE_KEY, type Language } from './i18n/i18n.js';
import { initAppearance } from './appearance/appearance.js';
import { createHttpTransport, takeTokenFromLocation } from './transport/httpTransport.js';
import { createIpcTransport } from './transport/ipcTransport.js';
import { withBootPreload } from './transport/bootPreload.js';
import { takeEarlyRequests, type EarlyRequests } from './transport/earlyRequests.js';
import { parseRoute } from './logic/routes.js';
import { loadPage, pageOf } from './pageModules.js';

const bridge = (window as unknown as { safeEdge?: SafeEdgeBridge }).safeEdge;
const engine = bridge
  ? createIpcTransport(bridge)
  : createHttpTransport(window.location.origin, takeTokenFromLocation(window.location, sessionStorage), takeEarlyRequests(window as { safeEdgeEarlyRequests?: EarlyRequests }));
// The address's page chunk, the session and the run it shows, all asked for now, side by side, before React
// renders (after the token has left the address); the session and the run were sent even before the bundle
// arrived (public/boot-requests.js), and the transport takes those answers: docs/performance.md, bench:ui.
const route = parseRoute(window.location.hash);
void loadPage(pageOf(route.page)).catch(() => {}); // a failure shows when the page is drawn, with a retry
const transport = withBootPreload(engine, route);
initAppearance(window); // keeps the theme and text size on <html> current (theme-boot.js set them before the first paint)
initI18n((localStorage.getItem(LANGUAGE_KEY) as Language | null) ?? 'zh');
createRoot(document.getElementById('root') as HTMLElement).render(<PanelBoundary name="app"><App transport={transport} /></PanelBoundary>);
