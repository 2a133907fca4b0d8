// `safe-edge`: the engine from the command line. Results go to stdout (one JSON object per line, in
// input order, or a readable briefing with --format text); logs go to stderr. `analyze` is defined in
// analyzeCommand.ts, which bin/safe-edge.js also runs alone (analyzeMain.ts).
import type { Command } from 'commander';
import type { AddressInfo } from 'node:net';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import { SUBSTANCES } from '../contract/substances.js';
import { configSchema, resolveConfig } from '../config.js';
import { startEngine } from '../bootstrap.js';
import { buildServer } from '../server/app.js';
import { loadOrCreateTokens } from '../server/apiToken.js';
import { LOOPBACK_HOST_NAMES, assertServable, hostHeaderName, isLoopbackHost, servedHostNames, servesTls } from '../server/servedAddresses.js';
import { loadOrCreateCertificate } from '../server/tlsCertificate.js';
import { openDatabase, quickCheck, summariseFindings } from '../store/database.js';
import { addOperationCommands } from './operationCommands.js';
import { addAnalyzeCommand } from './analyzeCommand.js';
import { cliProgram, configFrom, overridesFrom, runProgram, withCommon, type CommonOptions } from './program.js';
import { wholeNumberOption } from './numberOption.js';
import { backupDatabase, checkDatabase, databaseStats, restoreAdvice, restoreDatabase, vacuumDatabase } from '../store/maintenance.js';
import { adviseIndexes } from '../store/indexAdvisor.js';
import { STORE_QUERIES } from '../store/analysisStore.js';
import { loadAlertRules } from '../monitoring/alerts/rules.js';
import { exportPrometheusRules } from '../monitoring/alerts/prometheus.js';
import { writeSupportBundle } from './supportBundle.js';

export { EXIT_NOT_SAVED } from './analyzeCommand.js';
export { FAILED_EXIT_BOUND_MS } from './program.js';

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
  const program = cliProgram();
  addAnalyzeCommand(program);
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

/** Runs the CLI; errors print as `CODE: message` on stderr with exit code 2. */
export async function runCli(argv: string[] = process.argv): Promise<void> {
  await runProgram(buildCli(), argv);
}

if (import.meta.url === `file://${process.argv[1]}`) void runCli();
