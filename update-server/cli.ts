// `safe-edge channel …` and `safe-edge update-server`: IT's side of model and app updates (docs/updates.md). The
// `safe-edge` launcher hands these verbs here, so the engine never loads the channel-signing code.
import { Command, Option } from 'commander';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ERROR_CODES, SafeError, toErrorBody } from '../engine/contract/errors.js';
import { rolloutStrategySchema, type Rollout } from '../engine/contract/modelChannel.js';
import { APP_UPDATES_PATH } from '../engine/contract/appUpdates.js';
import { ChannelRepository } from './channel/channelRepository.js';
import { generateRoleKey, generateRoleKeys, loadRoleKeys } from './channel/keys.js';
import { signShippedModels } from './channel/releaseSigning.js';
import { buildUpdateServer } from './server/app.js';
import { listAppReleases, setAppStaging, type AppRelease } from './releases/appReleases.js';

const write = (text: string) => process.stdout.write(text);
const releaseLine = (r: AppRelease) => `${r.infoFile.padEnd(24)} ${r.version.padEnd(10)} staging ${r.stagingPercentage === null ? '100 % (not set)' : `${r.stagingPercentage} %`}\n`;

function modelRef(ref: string): { name: string; version: number } {
  const match = /^([a-z][a-z0-9-]*)@(\d+)$/.exec(ref);
  if (!match) throw new SafeError(ERROR_CODES.INVALID_FIELD, `expected NAME@VERSION (e.g. fire-spread-surrogate@3), not ${ref}`, 'model');
  return { name: match[1] as string, version: Number(match[2]) };
}

function rolloutFrom(options: { rollout?: string; strategy?: string; minAgreement?: string }): Partial<Rollout> {
  const rollout: Partial<Rollout> = {};
  if (options.rollout !== undefined) {
    const percent = Number(options.rollout);
    if (!Number.isInteger(percent) || percent < 0 || percent > 100) throw new SafeError(ERROR_CODES.INVALID_FIELD, `--rollout takes a whole percentage 0–100, not ${options.rollout}`, 'rollout');
    rollout.percent = percent;
  }
  if (options.strategy !== undefined) rollout.strategy = rolloutStrategySchema.parse(options.strategy);
  if (options.minAgreement !== undefined) {
    const share = Number(options.minAgreement);
    if (!(share >= 0 && share <= 1)) throw new SafeError(ERROR_CODES.INVALID_FIELD, `--min-agreement takes a share 0–1, not ${options.minAgreement}`, 'minAgreement');
    rollout.minAgreementBp = Math.round(share * 10_000);
  }
  return rollout;
}

const rolloutOptions = (command: Command) => command
  .option('--rollout <pct>', 'share of devices that take it (stable device buckets), 0–100')
  .addOption(new Option('--strategy <strategy>', 'how devices switch to it').choices(rolloutStrategySchema.options))
  .option('--min-agreement <share>', 'agreement with the live version the gate asks for, 0–1 (default 0.9)');

