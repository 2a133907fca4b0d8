// The alert manager running live (docs/alerts.md, "Running live"): each device sample is ingested as it
// arrives, the engine's own metrics that are cheap to read are added at each evaluation, the rules are
// evaluated every rules.yaml `interval`, and the state is kept in a JSON file written atomically
// (temp + rename) and restored at start. The clock is injected, so tests drive it by hand.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { AlertManager, type AlertManagerState, type AlertView, type Notification, type Sample } from './manager.js';
import type { AlertRules } from './rules.js';
import type { DeviceSample } from '../../contract/deviceHealth.js';
import type { AlertItem, AlertsView, SilenceArgs } from '../../contract/alerts.js';
import { OWNER_ONLY_FILE_MODE } from '../../store/dataDirPermissions.js';

/** Engine metrics the rules name that are cheap here; null: not measured now (never 0). */
export interface EngineReadings {
  eventLoopDelayP99Seconds: number | null; workerRestartsTotal: number | null;
  /** Model name → 1 while the engine runs without it (refused: unsigned, changed, unloadable), else 0. */
  modelCheckFailed?: Record<string, 0 | 1>;
  /** Whole analyses so far as cumulative buckets (AnalysisSlow reads `safe_analysis_duration_seconds_bucket`). */
  analysisBuckets?: Array<{ le: string; count: number }>;
  /** SQLite statements over the slow bound so far (SqliteSlowStatements). */
  sqliteSlowStatementsTotal?: number;
}

export interface AlertRunnerOptions {
  rules: AlertRules;
  stateFile: string;
  nowMs?: () => number;
  engineReadings?: () => EngineReadings;
  /** The `mount` label of the disk metrics: the data directory's volume (docs/device-health.md). */
  diskMount?: string;
  onNotify?: (notifications: Notification[]) => void;
  /** After each evaluation (the engine tells the power governor whether the analysis budget is at risk). */
  onEvaluated?: () => void;
  onError?: (message: string) => void;
  /** Evaluate on a timer every rules interval (default true); tests call evaluate() instead. */
  timer?: boolean;
}

/** The state file written as a whole or not at all (a crash mid-write leaves the previous one), owner-only. */
export function writeFileAtomic(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode: OWNER_ONLY_FILE_MODE });
  renameSync(temp, file);
}

export class AlertRunner {
  readonly manager: AlertManager;
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: AlertRunnerOptions) {
    this.now = options.nowMs ?? Date.now;
    const persist = (state: AlertManagerState) => {
      try { writeFileAtomic(options.stateFile, JSON.stringify(state)); } catch (err) { options.onError?.(`alert state not saved: ${(err as Error).message}`); }
    };
    this.manager = this.restore(persist);
    if (options.timer !== false) {
      this.timer = setInterval(() => this.evaluate(), options.rules.intervalMs);
      this.timer.unref();
    }
  }

  private restore(persist: (state: AlertManagerState) => void): AlertManager {
    if (!existsSync(this.options.stateFile)) return new AlertManager(this.options.rules, { persist });
    try {
      const state = JSON.parse(readFileSync(this.options.stateFile, 'utf8')) as AlertManagerState;
      return AlertManager.restore(this.options.rules, state, this.now(), { persist });
    } catch (err) {
      // An unreadable state loses silences and acknowledgements, not alerting itself: start afresh.
      this.options.onError?.(`alert state ${this.options.stateFile} ignored: ${(err as Error).message}`);
      return new AlertManager(this.options.rules, { persist });
    }
  }

  /** One device sample: only the values this machine measured (absent ones are never evaluated). */
  ingestDeviceSample(sample: DeviceSample): void {
    const samples: Sample[] = [];
    for (const [metric, value] of Object.entries(sample.values)) {
      if (value === undefined) continue;
      const labels: Record<string, string> = metric.startsWith('safe_disk_') && this.options.diskMount !== undefined ? { mount: this.options.diskMount } : {};
      samples.push({ metric, labels, t: sample.atMs, value });
    }
    this.manager.ingest(samples);
  }

  /** Evaluates every rule now (the timer calls this each rules interval). */
  evaluate(): Notification[] {
    const nowMs = this.now();
    const readings = this.options.engineReadings?.();
    const samples: Sample[] = [];
    if (readings?.eventLoopDelayP99Seconds != null) samples.push({ metric: 'safe_event_loop_delay_p99_seconds', t: nowMs, value: readings.eventLoopDelayP99Seconds });
    if (readings?.workerRestartsTotal != null) samples.push({ metric: 'safe_worker_restarts_total', t: nowMs, value: readings.workerRestartsTotal });
    for (const [model, value] of Object.entries(readings?.modelCheckFailed ?? {})) samples.push({ metric: 'safe_model_check_failed', labels: { model }, t: nowMs, value });
    for (const { le, count } of readings?.analysisBuckets ?? []) samples.push({ metric: 'safe_analysis_duration_seconds_bucket', labels: { agent: 'analysis', le }, t: nowMs, value: count });
    if (readings?.sqliteSlowStatementsTotal !== undefined) samples.push({ metric: 'safe_sqlite_slow_statements_total', t: nowMs, value: readings.sqliteSlowStatementsTotal });
    this.manager.ingest(samples);
    const notifications = this.manager.evaluate(nowMs);
    if (notifications.length) this.options.onNotify?.(notifications);
    this.options.onEvaluated?.();
    return notifications;
  }

  view(): AlertsView {
    const nowMs = this.now();
    const alerts = this.manager.alerts(nowMs).filter((a) => a.state !== 'inactive').map(toItem);
    const silences = this.manager.state().silences.filter((s) => s.endsAtMs > nowMs);
    return { monitoring: true, alerts, silences };
  }

  /** A silence by matchers or for one alert (its labels); its id. Unknown key: null. */
  silence(args: SilenceArgs): { id: string; matchers: Record<string, string>; endsAtMs: number } | null {
    const nowMs = this.now();
    let matchers = args.matchers;
    if (args.key !== undefined) {
      const alert = this.manager.alerts(nowMs).find((a) => a.key === args.key);
      if (!alert) return null;
      matchers = { ...alert.labels, ...matchers };
    }
    const endsAtMs = nowMs + args.durationMs;
    const id = this.manager.addSilence({ matchers: matchers ?? {}, endsAtMs, createdBy: args.createdBy, comment: args.comment }, nowMs);
    return { id, matchers: matchers ?? {}, endsAtMs };
  }

  acknowledge(key: string, by: string): boolean {
    return this.manager.acknowledge(key, by, this.now());
  }

  close(): void {
    clearInterval(this.timer);
  }
}

function toItem(a: AlertView): AlertItem {
  const state = a.state as AlertItem['state'];
  const sinceMs = (state === 'resolved' ? a.resolvedAtMs : state === 'firing' ? a.firingSinceMs : a.activeSinceMs) ?? 0;
  const item: AlertItem = {
    key: a.key, rule: a.rule, state, severity: a.severity, labels: a.labels, value: a.value, summary: a.summary, sinceMs,
    silenced: a.silenced, inhibited: a.inhibited, held: a.held, acknowledged: a.acknowledged ?? null, notified: a.notified,
  };
  if (a.description) item.description = a.description;
  return item;
}
