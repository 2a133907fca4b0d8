// Electron's security checklist as data and small pure functions, so it can be tested without Electron:
// isolated, sandboxed renderers; a strict CSP; no navigation or new windows; the UI only from app://.
import { normalize, resolve, sep } from 'node:path';
import { UI_CONTENT_SECURITY_POLICY } from '../../engine/contract/uiSecurity.js';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://safe-edge`;

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  spellcheck: false,
} as const;

/** Sent with every response of the app:// protocol: the same policy `safe-edge serve` sends (nothing from the
 *  network, no inline script or style, no framing). */
export const CONTENT_SECURITY_POLICY = UI_CONTENT_SECURITY_POLICY;

/** Only the app's own pages may be shown; everything else (links, drag-and-drop, redirects) is refused. */
export function isAllowedNavigation(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'safe-edge';
  } catch {
    return false;
  }
}

/** Maps an app:// URL to a file inside the UI folder; null for anything that would escape it. */
export function resolveAppFile(uiRoot: string, url: string): string | null {
  let pathname: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== 'safe-edge') return null;
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const root = resolve(uiRoot);
  const file = resolve(root, normalize('.' + (pathname === '/' ? '/index.html' : pathname)));
  return file === root || file.startsWith(root + sep) ? file : null;
}

/** IPC is answered only for frames showing the app's own UI (Electron checklist: validate the sender). */
export function isTrustedSender(senderUrl: string | undefined): boolean {
  return senderUrl !== undefined && isAllowedNavigation(senderUrl);
}
