// The `safe-edge` commands that are engine operations (history, show, models, about), derived from the
// operations table: each operation marked `cli` becomes a command whose positional argument and
// `--flags` come from its argument schema, and which calls the operation through the same handlers as
// HTTP and the desktop app, on an engine opened for queries only (no agent workers: quick to start).
// Only how each answer is printed is written here.
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { OPERATIONS, CLI_OPERATIONS, argumentProblem, type CliOperationName, type OperationResult, type OperationSpec } from '../contract/operations.js';
import type { EngineConfig } from '../config.js';
import { startEngine } from '../bootstrap.js';
import { callOperation, operationHandlers } from '../operationHandlers.js';
import { everyFileVerified, type ModelInfo } from '../inference/modelInventory.js';
import { formatBriefing } from '../report/briefing.js';
import { resolveConfig } from '../config.js';
import { servingEngine } from '../store/dataDirLock.js';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import { parseUntrustedJson } from '../contract/untrustedJson.js';
import { kebab } from './program.js';

type Print<K extends CliOperationName> = (value: OperationResult<K>, options: Record<string, unknown>) => number;
/** `prepare`: turns what was typed into the operation's arguments where they differ (a file's path → its contents). */
interface CommandView<K extends CliOperationName> { options?: Option[]; prepare?: (args: Record<string, unknown>) => Record<string, unknown>; print: Print<K> }

const write = (text: string) => process.stdout.write(text);
const json = (value: unknown) => write(JSON.stringify(value, null, 2) + '\n');
const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

/** The held-out figures a manifest records, as a line fragment. */
function formatMetrics(metrics: Record<string, number>): string {
  const parts = [
    metrics.heldOutAccuracy !== undefined && `held-out accuracy ${percent(metrics.heldOutAccuracy)}`,
    metrics.p95RelError !== undefined && `held-out P95 error ${percent(metrics.p95RelError)}`,
    metrics.testPrecision !== undefined && `precision ${percent(metrics.testPrecision)}`,
    metrics.testRecall !== undefined && `recall ${percent(metrics.testRecall)}`,
  ].filter(Boolean);
  return parts.length ? `  ${parts.join(', ')}` : '';
}

function printModels(models: ModelInfo[], options: Record<string, unknown>): number {
  const ok = everyFileVerified(models) ? 0 : 1;
  if (options.json) { json(models); return ok; }
  const state = (verified: boolean | null, error?: { code: string }) => (verified ? 'verified' : `REFUSED (${error?.code})`);
  for (const m of models) {
    write(`${m.name} v${m.version}  ${state(m.verified, m.error)}  sha256 ${m.sha256.slice(0, 16)}…  ${m.bytes} bytes${formatMetrics(m.metrics)}\n`);
    for (const v of m.variants.filter((f) => f.variant !== 'fp32')) {
      write(`  ${v.variant.padEnd(6)} ${state(v.verified, v.error)}  sha256 ${v.sha256.slice(0, 16)}…  ${v.bytes} bytes${formatMetrics(v.metrics)}\n`);
    }
  }
  return ok;
}

/** A JSON file named on the command line, or a SafeError naming the argument. */
function readJsonFile(path: string, argument: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new SafeError(ERROR_CODES.FILE_UNREADABLE, `${argument}: cannot read ${path}: ${(err as Error).message}`, argument);
  }
  return parseUntrustedJson(text, `${argument}: ${path}`);
}

const jsonFlag = () => new Option('--json', 'JSON instead of text').default(false);

