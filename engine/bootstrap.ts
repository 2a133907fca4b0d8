// One way to start the engine, for every host: the CLI's one-shot commands, `safe-edge serve` and the
// desktop app's utility process resolve the same configuration (so they share one default data
// directory and one history), log the same way, and get the same scheduled backups. A serving host
// (serve, desktop) owns its data directory: a second one is refused, so two engines never take
// backups of, or restore into, the same database. Every start checks the database first (the quick check;
// serving hosts also the full one in the background), and every start failure is a coded error
// (startFailure.ts) after which nothing of the engine is left running (docs/hardening.md#integrity).
import { join } from 'node:path';
import { resolveConfig, type EngineConfig } from './config.js';
import { Engine } from './engine.js';
import { createLogger, type LogDelivery, type Logger } from './logging.js';
import { ERROR_CODES } from './contract/errors.js';
import { claimDataDir } from './store/dataDirLock.js';
import { secureDataDir } from './store/dataDirPermissions.js';
import { migrateLegacyDatabase } from './store/maintenance.js';
import { codedStartFailure } from './startFailure.js';

export type EngineHostKind = 'cli' | 'server' | 'desktop';

export interface BootstrapOptions {
  host: EngineHostKind;
  /** CLI flags or a host's own settings; they win over the environment and the defaults. */
  overrides?: Partial<EngineConfig>;
  /** This host's own defaults, below the environment (the one-shot CLI logs only warnings). */
  defaults?: Partial<EngineConfig>;
  /** Where an older build kept its data (the desktop app used its own folder): moved in once if the data directory has none. */
  legacyDataDirs?: string[];
  logger?: Logger;
  workerUrl?: URL;
  /** false: open the engine for queries only (no agent workers), as the CLI's history, show and models do. */
  agents?: boolean;
}

export interface StartedEngine { engine: Engine; config: EngineConfig; logger: Logger }

/** The health problem raised while the engine's own log cannot be written (logging.ts). */
export const LOG_PROBLEM = 'log';

/** A log that stops reaching its stream is said once in /health (and cleared when it works again);
 *  returns the unsubscribe. */
export function reportLogDelivery(engine: Engine, delivery: LogDelivery): () => void {
  const show = (state: ReturnType<LogDelivery['state']>) => {
    if (!state.failing) { engine.problems.clear(LOG_PROBLEM); return; }
    engine.problems.raise(LOG_PROBLEM, ERROR_CODES.LOG_UNWRITABLE,
      `the engine's log cannot be written (${state.lastError ?? 'unknown error'}): its lines are dropped and counted; free disk space where the log goes`);
  };
  show(delivery.state());
  return delivery.onChange(show);
}

export async function startEngine(options: BootstrapOptions): Promise<StartedEngine> {
  const config = resolveConfig(options.overrides, process.env, options.defaults);
  const created = options.logger ? null : createLogger(config.logLevel);
  const logger = options.logger ?? (created as Logger);
  const serving = options.host !== 'cli';
  let releaseClaim = () => {};
  try {
    if (serving) releaseClaim = claimDataDir(config.dataDir);
    for (const legacy of options.legacyDataDirs ?? []) {
      const moved = migrateLegacyDatabase(legacy, config.dataDir);
      if (moved) logger.info('moved the analysis history into the shared data directory', { from: legacy, to: config.dataDir, marker: join(legacy, moved) });
    }
    // Owner-only data (docs/hardening.md#lan): an older build left the directory 0755 and files 0644.
    const fixes = secureDataDir(config.dataDir);
    if (fixes.length) logger.warn('made the data directory owner-only: other accounts could read it', { dataDir: config.dataDir, fixed: fixes });
    const engine = await Engine.start(config, { logger, workerUrl: options.workerUrl, scheduledBackups: serving, agents: options.agents, deviceMonitor: serving, modelChecks: serving, fullDatabaseCheck: serving });
    engine.onClose(releaseClaim);
    if (created) engine.onClose(reportLogDelivery(engine, created.delivery));
    return { engine, config, logger };
  } catch (err) {
    releaseClaim();
    throw codedStartFailure(err, config.dataDir);
  }
}
