// Admission by bytes on the doors besides HTTP (docs/hardening.md#load): the utility process (the desktop
// app's door; its IPC goes through it) is refused with SAFE_E_BUSY beyond the engine's one body budget,
// as HTTP is, and gives the bytes back whatever the answer; the CLI's batch waits for room instead, and
// never holds more than the budget. engine/server/load.test.ts covers HTTP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from './config.js';
import { Engine } from './engine.js';
import { createLogger } from './logging.js';
import type { AnalysisResult } from './contract/result.js';
import { callOverPort } from './host/testing/callOverPort.js';
import { analyzeBatch } from './cli/analyzeBatch.js';
import { splitInputText } from './cli/readIncidents.js';

const BUDGET_BYTES = 1024 * 1024;
let engine: Engine;

before(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-admission-'));
  engine = await Engine.start(resolveConfig({ dataDir, workers: 1, maxIncidentBytesInFlight: BUDGET_BYTES }), { logger: createLogger('silent') });
});
after(async () => { await engine.close(); });

/** A valid incident of about `bytes` bytes as JSON: a gas sensor with one reading a minute. */
function largeIncident(id: string, bytes: number): Record<string, unknown> {
  const readings = Array.from({ length: Math.ceil(bytes / 50) }, (_, i) => ({ at: new Date(Date.UTC(2026, 10, 30) + i * 60_000).toISOString(), value: 10 + (i % 7) }));
  return { id, text: 'Ammonia leak at the cold store, sensors along the fence', sensors: [{ id: 'fence', kind: 'gas_ppm', readings }] };
}

test('the utility process: beyond the body budget an analysis or a job is refused with SAFE_E_BUSY; every answer gives its bytes back', async () => {
  const incident = { id: 'port-busy', text: 'Chlorine leaking from a tank car at the rail yard, 3 injured' };
  const other = engine.bodyBudget.reserve(BUDGET_BYTES - 10); // another door's body, being analysed
  for (const op of ['analyze', 'submitAnalysis']) {
    const refused = await callOverPort(engine, op, { incident });
    assert.ok(!refused.ok, `${op} refused`);
    assert.equal(refused.error.code, 'SAFE_E_BUSY', refused.error.message);
    assert.match(refused.error.message, /retry shortly/);
  }
  assert.equal(engine.bodyBudget.heldBytes, BUDGET_BYTES - 10, 'the refusals hold nothing');
  other.release();

  const answered = await callOverPort(engine, 'analyze', { incident });
  assert.ok(answered.ok, 'with room, the same call is answered');
  const invalid = await callOverPort(engine, 'analyze', { incident: { text: '' } });
  assert.ok(!invalid.ok);
  assert.notEqual(invalid.error.code, 'SAFE_E_BUSY');
  const job = await callOverPort(engine, 'submitAnalysis', { incident: { ...incident, id: 'port-job' } });
  assert.ok(job.ok);
  // The job holds its bytes until its analysis ends; then everything is back.
  while (engine.bodyBudget.heldBytes > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(engine.bodyBudget.heldBytes, 0);
});

test('the CLI batch holds each line against the budget before parsing it: waits for room, never refused, in input order', async () => {
  // Six incidents of ~300 KB: 1.8 MB in all, past the 1 MiB budget, while the count limit (4) would take them four at once.
  const ids = Array.from({ length: 6 }, (_, i) => `batch-${i}`);
  const text = ids.map((id) => JSON.stringify(largeIncident(id, 300 * 1024))).join('\n');
  const budget = engine.bodyBudget;
  let peakBytes = 0;
  const take = budget.take.bind(budget);
  const free = budget.free.bind(budget);
  budget.take = (bytes, own) => { take(bytes, own); peakBytes = Math.max(peakBytes, budget.heldBytes); };
  budget.free = (bytes) => { free(bytes); peakBytes = Math.max(peakBytes, budget.heldBytes); };
  const results: AnalysisResult[] = [];
  try {
    await analyzeBatch(engine, splitInputText(text), { save: false, keyOf: () => undefined }, (result) => results.push(result));
  } finally {
    budget.take = take;
    budget.free = free;
  }
  assert.deepEqual(results.map((r) => r.id), ids, 'every line answered, in input order');
  assert.deepEqual(results.map((r) => r.error?.code ?? r.status), ids.map(() => 'ok'), 'none refused as busy');
  assert.ok(peakBytes > 2 * 300 * 1024, `several lines were held at once (${peakBytes} bytes)`);
  assert.ok(peakBytes <= BUDGET_BYTES, `never more than the budget held (${peakBytes} bytes)`);
  assert.equal(budget.heldBytes, 0);
});