/** How each command prints its operation's answer (the compiler asks for one per `cli` operation). */
const VIEWS: { [K in CliOperationName]: CommandView<K> } = {
  about: {
    options: [jsonFlag()],
    print: (about, options) => { if (options.json) json(about); else for (const [k, v] of Object.entries(about)) write(`${k}: ${v}\n`); return 0; },
  },
  runs: {
    options: [new Option('--json', 'one JSON object per run, per line').default(false)],
    print: (runs, options) => {
      if (options.json) { for (const r of runs) write(JSON.stringify(r) + '\n'); return 0; }
      if (runs.length === 0) { write('no analyses yet\n'); return 0; }
      for (const r of runs) {
        write(`${r.createdAt}  ${r.runId.slice(0, 8)}  ${r.incidentId.padEnd(24)} #${r.seq}  ${r.status.padEnd(7)} ${(r.type ?? '-').padEnd(17)} ${r.severity ?? '-'}  ${r.text.slice(0, 40).replace(/\s+/g, ' ')}\n`);
      }
      return 0;
    },
  },
  run: {
    options: [new Option('--format <format>').choices(['json', 'text']).default('text'), new Option('--lang <lang>', 'briefing language (default: the report\'s)').choices(['zh', 'en'])],
    print: (stored, options) => {
      if (options.format === 'json') { write(JSON.stringify({ ...stored.result, changesSincePrevious: stored.changesSincePrevious }) + '\n'); return 0; }
      write(formatBriefing(stored.result, options.lang as 'zh' | 'en' | undefined) + '\n');
      if (stored.run.seq > 1) {
        write(`\nChanges since run #${stored.run.seq - 1}:\n`);
        for (const c of stored.changesSincePrevious) write(`  ${c.what}: ${c.before ?? '—'} → ${c.after ?? '—'}\n`);
        if (!stored.changesSincePrevious.length) write('  none\n');
        if (stored.result.modelChoice === 'incident') write('  this run kept the model versions the incident started with (docs/updates.md)\n');
      }
      return 0;
    },
  },
  exportIncident: { print: (bundle) => { json(bundle); return 0; } },
  purgeIncidents: {
    options: [jsonFlag()],
    print: (r, options) => {
      if (options.json) { json(r); return 0; }
      write(`purged ${r.incidents} incident(s), ${r.runs} run(s) and ${r.backupsRemoved} backup(s) with secure_delete; the database went from ${r.beforeBytes} to ${r.afterBytes} bytes\n`);
      if (!r.walTruncated) write('the write-ahead log could not be emptied (another program was reading the database): run the purge again once it has stopped\n');
      write('what the file system freed is beyond SQLite: keep the disk encrypted (docs/storage.md#purging)\n');
      return r.walTruncated ? 0 : 1;
    },
  },
  importIncident: {
    options: [jsonFlag()],
    prepare: (args) => ({ ...args, bundle: readJsonFile(String(args.bundle), 'bundle') }),
    print: (r, options) => { if (options.json) json(r); else write(`${r.incidentId}: ${r.imported} run(s) imported, ${r.alreadyPresent} already here\n`); return 0; },
  },
  zonesGeoJson: { print: (text) => { write(text + '\n'); return 0; } },
  zonesKml: { print: (text) => { write(text); return 0; } },
  models: { options: [jsonFlag()], print: printModels },
  modelUpdates: { options: [jsonFlag()], print: (view, options) => { if (options.json) json(view); else printModelHistory(view); return 0; } },
  updateModels: { options: [jsonFlag()], print: printUpdateReport },
  importModels: { options: [jsonFlag()], print: printUpdateReport },
  rollbackModel: {
    options: [jsonFlag()],
    print: (r, options) => { if (options.json) json(r); else write(`${r.name}: v${r.fromVersion} → v${r.toVersion} (${r.durationMs} ms)\n`); return 0; },
  },
  trustChannel: {
    options: [jsonFlag()],
    print: (root, options) => {
      if (options.json) { json(root); return 0; }
      write(`trusting the channel of root v${root.version} (expires ${root.expires})\n`);
      for (const [role, ids] of Object.entries(root.keyIds)) write(`  ${role.padEnd(10)} ${ids.map((id) => id.slice(0, 16)).join(', ')}\n`);
      return 0;
    },
  },
};

/** Commands that change what a serving engine runs or holds: never behind its back (it would not swap its
 *  models; a purge would leave the answers it keeps in memory). */
const THROUGH_SERVING_ENGINE = new Set<CliOperationName>(['updateModels', 'importModels', 'rollbackModel', 'trustChannel', 'purgeIncidents']);

function printUpdateReport(report: OperationResult<'updateModels'>, options: Record<string, unknown>): number {
  const refused = report.models.some((m) => m.outcome === 'refused');
  if (options.json) { json(report); return refused ? 1 : 0; }
  const m = report.metadata;
  write(`channel ${report.channel}: timestamp v${m.timestampVersion} (expires ${m.timestampExpires}${m.expiredTimestampAccepted ? ', EXPIRED: accepted offline' : ''}), snapshot v${m.snapshotVersion}, targets v${m.targetsVersion}\n`);
  write(`device ${report.device.deviceId.slice(0, 12)}… rollout bucket ${report.device.bucket}\n`);
  for (const o of report.models) {
    write(`  ${o.name.padEnd(24)} ${o.outcome.padEnd(15)} ${o.code ? `${o.code}: ` : ''}${o.message}\n`);
    for (const c of o.gate?.checks ?? []) write(`      ${c.passed ? 'pass' : 'FAIL'} ${c.check.padEnd(9)} ${c.detail}\n`);
  }
  return refused ? 1 : 0;
}

