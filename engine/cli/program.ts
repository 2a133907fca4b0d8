// What every `safe-edge` program shares: its name and version, the flags every command takes, and how a
// failed command ends. The full CLI (main.ts) and the analyse-only one (analyzeMain.ts) are built from
// these, so `safe-edge analyze` answers the same whichever of the two bin/safe-edge.js loads.
import { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { ERROR_CODES, toErrorBody } from '../contract/errors.js';
import { configSchema, resolveConfig, type EngineConfig } from '../config.js';
import { ENGINE_VERSION } from '../engineVersion.js';
import { wholeNumberOption } from './numberOption.js';

export interface CommonOptions { dataDir?: string; modelsDir?: string; workers?: number }

/** The flags every command shares, as configuration overrides (they win over the environment). */
export function overridesFrom(options: CommonOptions, extra: Partial<EngineConfig> = {}): Partial<EngineConfig> {
  return { dataDir: options.dataDir, modelsDir: options.modelsDir, workers: options.workers, ...extra };
}

export const configFrom = (options: CommonOptions, extra: Partial<EngineConfig> = {}): EngineConfig => resolveConfig(overridesFrom(options, extra));

export const withCommon = (command: Command) => command
  .option('--data-dir <dir>', 'where the database and API token live (default: OS data directory; env SAFE_EDGE_DATA_DIR)')
  .option('--models-dir <dir>', 'model repository (default: the shipped models/; env SAFE_EDGE_MODELS_DIR)')
  .option('--workers <n>', `agent worker threads (default: ${availableParallelism()}, the number of cores)`, wholeNumberOption('--workers', configSchema.shape.workers));

/** A camelCase argument key as its flag's name (idempotencyKey → idempotency-key). */
export const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The program every command hangs from. */
export const cliProgram = (): Command => new Command('safe-edge').description('SAFE Edge: offline multi-agent incident analysis').version(ENGINE_VERSION);

/** How long a failed command may take to exit by itself once it has said why, before it is made to. */
export const FAILED_EXIT_BOUND_MS = 5000;

/** Runs `program`; errors print as `CODE: message` on stderr with exit code 2. */
export async function runProgram(program: Command, argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (err) {
    const body = toErrorBody(err, ERROR_CODES.INTERNAL);
    process.stderr.write(`${body.code}: ${body.message}\n`);
    process.exitCode = 2;
    // A failed start closes what it started (engine.ts); should anything still hold the process open, it
    // exits anyway: a failure never hangs (docs/hardening.md#integrity). Unref'd: it waits for nothing.
    setTimeout(() => process.exit(2), FAILED_EXIT_BOUND_MS).unref();
  }
}
