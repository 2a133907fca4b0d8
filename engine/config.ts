// The engine's configuration: one schema, defaults in one place, overridable by environment variables
// (the names are in contract/environment.ts) and then by CLI flags or a host's own overrides;
// `safe-edge config` prints the effective values. Every host (CLI, serve, the desktop utility process)
// resolves it here, so all of them use the same data directory by default.
import { availableParallelism, homedir, platform } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_MODELS_DIR } from './inference/modelRepository.js';
import { ERROR_CODES, SafeError } from './contract/errors.js';
import { ENVIRONMENT, type EnvironmentSetting } from './contract/environment.js';
import type { LogLevel } from './logging.js';

/** OS-appropriate data directory: %APPDATA%\SAFE Edge, ~/Library/Application Support/SAFE Edge, $XDG_DATA_HOME/safe-edge. */
export function defaultDataDir(): string {
  if (platform() === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'SAFE Edge');
  if (platform() === 'darwin') return join(homedir(), 'Library', 'Application Support', 'SAFE Edge');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'safe-edge');
}

export const configSchema = z.object({
  /** Where the SQLite database and the API token live. */
  dataDir: z.string().min(1),
  /** The model repository (models/<name>/<version>/). */
  modelsDir: z.string().min(1),
  /** Agent worker threads; defaults to the number of cores. */
  workers: z.number().int().min(1).max(64),
  /** An agent that runs longer than this is killed and retried once. */
  agentTimeoutMs: z.number().int().min(10).max(600_000),
  /** Analyses slower than this are logged with their id. */
  slowAnalysisMs: z.number().int().min(1),
  /** Analyses allowed to wait (beyond those running) before new ones get SAFE_E_BUSY. */
  maxQueuedInteractive: z.number().int().min(0),
  maxQueuedBatch: z.number().int().min(0),
  /** Analyses running at once (each occupies up to two workers: S‖F, then A, then E). */
  maxConcurrentAnalyses: z.number().int().min(1),
  /** Bytes of incident bodies held at once by requests being read, queued or analysed; beyond it new
   *  bodies get SAFE_E_BUSY (docs/hardening.md#load). */
  maxIncidentBytesInFlight: z.number().int().min(1024 * 1024),
  /** Request bodies larger than this are parsed and validated on a body-parsing worker thread, so the
   *  serving thread keeps answering (docs/hardening.md#load); smaller ones are parsed in place. */
  offThreadBodyBytes: z.number().int().min(1024),
  /** Body-parsing worker threads (each parses one large body at a time). */
  bodyParserWorkers: z.number().int().min(1).max(16),
  /** How long a finished background analysis (its event stream) stays replayable, and the bytes all kept
   *  jobs may use; the oldest finished go first when over (docs/api.md). */
  analysisJobsKeptMs: z.number().int().min(1000),
  analysisJobsMaxBytes: z.number().int().min(64 * 1024),
  host: z.string().min(1),
  port: z.number().int().min(0).max(65535),
  /** Require the per-install bearer token on the HTTP API. Turn off only on a closed, single-user machine. */
  requireToken: z.boolean(),
  /** Serve HTTPS on loopback too; off loopback TLS is always on (docs/hardening.md#lan). */
  tls: z.boolean(),
  /** Precision of the models the agents run: int8 uses a model's int8 variant where one passed its gate. */
  modelPrecision: z.enum(['fp32', 'int8']),
  /** Statements slower than this are logged (the slow-query log). */
  slowQueryMs: z.number().min(0),
  /** Memory budget of the analysis cache's first level, in bytes. */
  cacheL1MaxBytes: z.number().int().min(1024),
  /** Hours between automatic database backups while serving (0 = off), and how many to keep. */
  backupEveryHours: z.number().min(0),
  backupsKept: z.number().int().min(1),
  /** Engine log level (one JSON object per line on stderr). */
  logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent']),
  /** The desktop app's update server (generic provider); null: update checks are off. */
  updateFeedUrl: z.url().nullable(),
  /** The model update channel (a URL or a folder) `models update` and the background check read when
   *  none is named; null: only updates asked for with a channel (docs/updates.md). */
  modelChannel: z.string().min(1).nullable(),
  /** Hours between background model checks of a serving engine with a channel configured (0 = off);
   *  an unreachable channel is retried sooner, with backoff. */
  modelCheckEveryHours: z.number().min(0),
  /** `npm start` serves the UI to a browser even where the Electron binary is installed. */
  browserMode: z.union([z.boolean(), z.stringbool()]),
  /** Tests only, never set in use: the database may grow by this many pages past its size at start, then
   *  every write fails as on a full disk (SQLite's max_page_count; docs/hardening.md#saving). null: no limit. */
  testDatabaseSparePages: z.union([z.null(), z.coerce.number().int().min(0)]),
  /** Tests only, never set in use: a folder whose files replace the same paths under / for the device
   *  sampler (a battery at 8 % for the dashboard's screenshots; docs/device-health.md#fault-injection). */
  testDeviceOverlay: z.string().min(1).nullable(),
});
export type EngineConfig = z.infer<typeof configSchema>;

