// One model update, start to finish (docs/updates.md): read the trusted channel, decide per model what
// this device should run (newest offered, not revoked, not a downgrade, an engine new enough, inside the
// staged rollout), download and verify each file, stage the version into the store, gate it, and record
// every step. It decides and records; the engine swaps the workers onto the result (engine.ts).
import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ERROR_CODES, SafeError, toErrorBody, type ErrorCode, type SafeErrorBody } from '../contract/errors.js';
import { compareVersions, MANIFEST_FILE, type ModelTargetFacts } from '../contract/modelChannel.js';
import { manifestSchema } from '../contract/modelManifest.js';
import type { GateResult, ModelUpdateOutcome, RollbackResult, UpdateReport } from '../contract/modelUpdates.js';
import { ENGINE_VERSION } from '../engineVersion.js';
import { listModelNames } from '../inference/modelRepository.js';
import { ChannelSession } from './channelSession.js';
import type { OfferedModel } from './channelView.js';
import type { ChannelSource } from './channelSource.js';
import { loadDeviceIdentity } from './deviceIdentity.js';
import { buildLiveView, keptModelsView, type LiveSelection } from './liveView.js';
import { ModelLedger, SHIPPED_SOURCE } from './modelLedger.js';
import { ModelStore } from './modelStore.js';
import { ModelSignatures } from './modelSignatures.js';
import { manifestFiles, type ManifestFile, type RefusedModelReport } from '../inference/modelInventory.js';
import type { Precision } from '../inference/modelRepository.js';

/** What a gate is asked: may this staged version serve in place of the live one? */
export interface GateRequest { name: string; facts: ModelTargetFacts; candidate: { modelsDir: string; version: number }; live: { modelsDir: string; version: number } }
export type Gate = (request: GateRequest) => Promise<GateResult>;

export interface ModelUpdaterOptions {
  dataDir: string;
  shippedDir: string;
  ledger: ModelLedger;
  gate: Gate;
  now?: () => Date;
}

interface Decision { outcome: ModelUpdateOutcome; install?: OfferedModel }

/** A live version the release key's signature does not vouch for: left out of the live view. */
export interface SignatureRefusal { name: string; version: number; dir: string; error: SafeErrorBody; files: ManifestFile[] }

export class ModelUpdater {
  readonly store: ModelStore;
  /** Checks every version a view links against the release key's signature (modelSignatures.ts). */
  readonly signatures: ModelSignatures;
  /** The live versions the last live view left out, by model name: unsigned, or changed since signing. */
  private refusedBySignature = new Map<string, SignatureRefusal>();
  private readonly now: () => Date;

  constructor(readonly options: ModelUpdaterOptions) {
    this.store = new ModelStore(options.dataDir, options.shippedDir);
    this.signatures = new ModelSignatures(options.shippedDir, options.dataDir);
    this.now = options.now ?? (() => new Date());
  }

  get ledger(): ModelLedger { return this.options.ledger; }

  /** The models the engine knows: those the app build ships (a channel cannot add a kind of model). */
  modelNames(): string[] { return listModelNames(this.options.shippedDir); }

  /** Model name → the version that should serve and where its files are: the ledger's live version if
   *  its files are there, else the newest shipped one. */
  liveSelection(): LiveSelection {
    const live = this.ledger.live();
    const selection: LiveSelection = {};
    for (const name of this.modelNames()) {
      const row = live.get(name);
      const dir = row ? this.store.locate(name, row.version) : null;
      if (row && dir) { selection[name] = { version: row.version, dir }; continue; }
      const shipped = this.store.newestShipped(name);
      if (shipped !== undefined) selection[name] = { version: shipped, dir: join(this.options.shippedDir, name, String(shipped)) };
    }
    return selection;
  }

  /** The running trial's view, kept when older views are removed. */
  private trialView: string | null = null;

  /**
   * `selection` without the versions the release key's signature does not vouch for (docs/models.md#signed-models).
   * `insist`: the models whose chosen version must be signed (a trial's, a kept one): refused with
   * MODEL_UNSIGNED instead of left out. `refusals`: collects the versions left out.
   */
  private signedOnly(selection: LiveSelection, insist: readonly string[] = [], refusals?: Map<string, SignatureRefusal>): LiveSelection {
    const signed: LiveSelection = {};
    for (const [name, chosen] of Object.entries(selection)) {
      const error = this.signatures.check(name, chosen.version, chosen.dir);
      if (!error) { signed[name] = chosen; continue; }
      if (insist.includes(name)) throw SafeError.fromBody(error);
      refusals?.set(name, { name, version: chosen.version, dir: chosen.dir, error, files: readFiles(chosen.dir) });
    }
    return signed;
  }

