// Replays a trace of a laptop through the real Linux collector and alert runner with a simulated clock
// (docs/device-health.md, "Replayed traces"): each step writes a fake /proc and /sys (CPU counters, memory,
// a battery, a thermal zone, the throttle counter) and sizes a sparse file in a data directory measured as a
// small disk, then samples, ingests and evaluates as the engine does each second. Long windows (the
// 10-minute CPU average, the disk's fill rate over an hour), battery and heat are checked this way.
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, ftruncateSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createLinuxCollector } from '../collectors/linuxCollector.js';
import { AlertRunner } from '../alerts/alertRunner.js';
import type { Notification } from '../alerts/manager.js';
import type { AlertRules } from '../alerts/rules.js';

/** One step of a laptop's life; an absent battery or temperature is a machine without one. */
export interface TracePoint {
  cpuBusyRatio: number; memoryUsedRatio: number; diskUsedRatio: number;
  batteryChargeRatio?: number; charging?: boolean; temperatureC?: number; throttled?: boolean;
  eventLoopDelayP99S: number; workerRestartsTotal: number;
}
export interface Trace { stepMs: number; startMs: number; points: TracePoint[] }

/** From firing to resolved (or the trace's end). */
export interface AlertEpisode { rule: string; component: string; severity: string; firingMs: number; resolvedMs: number | null }
export interface ReplayResult { episodes: AlertEpisode[]; notifications: Notification[] }

const CAPACITY_BYTES = 2 ** 30;
const JIFFIES_PER_S = 100;
const CORES = 2;

/** In memory where Linux offers it: a day is 8 640 steps of a dozen small files. */
const scratch = () => (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());

export async function replayTrace(trace: Trace, rules: AlertRules): Promise<ReplayResult> {
  const root = mkdtempSync(join(scratch(), 'safe-replay-root-'));
  const dataDir = mkdtempSync(join(scratch(), 'safe-replay-data-'));
  const written = new Map<string, string>();
  /** Only what changed is written. */
  const write = (path: string, text: string) => {
    if (written.get(path) === text) return;
    if (!written.has(path)) mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    written.set(path, text);
  };
  const fill = openSync(join(dataDir, 'used.bin'), 'w');
  write('proc/loadavg', '0.5 0.5 0.5 1/100 1\n');
  write('proc/net/dev', 'Inter-|\n face |\n  eth0: 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n');
  let clock = trace.startMs;
  let point = trace.points[0] as TracePoint;
  const notifications: Notification[] = [];
  const runner = new AlertRunner({
    rules, stateFile: join(dataDir, 'alerts-state.json'), nowMs: () => clock, timer: false, diskMount: '/data',
    engineReadings: () => ({ eventLoopDelayP99Seconds: point.eventLoopDelayP99S, workerRestartsTotal: point.workerRestartsTotal }),
    onNotify: (n) => notifications.push(...n),
  });
  const collector = createLinuxCollector({ root, dataDir, sources: { diskCapacityBytes: CAPACITY_BYTES } });
  const open = new Map<string, AlertEpisode>();
  const episodes: AlertEpisode[] = [];
  let busyJ = 0, totalJ = 0, throttleCount = 0;
  for (const p of trace.points) {
    point = p;
    clock += trace.stepMs;
    const stepJ = (trace.stepMs / 1000) * JIFFIES_PER_S * CORES;
    totalJ += stepJ; busyJ += Math.round(stepJ * Math.min(1, Math.max(0, p.cpuBusyRatio)));
    write('proc/stat', `cpu  ${busyJ} 0 0 ${totalJ - busyJ} 0 0 0 0 0 0\n`);
    const totalKb = 16 * 2 ** 20, availableKb = Math.round(totalKb * (1 - p.memoryUsedRatio));
    write('proc/meminfo', `MemTotal: ${totalKb} kB\nMemFree: ${availableKb} kB\nMemAvailable: ${availableKb} kB\nSwapTotal: 0 kB\nSwapFree: 0 kB\n`);
    ftruncateSync(fill, Math.round(CAPACITY_BYTES * p.diskUsedRatio));
    if (p.batteryChargeRatio !== undefined) {
      write('sys/class/power_supply/BAT0/type', 'Battery\n');
      write('sys/class/power_supply/BAT0/capacity', `${Math.round(p.batteryChargeRatio * 1000) / 10}\n`);
      write('sys/class/power_supply/BAT0/status', p.charging ? (p.batteryChargeRatio >= 1 ? 'Full\n' : 'Charging\n') : 'Discharging\n');
    }
    if (p.temperatureC !== undefined) write('sys/class/thermal/thermal_zone0/temp', `${Math.round(p.temperatureC * 1000)}\n`);
    if (p.throttled !== undefined) {
      if (p.throttled) throttleCount++;
      write('sys/devices/system/cpu/cpu0/thermal_throttle/core_throttle_count', `${throttleCount}\n`);
    }
    runner.ingestDeviceSample(await collector.sample(clock));
    runner.evaluate();
    const now = runner.manager.alerts(clock);
    for (const a of now) {
      if (a.state === 'firing' && !open.has(a.key)) {
        const episode = { rule: a.rule, component: a.labels.component ?? '', severity: a.severity, firingMs: a.firingSinceMs ?? clock, resolvedMs: null };
        open.set(a.key, episode); episodes.push(episode);
      }
    }
    for (const [key, episode] of open) {
      const a = now.find((x) => x.key === key);
      if (!a || a.state !== 'firing') { episode.resolvedMs = a?.resolvedAtMs ?? clock; open.delete(key); }
    }
  }
  closeSync(fill);
  runner.close();
  for (const dir of [root, dataDir]) rmSync(dir, { recursive: true, force: true });
  return { episodes, notifications };
}
