// Every attack on the update channel the engine must refuse, staged for real against a channel the
// channel tools signed, over both paths a laptop reads a channel by: HTTP (the update server) and a
// folder (a USB bundle). Each refusal must carry its own stable code, and leave the live model as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERROR_CODES, SafeError, toErrorBody } from '../contract/errors.js';
import { CHANNEL_PATH } from '../contract/deviceReport.js';
import { DEFAULT_MODELS_DIR } from '../inference/modelRepository.js';
import { openDatabase } from '../store/database.js';
import { ChannelRepository } from '../../update-server/channel/channelRepository.js';
import { generateRoleKey, generateRoleKeys, type RoleKeys } from '../../update-server/channel/keys.js';
import { buildUpdateServer } from '../../update-server/server/app.js';
import { trustChannel } from './channelTrust.js';
import { parseChannelSource } from './channelSource.js';
import { ModelLedger } from './modelLedger.js';
import { ModelUpdater, type Gate } from './modelUpdater.js';
import { ModelUpdates, SHIPPED_CHANNEL_ROOT } from './modelUpdates.js';
import { createLogger } from '../logging.js';

const FIRE = 'fire-spread-surrogate';
const SHIPPED_FIRE = join(DEFAULT_MODELS_DIR, FIRE, '2');
/** These tests are about the channel, not the gate: every staged version passes. */
const passingGate: Gate = async () => ({ passed: true, checks: [], durationMs: 0 });

const root = mkdtempSync(join(tmpdir(), 'safe-refusals-'));
let serverBase = '';
let servedDir = '';
let stopServer: () => Promise<void> = async () => {};
let counter = 0;

/** The directory the update server serves; each case copies its channel there for the HTTP path. */
before(async () => {
  servedDir = join(root, 'served');
  mkdirSync(servedDir);
  const app = buildUpdateServer({ channelDir: servedDir, keys: null, stateDir: join(root, 'server-state'), adminToken: 'it' });
  serverBase = await app.listen({ host: '127.0.0.1', port: 0 });
  stopServer = () => app.close();
});
after(() => stopServer());

interface Setup { dir: string; keys: RoleKeys; channel: ChannelRepository; dataDir: string; updater: ModelUpdater }

function setup(options: { now?: () => Date } = {}): Setup {
  const n = counter++;
  const keys = generateRoleKeys(join(root, `keys-${n}`));
  const dir = join(root, `channel-${n}`);
  const channel = ChannelRepository.init(dir, keys, options);
  const dataDir = join(root, `data-${n}`);
  trustChannel(dataDir, channel.rootFile);
  const updater = new ModelUpdater({ dataDir, shippedDir: DEFAULT_MODELS_DIR, ledger: new ModelLedger(openDatabase(dataDir)), gate: passingGate });
  return { dir, keys, channel, dataDir, updater };
}

type Path = 'folder' | 'http';
/** The channel as the device reads it: the folder itself, or the same files behind the update server. */
function sourceFor(s: Setup, path: Path) {
  if (path === 'folder') return parseChannelSource(s.dir);
  // Only this channel's files: one left from a previous case must not linger where this one has none.
  for (const entry of readdirSync(servedDir)) rmSync(join(servedDir, entry), { recursive: true, force: true });
  cpSync(s.dir, servedDir, { recursive: true });
  return parseChannelSource(`${serverBase}${CHANNEL_PATH}`);
}

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try { await run(); } catch (err) { return toErrorBody(err, ERROR_CODES.INTERNAL).code; }
  return 'accepted';
}

/** The code a model's outcome was refused with, or its outcome. */
async function modelOutcome(s: Setup, path: Path): Promise<string> {
  const report = await s.updater.update(sourceFor(s, path));
  const fire = report.models.find((m) => m.name === FIRE);
  return fire?.code ?? fire?.outcome ?? 'missing';
}

const servedFile = (s: Setup, path: Path, relative: string) => join(path === 'folder' ? s.dir : servedDir, relative);
const targetFileOf = (dir: string, name: string, version: number, file: string) => {
  const folder = join(dir, 'targets', name, String(version));
  return join(folder, readdirSync(folder).find((f) => f.endsWith(`.${file}`)) as string);
};

