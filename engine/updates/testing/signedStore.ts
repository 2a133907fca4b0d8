// For tests: makes the model store's versions vouched for as a channel would (docs/models.md#signed-models):
// a throwaway ed25519 key as every role of a root, and targets metadata it signs listing each version's
// files, written where tuf-js keeps the verified channel metadata (<dataDir>/updates/metadata/). The
// channel tools (update-server/) sign real channels; the engine's non-test code never imports them.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Key, Metadata, Root, Signature, TargetFile, Targets } from '@tufjs/models';
import { modelTargetPath } from '../../contract/modelChannel.js';
import { trustDir } from '../channelTrust.js';

const EXPIRES = '2099-01-01T00:00:00Z';

/** Signs every file of each `<dataDir>/models/<name>/<version>` named, and trusts the key that signed them. */
export function trustStoreVersions(dataDir: string, versions: ReadonlyArray<{ name: string; version: number }>): void {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  const publicHex = der.subarray(der.length - 32).toString('hex');
  const key = new Key({ keyID: createHash('sha256').update(publicHex).digest('hex'), keyType: 'ed25519', scheme: 'ed25519', keyVal: { public: publicHex } });
  const signer = (bytes: Buffer) => new Signature({ keyID: key.keyID, sig: sign(null, bytes, privateKey).toString('hex') });
  const root = new Metadata(new Root({ version: 1, specVersion: '1.0.31', expires: EXPIRES, consistentSnapshot: true }));
  for (const role of ['root', 'targets', 'snapshot', 'timestamp']) root.signed.addKey(key, role);
  root.sign(signer);
  const targets: Record<string, TargetFile> = {};
  for (const { name, version } of versions) {
    const dir = join(dataDir, 'models', name, String(version));
    for (const file of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, file));
      const path = modelTargetPath(name, version, file);
      targets[path] = new TargetFile({ path, length: bytes.length, hashes: { sha256: createHash('sha256').update(bytes).digest('hex') } });
    }
  }
  const signed = new Metadata(new Targets({ version: 1, specVersion: '1.0.31', expires: EXPIRES, targets }));
  signed.sign(signer);
  mkdirSync(trustDir(dataDir), { recursive: true });
  writeFileSync(join(trustDir(dataDir), 'root.json'), JSON.stringify(root.toJSON()));
  writeFileSync(join(trustDir(dataDir), 'targets.json'), JSON.stringify(signed.toJSON()));
}
