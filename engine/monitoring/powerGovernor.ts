// The power governor (docs/device-health.md#power-and-heat): on a low battery, thermal throttling or a
// critical temperature, background work steps down at once; it steps up again only after a quiet minute,
// so a reading that wavers around a threshold does not switch it back and forth. Fed by the sampler's
// readings with their own timestamps (no clock, no timers), so tests replay readings on a simulated clock.
// The consumers ask it: the analysis scheduler (batch slots), the F-Agent's ensembles (members), the
// scheduled backups and the cache warm-up (deferred). Interactive analyses never ask: they are never
// refused or slowed for power.
import type { DeviceSample, PowerReason, PowerState } from '../contract/deviceHealth.js';
import type { AlertRules } from './alerts/rules.js';

/** The thresholds the conditions use: the alert rules' own (BatteryLow, TemperatureCritical), so the
 *  dashboard's alert and the step-down agree on what "low" and "critical" mean. */
export interface PowerThresholds { batteryLowRatio: number; criticalTemperatureC: number }

export const DEFAULT_POWER_THRESHOLDS: PowerThresholds = { batteryLowRatio: 0.10, criticalTemperatureC: 95 };
/** Quiet time before stepping up again. */
export const STEP_UP_QUIET_MS = 60_000;
/** Batch analyses allowed at once while stepped down: they still finish, one at a time. */
export const STEPPED_DOWN_BATCH_SLOTS = 1;
/** Ensemble members while stepped down with the analysis budget at risk: P10/P90 with a standard error of
 *  about 4 percentile points instead of 2 (the full ensemble, 256: engine/agents/field/surrogate/ensemble.ts), a quarter of the rows. */
export const STEPPED_DOWN_ENSEMBLE_MEMBERS = 64;

export type DeferredWork = PowerState['deferred'][number];

/** The thresholds from the loaded rules; a rule renamed or removed keeps the default. */
export function powerThresholdsFrom(rules: AlertRules): PowerThresholds {
  const raise = (name: string) => rules.rules.find((r) => r.name === name)?.raise;
  return {
    batteryLowRatio: raise('BatteryLow') ?? DEFAULT_POWER_THRESHOLDS.batteryLowRatio,
    criticalTemperatureC: raise('TemperatureCritical') ?? DEFAULT_POWER_THRESHOLDS.criticalTemperatureC,
  };
}

/** The conditions one sample shows. A metric this machine cannot measure is absent and never a condition. */
export function powerReasons(values: DeviceSample['values'], thresholds: PowerThresholds): PowerReason[] {
  const reasons: PowerReason[] = [];
  const charge = values.safe_battery_charge_ratio;
  if (charge !== undefined && charge < thresholds.batteryLowRatio && values.safe_battery_charging !== 1) reasons.push('battery-low');
  if ((values.safe_thermal_throttled ?? 0) > 0) reasons.push('thermal-throttling');
  const temperature = values.safe_temperature_celsius;
  if (temperature !== undefined && temperature > thresholds.criticalTemperatureC) reasons.push('temperature-critical');
  return reasons;
}

export interface PowerChange { mode: PowerState['mode']; reasons: PowerReason[]; atMs: number }

export class PowerGovernor {
  private mode: PowerState['mode'] = 'normal';
  private reasons: PowerReason[] = [];
  private sinceMs: number | null = null;
  /** The last sample that showed a condition. */
  private lastConditionMs: number | null = null;
  private budgetAtRisk = false;
  private readonly deferred = new Set<DeferredWork>();
  private readonly listeners: Array<(change: PowerChange) => void> = [];
  private readonly resumers = new Map<DeferredWork, () => void>();

  constructor(private readonly thresholds: PowerThresholds = DEFAULT_POWER_THRESHOLDS, private readonly quietMs = STEP_UP_QUIET_MS) {}

  /** One sample: steps down at once on a condition, up once `quietMs` has passed since the last one. */
  update(sample: Pick<DeviceSample, 'atMs' | 'values'>): void {
    this.reasons = powerReasons(sample.values, this.thresholds);
    if (this.reasons.length > 0) {
      this.lastConditionMs = sample.atMs;
      if (this.mode === 'normal') {
        this.mode = 'stepped-down';
        this.sinceMs = sample.atMs;
        this.emit({ mode: this.mode, reasons: [...this.reasons], atMs: sample.atMs });
      }
      return;
    }
    if (this.mode === 'stepped-down' && this.lastConditionMs !== null && sample.atMs - this.lastConditionMs >= this.quietMs) {
      this.mode = 'normal';
      this.sinceMs = null;
      this.emit({ mode: this.mode, reasons: [], atMs: sample.atMs });
      // Work put off during the step-down runs now, once.
      for (const work of [...this.deferred]) { this.deferred.delete(work); this.resumers.get(work)?.(); }
    }
  }

  /** Whether the analysis budget is at risk now (the engine reads it from the AnalysisSlow alert). */
  setBudgetAtRisk(atRisk: boolean): void { this.budgetAtRisk = atRisk; }

  steppedDown(): boolean { return this.mode === 'stepped-down'; }

  /** Batch analyses allowed at once; null: no limit beyond the engine's own. */
  batchSlots(): number | null { return this.steppedDown() ? STEPPED_DOWN_BATCH_SLOTS : null; }

  /** Members of each surrogate ensemble: fewer only while stepped down and the analysis budget is at risk;
   *  null: the F-Agent's full ensemble. */
  ensembleMembers(): number | null { return this.steppedDown() && this.budgetAtRisk ? STEPPED_DOWN_ENSEMBLE_MEMBERS : null; }

  /**
   * Background work asks before it runs: true to run now; false while stepped down, and `resume` is then
   * called once at the step-up (a second deferral of the same work before that replaces the first).
   */
  allow(work: DeferredWork, resume: () => void): boolean {
    if (!this.steppedDown()) return true;
    this.deferred.add(work);
    this.resumers.set(work, resume);
    return false;
  }

  /** Called at every step down and up (the engine logs it, counts it and lets queued batch work run). */
  onChange(listener: (change: PowerChange) => void): void { this.listeners.push(listener); }

  state(): PowerState {
    const quiet = this.mode === 'stepped-down' && this.reasons.length === 0 && this.lastConditionMs !== null;
    return {
      mode: this.mode, reasons: [...this.reasons], sinceMs: this.sinceMs,
      stepUpAtMs: quiet ? (this.lastConditionMs as number) + this.quietMs : null,
      batchSlots: this.batchSlots(), ensembleMembers: this.ensembleMembers(), deferred: [...this.deferred],
    };
  }

  private emit(change: PowerChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
