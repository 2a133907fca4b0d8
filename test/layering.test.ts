// The layering rules are lint rules; this proves they fire, so deleting one breaks the build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

const eslint = new ESLint();
async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

test('engine/ may not import Electron', async () => {
  assert.ok((await ruleIds("import { app } from 'electron';\nexport const a = app;\n", 'engine/cli/x.ts')).includes('no-restricted-imports'));
});

test('engine/ may not import the renderer', async () => {
  assert.ok((await ruleIds("import { x } from '../../renderer/app.js';\nexport const a = x;\n", 'engine/cli/x.ts')).includes('no-restricted-imports'));
});

test('the renderer may import engine/contract but not engine internals', async () => {
  assert.deepEqual(await ruleIds("import type { Incident } from '../engine/contract/incident.js';\nexport type A = Incident;\n", 'renderer/x.ts'), []);
  assert.ok((await ruleIds("import { runField } from '../engine/agents/field/index.js';\nexport const a = runField;\n", 'renderer/x.ts')).includes('no-restricted-imports'));
});

test('engine/contract stays pure', async () => {
  assert.ok((await ruleIds("import { openStore } from '../store/db.js';\nexport const a = openStore;\n", 'engine/contract/x.ts')).includes('no-restricted-imports'));
});

test('the serving thread (orchestrator, server, CLI) may not call an agent directly', async () => {
  assert.ok((await ruleIds("import { runField } from '../agents/field/index.js';\nexport const a = runField;\n", 'engine/server/x.ts')).includes('no-restricted-imports'));
  assert.deepEqual(await ruleIds("import { runField } from '../agents/field/index.js';\nexport const a = runField;\n", 'engine/orchestrator/agentTasks.ts'), []);
});
