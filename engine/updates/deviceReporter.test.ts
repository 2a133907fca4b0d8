// Device reports reach the update server signed by the key the device registered on first contact; the
// server refuses a report signed by another key or under another device's id; a folder channel has no
// server to report to.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANNEL_PATH, DEVICE_REPORT_PATH } from '../contract/deviceReport.js';
import { openDatabase } from '../store/database.js';
import { ChannelRepository } from '../../update-server/channel/channelRepository.js';
import { generateRoleKeys } from '../../update-server/channel/keys.js';
import { buildUpdateServer } from '../../update-server/server/app.js';
import { parseChannelSource } from './channelSource.js';
import { DeviceReporter } from './deviceReporter.js';
import { loadDeviceIdentity } from './deviceIdentity.js';
import { ModelLedger } from './modelLedger.js';

const dir = mkdtempSync(join(tmpdir(), 'safe-reports-'));
const channel = ChannelRepository.init(join(dir, 'channel'), generateRoleKeys(join(dir, 'keys')));
const server = buildUpdateServer({ channelDir: channel.dir, keys: null, stateDir: join(dir, 'state'), adminToken: 'it' });
const base = server.listen({ host: '127.0.0.1', port: 0 });
after(() => server.close());

test('a device registers its key with its first report, later reports carry only what is new, and the fleet sees them', async () => {
  const dataDir = join(dir, 'laptop');
  const ledger = new ModelLedger(openDatabase(dataDir));
  const reporter = new DeviceReporter(dataDir, ledger);
  const source = parseChannelSource(`${await base}${CHANNEL_PATH}`);
  assert.equal(await reporter.report(source, { 'fire-spread-surrogate': 2 }), 'nothing-new');
  ledger.record('fire-spread-surrogate', 3, 'live', { from: 2 });
  assert.equal(await reporter.report(source, { 'fire-spread-surrogate': 3 }), 'sent');
  assert.equal(await reporter.report(source, { 'fire-spread-surrogate': 3 }), 'nothing-new', 'the cursor moved');
  ledger.record('fire-spread-surrogate', 2, 'rolled-back', { from: 3 });
  assert.equal(await reporter.report(source, { 'fire-spread-surrogate': 2 }), 'sent');
  const identity = loadDeviceIdentity(dataDir);
  const device = server.fleet.device(identity.deviceId);
  assert.equal(device?.reports, 2);
  const latest = server.fleet.latestReports(1)[0]?.report as { live: Record<string, number>; events: Array<{ event: string }> };
  assert.deepEqual(latest.live, { 'fire-spread-surrogate': 2 });
  assert.deepEqual(latest.events.map((e) => e.event), ['rolled-back']);
  assert.equal(await reporter.report(parseChannelSource(channel.dir), {}), 'no-server', 'a folder has no server');
});

test('the server refuses a report under a registered id with another key, not signed by its key, or played again', async () => {
  const dataDir = join(dir, 'laptop2');
  const ledger = new ModelLedger(openDatabase(dataDir));
  ledger.record('plume-surrogate', 1, 'checked');
  assert.equal(await new DeviceReporter(dataDir, ledger).report(parseChannelSource(`${await base}${CHANNEL_PATH}`), {}), 'sent');
  const identity = loadDeviceIdentity(dataDir);
  const payload = JSON.stringify({ engineVersion: '0.1.0', sequence: 99, live: {}, events: [] });
  const reportUrl = `${await base}${DEVICE_REPORT_PATH}`;
  const post = (body: object) => fetch(reportUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const other = generateKeyPairSync('ed25519');
  const otherPem = other.publicKey.export({ format: 'pem', type: 'spki' }).toString();
  // The registered id with a different key.
  const hijack = await post({ deviceId: identity.deviceId, publicKeyPem: otherPem, sentAt: new Date().toISOString(), payload, signature: sign(null, Buffer.from(payload), other.privateKey).toString('base64') });
  assert.equal(hijack.status, 403);
  // The right key, a signature by another.
  const forged = await post({ deviceId: identity.deviceId, publicKeyPem: identity.publicKeyPem, sentAt: new Date().toISOString(), payload, signature: sign(null, Buffer.from(payload), other.privateKey).toString('base64') });
  assert.equal(forged.status, 403);
  assert.equal(server.fleet.device(identity.deviceId)?.reports, 1);
  // A report the device really signed, played again: refused by its sequence.
  const replayPayload = JSON.stringify({ engineVersion: '0.1.0', sequence: 1, live: {}, events: [] });
  const replay = await post({ deviceId: identity.deviceId, publicKeyPem: identity.publicKeyPem, sentAt: new Date().toISOString(), payload: replayPayload, signature: identity.sign(Buffer.from(replayPayload)) });
  assert.equal(replay.status, 403);
  assert.equal(server.fleet.device(identity.deviceId)?.reports, 1);
});
