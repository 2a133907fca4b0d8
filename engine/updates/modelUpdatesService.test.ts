// The update service's bookkeeping where things go wrong: a revoked live version whose replacement
// fails falls back and swaps; revocation reaches versions that are not live; a swap the workers refuse
// leaves the ledger on what they run; a second update during a trial leaves the trial alone; the same
// stale USB bundle imports twice; how a swap loaded goes into the ledger and the report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MODELS_DIR } from '../inference/modelRepository.js';
import { openDatabase } from '../store/database.js';
import { createLogger } from '../logging.js';
import { ChannelRepository } from '../../update-server/channel/channelRepository.js';
import { generateRoleKeys } from '../../update-server/channel/keys.js';
import { trustChannel } from './channelTrust.js';
import { ModelLedger } from './modelLedger.js';
import { ModelUpdates, type WorkerHooks } from './modelUpdates.js';
import type { Gate } from './modelUpdater.js';
import type { SwapRecord } from '../contract/modelUpdates.js';
import { DatabaseIntegrity } from '../store/databaseIntegrity.js';
import { HealthProblems } from '../healthProblems.js';
import { backupDatabase, BACKUPS_DIR, backupFileName, restoreCommand } from '../store/maintenance.js';

const FIRE = 'fire-spread-surrogate';
const SHIPPED_FIRE = join(DEFAULT_MODELS_DIR, FIRE, '2');
const root = mkdtempSync(join(tmpdir(), 'safe-update-service-'));
let n = 0;

function setup(gate: Gate = async () => ({ passed: true, checks: [], durationMs: 0 }), options: { now?: () => Date; swap?: SwapRecord } = {}) {
  const i = n++;
  const channel = ChannelRepository.init(join(root, `channel-${i}`), generateRoleKeys(join(root, `keys-${i}`)), options);
  const dataDir = join(root, `data-${i}`);
  trustChannel(dataDir, channel.rootFile);
  const db = openDatabase(dataDir);
  // The engine's own guard (engine.ts): the ledger refuses writes once a check found the database damaged.
  const integrity = new DatabaseIntegrity(db, dataDir, new HealthProblems(), createLogger('silent'));
  const ledger = new ModelLedger(db, undefined, () => integrity.assertWritable());
  const updates = new ModelUpdates({ dataDir, shippedDir: DEFAULT_MODELS_DIR, ledger, gate, channel: channel.dir, logger: createLogger('silent') });
  const swaps: string[] = [];
  let failSwaps = false;
  let trialsLoaded = 0;
  const hooks: WorkerHooks = {
    swap: async (dir) => { if (failSwaps) throw new Error('a worker could not load the models'); swaps.push(dir); return options.swap ?? null; },
    loadTrial: async () => { trialsLoaded++; }, dropTrial: async () => {},
    analyzeTwin: async () => { throw new Error('not used'); },
  };
  updates.attach(hooks);
  return { channel, ledger, updates, swaps, failSwaps: (on: boolean) => { failSwaps = on; }, db, dataDir, integrity, trialsLoaded: () => trialsLoaded };
}
const states = (ledger: ModelLedger) => ledger.versions(FIRE).map((v) => `v${v.version}:${v.state}`).join(' ');

test('a revoked live version whose replacement fails its gate falls back to the shipped one, and the workers are swapped', async () => {
  const s = setup(async (req) => ({ passed: req.candidate.version !== 3, checks: [], durationMs: 0 }));
  s.channel.publish(SHIPPED_FIRE, { version: 3 });
  s.channel.publish(SHIPPED_FIRE, { version: 4 });
  assert.equal((await s.updates.update()).live[FIRE], 4);
  s.channel.revoke(FIRE, 4, 'bad');
  const swapsBefore = s.swaps.length;
  const report = await s.updates.update();
  assert.equal(report.live[FIRE], 2, 'v3 failed its gate: the shipped v2 serves');
  assert.equal(report.swapped, true);
  assert.equal(s.swaps.length, swapsBefore + 1);
});

test('revocation reaches versions that are not live: a manual rollback never lands on a revoked one', async () => {
  const s = setup();
  s.channel.publish(SHIPPED_FIRE, { version: 3 });
  await s.updates.update();
  s.channel.publish(SHIPPED_FIRE, { version: 4 });
  await s.updates.update(); // v3 retired, v4 live
  s.channel.revoke(FIRE, 3, 'bad');
  await s.updates.update();
  assert.match(states(s.ledger), /v3:revoked/);
  const back = await s.updates.rollback(FIRE);
  assert.equal(back.toVersion, 2, 'past the revoked v3 to the shipped v2');
});

test('a swap the workers refuse leaves the ledger on the models they still run', async () => {
  const s = setup();
  s.channel.publish(SHIPPED_FIRE, { version: 3 });
  await s.updates.update();
  s.channel.publish(SHIPPED_FIRE, { version: 4 });
  s.failSwaps(true);
  await assert.rejects(s.updates.update(), /could not load/);
  assert.equal(s.updates.view().live[FIRE]?.version, 3, 'v3 is what the workers run');
  assert.match(states(s.ledger), /v4:refused/);
  assert.match(states(s.ledger), /v3:live/);
  assert.doesNotMatch(states(s.ledger), /v2:rolled_back/);
});

