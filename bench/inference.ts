// `npm run bench:inference`: per model, raw onnxruntime-node run() at batch 1 and 32 as the reference,
// the inference core under many concurrent single requests, and the event-loop stall while a model loads.
// Every shipped model, and each one's int8 variant against its fp32 file (speed, and the accuracy drop or
// error against the physics its build gate measured).
import { performance } from 'node:perf_hooks';
import * as ort from 'onnxruntime-node';
import { DEFAULT_MODELS_DIR, loadVerifiedModelAsync, readManifest, type Precision } from '../engine/inference/modelRepository.js';
import { InferenceCore, SESSION_OPTIONS, type FeedTensor, type ModelAdapter } from '../engine/inference/inferenceCore.js';
import { classifierAdapter } from '../engine/agents/strategist/classifier/incidentClassifier.js';
import { surrogateAdapter } from '../engine/agents/field/surrogate/surrogateModel.js';
import { PLUME_SURROGATE } from '../engine/agents/field/plume/surrogateFeatures.js';
import { FIRE_SURROGATE } from '../engine/agents/field/fire/surrogateFeatures.js';
import { FLOOD_SURROGATE } from '../engine/agents/field/flood/surrogateFeatures.js';
import { sensorAnomalyAdapter } from '../engine/agents/awareness/anomalyModel.js';
import { ANOMALY_FEATURES, ANOMALY_WINDOW, writeAnomalyFeatures } from '../engine/agents/awareness/anomalyFeatures.js';
import { samplePlumeCases } from '../training/plumeSurrogate.js';
import { sampleFireCases } from '../training/fireSurrogate.js';
import { sampleFloodCases } from '../training/floodSurrogate.js';
import { generateLabelledSeries } from '../training/sensorFaults.js';
import { WorkerPool } from '../engine/orchestrator/workerPool.js';
import { generateCorpus, DEFAULT_CORPUS } from '../training/corpus/generateCorpus.js';

const ROUNDS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] as number;
const TARGETS = { ratioToRawBatched: 0.8, speedupVsUnbatched: 4, loadStallMs: 5 };
const toTensors = (feeds: Record<string, FeedTensor>) => Object.fromEntries(Object.entries(feeds).map(([n, f]) => [n, new ort.Tensor(f.type, f.data, f.dims)]));

/** The reference: the same feature building and decoding as the core, straight into session.run(). */
async function rawRowsPerS<I>(session: ort.InferenceSession, adapter: ModelAdapter<I, unknown>, rows: I[], batch: number): Promise<number> {
  const total = Math.floor(rows.length / batch) * batch;
  const t0 = performance.now();
  for (let b = 0; b < total / batch; b++) {
    const out = await session.run(toTensors(adapter.toFeeds(rows.slice(b * batch, (b + 1) * batch))));
    adapter.fromOutputs(Object.fromEntries(Object.entries(out).map(([n, t]) => [n, t.data as Float32Array])), batch);
  }
  return total / ((performance.now() - t0) / 1000);
}

async function coreRowsPerS<I>(adapter: ModelAdapter<I, unknown>, rows: I[]): Promise<number> {
  const core = new InferenceCore({ modelsDir: DEFAULT_MODELS_DIR, sessionBudgetBytes: 64 << 20, executionProvider: 'cpu', batcher: { maxBatch: 32, maxDelayMs: 1, maxQueue: 100_000 } });
  await core.preload(adapter);
  const t0 = performance.now();
  await Promise.all(rows.map((r) => core.run(adapter, r)));
  const perS = rows.length / ((performance.now() - t0) / 1000);
  await core.release();
  return perS;
}

/** The longest gap in a 1 ms heartbeat on this thread while `work` runs. */
async function stallMs(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let worst = 0;
  const beat = setInterval(() => { const now = performance.now(); worst = Math.max(worst, now - last - 1); last = now; }, 1);
  await new Promise((r) => setTimeout(r, 20));
  worst = 0;
  last = performance.now();
  await work();
  await new Promise((r) => setTimeout(r, 5));
  clearInterval(beat);
  return worst;
}

