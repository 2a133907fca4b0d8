// The engine's model-update service (docs/updates.md): trust a channel, update from it (or from a USB
// bundle), roll a model back, and show the history; one operation at a time. After a change it asks the
// engine to swap the workers onto the new live view; if the workers cannot load it, the change is undone
// in the ledger (the workers never stopped serving the previous models: a reload is all or nothing).
import { performance } from 'node:perf_hooks';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import type { ModelUpdateOutcome, ModelUpdatesView, RollbackResult, SwapRecord, UpdateReport } from '../contract/modelUpdates.js';
import type { Logger } from '../logging.js';
import { parseChannelSource } from './channelSource.js';
import { isChannelTrusted, trustChannel, trustedRoot, type TrustedRoot } from './channelTrust.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The channel root an app build may ship beside its models (models/channel-root.json). */
export const SHIPPED_CHANNEL_ROOT = 'channel-root.json';
import { loadDeviceIdentity } from './deviceIdentity.js';
import { ModelUpdater, type ModelUpdaterOptions } from './modelUpdater.js';
import { SHIPPED_SOURCE, type ModelLedger } from './modelLedger.js';
import { TrialRunner, type Trial } from './trialRunner.js';
import { DeviceReporter, type ReportOutcome } from './deviceReporter.js';
import type { ChannelSource } from './channelSource.js';
import { DEFAULT_TRIAL_RULES, type TrialRules, type TrialVerdict } from './trialJudge.js';
import type { Incident } from '../contract/incident.js';
import type { AnalysisResult } from '../contract/result.js';
import type { ModelSet } from '../orchestrator/workerProtocol.js';
import { fromBasisPoints } from '../contract/modelChannel.js';

/** What the engine lends the update service: put the workers on the models in `modelsDir` (answering how
 *  the swap loaded them: beside or drained, docs/updates.md#how-a-swap-loads), load or drop
 *  a trial's models beside them, and run an unsaved, uncached analysis on either set. Null on an engine
 *  without workers (a one-shot command: the next start loads the new live view; no trial runs). */
export interface WorkerHooks {
  swap(modelsDir: string): Promise<SwapRecord | null>;
  loadTrial(modelsDir: string): Promise<void>;
  dropTrial(): Promise<void>;
  analyzeTwin(incident: Incident, modelSet: ModelSet): Promise<AnalysisResult>;
}

export class ModelUpdates {
  readonly updater: ModelUpdater;
  readonly trials: TrialRunner;
  private chain: Promise<unknown> = Promise.resolve();
  private workers: WorkerHooks | null = null;
  private readonly channel: string | null;
  private readonly trialRules: TrialRules;
  private readonly reporter: DeviceReporter;
  /** The last channel updated from: reports go to its update server. */
  private lastSource: ChannelSource | null = null;
  /** The report in flight (tests and shutdown wait for it); reports never hold an operation up. */
  lastReport: Promise<ReportOutcome> = Promise.resolve('nothing-new');

  constructor(options: ModelUpdaterOptions & { channel: string | null; logger: Logger; trialRules?: Partial<TrialRules> }, private readonly logger = options.logger) {
    this.updater = new ModelUpdater(options);
    this.channel = options.channel;
    this.trialRules = { ...DEFAULT_TRIAL_RULES, ...options.trialRules };
    this.reporter = new DeviceReporter(options.dataDir, options.ledger);
    // A channel root shipped with the app build is trusted at first start (pinning one later replaces it);
    // on a damaged database (which records the trust) at the first start after it is restored.
    const shippedRoot = join(options.shippedDir, SHIPPED_CHANNEL_ROOT);
    if (!isChannelTrusted(options.dataDir) && existsSync(shippedRoot) && ledgerWritable(options.ledger)) {
      const root = trustChannel(options.dataDir, shippedRoot);
      options.ledger.record('channel', null, 'trusted', { rootVersion: root.version, keyIds: root.keyIds, source: 'shipped with the app' });
    }
    this.trials = new TrialRunner({
      analyzeTwin: (incident, modelSet) => {
        if (!this.workers) return Promise.reject(new Error('no agent workers'));
        return this.workers.analyzeTwin(incident, modelSet);
      },
      // Never throws into the analysis that fed the last pair: a failed promotion or rollback is logged.
      decide: (trial, verdict) => this.serial(() => this.endTrial(trial, verdict))
        .catch((err: unknown) => this.logger.error('could not end the model trial', { model: trial.name, version: trial.version, error: (err as Error).message })),
    });
  }

  attach(workers: WorkerHooks | null): void { this.workers = workers; }

