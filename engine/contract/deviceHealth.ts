// Device health as the engine offers it (docs/device-health.md): the latest sample, what this machine
// can measure, the engine's own event-loop delay and memory, and the history of one metric.
import { z } from 'zod';

export const DEVICE_METRICS = [
  'safe_cpu_busy_ratio', 'safe_load1', 'safe_memory_used_ratio', 'safe_swap_used_ratio',
  'safe_disk_used_ratio', 'safe_disk_free_bytes', 'safe_network_receive_bytes_total', 'safe_network_transmit_bytes_total',
  'safe_battery_charge_ratio', 'safe_battery_charging', 'safe_temperature_celsius', 'safe_thermal_throttled',
] as const;
export type MetricName = (typeof DEVICE_METRICS)[number];

export const deviceSampleSchema = z.object({
  atMs: z.number(),
  source: z.enum(['linux-proc', 'systeminformation']),
  /** A metric absent here could not be measured on this machine: never 0. */
  values: z.partialRecord(z.enum(DEVICE_METRICS), z.number()),
  perCoreBusyRatio: z.array(z.number()),
});

/** Why background work stepped down (docs/device-health.md#power-and-heat): the conditions the alert rules name. */
export const POWER_REASONS = ['battery-low', 'thermal-throttling', 'temperature-critical'] as const;
export type PowerReason = (typeof POWER_REASONS)[number];

/** The power governor's state: what background work does now, and why. */
export const powerStateSchema = z.object({
  mode: z.enum(['normal', 'stepped-down']),
  /** The conditions holding at the last sample (empty while quiet, also during the quiet minute before stepping up). */
  reasons: z.array(z.enum(POWER_REASONS)),
  /** When the step-down began; null while normal. */
  sinceMs: z.number().nullable(),
  /** When it steps up if the conditions stay away; null while a condition holds or while normal. */
  stepUpAtMs: z.number().nullable(),
  /** Batch analyses (and cache refreshes) allowed to run at once; null: no limit beyond the engine's own. */
  batchSlots: z.number().int().positive().nullable(),
  /** Members of each surrogate ensemble in the F-Agent now; null: the full ensemble (256). */
  ensembleMembers: z.number().int().positive().nullable(),
  /** Background work waiting for the step-up (a scheduled backup, the cache warm-up). */
  deferred: z.array(z.enum(['backup', 'cache-warm-up'])),
});
export type PowerState = z.infer<typeof powerStateSchema>;

export const deviceHealthSchema = z.object({
  /** false when this engine runs no sampler (a one-shot CLI command). */
  monitoring: z.boolean(),
  latest: deviceSampleSchema.nullable(),
  capabilities: z.record(z.enum(DEVICE_METRICS), z.enum(['available', 'not-available'])),
  engine: z.object({ eventLoopDelayP99Ms: z.number().nullable(), rssBytes: z.number(), heapUsedBytes: z.number() }),
  lastError: z.string().nullable(),
  /** Power and heat step-down; null on an engine that samples nothing. */
  power: powerStateSchema.nullable(),
});

export const deviceHistoryArgsSchema = z.object({
  metric: z.enum(DEVICE_METRICS),
  /** Range in epoch ms; the last hour when not given. */
  fromMs: z.coerce.number().int().nonnegative().optional(),
  toMs: z.coerce.number().int().nonnegative().optional(),
});

export const deviceHistorySchema = z.object({
  metric: z.enum(DEVICE_METRICS),
  resolution: z.enum(['raw', 'minute', 'hour']),
  points: z.array(z.object({ atMs: z.number(), min: z.number(), avg: z.number(), max: z.number() })),
});

export type DeviceSample = z.infer<typeof deviceSampleSchema>;
export type DeviceHealth = z.infer<typeof deviceHealthSchema>;
