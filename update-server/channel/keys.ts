// The channel's signing keys: one ed25519 key per TUF role (root, targets, snapshot, timestamp), made
// by `safe-edge channel init` into KEYDIR. Only the root key signs trust (it should live offline, e.g.
// on the USB stick IT keeps in a safe); the timestamp key may sit on the update server to keep
// `timestamp.json` fresh. A key id is the sha256 of the key's canonical JSON (the TUF convention).
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalize } from '@tufjs/canonical-json';
import { Key, Signature, type Metadata, type Root } from '@tufjs/models';
import { z } from 'zod';
import { ERROR_CODES, SafeError } from '../../engine/contract/errors.js';

export const ROLES = ['root', 'targets', 'snapshot', 'timestamp'] as const;
export type RoleName = (typeof ROLES)[number];

export interface RoleKey { role: RoleName; key: Key; privateKey: KeyObject }
export type RoleKeys = Record<RoleName, RoleKey>;

const keyFileSchema = z.object({ role: z.enum(ROLES), keyId: z.string(), publicHex: z.string().regex(/^[0-9a-f]{64}$/), privatePem: z.string() });

/** The TUF public key of an ed25519 key pair (raw 32-byte public key, hex). */
function tufKey(publicKey: KeyObject): Key {
  const der = publicKey.export({ format: 'der', type: 'spki' });
  const publicHex = der.subarray(der.length - 32).toString('hex');
  const unnamed = new Key({ keyID: '', keyType: 'ed25519', scheme: 'ed25519', keyVal: { public: publicHex } });
  const keyID = createHash('sha256').update(canonicalize(unnamed.toJSON())).digest('hex');
  return new Key({ keyID, keyType: 'ed25519', scheme: 'ed25519', keyVal: { public: publicHex } });
}

const keyFile = (keyDir: string, role: RoleName) => join(keyDir, `${role}.key.json`);

/** Makes a key per role in `keyDir` (mode 0600); refuses to overwrite keys that exist. */
export function generateRoleKeys(keyDir: string): RoleKeys {
  const existing = ROLES.filter((role) => existsSync(keyFile(keyDir, role)));
  if (existing.length) throw new SafeError(ERROR_CODES.CHANNEL_INVALID, `${keyDir} already holds channel keys (${existing.join(', ')}): a new channel needs a new key folder`, 'keys');
  return Object.fromEntries(ROLES.map((role) => [role, generateRoleKey(keyDir, role)])) as RoleKeys;
}

/** Makes one role's key in `keyDir` (mode 0600), e.g. a new root key for a rotation. */
export function generateRoleKey(keyDir: string, role: RoleName): RoleKey {
  mkdirSync(keyDir, { recursive: true, mode: 0o700 });
  if (existsSync(keyFile(keyDir, role))) throw new SafeError(ERROR_CODES.CHANNEL_INVALID, `${keyFile(keyDir, role)} exists: a new key needs a new place`, 'keys');
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const key = tufKey(publicKey);
  const file = { role, keyId: key.keyID, publicHex: key.keyVal.public as string, privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() };
  writeFileSync(keyFile(keyDir, role), JSON.stringify(file, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  return { role, key, privateKey };
}

/** The keys of the roles named (all by default) from `keyDir`. */
export function loadRoleKeys(keyDir: string, roles: readonly RoleName[] = ROLES): Partial<RoleKeys> {
  const keys: Partial<RoleKeys> = {};
  for (const role of roles) {
    const path = keyFile(keyDir, role);
    if (!existsSync(path)) throw new SafeError(ERROR_CODES.CHANNEL_INVALID, `no ${role} key at ${path}: pass the KEYDIR \`safe-edge channel init\` wrote`, 'keys');
    const parsed = keyFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success || parsed.data.role !== role) throw new SafeError(ERROR_CODES.CHANNEL_INVALID, `${path} is not a SAFE Edge channel key`, 'keys');
    const privateKey = createPrivateKey(parsed.data.privatePem);
    const key = tufKey(createPublicKey(privateKey));
    if (key.keyID !== parsed.data.keyId) throw new SafeError(ERROR_CODES.CHANNEL_INVALID, `${path}: the private key does not match its key id`, 'keys');
    keys[role] = { role, key, privateKey };
  }
  return keys;
}

/** Signs `metadata` with `roleKey`; `append` keeps signatures already there (a root rotation is signed
 *  by the old root key and the new one). */
export function signWith(metadata: Pick<Metadata<Root>, 'sign'>, roleKey: RoleKey, append = false): void {
  metadata.sign((bytes) => new Signature({ keyID: roleKey.key.keyID, sig: sign(null, bytes, roleKey.privateKey).toString('hex') }), append);
}
