// The layering rules are lint rules (eslint.config.js); this proves each one fires on a file of its layer and
// lets the allowed case through, so deleting or loosening a rule breaks the build. It also walks engine/'s and
// training/'s import graph for cycles and checks that packaging leaves training/ out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { minimatch } from 'minimatch';
import ts from 'typescript';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

type Finding = { ruleId: string | null; message: string };
async function lint(code: string, filePath: string): Promise<Finding[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  return (result?.messages ?? []).map((m) => ({ ruleId: m.ruleId, message: m.message }));
}
/** `code` in `filePath` breaks the rule whose message contains `because`. */
async function fails(code: string, filePath: string, because: string, ruleId = 'no-restricted-imports') {
  const found = await lint(code, filePath);
  assert.ok(found.some((f) => f.ruleId === ruleId && f.message.includes(because)), `${filePath}: ${code}\nexpected ${ruleId} "${because}", got ${JSON.stringify(found)}`);
}
async function passes(code: string, filePath: string) {
  assert.deepEqual(await lint(code, filePath), [], `${filePath}: ${code}`);
}
const use = (specifier: string, name = 'x') => `import { ${name} } from '${specifier}';\nexport const a = ${name};\n`;
const useType = (specifier: string, name = 'X') => `import type { ${name} } from '${specifier}';\nexport type A = ${name};\n`;

test('agents never import onnxruntime-node; only engine/inference/ does', async () => {
  const ort = "import * as ort from 'onnxruntime-node';\nexport const a = ort;\n";
  await fails(ort, 'engine/agents/strategist/classifier/x.ts', 'only engine/inference/ runs models');
  await fails(ort, 'engine/agents/field/surrogate/x.test.ts', 'only engine/inference/ runs models');
  await fails(ort, 'engine/orchestrator/agentTasks.ts', 'only engine/inference/ runs models');
  await fails(ort, 'engine/server/x.ts', 'only engine/inference/ runs models');
  await passes(ort, 'engine/inference/x.ts');
});

test('an agent uses another agent only through engine/agents/common or engine/knowledge', async () => {
  const other = "another agent's code only through engine/agents/common";
  await fails(use('../strategist/index.js', 'PRIORITY_WEIGHTS'), 'engine/agents/executor/index.ts', other);
  await fails(use('../field/quake/intensity.js', 'radiusForIntensityKm'), 'engine/agents/awareness/index.ts', other);
  await fails(use('../../awareness/index.js', 'runAwareness'), 'engine/agents/field/quake/x.ts', other);
  await fails(use('../../agents/field/index.js', 'runField'), 'engine/agents/executor/x.ts', other);
  await fails(useType('../strategist/classifier/incidentClassifier.js', 'TypeScores'), 'engine/agents/executor/x.ts', other);
  await fails(use('../field/index.js', 'runField'), 'engine/agents/common/x.ts', 'it imports no agent');
  await passes(use('../common/quakeIntensity.js', 'radiusForIntensityKm'), 'engine/agents/awareness/index.ts');
  await passes(use('../../common/quakeIntensity.js', 'intensityAt'), 'engine/agents/field/quake/index.ts');
  await passes(use('../../knowledge/priorityWeights.js', 'PRIORITY_WEIGHTS'), 'engine/agents/executor/index.ts');
  await passes(use('../surrogate/ensemble.js', 'ENSEMBLE_MEMBERS'), 'engine/agents/field/plume/x.ts');
  await passes(use('./sensorTrends.js', 'analyseSensor'), 'engine/agents/awareness/x.ts');
  // Tests may compose agents (the executor's tests run the whole chain).
  await passes(use('../strategist/index.js', 'strategize'), 'engine/agents/executor/x.test.ts');
});

