// Runs faults against a live engine and times its alerts (docs/device-health.md, "Fault injection"). The
// faults run at once, each on its own: started, held until every rule it must raise is firing, stopped,
// then watched until those rules resolve. Times come from the alert manager's own stamps (when the alert
// went firing, when it resolved), read through the engine's `alerts` operation.
import type { AlertsView } from '../../contract/alerts.js';
import type { AlertRules } from '../alerts/rules.js';
import type { Fault } from './faults.js';

export interface FaultOutcome {
  fault: string; rule: string;
  /** The rule's `for` and its aggregate's window, in seconds: the delay the rule has by design. */
  forS: number; windowS: number;
  /** Fault in effect to the rule's condition first holding (the alert pending): the collector's delay plus
   *  the time the rule's aggregate takes to cross its threshold. */
  pendingAfterS: number | null;
  /** Fault in effect to the alert firing; null: it did not fire in time. */
  firedAfterS: number | null;
  /** Fault end to the alert resolving; null: not resolved in time (or not awaited). */
  clearedAfterS: number | null;
}

export interface FaultRunOptions {
  alerts: () => AlertsView;
  rules: AlertRules;
  faults: Fault[];
  fireTimeoutMs: number;
  clearTimeoutMs: number;
  /** Rules whose clearing is not awaited (a 15-minute window in a benchmark); default: all awaited. */
  skipClear?: (rule: string) => boolean;
  pollMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runFaults(options: FaultRunOptions): Promise<FaultOutcome[]> {
  const poll = options.pollMs ?? 200;
  const runOne = async (fault: Fault): Promise<FaultOutcome[]> => {
    const pendingAt = new Map<string, number>(), firedAt = new Map<string, number>(), resolvedAt = new Map<string, number>();
    const calledMs = Date.now();
    const startedMs = await fault.start();
    for (const deadline = startedMs + options.fireTimeoutMs; firedAt.size < fault.rules.length && Date.now() < deadline;) {
      for (const a of options.alerts().alerts) {
        if (!fault.rules.includes(a.rule) || a.sinceMs < calledMs) continue;
        if (a.state === 'pending' && !pendingAt.has(a.rule)) pendingAt.set(a.rule, a.sinceMs);
        if (a.state === 'firing' && !firedAt.has(a.rule)) firedAt.set(a.rule, a.sinceMs);
      }
      await sleep(poll);
    }
    const stoppedMs = Date.now();
    await fault.stop();
    const awaited = fault.rules.filter((r) => firedAt.has(r) && !options.skipClear?.(r));
    for (const deadline = stoppedMs + options.clearTimeoutMs; awaited.some((r) => !resolvedAt.has(r)) && Date.now() < deadline;) {
      for (const a of options.alerts().alerts) {
        if (awaited.includes(a.rule) && a.state === 'resolved' && a.sinceMs >= (firedAt.get(a.rule) ?? Infinity)) resolvedAt.set(a.rule, a.sinceMs);
      }
      await sleep(poll);
    }
    return fault.rules.map((rule) => {
      const r = options.rules.rules.find((x) => x.name === rule);
      if (!r) throw new Error(`fault ${fault.name}: no rule ${rule}`);
      const fired = firedAt.get(rule), resolved = resolvedAt.get(rule);
      // A rule without `for` fires at once: its condition held when it fired.
      const pending = pendingAt.get(rule) ?? (r.forMs === 0 ? fired : undefined);
      return {
        fault: fault.name, rule, forS: r.forMs / 1000, windowS: r.windowMs / 1000,
        pendingAfterS: pending === undefined ? null : (pending - startedMs) / 1000,
        firedAfterS: fired === undefined ? null : (fired - startedMs) / 1000,
        clearedAfterS: resolved === undefined ? null : (resolved - stoppedMs) / 1000,
      };
    });
  };
  return (await Promise.all(options.faults.map(runOne))).flat();
}
