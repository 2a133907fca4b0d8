// This laptop's identity for the update channel: an ed25519 key made at its first start (kept in the
// data directory, mode 0600). Its fingerprint names the device to the update server, which registers the
// public key at first contact and then accepts only reports signed by it; its stable bucket (0–99) puts
// the device inside or outside a staged rollout the same way every time (docs/updates.md).
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface DeviceIdentity { deviceId: string; publicKeyPem: string; bucket: number; sign(payload: Uint8Array): string }

const identityFile = (dataDir: string) => join(dataDir, 'updates', 'device-key.pem');

export function loadDeviceIdentity(dataDir: string): DeviceIdentity {
  const file = identityFile(dataDir);
  let privateKey: KeyObject;
  if (existsSync(file)) {
    privateKey = createPrivateKey(readFileSync(file, 'utf8'));
  } else {
    privateKey = generateKeyPairSync('ed25519').privateKey;
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
    } catch {
      privateKey = createPrivateKey(readFileSync(file, 'utf8')); // another process made it first
    }
  }
  const publicKeyPem = createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString();
  const deviceId = createHash('sha256').update(publicKeyPem).digest('hex').slice(0, 32);
  return {
    deviceId, publicKeyPem, bucket: rolloutBucket(deviceId),
    sign: (payload) => sign(null, payload, privateKey).toString('base64'),
  };
}

/** A device's place in a staged rollout: its id hashed to 0–99, stable across versions and restarts. */
export function rolloutBucket(deviceId: string): number {
  return createHash('sha256').update(`rollout:${deviceId}`).digest().readUInt32BE(0) % 100;
}
