// `npm run bench:fuzz [-- --runs N]`: the long run of the pipeline fuzz property (the arbitraries and the
// property of engine/orchestrator/pipeline.fuzz.test.ts, shared through testing/incidentArbitraries.ts,
// same seed) on real workers, then every adversarial report (agents/reading/testing/adversarialTexts.ts) at
// the longest allowed length through the S-Agent in this process (reading, tokenising, classifier,
// strategist: the workers' `reading` then `strategist` stages), with the slowest one also at a quarter of that length:
// ×4 is linear, ×16 quadratic. Prints figures, then one JSON line. Target (issue 16): the slowest
// adversarial text ≤ 50 ms through the S-Agent; the property: 0 failures.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { parseIncident } from '../engine/contract/parseIncident.js';
import { MAX_TEXT_CHARS } from '../engine/contract/incident.js';
import { resolveConfig } from '../engine/config.js';
import { createLogger } from '../engine/logging.js';
import { quantile } from '../engine/numeric/stats.js';
import { DEFAULT_MODELS_DIR } from '../engine/inference/modelRepository.js';
import { Orchestrator } from '../engine/orchestrator/orchestrator.js';
import { createWorkerContext, runStageTask, type WorkerContext } from '../engine/orchestrator/agentTasks.js';
import type { IncidentInput } from '../engine/contract/incident.js';
import type { ReportReading } from '../engine/contract/reading.js';
import { FUZZ_SEED, analysisHolds, incidentArbitrary } from '../engine/orchestrator/testing/incidentArbitraries.js';
import { adversarialTexts, type AdversarialText } from '../engine/agents/reading/testing/adversarialTexts.js';

