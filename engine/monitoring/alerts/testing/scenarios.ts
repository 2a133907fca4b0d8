// Replayed traces shared by the engine's rule tests (alerts.test.ts) and promtool's (prometheus.test.ts): one
// sample a minute, evaluated every minute, as `promtool test rules` replays them, so both must agree on
// which alerts fire when, with which labels and text.
import { AlertManager, type AlertView, type Labels, type Sample } from '../manager.js';
import type { AlertRules } from '../rules.js';
import { prometheusRules } from '../prometheus.js';

export const STEP_MS = 60_000;
export interface Scenario {
  name: string;
  series: Array<{ metric: string; labels?: Labels; values: number[] }>;
  /** Minute → the rules whose firing alerts are compared there (an empty list of alerts: none firing). */
  checks: Array<{ atMin: number; rule: string; firing: number }>;
}
const ramp = (from: number, step: number, n: number) => Array.from({ length: n }, (_, i) => Number((from + step * i).toFixed(6)));
const repeat = (value: number, n: number) => Array<number>(n).fill(value);
/** A cumulative histogram: `perMin` observations a minute, each in bucket `le` (the others count by ≤). */
const histogram = (metric: string, les: string[], perMin: Array<{ le: string; n: number }>, labels: Labels = {}) => les.map((le) => {
  const upper = le === '+Inf' ? Infinity : Number(le);
  let total = 0;
  return { metric: `${metric}_bucket`, labels: { ...labels, le }, values: perMin.map((m) => { if ((m.le === '+Inf' ? Infinity : Number(m.le)) <= upper) total += m.n; return total; }) };
});

export const SCENARIOS: Scenario[] = [
  {
    name: 'disk: raise at 90 %, hold through 85 %, clear at 75 %, no re-raise at 85 %',
    series: [{ metric: 'safe_disk_used_ratio', labels: { mount: '/' }, values: [0.5, 0.5, 0.95, 0.95, 0.95, 0.85, 0.85, 0.75, 0.85, 0.85] }],
    checks: [{ atMin: 2, rule: 'DiskSpaceLow', firing: 0 }, { atMin: 3, rule: 'DiskSpaceLow', firing: 1 }, { atMin: 6, rule: 'DiskSpaceLow', firing: 1 },
      { atMin: 7, rule: 'DiskSpaceLow', firing: 0 }, { atMin: 9, rule: 'DiskSpaceLow', firing: 0 }, { atMin: 4, rule: 'DiskSpaceCritical', firing: 0 }],
  },
  {
    name: 'thermal throttling keeps firing 5 min after it stops',
    series: [{ metric: 'safe_thermal_throttled', values: [0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0] }],
    checks: [{ atMin: 1, rule: 'ThermalThrottling', firing: 0 }, { atMin: 2, rule: 'ThermalThrottling', firing: 1 }, { atMin: 8, rule: 'ThermalThrottling', firing: 1 },
      { atMin: 9, rule: 'ThermalThrottling', firing: 0 }],
  },
  {
    // 0.5 + 0.001·t reads past 1 eight hours ahead from minute 21, but is predicted only once the samples
    // reach 30 min back (min_span): pending at 30, firing 10 min later (for).
    name: 'disk filling 0.1 % a minute: predicted full within 8 h once 30 min of data are in, firing 10 min later',
    series: [{ metric: 'safe_disk_used_ratio', labels: { mount: '/data' }, values: ramp(0.5, 0.001, 50) }],
    checks: [{ atMin: 25, rule: 'DiskFullSoon', firing: 0 }, { atMin: 39, rule: 'DiskFullSoon', firing: 0 }, { atMin: 40, rule: 'DiskFullSoon', firing: 1 },
      { atMin: 49, rule: 'DiskFullSoon', firing: 1 }, { atMin: 49, rule: 'DiskSpaceLow', firing: 0 }],
  },
  {
    name: 'battery: low only while not charging; plugging in clears it',
    series: [{ metric: 'safe_battery_charge_ratio', values: ramp(0.14, -0.01, 12) }, { metric: 'safe_battery_charging', values: [...repeat(0, 8), ...repeat(1, 4)] }],
    checks: [{ atMin: 4, rule: 'BatteryLow', firing: 0 }, { atMin: 5, rule: 'BatteryLow', firing: 1 }, { atMin: 7, rule: 'BatteryLow', firing: 1 },
      { atMin: 8, rule: 'BatteryLow', firing: 0 }, { atMin: 7, rule: 'BatteryCritical', firing: 0 }],
  },
  {
    name: 'CPU 10-minute average: a 3-minute burst does not raise it, a sustained load does',
    series: [{ metric: 'safe_cpu_busy_ratio', values: [...repeat(0.3, 5), ...repeat(1, 3), ...repeat(0.3, 5), ...repeat(0.97, 12)] }],
    checks: [{ atMin: 10, rule: 'CpuBusy', firing: 0 }, { atMin: 19, rule: 'CpuBusy', firing: 0 }, { atMin: 22, rule: 'CpuBusy', firing: 1 },
      { atMin: 22, rule: 'CpuBusyCritical', firing: 0 }, { atMin: 24, rule: 'CpuBusyCritical', firing: 1 }],
  },
  {
    name: 'a worker restart raises WorkerRestarts for 15 min',
    series: [{ metric: 'safe_worker_restarts_total', values: [...repeat(0, 3), ...repeat(1, 22)] }],
    checks: [{ atMin: 2, rule: 'WorkerRestarts', firing: 0 }, { atMin: 4, rule: 'WorkerRestarts', firing: 1 }, { atMin: 16, rule: 'WorkerRestarts', firing: 1 },
      { atMin: 20, rule: 'WorkerRestarts', firing: 0 }],
  },
  {
    name: 'analysis p99 from the histogram: over 50 ms for 5 min fires',
    series: histogram('safe_analysis_duration_seconds', ['0.01', '0.025', '0.05', '0.1', '+Inf'],
      [...Array.from({ length: 6 }, () => ({ le: '0.025', n: 100 })), ...Array.from({ length: 14 }, () => ({ le: '0.1', n: 100 }))], { agent: 'analysis', status: 'ok' }),
    checks: [{ atMin: 5, rule: 'AnalysisSlow', firing: 0 }, { atMin: 10, rule: 'AnalysisSlow', firing: 0 }, { atMin: 13, rule: 'AnalysisSlow', firing: 1 }],
  },
  {
    name: 'temperature per sensor, and a model failing its checks',
    series: [{ metric: 'safe_temperature_celsius', labels: { sensor: 'cpu' }, values: [70, 88, 88, 88, 70, 70, 70] },
      { metric: 'safe_temperature_celsius', labels: { sensor: 'gpu' }, values: [60, 60, 60, 60, 60, 60, 60] },
      { metric: 'safe_model_check_failed', labels: { model: 'incident-classifier' }, values: [0, 0, 1, 1, 1, 1, 1] }],
    checks: [{ atMin: 2, rule: 'TemperatureHigh', firing: 0 }, { atMin: 3, rule: 'TemperatureHigh', firing: 1 }, { atMin: 4, rule: 'TemperatureHigh', firing: 0 },
      { atMin: 1, rule: 'ModelCheckFailed', firing: 0 }, { atMin: 2, rule: 'ModelCheckFailed', firing: 1 }],
  },
];

