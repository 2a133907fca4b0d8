// Lint = typescript-eslint's recommended rules plus the layering rules that keep the architecture
// honest: engine/ never reaches for Electron or the UI; the UI reaches the engine only via its contract;
// the thread that serves requests never calls an agent (agents run on worker threads).
import tseslint from 'typescript-eslint';

const noElectron = { name: 'electron', message: 'engine/ runs under plain Node: never import Electron.' };
const engineLayers = [
  { group: ['electron/*'], message: 'engine/ runs under plain Node: never import Electron.' },
  { group: ['**/renderer/**', '**/electron/**'], message: 'engine/ must not import the app shell or the UI.' },
];
const noAgents = { group: ['**/agents/**'], message: 'agents run in worker threads (orchestrator/agentTasks.ts); the serving thread must not call them.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'models/**', 'coverage/**', 'release/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['engine/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: engineLayers }] },
  },
  {
    files: ['engine/orchestrator/**/*.ts', 'engine/server/**/*.ts', 'engine/cli/**/*.ts', 'engine/store/**/*.ts'],
    ignores: ['engine/orchestrator/agentTasks.ts', 'engine/orchestrator/agentWorker.ts', 'engine/orchestrator/agentWorkerMain.ts', 'engine/orchestrator/testing/**', 'engine/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [...engineLayers, noAgents] }] },
  },
  {
    files: ['engine/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'the contract is pure and shared.' }],
        patterns: [{ group: ['../*', '!../contract/*', 'node:*', 'better-sqlite3', 'onnxruntime-node', 'fastify'], message: 'engine/contract is pure: it imports only zod and its own files.' }],
      }],
    },
  },
  {
    // The shell is thin: it may use the engine's contract, never its internals or the UI's code.
    files: ['electron/**/*.{ts,cts}'],
    ignores: ['electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/engine/**', '!**/engine/contract', '!**/engine/contract/**'], message: 'electron/ talks to the engine only through engine/contract (and the utility process).' },
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
          { group: ['electron', 'node:*'], message: 'the renderer runs sandboxed: no Electron or Node imports.' },
        ],
      }],
    },
  },
);
