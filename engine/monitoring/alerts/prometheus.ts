// The same rules as a Prometheus rules file, thresholds and functions mapped one to one; what Prometheus has
// no field for (hysteresis, notification delay, silences, inhibition, resume grace) is approximated in the
// expression or said in annotations and comments (docs/alerts.md, "Prometheus mapping").
import { stringifyYaml } from '../../knowledge/yamlOnDemand.js';
import { durationMs, type AlertRule, type AlertRules } from './rules.js';

const selector = (metric: string, matchers: Record<string, string>) => {
  const m = Object.entries(matchers).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return m.length ? `${metric}{${m.join(',')}}` : metric;
};

/** The rule's aggregate in PromQL. */
export function aggregateExpr(rule: AlertRule): string {
  const a = rule.aggregate;
  const s = selector(rule.metric, rule.matchers);
  switch (a.fn) {
    case 'last': return s;
    case 'avg_over': return `avg_over_time(${s}[${a.window}])`;
    case 'max_over': return `max_over_time(${s}[${a.window}])`;
    case 'rate': return `rate(${s}[${a.window}])`;
    case 'predict_linear': {
      const line = `predict_linear(${s}[${a.window}], ${durationMs(a.horizon) / 1000})`;
      if (a.min_span === undefined) return line;
      // Samples in [now − window, now − min_span]: the data reaches back at least min_span.
      const spanS = durationMs(a.min_span) / 1000, restS = (durationMs(a.window) - durationMs(a.min_span)) / 1000;
      return `(${line} and present_over_time(${s}[${restS}s] offset ${spanS}s))`;
    }
    case 'histogram_quantile': return `histogram_quantile(${a.quantile}, sum by (le) (rate(${selector(`${rule.metric}_bucket`, rule.matchers)}[${a.window}])))`;
  }
}

/** The alert condition: past `raise`, or past `clear` while this alert is already pending or firing (its own
 *  ALERTS series: hysteresis), and only while the `while` metric holds its value. */
export function alertExpr(rule: AlertRule): string {
  const agg = aggregateExpr(rule);
  const op = rule.direction === 'above' ? '>' : '<';
  let expr = `${agg} ${op} ${rule.raise}`;
  if (rule.clear !== rule.raise) {
    const ignoring = ['alertname', 'alertstate', 'severity', ...Object.keys(rule.labels)].join(', ');
    expr = `${agg} ${op} ${rule.raise}\nor\n(${agg} ${op} ${rule.clear} and ignoring(${ignoring}) ALERTS{alertname="${rule.name}"})`;
  }
  if (rule.while) expr = `(${expr})\nand on()\n(${selector(rule.while.metric, rule.while.matchers)} == ${rule.while.equals})`;
  return expr;
}

const PLACEHOLDERS: Record<string, string> = { value: '{{ $value | humanize }}', value_percent: '{{ $value | humanizePercentage }}', value_duration: '{{ $value | humanizeDuration }}' };
/** A rule text as a Prometheus template. */
export const promTemplate = (text: string): string =>
  text.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (_, name: string) => PLACEHOLDERS[name] ?? `{{ $labels.${name.slice('labels.'.length)} }}`);

/** The engine-only behaviour of a rule, said in an annotation. */
function engineNote(rule: AlertRule, rules: AlertRules): string {
  const notes: string[] = [];
  if (rule.clear !== rule.raise) notes.push(`hysteresis: raise ${rule.raise}, clear ${rule.clear} (the ALERTS term in expr)`);
  if (rule.notifyAfterMs > 0) notes.push(`notify after ${rule.source.notify_after} of firing (Alertmanager group_wait)`);
  const inhibitedBy = rules.inhibit.filter((i) => i.target.alertname === rule.name).map((i) => i.source.alertname ?? JSON.stringify(i.source));
  if (inhibitedBy.length) notes.push(`inhibited by ${inhibitedBy.join(', ')} (Alertmanager inhibit_rules)`);
  return notes.join('; ');
}

/** The Prometheus rule objects, in the rules file's order. */
export function prometheusRules(rules: AlertRules): Array<Record<string, unknown>> {
  return rules.rules.map((rule) => {
    const annotations: Record<string, string> = { summary: promTemplate(rule.summary.en), summary_zh: promTemplate(rule.summary.zh) };
    if (rule.description) Object.assign(annotations, { description: promTemplate(rule.description.en), description_zh: promTemplate(rule.description.zh) });
    const note = engineNote(rule, rules);
    if (note) annotations.safe_edge = note;
    const out: Record<string, unknown> = { alert: rule.name, expr: alertExpr(rule) };
    if (rule.forMs > 0) out.for = rule.source.for;
    if (rule.keepFiringForMs > 0) out.keep_firing_for = rule.source.keep_firing_for;
    out.labels = { severity: rule.severity, ...rule.labels };
    out.annotations = annotations;
    return out;
  });
}

/** The Alertmanager inhibit_rules equal to the rules' inhibitions. */
export function alertmanagerInhibitRules(rules: AlertRules): Array<Record<string, unknown>> {
  return rules.inhibit.map((i) => ({
    source_matchers: Object.entries(i.source).map(([k, v]) => `${k}=${JSON.stringify(v)}`),
    target_matchers: Object.entries(i.target).map(([k, v]) => `${k}=${JSON.stringify(v)}`),
    ...(i.equal.length ? { equal: i.equal } : {}),
  }));
}

/** The rules file (YAML). */
export function exportPrometheusRules(rules: AlertRules, groupName = 'safe-edge-device-health'): string {
  const comment = (text: string) => text.split('\n').map((l) => `# ${l}`.trimEnd()).join('\n');
  const header = comment(`SAFE Edge device-health alerts, exported from engine/monitoring/rules.yaml (docs/alerts.md).
Evaluate every ${rules.intervalMs / 1000}s (the engine samples at that interval). What the engine does that Prometheus does not:
- hysteresis: expr is "past raise, or past clear while ALERTS says this alert is pending or firing";
- notification delay (notify_after): Alertmanager group_wait / group_interval; the engine never notifies
  an alert that resolves sooner;
- silences and acknowledgement: Alertmanager silences (amtool silence add); acknowledgement has no
  counterpart beyond a silence until the alert resolves;
- inhibition: Alertmanager inhibit_rules, equal to the engine's:
${stringifyYaml({ inhibit_rules: alertmanagerInhibitRules(rules) }).trimEnd()}
- resume grace (after sleep, nothing fires or resolves until fresh samples cover the window): not
  expressible; Prometheus' own evaluation stops while the laptop sleeps, and staleness (no sample for 5m)
  empties an instant selector, so no alert fires on old data; "for" starts again.
Grouping by ${rules.groupBy.join(', ')}: Alertmanager route group_by.`);
  return `${header}\n${stringifyYaml({ groups: [{ name: groupName, rules: prometheusRules(rules) }] }, { lineWidth: 0 })}`;
}
