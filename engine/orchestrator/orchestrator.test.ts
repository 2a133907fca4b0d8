// The DAG, retries on a fresh worker, partial results, the bounded queue and model refusal at start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIncident } from '../contract/parseIncident.js';
import { analysisResultSchema } from '../contract/result.js';
import { SafeError } from '../contract/errors.js';
import { resolveConfig } from '../config.js';
import { createLogger } from '../logging.js';
import { DEFAULT_MODELS_DIR, readManifest } from '../inference/modelRepository.js';
import { describeInventory } from '../inference/modelInventory.js';
import { modelInfoSchema } from '../contract/api.js';
import { Orchestrator, type ProgressEvent } from './orchestrator.js';

const FAULTY_WORKER = new URL('./testing/faultyAgentWorker.js', import.meta.url);
const quiet = createLogger('silent');
const config = (over: Partial<ReturnType<typeof resolveConfig>> = {}) => resolveConfig({ workers: 2, agentTimeoutMs: 1500, ...over });
const chlorine = (text = '液氯槽罐车泄漏') => parseIncident({
  text, facts: { release: { substance: 'chlorine', rateKgPerS: 1, heightM: 0 }, weather: { windSpeedMps: 3, windFromDeg: 90 } },
});

test('the DAG: the reading once, then S and F, A after S and F, E after all; the result matches the contract', async () => {
  const orchestrator = await Orchestrator.start(config(), { logger: quiet });
  try {
    const events: ProgressEvent[] = [];
    const result = await orchestrator.analyze(chlorine(), { onProgress: (e) => events.push(e) });
    analysisResultSchema.parse(result);
    assert.equal(result.status, 'ok');
    const at = (agent: string, state: string) => events.findIndex((e) => e.agent === agent && e.state === state);
    assert.ok(at('field', 'started') < at('strategist', 'finished'), 'F starts without waiting for S');
    assert.equal(events.filter((e) => e.agent === 'reading' && e.state === 'started').length, 1, 'the reading runs once per analysis');
    assert.ok(at('strategist', 'started') > at('reading', 'finished'), 'S starts on the reading reported from the F task');
    assert.ok(at('awareness', 'started') > at('strategist', 'finished'));
    assert.ok(at('executor', 'started') > Math.max(at('strategist', 'finished'), at('awareness', 'finished'), at('field', 'finished')));
    assert.equal(events.at(-1)?.agent, 'analysis');
    for (const agent of ['reading', 'strategist', 'awareness', 'field', 'executor', 'total']) assert.equal(typeof result.timingsMs[agent], 'number');
    assert.deepEqual(Object.keys(result.models).sort(), ['fire-spread-surrogate', 'flood-depth-surrogate', 'incident-classifier', 'plume-surrogate', 'report-screen', 'sensor-anomaly']);
    assert.equal(result.field?.plume?.bands.method, 'surrogate-ensemble', 'bands from the 256-member surrogate ensemble');
    assert.ok((orchestrator.timings.snapshot().strategist?.count ?? 0) >= 1);
  } finally {
    await orchestrator.close();
  }
});

test('a worker that crashes once is replaced and the agent retried: the analysis is still ok', async () => {
  const orchestrator = await Orchestrator.start(config(), { logger: quiet, workerUrl: FAULTY_WORKER });
  try {
    const marker = join(mkdtempSync(join(tmpdir(), 'safe-fault-')), 'crashed');
    const events: ProgressEvent[] = [];
    const result = await orchestrator.analyze(chlorine(`泄漏 FAILONCE_field:${marker}`), { onProgress: (e) => events.push(e) });
    assert.equal(result.status, 'ok');
    assert.ok(events.some((e) => e.agent === 'field' && e.state === 'retrying' && e.error?.code === 'SAFE_E_AGENT_CRASHED'));
    assert.equal(orchestrator.queue.replacedWorkers, 1);
  } finally {
    await orchestrator.close();
  }
});

test('an agent that crashes twice leaves a partial result saying why', async () => {
  const orchestrator = await Orchestrator.start(config(), { logger: quiet, workerUrl: FAULTY_WORKER });
  try {
    const result = await orchestrator.analyze(chlorine('泄漏 CRASH_field'));
    analysisResultSchema.parse(result);
    assert.equal(result.status, 'partial');
    assert.ok(result.strategist, 'what succeeded is kept');
    assert.equal(result.field, undefined);
    assert.equal(result.awareness, undefined, 'Awareness needs the physics');
    assert.equal(result.executor, undefined);
    const codes = Object.fromEntries((result.failures ?? []).map((f) => [f.agent, f.code]));
    assert.deepEqual(codes, { field: 'SAFE_E_AGENT_CRASHED', awareness: 'SAFE_E_DEPENDENCY_FAILED', executor: 'SAFE_E_DEPENDENCY_FAILED' });
    // The pool recovered: the next analysis on the same engine is complete.
    assert.equal((await orchestrator.analyze(chlorine())).status, 'ok');
  } finally {
    await orchestrator.close();
  }
});