export function defaultConfig(): EngineConfig {
  const workers = Math.max(1, availableParallelism());
  return {
    dataDir: defaultDataDir(),
    modelsDir: DEFAULT_MODELS_DIR,
    workers,
    agentTimeoutMs: 5_000,
    slowAnalysisMs: 250,
    maxQueuedInteractive: 256,
    maxQueuedBatch: 1024,
    maxConcurrentAnalyses: workers * 4,
    // One of the largest incidents accepted (16 MiB), or thousands of ordinary ones: each held byte costs
    // many more while parsed, validated and copied to the agent workers (bench:api's flood: two 15 MB
    // incidents at once took the engine past 1 GB).
    maxIncidentBytesInFlight: 16 * 1024 * 1024,
    offThreadBodyBytes: 256 * 1024,
    bodyParserWorkers: Math.min(2, workers),
    analysisJobsKeptMs: 10 * 60_000,
    analysisJobsMaxBytes: 16 * 1024 * 1024,
    host: '127.0.0.1',
    port: 8787,
    requireToken: true,
    tls: false,
    modelPrecision: 'fp32',
    slowQueryMs: 50,
    // 8 MiB of results as JSON, about 16 MB of heap (docs/storage.md#the-analysis-cache).
    cacheL1MaxBytes: 8 * 1024 * 1024,
    backupEveryHours: 6,
    backupsKept: 8,
    logLevel: 'info' satisfies LogLevel,
    updateFeedUrl: null,
    modelChannel: null,
    modelCheckEveryHours: 6,
    browserMode: false,
    testDatabaseSparePages: null,
    testDeviceOverlay: null,
  };
}

/** The settings given by environment variables (empty values count as unset). */
export function configFromEnvironment(env: NodeJS.ProcessEnv = process.env): Partial<Record<EnvironmentSetting, string>> {
  const entries = (Object.entries(ENVIRONMENT) as Array<[EnvironmentSetting, string]>).flatMap(([setting, name]) => (env[name] ? [[setting, env[name]]] : []));
  return Object.fromEntries(entries);
}

/** Defaults (the host's own first: the CLI logs only warnings), then the environment, then `overrides` (CLI flags). */
export function resolveConfig(overrides: Partial<EngineConfig> = {}, env: NodeJS.ProcessEnv = process.env, hostDefaults: Partial<EngineConfig> = {}): EngineConfig {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as Partial<EngineConfig>;
  const base = { ...defaultConfig(), ...hostDefaults, ...configFromEnvironment(env) } as EngineConfig;
  // Concurrency follows the worker count unless set on its own.
  if (defined.workers !== undefined && defined.maxConcurrentAnalyses === undefined) base.maxConcurrentAnalyses = defined.workers * 4;
  const parsed = configSchema.safeParse({ ...base, ...defined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.');
    const variable = ENVIRONMENT[field as EnvironmentSetting];
    throw new SafeError(ERROR_CODES.CONFIG_INVALID, `configuration ${field}: ${issue?.message}${variable ? ` (environment variable ${variable}, or its flag)` : ''}`, field);
  }
  return parsed.data;
}
