// The gate, run in a worker thread of its own (docs/updates.md, "Gate"): a staged model version may serve
// only if it loads, scores on its signed evaluation set no worse than its published figure and no worse
// than the live version (1 point of slack each), agrees with the live version at least as often as the
// channel asks, answers a single case within 1.2x the live version's p95 time, and fits the memory
// budget. Both versions run here, beside the serving workers, so the gate never slows an analysis.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { evaluationSetSchema, type EvaluationSet } from '../contract/evaluationSet.js';
import { EVALUATION_FILE, fromBasisPoints } from '../contract/modelChannel.js';
import type { GateCheck, GateResult } from '../contract/modelUpdates.js';
import type { IncidentType } from '../contract/taxonomy.js';
import { IncidentClassifier } from '../agents/strategist/classifier/incidentClassifier.js';
import { REPORT_SCREEN_MODEL_NAME, ReportScreenModel } from '../agents/strategist/classifier/reportScreen.js';
import { LEARNED_NOT_INCIDENT_FROM } from '../agents/strategist/learnedScreen.js';
import { SurrogateModel } from '../agents/field/surrogate/surrogateModel.js';
import type { SurrogateSpec } from '../agents/field/surrogate/surrogateSpec.js';
import { PLUME_SURROGATE } from '../agents/field/plume/surrogateFeatures.js';
import { FIRE_SURROGATE } from '../agents/field/fire/surrogateFeatures.js';
import { FLOOD_SURROGATE } from '../agents/field/flood/surrogateFeatures.js';
import { createInferenceCore } from '../inference/inferenceCore.js';
import type { GateRequest } from './modelUpdater.js';

/** What the gate allows (docs/updates.md): score slack, latency ratio, and the session memory budget. */
export const GATE_BOUNDS = {
  scoreSlack: 0.01, latencyRatio: 1.2, sessionBudgetBytes: 64 << 20, latencySamples: 100, casesPerLatencySample: 16, latencyAttempts: 5, surrogateAgreementRelTol: 0.1,
} as const;

const SURROGATES: Record<string, SurrogateSpec<never>> = Object.fromEntries(
  [PLUME_SURROGATE, FIRE_SURROGATE, FLOOD_SURROGATE].map((s) => [s.name, s as unknown as SurrogateSpec<never>]));

/** One version loaded for the gate: predictions as labels (classifier) or values (surrogate). */
interface Runner { predict(inputs: unknown[]): Promise<Array<string | number>>; fileBytes: number; release(): Promise<void> }

async function loadRunner(name: string, modelsDir: string, version: number): Promise<Runner> {
  // A private inference core per version: the two never share a session or a cache.
  const core = createInferenceCore(modelsDir);
  if (name === 'incident-classifier') {
    const model = await IncidentClassifier.load(modelsDir, version, core);
    return {
      fileBytes: model.model.fileBytes,
      predict: async (texts) => (await model.classify(texts as string[])).map((scores) => topType(scores)),
      release: () => core.release(),
    };
  }
  if (name === REPORT_SCREEN_MODEL_NAME) {
    // Labels at the probability the S-Agent screens from, as the build's published accuracy counts them: a version that
    // pushed incidents over it would lose accuracy here even if it kept them below an even probability.
    const model = await ReportScreenModel.load(modelsDir, version, core);
    return {
      fileBytes: model.model.fileBytes,
      predict: async (texts) => (await model.notIncidentProbabilities(texts as string[])).map((p) => (p >= LEARNED_NOT_INCIDENT_FROM ? 'not_incident' : 'incident')),
      release: () => core.release(),
    };
  }
  const spec = SURROGATES[name];
  if (!spec) throw new Error(`the gate has no evaluation runner for ${name}`);
  const model = await SurrogateModel.load(spec, modelsDir, { version, core });
  return { fileBytes: model.model.fileBytes, predict: async (cases) => Array.from(await model.predict(cases as never[])), release: () => core.release() };
}

const topType = (scores: Record<IncidentType, number>): string => Object.entries(scores).reduce((best, e) => (e[1] > best[1] ? e : best))[0];

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** The evaluation metric of `predictions` on `set`: accuracy, or the P95 relative error (lower is better). */
function score(set: EvaluationSet, predictions: Array<string | number>): number {
  if (set.kind === 'classifier') return predictions.filter((p, i) => p === set.cases[i]?.label).length / set.cases.length;
  const errors = set.cases.flatMap((c, i) => (c.physics >= set.minJudgedValue ? [Math.abs((predictions[i] as number) - c.physics) / c.physics] : []));
  return quantile(errors, 0.95);
}

/** Share of cases where the two versions give the same answer (same type; values within 10 %). */
function agreement(set: EvaluationSet, candidate: Array<string | number>, live: Array<string | number>): number {
  if (set.kind === 'classifier') return candidate.filter((p, i) => p === live[i]).length / candidate.length;
  const judged = set.cases.flatMap((c, i) => (c.physics >= set.minJudgedValue ? [i] : []));
  const close = judged.filter((i) => Math.abs((candidate[i] as number) - (live[i] as number)) <= GATE_BOUNDS.surrogateAgreementRelTol * Math.max(Math.abs(live[i] as number), set.minJudgedValue));
  return close.length / judged.length;
}

/**
 * p95 time of one case, candidate and live alternating (who goes first alternates too), on the same
 * cases. Each sample is the mean of CASES_PER_SAMPLE single-case calls: one call of a small model takes
 * tens of microseconds, where a timer tick or another thread would otherwise decide the p95.
 */