  /** The live versions the last live view left out because their signature did not verify. */
  get signatureRefusals(): ReadonlyMap<string, SignatureRefusal> { return this.refusedBySignature; }

  /** The signature refusals as the workers' inventory states a refused model (for /v1/models). */
  signatureRefusalReports(precision: Precision, required: readonly string[]): RefusedModelReport[] {
    return [...this.refusedBySignature.values()].map((r) => ({
      name: r.name, version: r.version, variant: r.files.some((f) => f.variant === precision) ? precision : 'fp32',
      required: required.includes(r.name), error: r.error, files: r.files,
    }));
  }

  /** A view with the live models except `name` at `version` (from the store): what a trial runs on. */
  trialModelsDir(name: string, version: number): string {
    const selection = this.signedOnly({ ...this.liveSelection(), [name]: { version, dir: this.store.versionDir(name, version) } }, [name]);
    this.trialView = buildLiveView(this.options.dataDir, selection, this.trialView ? [this.trialView] : []);
    return this.trialView;
  }

  /** The repository the workers should load: the shipped folder while no update or rollback has touched
   *  any model and every shipped model's signature verifies, else a live view over the store and the
   *  shipped models holding only the signed versions (the rest are in `signatureRefusals`). */
  liveModelsDir(): string {
    const refusals = new Map<string, SignatureRefusal>();
    const selection = this.signedOnly(this.liveSelection(), [], refusals);
    this.refusedBySignature = refusals;
    if (this.ledger.live().size === 0 && refusals.size === 0) return this.options.shippedDir;
    return buildLiveView(this.options.dataDir, selection, this.trialView ? [this.trialView] : []);
  }

  /**
   * The folder of the models an incident keeps (docs/updates.md#keeping-an-incidents-models): the live
   * selection with each model of `versions` (name → version as results name it: "3", "3+int8"; the
   * precision stays the engine's) at that version; null when they are all the live versions. Refuses
   * with MODEL_VERSION_GONE, naming the model and version, when this device no longer holds one (gone
   * from the store, never shipped with this build) or the channel revoked it.
   */
  keptModelsDir(versions: Record<string, string>): string | null {
    const selection = this.liveSelection();
    const kept: string[] = [];
    let differs = false;
    for (const [name, named] of Object.entries(versions).sort(([a], [b]) => a.localeCompare(b))) {
      const version = Number.parseInt(named, 10);
      const live = selection[name];
      if (live?.version === version) continue;
      const gone = (why: string) => new SafeError(ERROR_CODES.MODEL_VERSION_GONE,
        `${name} v${version}, which this incident's first run used, ${why}: re-run it on the live models${live ? ` (v${live.version})` : ''}`, 'models');
      if (!Number.isInteger(version) || !live) throw gone('is not a model this app build runs');
      if (this.ledger.version(name, version)?.state === 'revoked') throw gone('was revoked by the update channel');
      const dir = this.store.locate(name, version);
      if (!dir) throw gone('is no longer on this device (neither in the model store nor shipped with the app)');
      selection[name] = { version, dir };
      kept.push(name);
      differs = true;
    }
    // A kept version the release key does not vouch for is refused, never run (nor replaced).
    return differs ? keptModelsView(this.options.dataDir, this.signedOnly(selection, kept)) : null;
  }

  /** Model name → the version that serves now (the ledger's live one, else the newest shipped). */
  liveVersions(): Record<string, number> {
    return Object.fromEntries(Object.entries(this.liveSelection()).map(([name, s]) => [name, s.version]));
  }

  /**
   * Reads the channel, installs what this device should run, and reports per model. `changed` names every
   * model whose live version moved (an update, a revocation's fallback), whatever became of the rest.
   * `onTrial`: the version a trial is running, which is neither downloaded nor gated again.
   * `offline`: a USB import, the only path the stale-timestamp rule applies to (channelClient.ts).
   */
  async update(source: ChannelSource, options: { onTrial?: { name: string; version: number } | null; offline?: boolean } = {}):
    Promise<Omit<UpdateReport, 'swapped' | 'live'> & { changed: string[]; revoked: Array<{ name: string; version: number }> }> {
    const client = new ChannelSession(this.options.dataDir, source, this.now(), options.offline === true);
    try {
      return await this.updateThrough(client, source, options);
    } finally {
      await client.close();
    }
  }

