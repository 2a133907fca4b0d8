// Signed models (docs/models.md#signed-models): a shipped model rewritten with its manifest hash fixed
// passes the manifest check but not the release key's signature; untouched shipped models and a version
// the channel delivered verify; a version changed in the store after it arrived is refused too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MODELS_DIR, listModelNames, listVersions, loadVerifiedModel } from '../inference/modelRepository.js';
import { RELEASE_ROOT_FILE, RELEASE_TARGETS_FILE } from '../contract/modelChannel.js';
import { openDatabase } from '../store/database.js';
import { ChannelRepository } from '../../update-server/channel/channelRepository.js';
import { generateRoleKeys, loadRoleKeys, type RoleKey } from '../../update-server/channel/keys.js';
import { signShippedModels } from '../../update-server/channel/releaseSigning.js';
import { trustChannel } from './channelTrust.js';
import { parseChannelSource } from './channelSource.js';
import { ModelLedger } from './modelLedger.js';
import { ModelUpdater, type Gate } from './modelUpdater.js';
import { ModelSignatures } from './modelSignatures.js';
import { rehashModelFile } from './testing/tamper.js';

const PLUME = 'plume-surrogate';
const FIRE = 'fire-spread-surrogate';
const passingGate: Gate = async () => ({ passed: true, checks: [], durationMs: 0 });
const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** A copy of the shipped models/ (release metadata included). */
function shippedCopy(): string {
  const dir = join(temp('safe-signed-'), 'models');
  cpSync(DEFAULT_MODELS_DIR, dir, { recursive: true });
  return dir;
}

test('every model version shipped in models/ is signed by the release key', () => {
  const signatures = new ModelSignatures(DEFAULT_MODELS_DIR, temp('safe-signed-data-'));
  const versions = listModelNames(DEFAULT_MODELS_DIR).flatMap((name) => listVersions(DEFAULT_MODELS_DIR, name).map((version) => ({ name, version })));
  assert.ok(versions.length >= 6, 'every shipped version is checked');
  for (const { name, version } of versions) assert.equal(signatures.check(name, version, join(DEFAULT_MODELS_DIR, name, String(version))), null, `${name} v${version}`);
});

test('a shipped model rewritten with its manifest hash fixed passes the manifest check but is refused as unsigned', () => {
  const models = shippedCopy();
  const plume = join(models, PLUME, '1');
  const signatures = new ModelSignatures(models, temp('safe-signed-data-'));
  assert.equal(signatures.check(PLUME, 1, plume), null, 'control: the copy verifies');
  rehashModelFile(plume);
  assert.doesNotThrow(() => loadVerifiedModel(models, PLUME, 1), 'the manifest check alone is fooled');
  const refused = signatures.check(PLUME, 1, plume);
  assert.equal(refused?.code, 'SAFE_E_MODEL_UNSIGNED');
  assert.match(refused?.message ?? '', /not the file the release key signed/);
  assert.equal(signatures.check(FIRE, 2, join(models, FIRE, '2')), null, 'the other models still verify');
});

test('release metadata re-signed by another key, or missing, vouches for nothing', () => {
  const models = shippedCopy();
  const plume = join(models, PLUME, '1');
  // An attacker's own channel keys: their root is not the shipped one, so their targets do not verify under it.
  const keys = generateRoleKeys(join(temp('safe-signed-keys-'), 'keys'));
  const theirs = ChannelRepository.init(join(temp('safe-signed-chan-'), 'c'), keys);
  const shippedRoot = readFileSync(join(models, RELEASE_ROOT_FILE), 'utf8');
  rehashModelFile(plume);
  signShippedModels(models, theirs.rootFile, keys.targets);
  // Their whole folder (their root beside their targets) verifies under its own root, but that root names
  // a targets key this engine build does not trust as the release key.
  const whole = new ModelSignatures(models, temp('safe-signed-data-')).check(PLUME, 1, plume);
  assert.equal(whole?.code, 'SAFE_E_MODEL_UNSIGNED');
  assert.match(whole?.message ?? '', /does not trust as the release key/);
  writeFileSync(join(models, RELEASE_ROOT_FILE), shippedRoot); // the root that names the release key stays
  const resigned = new ModelSignatures(models, temp('safe-signed-data-')).check(PLUME, 1, plume);
  assert.equal(resigned?.code, 'SAFE_E_MODEL_UNSIGNED');
  assert.match(resigned?.message ?? '', /is not signed by the targets key/);

  const bare = shippedCopy();
  writeFileSync(join(bare, RELEASE_TARGETS_FILE), '{}');
  assert.equal(new ModelSignatures(bare, temp('safe-signed-data-')).check(PLUME, 1, join(bare, PLUME, '1'))?.code, 'SAFE_E_MODEL_UNSIGNED');
});

test('signing refuses a targets key the root does not name for the targets role', () => {
  const models = shippedCopy();
  const dev = loadRoleKeys(join(DEFAULT_MODELS_DIR, '..', 'release-keys', 'dev'), ['snapshot']);
  assert.throws(() => signShippedModels(models, join(models, RELEASE_ROOT_FILE), dev.snapshot as RoleKey), (err: { code?: string }) => err.code === 'SAFE_E_CHANNEL_INVALID');
});

test('a version the channel delivered verifies in the live view; changed in the store afterwards, it is left out as unsigned', async () => {
  const root = temp('safe-signed-channel-');
  const keys = generateRoleKeys(join(root, 'keys'));
  const channel = ChannelRepository.init(join(root, 'channel'), keys);
  const dataDir = join(root, 'data');
  trustChannel(dataDir, channel.rootFile);
  const updater = new ModelUpdater({ dataDir, shippedDir: DEFAULT_MODELS_DIR, ledger: new ModelLedger(openDatabase(dataDir)), gate: passingGate });
  channel.publish(join(DEFAULT_MODELS_DIR, FIRE, '2'), { version: 3 });
  const report = await updater.update(parseChannelSource(channel.dir));
  assert.equal(report.models.find((m) => m.name === FIRE)?.outcome, 'updated');

  const view = updater.liveModelsDir();
  assert.deepEqual(listVersions(view, FIRE), [3], 'the delivered version is in the live view');
  assert.equal(updater.signatureRefusals.size, 0);

  rehashModelFile(updater.store.versionDir(FIRE, 3));
  const after = updater.liveModelsDir();
  assert.deepEqual(listVersions(after, FIRE), [], 'the changed version is left out');
  assert.equal(updater.signatureRefusals.get(FIRE)?.error.code, 'SAFE_E_MODEL_UNSIGNED');
  assert.deepEqual(listVersions(after, PLUME), [1], 'the other models stay');
  assert.throws(() => updater.trialModelsDir(FIRE, 3), (err: { code?: string }) => err.code === 'SAFE_E_MODEL_UNSIGNED', 'a trial of it is refused');
});
