// A model update channel on disk, written the way TUF prescribes (docs/updates.md): `metadata/` holds
// the signed roles with consistent snapshots (`N.root.json`, `N.targets.json`, `N.snapshot.json`, and
// `timestamp.json`), `targets/` holds each file under its hash (`<name>/<version>/<sha256>.<file>`), so
// a file never changes under a URL and any static server or CDN can serve a whole fleet. Every change
// (publish, revoke, rollout) signs new targets, snapshot and timestamp versions; nothing is edited in place.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Metadata, MetadataKind, MetaFile, Root, Snapshot, TargetFile, Targets, Timestamp } from '@tufjs/models';
/** A JSON object as @tufjs/models reads it. */
type JSONObject = Parameters<typeof Metadata.fromJSON>[1];
import { ERROR_CODES, SafeError } from '../../engine/contract/errors.js';
import {
  CHANNEL_METADATA_DIR, CHANNEL_TARGETS_DIR, CHUNK_BYTES, MANIFEST_FILE, MODEL_FACTS_KEY, REVOCATIONS_TARGET, modelTargetFactsSchema, modelTargetPath,
  revocationsSchema, toBasisPoints, type ModelTargetFacts, type Revocations, type Rollout,
} from '../../engine/contract/modelChannel.js';
import { manifestSchema, type ModelManifest } from '../../engine/contract/modelManifest.js';
import { ROLES, signWith, type RoleKey, type RoleKeys, type RoleName } from './keys.js';
import { writeAtomically } from '../atomicWrite.js';

/** How long each role's signature holds. The timestamp is short (a frozen channel is noticed within a
 *  week); laptops offline longer than that import over USB, which has its own rule (docs/updates.md). */
export const DEFAULT_EXPIRY_DAYS: Record<RoleName, number> = { root: 365, targets: 90, snapshot: 30, timestamp: 7 };
export const SPEC_VERSION = '1.0.31';
const DAY_MS = 86_400_000;

export interface ChannelOptions {
  /** The clock the signatures are dated by (tests sign metadata that is already expired). */
  now?: () => Date;
  expiryDays?: Partial<Record<RoleName, number>>;
}

export interface PublishOptions {
  /** Publish under this version number instead of the manifest's (a rebuild as the next version). */
  version?: number;
  rollout?: Partial<Rollout>;
  minEngineVersion?: string;
}

export const DEFAULT_ROLLOUT: Rollout = { percent: 100, strategy: 'immediate', minAgreementBp: 9000 };

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** The sha256 of each CHUNK_BYTES slice of `bytes`. */
const chunkHashes = (bytes: Uint8Array): string[] => Array.from({ length: Math.ceil(bytes.length / CHUNK_BYTES) }, (_, i) => sha256(bytes.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES)));
const readJson = (path: string): JSONObject => JSON.parse(readFileSync(path, 'utf8')) as JSONObject;

export class ChannelRepository {
  private constructor(readonly dir: string, private readonly keys: Partial<RoleKeys>, private readonly options: ChannelOptions,
    private root: Metadata<Root>, private targets: Metadata<Targets>, private snapshot: Metadata<Snapshot>, private timestamp: Metadata<Timestamp>) {}

