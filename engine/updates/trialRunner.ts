// A canary or shadow trial of a staged version that passed its gate (docs/updates.md, "Canary and
// shadow"). Canary: a share of the commander's analyses run on the trial's models, each result naming
// its versions, and the same incident runs again on the live models in the background. Shadow: every
// analysis is shown from the live models and runs again on the trial's in the background, never shown.
// Each pair is judged (trialJudge.ts) until the trial is promoted or rolled back automatically. The twin
// analyses run at batch priority, one at a time, and are neither saved nor cached.
import { performance } from 'node:perf_hooks';
import type { Incident } from '../contract/incident.js';
import type { AnalysisResult } from '../contract/result.js';
import type { RolloutStrategy } from '../contract/modelChannel.js';
import type { ModelSet } from '../orchestrator/workerProtocol.js';
import { judgeTrial, resultsAgree, type TrialRules, type TrialSample, type TrialVerdict } from './trialJudge.js';

export interface Trial {
  name: string; version: number; strategy: Exclude<RolloutStrategy, 'immediate'>;
  /** Canary: the share of analyses shown from the trial's models (0–1). */
  canaryShare: number;
  rules: TrialRules;
  startedAt: string;
}

export interface TrialHooks {
  /** One analysis on a model set, neither saved nor cached, at batch priority. */
  analyzeTwin(incident: Incident, modelSet: ModelSet): Promise<AnalysisResult>;
  /** The trial's verdict is in: promote or roll back (called once). */
  decide(trial: Trial, verdict: TrialVerdict): Promise<void>;
}

/** The time the agents spent on a result (its stages' own durations): waiting in the queue behind other
 *  analyses, which a background twin does by design, is not the model's doing. Wall time when the result
 *  has no stage timings (it failed before any ran). */
function agentMs(result: AnalysisResult, wallMs: number): number {
  const stages = Object.entries(result.timingsMs).filter(([k]) => k !== 'queue' && k !== 'total').map(([, v]) => v);
  return stages.length ? stages.reduce((a, b) => a + b, 0) : wallMs;
}

/** A trial result counts only if it names the version on trial (a result that failed may name none). */
const ranOnTrial = (result: AnalysisResult, trial: Trial): boolean =>
  result.status !== 'ok' || result.models[trial.name] === String(trial.version);

export class TrialRunner {
  private trial: Trial | null = null;
  private samples: TrialSample[] = [];
  private twinBusy = false;
  private deciding = false;
  private shownCount = 0;

  constructor(private readonly hooks: TrialHooks) {}

  get active(): Trial | null { return this.trial; }
  status(): { trial: Trial; verdict: TrialVerdict } | null {
    return this.trial ? { trial: this.trial, verdict: judgeTrial(this.samples, this.trial.rules) } : null;
  }

  start(trial: Trial): void { this.trial = trial; this.samples = []; this.deciding = false; this.shownCount = 0; }
  stop(): void { this.trial = null; this.samples = []; }

  /** The model set the next analysis is shown from: the trial's for a canary's share (spread evenly). */
  route(): ModelSet {
    const trial = this.trial;
    if (!trial || trial.strategy !== 'canary') return 'live';
    this.shownCount++;
    return Math.floor(this.shownCount * trial.canaryShare) > Math.floor((this.shownCount - 1) * trial.canaryShare) ? 'trial' : 'live';
  }

  /** A pair measured by the caller (a canary analysis that failed and was answered from the live models). */
  recordPair(live: AnalysisResult, onTrial: AnalysisResult, liveMs: number, trialMs: number): void {
    const trial = this.trial;
    if (!trial || this.deciding || !ranOnTrial(onTrial, trial)) return;
    this.samples.push({ agreed: resultsAgree(live, onTrial), liveOk: live.status === 'ok', trialOk: onTrial.status === 'ok', liveMs: agentMs(live, liveMs), trialMs: agentMs(onTrial, trialMs) });
    void this.judge(trial);
  }

  private async judge(trial: Trial): Promise<void> {
    const verdict = judgeTrial(this.samples, trial.rules);
    if (verdict.decision === 'continue' || this.deciding) return;
    this.deciding = true;
    await this.hooks.decide(trial, verdict);
    if (this.trial === trial) this.stop();
  }

  /** After an analysis was shown: runs its twin on the other model set (when none is running) and judges. */
  observe(incident: Incident, shown: AnalysisResult, shownOn: ModelSet, shownMs: number): void {
    const trial = this.trial;
    if (!trial || this.twinBusy || this.deciding) return;
    // A canary pairs only its own analyses (the others would pair live with live).
    if (trial.strategy === 'canary' && shownOn !== 'trial') return;
    this.twinBusy = true;
    const twinOn: ModelSet = shownOn === 'trial' ? 'live' : 'trial';
    const started = performance.now();
    void this.hooks.analyzeTwin(incident, twinOn)
      .catch((err: unknown): AnalysisResult => ({ id: shown.id, status: 'error', error: { code: 'SAFE_E_AGENT_FAILED', message: (err as Error).message }, models: {}, timingsMs: {} }))
      .then(async (twin) => {
        if (this.trial !== trial) return; // the trial ended meanwhile
        const twinMs = performance.now() - started;
        const [live, onTrial, liveMs, trialMs] = shownOn === 'trial' ? [twin, shown, twinMs, shownMs] : [shown, twin, shownMs, twinMs];
        if (!ranOnTrial(onTrial, trial)) return;
        this.samples.push({ agreed: resultsAgree(live, onTrial), liveOk: live.status === 'ok', trialOk: onTrial.status === 'ok', liveMs: agentMs(live, liveMs), trialMs: agentMs(onTrial, trialMs) });
        await this.judge(trial);
      })
      .finally(() => { this.twinBusy = false; });
  }
}
