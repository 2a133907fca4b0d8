// Lint = typescript-eslint's recommended rules plus the layering rules that keep the architecture honest.
// Each layer's allow-list (test/layering.test.ts proves every rule fires, so deleting one breaks the build):
//
//   engine/contract         zod and its own files: no Node built-ins, no other engine code (the UI shares it)
//   engine/agents/<agent>   engine/{contract,knowledge,numeric,inference}, engine/agents/common and its own
//                           files: never another agent's code, never onnxruntime-node, never the serving side
//   engine/agents/common    what an agent may import, but no agent: the one place agents share code through
//   engine/inference        anything in engine/ but agents; the only place onnxruntime-node is imported
//   worker side             orchestrator/agentTasks.ts, agentWorker.ts, agentWorkerMain.ts (and testing/), and
//                           updates/gateWorker.ts (the model gate runs the agents' model wrappers): agents
//   the rest of engine/     (server, cli, host, store, cache, orchestrator, report, metrics, monitoring, knowledge, numeric,
//                           the top-level files) anything in engine/ but agents; the worker side for types only
//   all of engine/          never Electron, the UI, or training/ (build time, not shipped); runtime code imports
//                           statically, so these rules see every import
//   update-server/          engine/contract only (IT's own app); engine/ never imports it (its tests may, to sign channels)
//   training/               engine/ (build time may use anything), never Electron or the UI
//   electron/, renderer/    engine/contract only, never training/; the renderer no Node or Electron
//
// Tests may import across agents (executor.test.ts runs the whole S→A→F→E chain) and run agents on the
// worker side; the Electron, UI, onnxruntime and training rules hold for them too. No import cycles in
// engine/ or training/: test/layering.test.ts walks the import graph.
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

const entries = (dir) => readdirSync(new URL(dir, import.meta.url), { withFileTypes: true });
/** engine/'s top-level folders and files (modules reached as `…/config.js`), and the agents. */
const ENGINE_DIRS = entries('./engine').filter((e) => e.isDirectory()).map((e) => e.name);
const ENGINE_FILES = entries('./engine').filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')).map((e) => e.name.slice(0, -3));
const AGENTS = entries('./engine/agents').filter((e) => e.isDirectory() && e.name !== 'common').map((e) => e.name);
const AGENT_MAY_IMPORT = ['contract', 'knowledge', 'numeric', 'inference', 'agents'];
const WORKER_SIDE = ['engine/orchestrator/agentTasks.ts', 'engine/orchestrator/agentWorker.ts', 'engine/orchestrator/agentWorkerMain.ts', 'engine/orchestrator/testing/**', 'engine/updates/gateWorker.ts'];
const TESTS = ['**/*.test.ts'];

/** A specifier with a path segment named one of `names` (engine's folder names are unique in engine/). */
const segment = (names) => `(^|/)(${names.join('|')})(/|$)`;

