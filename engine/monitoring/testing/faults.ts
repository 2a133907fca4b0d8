// Faults injected into a running engine (docs/device-health.md, "Fault injection"), each with the default
// rules it must raise. The hogs are real child processes counted by the fake machine (fakeMachine.ts); the
// stall blocks the engine's own thread; the crash kills a real agent worker; the disk fill writes a real
// file into the data directory, measured against a small capacity (collectors/sample.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeMachine } from './fakeMachine.js';

export interface Fault {
  name: string;
  /** The default rules this fault must raise (and that must clear after it ends). */
  rules: string[];
  /** Resolves once the fault is in effect (the hog holds its memory, the file is written), with that time;
   *  an instant fault (the crash) gives the time it was set off. */
  start(): Promise<number>;
  stop(): Promise<void>;
}

/** A Node child running `script`; resolves once it prints "ready". */
function child(script: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    proc.stdout?.once('data', () => resolve(proc));
    proc.once('error', reject);
    proc.once('exit', (code) => reject(new Error(`fault process exited with ${String(code)} before it was ready`)));
  });
}

function kill(proc: ChildProcess | null): Promise<void> {
  if (!proc || proc.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => { proc.once('exit', () => resolve()); proc.kill('SIGKILL'); });
}

/** A busy loop in a child process: the fake machine's CPU goes to 100 %. */
export function cpuHog(machine: FakeMachine): Fault {
  let proc: ChildProcess | null = null;
  return {
    name: 'CPU hog', rules: ['CpuBusy', 'CpuBusyCritical'],
    async start() { proc = await child('console.log("ready"); for (;;) {}'); machine.track(proc.pid as number); return Date.now(); },
    async stop() { if (proc) machine.untrack(proc.pid as number); await kill(proc); },
  };
}

/** A child process holding `bytes` of touched memory. */
export function memoryHog(machine: FakeMachine, bytes: number): Fault {
  let proc: ChildProcess | null = null;
  return {
    name: 'memory hog', rules: ['MemoryHigh', 'MemoryCritical'],
    async start() {
      proc = await child(`globalThis.held = Buffer.alloc(${bytes}, 1); console.log("ready"); setInterval(() => {}, 1 << 30);`);
      machine.track(proc.pid as number);
      return Date.now();
    },
    async stop() { if (proc) machine.untrack(proc.pid as number); await kill(proc); },
  };
}

/** The engine's thread blocked `stallMs` out of every `everyMs`: what a synchronous parse of a huge input does. */
export function loopStall(stallMs = 300, everyMs = 600): Fault {
  let timer: NodeJS.Timeout | undefined;
  return {
    name: 'event-loop stall', rules: ['EventLoopLag'],
    async start() {
      timer = setInterval(() => { const until = Date.now() + stallMs; while (Date.now() < until) { /* blocking on purpose */ } }, everyMs);
      return Date.now();
    },
    async stop() { clearInterval(timer); },
  };
}

/** An analysis whose field stage kills its worker once (orchestrator/testing/faultyAgentWorker.ts). */
export function workerCrash(submit: () => Promise<unknown>): Fault {
  return { name: 'worker crash', rules: ['WorkerRestarts'], async start() { const at = Date.now(); await submit(); return at; }, async stop() {} };
}

/** A file of `bytes` written into the data directory (a runaway export, a log). */
export function diskFill(dataDir: string, bytes: number): Fault {
  const file = join(dataDir, 'fault-disk-fill.bin');
  return {
    name: 'disk filling', rules: ['DiskSpaceLow', 'DiskSpaceCritical'],
    async start() { writeFileSync(file, Buffer.alloc(bytes, 7)); return Date.now(); },
    async stop() { rmSync(file, { force: true }); },
  };
}