/** onnxruntime-node parses a model on the calling thread: loading in-thread stalls that thread. */
async function inThreadLoadStallMs<I>(adapter: ModelAdapter<I, unknown>): Promise<number> {
  const core = new InferenceCore({ modelsDir: DEFAULT_MODELS_DIR, sessionBudgetBytes: 64 << 20, executionProvider: 'cpu', batcher: { maxBatch: 32, maxDelayMs: 1, maxQueue: 10 } });
  const stall = await stallMs(() => core.preload(adapter));
  await core.release();
  return stall;
}

/** The engine loads models in its agent workers. Two stalls of the request-serving thread: while a new
 *  worker thread starts (thread creation, at engine start or after a crash), and while running workers
 *  load every model again (what installing a new model version does). */
async function servingThreadStallsMs(): Promise<{ workerStartMs: number; modelReloadMs: number; modelReloadMedianMs: number }> {
  let pool: WorkerPool | undefined;
  const workerStartMs = await stallMs(async () => { pool = await WorkerPool.start({ size: 2, modelsDir: DEFAULT_MODELS_DIR, agentTimeoutMs: 5000 }); });
  // Median and worst of several reloads: the serving thread shares 2 cores with the loading worker.
  const reloads: number[] = [];
  for (let i = 0; i < ROUNDS; i++) reloads.push(await stallMs(() => pool!.reloadModels()));
  const modelReloadMs = Math.max(...reloads);
  const modelReloadMedianMs = median(reloads);
  await pool?.close();
  return { workerStartMs, modelReloadMs, modelReloadMedianMs };
}

/** Session options against the ones the core uses: raw throughput at batch 1 and 32, and the time to create. */
async function sessionOptionSweep(m: { name: string; adapter: (p: Precision) => ModelAdapter<never, unknown>; rows: unknown[] }): Promise<Array<Record<string, number | string>>> {
  const variants: Array<[string, ort.InferenceSession.SessionOptions]> = [
    ['core (all, 1 thread, arena, mem pattern)', SESSION_OPTIONS],
    ['optimisation disabled', { ...SESSION_OPTIONS, graphOptimizationLevel: 'disabled' }],
    ['optimisation basic', { ...SESSION_OPTIONS, graphOptimizationLevel: 'basic' }],
    ['2 intra-op threads', { ...SESSION_OPTIONS, intraOpNumThreads: 2 }],
    ['no CPU memory arena', { ...SESSION_OPTIONS, enableCpuMemArena: false }],
    ['no memory pattern', { ...SESSION_OPTIONS, enableMemPattern: false }],
  ];
  const adapter = m.adapter('fp32');
  const { bytes } = await loadVerifiedModelAsync(DEFAULT_MODELS_DIR, m.name);
  const rows: Array<Record<string, number | string>> = [];
  for (const [label, options] of variants) {
    const t0 = performance.now();
    const session = await ort.InferenceSession.create(bytes, options);
    const createMs = performance.now() - t0;
    await session.run(toTensors(adapter.toFeeds(m.rows.slice(0, 32) as never[])));
    const raw1s: number[] = [], raw32s: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      raw1s.push(await rawRowsPerS(session, adapter, m.rows.slice(0, 1024) as never[], 1));
      raw32s.push(await rawRowsPerS(session, adapter, m.rows as never[], 32));
    }
    const [raw1, raw32] = [median(raw1s), median(raw32s)];
    await session.release();
    rows.push({ model: m.name, options: label, createMs: +createMs.toFixed(1), raw1PerS: Math.round(raw1), raw32PerS: Math.round(raw32) });
    console.log(`  ${m.name} session options "${label}": create ${createMs.toFixed(1)} ms, batch 1 ${raw1.toFixed(0)} rows/s, batch 32 ${raw32.toFixed(0)} rows/s`);
  }
  return rows;
}

