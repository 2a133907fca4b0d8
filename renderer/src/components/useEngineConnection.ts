// The app's view of its engine connection (logic/reconnect.ts has the rules): polls health, backs off
// while the engine is unreachable, counts reconnections so pages reload their data, and follows every
// call's outcome for the status pill. A page call that finds the engine gone triggers a check at once.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EngineStatus } from '../../../engine/contract/ipc.js';
import type { EngineTransport, Health } from '../transport/engineTransport.js';
import { authorisationAfter, HEALTH_POLL_MS, pillState, retryDelayMs, type Authorisation, type PillState } from '../logic/reconnect.js';

export interface EngineConnection {
  health: Health | null;
  pill: PillState;
  /** Set while the engine is unreachable: when the next automatic retry runs (null while one runs). */
  offline: { retryAtMs: number | null } | null;
  /** How many times the engine came back after being unreachable: pages reload when it changes. */
  reconnects: number;
  retryNow(): void;
}

export function useEngineConnection(transport: EngineTransport): EngineConnection {
  const [health, setHealth] = useState<Health | null>(null);
  const [offline, setOffline] = useState<EngineConnection['offline']>(null);
  const [reconnects, setReconnects] = useState(0);
  const [authorisation, setAuthorisation] = useState<Authorisation>('unknown');
  const [processState, setProcessState] = useState<EngineStatus['state'] | null>(null);
  const checkNow = useRef<() => void>(() => {});

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let checking = false;
    let stopped = false;
    const schedule = (ms: number) => { clearTimeout(timer); timer = setTimeout(check, ms); };
    function check(): void {
      if (checking) return;
      checking = true;
      clearTimeout(timer);
      if (failures > 0) setOffline({ retryAtMs: null });
      transport.health().then((h) => {
        if (stopped) return;
        if (failures > 0) setReconnects((n) => n + 1);
        failures = 0;
        setHealth(h);
        setOffline(null);
        schedule(HEALTH_POLL_MS);
      }, () => {
        if (stopped) return;
        failures += 1;
        const delayMs = retryDelayMs(failures);
        setHealth(null);
        setOffline({ retryAtMs: Date.now() + delayMs });
        schedule(delayMs);
      }).finally(() => { checking = false; });
    }
    checkNow.current = check;
    check();
    const stopReports = transport.onCallReport((report) => {
      setAuthorisation((current) => authorisationAfter(current, report));
      if (report.outcome === 'unreachable' && failures === 0) check();
      // An analysis can change the engine's health (a failed save makes it degraded, the next save clears it).
      else if (report.operation === 'analyze' && failures === 0) check();
    });
    // In the desktop app the supervisor tells us at once when the engine restarts or fails.
    const stopStatus = transport.onEngineStatus?.((status) => { setProcessState(status.state); if (status.state === 'ready') check(); });
    return () => { stopped = true; clearTimeout(timer); stopReports(); stopStatus?.(); };
  }, [transport]);

  const retryNow = useCallback(() => checkNow.current(), []);
  const pill = pillState({ processState, healthStatus: health?.status ?? null, offline: offline !== null, authorisation });
  return { health, pill, offline, reconnects, retryNow };
}