export interface CheckResult { atMin: number; rule: string; firing: AlertView[] }
/** Replays a scenario through the engine: the firing alerts of each check. */
export function replay(rules: AlertRules, scenario: Scenario): CheckResult[] {
  const m = new AlertManager(rules);
  const minutes = Math.max(...scenario.series.map((s) => s.values.length));
  const results: CheckResult[] = [];
  for (let i = 0; i < minutes; i++) {
    const t = i * STEP_MS;
    m.ingest(scenario.series.flatMap((s): Sample[] => (i < s.values.length ? [{ metric: s.metric, labels: s.labels ?? {}, t, value: s.values[i] as number }] : [])));
    m.evaluate(t);
    for (const c of scenario.checks.filter((c) => c.atMin === i)) {
      results.push({ atMin: i, rule: c.rule, firing: m.alerts(t).filter((a) => a.rule === c.rule && a.state === 'firing') });
    }
  }
  return results;
}

/** A `promtool test rules` file with the engine's own results as the expectations. */
export function promtoolTests(rules: AlertRules, rulesFile: string): Record<string, unknown> {
  const exported = new Map(prometheusRules(rules).map((r) => [r.alert as string, r.annotations as Record<string, string>]));
  /** The engine's texts; the static note as exported. */
  const annotations = (v: AlertView) => {
    const notes: Record<string, string> = { summary: v.summary.en, summary_zh: v.summary.zh };
    if (v.description) Object.assign(notes, { description: v.description.en, description_zh: v.description.zh });
    const note = exported.get(v.rule)?.safe_edge;
    if (note) notes.safe_edge = note;
    return notes;
  };
  return {
    rule_files: [rulesFile],
    evaluation_interval: '1m',
    tests: SCENARIOS.map((s) => ({
      name: s.name,
      interval: '1m',
      input_series: s.series.map((x) => ({
        series: `${x.metric}{${Object.entries(x.labels ?? {}).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}}`,
        values: x.values.join(' '),
      })),
      alert_rule_test: replay(rules, s).map((r) => ({
        eval_time: `${r.atMin}m`, alertname: r.rule,
        exp_alerts: r.firing.map((v) => ({ exp_labels: Object.fromEntries(Object.entries(v.labels).filter(([k]) => k !== 'alertname')), exp_annotations: annotations(v) })),
      })),
    })),
  };
}