test('a reading that fails skips every agent, each saying why', async () => {
  const orchestrator = await Orchestrator.start(config(), { logger: quiet, workerUrl: FAULTY_WORKER });
  try {
    const result = await orchestrator.analyze(chlorine('泄漏 FAIL_reading'));
    analysisResultSchema.parse(result);
    assert.equal(result.status, 'error');
    const codes = Object.fromEntries((result.failures ?? []).map((f) => [f.agent, f.code]));
    assert.deepEqual(codes, {
      reading: 'SAFE_E_AGENT_FAILED', field: 'SAFE_E_DEPENDENCY_FAILED', strategist: 'SAFE_E_DEPENDENCY_FAILED',
      awareness: 'SAFE_E_DEPENDENCY_FAILED', executor: 'SAFE_E_DEPENDENCY_FAILED',
    });
  } finally {
    await orchestrator.close();
  }
});

test('a hung agent times out, is retried once, then reported; the strategist failing skips A and E', async () => {
  // The strategist hangs for ever, so any timeout ends it; 2 s leaves the other agents room on a loaded
  // machine (at 300 ms the F-Agent itself timed out at a load average of 20).
  const orchestrator = await Orchestrator.start(config({ agentTimeoutMs: 2000 }), { logger: quiet, workerUrl: FAULTY_WORKER });
  try {
    const result = await orchestrator.analyze(chlorine('泄漏 HANG_strategist'));
    assert.equal(result.status, 'partial');
    assert.ok(result.field, 'F does not depend on S');
    const codes = Object.fromEntries((result.failures ?? []).map((f) => [f.agent, f.code]));
    assert.deepEqual(codes, { strategist: 'SAFE_E_AGENT_TIMEOUT', awareness: 'SAFE_E_DEPENDENCY_FAILED', executor: 'SAFE_E_DEPENDENCY_FAILED' });
    assert.equal(orchestrator.queue.replacedWorkers, 2, 'both attempts cost a worker');
  } finally {
    await orchestrator.close();
  }
});

test('a full queue answers SAFE_E_BUSY instead of growing', async () => {
  const orchestrator = await Orchestrator.start(config({ maxConcurrentAnalyses: 1, maxQueuedInteractive: 2, maxQueuedBatch: 0 }), { logger: quiet });
  try {
    const accepted = [orchestrator.analyze(chlorine()), orchestrator.analyze(chlorine()), orchestrator.analyze(chlorine())];
    await assert.rejects(orchestrator.analyze(chlorine()), (err: unknown) => err instanceof SafeError && err.code === 'SAFE_E_BUSY');
    await assert.rejects(orchestrator.analyze(chlorine(), { priority: 'batch' }), (err: unknown) => err instanceof SafeError && err.code === 'SAFE_E_BUSY');
    const results = await Promise.all(accepted);
    assert.ok(results.every((r) => r.status === 'ok'));
  } finally {
    await orchestrator.close();
  }
});

test('interactive analyses overtake queued batch work', async () => {
  const orchestrator = await Orchestrator.start(config({ maxConcurrentAnalyses: 1 }), { logger: quiet });
  try {
    const order: string[] = [];
    const track = (name: string, p: Promise<unknown>) => p.then(() => order.push(name));
    await Promise.all([
      track('batch-1', orchestrator.analyze(chlorine(), { priority: 'batch' })),
      track('batch-2', orchestrator.analyze(chlorine(), { priority: 'batch' })),
      track('interactive', orchestrator.analyze(chlorine(), { priority: 'interactive' })),
    ]);
    assert.deepEqual(order, ['batch-1', 'interactive', 'batch-2']);
  } finally {
    await orchestrator.close();
  }
});

test('a slow analysis is logged with its id', async () => {
  const lines: string[] = [];
  const orchestrator = await Orchestrator.start(config({ slowAnalysisMs: 1 }), { logger: createLogger('warn', (l) => lines.push(l)) });
  try {
    await orchestrator.analyze(parseIncident({ id: 'slow-one', text: 'flood' }));
    assert.ok(lines.some((l) => l.includes('slow analysis') && l.includes('"analysisId":"slow-one"')));
  } finally {
    await orchestrator.close();
  }
});