/** Every shipped model with representative rows: the engine's own adapters build the tensors. */
function benchModels(): Array<{ name: string; adapter: (precision: Precision) => ModelAdapter<never, unknown>; rows: unknown[] }> {
  const texts = generateCorpus(DEFAULT_CORPUS).filter((r) => r.split === 'test').map((r) => r.text);
  const series = generateLabelledSeries(40, 5).flatMap((s) => {
    const rows: Float32Array[] = [];
    for (let end = ANOMALY_WINDOW - 1; end < s.values.length; end++) {
      const row = new Float32Array(ANOMALY_FEATURES);
      writeAnomalyFeatures(s.values, end, row, 0);
      rows.push(row);
    }
    return rows;
  });
  const as = <I>(a: ModelAdapter<I, unknown>) => a as unknown as ModelAdapter<never, unknown>;
  return [
    { name: 'incident-classifier', adapter: (p) => as(classifierAdapter(undefined, p)), rows: [...texts, ...texts].slice(0, 4096) },
    { name: 'plume-surrogate', adapter: (p) => as(surrogateAdapter(PLUME_SURROGATE, undefined, p)), rows: samplePlumeCases(4096, 5) },
    { name: 'fire-spread-surrogate', adapter: (p) => as(surrogateAdapter(FIRE_SURROGATE, undefined, p)), rows: sampleFireCases(4096, 5) },
    { name: 'flood-depth-surrogate', adapter: (p) => as(surrogateAdapter(FLOOD_SURROGATE, undefined, p)), rows: sampleFloodCases(4096, 5) },
    { name: 'sensor-anomaly', adapter: (p) => as(sensorAnomalyAdapter(undefined, p)), rows: series.slice(0, 4096) },
  ];
}

