// `safe-edge analyze` alone: bin/safe-edge.js loads this program for that command, and main.ts for every
// other. Same name, version, flags and error handling as the full CLI (program.ts, analyzeCommand.ts), without
// loading the other commands' code before the engine starts (docs/performance.md, cold start).
import type { Command } from 'commander';
import { addAnalyzeCommand } from './analyzeCommand.js';
import { cliProgram, runProgram } from './program.js';

/** The program with `analyze` as its only command. */
export function buildAnalyzeCli(): Command {
  const program = cliProgram();
  addAnalyzeCommand(program);
  return program;
}

/** Runs `safe-edge analyze …`; errors print as `CODE: message` on stderr with exit code 2. */
export async function runAnalyzeCli(argv: string[] = process.argv): Promise<void> {
  await runProgram(buildAnalyzeCli(), argv);
}