function printModelHistory(view: OperationResult<'modelUpdates'>): void {
  write(view.trustedRoot ? `trusted channel root v${view.trustedRoot.version} (expires ${view.trustedRoot.expires})\n` : 'no channel trusted yet (safe-edge models trust ROOT_FILE)\n');
  if (view.lastMetadata) write(`last checked ${view.lastMetadata.checkedAt}: timestamp v${view.lastMetadata.timestampVersion}, expires ${view.lastMetadata.timestampExpires}\n`);
  write('live:\n');
  for (const [name, live] of Object.entries(view.live)) write(`  ${name.padEnd(24)} v${live.version}  (${live.source})\n`);
  if (view.versions.length) write('versions held:\n');
  for (const v of view.versions) write(`  ${v.name.padEnd(24)} v${String(v.version).padEnd(4)} ${v.state.padEnd(12)} ${v.updatedAt}  ${v.source}\n`);
  if (view.events.length) write('events (newest first):\n');
  for (const e of view.events) write(`  ${e.at}  ${e.name}${e.version === null ? '' : ` v${e.version}`}  ${e.event}${e.code ? `  ${e.code}` : ''}\n`);
}

const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The command's arguments checked against the operation's schema before an engine opens, a refusal naming
 * the option and quoting what was typed (`history --limit: "abc" is not a number`); the handlers check them again.
 */
function checkArguments(name: CliOperationName, argKeys: string[], args: Record<string, unknown>): void {
  const spec: OperationSpec = OPERATIONS[name];
  const parsed = spec.args.safeParse(args);
  if (parsed.success) return;
  const { field, reason } = argumentProblem(parsed.error.issues[0], args);
  const key = field.split('.')[0] ?? field;
  const named = argKeys.includes(key) ? `--${kebab(key)}` : `<${key}>`;
  throw new SafeError(ERROR_CODES.INVALID_FIELD, `${(spec.cli as { command: string }).command} ${named}: ${reason}`, field);
}

/** Adds one command per `cli` operation; `overridesFrom` turns the common flags into configuration. */
export function addOperationCommands(program: Command, withCommon: (command: Command) => Command, overridesFrom: (options: Record<string, unknown>) => Partial<EngineConfig>): void {
  for (const name of CLI_OPERATIONS) {
    const spec: OperationSpec = OPERATIONS[name];
    const cli = spec.cli as { command: string; positional?: string };
    // "models update": a subcommand of the `models` command (which lists models when given none).
    const [parentName, subName] = cli.command.split(' ') as [string, string | undefined];
    const parent = subName ? program.commands.find((c) => c.name() === parentName) ?? program.command(parentName) : program;
    const command = withCommon(parent.command(subName ?? parentName).description(spec.summary));
    if (cli.positional) command.argument(`<${cli.positional}>`);
    const argKeys = Object.keys(spec.args.shape).filter((key) => key !== cli.positional);
    for (const key of argKeys) command.option(`--${kebab(key)} <${kebab(key)}>`, `the operation's ${key} argument`);
    const view = VIEWS[name] as CommandView<CliOperationName>;
    for (const option of view.options ?? []) command.addOption(option);
    command.action(async (...received: unknown[]) => {
      // With the parent's options too: `safe-edge models update --data-dir D` gives --data-dir to `models`.
      const options = (received.at(-1) as Command).optsWithGlobals() as Record<string, unknown>;
      const args: Record<string, unknown> = Object.fromEntries(argKeys.filter((key) => options[camel(kebab(key))] !== undefined).map((key) => [key, options[camel(kebab(key))]]));
      if (cli.positional) args[cli.positional] = received[0];
      const prepared = view.prepare ? view.prepare(args) : args;
      checkArguments(name, argKeys, prepared);
      const overrides = overridesFrom(options);
      if (THROUGH_SERVING_ENGINE.has(name)) {
        const pid = servingEngine(resolveConfig(overrides).dataDir);
        const how = name === 'purgeIncidents'
          ? `stop it first, or purge through it (POST ${OPERATIONS[name].http.path}) so it forgets the answers it holds in memory too`
          : `change its models through it (the app's Models page, or POST ${OPERATIONS[name].http.path}) so it swaps them in`;
        if (pid !== null) throw new SafeError(ERROR_CODES.DATA_DIR_IN_USE, `a SAFE Edge engine (pid ${pid}) is serving this data directory: ${how}`, 'dataDir');
      }
      const { engine } = await startEngine({ host: 'cli', overrides, defaults: { logLevel: 'warn' }, agents: false });
      try {
        const value = await callOperation(operationHandlers(engine), name, prepared, { emit: () => {}, access: 'operator' });
        process.exitCode = (view.print as (value: unknown, options: Record<string, unknown>) => number)(value, options);
      } finally {
        await engine.close();
      }
    });
  }
}