  /** The models folder the workers start on. */
  liveModelsDir(): string { return this.updater.liveModelsDir(); }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work);
    this.chain = run.catch(() => undefined);
    return run;
  }

  trust(rootFile: string): TrustedRoot {
    const root = trustChannel(this.updater.options.dataDir, rootFile);
    this.updater.ledger.record('channel', null, 'trusted', { rootVersion: root.version, keyIds: root.keyIds });
    return root;
  }

  /** `offline`: a USB import (`models import`), where a stale timestamp may be accepted (docs/updates.md). */
  update(channel?: string, options: { offline?: boolean } = {}): Promise<UpdateReport> {
    return this.serial(async () => {
      const named = channel ?? this.channel;
      if (!named) throw new SafeError(ERROR_CODES.INVALID_FIELD, 'no channel: name one (--channel URL|DIR) or configure SAFE_EDGE_MODEL_CHANNEL', 'channel');
      const source = parseChannelSource(named);
      const { ledger } = this.updater;
      const liveBefore = ledger.live();
      const trial = this.trials.active;
      const report = await this.updater.update(source, { onTrial: trial ? { name: trial.name, version: trial.version } : null, offline: options.offline })
        .finally(() => { this.lastSource = source; this.sendReport(); });
      // A trial whose version the channel revoked ends now, rolled back, whatever its figures.
      if (trial && report.revoked.some((r) => r.name === trial.name && r.version === trial.version)) {
        await this.endTrial(trial, { decision: 'rollback', reason: `v${trial.version} was revoked by the channel`, figures: this.trials.status()?.verdict.figures ?? emptyFigures() });
      }
      let swapped = false;
      let swap: SwapRecord | null = null;
      if (report.changed.length && this.workers) {
        try {
          swap = await this.swapLive(report.changed);
          swapped = true;
        } catch (err) {
          // The workers kept the models they had (a reload is all or nothing): the ledger goes back to say so.
          for (const name of report.changed) this.restoreLive(name, liveBefore.get(name)?.version ?? null, `the workers could not load it: ${(err as Error).message}`);
          this.logger.error('model swap failed; the ledger is back on the models the workers run', { models: report.changed, error: (err as Error).message });
          throw err;
        }
      }
      for (const outcome of report.models.filter((m) => m.outcome === 'trial' && !(trial && m.name === trial.name && m.toVersion === trial.version))) await this.startTrial(outcome);
      const live = this.updater.liveVersions();
      const { changed: _changed, revoked: _revoked, ...rest } = report;
      this.sendReport();
      return { ...rest, live, swapped, ...(swap ? { swap } : {}) };
    });
  }

  /** Puts the workers on the ledger's live models, and a running trial on its model beside them (the
   *  trial's other models follow the live ones: a trial tries one model, not yesterday's others). */
  private async swapLive(changed: string[]): Promise<SwapRecord | null> {
    if (!this.workers) return null;
    const swap = await this.swapWorkers(changed);
    const trial = this.trials.active;
    if (trial) await this.workers.loadTrial(this.updater.trialModelsDir(trial.name, trial.version));
    return swap;
  }

  /** Puts the workers on the ledger's live view and records, for each model that changed, how the swap
   *  loaded (beside or drained, with the estimate and the free memory it decided on). */
  private async swapWorkers(changed: string[]): Promise<SwapRecord | null> {
    if (!this.workers) return null;
    const swap = await this.workers.swap(this.updater.liveModelsDir());
    if (swap) {
      const live = this.updater.liveVersions();
      for (const name of changed) this.updater.ledger.record(name, live[name] ?? null, 'swapped', swap);
    }
    return swap;
  }

  /** After a failed swap: `name`'s live version in the ledger is again the one the workers run
   *  (`previous`, or the newest shipped when null), and the version that failed to load is refused. */
  private restoreLive(name: string, previous: number | null, reason: string): void {
    const { ledger } = this.updater;
    const failed = ledger.live().get(name);
    if (failed && failed.version !== previous) ledger.setState(name, failed.version, 'refused');
    if (previous !== null) ledger.makeLive(name, previous, 'refused');
    ledger.record(name, failed?.version ?? null, 'swap-failed', { back: previous, reason }, ERROR_CODES.MODEL_MISSING);
  }

  /** Loads a gated version beside the live models and starts its trial; one trial at a time, and only
   *  where agent workers run (otherwise the version waits ready for the next update of a serving engine). */
  private async startTrial(outcome: ModelUpdateOutcome): Promise<void> {
    const { name, toVersion } = outcome;
    const facts = toVersion === null ? null : this.updater.ledger.version(name, toVersion)?.facts;
    const waitWith = (message: string) => Object.assign(outcome, { outcome: 'waiting' as const, message });
    if (!facts || facts.rollout.strategy === 'immediate' || toVersion === null) return;
    if (!this.workers) { waitWith(`v${toVersion} passed its gate and waits: a ${facts.rollout.strategy} trial runs only in a serving engine (the app or safe-edge serve)`); return; }
    const running = this.trials.active;
    if (running) { waitWith(`v${toVersion} passed its gate and waits: the trial of ${running.name} v${running.version} runs first`); return; }
    // A trial records its start and its verdict: never started when the database cannot take them.
    this.updater.ledger.assertWritable();
    await this.workers.loadTrial(this.updater.trialModelsDir(name, toVersion));
    const trial: Trial = {
      name, version: toVersion, strategy: facts.rollout.strategy, canaryShare: fromBasisPoints(facts.rollout.canaryShareBp ?? 1000),
      rules: { ...this.trialRules, minAgreement: fromBasisPoints(facts.rollout.minAgreementBp) }, startedAt: new Date().toISOString(),
    };
    this.trials.start(trial);
    this.updater.ledger.record(name, toVersion, 'trial-started', { strategy: trial.strategy, canaryShare: trial.canaryShare, rules: trial.rules });
  }

  /** A trial's verdict: promote (the version goes live for every analysis) or roll back automatically. */
  private async endTrial(trial: Trial, verdict: TrialVerdict): Promise<void> {
    const { ledger } = this.updater;
    // The trial ends first: no analysis is routed to it or paired while the models change.
    this.trials.stop();
    try {
      const revoked = ledger.version(trial.name, trial.version)?.state === 'revoked';
      if (verdict.decision === 'promote' && !revoked) {
        const before = ledger.live().get(trial.name)?.version ?? null;
        ledger.makeLive(trial.name, trial.version);
        ledger.record(trial.name, trial.version, 'promoted', { reason: verdict.reason, figures: verdict.figures });
        try {
          await this.swapWorkers([trial.name]);
        } catch (err) {
          this.restoreLive(trial.name, before, `the workers could not load it: ${(err as Error).message}`);
          throw err;
        }
      } else {
        if (!revoked) ledger.setState(trial.name, trial.version, 'rolled_back');
        ledger.record(trial.name, trial.version, 'auto-rollback', { reason: revoked ? `v${trial.version} was revoked by the channel` : verdict.reason, figures: verdict.figures }, ERROR_CODES.UPDATE_TRIAL_FAILED);
        this.logger.warn('model trial ended; rolled back automatically', { model: trial.name, version: trial.version, reason: verdict.reason });
      }
    } finally {
      await this.workers?.dropTrial();
      this.sendReport();
    }
  }

  /** Reports the ledger's new events to the last channel's update server, in the background. */
  private sendReport(): void {
    const source = this.lastSource;
    if (!source) return;
    const live = this.updater.liveVersions();
    this.lastReport = this.lastReport.then(() => this.reporter.report(source, live)).catch(() => 'failed' as const);
  }

  rollback(name: string): Promise<RollbackResult> {
    return this.serial(async () => {
      const started = performance.now();
      const liveBefore = this.updater.ledger.live().get(name)?.version ?? null;
      const result = this.updater.rollback(name);
      try {
        await this.swapLive([name]);
      } catch (err) {
        this.restoreLive(name, liveBefore, `the workers could not load it: ${(err as Error).message}`);
        throw err;
      }
      this.sendReport();
      return { ...result, durationMs: Math.round((performance.now() - started) * 10) / 10 };
    });
  }

  view(limit = 200): ModelUpdatesView {
    const { ledger } = this.updater;
    const checked = ledger.events(500, 'channel').find((e) => e.event === 'checked');
    const device = loadDeviceIdentity(this.updater.options.dataDir);
    const liveRows = ledger.live();
    const live = Object.fromEntries(Object.entries(this.updater.liveSelection()).map(([name, s]) => [name, { version: s.version, source: liveRows.get(name)?.source ?? SHIPPED_SOURCE, rollbackTo: this.updater.rollbackTarget(name) }]));
    const trial = this.trials.status();
    return {
      trustedRoot: trustedRoot(this.updater.options.dataDir), channel: this.channel, device: { deviceId: device.deviceId, bucket: device.bucket }, live,
      trial: trial ? { ...trial.trial, decision: trial.verdict.decision, reason: trial.verdict.reason, figures: trial.verdict.figures } : null,
      versions: ledger.versions().map((v) => ({ ...v, gate: v.gate as ModelUpdatesView['versions'][number]['gate'] })),
      events: ledger.events(limit),
      lastMetadata: checked ? lastMetadataOf(checked.detail, checked.at) : null,
    };
  }
}

/** The channel metadata a 'checked' event recorded (modelUpdater.ts records the whole ChannelMetadata). */
function lastMetadataOf(detail: Record<string, unknown>, checkedAt: string): ModelUpdatesView['lastMetadata'] {
  const d = detail as Partial<NonNullable<ModelUpdatesView['lastMetadata']>>;
  return {
    timestampVersion: d.timestampVersion ?? 0, snapshotVersion: d.snapshotVersion ?? 0, targetsVersion: d.targetsVersion ?? 0,
    timestampExpires: d.timestampExpires ?? '', expiredTimestampAccepted: d.expiredTimestampAccepted ?? false, checkedAt,
  };
}

function ledgerWritable(ledger: ModelLedger): boolean {
  try {
    ledger.assertWritable();
    return true;
  } catch {
    return false;
  }
}

const emptyFigures = (): TrialVerdict['figures'] => ({ samples: 0, agreement: null, liveErrorRate: 0, trialErrorRate: 0, errorZ: 0, latencyRatio: null, failedWindows: 0 });