async function main(): Promise<void> {
  const results: Array<Record<string, number | string | null>> = [];
  const int8: Array<{ model: string; speedup: number; accuracyDropPts?: number; p95RelErrorIncreasePts?: number }> = [];
  const models = benchModels();
  for (const m of models) {
    const manifest = readManifest(DEFAULT_MODELS_DIR, m.name, 1);
    const precisions: Precision[] = manifest.variants?.int8 ? ['fp32', 'int8'] : ['fp32'];
    const raw32ByPrecision: Partial<Record<Precision, number>> = {};
    for (const precision of precisions) {
      const adapter = m.adapter(precision);
      const { bytes } = await loadVerifiedModelAsync(DEFAULT_MODELS_DIR, m.name, undefined, precision);
      const session = await ort.InferenceSession.create(bytes, SESSION_OPTIONS);
      await session.run(toTensors(adapter.toFeeds(m.rows.slice(0, 32) as never[])));
      // Raw batch 1, raw batch 32 and the core measured in turn, ROUNDS times, medians kept: on a noisy
      // 2-core machine one pass can be off by 2× in either direction.
      const samples: { raw1: number[]; raw32: number[]; core: number[] } = { raw1: [], raw32: [], core: [] };
      for (let round = 0; round < ROUNDS; round++) {
        samples.raw1.push(await rawRowsPerS(session, adapter, m.rows.slice(0, 1024) as never[], 1));
        samples.raw32.push(await rawRowsPerS(session, adapter, m.rows as never[], 32));
        samples.core.push(await coreRowsPerS(adapter, m.rows as never[]));
      }
      await session.release();
      const [raw1, raw32, coreRate] = [median(samples.raw1), median(samples.raw32), median(samples.core)];
      raw32ByPrecision[precision] = raw32;
      const stall = await inThreadLoadStallMs(adapter);
      results.push({ model: m.name, precision, bytes: bytes.length, raw1PerS: Math.round(raw1), raw32PerS: Math.round(raw32), corePerS: Math.round(coreRate),
        ratioToRawBatched: +(coreRate / raw32).toFixed(2), speedupVsUnbatched: +(coreRate / raw1).toFixed(2), inThreadLoadStallMs: +stall.toFixed(1) });
      console.log(`${m.name} ${precision} (${bytes.length} bytes): raw run() batch 1 ${raw1.toFixed(0)} rows/s, batch 32 ${raw32.toFixed(0)} rows/s (${(raw32 / raw1).toFixed(1)}×); ` +
        `core, ${m.rows.length} concurrent single requests: ${coreRate.toFixed(0)} rows/s = ${(coreRate / raw32).toFixed(2)}× raw batched, ${(coreRate / raw1).toFixed(1)}× unbatched; ` +
        `stall of the loading thread: ${stall.toFixed(1)} ms`);
    }
    const variant = manifest.variants?.int8;
    if (variant && raw32ByPrecision.int8 && raw32ByPrecision.fp32) {
      const speedup = +(raw32ByPrecision.int8 / raw32ByPrecision.fp32).toFixed(2);
      const fp32P95 = manifest.metrics.surrogate?.p95RelError;
      const entry = {
        model: m.name, speedup,
        ...(variant.accuracyDropPts !== undefined ? { accuracyDropPts: +variant.accuracyDropPts.toFixed(2) } : {}),
        ...(variant.p95RelError !== undefined && fp32P95 !== undefined ? { p95RelErrorIncreasePts: +((variant.p95RelError - fp32P95) * 100).toFixed(2) } : {}),
      };
      int8.push(entry);
      console.log(`${m.name} int8 vs fp32: ${(manifest.bytes / variant.bytes).toFixed(1)}× smaller, batch-32 speed ${speedup}× (target 1.5×)` +
        (entry.accuracyDropPts !== undefined ? `, held-out accuracy drop ${entry.accuracyDropPts} pts (gate 1)` : '') +
        (entry.p95RelErrorIncreasePts !== undefined ? `, held-out P95 error vs physics ${(variant.p95RelError! * 100).toFixed(1)} % (fp32 ${(fp32P95! * 100).toFixed(1)} %, bound ${(manifest.metrics.surrogate!.boundP95RelError * 100).toFixed(0)} %)` : ''));
    }
  }
  console.log('session options (raw onnxruntime-node, one session on this thread):');
  const sweep = [];
  for (const m of models.slice(0, 2)) sweep.push(...await sessionOptionSweep(m));
  const serving = await servingThreadStallsMs();
  console.log(`request-serving thread while 2 agent workers load every model again (a model update), ${ROUNDS} times: longest stall median ${serving.modelReloadMedianMs.toFixed(1)} ms, worst ${serving.modelReloadMs.toFixed(1)} ms (target ≤ ${TARGETS.loadStallMs} ms)`);
  console.log(`request-serving thread while 2 new agent worker threads start and load every model: longest stall ${serving.workerStartMs.toFixed(1)} ms (thread creation; at start and after a crash)`);
  const worst = (key: string, pick: (a: number, b: number) => number) => results.map((r) => r[key] as number).reduce((a, b) => pick(a, b));
  const worstOf = (values: Array<number | undefined>, pick: (a: number, b: number) => number) => {
    const present = values.filter((v): v is number => v !== undefined);
    return present.length > 0 ? present.reduce((a, b) => pick(a, b)) : null;
  };
  const summary = {
    bench: 'inference',
    ratioToRawBatched: worst('ratioToRawBatched', Math.min), speedupVsUnbatched: worst('speedupVsUnbatched', Math.min),
    loadStallMs: +serving.modelReloadMs.toFixed(1), loadStallMedianMs: +serving.modelReloadMedianMs.toFixed(1), workerStartStallMs: +serving.workerStartMs.toFixed(1), inThreadLoadStallMs: worst('inThreadLoadStallMs', Math.max),
    int8Speedup: worstOf(int8.map((e) => e.speedup), Math.min),
    int8AccuracyDropPts: worstOf(int8.map((e) => e.accuracyDropPts), Math.max),
    int8P95RelErrorIncreasePts: worstOf(int8.map((e) => e.p95RelErrorIncreasePts), Math.max),
    int8, models: results, sessionOptions: sweep, targets: { ...TARGETS, int8Speedup: 1.5, int8AccuracyDropPts: 1 },
  };
  console.log(JSON.stringify(summary));
}

main().catch((err) => { console.error(err); process.exit(1); });
