// `npm run bench:inference`: per model, raw onnxruntime-node run() at batch 1 and 32 as the reference,
// the inference core under many concurrent single requests, and the event-loop stall while a model loads.
// and the classifier's int8 variant against its fp32 file (speed and the accuracy drop its gate measured).
import { performance } from 'node:perf_hooks';
import * as ort from 'onnxruntime-node';
import { DEFAULT_MODELS_DIR, loadVerifiedModel, loadVerifiedModelAsync, readManifest } from '../engine/inference/modelRepository.js';
import { InferenceCore, type FeedTensor, type ModelAdapter } from '../engine/inference/inferenceCore.js';
import { classifierAdapter } from '../engine/agents/strategist/classifier/incidentClassifier.js';
import { surrogateAdapter } from '../engine/agents/field/surrogate/surrogateModel.js';
import { PLUME_SURROGATE } from '../engine/agents/field/plume/surrogateFeatures.js';
import { samplePlumeCases } from '../engine/training/plumeSurrogate.js';
import { WorkerPool } from '../engine/orchestrator/workerPool.js';
import { generateCorpus, DEFAULT_CORPUS } from '../engine/training/corpus/generateCorpus.js';

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

/** The engine loads models in its agent workers: the stall the request-serving thread sees meanwhile. */
async function servingThreadStallMs(): Promise<number> {
  let pool: WorkerPool | undefined;
  const stall = await stallMs(async () => { pool = await WorkerPool.start({ size: 1, modelsDir: DEFAULT_MODELS_DIR, agentTimeoutMs: 5000 }); });
  await pool?.close();
  return stall;
}

async function main(): Promise<void> {
  const texts = generateCorpus(DEFAULT_CORPUS).filter((r) => r.split === 'test').map((r) => r.text);
  const cases = samplePlumeCases(4096, 5);
  const models: Array<{ name: string; adapter: ModelAdapter<never, unknown>; rows: unknown[] }> = [
    { name: 'incident-classifier', adapter: classifierAdapter() as ModelAdapter<never, unknown>, rows: [...texts, ...texts].slice(0, 4096) },
    { name: 'plume-surrogate', adapter: surrogateAdapter(PLUME_SURROGATE) as ModelAdapter<never, unknown>, rows: cases },
  ];
  const results: Array<Record<string, number | string | null>> = [];
  for (const m of models) {
    const { bytes } = loadVerifiedModel(DEFAULT_MODELS_DIR, m.name);
    const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' });
    await session.run(toTensors(m.adapter.toFeeds(m.rows.slice(0, 32) as never[])));
    const raw1 = await rawRowsPerS(session, m.adapter, m.rows.slice(0, 1024) as never[], 1);
    const raw32 = await rawRowsPerS(session, m.adapter, m.rows as never[], 32);
    await session.release();
    const coreRate = await coreRowsPerS(m.adapter, m.rows as never[]);
    const stall = await inThreadLoadStallMs(m.adapter);
    results.push({ model: m.name, raw1PerS: Math.round(raw1), raw32PerS: Math.round(raw32), corePerS: Math.round(coreRate),
      ratioToRawBatched: +(coreRate / raw32).toFixed(2), speedupVsUnbatched: +(coreRate / raw1).toFixed(2), inThreadLoadStallMs: +stall.toFixed(1) });
    console.log(`${m.name}: raw run() batch 1 ${raw1.toFixed(0)} rows/s, batch 32 ${raw32.toFixed(0)} rows/s (${(raw32 / raw1).toFixed(1)}×); ` +
      `core, ${m.rows.length} concurrent single requests: ${coreRate.toFixed(0)} rows/s = ${(coreRate / raw32).toFixed(2)}× raw batched, ${(coreRate / raw1).toFixed(1)}× unbatched; ` +
      `stall of the loading thread: ${stall.toFixed(1)} ms`);
  }
  const serving = await servingThreadStallMs();
  console.log(`request-serving thread while an agent worker starts and loads every model: longest stall ${serving.toFixed(1)} ms (target ≤ ${TARGETS.loadStallMs} ms)`);
  // int8: the classifier's variant against its fp32 file, raw batch-32 throughput and held-out accuracy.
  const manifest = readManifest(DEFAULT_MODELS_DIR, 'incident-classifier', 1);
  const int8Variant = manifest.variants?.int8;
  let int8Speedup: number | null = null;
  let int8AccuracyDropPts: number | null = null;
  if (int8Variant) {
    const rate = async (precision: 'fp32' | 'int8') => {
      const { bytes } = await loadVerifiedModelAsync(DEFAULT_MODELS_DIR, 'incident-classifier', 1, precision);
      const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' });
      const adapter = classifierAdapter() as ModelAdapter<never, unknown>;
      await session.run(toTensors(adapter.toFeeds(models[0]!.rows.slice(0, 32) as never[])));
      const r = await rawRowsPerS(session, adapter, models[0]!.rows as never[], 32);
      await session.release();
      return r;
    };
    const fp32Rate = await rate('fp32');
    const int8Rate = await rate('int8');
    int8Speedup = +(int8Rate / fp32Rate).toFixed(2);
    int8AccuracyDropPts = +int8Variant.accuracyDropPts.toFixed(2);
    console.log(`incident-classifier int8: ${int8Variant.bytes} bytes vs ${manifest.bytes} (${(manifest.bytes / int8Variant.bytes).toFixed(1)}× smaller); batch-32 ${int8Rate.toFixed(0)} vs fp32 ${fp32Rate.toFixed(0)} rows/s = ${int8Speedup}× (target 1.5×); accuracy drop ${int8AccuracyDropPts} pts (gate 1)`);
  }
  const worst = (key: string, pick: (a: number, b: number) => number) => results.map((r) => r[key] as number).reduce((a, b) => pick(a, b));
  const summary = {
    bench: 'inference',
    ratioToRawBatched: worst('ratioToRawBatched', Math.min), speedupVsUnbatched: worst('speedupVsUnbatched', Math.min),
    loadStallMs: +serving.toFixed(1), inThreadLoadStallMs: worst('inThreadLoadStallMs', Math.max),
    int8Speedup, int8AccuracyDropPts, models: results, targets: { ...TARGETS, int8Speedup: 1.5, int8AccuracyDropPts: 1 },
  };
  console.log(JSON.stringify(summary));
}

main().catch((err) => { console.error(err); process.exit(1); });
