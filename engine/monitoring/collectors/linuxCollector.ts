// Device health on Linux from /proc and /sys (docs/device-health.md): CPU (total and per core), load,
// memory and swap, the data directory's disk, network, battery and temperatures. The reads are small and
// synchronous, on the sampler's own thread (fileReader.ts says why). What the machine does not expose (no
// battery, no thermal zones) is reported as "not available here", never as 0. `root` lets tests point it at a fake /proc and /sys; `sources` lets
// fault injection replace parts of the machine (docs/device-health.md, "Fault injection").
import { lstatSync, readdirSync, statfsSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { FileReader } from './fileReader.js';
import { busyRatio, parseLoadavgBytes, parseMeminfoBytes, parseNetDevBytes, parseNumberBytes, parseProcStatBytes, wordIs, type CpuTimes } from './procFiles.js';
import type { CollectorSources, DeviceSample, MetricName } from './sample.js';

/** How often the slow-changing parts are listed again: which power supplies are batteries, the thermal
 *  zones, the CPUs with a throttle counter. Their readings are read every sample. */
export const LAYOUT_REFRESH_MS = 60_000;

/** Bytes of the files under `dir` (their apparent size): the data directory as its own small volume (fault injection only). */
function bytesUnder(dir: string): number {
  let total = 0;
  let entries: Dirent[];
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return 0; }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += bytesUnder(path);
    else if (entry.isFile()) { try { total += lstatSync(path).size; } catch { /* removed meanwhile */ } }
  }
  return total;
}

/** The files worth reading each sample, found by listing /sys (LAYOUT_REFRESH_MS). */
interface Layout {
  /** Per battery: its capacity and status files. */
  batteries: Array<{ capacity: string; status: string }>;
  /** Each thermal zone's temperature file. */
  zoneTemps: string[];
  /** Each CPU's thermal-throttle counter that exists. */
  throttleCounters: string[];
}

function listLayout(reader: FileReader): Layout {
  reader.forgetMissing();
  const supplies = 'sys/class/power_supply', thermal = 'sys/class/thermal', cpu = 'sys/devices/system/cpu';
  const batteries = reader.list(supplies).filter((name) => { const n = reader.read(join(supplies, name, 'type')); return n >= 0 && wordIs(reader.buf, n, 'Battery'); })
    .map((name) => ({ capacity: join(supplies, name, 'capacity'), status: join(supplies, name, 'status') }));
  const zoneTemps = reader.list(thermal).filter((z) => z.startsWith('thermal_zone')).map((z) => join(thermal, z, 'temp'));
  const throttleCounters = reader.list(cpu).filter((c) => /^cpu\d+$/.test(c)).map((c) => join(cpu, c, 'thermal_throttle/core_throttle_count'))
    .filter((file) => reader.read(file) >= 0);
  return { batteries, zoneTemps, throttleCounters };
}

export interface LinuxCollector { sample(nowMs: number): Promise<DeviceSample>; close(): void }

export function createLinuxCollector(options: { root?: string; dataDir: string; sources?: CollectorSources }): LinuxCollector {
  const reader = new FileReader(options.root ?? '/', options.sources?.overlayRoot);
  const capacityBytes = options.sources?.diskCapacityBytes;
  let previous: { total: CpuTimes; cores: CpuTimes[]; throttle: number | null } | null = null;
  let layout: Layout | null = null;
  let listedAtMs = 0;

  function sampleNow(nowMs: number): DeviceSample {
    if (!layout || nowMs - listedAtMs >= LAYOUT_REFRESH_MS || nowMs < listedAtMs) { layout = listLayout(reader); listedAtMs = nowMs; }
    const values: Partial<Record<MetricName, number>> = {};
    const perCore: number[] = [];
    let n = reader.read('proc/stat');
    if (n >= 0) {
      const now = parseProcStatBytes(reader.buf, n);
      if (previous) {
        const total = busyRatio(previous.total, now.total);
        if (total !== null) values.safe_cpu_busy_ratio = total;
        for (let i = 0; i < now.cores.length; i++) { const before = previous.cores[i]; const r = before ? busyRatio(before, now.cores[i]!) : null; if (r !== null) perCore.push(r); }
      }
      previous = { total: now.total, cores: now.cores, throttle: previous?.throttle ?? null };
    }
    if ((n = reader.read('proc/meminfo')) >= 0) {
      const m = parseMeminfoBytes(reader.buf, n);
      values.safe_memory_used_ratio = m.memUsedRatio;
      if (m.swapUsedRatio !== null) values.safe_swap_used_ratio = m.swapUsedRatio;
    }
    if ((n = reader.read('proc/loadavg')) >= 0) values.safe_load1 = parseLoadavgBytes(reader.buf, n)[0];
    if ((n = reader.read('proc/net/dev')) >= 0) {
      const net = parseNetDevBytes(reader.buf, n);
      values.safe_network_receive_bytes_total = net.receiveBytes;
      values.safe_network_transmit_bytes_total = net.transmitBytes;
    }
    if (capacityBytes !== undefined) {
      const usedBytes = Math.min(capacityBytes, bytesUnder(options.dataDir));
      values.safe_disk_used_ratio = usedBytes / capacityBytes;
      values.safe_disk_free_bytes = capacityBytes - usedBytes;
    } else {
      // One statfs call: what the data directory's volume has free changes every second, so it is read every sample.
      let disk: ReturnType<typeof statfsSync> | null = null;
      try { disk = statfsSync(options.dataDir); } catch { /* not measurable now */ }
      if (disk && disk.blocks > 0) {
        values.safe_disk_used_ratio = 1 - disk.bavail / disk.blocks;
        values.safe_disk_free_bytes = disk.bavail * disk.bsize;
      }
    }
    let lowestPct = Infinity, charging = false, batteries = 0;
    for (const battery of layout.batteries) {
      const capacity = (n = reader.read(battery.capacity)) >= 0 ? parseNumberBytes(reader.buf, n) : NaN;
      if (!Number.isFinite(capacity)) continue;
      n = reader.read(battery.status);
      if (n >= 0 && (wordIs(reader.buf, n, 'Charging') || wordIs(reader.buf, n, 'Full'))) charging = true;
      lowestPct = Math.min(lowestPct, capacity);
      batteries++;
    }
    if (batteries > 0) {
      values.safe_battery_charge_ratio = lowestPct / 100;
      values.safe_battery_charging = charging ? 1 : 0;
    }
    let hottestC = -Infinity;
    for (const file of layout.zoneTemps) {
      const milli = (n = reader.read(file)) >= 0 ? parseNumberBytes(reader.buf, n) : NaN;
      if (Number.isFinite(milli)) hottestC = Math.max(hottestC, milli / 1000);
    }
    if (hottestC > -Infinity) values.safe_temperature_celsius = hottestC;
    let throttle: number | null = null;
    for (const file of layout.throttleCounters) {
      const count = (n = reader.read(file)) >= 0 ? parseNumberBytes(reader.buf, n) : NaN;
      if (Number.isFinite(count)) throttle = (throttle ?? 0) + count;
    }
    if (throttle !== null) {
      values.safe_thermal_throttled = previous?.throttle !== null && previous?.throttle !== undefined && throttle > previous.throttle ? 1 : 0;
      if (previous) previous.throttle = throttle;
    }
    return { atMs: nowMs, source: 'linux-proc', values, perCoreBusyRatio: perCore };
  }

  return {
    sample: (nowMs) => Promise.resolve(sampleNow(nowMs)),
    close: () => reader.close(),
  };
}