const noElectron = [
  { regex: '^electron(/|$)', message: 'engine/ runs under plain Node: never import Electron.' },
  { group: ['**/renderer/**', '**/electron/**'], message: 'engine/ must not import the app shell or the UI.' },
];
const noTraining = { regex: segment(['training']), message: 'training/ is build-time code the app does not ship: engine/ never imports it.' };
const noUpdateServer = { regex: segment(['update-server']), message: 'update-server/ is IT\'s own app (channel signing, the fleet server): the engine never imports it.' };
const noOnnxruntime = { regex: '^onnxruntime-', message: 'only engine/inference/ runs models: use its inference core, never onnxruntime directly.' };
const noAgents = { regex: segment(['agents']), message: 'agents run in worker threads (orchestrator/agentTasks.ts); the serving side and the layers below the agents never import them.' };
const agentLayers = [
  { regex: segment(ENGINE_DIRS.filter((d) => !AGENT_MAY_IMPORT.includes(d))), message: 'agents import only engine/{contract,knowledge,numeric,inference}, engine/agents/common and their own files.' },
  { regex: `^(\\.\\./)+(${ENGINE_FILES.join('|')})\\.js$`, message: 'agents import only engine/{contract,knowledge,numeric,inference}, engine/agents/common and their own files.' },
];
const otherAgents = (agent) => ({ regex: segment(AGENTS.filter((a) => a !== agent)), message: `engine/agents/${agent} uses another agent's code only through engine/agents/common (or engine/knowledge).` });
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const engineBase = [...noElectron, noTraining];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'models/**', 'coverage/**', 'release/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Later blocks override earlier ones for a file, so each lists its layer's full set of restrictions.
  {
    files: ['engine/**/*.ts'],
    rules: restrict([...engineBase, noOnnxruntime]),
  },
  {
    files: ['engine/**/*.ts'],
    ignores: TESTS,
    rules: restrict([...engineBase, noOnnxruntime, noUpdateServer]),
  },
  {
    files: ['engine/**/*.ts'],
    ignores: ['engine/agents/**', ...WORKER_SIDE, ...TESTS],
    rules: {
      ...restrict([...engineBase, noOnnxruntime, noAgents, noUpdateServer]),
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{
        regex: '(^|/)agent(Tasks|Worker|WorkerMain)(\\.js)?$', allowTypeImports: true,
        message: 'the worker side runs the agents: the serving side may import its types, never its code.',
      }] }],
    },
  },
  {
    files: ['engine/inference/**/*.ts'],
    rules: restrict(engineBase),
  },
  {
    files: ['engine/inference/**/*.ts'],
    ignores: TESTS,
    rules: restrict([...engineBase, noAgents, noUpdateServer]),
  },
  ...AGENTS.map((agent) => ({
    files: [`engine/agents/${agent}/**/*.ts`],
    ignores: TESTS,
    rules: restrict([...engineBase, noOnnxruntime, otherAgents(agent), ...agentLayers]),
  })),
  {
    files: ['engine/agents/common/**/*.ts'],
    rules: restrict([...engineBase, noOnnxruntime, { regex: segment(AGENTS), message: 'engine/agents/common is what agents share: it imports no agent.' }, ...agentLayers]),
  },
  {
    files: ['engine/contract/**/*.ts'],
    rules: restrict([{ regex: '^(?!zod(/|$)|\\./)', message: 'engine/contract is pure and shared with the UI: it imports only zod and its own files (no Node built-ins).' }]),
  },
  {
    // Every import is static, so the rules above see it: no import(), require() or import('…').Type.
    files: ['engine/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-syntax': ['error',
        ...['ImportExpression', 'TSImportType', 'TSExternalModuleReference', "CallExpression[callee.name='require']", "CallExpression[callee.name='createRequire']"]
          .map((selector) => ({ selector, message: 'engine/ imports statically, so the layering rules see every import.' })),
      ],
    },
  },
  {
    // IT's update server is its own app: it shares the engine's contract (the channel's public shape,
    // the error codes) and nothing else of the engine, and never the UI, the shell or training/.
    files: ['update-server/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/engine/**', '!**/engine/contract', '!**/engine/contract/**'], message: 'update-server/ uses the engine only through engine/contract.' },
          { group: ['**/training/**', '**/renderer/**', '**/electron/**', 'electron'], message: 'update-server/ is a server: no training code, UI or app shell.' },
        ],
      }],
    },
  },
  {
    files: ['training/**/*.ts'],
    rules: restrict(noElectron.map((p) => ({ ...p, message: 'training/ is build-time Node code: never Electron or the UI.' }))),
  },
  {
    // The shell is thin: it may use the engine's contract, never its internals, the training code or the UI's code.
    files: ['electron/**/*.{ts,cts}'],
    ignores: ['electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/engine/**', '!**/engine/contract', '!**/engine/contract/**'], message: 'electron/ talks to the engine only through engine/contract (and the utility process).' },
          { group: ['**/training/**'], message: 'training/ is build-time code the app does not ship.' },
          { group: ['**/renderer/**'], message: 'electron/ must not import the UI.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    // Tests run under Node and the Vite config is build tooling: both may use Node's modules.
    ignores: ['renderer/**/*.test.{ts,tsx}', 'renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/engine/**', '!**/engine/contract', '!**/engine/contract/**'], message: 'the renderer talks to the engine only through engine/contract.' },
          { group: ['**/training/**'], message: 'training/ is build-time code the app does not ship.' },
          { group: ['electron', 'node:*'], message: 'the renderer runs sandboxed: no Electron or Node imports.' },
        ],
      }],
    },
  },
);