  private async updateThrough(client: ChannelSession, source: ChannelSource, options: { onTrial?: { name: string; version: number } | null }):
    Promise<Omit<UpdateReport, 'swapped' | 'live'> & { changed: string[]; revoked: Array<{ name: string; version: number }> }> {
    let view;
    try {
      view = await client.refresh();
    } catch (err) {
      const body = toErrorBody(err, ERROR_CODES.UPDATE_UNREACHABLE);
      this.ledger.record('channel', null, 'refused', { channel: source, message: body.message }, body.code);
      throw err;
    }
    const device = loadDeviceIdentity(this.options.dataDir);
    this.ledger.record('channel', null, 'checked', { channel: view.source, ...view.metadata });
    const before = this.liveVersions();
    // Every version the channel revoked that this device holds is marked so, live or not: a revoked
    // version is never rolled back to, promoted or kept on trial.
    for (const r of view.revocations.revoked) {
      const held = this.ledger.version(r.name, r.version);
      if (held && held.state !== 'live' && held.state !== 'revoked') { this.ledger.setState(r.name, r.version, 'revoked'); this.ledger.record(r.name, r.version, 'revoked', { by: 'channel', reason: r.reason }); }
    }
    const outcomes: ModelUpdateOutcome[] = [];
    for (const name of this.modelNames()) {
      const offered = view.models.filter((m) => m.facts.name === name);
      const onTrial = options.onTrial?.name === name ? options.onTrial.version : null;
      if (onTrial !== null && offered[0]?.facts.version === onTrial) {
        outcomes.push({ name, fromVersion: before[name] ?? null, toVersion: onTrial, outcome: 'trial', message: `v${onTrial} is on trial; its verdict decides` });
        continue;
      }
      const decision = this.decide(name, offered, view.revocations.revoked.filter((r) => r.name === name).map((r) => r.version), device.bucket);
      if (!decision.install) { outcomes.push(decision.outcome); continue; }
      outcomes.push(await this.install(client, decision.install, decision.outcome));
    }
    const after = this.liveVersions();
    const changed = Object.keys(after).filter((name) => after[name] !== before[name]);
    return {
      channel: view.source, checkedAt: this.now().toISOString(), metadata: view.metadata, device: { deviceId: device.deviceId, bucket: device.bucket },
      models: outcomes, changed, revoked: view.revocations.revoked.map(({ name, version }) => ({ name, version })),
    };
  }

  private liveVersion(name: string): { version: number; source: string } | null {
    const row = this.ledger.live().get(name);
    if (row) return { version: row.version, source: row.source };
    const shipped = this.store.newestShipped(name);
    return shipped === undefined ? null : { version: shipped, source: SHIPPED_SOURCE };
  }

  private refuse(name: string, from: number | null, to: number | null, code: ErrorCode, message: string, detail: Record<string, unknown> = {}): Decision {
    this.ledger.record(name, to, 'refused', { message, ...detail }, code);
    return { outcome: { name, fromVersion: from, toVersion: to, outcome: 'refused', code, message } };
  }

