// Every model version the engine runs is one the release key signed (docs/models.md#signed-models): the
// files of `models/<name>/<version>/` (or of the store's copy) must be targets of TUF targets metadata
// signed by the key a trusted root names for the targets role — the role the update channel signs its
// targets with. A manifest's own sha256 only says the file is the one the manifest names; rewriting both
// passes it. The signature does not: the manifest is a signed target too.
//
// Which metadata vouches for a version depends on where its files are:
//   shipped with the app  models/release-root.json + models/release-targets.json, written by the release
//                         tooling (`safe-edge channel sign-models`); that root must name, for the
//                         targets role, only the key pinned in engine/contract/releaseKey.ts
//   the model store       the channel metadata this device verified through tuf-js at its last refresh
//                         (<dataDir>/updates/metadata/root.json + targets.json): a version the channel
//                         no longer lists (revoked) is no longer vouched for
// Signatures are verified by @tufjs/models (Metadata.verifyDelegate), lengths and hashes by its MetaFile.
// Expiry is not judged here: it guards a channel against freeze attacks while online; the files already on
// the laptop cannot be frozen, and a laptop must not stop analysing when a date passes.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Metadata, MetadataKind, MetaFile, type Root, type Targets } from '@tufjs/models';
import { ERROR_CODES, SafeError, type SafeErrorBody } from '../contract/errors.js';
import { MANIFEST_FILE, modelTargetPath, RELEASE_ROOT_FILE, RELEASE_TARGETS_FILE } from '../contract/modelChannel.js';
import { manifestSchema } from '../contract/modelManifest.js';
import { RELEASE_TARGETS_KEY_IDS } from '../contract/releaseKey.js';
import { trustDir } from './channelTrust.js';

/** Targets metadata whose signature verified under its root. */
export interface VerifiedTargets { targets: Metadata<Targets>; origin: string }

const unsigned = (message: string) => new SafeError(ERROR_CODES.MODEL_UNSIGNED, message, 'models');

/** Reads `rootFile` and `targetsFile` and verifies that the targets are signed by the keys the root
 *  names for the targets role (the root itself by its own root keys); `pinnedTargetsKeys`: the only keys
 *  that root may name for it. Throws MODEL_UNSIGNED. */
export function verifyTargetsMetadata(rootFile: string, targetsFile: string, origin: string, pinnedTargetsKeys?: readonly string[]): VerifiedTargets {
  for (const file of [rootFile, targetsFile]) {
    if (!existsSync(file)) throw unsigned(`${origin}: no ${file}, so no model version from there can be checked against the release key's signature`);
  }
  let root: Metadata<Root>;
  let targets: Metadata<Targets>;
  try {
    root = Metadata.fromJSON(MetadataKind.Root, JSON.parse(readFileSync(rootFile, 'utf8')));
    targets = Metadata.fromJSON(MetadataKind.Targets, JSON.parse(readFileSync(targetsFile, 'utf8')));
  } catch (err) {
    throw unsigned(`${origin}: ${rootFile} or ${targetsFile} is not TUF metadata (${(err as Error).message})`);
  }
  try {
    root.verifyDelegate(MetadataKind.Root, root);
    root.verifyDelegate(MetadataKind.Targets, targets);
  } catch (err) {
    throw unsigned(`${origin}: ${targetsFile} is not signed by the targets key ${rootFile} names (${(err as Error).message})`);
  }
  const named = root.signed.roles[MetadataKind.Targets]?.keyIDs ?? [];
  const foreign = pinnedTargetsKeys ? named.filter((id) => !pinnedTargetsKeys.includes(id)) : [];
  if (foreign.length) throw unsigned(`${origin}: ${rootFile} names a targets key this engine build does not trust as the release key (${foreign[0]?.slice(0, 12)}…)`);
  return { targets, origin };
}

/**
 * Checks the version folder `dir` of `name` v`version` against signed targets: every file the metadata
 * signs for that version is there with its signed length and sha256, the manifest among them, and every
 * file the (now verified) manifest names is signed. Throws MODEL_UNSIGNED naming the first difference.
 */
