// The check every stage's output passes on its worker before it leaves it (docs/architecture.md): against
// the stage's contract schema (STAGE_SCHEMAS), so a NaN or an overflow becomes the stage's
// SAFE_E_AGENT_FAILED, never a reply the API would refuse to send.
//
// The schemas walked node by node were a quarter of a worker's CPU per analysis (docs/performance.md), so
// each is also compiled ahead of time (zod's z.compile: one generated function per schema, which answers
// as the schema does and hands anything it would refuse back to the schema itself) and checked with
// validate(), which builds no copy of the output. Compiling costs about 110 ms of CPU per worker, so it is
// not part of a worker's start: the worker compiles one schema at a time while it has no task
// (agentWorker.ts; a task that arrives meanwhile waits for that one schema at most), and until then a stage
// is checked by its schema directly. Both give the same verdict (a test).
import { z } from 'zod';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import type { PipelineStage } from '../contract/taxonomy.js';
import { STAGE_ORDER, STAGE_SCHEMAS } from './pipeline.js';

const compiled: Partial<Record<PipelineStage, z.ZodType>> = {};

/** Cheapest to compile for the most saved first: the Executor's and Awareness' schemas compile in a few
 *  milliseconds, the Field experts' (the largest output after the Executor's) in the most. */
const COMPILE_ORDER: readonly PipelineStage[] = ['executor', 'awareness', 'field', 'reading', 'strategist'];

/** Compiles the next stage's check not compiled yet; false when every one is compiled. */
export function compileNextStageCheck(): boolean {
  const stage = COMPILE_ORDER.find((s) => !compiled[s]);
  if (!stage) return false;
  compiled[stage] = z.compile(STAGE_SCHEMAS[stage]);
  return COMPILE_ORDER.some((s) => !compiled[s]);
}

/** Whether every stage's check is compiled (a test). */
export function stageChecksCompiled(): boolean {
  return STAGE_ORDER.every((s) => compiled[s] !== undefined);
}

/** Compiles every stage's check now (benches and tests measure a warm worker). */
export function compileStageChecks(): void {
  while (compileNextStageCheck());
}

/** Throws SAFE_E_AGENT_FAILED naming the first place where `result` breaks `stage`'s schema. */
export function checkStageOutput(stage: PipelineStage, result: unknown): void {
  if (compiled[stage]?.validate(result)) return;
  const checked = STAGE_SCHEMAS[stage].safeParse(result);
  if (checked.success) return;
  const issue = checked.error.issues[0];
  throw new SafeError(ERROR_CODES.AGENT_FAILED, `${stage} produced an invalid result at ${issue?.path.join('.')}: ${issue?.message}`);
}
