// Signs the models an app build ships (docs/models.md#signed-models): every file of every version in
// `models/` becomes a target of TUF targets metadata signed by the release key — the targets key of the
// project's channel root, the role the update channel signs its targets with — written beside them as
// `release-targets.json`, with that root as `release-root.json`. The engine runs a shipped version only
// when its files are exactly those targets. Only the targets key is needed: the root comes signed
// already (`safe-edge channel init` made it), so the root key stays offline. Nothing is retrained: the
// files are signed as they are, after checking each against its manifest.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Metadata, MetadataKind, TargetFile, Targets, type Root } from '@tufjs/models';
import { ERROR_CODES, SafeError } from '../../engine/contract/errors.js';
import { RELEASE_TARGETS_KEY_IDS } from '../../engine/contract/releaseKey.js';
import { EVALUATION_FILE, MANIFEST_FILE, RELEASE_ROOT_FILE, RELEASE_TARGETS_FILE, modelTargetPath } from '../../engine/contract/modelChannel.js';
import { readVersionManifest, SPEC_VERSION } from './channelRepository.js';
import { signWith, type RoleKey } from './keys.js';
import { writeAtomically } from '../atomicWrite.js';

/** How long the signature is dated to hold. The engine does not judge it for shipped models (a laptop
 *  must not stop analysing when a date passes); TUF metadata needs one. */
const EXPIRY_DAYS = 3650;
const DAY_MS = 86_400_000;

export interface SignedModels {
  versions: string[]; files: number; targetsVersion: number; targetsKeyId: string;
  /** Whether this engine build trusts the key (engine/contract/releaseKey.ts): if not, it refuses the models. */
  trustedByEngine: boolean;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const invalid = (message: string, field = 'modelsDir') => new SafeError(ERROR_CODES.CHANNEL_INVALID, message, field);

/** The root (verified against its own root keys) whose targets role must name `targetsKey`. */
function readReleaseRoot(rootFile: string, targetsKey: RoleKey): Metadata<Root> {
  if (!existsSync(rootFile)) throw invalid(`no root metadata at ${rootFile}: pass the project channel's metadata/root.json`, 'root');
  let root: Metadata<Root>;
  try {
    root = Metadata.fromJSON(MetadataKind.Root, JSON.parse(readFileSync(rootFile, 'utf8')));
    root.verifyDelegate(MetadataKind.Root, root);
  } catch (err) {
    throw invalid(`${rootFile} is not root metadata signed by its own root key: ${(err as Error).message}`, 'root');
  }
  const targetsKeys = root.signed.roles[MetadataKind.Targets]?.keyIDs ?? [];
  if (!targetsKeys.includes(targetsKey.key.keyID)) throw invalid(`the targets key given (${targetsKey.key.keyID.slice(0, 12)}…) is not the one ${rootFile} names for the targets role`, 'keys');
  return root;
}

/** The files of one version folder, each checked against its manifest: what gets signed. */
function versionTargets(modelsDir: string, name: string, version: number): TargetFile[] {
  const dir = join(modelsDir, name, String(version));
  const manifest = readVersionManifest(dir); // refuses a network whose sha256 is not its manifest's
  if (manifest.name !== name || manifest.version !== version) throw invalid(`${dir}: its manifest names ${manifest.name} v${manifest.version}`);
  for (const variant of Object.values(manifest.variants ?? {})) {
    const path = join(dir, variant.file);
    if (!existsSync(path) || sha256(readFileSync(path)) !== variant.sha256) throw invalid(`${dir}: ${variant.file} does not match its manifest's sha256`);
  }
  const files = [MANIFEST_FILE, manifest.file, ...Object.values(manifest.variants ?? {}).map((v) => v.file), ...(existsSync(join(dir, EVALUATION_FILE)) ? [EVALUATION_FILE] : [])];
  return files.map((file) => {
    const bytes = readFileSync(join(dir, file));
    return new TargetFile({ path: modelTargetPath(name, version, file), length: bytes.length, hashes: { sha256: sha256(bytes) } });
  });
}

/** Signs every version in `modelsDir` with `targetsKey`, under the root in `rootFile`; writes both beside them. */
export function signShippedModels(modelsDir: string, rootFile: string, targetsKey: RoleKey, now = new Date()): SignedModels {
  if (!existsSync(modelsDir)) throw invalid(`no models folder at ${modelsDir}`);
  const root = readReleaseRoot(rootFile, targetsKey);
  const targets: Record<string, TargetFile> = {};
  const versions: string[] = [];
  const names = readdirSync(modelsDir, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => d.name).sort();
  for (const name of names) {
    const numbered = readdirSync(join(modelsDir, name)).filter((d) => /^\d+$/.test(d)).map(Number).sort((a, b) => a - b);
    for (const version of numbered) {
      for (const target of versionTargets(modelsDir, name, version)) targets[target.path] = target;
      versions.push(`${name}@${version}`);
    }
  }
  if (versions.length === 0) throw invalid(`${modelsDir} holds no model version (models/<name>/<version>/manifest.json)`);
  const previous = join(modelsDir, RELEASE_TARGETS_FILE);
  let version = 1;
  if (existsSync(previous)) {
    try { version = Metadata.fromJSON(MetadataKind.Targets, JSON.parse(readFileSync(previous, 'utf8'))).signed.version + 1; } catch { /* an unreadable one is replaced */ }
  }
  const expires = new Date(now.getTime() + EXPIRY_DAYS * DAY_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const metadata = new Metadata(new Targets({ version, specVersion: SPEC_VERSION, expires, targets }));
  signWith(metadata, targetsKey);
  root.verifyDelegate(MetadataKind.Targets, metadata); // what the engine will check, checked before anything is written
  writeAtomically(join(modelsDir, RELEASE_ROOT_FILE), JSON.stringify(root.toJSON()));
  writeAtomically(previous, JSON.stringify(metadata.toJSON()));
  return { versions, files: Object.keys(targets).length, targetsVersion: version, targetsKeyId: targetsKey.key.keyID, trustedByEngine: RELEASE_TARGETS_KEY_IDS.includes(targetsKey.key.keyID) };
}
