// The engine's facade: what every host (the CLI, the HTTP server, the desktop app's utility process)
// calls, and the only thing they call. Behind it: the orchestrated pipeline on worker threads, the
// analysis cache, the store that keeps every run, background jobs and scheduled backups. Hosts never
// reach inside; they start it through bootstrap.ts so that all of them start it the same way.
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { platform } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Incident } from './contract/incident.js';
import { FULL_ENSEMBLE_MEMBERS, type AnalysisResult, type ModelChoice } from './contract/result.js';
import type { aboutSchema, healthSchema, JobMessage, statsSchema, storedRunSchema } from './contract/api.js';
import { ERROR_CODES, SafeError, toErrorBody, type ErrorCode } from './contract/errors.js';
import { httpRequestFor, type HeldBody, type OperationArgs, type OperationResult } from './contract/operations.js';
import type { EngineConfig } from './config.js';
import type { Logger } from './logging.js';
import { Orchestrator, type AnalyzeOptions, type ReloadOutcome, type SwapOptions } from './orchestrator/orchestrator.js';
import type { WorkerHeap } from './orchestrator/workerProtocol.js';
import { openMemoryDatabase, type SqliteDatabase } from './store/database.js';
import { openCheckedDatabase } from './store/startCheck.js';
import type { DatabaseIntegrity } from './store/databaseIntegrity.js';
import { AnalysisStore, type RunSummary } from './store/analysisStore.js';
import { StatementTimer } from './store/statementTimer.js';
import { RunWriter } from './store/runWriter.js';
import { describeSaveFailure, isDatabaseWriteRefusal, limitDatabaseGrowth } from './store/saveFailure.js';
import { markEngineRunning, scheduleBackups, securePurge } from './store/maintenance.js';
import { DEFAULT_CACHE_CONFIG, MultiLevelCache } from './cache/multiLevelCache.js';
import { analysisCacheKey, invalidateReplacedModels, modelTags } from './cache/analysisCacheKey.js';
import { engineBuildHash } from './engineBuild.js';
import { tuneNativeAllocator } from './orchestrator/nativeAllocator.js';
import { collectAfterBody } from './orchestrator/largeBodyCollections.js';
import { describeInventory, inventoryModels, type ModelInfo } from './inference/modelInventory.js';
import { compareRuns } from './report/compareRuns.js';
import { AnalysisJobs } from './analysisJobs.js';
import { BodyBudget, incidentBytes, type HeldBytes } from './orchestrator/bodyBudget.js';
import { ENGINE_VERSION } from './engineVersion.js';
import { DeviceMonitor } from './monitoring/deviceMonitor.js';
import { AlertRunner } from './monitoring/alerts/alertRunner.js';
import { loadAlertRules, type AlertRules } from './monitoring/alerts/rules.js';
import type { Notification } from './monitoring/alerts/manager.js';
import { PowerGovernor, powerThresholdsFrom } from './monitoring/powerGovernor.js';
import type { CollectorSources } from './monitoring/collectors/index.js';
import type { AlertsView } from './contract/alerts.js';
import { DEVICE_METRICS, type DeviceHealth } from './contract/deviceHealth.js';
import { EngineMetrics } from './metrics/registry.js';
import { ModelUpdates } from './updates/modelUpdates.js';
import { ModelLedger } from './updates/modelLedger.js';
import { workerGate } from './updates/modelGate.js';
import type { TrialRules } from './updates/trialJudge.js';
import { UpdateScheduler } from './updates/updateScheduler.js';
import { exportIncident, importIncident } from './handover/incidentHandover.js';
import { zonesGeoJson, zonesKml } from './handover/zoneExport.js';
import { parseIncident } from './contract/parseIncident.js';
import { HealthProblems } from './healthProblems.js';
import { REQUIRED_MODELS } from './contract/modelManifest.js';
import { SubmissionKeys, submissionFor, type Earlier } from './submissionKeys.js';
import type { Submission } from './store/analysisStore.js';

export interface EngineAnalyzeOptions extends AnalyzeOptions {
  save?: boolean;
  /** Answer a repeated question from the analysis cache (default on). */
  useCache?: boolean;
  /** The incident's bytes held against the body budget by its door (HTTP, the CLI's batch): kept until this
   *  analysis ends, then released. Absent: the engine holds them itself (holdIncident), or refuses. */
  heldBody?: HeldBody;
  /** 'incident': run on the model versions the incident's first run used; 'live': on the live ones; absent:
   *  the incident's remembered choice (docs/updates.md#keeping-an-incidents-models). */
  models?: ModelChoice;
  /** The client's key for this submission: a retry with the same key answers the run the first one made
   *  (docs/hardening.md#rows-retries-and-purge). Only for saved analyses: an unsaved one leaves nothing to find. */
  idempotencyKey?: string;
}

export interface EngineStartOptions {
  logger: Logger;
  /** The agent worker script; tests substitute one that injects faults. */
  workerUrl?: URL;
  /** Long-running hosts take a backup every `backupEveryHours`; one-shot CLI commands (and tests) do not. */
  scheduledBackups?: boolean;
  /** false: opened for queries only (the CLI's history, show, models): no agent workers are started. */
  agents?: boolean;
  /** Long-running hosts sample the device's health every second (docs/device-health.md); one-shot commands do not.
   *  Fault injection (tests, bench:monitor) passes a setup: replaced parts of the machine, other alert rules. */
  deviceMonitor?: boolean | DeviceMonitorSetup;
  /** How canary and shadow trials are judged (tests use small samples; docs/updates.md). */
  trialRules?: Partial<TrialRules>;
  /** Long-running hosts check the configured model channel in the background (docs/updates.md). */
  modelChecks?: boolean;
  /** How a live model swap decides between loading beside and draining (tests fake free memory). */
  swap?: SwapOptions;
  /** Tests only: the opened database, so a test can fill and free the "disk" (store/saveFailure.ts). */
  testDatabase?: (db: SqliteDatabase) => void;
  /** Long-running hosts run the database's full integrity check in the background after the quick one at start. */
  fullDatabaseCheck?: boolean;
  /** Tests only: a simulated clock; `timer: false` leaves evaluation to `evaluateAlerts`, as the runner's
   *  timer would call it (docs/alerts.md, "Running live"). Other rules come with `DeviceMonitorSetup`. */
  testAlerts?: { nowMs?: () => number; timer?: boolean };
}

