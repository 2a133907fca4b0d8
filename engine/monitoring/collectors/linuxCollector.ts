// Device health on Linux from /proc and /sys (docs/device-health.md): CPU (total and per core), load,
// memory and swap, the data directory's disk, network, battery and temperatures. Every read is
// asynchronous and small; what the machine does not expose (no battery, no thermal zones) is reported as
// "not available here", never as 0. `root` lets tests point it at a fake /proc and /sys; `sources` lets
// fault injection replace parts of the machine (docs/device-health.md, "Fault injection").
import { lstat, readdir, readFile, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { busyRatio, parseLoadavg, parseMeminfo, parseNetDev, parseProcStat, type CpuTimes } from './procFiles.js';
import type { CollectorSources, DeviceSample, MetricName } from './sample.js';

/** A file of the machine, or null; `overlay` files replace the same paths under `root`. */
type Reader = (path: string) => Promise<string | null>;
/** A folder's entries, or none; a folder in the overlay replaces the same folder under `root`. */
type Lister = (path: string) => Promise<string[]>;

function sourcesOf(root: string, overlayRoot: string | undefined): { read: Reader; list: Lister } {
  const readAt = (base: string, path: string) => readFile(join(base, path), 'utf8').catch(() => null);
  const listAt = (base: string, path: string) => readdir(join(base, path)).catch(() => null);
  if (overlayRoot === undefined) return { read: (p) => readAt(root, p), list: async (p) => (await listAt(root, p)) ?? [] };
  return {
    read: async (p) => (await readAt(overlayRoot, p)) ?? readAt(root, p),
    list: async (p) => (await listAt(overlayRoot, p)) ?? (await listAt(root, p)) ?? [],
  };
}

/** Bytes of the files under `dir` (their apparent size), asynchronously: the data directory as its own small volume. */
async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await bytesUnder(path);
    else if (entry.isFile()) total += (await lstat(path).catch(() => null))?.size ?? 0;
  }
  return total;
}

async function batteries(read: Reader, list: Lister): Promise<Array<{ capacityPct: number; charging: boolean }>> {
  const dir = 'sys/class/power_supply';
  const names = await list(dir);
  const out: Array<{ capacityPct: number; charging: boolean }> = [];
  for (const name of names) {
    if ((await read(join(dir, name, 'type')))?.trim() !== 'Battery') continue;
    const capacity = Number((await read(join(dir, name, 'capacity')))?.trim());
    const status = (await read(join(dir, name, 'status')))?.trim() ?? '';
    if (Number.isFinite(capacity)) out.push({ capacityPct: capacity, charging: status === 'Charging' || status === 'Full' });
  }
  return out;
}

async function temperaturesC(read: Reader, list: Lister): Promise<number[]> {
  const dir = 'sys/class/thermal';
  const zones = (await list(dir)).filter((z) => z.startsWith('thermal_zone'));
  const temps: number[] = [];
  for (const zone of zones) {
    const milli = Number((await read(join(dir, zone, 'temp')))?.trim());
    if (Number.isFinite(milli)) temps.push(milli / 1000);
  }
  return temps;
}

/** Sum of the CPUs' thermal-throttle event counters; null when the kernel does not expose them. */
async function throttleEvents(read: Reader, list: Lister): Promise<number | null> {
  const dir = 'sys/devices/system/cpu';
  const cpus = (await list(dir)).filter((c) => /^cpu\d+$/.test(c));
  let sum = 0, seen = false;
  for (const cpu of cpus) {
    const count = Number((await read(join(dir, cpu, 'thermal_throttle/core_throttle_count')))?.trim());
    if (Number.isFinite(count)) { sum += count; seen = true; }
  }
  return seen ? sum : null;
}

export interface LinuxCollector { sample(nowMs: number): Promise<DeviceSample> }

export function createLinuxCollector(options: { root?: string; dataDir: string; sources?: CollectorSources }): LinuxCollector {
  const { read, list } = sourcesOf(options.root ?? '/', options.sources?.overlayRoot);
  const capacityBytes = options.sources?.diskCapacityBytes;
  let previous: { total: CpuTimes; cores: CpuTimes[]; throttle: number | null } | null = null;
  return {
    async sample(nowMs) {
      const values: Partial<Record<MetricName, number>> = {};
      const perCore: number[] = [];
      const [stat, meminfo, loadavg, netdev] = await Promise.all(['proc/stat', 'proc/meminfo', 'proc/loadavg', 'proc/net/dev'].map((f) => read(f)));
      if (stat) {
        const now = parseProcStat(stat);
        if (previous) {
          const total = busyRatio(previous.total, now.total);
          if (total !== null) values.safe_cpu_busy_ratio = total;
          now.cores.forEach((core, i) => { const before = previous?.cores[i]; const r = before ? busyRatio(before, core) : null; if (r !== null) perCore.push(r); });
        }
        previous = { total: now.total, cores: now.cores, throttle: previous?.throttle ?? null };
      }
      if (meminfo) {
        const m = parseMeminfo(meminfo);
        values.safe_memory_used_ratio = m.memUsedRatio;
        if (m.swapUsedRatio !== null) values.safe_swap_used_ratio = m.swapUsedRatio;
      }
      if (loadavg) values.safe_load1 = parseLoadavg(loadavg)[0];
      if (netdev) {
        const n = parseNetDev(netdev);
        values.safe_network_receive_bytes_total = n.receiveBytes;
        values.safe_network_transmit_bytes_total = n.transmitBytes;
      }
      if (capacityBytes !== undefined) {
        const usedBytes = Math.min(capacityBytes, await bytesUnder(options.dataDir));
        values.safe_disk_used_ratio = usedBytes / capacityBytes;
        values.safe_disk_free_bytes = capacityBytes - usedBytes;
      }
      const disk = capacityBytes === undefined ? await statfs(options.dataDir).catch(() => null) : null;
      if (disk && disk.blocks > 0) {
        values.safe_disk_used_ratio = 1 - disk.bavail / disk.blocks;
        values.safe_disk_free_bytes = disk.bavail * disk.bsize;
      }
      const battery = await batteries(read, list);
      if (battery.length > 0) {
        values.safe_battery_charge_ratio = Math.min(...battery.map((b) => b.capacityPct)) / 100;
        values.safe_battery_charging = battery.some((b) => b.charging) ? 1 : 0;
      }
      const temps = await temperaturesC(read, list);
      if (temps.length > 0) values.safe_temperature_celsius = Math.max(...temps);
      const throttle = await throttleEvents(read, list);
      if (throttle !== null) {
        values.safe_thermal_throttled = previous?.throttle !== null && previous?.throttle !== undefined && throttle > previous.throttle ? 1 : 0;
        if (previous) previous.throttle = throttle;
      }
      return { atMs: nowMs, source: 'linux-proc', values, perCoreBusyRatio: perCore };
    },
  };
}
