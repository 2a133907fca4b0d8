// `safe-edge support-bundle OUT` (docs/cli.md, "Support bundle"): one JSON file for IT about this install:
// versions, the configuration, health, models, device health, alerts, the device history's summary and
// the database's size. Never incident content (no report text, facts, results or incident ids) and never
// an API token: only whether the token files exist.
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { arch, platform, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineConfig } from '../config.js';
import { startEngine } from '../bootstrap.js';
import { ALERT_STATE_FILE, DEVICE_HISTORY_FILE } from '../engine.js';
import { ENGINE_VERSION } from '../engineVersion.js';
import { TOKEN_FILE, VIEWER_TOKEN_FILE } from '../server/apiToken.js';
import { openDatabase } from '../store/database.js';
import { databaseStats } from '../store/maintenance.js';
import { capabilities, createDeviceCollector } from '../monitoring/collectors/index.js';
import { TimeSeriesStore } from '../monitoring/timeseries/timeSeriesStore.js';
import { AlertRunner } from '../monitoring/alerts/alertRunner.js';
import { loadAlertRules } from '../monitoring/alerts/rules.js';

export const SUPPORT_BUNDLE_VERSION = 1;
const HOUR_MS = 3_600_000;
/** The CPU share needs two samples (docs/device-health.md, "Collectors"). */
const SAMPLE_GAP_MS = 1000;

const errorOf = (err: unknown) => ({ error: (err as Error).message });

/** The configuration with anything secret-looking blanked; a URL keeps its scheme, host and path only. */
export function redactConfig(config: EngineConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (typeof value !== 'string') out[key] = value;
    else if (/token|secret|password|credential/i.test(key)) out[key] = '[redacted]';
    else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
      try { const url = new URL(value); out[key] = `${url.protocol}//${url.host}${url.pathname}${url.username || url.password || url.search ? ' [credentials and query redacted]' : ''}`; } catch { out[key] = '[redacted]'; }
    } else out[key] = value;
  }
  return out;
}

/** One fresh sample from the collectors themselves: a one-shot engine runs no sampler. */
async function freshDeviceSample(dataDir: string) {
  try {
    const collector = await createDeviceCollector({ dataDir });
    const first = await collector.sample(Date.now());
    await new Promise((r) => setTimeout(r, SAMPLE_GAP_MS));
    const second = await collector.sample(Date.now());
    collector.close();
    return { sample: second, capabilities: capabilities([first, second]) };
  } catch (err) {
    return errorOf(err);
  }
}

/** The alerts as the last serving engine left them, read from a copy of its state file (the bundle writes nothing there). */
function alertsFromState(dataDir: string) {
  const file = join(dataDir, ALERT_STATE_FILE);
  if (!existsSync(file)) return { file, present: false };
  const dir = mkdtempSync(join(tmpdir(), 'safe-bundle-alerts-'));
  try {
    const copy = join(dir, ALERT_STATE_FILE);
    copyFileSync(file, copy);
    const problems: string[] = [];
    const runner = new AlertRunner({ rules: loadAlertRules(), stateFile: copy, timer: false, diskMount: dataDir, onError: (m) => problems.push(m.replace(copy, file)) });
    const view = runner.view();
    runner.close();
    return { file, present: true, alerts: view.alerts, silences: view.silences, problems };
  } catch (err) {
    return { file, present: true, ...errorOf(err) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Per metric and series: the last hour from the raw tier, the last day from the minute tier (rolled up once a minute). */
function historySummary(dataDir: string, nowMs: number) {
  const file = join(dataDir, DEVICE_HISTORY_FILE);
  if (!existsSync(file)) return { file, present: false };
  try {
    const store = new TimeSeriesStore(file);
    try {
      return { file, present: true, rowCounts: store.rowCounts(), lastHour: store.summary(nowMs - HOUR_MS, nowMs, 'raw'), lastDay: store.summary(nowMs - 24 * HOUR_MS, nowMs, 'minute') };
    } finally {
      store.close();
    }
  } catch (err) {
    return { file, present: true, ...errorOf(err) };
  }
}

function databaseSummary(dataDir: string) {
  try {
    const db = openDatabase(dataDir);
    try {
      const s = databaseStats(db, dataDir);
      return { file: s.file, schemaVersion: s.schemaVersion, sizeBytes: s.sizeBytes, walBytes: s.walBytes, freePages: s.freePages, journalMode: s.journalMode, runs: s.rows.runs, incidents: s.rows.incidents, cacheEntries: s.rows.cacheEntries };
    } finally {
      db.close();
    }
  } catch (err) {
    return errorOf(err);
  }
}

/** Collects the bundle and writes it to `out`; returns it. */
export async function writeSupportBundle(out: string, overrides: Partial<EngineConfig>): Promise<Record<string, unknown>> {
  const { engine, config } = await startEngine({ host: 'cli', agents: false, overrides, defaults: { logLevel: 'warn' } });
  try {
    const nowMs = Date.now();
    const about = engine.about();
    const bundle = {
      supportBundle: SUPPORT_BUNDLE_VERSION,
      createdAt: new Date(nowMs).toISOString(),
      versions: { engine: ENGINE_VERSION, engineBuild: about.engineBuild, node: process.versions.node, electron: process.versions.electron ?? null, platform: platform(), osRelease: release(), arch: arch() },
      config: redactConfig(config),
      apiTokens: { operator: existsSync(join(config.dataDir, TOKEN_FILE)), viewer: existsSync(join(config.dataDir, VIEWER_TOKEN_FILE)), note: 'whether each token file exists; the values are never included' },
      health: { ...engine.health(), note: 'a one-shot engine opened for queries only: no agent workers, hence degraded and no loaded models here' },
      models: engine.models(),
      deviceHealth: {
        engine: { ...engine.deviceHealth(), note: 'a one-shot CLI engine runs no sampler (docs/device-health.md): latest and capabilities are empty here; see fresh' },
        fresh: await freshDeviceSample(config.dataDir),
      },
      alerts: alertsFromState(config.dataDir),
      deviceHistory: historySummary(config.dataDir, nowMs),
      database: databaseSummary(config.dataDir),
    };
    writeFileSync(out, JSON.stringify(bundle, null, 2) + '\n');
    return bundle;
  } finally {
    await engine.close();
  }
}