export function buildChannelCli(): Command {
  const program = new Command('safe-edge').description('SAFE Edge model update channel (IT)');
  const channel = program.command('channel').description('a signed model update channel: plain static files (TUF)');
  channel.command('init').argument('<dir>').requiredOption('--keys <keydir>', 'folder for the new signing keys (keep the root key offline)')
    .description('create a channel and its keys; prints the root metadata file devices pin')
    .action((dir: string, options: { keys: string }) => {
      const repo = ChannelRepository.init(resolve(dir), generateRoleKeys(resolve(options.keys)));
      write(`channel created in ${repo.dir}\nkeys in ${resolve(options.keys)} (root, targets, snapshot, timestamp)\npin it on each laptop: safe-edge models trust ${repo.rootFile}\n${repo.rootFile}\n`);
    });
  rolloutOptions(channel.command('publish').argument('<dir>').argument('<modelVersionDir>', 'a model version folder: manifest.json, its files, evaluation.json')
    .requiredOption('--keys <keydir>').option('--version <n>', 'publish under this version number')
    .option('--min-engine <version>', 'the oldest engine that may run it'))
    .description('publish a model version')
    .action((dir: string, versionDir: string, options: { keys: string; version?: string; minEngine?: string; rollout?: string; strategy?: string; minAgreement?: string }) => {
      const repo = ChannelRepository.open(resolve(dir), loadRoleKeys(resolve(options.keys), ['targets', 'snapshot', 'timestamp']));
      const version = options.version === undefined ? undefined : Number(options.version);
      if (version !== undefined && !(Number.isInteger(version) && version > 0)) throw new SafeError(ERROR_CODES.INVALID_FIELD, `--version takes a positive integer, not ${options.version}`, 'version');
      const facts = repo.publish(resolve(versionDir), { version, rollout: rolloutFrom(options), ...(options.minEngine ? { minEngineVersion: options.minEngine } : {}) });
      write(`published ${facts.name} v${facts.version} (${facts.files.join(', ')}), rollout ${facts.rollout.percent} % ${facts.rollout.strategy}\n`);
    });
  channel.command('revoke').argument('<dir>').argument('<model>', 'NAME@VERSION').requiredOption('--keys <keydir>')
    .option('--reason <text>', 'why (shown to IT and recorded on each laptop)', 'revoked by IT')
    .description('withdraw a model version: devices running it go back')
    .action((dir: string, ref: string, options: { keys: string; reason: string }) => {
      const { name, version } = modelRef(ref);
      ChannelRepository.open(resolve(dir), loadRoleKeys(resolve(options.keys), ['targets', 'snapshot', 'timestamp'])).revoke(name, version, options.reason);
      write(`revoked ${name}@${version}\n`);
    });
  rolloutOptions(channel.command('rollout').argument('<dir>').argument('<model>', 'NAME@VERSION').requiredOption('--keys <keydir>'))
    .description('change how far a published version rolls out')
    .action((dir: string, ref: string, options: { keys: string; rollout?: string; strategy?: string; minAgreement?: string }) => {
      const { name, version } = modelRef(ref);
      const facts = ChannelRepository.open(resolve(dir), loadRoleKeys(resolve(options.keys), ['targets', 'snapshot', 'timestamp'])).setRollout(name, version, rolloutFrom(options));
      write(`${name}@${version}: rollout ${facts.rollout.percent} % ${facts.rollout.strategy}\n`);
    });
  channel.command('timestamp').argument('<dir>').requiredOption('--keys <keydir>')
    .description('sign a fresh timestamp (run daily, so devices online never see a frozen channel)')
    .action((dir: string, options: { keys: string }) => {
      ChannelRepository.open(resolve(dir), loadRoleKeys(resolve(options.keys), ['timestamp'])).refreshTimestamp();
      write('timestamp refreshed\n');
    });
  channel.command('rotate-root').argument('<dir>').requiredOption('--keys <keydir>', 'the current keys (the root key signs the hand-over)')
    .requiredOption('--new-keys <keydir>', 'a new folder for the new root key')
    .description('replace the root key: the new root is signed by the old key and the new one, so laptops follow it by themselves')
    .action((dir: string, options: { keys: string; newKeys: string }) => {
      const repo = ChannelRepository.open(resolve(dir), loadRoleKeys(resolve(options.keys), ['root']));
      const root = repo.rotateRoot(generateRoleKey(resolve(options.newKeys), 'root'));
      write(`root v${root.signed.version}: the new root key is in ${resolve(options.newKeys)}; keep it offline\n`);
    });
  channel.command('sign-models').argument('<modelsDir>', "the app build's models/ folder")
    .requiredOption('--keys <keydir>', 'the release keys (only the targets key is read)')
    .requiredOption('--root <file>', "the project channel's root metadata (metadata/root.json), which names the targets key")
    .description('sign the models an app build ships with the release key: the engine runs no shipped model it did not sign')
    .action((modelsDir: string, options: { keys: string; root: string }) => {
      const { targets } = loadRoleKeys(resolve(options.keys), ['targets']);
      if (!targets) throw new SafeError(ERROR_CODES.CHANNEL_INVALID, `no targets key in ${options.keys}`, 'keys');
      const signed = signShippedModels(resolve(modelsDir), resolve(options.root), targets);
      write(`signed ${signed.files} files of ${signed.versions.length} model versions (${signed.versions.join(', ')}) with targets key ${signed.targetsKeyId.slice(0, 12)}…, release-targets.json v${signed.targetsVersion}\n`);
      if (!signed.trustedByEngine) write(`this engine build does not trust that key: set RELEASE_TARGETS_KEY_IDS in engine/contract/releaseKey.ts to ['${signed.targetsKeyId}'] and rebuild, or it refuses these models\n`);
    });
  channel.command('list').argument('<dir>').description('what the channel offers and what it revoked').action((dir: string) => {
    const repo = ChannelRepository.open(resolve(dir), {});
    for (const m of repo.listModels()) write(`${m.name.padEnd(24)} v${String(m.version).padEnd(4)} rollout ${m.rollout.percent} % ${m.rollout.strategy}  min engine ${m.minEngineVersion}  ${m.publishedAt}\n`);
    for (const r of repo.revocations().revoked) write(`${r.name.padEnd(24)} v${String(r.version).padEnd(4)} REVOKED ${r.revokedAt}: ${r.reason}\n`);
  });
  channel.command('bundle').argument('<dir>').argument('<out>', 'a folder, e.g. on a USB stick')
    .description('copy the channel for laptops without a network (safe-edge models import OUT)')
    .action((dir: string, out: string) => {
      const { files, bytes } = ChannelRepository.bundle(resolve(dir), resolve(out));
      write(`bundled ${files} files (${bytes} bytes) into ${resolve(out)}\n`);
    });

  channel.command('app-staging').argument('<appDir>', "the app's release folder (electron-builder's output)").argument('<percent>', 'share of installs that take the newest release, 0–100')
    .description("set electron-updater's stagingPercentage in every latest*.yml (offline; the update server has POST /api/app/staging)")
    .action((appDir: string, percent: string) => {
      // A whole number as typed, so "12.5" or "50%" is refused rather than read as something else.
      for (const r of setAppStaging(resolve(appDir), /^\d+$/.test(percent) ? Number(percent) : percent)) write(releaseLine(r));
    });

  program.command('update-server').requiredOption('--channel <dir>', 'the channel folder to serve')
    .option('--port <port>', 'TCP port', '8790').option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--keys <keydir>', 'channel keys (targets, snapshot, timestamp) to publish with; without: read-only')
    .option('--state <dir>', 'where the server keeps its device registry (default: <channel>.state)')
    .option('--app-dir <dir>', "the app's release folder (electron-builder's output) to serve to electron-updater")
    .description('serve the channel, publishing, device reports and the app releases (docs/updates.md)')
    .action(async (options: { channel: string; port: string; host: string; keys?: string; state?: string; appDir?: string }) => {
      const channelDir = resolve(options.channel);
      if (!existsSync(join(channelDir, 'metadata'))) throw new SafeError(ERROR_CODES.CHANNEL_INVALID, `${channelDir} is not a channel: run safe-edge channel init`, 'channel');
      const appDir = options.appDir === undefined ? null : resolve(options.appDir);
      const releases = appDir ? listAppReleases(appDir) : []; // refuses a missing folder or a broken latest*.yml before listening
      const stateDir = resolve(options.state ?? `${channelDir}.state`);
      mkdirSync(stateDir, { recursive: true });
      const tokenFile = join(stateDir, 'admin-token');
      if (!existsSync(tokenFile)) writeFileSync(tokenFile, randomBytes(24).toString('base64url'), { mode: 0o600, flag: 'wx' });
      const adminToken = readFileSync(tokenFile, 'utf8').trim();
      const keys = options.keys ? loadRoleKeys(resolve(options.keys), ['targets', 'snapshot', 'timestamp']) : null;
      const app = buildUpdateServer({ channelDir, keys, stateDir, adminToken, appDir });
      const address = await app.listen({ host: options.host, port: Number(options.port) });
      const appLine = appDir ? `  app:      ${address}${APP_UPDATES_PATH} (SAFE_EDGE_UPDATE_URL; ${releases.map((r) => `${r.infoFile} ${r.version}`).join(', ') || 'no latest*.yml yet'})\n` : '';
      process.stderr.write(`SAFE Edge update server on ${address}\n  channel:  ${address}/channel/\n${appLine}  fleet:    ${address}/fleet?token=<${tokenFile}>\n  ${keys ? 'publishing with the keys given' : 'read-only (no --keys)'}\n`);
      const stop = async () => { await app.close(); process.exit(0); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  return program;
}

export async function runChannelCli(argv: string[] = process.argv): Promise<void> {
  try {
    await buildChannelCli().parseAsync(argv);
  } catch (err) {
    const body = toErrorBody(err, ERROR_CODES.INTERNAL);
    process.stderr.write(`${body.code}: ${body.message}\n`);
    process.exitCode = 2;
  }
}