  /** What to do about one model, from what the channel offers and what the device has seen. */
  private decide(name: string, offered: OfferedModel[], revoked: number[], bucket: number): Decision {
    const live = this.liveVersion(name);
    const from = live?.version ?? null;
    const best = offered[0]; // newest first; revoked versions are no longer offered
    const liveRevoked = live !== null && live.source !== SHIPPED_SOURCE && revoked.includes(live.version);
    if (liveRevoked) {
      this.ledger.setState(name, live.version, 'revoked');
      this.ledger.record(name, live.version, 'revoked', { by: 'channel' });
      if (best && best.facts.version < live.version) return { outcome: { name, fromVersion: from, toVersion: best.facts.version, outcome: 'rolled-back', message: `v${live.version} was revoked: back to v${best.facts.version}` }, install: best };
      const fallback = this.previousReady(name, live.version);
      this.ledger.makeLive(name, fallback.version, 'revoked');
      this.ledger.record(name, fallback.version, 'rolled-back', { from: live.version, reason: 'revoked' });
      return { outcome: { name, fromVersion: from, toVersion: fallback.version, outcome: 'rolled-back', message: `v${live.version} was revoked: back to v${fallback.version}` } };
    }
    if (!best) return { outcome: { name, fromVersion: from, toVersion: null, outcome: 'up-to-date', message: 'the channel offers no version of this model' } };
    const highest = this.ledger.highestSeen(name);
    if (best.facts.version < highest && !revoked.includes(highest)) {
      return this.refuse(name, from, best.facts.version, ERROR_CODES.UPDATE_DOWNGRADE,
        `the channel's newest ${name} is v${best.facts.version}, below v${highest} which it offered before and never revoked`, { highestSeen: highest });
    }
    this.ledger.noteSeen(name, best.facts.version);
    if (from !== null && best.facts.version <= from) return { outcome: { name, fromVersion: from, toVersion: best.facts.version, outcome: 'up-to-date', message: `v${from} is live; the channel's newest is v${best.facts.version}` } };
    if (compareVersions(ENGINE_VERSION, best.facts.minEngineVersion) < 0) {
      return this.refuse(name, from, best.facts.version, ERROR_CODES.UPDATE_ENGINE_TOO_OLD, `${name} v${best.facts.version} needs engine ${best.facts.minEngineVersion}; this is ${ENGINE_VERSION}: update the app first`);
    }
    if (bucket >= best.facts.rollout.percent) {
      return { outcome: { name, fromVersion: from, toVersion: best.facts.version, outcome: 'outside-rollout', message: `v${best.facts.version} rolls out to ${best.facts.rollout.percent} % of devices; this device (bucket ${bucket}) keeps v${from}` } };
    }
    const known = this.ledger.version(name, best.facts.version);
    if (known?.state === 'rolled_back') {
      return { outcome: { name, fromVersion: from, toVersion: best.facts.version, outcome: 'held', message: `v${best.facts.version} was rolled back on this device; it is not taken again until the channel publishes a newer version` } };
    }
    if (known?.state === 'refused' && known.sha256 === best.facts.sha256) {
      return { outcome: { name, fromVersion: from, toVersion: best.facts.version, outcome: 'refused', code: ERROR_CODES.UPDATE_GATE_FAILED, message: `v${best.facts.version} failed its gate before; it is not tried again until the channel publishes another version` } };
    }
    return { outcome: { name, fromVersion: from, toVersion: best.facts.version, outcome: 'updated', message: '' }, install: best };
  }

  /** The version to go back to from `fromVersion`: the newest earlier one that passed its gate and is
   *  still in the store, else the newest shipped one. */
  private previousReady(name: string, fromVersion: number): { version: number } {
    const target = this.previousVersion(name, fromVersion);
    if (!target) throw new SafeError(ERROR_CODES.MODEL_MISSING, `no version of ${name} before v${fromVersion} to go back to`, 'name');
    if (target.shipped && !this.ledger.version(name, target.version)) this.ledger.upsert({ name, version: target.version, source: SHIPPED_SOURCE, state: 'retired', sha256: manifestSha(join(this.options.shippedDir, name, String(target.version))) });
    return { version: target.version };
  }

  /** previousReady's choice without recording anything: null when there is nothing to go back to. */
  private previousVersion(name: string, fromVersion: number): { version: number; shipped: boolean } | null {
    const earlier = this.ledger.versions(name).find((v) => v.version < fromVersion && (v.state === 'retired' || v.state === 'ready') && this.store.locate(name, v.version));
    if (earlier) return { version: earlier.version, shipped: false };
    const shipped = this.store.newestShipped(name, fromVersion);
    return shipped === undefined ? null : { version: shipped, shipped: true };
  }

  /** The version a rollback of `name` would make live now, or null when it would be refused (no live
   *  version, or none before it): the Models page disables its button on null (docs/updates.md). */
  rollbackTarget(name: string): number | null {
    const live = this.liveVersion(name);
    return live ? this.previousVersion(name, live.version)?.version ?? null : null;
  }

