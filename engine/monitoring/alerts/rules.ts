// Alert rules are data (engine/monitoring/rules.yaml), validated here at load: a bad rule fails loudly at
// start-up with the file, the rule and the field (docs/alerts.md, "Rule format").
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseYaml } from '../../knowledge/yamlOnDemand.js';
import { z } from 'zod';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
/** A Prometheus-style duration with one unit ("30s", "10m", "8h"), in milliseconds. */
export function durationMs(text: string): number {
  const m = /^(\d+)(ms|s|m|h|d)$/.exec(text);
  if (!m) throw new Error(`not a duration: ${text}`);
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}
const duration = z.string().regex(/^\d+(ms|s|m|h|d)$/, 'a duration like 30s, 10m or 8h');
const labelName = z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'a Prometheus label name');
const labels = z.record(labelName, z.string());
const metricName = z.string().regex(/^safe_[a-z0-9_]+$/, 'a metric name safe_<what>_<unit>');

/** `{{value}}`, `{{value_percent}}`, `{{value_duration}}`, `{{labels.NAME}}` (Prometheus: humanize, humanizePercentage,
 *  humanizeDuration, $labels.NAME). */
export const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN_PLACEHOLDER = /^(value|value_percent|value_duration|labels\.[a-zA-Z_][a-zA-Z0-9_]*)$/;
const text = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) }).superRefine((t, ctx) => {
  for (const m of `${t.en}${t.zh}`.matchAll(PLACEHOLDER)) {
    if (!KNOWN_PLACEHOLDER.test(m[1] as string)) ctx.addIssue({ code: 'custom', message: `unknown placeholder {{${m[1]}}} (known: value, value_percent, value_duration, labels.NAME)` });
  }
});

const aggregate = z.discriminatedUnion('fn', [
  z.strictObject({ fn: z.literal('last') }),
  z.strictObject({ fn: z.literal('avg_over'), window: duration }),
  z.strictObject({ fn: z.literal('max_over'), window: duration }),
  /** Per-second increase of a counter (resets corrected). */
  z.strictObject({ fn: z.literal('rate'), window: duration }),
  /** Least-squares line over the window, read `horizon` ahead; with `min_span`, only once the samples reach
   *  that far back (a line through a few minutes of data says little about the next hours). */
  z.strictObject({ fn: z.literal('predict_linear'), window: duration, horizon: duration, min_span: duration.optional() })
    .refine((a) => a.min_span === undefined || durationMs(a.min_span) < durationMs(a.window), { message: 'min_span must be shorter than window', path: ['min_span'] }),
  /** Quantile of a histogram (`<metric>_bucket{le}`, summed over every other label) from its increase over the window. */
  z.strictObject({ fn: z.literal('histogram_quantile'), quantile: z.number().gt(0).lt(1), window: duration }),
]);
export type Aggregate = z.infer<typeof aggregate>;

export const SEVERITIES = ['info', 'warning', 'critical'] as const;
const ruleSchema = z.strictObject({
  name: z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'an alert name in UpperCamelCase'),
  metric: metricName,
  matchers: labels.default({}),
  aggregate,
  /** above: raise when value > raise, clear when value <= clear; below: the mirror. raise == clear: no hysteresis. */
  direction: z.enum(['above', 'below']),
  raise: z.number(),
  clear: z.number(),
  /** Only while another metric's last value equals this (the battery rules: while not charging). */
  while: z.strictObject({ metric: metricName, matchers: labels.default({}), equals: z.number() }).optional(),
  for: duration.default('0s'),
  keep_firing_for: duration.default('0s'),
  notify_after: duration.default('0s'),
  severity: z.enum(SEVERITIES),
  labels: labels.default({}),
  summary: text,
  description: text.optional(),
}).superRefine((r, ctx) => {
  if (r.direction === 'above' ? r.clear > r.raise : r.clear < r.raise) {
    ctx.addIssue({ code: 'custom', path: ['clear'], message: `clear ${r.clear} must not be ${r.direction === 'above' ? 'above' : 'below'} raise ${r.raise} (direction ${r.direction})` });
  }
  for (const reserved of ['alertname', 'alertstate', 'severity']) {
    if (reserved in r.labels) ctx.addIssue({ code: 'custom', path: ['labels', reserved], message: `label ${reserved} is set by the manager` });
  }
});
export type AlertRuleInput = z.input<typeof ruleSchema>;

const matcherSet = labels.refine((m) => Object.keys(m).length > 0, 'at least one matcher');
const fileSchema = z.strictObject({
  settings: z.strictObject({
    /** How often the caller samples; `stale_after_intervals` × this without a sample is a gap (sleep). */
    interval: duration,
    stale_after_intervals: z.number().int().min(2).default(4),
    group_by: z.array(labelName).default(['severity']),
    /** Re-notify an unacknowledged firing alert this often; 0s: never. */
    repeat_interval: duration.default('0s'),
  }),
  inhibit: z.array(z.strictObject({ source: matcherSet, target: matcherSet, equal: z.array(labelName).default([]) })).default([]),
  rules: z.array(ruleSchema).min(1),
}).superRefine((f, ctx) => {
  const names = f.rules.map((r) => r.name);
  names.forEach((n, i) => { if (names.indexOf(n) !== i) ctx.addIssue({ code: 'custom', path: ['rules', i, 'name'], message: `rule ${n} twice` }); });
});
export type AlertRulesInput = z.input<typeof fileSchema>;