test('the engine refuses to start with a tampered model', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-models-'));
  cpSync(DEFAULT_MODELS_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'incident-classifier', '3', 'model.onnx'), 'not a model');
  await assert.rejects(Orchestrator.start(config({ modelsDir: dir }), { logger: quiet }),
    (err: unknown) => err instanceof SafeError && err.code === 'SAFE_E_MODEL_HASH_MISMATCH');
});

test('/v1/models answers from what the workers verified at load: a refused optional model with its error; files changed later are not read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-models-'));
  cpSync(DEFAULT_MODELS_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'sensor-anomaly', '1', 'model.onnx'), 'damaged');
  const orchestrator = await Orchestrator.start(config({ modelsDir: dir, workers: 1 }), { logger: quiet });
  try {
    const before = describeInventory(orchestrator.modelInventory);
    for (const m of before) modelInfoSchema.parse(m);
    assert.deepEqual(before.map((m) => [m.name, m.loaded, m.verified, m.variant]), [
      ['fire-spread-surrogate', true, true, 'fp32'], ['flood-depth-surrogate', true, true, 'fp32'], ['incident-classifier', true, true, 'fp32'],
      ['plume-surrogate', true, true, 'fp32'], ['report-screen', true, true, 'fp32'], ['sensor-anomaly', false, false, 'fp32'],
    ]);
    const anomaly = before.find((m) => m.name === 'sensor-anomaly');
    assert.equal(anomaly?.error?.code, 'SAFE_E_MODEL_HASH_MISMATCH');
    assert.equal(anomaly?.required, false);
    assert.equal(anomaly?.sha256, readManifest(dir, 'sensor-anomaly', 1).sha256, 'the hash it was expected to have');
    const classifier = readManifest(dir, 'incident-classifier', 3);
    assert.equal(orchestrator.modelHashes['incident-classifier'], classifier.sha256);
    assert.equal(orchestrator.modelHashes['sensor-anomaly'], undefined);
    assert.equal(before.find((m) => m.name === 'incident-classifier')?.heldOutAccuracy, classifier.metrics.heldOutAccuracy);
    // The files change under the running engine: the answer is still what was verified at load (a view
    // that hashed the files on each call would now say the classifier is refused and the plume model gone).
    writeFileSync(join(dir, 'incident-classifier', '3', 'model.onnx'), 'tampered after start');
    rmSync(join(dir, 'plume-surrogate'), { recursive: true });
    assert.deepEqual(describeInventory(orchestrator.modelInventory), before);
  } finally {
    await orchestrator.close();
  }
});

