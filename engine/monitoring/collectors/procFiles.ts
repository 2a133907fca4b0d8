// Parsers for the Linux files the device-health collector reads (docs/device-health.md): pure functions
// of the files' text, so they are tested on fixed samples and never touch the event loop.

export interface CpuTimes { busy: number; total: number }

/** /proc/stat: the aggregate "cpu" line and one per core, as busy and total jiffies (idle + iowait are not busy). */
export function parseProcStat(text: string): { total: CpuTimes; cores: CpuTimes[] } {
  let total: CpuTimes = { busy: 0, total: 0 };
  const cores: CpuTimes[] = [];
  for (const line of text.split('\n')) {
    const m = /^cpu(\d*)\s+(.*)$/.exec(line);
    if (!m) continue;
    const fields = (m[2] as string).trim().split(/\s+/).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
    const times = { busy: user + nice + system + irq + softirq + steal, total: user + nice + system + idle + iowait + irq + softirq + steal };
    if (m[1] === '') total = times; else cores.push(times);
  }
  return { total, cores };
}

/** Busy share between two samples (0–1); null when no time passed. */
export function busyRatio(before: CpuTimes, after: CpuTimes): number | null {
  const dt = after.total - before.total;
  return dt > 0 ? Math.min(1, Math.max(0, (after.busy - before.busy) / dt)) : null;
}

/** /proc/meminfo in bytes: memory used (total − available) and swap used, as ratios and totals. */
export function parseMeminfo(text: string): { memTotalBytes: number; memUsedRatio: number; swapTotalBytes: number; swapUsedRatio: number | null } {
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? NaN) * 1024;
  const total = kb('MemTotal'), available = kb('MemAvailable'), swapTotal = kb('SwapTotal'), swapFree = kb('SwapFree');
  return {
    memTotalBytes: total, memUsedRatio: (total - available) / total,
    swapTotalBytes: swapTotal, swapUsedRatio: swapTotal > 0 ? (swapTotal - swapFree) / swapTotal : null,
  };
}

/** /proc/loadavg: the 1-, 5- and 15-minute load averages. */
export function parseLoadavg(text: string): [number, number, number] {
  const [a = NaN, b = NaN, c = NaN] = text.trim().split(/\s+/).map(Number);
  return [a, b, c];
}

/** /proc/net/dev: bytes received and sent over every interface but loopback. */
export function parseNetDev(text: string): { receiveBytes: number; transmitBytes: number } {
  let receiveBytes = 0, transmitBytes = 0;
  for (const line of text.split('\n').slice(2)) {
    const m = /^\s*([^:]+):\s*(.*)$/.exec(line);
    if (!m || (m[1] as string).trim() === 'lo') continue;
    const f = (m[2] as string).trim().split(/\s+/).map(Number);
    receiveBytes += f[0] ?? 0;
    transmitBytes += f[8] ?? 0;
  }
  return { receiveBytes, transmitBytes };
}
