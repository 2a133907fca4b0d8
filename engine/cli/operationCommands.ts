// The `safe-edge` commands that are engine operations (history, show, models, about), derived from the
// operations table: each operation marked `cli` becomes a command whose positional argument and
// `--flags` come from its argument schema, and which calls the operation through the same handlers as
// HTTP and the desktop app, on an engine opened for queries only (no agent workers: quick to start).
// Only how each answer is printed is written here.
import { Command, Option } from 'commander';
import { OPERATIONS, CLI_OPERATIONS, type CliOperationName, type OperationResult, type OperationSpec } from '../contract/operations.js';
import type { EngineConfig } from '../config.js';
import { startEngine } from '../bootstrap.js';
import { callOperation, operationHandlers } from '../operationHandlers.js';
import { everyFileVerified, type ModelInfo } from '../inference/modelInventory.js';
import { formatBriefing } from '../report/briefing.js';

type Print<K extends CliOperationName> = (value: OperationResult<K>, options: Record<string, unknown>) => number;
interface CommandView<K extends CliOperationName> { options?: Option[]; print: Print<K> }

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
      }
      return 0;
    },
  },
  models: { options: [jsonFlag()], print: printModels },
};

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Adds one command per `cli` operation; `overridesFrom` turns the common flags into configuration. */
export function addOperationCommands(program: Command, withCommon: (command: Command) => Command, overridesFrom: (options: Record<string, unknown>) => Partial<EngineConfig>): void {
  for (const name of CLI_OPERATIONS) {
    const spec: OperationSpec = OPERATIONS[name];
    const cli = spec.cli as { command: string; positional?: string };
    const command = withCommon(program.command(cli.command).description(spec.summary));
    if (cli.positional) command.argument(`<${cli.positional}>`);
    const argKeys = Object.keys(spec.args.shape).filter((key) => key !== cli.positional);
    for (const key of argKeys) command.option(`--${kebab(key)} <${kebab(key)}>`, `the operation's ${key} argument`);
    const view = VIEWS[name] as CommandView<CliOperationName>;
    for (const option of view.options ?? []) command.addOption(option);
    command.action(async (...received: unknown[]) => {
      const options = received.at(-2) as Record<string, unknown>;
      const args: Record<string, unknown> = Object.fromEntries(argKeys.filter((key) => options[camel(kebab(key))] !== undefined).map((key) => [key, options[camel(kebab(key))]]));
      if (cli.positional) args[cli.positional] = received[0];
      const { engine } = await startEngine({ host: 'cli', overrides: overridesFrom(options), defaults: { logLevel: 'warn' }, agents: false });
      try {
        const value = await callOperation(operationHandlers(engine), name, args, () => {});
        process.exitCode = (view.print as (value: unknown, options: Record<string, unknown>) => number)(value, options);
      } finally {
        await engine.close();
      }
    });
  }
}
