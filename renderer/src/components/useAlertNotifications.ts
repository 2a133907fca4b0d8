// Browser mode: while the page is open and the Settings toggle is on (and the browser allows it), a Web
// Notification for each new firing device alert, once per firing; a click brings the page to the device
// dashboard (docs/alerts.md, "Desktop notifications"). The desktop app notifies from its main process.
import { useEffect, useRef } from 'react';
import type { EngineTransport } from '../transport/engineTransport.js';
import { alertsToNotify } from '../../../engine/contract/alertNotifications.js';
import { ALERT_POLL_MS, browserAlertNotice, notifyAlertsOn } from '../logic/alertNotifications.js';
import { routeHash } from '../logic/routes.js';
import { useT } from '../i18n/i18n.js';

export function useAlertNotifications(transport: EngineTransport): void {
  const { t, language } = useT();
  const words = useRef({ t, language });
  words.current = { t, language };
  useEffect(() => {
    if (transport.kind !== 'http' || typeof Notification === 'undefined') return;
    let shown = new Set<string>();
    const poll = () => {
      if (!notifyAlertsOn(localStorage) || Notification.permission !== 'granted') return;
      transport.call('alerts', {}).then((view) => {
        const next = alertsToNotify(view, shown);
        shown = next.shown;
        const notice = browserAlertNotice(next.notify, words.current.language, words.current.t);
        if (!notice) return;
        const notification = new Notification(notice.title, { body: notice.body, tag: 'safe-edge-alert' });
        notification.onclick = () => { window.focus(); window.location.hash = routeHash({ page: 'device' }); };
      }, () => { /* the engine may be restarting: the next poll asks again */ });
    };
    const timer = setInterval(poll, ALERT_POLL_MS);
    return () => clearInterval(timer);
  }, [transport]);
}
