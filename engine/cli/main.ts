// `safe-edge`: the engine from the command line. Results go to stdout (one JSON object per line, in
// input order, or a readable briefing with --format text); logs go to stderr.
import { Command, Option } from 'commander';
import { createReadStream, openSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { idempotencyKeySchema, type OperationArgs } from '../contract/operations.js';
import { modelChoiceSchema, type ModelChoice } from '../contract/result.js';
import { ERROR_CODES, SafeError, toErrorBody } from '../contract/errors.js';
import { SUBSTANCES } from '../contract/substances.js';
import { configSchema, resolveConfig, type EngineConfig } from '../config.js';
import { startEngine } from '../bootstrap.js';
import { formatBriefing } from '../report/briefing.js';
import { buildServer } from '../server/app.js';
import { ENGINE_VERSION } from '../engineVersion.js';
import { loadOrCreateTokens } from '../server/apiToken.js';
import { LOOPBACK_HOST_NAMES, assertServable, hostHeaderName, isLoopbackHost, servedHostNames, servesTls } from '../server/servedAddresses.js';
import { loadOrCreateCertificate } from '../server/tlsCertificate.js';
import { openDatabase, quickCheck, summariseFindings } from '../store/database.js';
import { readInputLines, type InputLine } from './readIncidents.js';
import { analyzeBatch } from './analyzeBatch.js';
import { addOperationCommands, kebab } from './operationCommands.js';
import { wholeNumberOption } from './numberOption.js';
import { backupDatabase, checkDatabase, databaseStats, restoreAdvice, restoreDatabase, vacuumDatabase } from '../store/maintenance.js';
import { adviseIndexes } from '../store/indexAdvisor.js';
import { STORE_QUERIES } from '../store/analysisStore.js';
import { loadAlertRules } from '../monitoring/alerts/rules.js';
import { exportPrometheusRules } from '../monitoring/alerts/prometheus.js';
import { writeSupportBundle } from './supportBundle.js';

/** The analyse operations' argument the `--idempotency-key` flag carries (engine/contract/operations.ts). */
const IDEMPOTENCY_KEY_ARG = 'idempotencyKey' satisfies keyof OperationArgs<'analyze'>;

interface CommonOptions { dataDir?: string; modelsDir?: string; workers?: number }

/** The flags every command shares, as configuration overrides (they win over the environment). */
function overridesFrom(options: CommonOptions, extra: Partial<EngineConfig> = {}): Partial<EngineConfig> {
  return { dataDir: options.dataDir, modelsDir: options.modelsDir, workers: options.workers, ...extra };
}

const configFrom = (options: CommonOptions, extra: Partial<EngineConfig> = {}): EngineConfig => resolveConfig(overridesFrom(options, extra));

const withCommon = (command: Command) => command
  .option('--data-dir <dir>', 'where the database and API token live (default: OS data directory; env SAFE_EDGE_DATA_DIR)')
  .option('--models-dir <dir>', 'model repository (default: the shipped models/; env SAFE_EDGE_MODELS_DIR)')
  .option('--workers <n>', `agent worker threads (default: ${availableParallelism()}, the number of cores)`, wholeNumberOption('--workers', configSchema.shape.workers));

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

async function serveCommand(options: CommonOptions & { host: string; port: number; token: boolean; tls: boolean }): Promise<void> {
  const overrides = overridesFrom(options, { host: options.host, port: options.port, requireToken: options.token, tls: options.tls });
  // Refused, or the certificate refused, before any worker starts (docs/hardening.md#lan): off loopback
  // the token is required and TLS is on.
  const planned = resolveConfig(overrides);
  assertServable(planned.host, planned.requireToken);
  const lanNames = isLoopbackHost(planned.host) ? [] : servedHostNames(planned.host);
  const tls = servesTls(planned.host, planned.tls) ? await loadOrCreateCertificate(planned.dataDir, [...lanNames, ...LOOPBACK_HOST_NAMES]) : null;
  const { engine, config, logger } = await startEngine({ host: 'server', overrides });
  const tokens = config.requireToken ? loadOrCreateTokens(config.dataDir) : null;
  const token = tokens?.operator ?? null;
  if (tls?.made) logger.warn('made a new TLS certificate: clients must check its fingerprint before trusting it', { why: tls.made, file: tls.certificateFile, fingerprintSha256: tls.fingerprintSha256 });
  engine.setServedTls(tls && { fingerprintSha256: tls.fingerprintSha256, certificateFile: tls.certificateFile });
  const app = buildServer(engine, { tokens, allowedHosts: lanNames, https: tls });
  await app.listen({ host: config.host, port: config.port });
  const { port } = app.server.address() as AddressInfo;
  const scheme = tls ? 'https' : 'http';
  const addresses = (lanNames.length ? lanNames : [isLoopbackHost(config.host) ? hostHeaderName(config.host) : '127.0.0.1']).map((name) => `${scheme}://${name}:${port}`);
  // The log (stderr, often kept in a file) never carries a token; the address to open, which does, goes to stdout.
  logger.info('SAFE Edge engine listening', { addresses, tokenRequired: token !== null, tlsFingerprintSha256: tls?.fingerprintSha256 ?? null, dataDir: config.dataDir, workers: config.workers, models: engine.health().models });
  process.stdout.write(`\nSAFE Edge is running. Open the app in a browser:\n${addresses.map((a) => `  ${a}/${token ? `#token=${token}` : ''}\n`).join('')}`
    + (tls ? `Certificate SHA-256 fingerprint (check the browser shows the same before trusting it):\n  ${tls.fingerprintSha256}\n` : '') + '\n');
  if (token === null) logger.warn('API token check is disabled (--no-token): any local program can use this engine');
  const stop = async () => {
    await app.close();
    await engine.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function dbCommand(action: string, file: string | undefined, options: CommonOptions & { json: boolean }): Promise<number> {
  const config = configFrom(options);
  const print = (value: unknown, text: string) => process.stdout.write(options.json ? JSON.stringify(value, null, 2) + '\n' : text + '\n');
  if (action === 'restore') {
    if (!file) throw new SafeError(ERROR_CODES.INVALID_FIELD, 'db restore needs the backup FILE', 'file');
    restoreDatabase(config.dataDir, file);
    print({ restored: file }, `restored ${file} into ${config.dataDir}`);
    return 0;
  }
  const db = openDatabase(config.dataDir);
  try {
    switch (action) {
      case 'stats': { const s = databaseStats(db, config.dataDir); print(s, Object.entries(s).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join('\n')); return 0; }
      case 'check': { const r = checkDatabase(db); print(r, r.join('\n')); return r[0] === 'ok' ? 0 : 1; }
      case 'backup': {
        if (!file) throw new SafeError(ERROR_CODES.INVALID_FIELD, 'db backup needs a target FILE', 'file');
        const r = await backupDatabase(db, file); print(r, `backed up to ${r.file} (${r.bytes} bytes)`); return 0;
      }
      case 'vacuum': {
        // VACUUM rewrites every page: never over damage, which it would make permanent (docs/hardening.md#integrity).
        const found = quickCheck(db);
        if (found[0] !== 'ok') throw new SafeError(ERROR_CODES.DATABASE_DAMAGED, `not vacuumed: the database is damaged (${summariseFindings(found)}); ${restoreAdvice(config.dataDir).advice}`);
        const r = vacuumDatabase(db); print(r, `vacuumed: ${r.beforeBytes} → ${r.afterBytes} bytes`); return 0;
      }
      case 'advise': {
        const advice = adviseIndexes(db, STORE_QUERIES);
        print(advice, advice.map((a) => `${a.query}: ${a.fullScans.length ? `FULL SCAN (${a.fullScans.join('; ')}) → ${a.suggestion}` : `ok (${a.plan.join('; ')})`}`).join('\n'));
        return advice.some((a) => a.fullScans.length) ? 1 : 0;
      }
      default: throw new SafeError(ERROR_CODES.INVALID_FIELD, `unknown db action ${action}: use stats, check, backup FILE, restore FILE, vacuum or advise`, 'action');
    }
  } finally {
    db.close();
  }
}

export function buildCli(): Command {
  const program = new Command('safe-edge').description('SAFE Edge: offline multi-agent incident analysis').version(ENGINE_VERSION);
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
  withCommon(program.command('serve').description('serve the local HTTP API')
    .option('--host <host>', 'interface to bind; any address but 127.0.0.1, ::1 and localhost is served over TLS and needs the token', '127.0.0.1')
    .option('--port <port>', 'TCP port', wholeNumberOption('--port', configSchema.shape.port), 8787)
    .option('--no-token', 'do not require the per-install API token (loopback only; closed single-user machines)')
    .option('--tls', 'serve HTTPS on loopback too (always on for other addresses)', false))
    .action(serveCommand);
  // Before the operations' commands: `db purge` (from the table) is a subcommand of it.
  withCommon(program.command('db').argument('<action>', 'stats | check | backup FILE | restore FILE | vacuum | advise (and purge: safe-edge db purge --help)').argument('[file]')
    .description('database maintenance (restore needs the engine stopped)').option('--json', 'JSON', false))
    .action(async (action, file, options) => { process.exitCode = await dbCommand(action, file, options); });
  // history, show, models, about, db purge: derived from the operations table.
  addOperationCommands(program, withCommon, (options) => overridesFrom(options as CommonOptions));
  withCommon(program.command('config').description('print the effective configuration')).action((options) => {
    process.stdout.write(JSON.stringify(configFrom(options), null, 2) + '\n');
  });
  withCommon(program.command('support-bundle').argument('<out>', 'the JSON file to write')
    .description('write one JSON file for IT: versions, configuration, health, models, device health, alerts, database size; never incidents or tokens'))
    .action(async (out: string, options: CommonOptions) => {
      await writeSupportBundle(out, overridesFrom(options));
      process.stdout.write(`wrote ${out}\n`);
    });
  program.command('alerts').argument('<action>', 'export: the device-health alert rules as a Prometheus rules file (docs/alerts.md)')
    .option('--rules <file>', 'alert rules YAML (default: engine/monitoring/rules.yaml)')
    .action((action: string, options: { rules?: string }) => {
      if (action !== 'export') throw new SafeError(ERROR_CODES.INVALID_FIELD, `unknown alerts action ${action}: use export`, 'action');
      process.stdout.write(exportPrometheusRules(loadAlertRules(options.rules)));
    });
  program.command('substances').description('the substance table (AEGL 60-min ppm, LEL/UEL %vol, UN number, ERG guide)').action(() => {
    const v = (x: number | null) => (x === null ? '-' : String(x));
    for (const s of SUBSTANCES) {
      process.stdout.write(`${s.key.padEnd(18)} ${s.nameZh}\t${s.formula}\tM=${v(s.molarMassGPerMol)}\t${s.hazards}\tAEGL-1/2/3 = ${v(s.aeglPpm['AEGL-1'])}/${v(s.aeglPpm['AEGL-2'])}/${v(s.aeglPpm['AEGL-3'])} ppm`
        + `\tLEL/UEL = ${v(s.lelPctVol)}/${v(s.uelPctVol)} %\tUN ${s.unNumbers.join(',')}\tERG ${s.erg ? `${s.erg.edition} guide ${s.erg.guide}${s.erg.table1 ? ' (Table 1)' : ''}` : '-'}\n`);
    }
  });
  return program;
}

/** How long a failed command may take to exit by itself once it has said why, before it is made to. */
export const FAILED_EXIT_BOUND_MS = 5000;

/** Runs the CLI; errors print as `CODE: message` on stderr with exit code 2. */
export async function runCli(argv: string[] = process.argv): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (err) {
    const body = toErrorBody(err, ERROR_CODES.INTERNAL);
    process.stderr.write(`${body.code}: ${body.message}\n`);
    process.exitCode = 2;
    // A failed start closes what it started (engine.ts); should anything still hold the process open, it
    // exits anyway: a failure never hangs (docs/hardening.md#integrity). Unref'd: it waits for nothing.
    setTimeout(() => process.exit(2), FAILED_EXIT_BOUND_MS).unref();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void runCli();
