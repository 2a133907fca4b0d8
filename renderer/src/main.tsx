// Boots the UI: the IPC transport when the desktop app's preload provided `window.safeEdge`, else the
// HTTP transport against the server that served this page.
import { createRoot } from 'react-dom/client';
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import './hazardMap.css';
import type { SafeEdgeBridge } from '../../engine/contract/ipc.js';
import { App } from './App.js';
import { initI18n, LANGUAGE_KEY, type Language } from './i18n/i18n.js';
import { createHttpTransport, takeTokenFromLocation } from './transport/httpTransport.js';
import { createIpcTransport } from './transport/ipcTransport.js';

const bridge = (window as unknown as { safeEdge?: SafeEdgeBridge }).safeEdge;
const transport = bridge
  ? createIpcTransport(bridge)
  : createHttpTransport(window.location.origin, takeTokenFromLocation(window.location, sessionStorage));
initI18n((localStorage.getItem(LANGUAGE_KEY) as Language | null) ?? 'zh');
createRoot(document.getElementById('root') as HTMLElement).render(<App transport={transport} />);
