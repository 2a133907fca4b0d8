// The engine as one object, whatever hosts it (CLI, HTTP server, Electron utility process): the
// orchestrated pipeline plus the store that keeps every run.
import type { Incident } from './contract/incident.js';
import type { AnalysisResult } from './contract/result.js';
import { ERROR_CODES, SafeError, type SafeErrorBody } from './contract/errors.js';
import type { EngineConfig } from './config.js';
import { createLogger, type Logger } from './logging.js';
import { Orchestrator, type AnalyzeOptions } from './orchestrator/orchestrator.js';
import { openDatabase, type SqliteDatabase } from './store/database.js';
import { AnalysisStore } from './store/analysisStore.js';
import { StatementTimer } from './store/statementTimer.js';
import { RunWriter } from './store/runWriter.js';
import { DEFAULT_CACHE_CONFIG, MultiLevelCache } from './cache/multiLevelCache.js';
import { analysisCacheKey, modelTags } from './cache/analysisCacheKey.js';
import { engineBuildHash } from './engineBuild.js';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { markEngineRunning } from './store/maintenance.js';

export interface EngineAnalyzeOptions extends AnalyzeOptions {
  save?: boolean;
  /** Answer a repeated question from the analysis cache (default on). */
  useCache?: boolean;
}

/** Thrown inside the cache's compute to hand back a result that must not be cached (not `ok`). */
class NotCacheable extends Error { constructor(readonly result: AnalysisResult) { super('not cacheable'); } }

export class Engine {
  readonly startedAt = Date.now();
  private readonly writer: RunWriter;
  private readonly releasePidFile: () => void;

  private constructor(readonly config: EngineConfig, readonly orchestrator: Orchestrator, readonly store: AnalysisStore,
    readonly cache: MultiLevelCache, readonly database: SqliteDatabase, readonly logger: Logger) {
    this.writer = new RunWriter(store);
    this.releasePidFile = markEngineRunning(config.dataDir);
  }

  static async start(config: EngineConfig, options: { logger?: Logger; workerUrl?: URL } = {}): Promise<Engine> {
    const logger = options.logger ?? createLogger();
    const db = openDatabase(config.dataDir);
    try {
      const orchestrator = await Orchestrator.start(config, { logger, workerUrl: options.workerUrl });
      const cache = new MultiLevelCache(db, { ...DEFAULT_CACHE_CONFIG, l1MaxBytes: config.cacheL1MaxBytes }, logger);
      try {
        cache.purgeExpired();
        cache.warmUp();
      } catch (err) {
        logger.warn('analysis cache warm-up skipped', { error: (err as Error).message });
      }
      return new Engine(config, orchestrator, new AnalysisStore(db, new StatementTimer(config.slowQueryMs, logger)), cache, db, logger);
    } catch (err) {
      db.close();
      throw err;
    }
  }

  private readonly inFlight = new Set<Promise<unknown>>();
  private closing = false;

  /** Analyses a validated incident (or answers it from the cache) and, unless told not to, saves the run. */
  analyze(incident: Incident, options: EngineAnalyzeOptions = {}): Promise<AnalysisResult> {
    if (this.closing) return Promise.reject(new SafeError(ERROR_CODES.SHUTTING_DOWN, 'the engine is shutting down'));
    const run = this.analyzeAndSave(incident, options);
    this.inFlight.add(run);
    void run.catch(() => {}).finally(() => this.inFlight.delete(run));
    return run;
  }

  private async analyzeAndSave(incident: Incident, options: EngineAnalyzeOptions): Promise<AnalysisResult> {
    const result = options.useCache === false ? await this.orchestrator.analyze(incident, options) : await this.analyzeCached(incident, options);
    if (options.save === false) return result;
    try {
      return await this.writer.save(incident, result);
    } catch (err) {
      // The analysis is still worth showing; a failed save must not hide it, but it must be visible.
      this.logger.error('could not save the analysis run', { analysisId: result.id, error: (err as Error).message });
      return { ...result, saveError: { code: ERROR_CODES.INTERNAL, message: `the analysis was not saved: ${(err as Error).message}` } };
    }
  }

  private async analyzeCached(incident: Incident, options: AnalyzeOptions): Promise<AnalysisResult> {
    const started = performance.now();
    // Model versions stand in for the model files' sha256 until the workers report those; the build
    // hash already covers the engine's code.
    const models = this.orchestrator.models;
    const key = analysisCacheKey(incident, models, engineBuildHash());
    // The answer may be shared with another caller (a cache hit, or a computation it joined): whatever
    // comes back is re-addressed to this caller's own id before it is returned or saved.
    const analysisId = options.analysisId ?? incident.id ?? randomUUID();
    const own = (result: AnalysisResult): AnalysisResult => (result.id === analysisId ? result : { ...result, id: analysisId });
    try {
      const { value, source } = await this.cache.getOrCompute(key, async () => {
        const fresh = await this.orchestrator.analyze(incident, { ...options, analysisId });
        if (fresh.status !== 'ok') throw new NotCacheable(fresh);
        return fresh;
      }, {
        tags: ['analysis', ...modelTags(models)],
        // A background refresh reports to nobody: batch priority, no progress callback.
        refresh: async () => {
          const fresh = await this.orchestrator.analyze(incident, { priority: 'batch' });
          if (fresh.status !== 'ok') throw new NotCacheable(fresh);
          return fresh;
        },
      });
      if (source === 'computed' && value.id === analysisId) return value;
      const totalMs = Math.round((performance.now() - started) * 1000) / 1000;
      options.onProgress?.({ analysisId, agent: 'analysis', state: 'finished', atMs: totalMs, durationMs: totalMs });
      const { runId: _runId, ...answer } = value;
      return { ...answer, id: analysisId, cached: true, analysedAt: new Date().toISOString(), timingsMs: { total: totalMs } };
    } catch (err) {
      if (err instanceof NotCacheable) return own(err.result);
      throw err;
    }
  }

  /** Stops taking work, lets running analyses finish and be saved (up to `graceMs`), then closes. */
  async close(graceMs = 10_000): Promise<void> {
    this.closing = true;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.inFlight]),
      new Promise((resolve) => { timer = setTimeout(resolve, graceMs); }),
    ]);
    clearTimeout(timer);
    this.writer.flush();
    await this.orchestrator.close();
    this.database.close();
    this.releasePidFile();
  }
}

/** The result line for an input that could not be analysed at all (bad JSON, bad field, busy). */
export function errorResult(id: string, err: unknown): AnalysisResult {
  const error: SafeErrorBody = err instanceof SafeError ? err.toBody() : { code: ERROR_CODES.AGENT_FAILED, message: String((err as Error)?.message ?? err) };
  return { id, status: 'error', error, models: {}, timingsMs: {} };
}
