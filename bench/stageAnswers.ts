// `node dist/bench/stageAnswers.js <out.jsonl> [--fuzz N]`: every stage's output, in the pipeline's order, for
// the examples (each file and each line of all.jsonl) and N incidents from the pipeline fuzz arbitraries
// (their seed; 300 by default), one JSON line per incident. A change meant to make the agents faster
// without changing an answer writes this file before and after (a build of each) and compares the two
// byte for byte (docs/performance.md).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { Incident } from '../engine/contract/incident.js';
import { parseIncident, parseIncidentText } from '../engine/contract/parseIncident.js';
import { DEFAULT_MODELS_DIR } from '../engine/inference/modelRepository.js';
import { createWorkerContext, runStageTask, type WorkerContext } from '../engine/orchestrator/agentTasks.js';
import { incidentForStage, type StageOutputs } from '../engine/orchestrator/pipeline.js';
import { FUZZ_SEED, incidentArbitrary } from '../engine/orchestrator/testing/incidentArbitraries.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function examples(): Array<[string, Incident]> {
  const dir = join(ROOT, 'examples');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    .map((f): [string, Incident] => [f, parseIncidentText(readFileSync(join(dir, f), 'utf8'))]);
  const lines = readFileSync(join(dir, 'all.jsonl'), 'utf8').trim().split('\n')
    .map((line, i): [string, Incident] => [`all.jsonl:${i}`, parseIncidentText(line)]);
  return [...files, ...lines];
}

function fuzzIncidents(count: number): Array<[string, Incident]> {
  return fc.sample(incidentArbitrary, { seed: FUZZ_SEED, numRuns: count }).flatMap((input, i): Array<[string, Incident]> => {
    try { return [[`fuzz:${i}`, parseIncident(input)]]; } catch { return []; } // an input the contract refuses
  });
}

/** The stages' outputs as the workers compute them (S and F on the reading of the incident they get),
 *  or the error. The line's keys are in the same order as in builds that ran the reading inline. */
async function answers(context: WorkerContext, incident: Incident): Promise<Record<string, unknown>> {
  // runStageTask answers `unknown` (the stage is known at run time); each output was checked against its schema.
  const run = <S extends keyof StageOutputs>(stage: S, input: object) => runStageTask(context, stage, input as never) as Promise<StageOutputs[S]>;
  try {
    const read = incidentForStage('reading', incident);
    const asRead = await run('reading', { incident: read });
    const strategist = await run('strategist', { incident: incidentForStage('strategist', incident), reading: asRead });
    const field = await run('field', { incident: incidentForStage('field', incident), reading: asRead });
    const reading = await run('reading', { incident });
    const awareness = await run('awareness', { incident, strategist, field });
    const executor = await run('executor', { incident, strategist, awareness, field });
    return { reading, strategist, field, awareness, executor };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out || out.startsWith('--')) throw new Error('usage: node dist/bench/stageAnswers.js <out.jsonl> [--fuzz N]');
  const at = process.argv.indexOf('--fuzz');
  const fuzz = at >= 0 ? Number(process.argv[at + 1]) : 300;
  const context = await createWorkerContext(DEFAULT_MODELS_DIR);
  const lines: string[] = [];
  let errors = 0;
  for (const [name, incident] of [...examples(), ...fuzzIncidents(fuzz)]) {
    const outputs = await answers(context, incident);
    if ('error' in outputs) errors++;
    lines.push(JSON.stringify({ name, ...outputs }));
  }
  await context.core.release();
  writeFileSync(out, `${lines.join('\n')}\n`);
  console.log(JSON.stringify({ bench: 'stage-answers', incidents: lines.length, errors, out }));
}

main().catch((err) => { console.error(err); process.exit(1); });
