// Which channel a laptop trusts: the channel's root metadata, pinned once (`safe-edge models trust
// ROOT_FILE`) or shipped with the app build. Everything else the device believes about a channel follows
// from that root by TUF's rules (tuf-js): later roots must be signed by the keys of the one before, so
// root keys rotate without anyone touching the laptop again.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Metadata, MetadataKind, type Root } from '@tufjs/models';
import { ERROR_CODES, SafeError } from '../contract/errors.js';

/** tuf-js's trusted metadata folder in the data directory. */
export const trustDir = (dataDir: string): string => join(dataDir, 'updates', 'metadata');
export const isChannelTrusted = (dataDir: string): boolean => existsSync(join(trustDir(dataDir), 'root.json'));

export interface TrustedRoot { version: number; expires: string; keyIds: Record<string, string[]>; file: string }

function parseRoot(text: string, origin: string): Metadata<Root> {
  let root: Metadata<Root>;
  try {
    root = Metadata.fromJSON(MetadataKind.Root, JSON.parse(text));
  } catch (err) {
    throw new SafeError(ERROR_CODES.CHANNEL_INVALID, `${origin} is not TUF root metadata: ${(err as Error).message}`, 'root');
  }
  try {
    root.verifyDelegate(MetadataKind.Root, root);
  } catch (err) {
    throw new SafeError(ERROR_CODES.UPDATE_BAD_SIGNATURE, `${origin} is not signed by its own root keys: ${(err as Error).message}`, 'root');
  }
  return root;
}

const describe = (root: Metadata<Root>, file: string): TrustedRoot => ({
  version: root.signed.version, expires: root.signed.expires, file,
  keyIds: Object.fromEntries(Object.entries(root.signed.roles).map(([role, r]) => [role, r.keyIDs])),
});

/** Pins `rootFile` as the channel this device trusts. Pinning a different channel forgets what the
 *  device had cached from the previous one (its versions mean nothing in the new channel). */
export function trustChannel(dataDir: string, rootFile: string): TrustedRoot {
  let text: string;
  try { text = readFileSync(rootFile, 'utf8'); } catch (err) {
    throw new SafeError(ERROR_CODES.FILE_UNREADABLE, `cannot read ${rootFile}: ${(err as Error).message}`, 'root');
  }
  const root = parseRoot(text, rootFile);
  const dir = trustDir(dataDir);
  const current = trustedRoot(dataDir);
  const sameChannel = current && JSON.stringify(current.keyIds.root) === JSON.stringify(describe(root, '').keyIds.root);
  if (!sameChannel && existsSync(dir)) for (const f of readdirSync(dir)) rmSync(join(dir, f), { force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'root.json');
  writeFileSync(file, text);
  return describe(root, file);
}

/** The pinned root, or null when the device trusts no channel yet. */
export function trustedRoot(dataDir: string): TrustedRoot | null {
  const file = join(trustDir(dataDir), 'root.json');
  if (!existsSync(file)) return null;
  return describe(parseRoot(readFileSync(file, 'utf8'), file), file);
}