for (const path of ['folder', 'http'] as const) {
  test(`${path}: a good channel updates the model, and what a device refuses leaves the live version as it was`, async () => {
    const s = setup();
    s.channel.publish(SHIPPED_FIRE, { version: 3 });
    assert.equal(await modelOutcome(s, path), 'updated');
    assert.equal(s.updater.liveSelection()[FIRE]?.version, 3);
  });

  test(`${path}: a tampered model file is refused (SAFE_E_UPDATE_TAMPERED)`, async () => {
    const s = setup();
    s.channel.publish(SHIPPED_FIRE, { version: 3 });
    const source = sourceFor(s, path);
    const file = targetFileOf(path === 'folder' ? s.dir : servedDir, FIRE, 3, 'model.onnx');
    const bytes = readFileSync(file);
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] as number) ^ 0xff; // same length, other bytes
    writeFileSync(file, bytes);
    const report = await s.updater.update(source);
    assert.equal(report.models.find((m) => m.name === FIRE)?.code, ERROR_CODES.UPDATE_TAMPERED);
    assert.equal(s.updater.liveSelection()[FIRE]?.version, 2, 'the shipped version still serves');
  });

  test(`${path}: tampered metadata is refused (SAFE_E_UPDATE_BAD_SIGNATURE)`, async () => {
    const s = setup();
    s.channel.publish(SHIPPED_FIRE, { version: 3 });
    const source = sourceFor(s, path);
    const file = servedFile(s, path, 'metadata/timestamp.json');
    const timestamp = JSON.parse(readFileSync(file, 'utf8'));
    timestamp.signed.expires = '2099-01-01T00:00:00Z'; // a longer life the timestamp key never signed
    writeFileSync(file, JSON.stringify(timestamp));
    assert.equal(await refusal(() => s.updater.update(source)), ERROR_CODES.UPDATE_BAD_SIGNATURE);
  });

  test(`${path}: replayed (older) metadata is refused (SAFE_E_UPDATE_REPLAYED)`, async () => {
    const s = setup();
    const stale = readFileSync(join(s.dir, 'metadata', 'timestamp.json')); // timestamp v1, validly signed
    s.channel.publish(SHIPPED_FIRE, { version: 3 });
    assert.equal(await modelOutcome(s, path), 'updated'); // the device now trusts timestamp v2
    const source = sourceFor(s, path);
    writeFileSync(servedFile(s, path, 'metadata/timestamp.json'), stale); // an attacker serves the channel as it was
    assert.equal(await refusal(() => s.updater.update(source)), ERROR_CODES.UPDATE_REPLAYED);
  });

  test(`${path}: a lower model version not revoked is refused (SAFE_E_UPDATE_DOWNGRADE)`, async () => {
    const s = setup();
    s.channel.publish(SHIPPED_FIRE, { version: 4 });
    assert.equal(await modelOutcome(s, path), 'updated');
    // A channel (validly signed) that now offers only v3: the device has seen v4, and nobody revoked it.
    const other = ChannelRepository.init(join(root, `downgrade-${counter++}`), generateRoleKeys(join(root, `downgrade-keys-${counter++}`)));
    other.publish(SHIPPED_FIRE, { version: 3 });
    trustChannel(s.dataDir, other.rootFile);
    const moved: Setup = { ...s, dir: other.dir, channel: other };
    assert.equal(await modelOutcome(moved, path), ERROR_CODES.UPDATE_DOWNGRADE);
    assert.equal(s.updater.liveSelection()[FIRE]?.version, 4);
  });

  test(`${path}: a revoked version is rolled back to the one the channel offers in its place`, async () => {
    const s = setup();
    s.channel.publish(SHIPPED_FIRE, { version: 3 });
    s.channel.publish(SHIPPED_FIRE, { version: 4 });
    assert.equal(await modelOutcome(s, path), 'updated');
    assert.equal(s.updater.liveSelection()[FIRE]?.version, 4);
    s.channel.revoke(FIRE, 4, 'bad field reports');
    assert.equal(await modelOutcome(s, path), 'rolled-back');
    assert.equal(s.updater.liveSelection()[FIRE]?.version, 3);
    assert.equal(s.updater.ledger.version(FIRE, 4)?.state, 'revoked');
  });

  test(`${path}: expired metadata is refused (SAFE_E_UPDATE_EXPIRED)`, async () => {
    const longAgo = new Date(Date.now() - 40 * 86_400_000); // past the timestamp's 7 days and the snapshot's 30
    const s = setup({ now: () => longAgo });
    s.channel.publish(SHIPPED_FIRE, { version: 3 });
    assert.equal(await refusal(() => s.updater.update(sourceFor(s, path))), ERROR_CODES.UPDATE_EXPIRED);
  });

  test(`${path}: mixed-and-matched metadata is refused (SAFE_E_UPDATE_MIXED_METADATA)`, async () => {
    const s = setup();
    s.channel.publish(SHIPPED_FIRE, { version: 3 });
    const source = sourceFor(s, path);
    // The snapshot names targets v2; the server hands out the targets of v1 under that name.
    writeFileSync(servedFile(s, path, 'metadata/2.targets.json'), readFileSync(join(s.dir, 'metadata', '1.targets.json')));
    assert.equal(await refusal(() => s.updater.update(source)), ERROR_CODES.UPDATE_MIXED_METADATA);
  });

  test(`${path}: a file longer than its signed length is refused (SAFE_E_UPDATE_OVERSIZE)`, async () => {
    const s = setup();
    s.channel.publish(SHIPPED_FIRE, { version: 3 });
    const source = sourceFor(s, path);
    appendFileSync(targetFileOf(path === 'folder' ? s.dir : servedDir, FIRE, 3, 'model.onnx'), Buffer.alloc(4096, 7));
    const report = await s.updater.update(source);
    assert.equal(report.models.find((m) => m.name === FIRE)?.code, ERROR_CODES.UPDATE_OVERSIZE);
  });

  test(`${path}: a model for a newer engine is refused (SAFE_E_UPDATE_ENGINE_TOO_OLD)`, async () => {
    const s = setup();
    s.channel.publish(SHIPPED_FIRE, { version: 3, minEngineVersion: '9.0.0' });
    assert.equal(await modelOutcome(s, path), ERROR_CODES.UPDATE_ENGINE_TOO_OLD);
  });

  test(`${path}: a rotated root key is followed; a root signed without the trusted root key is refused`, async () => {
    const s = setup();
    s.channel.rotateRoot(generateRoleKey(join(root, `new-root-${counter++}`), 'root'));
    s.channel.publish(SHIPPED_FIRE, { version: 3 });
    assert.equal(await modelOutcome(s, path), 'updated', 'root v1 → v2 followed by itself');
    // An attacker's root v3, signed by keys the trusted root v2 does not name.
    ChannelRepository.open(s.dir, { root: generateRoleKey(join(root, `attacker-${counter++}`), 'root') }).rotateRoot(generateRoleKey(join(root, `attacker-new-${counter++}`), 'root'));
    assert.equal(await refusal(() => s.updater.update(sourceFor(s, path))), ERROR_CODES.UPDATE_BAD_SIGNATURE);
  });

  test(`${path}: outside the staged rollout the device keeps its version`, async () => {
    const s = setup();
    s.channel.publish(SHIPPED_FIRE, { version: 3, rollout: { percent: 0 } });
    assert.equal(await modelOutcome(s, path), 'outside-rollout');
    assert.equal(s.updater.liveSelection()[FIRE]?.version, 2);
  });
}