test('agents import only contract, knowledge, numeric, inference, agents/common and their own files', async () => {
  const layers = 'agents import only engine/{contract,knowledge,numeric,inference}';
  await fails(use('../../store/database.js'), 'engine/agents/field/x.ts', layers);
  await fails(use('../../../orchestrator/workerPool.js'), 'engine/agents/strategist/classifier/x.ts', layers);
  await fails(use('../../config.js', 'resolveConfig'), 'engine/agents/awareness/x.ts', layers);
  await fails(use('../../logging.js', 'createLogger'), 'engine/agents/common/x.ts', layers);
  await passes(use('../../contract/taxonomy.js', 'INCIDENT_TYPES'), 'engine/agents/field/x.ts');
  await passes(use('../../numeric/stats.js', 'median'), 'engine/agents/awareness/x.ts');
  await passes(use('../../../inference/inferenceCore.js', 'preloadModel'), 'engine/agents/strategist/classifier/x.ts');
});

test('engine/contract stays pure: zod and its own files, no Node built-ins', async () => {
  const pure = 'engine/contract is pure';
  await fails(use('../store/database.js', 'openStore'), 'engine/contract/x.ts', pure);
  await fails(use('node:fs', 'readFileSync'), 'engine/contract/x.ts', pure);
  await fails(use('node:crypto', 'createHash'), 'engine/contract/x.ts', pure);
  await fails(use('fs', 'readFileSync'), 'engine/contract/x.ts', pure);
  await fails(use('path', 'join'), 'engine/contract/x.ts', pure);
  await fails(use('crypto', 'randomUUID'), 'engine/contract/x.ts', pure);
  await fails(use('fastify', 'fastify'), 'engine/contract/x.ts', pure);
  await fails(use('electron', 'app'), 'engine/contract/x.ts', pure);
  await passes(use('zod', 'z'), 'engine/contract/x.ts');
  await passes(use('zod/v4', 'z'), 'engine/contract/x.ts');
  await passes(use('./taxonomy.js', 'INCIDENT_TYPES'), 'engine/contract/x.ts');
});

test('the serving side (server, CLI, host, store, cache, orchestrator, top-level files, …) never imports an agent', async () => {
  const workers = 'agents run in worker threads';
  for (const file of ['engine/server/x.ts', 'engine/cli/x.ts', 'engine/host/x.ts', 'engine/store/x.ts', 'engine/cache/x.ts', 'engine/orchestrator/orchestrator.ts',
    'engine/report/x.ts', 'engine/metrics/x.ts', 'engine/monitoring/alerts/x.ts', 'engine/inference/x.ts', 'engine/knowledge/x.ts']) {
    await fails(use('../agents/field/index.js', 'runField'), file, workers);
  }
  for (const file of ['engine/engine.ts', 'engine/engineViews.ts', 'engine/config.ts', 'engine/newTopLevel.ts']) {
    await fails(use('./agents/strategist/index.js', 'strategize'), file, workers);
  }
  await fails(useType('../agents/field/index.js', 'FieldSurrogates'), 'engine/orchestrator/workerPool.ts', workers);
  // The worker side runs the agents: the serving side takes only its types.
  await fails(use('./agentTasks.js', 'runAgentTask'), 'engine/orchestrator/orchestrator.ts', 'the worker side runs the agents', '@typescript-eslint/no-restricted-imports');
  await passes(useType('./agentTasks.js', 'AgentInput'), 'engine/orchestrator/orchestrator.ts');
  await passes(use('../agents/field/index.js', 'runField'), 'engine/orchestrator/agentTasks.ts');
  await passes(use('../../agents/field/index.js', 'runField'), 'engine/orchestrator/testing/x.ts');
  await passes(use('../agents/field/index.js', 'runField'), 'engine/inference/x.test.ts');
});

test('engine/ runtime code imports statically, so the rules see every import', async () => {
  const statically = 'engine/ imports statically';
  await fails("export const load = () => import('../agents/field/index.js');\n", 'engine/server/x.ts', statically, 'no-restricted-syntax');
  await fails("export type T = import('../agents/field/index.js').FieldSurrogates;\n", 'engine/server/x.ts', statically, 'no-restricted-syntax');
  await fails("import x = require('../agents/field/index.js');\nexport const a = x;\n", 'engine/server/x.ts', statically, 'no-restricted-syntax');
  await passes("export const load = () => import('../orchestrator/orchestrator.js');\n", 'engine/server/x.test.ts');
});

