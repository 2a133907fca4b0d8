// One device-health sample and the metrics a collector may report (docs/device-health.md). A metric the
// machine cannot measure is absent from `values` and listed as not available: never 0, never "resolved".

import { DEVICE_METRICS, type DeviceSample, type MetricName } from '../../contract/deviceHealth.js';

export { DEVICE_METRICS, type DeviceSample, type MetricName };

/** What this machine can measure, from what its samples held: every metric either available or not. */
export function capabilities(samples: readonly DeviceSample[]): Record<MetricName, 'available' | 'not-available'> {
  return Object.fromEntries(DEVICE_METRICS.map((m) => [m, samples.some((s) => s.values[m] !== undefined) ? 'available' : 'not-available'])) as Record<MetricName, 'available' | 'not-available'>;
}