  /** Downloads, verifies, stages and gates one version; makes it live if its strategy is immediate. */
  private async install(client: ChannelSession, offered: OfferedModel, planned: ModelUpdateOutcome): Promise<ModelUpdateOutcome> {
    const { facts } = offered;
    const { name, version } = facts;
    const staging = this.store.stagingDir(name, version);
    const started = performance.now();
    let received = 0;
    let resumed = 0;
    try {
      for (const file of facts.files) {
        const { bytesReceived, resumedFromBytes } = await client.download(offered.targets[file] as NonNullable<OfferedModel['targets'][string]>, join(staging, file), facts.chunkSha256?.[file]);
        received += bytesReceived;
        resumed += resumedFromBytes;
      }
      checkManifestAgainstFacts(staging, facts);
    } catch (err) {
      this.store.discard(staging);
      const body = toErrorBody(err, ERROR_CODES.UPDATE_TAMPERED);
      return this.refuse(name, planned.fromVersion, version, body.code, body.message).outcome;
    }
    this.store.commit(staging, name, version);
    this.ledger.upsert({ name, version, source: client.source.kind === 'http' ? client.source.baseUrl : client.source.dir, state: 'staged', sha256: facts.sha256, facts });
    this.ledger.record(name, version, 'staged', { downloadMs: Math.round(performance.now() - started), files: facts.files, bytesReceived: received, resumedFromBytes: resumed });

    const live = this.liveSelection()[name];
    const gate = await this.options.gate({
      name, facts, candidate: { modelsDir: this.store.dir, version },
      live: live ? { modelsDir: parentRepository(live.dir), version: live.version } : { modelsDir: this.store.dir, version },
    });
    this.ledger.upsert({ name, version, source: this.ledger.version(name, version)?.source ?? '', state: gate.passed ? 'ready' : 'refused', sha256: facts.sha256, gate });
    if (!gate.passed) {
      const failed = gate.checks.filter((c) => !c.passed).map((c) => `${c.check}: ${c.detail}`).join('; ');
      this.ledger.record(name, version, 'gate-failed', { checks: gate.checks }, ERROR_CODES.UPDATE_GATE_FAILED);
      return { ...planned, outcome: 'refused', code: ERROR_CODES.UPDATE_GATE_FAILED, message: `v${version} failed its gate: ${failed}`, gate };
    }
    this.ledger.record(name, version, 'gate-passed', { checks: gate.checks });
    if (facts.rollout.strategy !== 'immediate') {
      // Tried before it serves everyone (trialRunner.ts): the engine starts the trial after this report.
      return { ...planned, outcome: 'trial', message: `v${version} passed its gate; a ${facts.rollout.strategy} trial decides whether it goes live`, gate };
    }
    this.ledger.makeLive(name, version);
    this.ledger.record(name, version, 'live', { from: planned.fromVersion, strategy: facts.rollout.strategy });
    return { ...planned, message: planned.message || `v${planned.fromVersion} → v${version}`, gate };
  }

  /** Puts `name` back on the version before the live one (kept ready in the store, or the shipped one). */
  rollback(name: string, reason = 'manual'): Omit<RollbackResult, 'durationMs'> {
    if (!this.modelNames().includes(name)) throw new SafeError(ERROR_CODES.NOT_FOUND, `no model ${name}; models: ${this.modelNames().join(', ')}`, 'name');
    const live = this.liveVersion(name);
    if (!live) throw new SafeError(ERROR_CODES.MODEL_MISSING, `no live version of ${name}`, 'name');
    if (!this.ledger.version(name, live.version)) this.ledger.upsert({ name, version: live.version, source: live.source, state: 'live', sha256: manifestSha(this.store.locate(name, live.version) ?? '') });
    const previous = this.previousReady(name, live.version);
    this.ledger.makeLive(name, previous.version, 'rolled_back');
    this.ledger.record(name, previous.version, 'rolled-back', { from: live.version, reason });
    return { name, fromVersion: live.version, toVersion: previous.version };
  }
}

/** `<repo>/<name>/<version>` → `<repo>`. */
const parentRepository = (versionDir: string): string => join(versionDir, '..', '..');

function manifestSha(versionDir: string): string {
  const path = join(versionDir, MANIFEST_FILE);
  if (!existsSync(path)) return '';
  return manifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8'))).data?.sha256 ?? '';
}

/** The downloaded manifest must say what the signed facts say (TUF signed both; they must agree). */
function checkManifestAgainstFacts(dir: string, facts: ModelTargetFacts): void {
  const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')));
  if (!parsed.success) throw new SafeError(ERROR_CODES.MODEL_MANIFEST_INVALID, `${facts.name} v${facts.version}: the manifest does not validate`, 'manifest');
  const m = parsed.data;
  if (m.name !== facts.name || m.version !== facts.version || m.sha256 !== facts.sha256) {
    throw new SafeError(ERROR_CODES.UPDATE_MIXED_METADATA, `${facts.name} v${facts.version}: the manifest names ${m.name} v${m.version} (${m.sha256.slice(0, 12)}…), not what the signed facts say`, 'manifest');
  }
}

/** The files a version's manifest lists, when it reads (a refusal shows them); none otherwise. */
function readFiles(dir: string): ManifestFile[] {
  try {
    const manifest = manifestSchema.safeParse(JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')));
    return manifest.success ? manifestFiles(manifest.data) : [];
  } catch {
    return [];
  }
}
