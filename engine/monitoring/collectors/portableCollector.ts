// Device health where /proc does not exist (Windows, macOS), through systeminformation
// (docs/device-health.md). Its calls are asynchronous; a value the OS does not give stays absent.
import si from 'systeminformation';
import type { DeviceSample, MetricName } from './sample.js';

export function createPortableCollector(options: { dataDir: string }) {
  return {
    async sample(nowMs: number): Promise<DeviceSample> {
      const values: Partial<Record<MetricName, number>> = {};
      const [load, mem, disks, battery, temp] = await Promise.all([
        si.currentLoad().catch(() => null), si.mem().catch(() => null), si.fsSize().catch(() => null),
        si.battery().catch(() => null), si.cpuTemperature().catch(() => null),
      ]);
      const perCore = load?.cpus.map((c) => c.load / 100) ?? [];
      if (load) values.safe_cpu_busy_ratio = load.currentLoad / 100;
      if (mem && mem.total > 0) {
        values.safe_memory_used_ratio = (mem.total - mem.available) / mem.total;
        if (mem.swaptotal > 0) values.safe_swap_used_ratio = mem.swapused / mem.swaptotal;
      }
      // The data directory's disk: the mount with the longest path that prefixes it.
      const disk = disks?.filter((d) => options.dataDir.toLowerCase().startsWith(d.mount.toLowerCase())).sort((a, b) => b.mount.length - a.mount.length)[0];
      if (disk && disk.size > 0) { values.safe_disk_used_ratio = disk.used / disk.size; values.safe_disk_free_bytes = disk.available; }
      if (battery?.hasBattery) { values.safe_battery_charge_ratio = battery.percent / 100; values.safe_battery_charging = battery.isCharging || battery.acConnected ? 1 : 0; }
      if (temp && typeof temp.main === 'number' && temp.main > 0) values.safe_temperature_celsius = temp.main;
      return { atMs: nowMs, source: 'systeminformation', values, perCoreBusyRatio: perCore };
    },
    close(): void { /* nothing kept open */ },
  };
}
