// A live engine set up for fault injection (docs/device-health.md, "Fault injection"), shared by the test
// (rules with time compressed) and bench:monitor (the default rules as they are): its real sampler thread
// reads the fake machine's /proc/stat and /proc/meminfo and measures the data directory as a 64 MiB disk;
// its agent worker is the one that can be told to crash (orchestrator/testing/faultyAgentWorker.ts).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseIncident } from '../../contract/parseIncident.js';
import { resolveConfig } from '../../config.js';
import { Engine } from '../../engine.js';
import { createLogger } from '../../logging.js';
import type { AlertRules } from '../alerts/rules.js';
import { FakeMachine } from './fakeMachine.js';
import { cpuHog, diskFill, loopStall, memoryHog, workerCrash, type Fault } from './faults.js';

const MIB = 2 ** 20;
const FAULTY_WORKER = new URL('../../orchestrator/testing/faultyAgentWorker.js', import.meta.url);
const EXAMPLE = fileURLToPath(new URL('../../../../examples/chlorine-tank-car-zh.json', import.meta.url));
export const DISK_CAPACITY_BYTES = 64 * MIB;

export interface FaultEngine {
  engine: Engine; machine: FakeMachine; dataDir: string;
  /** Every fault, new each call: CPU hog, memory hog, event-loop stall, worker crash, disk filling. */
  faults(options?: { cpu?: boolean }): Fault[];
  /** Waits until no alert is pending or firing (the engine's start is behind it); the rules still active then. */
  quiet(timeoutMs: number): Promise<string[]>;
  close(): Promise<void>;
}

export async function startFaultEngine(rules: AlertRules): Promise<FaultEngine> {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-faults-'));
  const overlayRoot = mkdtempSync(join(tmpdir(), 'safe-fake-machine-'));
  const machine = new FakeMachine({ overlayRoot, cores: 1, baselineBusyRatio: 0.2, memoryBytes: 512 * MIB, baselineMemoryBytes: 256 * MIB });
  const engine = await Engine.start(resolveConfig({ dataDir, workers: 1 }), {
    logger: createLogger('silent'), workerUrl: FAULTY_WORKER,
    deviceMonitor: { sources: { overlayRoot, diskCapacityBytes: DISK_CAPACITY_BYTES }, alertRules: rules },
  });
  const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
  let crashes = 0;
  const crash = () => engine.analyze(parseIncident({ ...example, id: `fault-crash-${++crashes}`, text: `${example.text as string} FAILONCE_field:${join(overlayRoot, `crashed-${crashes}`)}` }));
  return {
    engine, machine, dataDir,
    faults: ({ cpu = true } = {}) => [
      ...(cpu ? [cpuHog(machine)] : []), memoryHog(machine, 256 * MIB), loopStall(), workerCrash(crash), diskFill(dataDir, DISK_CAPACITY_BYTES),
    ],
    async quiet(timeoutMs) {
      const active = () => engine.alerts().alerts.filter((a) => a.state === 'pending' || a.state === 'firing').map((a) => a.rule);
      for (const deadline = Date.now() + timeoutMs; Date.now() < deadline && (engine.deviceHealth().latest === null || active().length > 0);) await new Promise((r) => setTimeout(r, 250));
      return active();
    },
    async close() { await engine.close(); machine.close(); },
  };
}
