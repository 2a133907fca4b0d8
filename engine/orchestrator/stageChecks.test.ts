// The compiled stage checks give the schema's own verdict, with the same message: on every stage output of
// the examples and on copies of them broken one value at a time (a number made NaN or infinite, a string
// made one no enum holds, a field's value removed or given the wrong type).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseIncidentText } from '../contract/parseIncident.js';
import type { PipelineStage } from '../contract/taxonomy.js';
import { DEFAULT_MODELS_DIR } from '../inference/modelRepository.js';
import { createWorkerContext, runStageTask } from './agentTasks.js';
import { STAGE_ORDER } from './pipeline.js';
import { checkStageOutput, compileStageChecks, stageChecksCompiled } from './stageChecks.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Copies of `value` with one leaf broken each, up to `limit` of them, spread over the whole tree. */
function broken(value: unknown, limit = 60): unknown[] {
  const leaves: Array<{ path: Array<string | number>; leaf: unknown }> = [];
  const walk = (node: unknown, path: Array<string | number>) => {
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, [...path, i]));
    else if (node !== null && typeof node === 'object') for (const [key, item] of Object.entries(node)) walk(item, [...path, key]);
    else leaves.push({ path, leaf: node });
  };
  walk(value, []);
  const step = Math.max(1, Math.floor(leaves.length / limit));
  const copies: unknown[] = [];
  for (let i = 0; i < leaves.length; i += step) {
    const { path, leaf } = leaves[i] as (typeof leaves)[number];
    const replacements = typeof leaf === 'number' ? [Number.NaN, Number.POSITIVE_INFINITY, -1e300, 0.5, String(leaf)]
      : typeof leaf === 'string' ? ['not-a-value-any-enum-holds', 7] : [undefined, 'true'];
    for (const replacement of replacements) {
      const copy = structuredClone(value) as Record<string | number, unknown>;
      let parent = copy;
      for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
      parent[path.at(-1) as string | number] = replacement;
      copies.push(copy);
    }
  }
  return copies;
}

const verdict = (stage: PipelineStage, output: unknown): string => {
  try {
    checkStageOutput(stage, output);
    return 'ok';
  } catch (err) {
    return (err as Error).message;
  }
};

test('compiled stage checks answer as the schemas do, with the same messages, on good and broken outputs', async () => {
  const context = await createWorkerContext(DEFAULT_MODELS_DIR);
  try {
    const incidents = readFileSync(join(ROOT, 'examples', 'all.jsonl'), 'utf8').trim().split('\n').map(parseIncidentText);
    const cases: Array<{ stage: PipelineStage; output: unknown }> = [];
    for (const incident of incidents) {
      const outputs: Record<string, unknown> = { incident };
      for (const stage of STAGE_ORDER) {
        outputs[stage] = await runStageTask(context, stage, outputs as never);
        cases.push({ stage, output: outputs[stage] }, ...broken(outputs[stage]).map((output) => ({ stage, output })));
      }
    }
    assert.equal(stageChecksCompiled(), false, 'nothing compiled yet: these verdicts are the schemas\' own');
    const bySchema = cases.map(({ stage, output }) => verdict(stage, output));
    assert.ok(bySchema.filter((v) => v !== 'ok').length > cases.length / 4, 'most broken copies are refused');
    compileStageChecks();
    assert.equal(stageChecksCompiled(), true, 'every stage has a compiled check');
    assert.deepEqual(cases.map(({ stage, output }) => verdict(stage, output)), bySchema);
  } finally {
    await context.core.release();
  }
});