/** How fault injection and tests run the monitor (docs/device-health.md, "Fault injection"): other sources
 *  (a fake /proc and /sys) and other alert rules (lower thresholds). */
export interface DeviceMonitorSetup { sources?: CollectorSources; alertRules?: AlertRules }

/** The health problem key of a model the engine runs without: `model:<name>`. */
const MODEL_PROBLEM_PREFIX = 'model:';

/** The device-health history, apart from the analyses' database (docs/device-health.md). */
export const DEVICE_HISTORY_FILE = 'device-health.sqlite';
/** The alert manager's state: silences, acknowledgements, alerts in progress (docs/alerts.md). */
export const ALERT_STATE_FILE = 'alerts-state.json';

/** The health problem raised while analyses cannot be saved (engine/healthProblems.ts). */
export const SAVE_PROBLEM = 'save';

/** Thrown inside the cache's compute to hand back a result that must not be cached (not `ok`). */
class NotCacheable extends Error { constructor(readonly result: AnalysisResult) { super('not cacheable'); } }

export class Engine {
  readonly startedAt = Date.now();
  private readonly writer: RunWriter;
  private readonly submissions: SubmissionKeys;
  private readonly jobs: AnalysisJobs;
  /** Bytes of incident bodies being read, queued or analysed (docs/hardening.md#load). */
  readonly bodyBudget: BodyBudget;
  // Started in the constructor; each starts as "nothing started", so a constructor that fails part way
  // stops exactly what it had started (stopBackground).
  private releasePidFile: () => void = () => {};
  private stopBackups: () => void = () => {};
  private monitor: DeviceMonitor | null = null;
  private alertRunner: AlertRunner | null = null;
  private modelChecks: UpdateScheduler | null = null;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly closeHooks: Array<() => void> = [];
  private closing = false;
  /** Set by `safe-edge serve` once it serves over TLS: shown by `about` for pinning. */
  private servedTls: z.infer<typeof aboutSchema>['tls'] = null;

  private constructor(readonly config: EngineConfig, private readonly pipeline: Orchestrator | null, private readonly store: AnalysisStore,
    private readonly cache: MultiLevelCache, private readonly database: SqliteDatabase, readonly logger: Logger, options: EngineStartOptions,
    /** The Prometheus registry (docs/metrics.md); the HTTP server times its requests into it. */
    readonly metrics: EngineMetrics,
    /** Model updates from a signed channel (docs/updates.md). */
    readonly updates: ModelUpdates,
    /** What makes `/health` degraded besides missing workers; parts of the engine raise and clear their own. */
    readonly problems: HealthProblems,
    /** Whether the database may be written to (docs/hardening.md#integrity). */
    readonly integrity: DatabaseIntegrity,
    private readonly stopDatabaseChecks: () => void,
    /** Power and heat step-down (docs/device-health.md#power-and-heat); null on an engine that samples nothing. */
    readonly power: PowerGovernor | null = null,
    private readonly alertRules: AlertRules | null = null) {
    this.writer = new RunWriter(store);
    this.jobs = new AnalysisJobs({ keptMs: config.analysisJobsKeptMs, maxBytes: config.analysisJobsMaxBytes });
    this.bodyBudget = new BodyBudget(config.maxIncidentBytesInFlight, collectAfterBody);
    this.submissions = new SubmissionKeys(store);
    try {
      this.startBackground(options);
    } catch (err) {
      this.stopBackground();
      throw err;
    }
  }

  /** The engine's background parts: the pid file first (the likeliest to fail, on a read-only data
   *  directory), then model updates, device monitoring, alerts, model checks and scheduled backups. */
  private startBackground(options: EngineStartOptions): void {
    const { config, pipeline, cache, logger, metrics, updates, database } = this;
    this.releasePidFile = markEngineRunning(config.dataDir);
    updates.attach(pipeline ? {
      swap: async (modelsDir) => (await this.reloadModels(modelsDir)).swap ?? null,
      loadTrial: async (modelsDir) => { await pipeline.reloadModels(modelsDir, 'trial'); },
      dropTrial: () => pipeline.dropTrial(),
      analyzeTwin: (incident, modelSet) => pipeline.analyze(incident, { priority: 'batch', modelSet }),
    } : null);
    const setup: DeviceMonitorSetup = typeof options.deviceMonitor === 'object' ? options.deviceMonitor
      : config.testDeviceOverlay !== null ? { sources: { overlayRoot: config.testDeviceOverlay } } : {};
    this.monitor = options.deviceMonitor ? new DeviceMonitor({ dataDir: config.dataDir, historyFile: join(config.dataDir, DEVICE_HISTORY_FILE), intervalMs: 1000, sources: setup.sources }) : null;
    if (this.monitor && config.testDeviceOverlay !== null) logger.warn('test setting: files replace parts of the machine\'s /proc and /sys for the device sampler', { overlay: config.testDeviceOverlay });
    this.alertRunner = this.monitor ? this.startAlerts(this.monitor, options) : null;
    if (this.monitor && this.power) this.startPower(this.monitor, this.power);
    metrics.watch({
      queueDepth: () => { const q = pipeline?.queue; return q ? q.interactive + q.batch : 0; },
      workerRestarts: () => pipeline?.queue.replacedWorkers ?? 0,
      cacheRequests: () => cache.requestCounts(),
      liveModels: () => Object.values(pipeline?.modelInventory.loaded ?? {}).map((m) => ({ model: m.name, version: String(m.version), variant: m.variant })),
      deviceSample: () => this.monitor?.latest() ?? null,
    });
    this.modelChecks = options.modelChecks && pipeline && config.modelChannel && config.modelCheckEveryHours > 0
      ? new UpdateScheduler({ everyMs: config.modelCheckEveryHours * 3600_000, check: () => updates.update(), logger })
      : null;
    this.modelChecks?.start();
    this.reportModelRefusals();
    // A damaged database is never backed up: its copies would push the good backups out.
    this.stopBackups = options.scheduledBackups && config.backupEveryHours > 0 && this.integrity.state !== 'damaged'
      ? scheduleBackups(database, config.dataDir, config.backupEveryHours * 3600_000, config.backupsKept, (msg, fields) => logger.info(msg, fields),
        this.power ? (resume) => this.power?.allow('backup', resume) ?? true : undefined)
      : () => {};
    // Nor is a model update started into it (the ledger records every step there).
    this.integrity.onDamage(() => { this.stopBackups(); this.modelChecks?.stop(); });
  }

