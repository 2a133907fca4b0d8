// A small rule set and a simulated clock for the manager's tests.
import { AlertManager, type AlertManagerOptions, type Notification } from '../manager.js';
import { parseAlertRules, type AlertRules, type AlertRulesInput } from '../rules.js';

export const MIN = 60_000;
export const SEC = 1000;

/** One rule `Hot` on safe_test_ratio (raise 0.9, clear 0.8), sampled every 15 s; `rule` and `settings` override. */
export function testRules(rule: Record<string, unknown> = {}, settings: Record<string, unknown> = {}, extra: Partial<AlertRulesInput> = {}): AlertRules {
  return parseAlertRules({
    settings: { interval: '15s', stale_after_intervals: 4, ...settings },
    rules: [{
      name: 'Hot', metric: 'safe_test_ratio', aggregate: { fn: 'last' }, direction: 'above', raise: 0.9, clear: 0.8,
      for: '1m', keep_firing_for: '0s', notify_after: '0s', severity: 'warning', labels: { component: 'test' },
      summary: { en: 'Hot at {{value_percent}}', zh: '过热 {{value_percent}}' }, ...rule,
    }],
    ...extra,
  }, 'test rules');
}

/** Drives a manager with a simulated clock: one sample and one evaluation each step. */
export class Sim {
  readonly notifications: Notification[] = [];
  t = 0;
  constructor(public manager: AlertManager, readonly stepMs = 15 * SEC) {}
  static of(rules: AlertRules, options?: AlertManagerOptions): Sim { return new Sim(new AlertManager(rules, options)); }
  /** `values` of safe_test_ratio, one a step. */
  feed(values: number[], metric = 'safe_test_ratio', labels: Record<string, string> = {}): this {
    for (const value of values) {
      this.t += this.stepMs;
      this.manager.ingest([{ metric, labels, t: this.t, value }]);
      this.notifications.push(...this.manager.evaluate(this.t));
    }
    return this;
  }
  /** `ms` of `value` at the step interval. */
  hold(value: number, ms: number): this { return this.feed(Array<number>(Math.round(ms / this.stepMs)).fill(value)); }
  kinds(): string[] { return this.notifications.flatMap((n) => n.alerts.map(() => n.kind)); }
  state(rule = 'Hot'): string { return this.manager.alerts(this.t).find((a) => a.rule === rule)?.state ?? 'inactive'; }
}