test('offline (a USB import), a stale timestamp is accepted only while everything else holds; online it is refused', async () => {
  const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000); // the timestamp (7 days) expired, the snapshot (30) not
  const s = setup({ now: () => eightDaysAgo });
  s.channel.publish(SHIPPED_FIRE, { version: 3 });
  assert.equal(await refusal(() => s.updater.update(sourceFor(s, 'http'))), ERROR_CODES.UPDATE_EXPIRED, 'online: refused');
  const report = await s.updater.update(sourceFor(s, 'folder'), { offline: true });
  assert.equal(report.metadata.expiredTimestampAccepted, true);
  assert.equal(report.models.find((m) => m.name === FIRE)?.outcome, 'updated');
  // The rule does not open the door to a replay: an older timestamp is still refused offline.
  const older = setup({ now: () => eightDaysAgo });
  const stale = readFileSync(join(older.dir, 'metadata', 'timestamp.json'));
  older.channel.publish(SHIPPED_FIRE, { version: 3 });
  await older.updater.update(sourceFor(older, 'folder'), { offline: true });
  writeFileSync(join(older.dir, 'metadata', 'timestamp.json'), stale);
  assert.equal(await refusal(() => older.updater.update(parseChannelSource(older.dir), { offline: true })), ERROR_CODES.UPDATE_REPLAYED);
  // Nor to a frozen snapshot: past its own expiry it is refused even offline.
  const frozen = setup({ now: () => new Date(Date.now() - 40 * 86_400_000) });
  frozen.channel.publish(SHIPPED_FIRE, { version: 3 });
  assert.equal(await refusal(() => frozen.updater.update(parseChannelSource(frozen.dir), { offline: true })), ERROR_CODES.UPDATE_EXPIRED);
});