  /** Stops what startBackground had started when it failed part way (close stops them in its own order). */
  private stopBackground(): void {
    this.stopBackups();
    this.modelChecks?.stop();
    this.alertRunner?.close();
    void this.monitor?.close();
    this.stopDatabaseChecks();
    this.releasePidFile();
  }

  /** Alerts live beside the sampler (docs/alerts.md, "Running live"): rules.yaml, state in the data directory.
   *  Every engine metric a default rule names is read here at each evaluation. */
  private startAlerts(monitor: DeviceMonitor, options: EngineStartOptions): AlertRunner {
    const { metrics } = this;
    const runner = new AlertRunner({
      rules: this.alertRules ?? loadAlertRules(), stateFile: join(this.config.dataDir, ALERT_STATE_FILE), diskMount: this.config.dataDir,
      ...(options.testAlerts?.nowMs ? { nowMs: options.testAlerts.nowMs } : {}), timer: options.testAlerts?.timer ?? true,
      engineReadings: () => {
        const p99Ms = monitor.view().engine.eventLoopDelayP99Ms;
        return {
          eventLoopDelayP99Seconds: p99Ms === null ? null : p99Ms / 1000, workerRestartsTotal: this.pipeline ? this.pipeline.queue.replacedWorkers : null,
          modelCheckFailed: this.modelCheckFailed(),
          // Absent without agent workers: an engine that analyses nothing has no analysis budget to miss.
          ...(this.pipeline ? { analysisBuckets: metrics.analysisBuckets() } : {}),
          sqliteSlowStatementsTotal: metrics.sqliteSlowStatementsTotal,
        };
      },
      onNotify: (notifications) => { for (const n of notifications) this.logger.warn(`alert ${n.kind}`, { alerts: n.alerts.map((a) => a.summary.en) }); },
      // A slow analysis on a stepped-down laptop may cost the ensembles members (docs/device-health.md#power-and-heat).
      onEvaluated: () => this.power?.setBudgetAtRisk(runner.manager.isActive('AnalysisSlow')),
      onError: (message) => this.logger.warn(message),
    });
    // Evaluated at each sample (1 s), not only every rules interval, so an alert fires within its `for` + a
    // second of the fault (docs/alerts.md, "Running live"); the runner's timer still evaluates without samples.
    monitor.onSample((sample) => { runner.ingestDeviceSample(sample); runner.evaluate(); });
    return runner;
  }

  /**
   * The power governor fed by each device sample (docs/device-health.md#power-and-heat). A step-down and a
   * step-up are logged and counted; at the step-up queued batch analyses start again. With the sampler on,
   * the cache warm-up waits for the first sample, so a laptop that starts hot or on a flat battery puts it off.
   */
  private startPower(monitor: DeviceMonitor, power: PowerGovernor): void {
    this.metrics.watchPower(() => power.steppedDown());
    power.onChange((change) => {
      const state = power.state();
      if (change.mode === 'stepped-down') {
        this.metrics.powerStepDowns.inc();
        this.logger.warn('power step-down: background work reduced', { reasons: change.reasons, batchSlots: state.batchSlots, atMs: change.atMs });
      } else {
        this.logger.info('power step-up: background work resumed after a quiet minute', { resumed: state.deferred, atMs: change.atMs });
        this.pipeline?.startQueued();
      }
    });
    let first = true;
    monitor.onSample((sample) => {
      power.update(sample);
      if (!first) return;
      first = false;
      if (power.allow('cache-warm-up', () => this.warmUpCache())) this.warmUpCache();
      else this.logger.info('analysis cache warm-up deferred: background work stepped down for power or heat');
    });
  }

  /** Loads the most-used cached answers into memory (at start, or once the power governor steps up). */
  private warmUpCache(): void {
    if (this.closing) return;
    try {
      const loaded = this.cache.warmUp();
      if (this.power) this.logger.info('analysis cache warmed up', { loaded });
    } catch (err) {
      this.logger.warn('analysis cache warm-up skipped', { error: (err as Error).message });
    }
  }

  /** Evaluates the alert rules now: the runner's timer calls this every rules interval; a test with a
   *  simulated clock (EngineStartOptions.testAlerts) calls it by hand. */
  evaluateAlerts(): Notification[] {
    return this.requireAlerts().evaluate();
  }