const TARGETS = { adversarialMaxMs: 50, failures: 0 };
const fmt = (x: number, digits = 1) => x.toFixed(digits);

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} needs a whole number ≥ 1, got ${process.argv[at + 1]}`);
  return value;
}

/** The fuzz property for `runs` incidents: how long each analysis took and the first counterexample, if any. */
async function fuzz(runs: number, workers: number) {
  const orchestrator = await Orchestrator.start(resolveConfig({ dataDir: mkdtempSync(join(tmpdir(), 'safe-bench-fuzz-')), workers }), { logger: createLogger('silent') });
  const durationsMs: number[] = [];
  const slowest: { ms: number; input: IncidentInput | null } = { ms: -1, input: null };
  try {
    const t0 = performance.now();
    const outcome = await fc.check(fc.asyncProperty(incidentArbitrary, async (input) => {
      const start = performance.now();
      await analysisHolds(input, (incident) => orchestrator.analyze(incident));
      const ms = performance.now() - start;
      durationsMs.push(ms);
      if (ms > slowest.ms) Object.assign(slowest, { ms, input });
      if (durationsMs.length % 250 === 0) console.log(`  ${durationsMs.length} incidents analysed (${fmt((performance.now() - t0) / 1000)} s)`);
    }), { seed: FUZZ_SEED, numRuns: runs, endOnFailure: true }); // a counterexample is reported as found: shrinking it runs hundreds of analyses
    return { outcome, durationsMs, wallMs: performance.now() - t0, slowest };
  } finally {
    await orchestrator.close();
  }
}

/** The S-Agent on one report, in this process: the fastest of `repeats` runs after one warm-up run (the
 *  machine is shared: the minimum is the text's own cost, the rest is other processes). */
async function strategistMs(context: WorkerContext, text: string, repeats = 5): Promise<number> {
  const incident = parseIncident({ text });
  // The reading, then the S-Agent on it: the text's path through the workers.
  const sAgent = async () => runStageTask(context, 'strategist', { incident, reading: await runStageTask(context, 'reading', { incident }) as ReportReading });
  await sAgent();
  let fastest = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await sAgent();
    fastest = Math.min(fastest, performance.now() - t0);
  }
  return fastest;
}

async function adversarial(): Promise<{ perText: Array<AdversarialText & { ms: number }>; slowestQuarterMs: number }> {
  const context = await createWorkerContext(DEFAULT_MODELS_DIR);
  try {
    await strategistMs(context, 'Chlorine tank leaking at the rail yard, 3 injured', 5); // warm: first-call set-up is not the text's cost
    const perText: Array<AdversarialText & { ms: number }> = [];
    for (const entry of adversarialTexts()) perText.push({ ...entry, ms: await strategistMs(context, entry.text) });
    perText.sort((a, b) => b.ms - a.ms);
    const slowest = perText[0] as AdversarialText & { ms: number };
    const quarter = adversarialTexts(MAX_TEXT_CHARS / 4).find((t) => t.name === slowest.name) as AdversarialText;
    return { perText, slowestQuarterMs: await strategistMs(context, quarter.text) };
  } finally {
    await context.core.release();
  }
}

async function main(): Promise<void> {
  const runs = option('--runs', 2000);
  const workers = option('--workers', 2);
  console.log(`SAFE Edge fuzz benchmark — ${runs} incidents (seed ${FUZZ_SEED}), ${workers} worker threads, node ${process.version}`);
  const { outcome, durationsMs, wallMs, slowest: slowestIncident } = await fuzz(runs, workers);
  const failures = outcome.failed ? 1 : 0;
  console.log(`fuzz property: ${outcome.numRuns} runs in ${fmt(wallMs / 1000)} s, ${failures} failure(s)${outcome.failed ? ` — counterexample after ${outcome.numShrinks} shrinks: ${JSON.stringify(outcome.counterexample).slice(0, 400)}\n  ${String(outcome.errorInstance).slice(0, 400)}` : ''}`);
  console.log(`analysis time: p50 ${fmt(quantile(durationsMs, 0.5), 2)} ms  p99 ${fmt(quantile(durationsMs, 0.99), 2)} ms  slowest ${fmt(Math.max(...durationsMs), 2)} ms`);
  if (slowestIncident.input) {
    const { text, ...rest } = slowestIncident.input;
    console.log(`slowest incident: ${text.length} characters of text, parts ${JSON.stringify(Object.keys(rest.facts ?? {}))}, ${rest.sensors?.length ?? 0} sensors with ${(rest.sensors ?? []).reduce((n: number, s) => n + s.readings.length, 0)} readings, ${rest.resources?.length ?? 0} resources`);
  }
  const { perText, slowestQuarterMs } = await adversarial();
  const slowest = perText[0] as AdversarialText & { ms: number };
  console.log(`adversarial reports (${perText.length}, ${MAX_TEXT_CHARS} characters each) through the S-Agent, fastest of 5 after a warm-up, slowest first:`);
  for (const t of perText.slice(0, 10)) console.log(`  ${t.name.padEnd(28)} ${fmt(t.ms)} ms`);
  const scaling = slowest.ms / slowestQuarterMs;
  console.log(`slowest: ${slowest.name} ${fmt(slowest.ms)} ms (target ≤ ${TARGETS.adversarialMaxMs} ms); at ${MAX_TEXT_CHARS / 4} characters ${fmt(slowestQuarterMs)} ms: ×${fmt(scaling, 2)} for 4× the text (4 is linear, 16 quadratic)`);
  console.log(JSON.stringify({
    bench: 'fuzz', seed: FUZZ_SEED, workers, runs: outcome.numRuns, failures,
    p50AnalysisMs: +fmt(quantile(durationsMs, 0.5), 2), p99AnalysisMs: +fmt(quantile(durationsMs, 0.99), 2), slowestAnalysisMs: +fmt(Math.max(...durationsMs), 2),
    adversarialTexts: perText.length, adversarialMaxMs: +fmt(slowest.ms, 2), adversarialSlowest: slowest.name, adversarialScaling4x: +fmt(scaling, 2),
    targets: TARGETS, targetsMet: failures === TARGETS.failures && slowest.ms <= TARGETS.adversarialMaxMs,
  }));
}

main().catch((err) => { console.error(err); process.exit(1); });
