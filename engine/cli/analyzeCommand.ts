// `safe-edge analyze`: its flags and what it does (docs/cli.md). A module of its own so that the
// analyse-only program (analyzeMain.ts, which bin/safe-edge.js loads for `analyze`) starts without the
// other commands' code: the HTTP server, TLS certificates, maintenance. Loading those before the agent
// workers were even spawned was part of a cold start (docs/performance.md, cold start).
import { Option, type Command } from 'commander';
import { createReadStream, openSync } from 'node:fs';
import { idempotencyKeySchema, type OperationArgs } from '../contract/operations.js';
import { modelChoiceSchema, type ModelChoice } from '../contract/result.js';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import { startEngine } from '../bootstrap.js';
import { formatBriefing } from '../report/briefing.js';
import { readInputLines, type InputLine } from './readIncidents.js';
import { analyzeBatch } from './analyzeBatch.js';
import { kebab, overridesFrom, withCommon, type CommonOptions } from './program.js';

/** The analyse operations' argument the `--idempotency-key` flag carries (engine/contract/operations.ts). */
const IDEMPOTENCY_KEY_ARG = 'idempotencyKey' satisfies keyof OperationArgs<'analyze'>;

/** The input as a stream: a file that cannot be opened is refused before the engine starts. */
function readInput(file: string): AsyncGenerator<InputLine> {
  const what = file === '-' ? 'standard input' : file;
  let source: NodeJS.ReadableStream;
  try {
    source = file === '-' ? process.stdin : createReadStream('', { fd: openSync(file, 'r') });
  } catch (err) {
    throw new SafeError(ERROR_CODES.FILE_UNREADABLE, `cannot read ${what}: ${(err as Error).message}`);
  }
  return readInputLines(source as AsyncIterable<Buffer>, what);
}

/** Each line's idempotency key: the key itself for one incident, KEY/N for line N of a batch, so a batch
 *  run again after a crash answers the lines it already saved instead of saving them twice. The key is
 *  checked before the engine starts; a batch line whose KEY/N is too long is answered with the error. */
function lineKeys(key: string | undefined): (position: number, batch: boolean) => string | undefined {
  if (key === undefined) return () => undefined;
  const check = (sample: string) => {
    const checked = idempotencyKeySchema.safeParse(sample);
    if (!checked.success) throw new SafeError(ERROR_CODES.INVALID_FIELD, `--idempotency-key: ${checked.error.issues[0]?.message ?? 'invalid'} (at most 128 characters with the line number a batch adds)`, 'idempotencyKey');
    return sample;
  };
  check(key);
  return (position, batch) => (batch ? check(`${key}/${position}`) : key);
}

async function analyzeCommand(file: string, options: CommonOptions & { format: 'json' | 'text'; lang?: 'zh' | 'en'; save: boolean; models?: ModelChoice; idempotencyKey?: string }): Promise<number> {
  const keyOf = lineKeys(options.idempotencyKey);
  const lines = readInput(file);
  // One-shot: results go to stdout, so the log stays at warnings unless the environment asks for more.
  const { engine } = await startEngine({ host: 'cli', overrides: overridesFrom(options), defaults: { logLevel: 'warn' } });
  let failed = 0;
  let notSaved = 0;
  try {
    // Bounded by count and by bytes (a 100 000-line file must not overflow the queue, nor a file of large
    // incidents the memory), printed in input order.
    await analyzeBatch(engine, lines, { save: options.save, keyOf, ...(options.models ? { models: options.models } : {}) }, (result) => {
      if (result.status === 'error') failed++;
      // Printed all the same (the commander needs the answer), but never passed off as saved.
      if (result.saveError) {
        notSaved++;
        process.stderr.write(`${result.saveError.code}: ${result.id}: ${result.saveError.message}\n`);
      }
      process.stdout.write(options.format === 'text' ? formatBriefing(result, options.lang) + '\n\n' : JSON.stringify(result) + '\n');
    });
  } finally {
    await engine.close();
  }
  // 3 before 1: a run that was not saved is data the commander may lose (docs/cli.md).
  return notSaved > 0 ? EXIT_NOT_SAVED : failed > 0 ? 1 : 0;
}

/** `analyze`'s exit code when any analysis was printed but not saved (disk full, database locked). */
export const EXIT_NOT_SAVED = 3;

/** Adds `analyze` to `program`. */
export function addAnalyzeCommand(program: Command): void {
  withCommon(program.command('analyze').argument('<file>', 'incident JSON, or JSONL with one incident per line; - reads stdin')
    .description('analyse incidents; prints one JSON result per line in input order')
    .addOption(new Option('--format <format>', 'json lines or a readable ICS-201 briefing').choices(['json', 'text']).default('json'))
    .addOption(new Option('--lang <lang>', 'briefing language (default: the report\'s)').choices(['zh', 'en']))
    .option('--no-save', 'do not record the runs in the history')
    .addOption(new Option('--models <choice>', "which model versions re-run an incident: 'incident' keeps those its first run used, 'live' the live ones (remembered for its next re-runs; default: the incident's last choice, else live; docs/updates.md)")
      .choices(modelChoiceSchema.options))
    // The operations table's idempotencyKey argument (IDEMPOTENCY_KEY_HEADER over HTTP), as a flag.
    .option(`--${kebab(IDEMPOTENCY_KEY_ARG)} <key>`, 'a key for this submission: run again with the same key (after a crash) and the runs it already saved are answered, not made twice; line N of a batch uses KEY/N (docs/hardening.md)'))
    .action(async (file, options) => { process.exitCode = await analyzeCommand(file, options); });
}