async function latencyP95(candidate: Runner, live: Runner, inputs: unknown[]): Promise<{ candidateMs: number; liveMs: number }> {
  const perSample = GATE_BOUNDS.casesPerLatencySample;
  const timesC: number[] = [];
  const timesL: number[] = [];
  const sample = async (runner: Runner, first: number, into: number[] | null) => {
    const t = performance.now();
    for (let k = 0; k < perSample; k++) await runner.predict([inputs[(first + k) % inputs.length]]);
    into?.push((performance.now() - t) / perSample);
  };
  for (let i = 0; i < 5; i++) { await sample(candidate, i, null); await sample(live, i, null); }
  for (let i = 0; i < GATE_BOUNDS.latencySamples; i++) {
    const first = i * perSample;
    if (i % 2 === 0) { await sample(candidate, first, timesC); await sample(live, first, timesL); } else { await sample(live, first, timesL); await sample(candidate, first, timesC); }
  }
  return { candidateMs: quantile(timesC, 0.95), liveMs: quantile(timesL, 0.95) };
}

/** The latency ratio, measured again (up to five times in all) while it is over its bound: a slower
 *  model stays slower on every attempt, a noisy moment does not. The best attempt counts. */
async function latencyCheck(candidate: Runner, live: Runner, inputs: unknown[]): Promise<{ ratio: number; candidateMs: number; liveMs: number; attempts: number }> {
  let best = { ratio: Infinity, candidateMs: NaN, liveMs: NaN, attempts: 0 };
  for (let attempt = 1; attempt <= GATE_BOUNDS.latencyAttempts; attempt++) {
    const { candidateMs, liveMs } = await latencyP95(candidate, live, inputs);
    const ratio = candidateMs / liveMs;
    if (ratio < best.ratio) best = { ratio, candidateMs, liveMs, attempts: attempt };
    else best.attempts = attempt;
    if (best.ratio <= GATE_BOUNDS.latencyRatio) break;
  }
  return best;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

export async function runGate(request: GateRequest): Promise<GateResult> {
  const started = performance.now();
  const checks: GateCheck[] = [];
  const finish = (): GateResult => ({ passed: checks.length === 5 && checks.every((c) => c.passed), checks, durationMs: Math.round(performance.now() - started) });
  let set: EvaluationSet;
  let candidate: Runner;
  try {
    const raw = readFileSync(join(request.candidate.modelsDir, request.name, String(request.candidate.version), EVALUATION_FILE), 'utf8');
    set = evaluationSetSchema.parse(JSON.parse(raw));
    candidate = await loadRunner(request.name, request.candidate.modelsDir, request.candidate.version);
    checks.push({ check: 'loads', passed: true, value: null, bound: null, detail: `v${request.candidate.version} verified, loaded and warmed; ${set.cases.length} evaluation cases` });
  } catch (err) {
    checks.push({ check: 'loads', passed: false, value: null, bound: null, detail: (err as Error).message });
    return finish();
  }
  const live = await loadRunner(request.name, request.live.modelsDir, request.live.version);
  try {
    const inputs = set.kind === 'classifier' ? set.cases.map((c) => c.text) : set.cases.map((c) => c.case);
    const predictedC = await candidate.predict(inputs);
    const predictedL = await live.predict(inputs);
    const scoreC = score(set, predictedC);
    const scoreL = score(set, predictedL);
    const published = request.facts.scoresBp[set.metric];
    const higherIsBetter = set.kind === 'classifier';
    const slack = GATE_BOUNDS.scoreSlack;
    // The bound is the stricter of the published figure and the live version's score, each with 1 point of slack.
    const references = [...(published === undefined ? [] : [fromBasisPoints(published)]), scoreL];
    const bound = higherIsBetter ? Math.max(...references) - slack : Math.min(...references) + slack;
    checks.push({
      check: 'score', passed: higherIsBetter ? scoreC >= bound : scoreC <= bound, value: round4(scoreC), bound: round4(bound),
      detail: `${set.metric} ${round4(scoreC)} on the evaluation set; published ${published === undefined ? 'none' : round4(fromBasisPoints(published))}, live v${request.live.version} ${round4(scoreL)}`,
    });
    const agreed = agreement(set, predictedC, predictedL);
    const minAgreement = fromBasisPoints(request.facts.rollout.minAgreementBp);
    checks.push({ check: 'agreement', passed: agreed >= minAgreement, value: round4(agreed), bound: minAgreement, detail: `agrees with live v${request.live.version} on ${(agreed * 100).toFixed(1)} % of cases` });
    const latency = await latencyCheck(candidate, live, inputs);
    checks.push({
      check: 'latency', passed: latency.ratio <= GATE_BOUNDS.latencyRatio, value: round4(latency.ratio), bound: GATE_BOUNDS.latencyRatio,
      detail: `p95 of one case ${latency.candidateMs.toFixed(3)} ms vs live ${latency.liveMs.toFixed(3)} ms${latency.attempts > 1 ? ` (best of ${latency.attempts} measurements)` : ''}`,
    });
    // The inference core counts a session as its file's bytes twice (weights plus runtime copies).
    const sessionBytes = candidate.fileBytes * 2;
    checks.push({ check: 'memory', passed: sessionBytes <= GATE_BOUNDS.sessionBudgetBytes, value: sessionBytes, bound: GATE_BOUNDS.sessionBudgetBytes, detail: `${(sessionBytes / 1048576).toFixed(2)} MiB of the ${GATE_BOUNDS.sessionBudgetBytes / 1048576} MiB session budget` });
  } finally {
    await Promise.all([candidate.release(), live.release()]);
  }
  return finish();
}

if (parentPort && workerData?.gateRequest) {
  const port = parentPort;
  runGate(workerData.gateRequest as GateRequest).then(
    (result) => port.postMessage({ ok: true, result }),
    (err: unknown) => port.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) }),
  );
}