test('a device that trusts no channel, or whose clock is implausible, takes no update', async () => {
  const dataDir = join(root, 'untrusted');
  const updater = new ModelUpdater({ dataDir, shippedDir: DEFAULT_MODELS_DIR, ledger: new ModelLedger(openDatabase(dataDir)), gate: passingGate });
  const s = setup();
  assert.equal(await refusal(() => updater.update(parseChannelSource(s.dir))), ERROR_CODES.UPDATE_NOT_TRUSTED);
  const skewed = new ModelUpdater({ dataDir: s.dataDir, shippedDir: DEFAULT_MODELS_DIR, ledger: s.updater.ledger, gate: passingGate, now: () => new Date('2001-01-01T00:00:00Z') });
  assert.equal(await refusal(() => skewed.update(parseChannelSource(s.dir))), ERROR_CODES.UPDATE_CLOCK_IMPLAUSIBLE);
});

test('a root that is not signed by its own keys cannot be trusted', () => {
  const s = setup();
  const forged = JSON.parse(readFileSync(s.channel.rootFile, 'utf8'));
  forged.signed.expires = '2099-01-01T00:00:00Z';
  const file = join(root, 'forged-root.json');
  writeFileSync(file, JSON.stringify(forged));
  assert.throws(() => trustChannel(join(root, 'forged'), file), (err: unknown) => err instanceof SafeError && err.code === ERROR_CODES.UPDATE_BAD_SIGNATURE);
});

test('a version rolled back on this device is held: the next update does not take it again, a newer one it does', async () => {
  const s = setup();
  s.channel.publish(SHIPPED_FIRE, { version: 3 });
  assert.equal(await modelOutcome(s, 'folder'), 'updated');
  s.updater.rollback(FIRE);
  assert.equal(s.updater.liveSelection()[FIRE]?.version, 2);
  assert.equal(await modelOutcome(s, 'folder'), 'held');
  assert.equal(s.updater.liveSelection()[FIRE]?.version, 2);
  s.channel.publish(SHIPPED_FIRE, { version: 4 });
  assert.equal(await modelOutcome(s, 'folder'), 'updated');
  assert.equal(s.updater.liveSelection()[FIRE]?.version, 4);
});

test('a channel root shipped with the app build is trusted at first start', async () => {
  const s = setup();
  const shipped = join(root, 'shipped-models');
  cpSync(DEFAULT_MODELS_DIR, shipped, { recursive: true });
  cpSync(s.channel.rootFile, join(shipped, SHIPPED_CHANNEL_ROOT));
  const dataDir = join(root, 'fresh-laptop');
  const ledger = new ModelLedger(openDatabase(dataDir));
  const updates = new ModelUpdates({ dataDir, shippedDir: shipped, ledger, gate: passingGate, channel: s.dir, logger: createLogger('silent') });
  assert.equal(updates.view().trustedRoot?.version, 1);
  s.channel.publish(SHIPPED_FIRE, { version: 3 });
  assert.equal((await updates.update()).models.find((m) => m.name === FIRE)?.outcome, 'updated');
});
