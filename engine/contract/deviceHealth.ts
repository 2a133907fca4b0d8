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

export const deviceHealthSchema = z.object({
  /** false when this engine runs no sampler (a one-shot CLI command). */
  monitoring: z.boolean(),
  latest: deviceSampleSchema.nullable(),
  capabilities: z.record(z.enum(DEVICE_METRICS), z.enum(['available', 'not-available'])),
  engine: z.object({ eventLoopDelayP99Ms: z.number().nullable(), rssBytes: z.number(), heapUsedBytes: z.number() }),
  lastError: z.string().nullable(),
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