test('nothing under engine/ imports training/; training/ may import the engine', async () => {
  const buildTime = 'training/ is build-time code';
  await fails(use('../../training/corpus/generateCorpus.js', 'generateCorpus'), 'engine/inference/x.ts', buildTime);
  await fails(use('../../../training/buildModels.js', 'buildIncidentClassifier'), 'engine/agents/strategist/classifier/x.test.ts', buildTime);
  await fails(use('../training/buildModels.js'), 'engine/engine.ts', buildTime);
  await fails(use('../training/sensorFaults.js'), 'engine/orchestrator/agentTasks.ts', buildTime);
  await fails(use('../../training/mlpExport.js'), 'engine/contract/x.ts', 'engine/contract is pure');
  await passes(use('../engine/agents/field/index.js', 'runField'), 'training/x.ts');
  await passes(use('../engine/inference/modelRepository.js', 'DEFAULT_MODELS_DIR'), 'training/corpus/x.ts');
  await passes(use('../training/plumeSurrogate.js', 'samplePlumeCases'), 'bench/x.ts');
});

test("update-server/ is IT's own app: it uses only engine/contract, and the engine never imports it", async () => {
  const contractOnly = 'update-server/ uses the engine only through engine/contract';
  await fails(use('../../engine/store/database.js', 'openDatabase'), 'update-server/server/x.ts', contractOnly);
  await fails(use('../engine/updates/modelUpdater.js', 'ModelUpdater'), 'update-server/x.ts', contractOnly);
  await fails(use('../../training/buildModels.js', 'SURROGATE_BUILDS'), 'update-server/channel/x.ts', 'no training code, UI or app shell');
  await passes(use('../../engine/contract/modelChannel.js', 'modelTargetPath'), 'update-server/channel/x.ts');
  const never = "update-server/ is IT's own app";
  await fails(use('../../update-server/channel/channelRepository.js', 'ChannelRepository'), 'engine/updates/x.ts', never);
  await fails(use('../update-server/server/app.js', 'buildUpdateServer'), 'engine/engine.ts', never);
  await fails(use('../../update-server/channel/keys.js', 'loadRoleKeys'), 'engine/inference/x.ts', never);
  // Its tests sign channels with the channel tools, to attack the client with them.
  await passes(use('../../update-server/channel/channelRepository.js', 'ChannelRepository'), 'engine/updates/x.test.ts');
});

test('engine/ and training/ never import Electron or the UI', async () => {
  await fails(use('electron', 'app'), 'engine/cli/x.ts', 'never import Electron');
  await fails(use('electron/main', 'app'), 'engine/agents/field/x.ts', 'never import Electron');
  await fails(use('../../renderer/app.js'), 'engine/cli/x.ts', 'must not import the app shell or the UI');
  await fails(use('../../electron/main.js'), 'engine/host/x.ts', 'must not import the app shell or the UI');
  await fails(use('electron', 'app'), 'training/x.ts', 'training/ is build-time Node code');
  await fails(use('../renderer/src/app.js'), 'training/x.ts', 'training/ is build-time Node code');
});

test('the renderer and the shell reach the engine only through engine/contract, never training/', async () => {
  await passes(useType('../engine/contract/incident.js', 'Incident'), 'renderer/x.ts');
  await fails(use('../engine/agents/field/index.js', 'runField'), 'renderer/x.ts', 'only through engine/contract');
  await fails(use('../training/corpus/generateCorpus.js', 'generateCorpus'), 'renderer/x.ts', 'training/ is build-time code');
  await fails(use('node:fs', 'readFileSync'), 'renderer/src/x.ts', 'no Electron or Node imports');
  await passes(useType('../engine/contract/ipc.js', 'IpcApi'), 'electron/x.ts');
  await fails(use('../engine/orchestrator/orchestrator.js', 'Orchestrator'), 'electron/x.ts', 'only through engine/contract');
  await fails(use('../../training/buildModels.js'), 'electron/app/x.ts', 'training/ is build-time code');
  await fails(use('../renderer/src/app.js'), 'electron/x.ts', 'must not import the UI');
});