/** A rule with its durations in milliseconds. */
export interface AlertRule extends Omit<z.infer<typeof ruleSchema>, 'for' | 'keep_firing_for' | 'notify_after'> {
  forMs: number; keepFiringForMs: number; notifyAfterMs: number;
  /** The aggregate's window in ms (0 for `last`). */
  windowMs: number;
  source: { for: string; keep_firing_for: string; notify_after: string };
}
export interface AlertRules {
  intervalMs: number; staleAfterIntervals: number; groupBy: string[]; repeatIntervalMs: number;
  inhibit: Array<{ source: Record<string, string>; target: Record<string, string>; equal: string[] }>;
  rules: AlertRule[];
}

/** The source file, found from the compiled file in dist/engine/monitoring/alerts. */
export const DEFAULT_RULES_FILE = fileURLToPath(new URL('../../../../engine/monitoring/rules.yaml', import.meta.url));

/** Validates parsed rules; `where` names the source in the error ("rules.yaml: rules[3] (DiskSpaceLow).raise: …"). */
export function parseAlertRules(data: unknown, where = 'alert rules'): AlertRules {
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const name = path[0] === 'rules' && typeof path[1] === 'number' ? (data as { rules?: Array<{ name?: unknown }> }).rules?.[path[1]]?.name : undefined;
    const field = path.map((p, i) => (typeof p === 'number' ? `[${p}]${i === 1 && name ? ` (${String(name)})` : ''}` : `${i ? '.' : ''}${String(p)}`)).join('');
    throw new Error(`${where}: ${field || '(file)'}: ${issue?.message}`);
  }
  const f = parsed.data;
  return {
    intervalMs: durationMs(f.settings.interval), staleAfterIntervals: f.settings.stale_after_intervals,
    groupBy: f.settings.group_by, repeatIntervalMs: durationMs(f.settings.repeat_interval), inhibit: f.inhibit,
    rules: f.rules.map((r) => ({
      ...r, forMs: durationMs(r.for), keepFiringForMs: durationMs(r.keep_firing_for), notifyAfterMs: durationMs(r.notify_after),
      windowMs: r.aggregate.fn === 'last' ? 0 : durationMs(r.aggregate.window),
      source: { for: r.for, keep_firing_for: r.keep_firing_for, notify_after: r.notify_after },
    })),
  };
}

export function loadAlertRules(file = DEFAULT_RULES_FILE): AlertRules {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`alert rules ${file}: ${(err as Error).message}`);
  }
  return parseAlertRules(data, `alert rules ${file}`);
}

// ---- text, formatted as Prometheus' template functions format it (so exported annotations read the same) ----

/** Go's %.4g. */
function g4(v: number): string {
  if (v === 0) return '0';
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
  const exp = Math.floor(Math.log10(Math.abs(Number(v.toPrecision(4)))));
  if (exp < -4 || exp >= 4) {
    const [mant, e] = v.toExponential(3).split('e') as [string, string];
    const n = Number(e);
    return `${mant.replace(/\.?0+$/, '')}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return String(Number(v.toPrecision(4)));
}
export function humanize(v: number): string {
  if (v === 0 || !Number.isFinite(v)) return g4(v);
  let prefix = '';
  if (Math.abs(v) >= 1) {
    for (const p of ['k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y']) { if (Math.abs(v) < 1000) break; prefix = p; v /= 1000; }
  } else {
    for (const p of ['m', 'u', 'n', 'p', 'f', 'a', 'z', 'y']) { if (Math.abs(v) >= 1) break; prefix = p; v *= 1000; }
  }
  return `${g4(v)}${prefix}`;
}
export const humanizePercentage = (v: number): string => `${g4(v * 100)}%`;
export function humanizeDuration(v: number): string {
  if (!Number.isFinite(v)) return g4(v);
  if (v === 0) return '0s';
  if (Math.abs(v) >= 1) {
    const sign = v < 0 ? '-' : '';
    const s = Math.trunc(Math.abs(v));
    const [d, h, m, sec] = [Math.floor(s / 86400), Math.floor(s / 3600) % 24, Math.floor(s / 60) % 60, s % 60];
    if (d) return `${sign}${d}d ${h}h ${m}m ${sec}s`;
    if (h) return `${sign}${h}h ${m}m ${sec}s`;
    if (m) return `${sign}${m}m ${sec}s`;
    return `${sign}${g4(Math.abs(v))}s`;
  }
  let prefix = '';
  for (const p of ['m', 'u', 'n', 'p', 'f', 'a', 'z', 'y']) { if (Math.abs(v) >= 1) break; prefix = p; v *= 1000; }
  return `${g4(v)}${prefix}s`;
}

/** A rule text with its placeholders filled. */
export function renderText(template: string, value: number, alertLabels: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    if (name === 'value') return humanize(value);
    if (name === 'value_percent') return humanizePercentage(value);
    if (name === 'value_duration') return humanizeDuration(value);
    return alertLabels[name.slice('labels.'.length)] ?? '';
  });
}
