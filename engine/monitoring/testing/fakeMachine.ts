// A fake machine for fault injection (docs/device-health.md, "Fault injection"): an overlay /proc/stat and
// /proc/meminfo (collectors/sample.ts `overlayRoot`) describing a small machine whose only load, over a fixed
// baseline, is the fault processes it tracks. On a shared machine a real CPU hog cannot be told from the
// other programs' load (the one this was built on was 97 % busy before any fault) and a real memory hog
// would have to fill 24 GB; here the hogs are real processes and their real use is measured:
//   CPU: time each tracked process was running or runnable (/proc/PID/schedstat), so a busy loop counts as
//        a full core even while the real machine makes it wait;
//   memory: each tracked process's resident memory (/proc/PID/status VmRSS).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FakeMachineOptions {
  /** The overlay folder the sampler reads (proc/stat, proc/meminfo are written in it). */
  overlayRoot: string;
  cores?: number;
  /** Busy share of the fake CPU with no fault running. */
  baselineBusyRatio?: number;
  memoryBytes?: number;
  /** Memory used with no fault running. */
  baselineMemoryBytes?: number;
  /** How often the files are rewritten. */
  tickMs?: number;
}

/** USER_HZ: /proc/stat counts jiffies of 10 ms. */
const JIFFIES_PER_S = 100;

/** Nanoseconds the process's main thread ran or waited to run; null once it has exited. */
function demandNs(pid: number): number | null {
  try {
    const [run = 0, wait = 0] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(/\s+/).map(Number);
    return run + wait;
  } catch { return null; }
}

function residentBytes(pid: number): number {
  try { return Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024; } catch { return 0; }
}

export class FakeMachine {
  readonly overlayRoot: string;
  private readonly cores: number;
  private readonly baselineBusy: number;
  private readonly memoryBytes: number;
  private readonly baselineMemory: number;
  private readonly startedMs = Date.now();
  /** Busy nanoseconds of the tracked processes so far (kept after a process exits, as a CPU counter is). */
  private faultBusyNs = 0;
  private readonly lastDemand = new Map<number, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(options: FakeMachineOptions) {
    this.overlayRoot = options.overlayRoot;
    this.cores = options.cores ?? 1;
    this.baselineBusy = options.baselineBusyRatio ?? 0.2;
    this.memoryBytes = options.memoryBytes ?? 512 * 2 ** 20;
    this.baselineMemory = options.baselineMemoryBytes ?? 256 * 2 ** 20;
    mkdirSync(join(this.overlayRoot, 'proc'), { recursive: true });
    this.write();
    this.timer = setInterval(() => this.write(), options.tickMs ?? 200);
    this.timer.unref();
  }

  /** Counts a fault process's CPU and memory from now on. */
  track(pid: number): void { this.lastDemand.set(pid, demandNs(pid) ?? 0); }
  untrack(pid: number): void { this.sampleCpu(); this.lastDemand.delete(pid); }

  private sampleCpu(): void {
    for (const [pid, last] of this.lastDemand) {
      const now = demandNs(pid);
      if (now === null) continue;
      this.faultBusyNs += Math.max(0, now - last);
      this.lastDemand.set(pid, now);
    }
  }

  private write(): void {
    this.sampleCpu();
    const elapsedS = (Date.now() - this.startedMs) / 1000;
    const total = Math.round(elapsedS * JIFFIES_PER_S * this.cores);
    const busy = Math.min(total, Math.round(this.baselineBusy * total + (this.faultBusyNs / 1e9) * JIFFIES_PER_S));
    const cpu = (busyJ: number, idleJ: number) => `${busyJ} 0 0 ${idleJ} 0 0 0 0 0 0`;
    const perCore = Array.from({ length: this.cores }, (_, i) => `cpu${i} ${cpu(Math.round(busy / this.cores), Math.round((total - busy) / this.cores))}`);
    this.writeFile('proc/stat', `cpu  ${cpu(busy, total - busy)}\n${perCore.join('\n')}\n`);
    let used = this.baselineMemory;
    for (const pid of this.lastDemand.keys()) used += residentBytes(pid);
    const kb = (bytes: number) => `${Math.round(bytes / 1024)} kB`;
    const available = Math.max(0, this.memoryBytes - used);
    this.writeFile('proc/meminfo', `MemTotal:       ${kb(this.memoryBytes)}\nMemFree:        ${kb(available)}\nMemAvailable:   ${kb(available)}\nSwapTotal:      0 kB\nSwapFree:       0 kB\n`);
  }

  /** Whole or not at all: the sampler never reads half a file. */
  private writeFile(path: string, text: string): void {
    const file = join(this.overlayRoot, path);
    writeFileSync(`${file}.tmp`, text);
    renameSync(`${file}.tmp`, file);
  }

  close(): void { clearInterval(this.timer); }
}