test('an update during a canary trial neither downloads nor gates the version on trial again', async () => {
  let gates = 0;
  const s = setup(async () => { gates++; return { passed: true, checks: [], durationMs: 0 }; });
  s.channel.publish(SHIPPED_FIRE, { version: 3, rollout: { strategy: 'canary' } });
  assert.equal((await s.updates.update()).models.find((m) => m.name === FIRE)?.outcome, 'trial');
  assert.equal(s.updates.view().trial?.version, 3);
  const again = await s.updates.update();
  assert.equal(again.models.find((m) => m.name === FIRE)?.outcome, 'trial');
  assert.equal(gates, 1);
  // The channel revokes it: the trial ends, rolled back.
  s.channel.revoke(FIRE, 3, 'bad');
  await s.updates.update();
  assert.equal(s.updates.view().trial, null);
  assert.ok(s.updates.view().events.some((e) => e.event === 'auto-rollback' && e.version === 3));
});

test('the same stale USB bundle imports twice; a folder named as a channel is held to the timestamp expiry', async () => {
  const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
  const s = setup(undefined, { now: () => eightDaysAgo });
  s.channel.publish(SHIPPED_FIRE, { version: 3 });
  await assert.rejects(s.updates.update(), (err: { code?: string }) => err.code === 'SAFE_E_UPDATE_EXPIRED');
  assert.equal((await s.updates.update(s.channel.dir, { offline: true })).metadata.expiredTimestampAccepted, true);
  assert.equal((await s.updates.update(s.channel.dir, { offline: true })).metadata.expiredTimestampAccepted, true, 'again');
});

test('how the swap loaded (drained, with its estimate and the free memory) is in the ledger and the update report', async () => {
  const drained: SwapRecord = {
    way: 'drained', estimateBytes: 4_000_000, freeBytes: 1_000_000, marginBytes: 268_435_456, budgetBytes: null, rssBytes: 200_000_000, workers: 2,
    drainTimedOut: false, reason: 'loading beside needs 3.8 MiB; 1.0 MiB free, 256.0 MiB kept in reserve',
  };
  const s = setup(undefined, { swap: drained });
  s.channel.publish(SHIPPED_FIRE, { version: 3 });
  const report = await s.updates.update();
  assert.deepEqual(report.swap, drained);
  const event = s.ledger.events(50, FIRE).find((e) => e.event === 'swapped');
  assert.equal(event?.version, 3);
  assert.deepEqual(event?.detail, drained);
  // A rollback's swap is recorded too.
  await s.updates.rollback(FIRE);
  assert.equal(s.ledger.events(50, FIRE).filter((e) => e.event === 'swapped').length, 2);
});

test('damage found while a canary version is gated: SAFE_E_DATABASE_DAMAGED naming the newest good backup, no trial started', async () => {
  // The full check in the background finds the damage while the gate runs (docs/hardening.md#integrity):
  // the update's next write is refused by the engine's guard, not by SQLite's read-only error.
  const s: ReturnType<typeof setup> = setup(async () => {
    s.integrity.damaged('full integrity check', ['row 3 missing from index runs_by_time']);
    return { passed: true, checks: [], durationMs: 0 };
  });
  const backup = join(s.dataDir, BACKUPS_DIR, backupFileName(new Date()));
  mkdirSync(join(s.dataDir, BACKUPS_DIR), { recursive: true });
  await backupDatabase(s.db, backup);
  s.channel.publish(SHIPPED_FIRE, { version: 3, rollout: { strategy: 'canary' } });
  await assert.rejects(s.updates.update(), (err: { code?: string; message?: string }) => {
    assert.equal(err.code, 'SAFE_E_DATABASE_DAMAGED', err.message);
    assert.ok(err.message?.includes(restoreCommand(s.dataDir, backup)), `names the backup and its restore command: ${err.message}`);
    return true;
  });
  assert.equal(s.updates.view().trial, null, 'no trial started');
  assert.equal(s.trialsLoaded(), 0, 'nor its models loaded');
  assert.doesNotMatch(states(s.ledger), /v3:ready/, 'the gate\'s verdict was not written into the damaged file');
  // The next update is refused at its first write (the channel check), the same way.
  await assert.rejects(s.updates.update(), (err: { code?: string }) => err.code === 'SAFE_E_DATABASE_DAMAGED');
});

test('the view names the version a rollback would make live, and null where the engine would refuse one (docs/updates.md)', async () => {
  const s = setup();
  // Shipped: fire v1 and v2 (v2 live), plume v1 only.
  assert.equal(s.updates.view().live[FIRE]?.rollbackTo, 1);
  assert.equal(s.updates.view().live['plume-surrogate']?.rollbackTo, null, 'nothing before the shipped plume v1');
  s.channel.publish(SHIPPED_FIRE, { version: 3 });
  await s.updates.update();
  assert.equal(s.updates.view().live[FIRE]?.rollbackTo, 2, 'v3 live: back to v2');
  await s.updates.rollback(FIRE);
  await s.updates.rollback(FIRE);
  assert.equal(s.updates.view().live[FIRE]?.version, 1);
  assert.equal(s.updates.view().live[FIRE]?.rollbackTo, null, 'v1 is the first version held');
  // Asked anyway, the engine still refuses with its code, and nothing changes.
  await assert.rejects(s.updates.rollback(FIRE), (err: { code?: string }) => err.code === 'SAFE_E_MODEL_MISSING');
  await assert.rejects(s.updates.rollback('plume-surrogate'), (err: { code?: string }) => err.code === 'SAFE_E_MODEL_MISSING');
  assert.equal(s.updates.view().live[FIRE]?.version, 1);
});