  /** Use bootstrap.ts's startEngine: it also resolves the configuration and guards the data directory. */
  static async start(config: EngineConfig, options: EngineStartOptions): Promise<Engine> {
    const { logger } = options;
    const problems = new HealthProblems();
    // Checked before anything is written to it (docs/hardening.md#integrity).
    const { db, integrity, stopChecks } = await openCheckedDatabase(config.dataDir, { problems, logger, fullCheck: options.fullDatabaseCheck ?? false });
    const metrics = new EngineMetrics();
    let orchestrator: Orchestrator | null = null;
    try {
      // Hosts that sample the device also step background work down for power and heat, with the alert
      // rules' own thresholds (docs/device-health.md#power-and-heat). A bad rules file fails the start here.
      const setupRules = typeof options.deviceMonitor === 'object' ? options.deviceMonitor.alertRules : undefined;
      const alertRules = options.deviceMonitor ? setupRules ?? loadAlertRules() : null;
      const power = alertRules ? new PowerGovernor(powerThresholdsFrom(alertRules)) : null;
      if (config.testDatabaseSparePages !== null) {
        const maxPages = limitDatabaseGrowth(db, config.testDatabaseSparePages);
        logger.warn('test setting: the database may not grow past a page limit (a simulated full disk)', { maxPages });
      }
      options.testDatabase?.(db);
      const updates = new ModelUpdates({ dataDir: config.dataDir, shippedDir: config.modelsDir, ledger: new ModelLedger(db, undefined, () => integrity.assertWritable()), gate: workerGate, channel: config.modelChannel, logger, trialRules: options.trialRules });
      // The workers load the live version of each model: the shipped ones until an update or rollback,
      // each only if the release key signed it (docs/models.md#signed-models).
      const liveModelsDir = options.agents === false ? null : updates.liveModelsDir();
      for (const name of REQUIRED_MODELS) {
        const refused = updates.updater.signatureRefusals.get(name);
        if (!refused) continue;
        logger.warn('model refused', { model: name, version: refused.version, code: refused.error.code, error: refused.error.message });
        throw new SafeError(refused.error.code, `${refused.error.message}; the engine cannot run without ${name}: reinstall the app or restore the model's signed files`, 'models');
      }
      // The workers are spawned by this call and load their code and models on their own threads; the
      // build is hashed while they do (once, not by the first analysis), off a cold start's path.
      const starting = liveModelsDir === null ? null : Orchestrator.start({ ...config, modelsDir: liveModelsDir }, { logger, workerUrl: options.workerUrl, metrics, swap: options.swap, ...(power ? { power } : {}) });
      engineBuildHash();
      // So are glibc's allocator thresholds fixed, for the whole process (docs/hardening.md#memory).
      logger.info('native allocator', { ...tuneNativeAllocator() });
      orchestrator = await starting;
      // A database found damaged at start is not read for the cache, even to size it: the cache gets an
      // empty database in memory (and is not used, analyzeAndSave) until the file is restored.
      const cacheDb = integrity.state === 'damaged' ? openMemoryDatabase() : db;
      const cache = new MultiLevelCache(cacheDb, { ...DEFAULT_CACHE_CONFIG, l1MaxBytes: config.cacheL1MaxBytes }, logger);
      try {
        cache.purgeExpired();
        // With the power governor, the warm-up waits for the first device sample (startPower).
        if (!power) cache.warmUp();
      } catch (err) {
        logger.warn('analysis cache warm-up skipped', { error: (err as Error).message });
      }
      const timer = new StatementTimer(config.slowQueryMs, logger, (statement, seconds) => metrics.sqliteStatementDuration.observe({ statement }, seconds), () => metrics.countSlowStatement());
      const engine = new Engine(config, orchestrator, new AnalysisStore(db, timer), cache, db, logger, options, metrics, updates, problems, integrity, stopChecks, power, alertRules);
      if (cacheDb !== db) engine.onClose(() => cacheDb.close());
      return engine;
    } catch (err) {
      // A start that fails after the workers started closes them (bounded: workerPool.close), or the
      // process would never exit.
      await orchestrator?.close();
      stopChecks();
      db.close();
      throw err;
    }
  }

  /** The agent pipeline; an engine opened for queries only has none. */
  private get orchestrator(): Orchestrator {
    if (!this.pipeline) throw new SafeError(ERROR_CODES.INTERNAL, 'this engine was opened for queries only: it runs no analyses');
    return this.pipeline;
  }

  // ---- queries

  health(): z.infer<typeof healthSchema> {
    const q = this.pipeline?.queue ?? { workers: 0, replacedWorkers: 0, running: 0, interactive: 0, batch: 0 };
    return {
      status: q.workers > 0 && this.problems.list().length === 0 ? 'ok' : 'degraded', version: ENGINE_VERSION, uptimeS: Math.round((Date.now() - this.startedAt) / 1000),
      workers: q.workers, replacedWorkers: q.replacedWorkers, queue: { running: q.running, interactive: q.interactive, batch: q.batch },
      models: this.pipeline?.models ?? {}, problems: this.problems.list(),
    };
  }

  about(): z.infer<typeof aboutSchema> {
    return {
      version: ENGINE_VERSION, engineBuild: engineBuildHash(), dataDir: this.config.dataDir, modelsDir: this.config.modelsDir,
      platform: platform(), nodeVersion: process.versions.node, tls: this.servedTls,
    };
  }

  /** The serving host tells which certificate it presents (docs/hardening.md#lan). */
  setServedTls(tls: z.infer<typeof aboutSchema>['tls']): void {
    this.servedTls = tls;
  }

