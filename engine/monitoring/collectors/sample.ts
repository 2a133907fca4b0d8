// One device-health sample and the metrics a collector may report (docs/device-health.md). A metric the
// machine cannot measure is absent from `values` and listed as not available: never 0, never "resolved".

import { DEVICE_METRICS, type DeviceSample, type MetricName } from '../../contract/deviceHealth.js';

export { DEVICE_METRICS, type DeviceSample, type MetricName };

/** What this machine can measure, from what its samples held: every metric either available or not. */
export function capabilities(samples: readonly DeviceSample[]): Record<MetricName, 'available' | 'not-available'> {
  return Object.fromEntries(DEVICE_METRICS.map((m) => [m, samples.some((s) => s.values[m] !== undefined) ? 'available' : 'not-available'])) as Record<MetricName, 'available' | 'not-available'>;
}

/** Parts of the machine replaced for fault injection (docs/device-health.md, "Fault injection"): never set by
 *  configuration, only by tests and bench:monitor. Plain data, so it crosses to the sampler thread. */
export interface CollectorSources {
  /** Files here replace the same paths under the collector's root (a fake /proc/meminfo, a battery in /sys);
   *  a folder here replaces the same folder. Everything else is read from the machine. */
  overlayRoot?: string;
  /** The data directory measured as a volume of this size holding only its own files: a small disk that
   *  a fault can fill without root (mounting a small file system needs it). */
  diskCapacityBytes?: number;
}
