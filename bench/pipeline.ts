// `npm run bench:pipeline`: latency of one analysis (p50/p95/p99), throughput at concurrency 1, 4 and 8,
// cold start (process start to first result) and engine RSS, measured in one run on this machine.
// Prints a table, then one JSON line. Targets (issue 3): p99 ≤ 50 ms, ≥ 200/s at c8, cold ≤ 2 s, RSS ≤ 300 MB.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { parseIncidentText } from '../engine/contract/parseIncident.js';
import type { Incident } from '../engine/contract/incident.js';
import { resolveConfig } from '../engine/config.js';
import { createLogger } from '../engine/logging.js';
import { Orchestrator } from '../engine/orchestrator/orchestrator.js';
import { quantile } from '../engine/numeric/stats.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TARGETS = { p99Ms: 50, c8PerSecond: 200, coldStartMs: 2000, rssMb: 300 };
const incidents: Incident[] = readFileSync(join(ROOT, 'examples', 'all.jsonl'), 'utf8').trim().split('\n').map(parseIncidentText);

async function latency(orchestrator: Orchestrator, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const result = await orchestrator.analyze(incidents[i % incidents.length] as Incident);
    samples.push(performance.now() - t0);
    if (result.status !== 'ok') throw new Error(`analysis ${result.id} was ${result.status}`);
  }
  return samples;
}

async function throughput(orchestrator: Orchestrator, concurrency: number, durationMs: number): Promise<number> {
  let done = 0;
  const end = performance.now() + durationMs;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async (_, lane) => {
    for (let i = lane; performance.now() < end; i += concurrency) {
      await orchestrator.analyze(incidents[i % incidents.length] as Incident);
      done++;
    }
  }));
  return done / ((performance.now() - t0) / 1000);
}

function coldStartMs(): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'safe-edge.js'), 'analyze', join(ROOT, 'examples', 'chlorine-tank-car-zh.json'), '--no-save'],
      { env: { ...process.env, SAFE_EDGE_LOG: 'error', SAFE_EDGE_DATA_DIR: join(ROOT, 'dist', 'bench-data') } });
    let resolved = false;
    child.stdout.on('data', () => { if (!resolved) { resolved = true; resolve(performance.now() - t0); } });
    child.on('exit', (code) => { if (!resolved) reject(new Error(`cold-start run exited with ${code}`)); });
  });
}

const fmt = (n: number, d = 1) => n.toFixed(d);

async function main(): Promise<void> {
  const workers = availableParallelism();
  const orchestrator = await Orchestrator.start(resolveConfig({ workers, slowAnalysisMs: 60_000 }), { logger: createLogger('error') });
  try {
    await latency(orchestrator, 100); // warm the JIT and the ONNX sessions
    const samples = await latency(orchestrator, 1000);
    const perSecond = {
      c1: await throughput(orchestrator, 1, 3000),
      c4: await throughput(orchestrator, 4, 3000),
      c8: await throughput(orchestrator, 8, 3000),
    };
    const rssMb = process.memoryUsage().rss / (1 << 20);
    const agents = orchestrator.timings.snapshot();
    await orchestrator.close();
    const colds: number[] = [];
    for (let i = 0; i < 3; i++) colds.push(await coldStartMs());
    const figures = {
      p50Ms: quantile(samples, 0.5), p95Ms: quantile(samples, 0.95), p99Ms: quantile(samples, 0.99),
      perSecond, coldStartMs: quantile(colds, 0.5), rssMb,
    };
    console.log(`SAFE Edge pipeline benchmark — ${workers} worker threads, ${incidents.length} example incidents, node ${process.version}`);
    console.log(`latency (1000 sequential analyses): p50 ${fmt(figures.p50Ms, 2)} ms  p95 ${fmt(figures.p95Ms, 2)} ms  p99 ${fmt(figures.p99Ms, 2)} ms   target p99 ≤ ${TARGETS.p99Ms} ms  (${fmt(figures.p99Ms / TARGETS.p99Ms, 2)}× of target)`);
    console.log(`throughput: c1 ${fmt(perSecond.c1)}/s  c4 ${fmt(perSecond.c4)}/s  c8 ${fmt(perSecond.c8)}/s   c8/c1 = ${fmt(perSecond.c8 / perSecond.c1, 2)}×   target c8 ≥ ${TARGETS.c8PerSecond}/s  (${fmt(perSecond.c8 / TARGETS.c8PerSecond, 2)}× of target)`);
    console.log(`cold start (process start → first result, median of 3): ${fmt(figures.coldStartMs, 0)} ms   target ≤ ${TARGETS.coldStartMs} ms`);
    console.log(`engine RSS after the runs: ${fmt(rssMb)} MB   target ≤ ${TARGETS.rssMb} MB`);
    console.log('per-agent compute (worker-side), ms:', Object.entries(agents).map(([a, s]) => `${a} p50 ${fmt(s.p50Ms, 2)} p95 ${fmt(s.p95Ms, 2)} p99 ${fmt(s.p99Ms, 2)}`).join(' | '));
    const met = figures.p99Ms <= TARGETS.p99Ms && perSecond.c8 >= TARGETS.c8PerSecond && figures.coldStartMs <= TARGETS.coldStartMs && rssMb <= TARGETS.rssMb;
    console.log(JSON.stringify({
      bench: 'pipeline', workers,
      p50Ms: +fmt(figures.p50Ms, 3), p95Ms: +fmt(figures.p95Ms, 3), p99Ms: +fmt(figures.p99Ms, 3),
      perSecond: { c1: +fmt(perSecond.c1), c4: +fmt(perSecond.c4), c8: +fmt(perSecond.c8) },
      coldStartMs: +fmt(figures.coldStartMs, 0), rssMb: +fmt(rssMb),
      // The S-Agent's own time per report (reading included), worker-side: what the report-reading work costs.
      strategistP99Ms: +fmt(agents.strategist?.p99Ms ?? Number.NaN, 3), targets: TARGETS, targetsMet: met,
    }));
  } catch (err) {
    await orchestrator.close();
    throw err;
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