// ---- import cycles -------------------------------------------------------------------------------------

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.[cm]?ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every relative import of each file (static, type-only, re-export, dynamic, `import('…').T`), resolved to a
 *  source file of the graph. */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  return new Map(files.map((file) => {
    const specifiers = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
    const targets = specifiers.filter((s) => s.startsWith('.'))
      .map((s) => resolve(dirname(file), s).replace(/\.js$/, '.ts').replace(/\.mjs$/, '.mts').replace(/\.cjs$/, '.cts'))
      .flatMap((t) => (known.has(t) ? [t] : known.has(join(t, 'index.ts')) ? [join(t, 'index.ts')] : []));
    return [file, [...new Set(targets)]];
  }));
}

/** The import cycles of a graph, one per strongly connected component of two or more files (or a self-import). */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>(), low = new Map<string, number>(), stack: string[] = [], onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (v: string) => { // Tarjan's strongly connected components
    index.set(v, next); low.set(v, next); next++;
    stack.push(v); onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do { w = stack.pop()!; onStack.delete(w); component.push(w); } while (w !== v);
      if (component.length > 1 || graph.get(v)?.includes(v)) cycles.push(component.reverse());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

test('the cycle check finds a cycle, also one made of type-only or dynamic imports', () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-cycles-'));
  writeFileSync(join(dir, 'a.ts'), "import type { B } from './b.js';\nexport type A = B;\n");
  writeFileSync(join(dir, 'b.ts'), "import { c } from './c.js';\nexport type B = number;\nexport const b = c;\n");
  writeFileSync(join(dir, 'c.ts'), "export const c = 1;\nexport const load = () => import('./a.js');\n");
  writeFileSync(join(dir, 'd.ts'), "// import { a } from './a.js'\nexport const d = \"import { b } from './b.js'\";\n");
  const cycles = importCycles(importGraph(sourceFiles(dir)));
  assert.deepEqual(cycles.map((c) => c.map((f) => relative(dir, f)).sort()), [['a.ts', 'b.ts', 'c.ts']]);
  assert.deepEqual(importCycles(new Map([['x', ['y']], ['y', []]])), []);
});

test('engine/, training/ and update-server/ have no import cycles', () => {
  const files = ['engine', 'training', 'update-server'].flatMap((d) => sourceFiles(join(ROOT, d)));
  assert.ok(files.length > 100, 'the sources were found');
  const cycles = importCycles(importGraph(files));
  assert.deepEqual(cycles.map((c) => c.map((f) => relative(ROOT, f))), []);
});

test('no file under engine/, tests included, imports training/, not even dynamically', () => {
  const graph = importGraph(['engine', 'training'].flatMap((d) => sourceFiles(join(ROOT, d))));
  const training = join(ROOT, 'training');
  const edges = [...graph].flatMap(([from, to]) => (from.startsWith(join(ROOT, 'engine')) ? to.filter((t) => t.startsWith(training)).map((t) => `${relative(ROOT, from)} -> ${relative(ROOT, t)}`) : []));
  assert.deepEqual(edges, []);
});

// ---- packaging ---------------------------------------------------------------------------------------

test('the packaged app ships dist/engine but not dist/training', () => {
  const { files } = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as { files: string[] };
  const included = (file: string) => {
    let keep = false;
    for (const p of files) keep = p.startsWith('!') ? (minimatch(file, p.slice(1), { dot: true }) ? false : keep) : keep || minimatch(file, p, { dot: true });
    return keep;
  };
  assert.equal(included('dist/engine/engine.js'), true);
  assert.equal(included('dist/engine/agents/field/index.js'), true);
  // dist/engine/training/ too: a build from before the move leaves it behind in dist/.
  // Nor IT's update server and channel tools: a laptop verifies channels, it never signs them.
  for (const file of ['dist/training/buildModels.js', 'dist/training/corpus/generateCorpus.js', 'dist/engine/training/buildModels.js', 'dist/update-server/cli.js']) {
    assert.equal(included(file), false, `${file} is not packed`);
  }
  assert.ok(existsSync(join(ROOT, 'training', 'buildModels.ts')) && !existsSync(join(ROOT, 'engine', 'training')), 'the build-time code lives in training/');
});
