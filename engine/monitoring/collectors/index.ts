// The device collector for this OS (docs/device-health.md): the /proc and /sys fast path on Linux,
// systeminformation elsewhere (or where /proc cannot be read).
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { createLinuxCollector } from './linuxCollector.js';
import { createPortableCollector } from './portableCollector.js';
import type { CollectorSources, DeviceSample } from './sample.js';

export interface DeviceCollector {
  sample(nowMs: number): Promise<DeviceSample>;
  /** Releases what the collector keeps open (the Linux collector's /proc and /sys descriptors). */
  close(): void;
}

export async function createDeviceCollector(options: { dataDir: string; root?: string; sources?: CollectorSources }): Promise<DeviceCollector> {
  const root = options.root ?? '/';
  const hasProc = process.platform === 'linux' && await access(join(root, 'proc/stat')).then(() => true, () => false);
  if (hasProc) return createLinuxCollector({ root, dataDir: options.dataDir, sources: options.sources });
  if (options.sources) throw new Error('fault-injection sources need the Linux collector (/proc and /sys)');
  return createPortableCollector({ dataDir: options.dataDir });
}

export { capabilities, DEVICE_METRICS, type CollectorSources, type DeviceSample, type MetricName } from './sample.js';
