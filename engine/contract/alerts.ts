// Device-health alerts as the engine offers them (docs/alerts.md, "Offered through the operations
// table"): the listed alerts with their zh/en text, and the silences and acknowledgements an operator adds.
import { z } from 'zod';

const text = z.object({ en: z.string(), zh: z.string() });
const matchers = z.record(z.string(), z.string());

export const alertItemSchema = z.object({
  key: z.string(),
  rule: z.string(),
  state: z.enum(['pending', 'firing', 'resolved']),
  severity: z.enum(['info', 'warning', 'critical']),
  labels: z.record(z.string(), z.string()),
  /** The aggregate when the condition last held (a ratio, seconds, °C: the rule's metric's unit). */
  value: z.number(),
  summary: text,
  description: text.optional(),
  /** Since when it is in its state: pending from activeSinceMs, firing from firingSinceMs, resolved at resolvedAtMs. */
  sinceMs: z.number(),
  silenced: z.boolean(),
  inhibited: z.boolean(),
  /** No fresh data (a gap, a restart): neither firing on nor resolving. */
  held: z.boolean(),
  acknowledged: z.object({ by: z.string(), atMs: z.number() }).nullable(),
  /** The manager has told of this firing: it fired for its `notify_after`, neither silenced nor inhibited
   *  (docs/alerts.md, "State machine"). Desktop notifications show only these. */
  notified: z.boolean(),
});

export const silenceSchema = z.object({ id: z.string(), matchers, startsAtMs: z.number(), endsAtMs: z.number(), createdBy: z.string(), comment: z.string() });

export const alertsSchema = z.object({
  /** false when this engine runs no sampler, hence no alerts (a one-shot command). */
  monitoring: z.boolean(),
  alerts: z.array(alertItemSchema),
  silences: z.array(silenceSchema),
});

/** 1 h, the dashboard's button. */
export const DEFAULT_SILENCE_MS = 3_600_000;
export const silenceArgsSchema = z.object({
  silence: z.object({
    /** Silence the alerts matching these labels (e.g. `{ alertname: "DiskSpaceLow" }`) ... */
    matchers: matchers.optional(),
    /** ... or exactly this alert (its labels become the matchers). */
    key: z.string().min(1).max(512).optional(),
    durationMs: z.number().int().positive().max(30 * 86_400_000).default(DEFAULT_SILENCE_MS),
    createdBy: z.string().max(128).default('operator'),
    comment: z.string().max(1000).default(''),
  }).refine((s) => s.key !== undefined || (s.matchers !== undefined && Object.keys(s.matchers).length > 0), { message: 'give an alert key or at least one matcher' }),
});

export const acknowledgeArgsSchema = z.object({
  key: z.string().min(1).max(512),
  by: z.string().max(128).default('operator'),
});
export const acknowledgeResultSchema = z.object({ key: z.string(), acknowledged: z.boolean() });

export type AlertItem = z.infer<typeof alertItemSchema>;
export type AlertsView = z.infer<typeof alertsSchema>;
export type SilenceArgs = z.output<typeof silenceArgsSchema>['silence'];