export function verifySignedVersion(signed: VerifiedTargets, name: string, version: number, dir: string): void {
  const prefix = modelTargetPath(name, version, '');
  const files = Object.values(signed.targets.signed.targets).filter((t) => t.path.startsWith(prefix));
  const label = `model ${name} v${version}`;
  if (!files.some((t) => t.path === prefix + MANIFEST_FILE)) throw unsigned(`${label} is not among the model versions ${signed.origin} signs: refusing to run it`);
  for (const target of files) {
    const file = target.path.slice(prefix.length);
    const path = join(dir, file);
    if (!existsSync(path)) throw unsigned(`${label}: ${file}, which the release key signed, is missing from ${dir}`);
    try {
      new MetaFile({ version: 1, length: target.length, hashes: target.hashes }).verify(readFileSync(path));
    } catch {
      throw unsigned(`${label}: ${file} is not the file the release key signed (${signed.origin}): it was changed after signing; refusing to run it`);
    }
  }
  let manifest;
  try { manifest = manifestSchema.safeParse(JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8'))); } catch { manifest = null; }
  if (!manifest?.success) throw unsigned(`${label}: its signed manifest does not validate`);
  const named = [manifest.data.file, ...Object.values(manifest.data.variants ?? {}).map((v) => v.file)];
  for (const file of named) {
    if (!files.some((t) => t.path === prefix + file)) throw unsigned(`${label}: ${file}, named by its manifest, is not signed`);
  }
}

/** Where the metadata vouching for a version is; `pinned`: the only targets keys its root may name. */
interface MetadataSource { root: string; targets: string; origin: string; pinned?: readonly string[] }

/** A file's identity on disk: any write or rename changes it (ctime cannot be set back by a user). */
function stamp(paths: readonly string[]): string {
  return paths.map((p) => {
    if (!existsSync(p)) return `${p}:absent`;
    const s = statSync(p);
    return `${p}:${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
  }).join('|');
}

/**
 * The signature checks of one engine: the shipped models against the release metadata beside them, the
 * store's versions against the trusted channel's metadata. Each answer is kept until a file it read
 * changes (by its stat), so a live view built for every kept-model analysis hashes nothing twice.
 */
export class ModelSignatures {
  private readonly checked = new Map<string, { stamp: string; error: SafeErrorBody | null }>();
  /** Verified metadata by its files' stamp: read and verified once, not once per version. */
  private readonly metadata = new Map<string, { stamp: string; verified: VerifiedTargets | SafeError }>();

  constructor(private readonly shippedDir: string, private readonly dataDir: string) {}

  /** The metadata that vouches for a version whose files are in `dir`. */
  private sources(name: string, version: number, dir: string): MetadataSource {
    if (resolve(dir) === resolve(this.shippedDir, name, String(version))) {
      return { root: join(this.shippedDir, RELEASE_ROOT_FILE), targets: join(this.shippedDir, RELEASE_TARGETS_FILE), origin: 'the release metadata shipped with the app', pinned: RELEASE_TARGETS_KEY_IDS };
    }
    return { root: join(trustDir(this.dataDir), 'root.json'), targets: join(trustDir(this.dataDir), 'targets.json'), origin: 'the update channel this device trusts' };
  }

  /** Null when `name` v`version` in `dir` is exactly what the release key signed; else why not. */
  check(name: string, version: number, dir: string): SafeErrorBody | null {
    const source = this.sources(name, version, dir);
    const files = existsSync(dir) ? readdirSync(dir).sort().map((f) => join(dir, f)) : [];
    const key = `${resolve(dir)}|${name}|${version}`;
    const now = stamp([source.root, source.targets, dir, ...files]);
    const known = this.checked.get(key);
    if (known?.stamp === now) return known.error;
    let error: SafeErrorBody | null = null;
    try {
      verifySignedVersion(this.verifiedMetadata(source), name, version, dir);
    } catch (err) {
      if (!(err instanceof SafeError)) throw err;
      error = err.toBody();
    }
    this.checked.set(key, { stamp: now, error });
    return error;
  }

  private verifiedMetadata(source: MetadataSource): VerifiedTargets {
    const now = stamp([source.root, source.targets]);
    let known = this.metadata.get(source.targets);
    if (known?.stamp !== now) {
      let verified: VerifiedTargets | SafeError;
      try { verified = verifyTargetsMetadata(source.root, source.targets, source.origin, source.pinned); } catch (err) {
        if (!(err instanceof SafeError)) throw err;
        verified = err;
      }
      known = { stamp: now, verified };
      this.metadata.set(source.targets, known);
    }
    if (known.verified instanceof SafeError) throw known.verified;
    return known.verified;
  }
}
