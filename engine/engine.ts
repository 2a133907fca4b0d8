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

export interface EngineAnalyzeOptions extends AnalyzeOptions { save?: boolean }

export class Engine {
  readonly startedAt = Date.now();

  private constructor(readonly config: EngineConfig, readonly orchestrator: Orchestrator, readonly store: AnalysisStore,
    private readonly db: SqliteDatabase, readonly logger: Logger) {}

  static async start(config: EngineConfig, options: { logger?: Logger; workerUrl?: URL } = {}): Promise<Engine> {
    const logger = options.logger ?? createLogger();
    const db = openDatabase(config.dataDir);
    try {
      const orchestrator = await Orchestrator.start(config, { logger, workerUrl: options.workerUrl });
      return new Engine(config, orchestrator, new AnalysisStore(db), db, logger);
    } catch (err) {
      db.close();
      throw err;
    }
  }

  /** Analyses a validated incident and, unless told not to, saves the run. */
  async analyze(incident: Incident, options: EngineAnalyzeOptions = {}): Promise<AnalysisResult> {
    const result = await this.orchestrator.analyze(incident, options);
    if (options.save === false) return result;
    try {
      return this.store.saveRun(incident, result);
    } catch (err) {
      // The analysis is still worth showing; a failed save must not hide it, but it must be visible.
      this.logger.error('could not save the analysis run', { analysisId: result.id, error: (err as Error).message });
      return result;
    }
  }

  async close(): Promise<void> {
    await this.orchestrator.close();
    this.db.close();
  }
}

/** The result line for an input that could not be analysed at all (bad JSON, bad field, busy). */
export function errorResult(id: string, err: unknown): AnalysisResult {
  const error: SafeErrorBody = err instanceof SafeError ? err.toBody() : { code: ERROR_CODES.AGENT_FAILED, message: String((err as Error)?.message ?? err) };
  return { id, status: 'error', error, models: {}, timingsMs: {} };
}