  /** The device's health now; `monitoring: false` on an engine that samples nothing (a one-shot command). */
  deviceHealth(): DeviceHealth {
    if (this.monitor) return { ...this.monitor.view(), power: this.power?.state() ?? null };
    const memory = process.memoryUsage();
    return {
      monitoring: false, latest: null, lastError: null, power: null,
      capabilities: Object.fromEntries(DEVICE_METRICS.map((m) => [m, 'not-available'])) as DeviceHealth['capabilities'],
      engine: { eventLoopDelayP99Ms: null, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
    };
  }

  deviceHistory(args: OperationArgs<'deviceHistory'>): OperationResult<'deviceHistory'> {
    const toMs = args.toMs ?? Date.now();
    const fromMs = args.fromMs ?? toMs - 3_600_000;
    if (!this.monitor) return { metric: args.metric, resolution: 'raw', points: [] };
    return { metric: args.metric, ...this.monitor.history(args.metric, fromMs, toMs) };
  }

  runs(query: OperationArgs<'runs'>): RunSummary[] {
    return this.store.history(query.limit, query.incidentId);
  }

  /** A stored run (by run id or incident id: the incident's latest) with what changed since the previous run. */
  run(id: string): z.infer<typeof storedRunSchema> {
    // A run id may be shortened to its first characters (as `safe-edge history` prints it).
    const byPrefix = () => {
      const recent = id.length >= 6 ? this.store.history(1000).find((r) => r.runId.startsWith(id)) : undefined;
      return recent ? this.store.find(recent.runId) : undefined;
    };
    const found = this.store.find(id) ?? byPrefix();
    if (!found) throw new SafeError(ERROR_CODES.NOT_FOUND, `no run or incident with id ${id}`, 'id');
    const { incident, result, models, ...summary } = found;
    const stored = { run: summary, incident, result, models, incidentModels: this.incidentModels(found.incidentId) };
    try {
      const previous = this.store.previous(found);
      return { ...stored, changesSincePrevious: previous ? compareRuns(previous.result, result, { before: previous.incident, after: incident }) : [] };
    } catch (err) {
      // A damaged previous run is not compared with, but it does not hide this sound one.
      if (!(err instanceof SafeError) || err.code !== ERROR_CODES.RUN_DAMAGED) throw err;
      return { ...stored, changesSincePrevious: [], previousDamaged: err.toBody() };
    }
  }

  /** An incident's first-run model versions, those the live models have moved from, and whether its re-runs keep them. */
  private incidentModels(incidentId: string): z.infer<typeof storedRunSchema>['incidentModels'] {
    const { versions, keep } = this.store.incidentModels(incidentId);
    const live = this.pipeline?.models ?? Object.fromEntries(Object.entries(this.updates.updater.liveVersions()).map(([name, v]) => [name, String(v)]));
    const liveNow = Object.fromEntries(Object.keys(versions).filter((name) => live[name] !== versions[name]).map((name) => [name, live[name] ?? '—']));
    return { versions, liveNow, keep };
  }

  /** Handing an incident over to another post, and its zones to GIS tools (docs/handover.md). */
  exportIncident(id: string): OperationResult<'exportIncident'> {
    // An incident id, or any of its runs' ids (the workspace knows the run).
    const incidentId = this.store.find(id)?.incidentId ?? id;
    return exportIncident(this.store, incidentId, { version: ENGINE_VERSION, build: engineBuildHash() });
  }

  importIncident(args: OperationArgs<'importIncident'>): OperationResult<'importIncident'> {
    this.integrity.assertWritable();
    let imported: OperationResult<'importIncident'>;
    try {
      imported = importIncident(this.store, args);
    } catch (err) {
      if (!isDatabaseWriteRefusal(err)) throw err;
      // Disk full, locked, read-only: the runs go in one transaction, so none of them is in the database.
      // Said as a failed save is, and /health degraded under the same key until a save succeeds
      // (docs/hardening.md#saving).
      const message = describeSaveFailure(err, 'import');
      this.logger.error('could not import the incident file', { incidentId: args.asIncidentId ?? (args.bundle as { incidentId?: unknown } | null)?.incidentId, error: (err as Error).message });
      this.problems.raise(SAVE_PROBLEM, ERROR_CODES.SAVE_FAILED, message);
      throw new SafeError(ERROR_CODES.SAVE_FAILED, message);
    }
    this.problems.clear(SAVE_PROBLEM);
    return imported;
  }

  /** Deletes every incident, or those last analysed before a day (UTC), for good (docs/storage.md#purging),
   *  and every cached answer with them: an answer holds what its incident said. */
  purgeIncidents(args: OperationArgs<'purgeIncidents'>): OperationResult<'purgeIncidents'> {
    this.writer.flush(); // runs waiting for their commit are written before, so they are purged too
    const before = args.before === undefined ? undefined : `${args.before}T00:00:00.000Z`;
    return securePurge(this.database, this.config.dataDir, () => {
      this.cache.invalidateTag('analysis');
      return this.store.deleteIncidents(before);
    });
  }

  zones(args: OperationArgs<'zonesGeoJson'>, format: 'geojson' | 'kml'): string {
    const { result, incident } = this.run(args.id);
    const collection = zonesGeoJson(result, parseIncident(incident), args.lang);
    return format === 'geojson' ? JSON.stringify(collection) : zonesKml(collection, `SAFE Edge — ${result.id}${result.analysedAt ? ` — ${result.analysedAt}` : ''}`);
  }

  /** What the workers verified when they loaded their models (and refused): no file is read or hashed
   *  here. Opened for queries only (no workers), it verifies the repository's files instead. */
  models(): ModelInfo[] {
    if (!this.pipeline) return this.inventoryOnDisk();
    const inventory = this.pipeline.modelInventory;
    // A version refused for its signature never reached the workers: listed with that reason instead of theirs.
    const bySignature = this.updates.updater.signatureRefusalReports(inventory.precision, REQUIRED_MODELS);
    const refused = [...inventory.refused.filter((r) => !bySignature.some((s) => s.name === r.name)), ...bySignature];
    return describeInventory({ ...inventory, refused });
  }

  /** The repository's files hashed (no workers), and each version whose files all match its manifest also
   *  checked against the release key's signature: one it does not vouch for is listed with SAFE_E_MODEL_UNSIGNED. */
  private inventoryOnDisk(): ModelInfo[] {
    const { modelsDir } = this.config;
    return inventoryModels(modelsDir).map((m) => {
      const error = m.verified && m.variants.every((v) => v.verified !== false) ? this.updates.updater.signatures.check(m.name, m.version, join(modelsDir, m.name, String(m.version))) : null;
      return error ? { ...m, verified: false, error } : m;
    });
  }

  /**
   * Every model the engine runs without (its signature refused, or its worker refused it) is a health
   * problem under `model:<name>`, logged once when it starts, and feeds the ModelCheckFailed alert
   * (docs/hardening.md#signed-models); a model that loads again clears its problem.
   */
  private reportModelRefusals(): void {
    const refused = new Map<string, { version: number | null; code: ErrorCode; message: string }>();
    for (const r of this.updates.updater.signatureRefusals.values()) refused.set(r.name, { version: r.version, code: r.error.code, message: r.error.message });
    for (const r of this.pipeline?.modelInventory.refused ?? []) {
      if (!refused.has(r.name)) refused.set(r.name, { version: r.version, code: r.error.code, message: r.error.message });
    }
    for (const problem of this.problems.list()) {
      if (problem.key.startsWith(MODEL_PROBLEM_PREFIX) && !refused.has(problem.key.slice(MODEL_PROBLEM_PREFIX.length))) this.problems.clear(problem.key);
    }
    for (const [name, r] of refused) {
      const key = `${MODEL_PROBLEM_PREFIX}${name}`;
      const known = this.problems.list().find((p) => p.key === key);
      if (known?.code !== r.code) this.logger.warn('model refused', { model: name, version: r.version, code: r.code, error: r.message });
      this.problems.raise(key, r.code, `${r.message}. Analyses run without ${name}: reinstall the app, or update or roll back the model on the Models page`);
    }
  }

  /** 1 for each model the engine runs without, 0 for the others: the ModelCheckFailed alert's series. */
  modelCheckFailed(): Record<string, 0 | 1> {
    return Object.fromEntries(this.updates.updater.modelNames().map((name) => [name, this.problems.has(`${MODEL_PROBLEM_PREFIX}${name}`) ? 1 : 0]));
  }

  /** Where the engine's memory is (docs/hardening.md#memory): each agent worker's V8 heap (null: it did not
   *  answer within a second) and how many were recycled after a large incident. */
  async workerMemory(): Promise<{ heaps: Array<WorkerHeap | null>; recycledWorkers: number }> {
    const pipeline = this.pipeline;
    return { heaps: pipeline ? await pipeline.workerHeaps() : [], recycledWorkers: pipeline?.recycledWorkers ?? 0 };
  }

  async stats(): Promise<z.infer<typeof statsSchema>> {
    const cache = this.cache.stats();
    const pipeline = this.pipeline;
    return {
      inference: pipeline ? await pipeline.inferenceStats() : {},
      analysesTotal: pipeline?.analysesTotal ?? 0, retriesTotal: pipeline?.retriesTotal ?? 0, agents: pipeline?.timings.snapshot() ?? {},
      queries: this.store.timer.stats.snapshot(),
      cache: { l1: { ...cache.l1 }, l2: { ...cache.l2 }, analyses: { computes: cache.computes, joins: cache.joins, refreshes: cache.refreshes } },
    };
  }

  /** The listed alerts and live silences; `monitoring: false` on an engine that samples nothing. */
  alerts(): AlertsView {
    return this.alertRunner?.view() ?? { monitoring: false, alerts: [], silences: [] };
  }

  silenceAlert(args: OperationArgs<'silenceAlert'>): OperationResult<'silenceAlert'> {
    const runner = this.requireAlerts();
    const silence = runner.silence(args.silence);
    if (!silence) throw new SafeError(ERROR_CODES.NOT_FOUND, `no listed alert ${args.silence.key ?? ''}`, 'silence.key');
    return silence;
  }

  acknowledgeAlert(args: OperationArgs<'acknowledgeAlert'>): OperationResult<'acknowledgeAlert'> {
    return { key: args.key, acknowledged: this.requireAlerts().acknowledge(args.key, args.by) };
  }

  private requireAlerts(): AlertRunner {
    if (!this.alertRunner) throw new SafeError(ERROR_CODES.NOT_FOUND, 'this engine runs no device monitor, hence no alerts (a one-shot command)', 'alerts');
    return this.alertRunner;
  }

  /** Every metric in the Prometheus text format (docs/metrics.md). */
  metricsText(): Promise<string> { return this.metrics.render(); }

  // ---- commands

  /** Analyses a validated incident (or answers it from the cache) and, unless told not to, saves the run. */
  analyze(incident: Incident, options: EngineAnalyzeOptions = {}): Promise<AnalysisResult> {
    if (this.closing) return Promise.reject(new SafeError(ERROR_CODES.SHUTTING_DOWN, 'the engine is shutting down'));
    let keyed: { submission: Submission; earlier: Earlier | null } | null;
    try {
      keyed = this.keyedSubmission(incident, options);
    } catch (err) {
      return Promise.reject(err);
    }
    if (keyed?.earlier) return 'saved' in keyed.earlier ? Promise.resolve(keyed.earlier.saved) : keyed.earlier.running;
    let heldBody: HeldBody;
    try {
      heldBody = options.heldBody ?? this.holdIncident(incident);
    } catch (err) {
      return Promise.reject(err);
    }
    heldBody.kept = true;
    const run = this.analyzeAndSave(incident, options, keyed?.submission);
    if (keyed) this.submissions.track(keyed.submission, run);
    this.inFlight.add(run);
    void run.catch(() => {}).finally(() => { this.inFlight.delete(run); heldBody.release(); });
    return run;
  }

  /**
   * Holds an incident's bytes (its length as JSON) against the one body budget every door shares
   * (docs/hardening.md#load), or throws SAFE_E_BUSY. For the doors that hand over an incident already read:
   * the utility process (the desktop app) and callers in this process. HTTP holds the body from its first
   * byte instead (server/plugins/incidentBodies.ts); the CLI's batch waits for room (cli/analyzeBatch.ts).
   */
  holdIncident(incident: unknown): HeldBytes {
    return this.bodyBudget.reserve(incidentBytes(incident));
  }

  /** A saved analysis's submission key and what an earlier submission with it left; null without a key.
   *  Throws SAFE_E_IDEMPOTENCY_CONFLICT when the key was used for something else. */
  private keyedSubmission(incident: Incident, options: EngineAnalyzeOptions): { submission: Submission; earlier: Earlier | null } | null {
    if (options.idempotencyKey === undefined || options.save === false) return null;
    const submission = submissionFor(options.idempotencyKey, incident, options);
    return { submission, earlier: this.submissions.earlier(submission) };
  }

  /** Starts an analysis in the background; its events are followed with `followAnalysis`. */
  submitAnalysis(incident: Incident, options: EngineAnalyzeOptions = {}): OperationResult<'submitAnalysis'> {
    if (this.closing) throw new SafeError(ERROR_CODES.SHUTTING_DOWN, 'the engine is shutting down');
    // A retried submission is answered by what the first one left, never refused as busy; a key used for
    // something else is refused now (409), not accepted and then failed in the stream.
    const earlier = this.keyedSubmission(incident, options)?.earlier;
    // Refused now (503 with Retry-After), not accepted (202) and then failed in the stream.
    if (!earlier) this.orchestrator.checkAdmission(options.priority);
    // Held from now until the analysis ends, or refused now (as a full queue is), not in the stream.
    const heldBody = earlier ? options.heldBody : options.heldBody ?? this.holdIncident(incident);
    const analysisId = (earlier && 'saved' in earlier ? earlier.saved.id : undefined) ?? options.analysisId ?? incident.id ?? randomUUID();
    // Jobs have their own id: two re-runs of the same incident must not share (or steal) a stream.
    const jobId = randomUUID();
    const job = this.jobs.create(jobId);
    this.analyze(incident, { ...options, ...(heldBody ? { heldBody } : {}), analysisId, onProgress: (event) => job.push({ kind: 'progress', data: event }) })
      .then((result) => job.push({ kind: 'result', data: result }))
      .catch((err: unknown) => job.push({ kind: 'result', data: errorResult(analysisId, err) }));
    return { analysisId, events: httpRequestFor('analysisEvents', { jobId }).path };
  }

  /** Replays a job's events so far, then follows it until its result; resolves when it has ended or the caller left. */
  followAnalysis(jobId: string, emit: (message: JobMessage) => void, signal?: AbortSignal): Promise<null> {
    const job = this.jobs.get(jobId);
    if (!job) throw new SafeError(ERROR_CODES.NOT_FOUND, `no analysis job ${jobId} (jobs are kept for 10 minutes)`, 'jobId');
    return new Promise((resolve) => {
      let unsubscribe = () => {};
      const end = () => { unsubscribe(); resolve(null); };
      unsubscribe = job.follow((message) => {
        emit(message);
        if (message.kind === 'result') queueMicrotask(end);
      });
      if (job.done) end();
      signal?.addEventListener('abort', end, { once: true });
    });
  }

  /** Loads the models in the models directory (or `modelsDir`, a new live view) again in every worker and
   *  swaps them in together (or not at all); every cached answer of a model whose bytes changed is dropped. */
  async reloadModels(modelsDir?: string): Promise<ReloadOutcome> {
    const before = this.orchestrator.modelHashes;
    try {
      const reloaded = await this.orchestrator.reloadModels(modelsDir);
      invalidateReplacedModels(this.cache, before, this.orchestrator.modelHashes);
      return reloaded;
    } finally {
      this.reportModelRefusals(); // the view just built may have left a model out, or brought one back
    }
  }

  /** Stops taking work, lets running analyses finish and be saved (up to `graceMs`), then closes. */
  async close(graceMs = 10_000): Promise<void> {
    this.closing = true;
    this.stopBackups();
    this.stopDatabaseChecks();
    this.modelChecks?.stop();
    this.alertRunner?.close();
    await this.monitor?.close();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.inFlight]),
      new Promise((resolve) => { timer = setTimeout(resolve, graceMs); }),
    ]);
    clearTimeout(timer);
    this.writer.flush();
    // So the next start's warm-up knows which answers were used from memory; never into a damaged database.
    if (this.integrity.state !== 'damaged') this.cache.flushHits();
    await this.pipeline?.close();
    this.database.close();
    this.releasePidFile();
    for (const hook of this.closeHooks.splice(0)) hook();
  }

  /** Runs `hook` once the engine has closed (the host releases what it claimed for it). */
  onClose(hook: () => void): void { this.closeHooks.push(hook); }

  private async analyzeAndSave(incident: Incident, options: EngineAnalyzeOptions, submission?: Submission): Promise<AnalysisResult> {
    // A damaged database's cache is not read: its answers may sit on the damaged pages (docs/hardening.md#integrity).
    if (this.integrity.state === 'damaged') options = { ...options, useCache: false };
    const result = await this.analyzeOnChosenModels(incident, options);
    if (options.save === false) return result;
    let saved: AnalysisResult;
    try {
      this.integrity.assertWritable(); // DATABASE_DAMAGED: shown, never saved into a damaged file
      saved = await this.writer.save(incident, result, submission);
    } catch (err) {
      // The analysis is still worth showing; a failed save must not hide it, but it is never acknowledged
      // as saved: the result says so (saveError), the doors refuse it (operationHandlers.ts) and /health is
      // degraded until a save succeeds again (docs/hardening.md#saving).
      this.logger.error('could not save the analysis run', { analysisId: result.id, error: (err as Error).message });
      // A damaged database is its own /health problem already (database-check), naming the backup to restore.
      if (err instanceof SafeError && err.code === ERROR_CODES.DATABASE_DAMAGED) {
        return { ...result, saveError: { code: err.code, message: `the analysis was not saved: ${err.message}` } };
      }
      const message = describeSaveFailure(err);
      this.problems.raise(SAVE_PROBLEM, ERROR_CODES.SAVE_FAILED, message);
      return { ...result, saveError: { code: ERROR_CODES.SAVE_FAILED, message } };
    }
    this.problems.clear(SAVE_PROBLEM);
    return saved;
  }

  /**
   * The commander's model choice (docs/updates.md#keeping-an-incidents-models): the one the submission
   * names, else the one the incident's runs last recorded. Keeping the incident's models runs on the
   * versions its first run used, loaded beside the live ones (never routed to a trial); when they are
   * all live, or the incident has no run yet, the live models are those versions. The result says which
   * choice made it (`modelChoice`), and saving it records the choice for the incident's next re-runs.
   */
  private async analyzeOnChosenModels(incident: Incident, options: EngineAnalyzeOptions): Promise<AnalysisResult> {
    const incidentId = options.analysisId ?? incident.id;
    const incidentModels = incidentId && options.models !== 'live' ? this.readIncidentModels(incidentId) : null;
    const choice = options.models ?? (incidentModels?.keep ? 'incident' : undefined);
    if (choice !== 'incident' || !incidentModels || Object.keys(incidentModels.versions).length === 0) {
      const result = await this.analyzeOnModels(incident, options);
      return choice ? { ...result, modelChoice: choice } : result;
    }
    const keptDir = this.updates.updater.keptModelsDir(incidentModels.versions);
    // Kept versions that are all live run on the live models, but never on a canary's.
    const result = keptDir ? await this.analyzeKept(incident, options, keptDir) : await this.analyzeOnModels(incident, options, { canary: false });
    return { ...result, modelChoice: 'incident' };
  }

  /** The incident's models from its stored runs. In a damaged database their pages may be unreadable:
   *  the analysis then runs on the live models rather than not at all. */
  private readIncidentModels(incidentId: string): { versions: Record<string, string>; keep: boolean } | null {
    try {
      return this.store.incidentModels(incidentId);
    } catch (err) {
      if (this.integrity.state !== 'damaged') throw err;
      this.logger.warn('the incident\'s models could not be read from the damaged database: analysed on the live models', { incidentId, error: (err as Error).message });
      return null;
    }
  }

  /** An analysis on a kept model set, from the cache when allowed: keyed by that set's own versions and
   *  file hashes, so its answers and the live models' never stand in for each other. */
  private async analyzeKept(incident: Incident, options: EngineAnalyzeOptions, keptModelsDir: string): Promise<AnalysisResult> {
    const orchestrator = this.orchestrator;
    if (options.useCache === false) return orchestrator.analyze(incident, { ...options, keptModelsDir });
    const held = await orchestrator.holdKept(keptModelsDir);
    try {
      return await this.analyzeCached(incident, { ...options, keptModelsDir }, { hashes: held.hashes, versions: held.models });
    } finally {
      held.release();
    }
  }

  /** An analysis on the live models (from the cache when allowed), or, for a canary's share, on the
   *  trial's models (docs/updates.md): its result names their versions. A canary analysis that fails is
   *  answered again from the live models, so a trial never costs the commander an answer. Each fresh
   *  analysis feeds the running trial its pair. */
  private async analyzeOnModels(incident: Incident, options: EngineAnalyzeOptions, { canary = true } = {}): Promise<AnalysisResult> {
    const trials = this.updates.trials;
    const started = performance.now();
    if (canary && trials.route() === 'trial') {
      const canary = await this.orchestrator.analyze(incident, { ...options, modelSet: 'trial' });
      if (canary.status === 'ok') { trials.observe(incident, canary, 'trial', performance.now() - started); return canary; }
      const liveStarted = performance.now();
      const live = await this.orchestrator.analyze(incident, { ...options, analysisId: canary.id });
      trials.recordPair(live, canary, performance.now() - liveStarted, liveStarted - started);
      return live;
    }
    const result = options.useCache === false ? await this.orchestrator.analyze(incident, options) : await this.analyzeCached(incident, options);
    if (!result.cached) trials.observe(incident, result, 'live', performance.now() - started);
    return result;
  }

  /** `kept`: the versions and hashes of the kept set the analysis runs on (options.keptModelsDir), which
   *  no swap changes; otherwise the live models'. */
  private async analyzeCached(incident: Incident, options: AnalyzeOptions, kept?: { hashes: Record<string, string>; versions: Record<string, string> }): Promise<AnalysisResult> {
    const started = performance.now();
    // Keyed by what the answer depends on: the question, the bytes of every model the workers loaded
    // (their sha256, checked at load) and the engine's compiled code.
    const models = kept?.hashes ?? this.orchestrator.modelHashes;
    const key = analysisCacheKey(incident, models, engineBuildHash(), kept?.versions ?? this.orchestrator.models);
    // The answer may be shared with another caller (a cache hit, or a computation it joined): whatever
    // comes back is re-addressed to this caller's own id before it is returned or saved.
    const analysisId = options.analysisId ?? incident.id ?? randomUUID();
    const own = (result: AnalysisResult): AnalysisResult => (result.id === analysisId ? result : { ...result, id: analysisId });
    try {
      // An answer whose models were swapped while it ran is returned but not cached under the old key (a
      // live swap replaces the workers' inventory, and with it this map: comparing identities is enough).
      const modelsUnchanged = () => kept !== undefined || this.orchestrator.modelHashes === models;
      const { value, source } = await this.cache.getOrCompute(key, async () => {
        const fresh = await this.orchestrator.analyze(incident, { ...options, analysisId });
        if (fresh.status !== 'ok' || !modelsUnchanged() || reducedEnsemble(fresh)) throw new NotCacheable(fresh);
        return fresh;
      }, {
        tags: ['analysis', ...modelTags(models)],
        // A background refresh reports to nobody: batch priority, no progress callback.
        refresh: async () => {
          const fresh = await this.orchestrator.analyze(incident, { priority: 'batch', ...(options.keptModelsDir ? { keptModelsDir: options.keptModelsDir } : {}) });
          if (fresh.status !== 'ok' || !modelsUnchanged() || reducedEnsemble(fresh)) throw new NotCacheable(fresh);
          return fresh;
        },
      });
      if (source === 'computed' && value.id === analysisId) return value;
      const totalMs = Math.round((performance.now() - started) * 1000) / 1000;
      options.onProgress?.({ analysisId, agent: 'analysis', state: 'finished', atMs: totalMs, durationMs: totalMs });
      const { runId: _runId, ...answer } = value;
      return { ...answer, id: analysisId, cached: true, computedAt: value.analysedAt, analysedAt: new Date().toISOString(), timingsMs: { total: totalMs } };
    } catch (err) {
      if (err instanceof NotCacheable) return own(err.result);
      throw err;
    }
  }
}

/** A result whose bands came from an ensemble the power governor made smaller: answered, never cached
 *  as the full answer (docs/device-health.md#power-and-heat). */
function reducedEnsemble(result: AnalysisResult): boolean {
  const { plume, fire, flood } = result.field ?? {};
  return [plume, fire, flood].some((model) => model?.bands.method === 'surrogate-ensemble' && model.bands.members < FULL_ENSEMBLE_MEMBERS);
}

/** The result line for an input that could not be analysed at all (bad JSON, bad field, busy). */
export function errorResult(id: string, err: unknown): AnalysisResult {
  return { id, status: 'error', error: toErrorBody(err, ERROR_CODES.AGENT_FAILED), models: {}, timingsMs: {} };
}
