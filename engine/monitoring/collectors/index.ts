// The device collector for this OS (docs/device-health.md): the /proc and /sys fast path on Linux,
// systeminformation elsewhere (or where /proc cannot be read).
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { createLinuxCollector } from './linuxCollector.js';
import { createPortableCollector } from './portableCollector.js';
import type { DeviceSample } from './sample.js';

export interface DeviceCollector { sample(nowMs: number): Promise<DeviceSample> }

export async function createDeviceCollector(options: { dataDir: string; root?: string }): Promise<DeviceCollector> {
  const root = options.root ?? '/';
  const hasProc = process.platform === 'linux' && await access(join(root, 'proc/stat')).then(() => true, () => false);
  return hasProc ? createLinuxCollector({ root, dataDir: options.dataDir }) : createPortableCollector({ dataDir: options.dataDir });
}

export { capabilities, DEVICE_METRICS, type DeviceSample, type MetricName } from './sample.js';