  private static expiry(options: ChannelOptions, role: RoleName): string {
    const now = (options.now ?? (() => new Date()))();
    const days = options.expiryDays?.[role] ?? DEFAULT_EXPIRY_DAYS[role];
    return new Date(now.getTime() + days * DAY_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  /** A new, empty channel in `dir` signed by `keys`; returns it (its root is what devices pin). */
  static init(dir: string, keys: RoleKeys, options: ChannelOptions = {}): ChannelRepository {
    if (existsSync(join(dir, CHANNEL_METADATA_DIR))) throw new SafeError(ERROR_CODES.CHANNEL_INVALID, `${dir} already holds a channel`, 'dir');
    // Each top-level role: one key, threshold 1 (Root's defaults), the key added below.
    const root = new Metadata(new Root({ version: 1, specVersion: SPEC_VERSION, expires: ChannelRepository.expiry(options, 'root'), consistentSnapshot: true }));
    for (const role of ROLES) root.signed.addKey(keys[role].key, role);
    const channel = new ChannelRepository(dir, keys, options, root,
      new Metadata(new Targets({ version: 0, specVersion: SPEC_VERSION, expires: ChannelRepository.expiry(options, 'targets') })),
      new Metadata(new Snapshot({ version: 0, specVersion: SPEC_VERSION, expires: ChannelRepository.expiry(options, 'snapshot') })),
      new Metadata(new Timestamp({ version: 0, specVersion: SPEC_VERSION, expires: ChannelRepository.expiry(options, 'timestamp') })));
    signWith(root, keys.root);
    channel.writeRoot();
    channel.writeRevocations({ revoked: [] });
    channel.commit(); // an empty channel is still a whole one: targets, snapshot and timestamp v1
    return channel;
  }

  /** Opens the channel in `dir` for changes signed with `keys` (the roles a change needs). */
  static open(dir: string, keys: Partial<RoleKeys>, options: ChannelOptions = {}): ChannelRepository {
    const meta = join(dir, CHANNEL_METADATA_DIR);
    if (!existsSync(join(meta, 'timestamp.json'))) throw new SafeError(ERROR_CODES.CHANNEL_INVALID, `${dir} is not a channel (no ${CHANNEL_METADATA_DIR}/timestamp.json): run \`safe-edge channel init\``, 'dir');
    const timestamp = Metadata.fromJSON(MetadataKind.Timestamp, readJson(join(meta, 'timestamp.json')));
    const snapshot = Metadata.fromJSON(MetadataKind.Snapshot, readJson(join(meta, `${timestamp.signed.snapshotMeta.version}.snapshot.json`)));
    const targetsVersion = snapshot.signed.meta['targets.json']?.version;
    const targets = Metadata.fromJSON(MetadataKind.Targets, readJson(join(meta, `${targetsVersion}.targets.json`)));
    const rootVersions = readdirSync(meta).map((f) => /^(\d+)\.root\.json$/.exec(f)?.[1]).filter((v): v is string => v !== undefined).map(Number);
    const root = Metadata.fromJSON(MetadataKind.Root, readJson(join(meta, `${Math.max(...rootVersions)}.root.json`)));
    return new ChannelRepository(dir, keys, options, root, targets, snapshot, timestamp);
  }

  /** The root metadata devices pin (`safe-edge models trust`). */
  get rootFile(): string { return join(this.dir, CHANNEL_METADATA_DIR, 'root.json'); }

  /** The model versions the channel offers (not revoked), with the facts signed beside them. */
  listModels(): ModelTargetFacts[] {
    return Object.values(this.targets.signed.targets)
      .map((t) => modelTargetFactsSchema.safeParse(t.custom[MODEL_FACTS_KEY]))
      .flatMap((p) => (p.success ? [p.data] : []))
      .sort((a, b) => a.name.localeCompare(b.name) || b.version - a.version);
  }

  revocations(): Revocations {
    const target = this.targets.signed.targets[REVOCATIONS_TARGET];
    if (!target) return { revoked: [] };
    return revocationsSchema.parse(JSON.parse(readFileSync(this.targetFile(REVOCATIONS_TARGET, target.hashes.sha256 as string), 'utf8')));
  }

  /** Publishes the model version in `versionDir` (manifest.json, its files, evaluation.json if there). */
  publish(versionDir: string, options: PublishOptions = {}): ModelTargetFacts {
    const manifest = readVersionManifest(versionDir);
    const version = options.version ?? manifest.version;
    const highest = Math.max(0, ...this.listModels().filter((m) => m.name === manifest.name).map((m) => m.version),
      ...this.revocations().revoked.filter((r) => r.name === manifest.name).map((r) => r.version));
    if (version <= highest) {
      throw new SafeError(ERROR_CODES.CHANNEL_INVALID, `${manifest.name} v${version} is not above v${highest}, the highest this channel has published: pass --version ${highest + 1}`, 'version');
    }
    const files = [manifest.file, ...Object.values(manifest.variants ?? {}).map((v) => v.file), ...(existsSync(join(versionDir, 'evaluation.json')) ? ['evaluation.json'] : [])];
    for (const file of files) {
      if (!existsSync(join(versionDir, file))) throw new SafeError(ERROR_CODES.CHANNEL_INVALID, `${versionDir}: ${file}, named by the manifest, is missing`, 'versionDir');
    }
    const manifestBytes = Buffer.from(JSON.stringify({ ...manifest, version }, null, 2) + '\n');
    const chunkSha256 = Object.fromEntries([[MANIFEST_FILE, chunkHashes(manifestBytes)], ...files.map((f) => [f, chunkHashes(readFileSync(join(versionDir, f)))])]);
    const facts: ModelTargetFacts = modelTargetFactsSchema.parse({
      name: manifest.name, version, task: manifest.task, sha256: manifest.sha256, bytes: manifest.bytes, inputs: manifest.inputs, outputs: manifest.outputs,
      minEngineVersion: options.minEngineVersion ?? manifest.minEngineVersion ?? '0.1.0',
      scoresBp: publishedScoresBp(manifest), rollout: { ...DEFAULT_ROLLOUT, ...options.rollout },
      files: [MANIFEST_FILE, ...files], chunkSha256, publishedAt: this.now().toISOString(),
    });
    for (const file of files) this.addTarget(modelTargetPath(manifest.name, version, file), readFileSync(join(versionDir, file)));
    this.addTarget(modelTargetPath(manifest.name, version, MANIFEST_FILE), manifestBytes, { [MODEL_FACTS_KEY]: facts });
    this.commit();
    return facts;
  }

  /** Withdraws NAME@VERSION: its files leave the targets and a signed revocation says why. */
  revoke(name: string, version: number, reason: string): void {
    const prefix = `${modelTargetPath(name, version, '')}`;
    const paths = Object.keys(this.targets.signed.targets).filter((p) => p.startsWith(prefix));
    if (paths.length === 0) throw new SafeError(ERROR_CODES.NOT_FOUND, `the channel offers no ${name}@${version}`, 'model');
    for (const path of paths) delete this.targets.signed.targets[path];
    const revocations = this.revocations();
    revocations.revoked.push({ name, version, reason, revokedAt: this.now().toISOString() });
    this.writeRevocations(revocations);
    this.commit();
  }

  /** Sets how far NAME@VERSION rolls out (percent of devices, strategy, agreement floor). */
  setRollout(name: string, version: number, rollout: Partial<Rollout>): ModelTargetFacts {
    const path = modelTargetPath(name, version, MANIFEST_FILE);
    const target = this.targets.signed.targets[path];
    const facts = modelTargetFactsSchema.safeParse(target?.custom[MODEL_FACTS_KEY]);
    if (!target || !facts.success) throw new SafeError(ERROR_CODES.NOT_FOUND, `the channel offers no ${name}@${version}`, 'model');
    const updated = { ...facts.data, rollout: { ...facts.data.rollout, ...rollout } };
    this.targets.signed.targets[path] = new TargetFile({ path, length: target.length, hashes: target.hashes, unrecognizedFields: { custom: { [MODEL_FACTS_KEY]: updated } } });
    this.commit();
    return updated;
  }

  /**
   * Rotates the root key the TUF way: root version N+1 names `newRoot` as the root key and is signed by
   * the old root key and the new one, so a device that trusts version N accepts N+1 (tuf-js walks the
   * versions) and nobody holding only one of the two keys can forge it.
   */
  rotateRoot(newRoot: RoleKey): Metadata<Root> {
    const oldRoot = this.key('root');
    const json = this.root.signed.toJSON() as Record<string, unknown> & { keys: Record<string, unknown>; roles: Record<string, { keyids: string[] }> };
    const previousIds = json.roles.root?.keyids ?? [];
    const keys = Object.fromEntries(Object.entries(json.keys).filter(([id]) => !previousIds.includes(id) || Object.entries(json.roles).some(([role, r]) => role !== 'root' && r.keyids.includes(id))));
    const next = Root.fromJSON({
      ...json, version: this.root.signed.version + 1, expires: ChannelRepository.expiry(this.options, 'root'),
      keys: { ...keys, [newRoot.key.keyID]: newRoot.key.toJSON() }, roles: { ...json.roles, root: { ...json.roles.root, keyids: [newRoot.key.keyID] } },
    } as JSONObject);
    this.root = new Metadata(next);
    signWith(this.root, oldRoot);
    signWith(this.root, newRoot, true);
    this.writeRoot();
    this.keys.root = newRoot; // a later rotation hands over from this key
    return this.root;
  }

  /** Signs a new timestamp over the current snapshot (run on a schedule so the channel never freezes). */
  refreshTimestamp(): void {
    this.timestamp = new Metadata(new Timestamp({
      version: this.timestamp.signed.version + 1, specVersion: SPEC_VERSION, expires: ChannelRepository.expiry(this.options, 'timestamp'),
      snapshotMeta: this.timestamp.signed.snapshotMeta,
    }));
    signWith(this.timestamp, this.key('timestamp'));
    writeAtomically(join(this.dir, CHANNEL_METADATA_DIR, 'timestamp.json'), JSON.stringify(this.timestamp.toJSON()));
  }

  private now(): Date { return (this.options.now ?? (() => new Date()))(); }

  private key(role: RoleName) {
    const key = this.keys[role];
    if (!key) throw new SafeError(ERROR_CODES.CHANNEL_INVALID, `this change needs the ${role} key`, 'keys');
    return key;
  }

  private targetFile(path: string, hash: string): string {
    const slash = path.lastIndexOf('/');
    return join(this.dir, CHANNEL_TARGETS_DIR, path.slice(0, slash + 1), `${hash}.${path.slice(slash + 1)}`);
  }

  private addTarget(path: string, bytes: Uint8Array, custom?: Record<string, unknown>): void {
    const hash = sha256(bytes);
    const file = this.targetFile(path, hash);
    if (!existsSync(file)) writeAtomically(file, bytes);
    this.targets.signed.targets[path] = new TargetFile({ path, length: bytes.length, hashes: { sha256: hash }, ...(custom ? { unrecognizedFields: { custom: custom as JSONObject } } : {}) });
  }

  private writeRevocations(revocations: Revocations): void {
    this.addTarget(REVOCATIONS_TARGET, Buffer.from(JSON.stringify(revocations, null, 2) + '\n'));
  }

  private writeRoot(): void {
    const text = JSON.stringify(this.root.toJSON());
    writeAtomically(join(this.dir, CHANNEL_METADATA_DIR, `${this.root.signed.version}.root.json`), text);
    writeAtomically(this.rootFile, text);
  }

  /** New targets, snapshot and timestamp versions over the targets as they now stand; files first, the
   *  timestamp last, so a device reading meanwhile sees the old channel or the new one, never a mix. */
  private commit(): void {
    const meta = join(this.dir, CHANNEL_METADATA_DIR);
    this.targets = new Metadata(new Targets({
      version: this.targets.signed.version + 1, specVersion: SPEC_VERSION, expires: ChannelRepository.expiry(this.options, 'targets'), targets: this.targets.signed.targets,
    }));
    signWith(this.targets, this.key('targets'));
    const targetsBytes = Buffer.from(JSON.stringify(this.targets.toJSON()));
    writeAtomically(join(meta, `${this.targets.signed.version}.targets.json`), targetsBytes);
    this.snapshot = new Metadata(new Snapshot({
      version: this.snapshot.signed.version + 1, specVersion: SPEC_VERSION, expires: ChannelRepository.expiry(this.options, 'snapshot'),
      meta: { 'targets.json': new MetaFile({ version: this.targets.signed.version, length: targetsBytes.length, hashes: { sha256: sha256(targetsBytes) } }) },
    }));
    signWith(this.snapshot, this.key('snapshot'));
    const snapshotBytes = Buffer.from(JSON.stringify(this.snapshot.toJSON()));
    writeAtomically(join(meta, `${this.snapshot.signed.version}.snapshot.json`), snapshotBytes);
    this.timestamp = new Metadata(new Timestamp({
      version: this.timestamp.signed.version + 1, specVersion: SPEC_VERSION, expires: ChannelRepository.expiry(this.options, 'timestamp'),
      snapshotMeta: new MetaFile({ version: this.snapshot.signed.version, length: snapshotBytes.length, hashes: { sha256: sha256(snapshotBytes) } }),
    }));
    signWith(this.timestamp, this.key('timestamp'));
    writeAtomically(join(meta, 'timestamp.json'), JSON.stringify(this.timestamp.toJSON()));
  }

  /** Copies the channel (metadata and every target file) to `out`, e.g. a USB stick. */
  static bundle(dir: string, out: string): { files: number; bytes: number } {
    if (!existsSync(join(dir, CHANNEL_METADATA_DIR, 'timestamp.json'))) throw new SafeError(ERROR_CODES.CHANNEL_INVALID, `${dir} is not a channel`, 'dir');
    let files = 0;
    let bytes = 0;
    const copy = (from: string, to: string) => {
      mkdirSync(to, { recursive: true });
      for (const entry of readdirSync(from, { withFileTypes: true })) {
        if (entry.isDirectory()) copy(join(from, entry.name), join(to, entry.name));
        else if (!entry.name.includes('.tmp-')) { copyFileSync(join(from, entry.name), join(to, entry.name)); files++; bytes += readFileSync(join(to, entry.name)).length; }
      }
    };
    copy(join(dir, CHANNEL_METADATA_DIR), join(out, CHANNEL_METADATA_DIR));
    copy(join(dir, CHANNEL_TARGETS_DIR), join(out, CHANNEL_TARGETS_DIR));
    return { files, bytes };
  }
}

export function readVersionManifest(versionDir: string): ModelManifest {
  const path = join(versionDir, MANIFEST_FILE);
  if (!existsSync(path)) throw new SafeError(ERROR_CODES.CHANNEL_INVALID, `${versionDir} has no ${MANIFEST_FILE}: pass a model version folder (models/<name>/<version>)`, 'versionDir');
  const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new SafeError(ERROR_CODES.CHANNEL_INVALID, `${path}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`, 'versionDir');
  const bytes = readFileSync(join(versionDir, parsed.data.file));
  if (sha256(bytes) !== parsed.data.sha256) throw new SafeError(ERROR_CODES.CHANNEL_INVALID, `${versionDir}: ${parsed.data.file} does not match its manifest's sha256`, 'versionDir');
  return parsed.data;
}

/** The figures a version is published with, in basis points: what the gate holds a staged copy to. */
function publishedScoresBp(manifest: ModelManifest): Record<string, number> {
  const m = manifest.metrics;
  const scores: Record<string, number> = {};
  if (m.heldOutAccuracy !== undefined) scores.heldOutAccuracy = toBasisPoints(m.heldOutAccuracy);
  if (m.surrogate) scores.p95RelError = toBasisPoints(m.surrogate.p95RelError);
  if (m.anomaly) { scores.testPrecision = toBasisPoints(m.anomaly.test.precision); scores.testRecall = toBasisPoints(m.anomaly.test.recall); }
  return scores;
}
