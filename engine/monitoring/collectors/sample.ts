// One device-health sample and the metrics a collector may report (docs/device-health.md). A metric the
// machine cannot measure is absent from `values` and listed as not available: never 0, never "resolved".

export const DEVICE_METRICS = [
  'safe_cpu_busy_ratio', 'safe_load1', 'safe_memory_used_ratio', 'safe_swap_used_ratio',
  'safe_disk_used_ratio', 'safe_disk_free_bytes', 'safe_network_receive_bytes_total', 'safe_network_transmit_bytes_total',
  'safe_battery_charge_ratio', 'safe_battery_charging', 'safe_temperature_celsius', 'safe_thermal_throttled',
] as const;
export type MetricName = (typeof DEVICE_METRICS)[number];

export interface DeviceSample {
  atMs: number;
  source: 'linux-proc' | 'systeminformation';
  values: Partial<Record<MetricName, number>>;
  perCoreBusyRatio: number[];
}

/** What this machine can measure, from what its samples held: every metric either available or not. */
export function capabilities(samples: readonly DeviceSample[]): Record<MetricName, 'available' | 'not-available'> {
  return Object.fromEntries(DEVICE_METRICS.map((m) => [m, samples.some((s) => s.values[m] !== undefined) ? 'available' : 'not-available'])) as Record<MetricName, 'available' | 'not-available'>;
}