test('workers load a newly installed model version while analyses continue; a bad one is refused and the old kept', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-models-'));
  cpSync(DEFAULT_MODELS_DIR, dir, { recursive: true });
  const orchestrator = await Orchestrator.start(config({ modelsDir: dir }), { logger: quiet });
  try {
    assert.equal(orchestrator.models['plume-surrogate'], '1');
    // Version 2 of the surrogate arrives (the same network, re-labelled), as an update would install it.
    cpSync(join(dir, 'plume-surrogate', '1'), join(dir, 'plume-surrogate', '2'), { recursive: true });
    const manifestPath = join(dir, 'plume-surrogate', '2', 'manifest.json');
    writeFileSync(manifestPath, JSON.stringify({ ...JSON.parse(readFileSync(manifestPath, 'utf8')), version: 2 }));
    const during = Array.from({ length: 6 }, () => orchestrator.analyze(chlorine()));
    // Two updates requested at once run one after the other; both answer.
    const [{ models }, again] = await Promise.all([orchestrator.reloadModels(), orchestrator.reloadModels()]);
    assert.equal(models['plume-surrogate'], '2');
    assert.deepEqual(again.models, models);
    for (const result of await Promise.all(during)) assert.equal(result.status, 'ok', 'analyses during the reload are answered');
    const after = await orchestrator.analyze(chlorine());
    assert.equal(after.models['plume-surrogate'], '2');
    assert.equal(after.field?.plume?.bands.model, 'plume-surrogate@2', 'the F-Agent runs the new version');
    assert.equal(orchestrator.modelInventory.loaded['plume-surrogate']?.version, 2, 'the inventory is the committed reload\'s');

    // A damaged version 3 of an optional model: the update goes through without it, says why, and the
    // results (and so the analysis cache key) stop naming it.
    cpSync(join(dir, 'plume-surrogate', '2'), join(dir, 'plume-surrogate', '3'), { recursive: true });
    writeFileSync(join(dir, 'plume-surrogate', '3', 'manifest.json'), JSON.stringify({ ...JSON.parse(readFileSync(manifestPath, 'utf8')), version: 3 }));
    writeFileSync(join(dir, 'plume-surrogate', '3', 'model.onnx'), 'damaged');
    const partial = await orchestrator.reloadModels();
    assert.equal(partial.models['plume-surrogate'], undefined);
    assert.ok(partial.warnings.some((w) => w.includes('plume-surrogate')), partial.warnings.join('; '));
    const withoutSurrogate = await orchestrator.analyze(chlorine());
    assert.equal(withoutSurrogate.models['plume-surrogate'], undefined);
    assert.equal(withoutSurrogate.field?.plume?.bands.method, 'physics-monte-carlo');
    const plume = describeInventory(orchestrator.modelInventory).find((m) => m.name === 'plume-surrogate');
    assert.deepEqual([plume?.version, plume?.loaded, plume?.error?.code], [3, false, 'SAFE_E_MODEL_HASH_MISMATCH'], 'the refused version is listed with why');

    // A damaged classifier file: the reload is refused with the reason, and the workers keep serving.
    writeFileSync(join(dir, 'incident-classifier', '3', 'model.onnx'), 'not a model');
    await assert.rejects(orchestrator.reloadModels(), (err: unknown) => err instanceof SafeError && err.code === 'SAFE_E_MODEL_HASH_MISMATCH');
    const still = await orchestrator.analyze(chlorine());
    assert.equal(still.status, 'ok');
    assert.equal(still.strategist?.type, 'hazmat_release');
  } finally {
    await orchestrator.close();
  }
});

test('an agent whose result breaks the contract (an overflow to NaN) fails alone, with SAFE_E_AGENT_FAILED', async () => {
  const orchestrator = await Orchestrator.start(config(), { logger: quiet });
  try {
    const at = (i: number) => new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString();
    // The schema now refuses such readings (SENSOR_VALUE_LIMIT); set past it, they stand for any agent
    // arithmetic that overflows, which the result contract must still catch.
    const incident = parseIncident({ text: 'gas leak', sensors: [{ id: 'S', kind: 'gas_ppm', readings: [{ at: at(0), value: 0 }, { at: at(1), value: 0 }] }] });
    const [first, second] = incident.sensors?.[0]?.readings ?? [];
    Object.assign(first ?? {}, { value: -1.7e308 });
    Object.assign(second ?? {}, { value: 1.7e308 });
    const result = await orchestrator.analyze(incident);
    analysisResultSchema.parse(result);
    assert.equal(result.status, 'partial');
    assert.equal(result.failures?.find((f) => f.agent === 'awareness')?.code, 'SAFE_E_AGENT_FAILED');
  } finally {
    await orchestrator.close();
  }
});

test('the pipeline declaration is a DAG in a valid order: every stage after the stages it needs', async () => {
  const { STAGE_NEEDS, STAGE_ORDER } = await import('./pipeline.js');
  const { PIPELINE_STAGES } = await import('../contract/taxonomy.js');
  assert.deepEqual([...STAGE_ORDER].sort(), [...PIPELINE_STAGES].sort());
  for (const [i, stage] of STAGE_ORDER.entries()) {
    for (const need of STAGE_NEEDS[stage]) assert.ok(STAGE_ORDER.indexOf(need) < i, `${stage} comes after ${need}`);
  }
  assert.deepEqual(STAGE_NEEDS.strategist, ['reading']);
  assert.deepEqual(STAGE_NEEDS.field, ['reading'], 'F runs beside S, on the reading');
  assert.deepEqual([...STAGE_NEEDS.awareness].sort(), ['field', 'strategist']);
  // A chained stage may only need what its head had, plus the head itself.
  const { CHAINS } = await import('./pipeline.js');
  for (const [head, chained] of Object.entries(CHAINS) as Array<[keyof typeof STAGE_NEEDS, readonly (keyof typeof STAGE_NEEDS)[]]>) {
    const available = new Set<string>([...STAGE_NEEDS[head], head]);
    for (const stage of chained) {
      for (const need of STAGE_NEEDS[stage]) assert.ok(available.has(need), `${stage} chained after ${head} needs ${need}`);
      available.add(stage);
    }
  }
});
