// `npm run bench:stage-cpu [-- --rounds N] [-- <worktree> ...]`: the worker-side CPU time of one whole analysis
// (the reading, S, F, A and E run in this thread with the workers' own tasks), per stage, on the 8 examples.
// Builds that ran the reading inline on the workers of S and of F count it in those stages (reading 0). CPU time
// (process.cpuUsage) does not grow while the thread waits for a core, so on a busy machine it compares
// builds where bench:pipeline's wall-clock figures cannot (docs/performance.md). Other builds, given as the
// paths of worktrees with their own `dist/`, run alternately in the same process, example by example.
// Prints a table, then one JSON line. No targets: it compares.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Incident } from '../engine/contract/incident.js';
import type { PipelineStage } from '../engine/contract/taxonomy.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MEASURED: readonly PipelineStage[] = ['reading', 'strategist', 'field', 'awareness', 'executor'];

/** A build's stage runner: runStageTask, or runAgentTask in builds from before the typed pipeline.
 *  `stages`: the stages it runs as stages of their own (not the reading where it ran inline, or did not exist). */
interface Build { root: string; run: (stage: PipelineStage, input: object) => Promise<unknown>; stages: readonly PipelineStage[]; incidents: Incident[]; cpuMs: Map<string, number[]> }

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

async function loadBuild(root: string): Promise<Build> {
  const from = (path: string) => import(pathToFileURL(join(root, 'dist', path)).href);
  const tasks = await from('engine/orchestrator/agentTasks.js');
  const { parseIncidentText } = await from('engine/contract/parseIncident.js');
  const context = await tasks.createWorkerContext(join(root, 'models'));
  // A warm worker has compiled its stage checks (builds that have them: stageChecks.ts).
  const checks = await from('engine/orchestrator/stageChecks.js').catch(() => null);
  checks?.compileStageChecks();
  const run = tasks.runStageTask
    ? (stage: PipelineStage, input: object) => tasks.runStageTask(context, stage, input)
    : (stage: PipelineStage, input: object) => tasks.runAgentTask(context, stage, input);
  const incidents = readFileSync(join(root, 'examples', 'all.jsonl'), 'utf8').trim().split('\n').map((line: string) => parseIncidentText(line) as Incident);
  const pipeline = tasks.runStageTask ? await from('engine/orchestrator/pipeline.js') : {};
  const readsAlone = pipeline.STAGE_NEEDS?.strategist?.includes('reading') === true && !pipeline.INLINE_STAGES?.includes('reading');
  return { root, run, stages: MEASURED.filter((stage) => stage !== 'reading' || readsAlone), incidents, cpuMs: new Map() };
}

const cpuMs = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1000; };

/** One analysis of example `k`; records each stage's CPU time and the total under `k`. */
async function analyse(build: Build, k: number, record: boolean): Promise<void> {
  const incident = build.incidents[k % build.incidents.length] as Incident;
  const outputs: Record<string, unknown> = { incident };
  const started = cpuMs();
  for (const stage of MEASURED) {
    const t0 = cpuMs();
    if (build.stages.includes(stage)) outputs[stage] = await build.run(stage, outputs);
    if (record) push(build.cpuMs, `${k} ${stage}`, cpuMs() - t0);
  }
  if (record) push(build.cpuMs, `${k} total`, cpuMs() - started);
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  map.set(key, [...(map.get(key) ?? []), value]);
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
/** The median per example, averaged over the examples. */
const perAnalysis = (build: Build, what: string) => {
  const perExample = build.incidents.map((_, k) => median(build.cpuMs.get(`${k} ${what}`) ?? []));
  return perExample.reduce((s, v) => s + v, 0) / perExample.length;
};

async function main(): Promise<void> {
  const rounds = option('--rounds', 40);
  const others = process.argv.slice(2).filter((arg, i, all) => arg !== '--rounds' && all[i - 1] !== '--rounds');
  const builds: Build[] = [];
  for (const root of [ROOT, ...others]) builds.push(await loadBuild(root));
  const examples = Math.max(...builds.map((b) => b.incidents.length));
  for (let round = -3; round < rounds; round++) { // three rounds to warm the JIT and the sessions
    for (let k = 0; k < examples; k++) {
      // Alternate which build goes first, so neither always runs right after the other's garbage.
      for (const build of round % 2 ? builds : [...builds].reverse()) await analyse(build, k, round >= 0);
    }
  }
  const rows = builds.map((b) => ({
    build: b.root, totalMs: perAnalysis(b, 'total'),
    stagesMs: Object.fromEntries(MEASURED.map((stage) => [stage, perAnalysis(b, stage)])),
  }));
  console.log(`SAFE Edge worker CPU per analysis — ${rounds} rounds of the ${examples} examples, median per example, mean over examples; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const r of rows) console.log(`${r.build}: ${r.totalMs.toFixed(2)} ms  (${MEASURED.map((s) => `${s} ${(r.stagesMs[s] as number).toFixed(2)}`).join('  ')})`);
  console.log(JSON.stringify({ bench: 'stage-cpu', rounds, loadAverage: +(loadavg()[0] ?? 0).toFixed(1), builds: rows.map((r) => ({ build: r.build, totalMs: +r.totalMs.toFixed(3), stagesMs: Object.fromEntries(Object.entries(r.stagesMs).map(([s, v]) => [s, +v.toFixed(3)])) })) }));
  process.exit(0); // the builds' inference sessions are not released one by one
}

main().catch((err) => { console.error(err); process.exit(1); });
