// Agent workers that time out while inside onnxruntime's native code are terminated only once they leave
// it: terminated mid-call, the binding aborts the whole process (docs/hardening.md#terminating-a-worker-
// that-runs-models). The scenario runs in a child process, so an abort is seen as its exit code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseIncident } from '../contract/parseIncident.js';
import { resolveConfig } from '../config.js';
import { createLogger } from '../logging.js';
import { Orchestrator } from './orchestrator.js';

const FAULTY_WORKER = new URL('./testing/faultyAgentWorker.js', import.meta.url);
const ANALYSES = 4;

/** The child's part: analyses whose F-Agent spends its time in model calls until its timeout. */
async function timeOutInsideModelCalls(): Promise<void> {
  // 1 s: the F-Agent below never ends by itself, but the reading at the head of its task runs first on a
  // fresh worker each time (building its tries), which must not time out on a loaded machine.
  const orchestrator = await Orchestrator.start(resolveConfig({ workers: 1, agentTimeoutMs: 1000 }), { logger: createLogger('silent'), workerUrl: FAULTY_WORKER });
  try {
    const codes: string[] = [];
    for (let i = 0; i < ANALYSES; i++) {
      const result = await orchestrator.analyze(parseIncident({ text: `Chlorine tank leaking NATIVE_field:20000 (${i})`, facts: { release: { substance: 'chlorine', rateKgPerS: 1, heightM: 0 } } }));
      codes.push(result.failures?.find((f) => f.agent === 'field')?.code ?? 'none');
    }
    process.stdout.write(JSON.stringify({ codes, replacedWorkers: orchestrator.queue.replacedWorkers }));
  } finally {
    await orchestrator.close();
  }
}

if (process.env.SAFE_NATIVE_TERMINATION_CHILD) {
  await timeOutInsideModelCalls();
} else {
  test('workers timed out inside model calls are replaced without aborting the process', { timeout: 240_000 }, () => {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], { env: { ...process.env, SAFE_NATIVE_TERMINATION_CHILD: '1' }, encoding: 'utf8', timeout: 200_000 });
    assert.equal(child.signal, null, `the engine process died: ${child.signal} ${child.stderr}`);
    assert.equal(child.status, 0, child.stderr);
    const report = JSON.parse(child.stdout) as { codes: string[]; replacedWorkers: number };
    assert.deepEqual(report.codes, Array(ANALYSES).fill('SAFE_E_AGENT_TIMEOUT'), 'each F-Agent timed out (then its retry)');
    assert.equal(report.replacedWorkers, ANALYSES * 2, 'a worker replaced per attempt');
  });
}
