// How a canary or shadow trial is judged (docs/updates.md, "Canary and shadow"): paired analyses, one on
// the live models and one on the trial's, of the same incident. A pair agrees when both name the same
// incident type and severity and every number of the physics picture is within 10 % (what the models
// change). The verdict is statistical and comes only after a minimum sample: promote when agreement
// reaches the channel's floor, the trial's error rate is not significantly above the live one (one-sided
// two-proportion z-test at 95 %) and the median of the pairs' time ratios is within 1.5x; roll back automatically when
// consecutive windows fail, or when the full sample fails.
import type { AnalysisResult } from '../contract/result.js';

export interface TrialSample { agreed: boolean | null; liveOk: boolean; trialOk: boolean; liveMs: number; trialMs: number }

export interface TrialRules {
  /** Pairs before the trial may be promoted (or judged as a whole). */
  minSamples: number;
  /** Pairs per check window, and how many failed windows in a row roll the trial back. */
  windowSize: number;
  failedWindowsToRollback: number;
  minAgreement: number;
  latencyRatio: number;
  /** One-sided z above which the trial's error rate counts as higher (1.645: 95 %). */
  errorZ: number;
  /** The first pairs' times are not judged: a freshly loaded set of models runs its first analyses cold. */
  warmupPairs: number;
}

/** The trial's latency bound is on whole analyses in the field (other work on the machine, the twin beside
 *  the next analysis), so it guards against gross slowdowns (1.5x); the model's own 1.2x is the gate's,
 *  measured quietly on one case at a time. */
export const DEFAULT_TRIAL_RULES: TrialRules = { minSamples: 30, windowSize: 10, failedWindowsToRollback: 2, minAgreement: 0.9, latencyRatio: 1.5, errorZ: 1.645, warmupPairs: 5 };

export interface TrialFigures { samples: number; agreement: number | null; liveErrorRate: number; trialErrorRate: number; errorZ: number; latencyRatio: number | null; failedWindows: number }
export interface TrialVerdict { decision: 'continue' | 'promote' | 'rollback'; reason: string; figures: TrialFigures }

const RELATIVE_TOLERANCE = 0.1;

/** Every number in `value`, by its path. */
function numbers(value: unknown, path = '', out = new Map<string, number>()): Map<string, number> {
  if (typeof value === 'number') out.set(path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => numbers(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) numbers(v, `${path}.${k}`, out);
  return out;
}

/** Whether two results of the same incident agree (null when either failed: that counts as an error). */
export function resultsAgree(live: AnalysisResult, trial: AnalysisResult): boolean | null {
  if (live.status !== 'ok' || trial.status !== 'ok') return null;
  if (live.strategist?.type !== trial.strategist?.type || live.strategist?.severity !== trial.strategist?.severity) return false;
  const a = numbers(live.field);
  const b = numbers(trial.field);
  if (a.size !== b.size) return false;
  for (const [path, x] of a) {
    const y = b.get(path);
    if (y === undefined) return false;
    if (Math.abs(x - y) > RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y)) + 1e-9) return false;
  }
  return true;
}

const median = (xs: number[]) => { const s = [...xs].sort((p, q) => p - q); return s.length ? ((s[(s.length - 1) >> 1] as number) + (s[s.length >> 1] as number)) / 2 : NaN; };

function figuresOf(samples: readonly TrialSample[]): Omit<TrialFigures, 'failedWindows'> {
  const judged = samples.filter((s) => s.agreed !== null);
  const n = samples.length;
  const liveErrors = samples.filter((s) => !s.liveOk).length;
  const trialErrors = samples.filter((s) => !s.trialOk).length;
  // Two-proportion z-test, pooled; 0 when neither side erred.
  const pooled = (liveErrors + trialErrors) / (2 * n || 1);
  const se = Math.sqrt(pooled * (1 - pooled) * (2 / (n || 1)));
  const errorZ = se > 0 ? (trialErrors / n - liveErrors / n) / se : (trialErrors > liveErrors ? Infinity : 0);
  const both = samples.filter((s) => s.liveOk && s.trialOk && Number.isFinite(s.liveMs) && Number.isFinite(s.trialMs));
  return {
    samples: n,
    agreement: judged.length ? judged.filter((s) => s.agreed).length / judged.length : null,
    liveErrorRate: n ? liveErrors / n : 0, trialErrorRate: n ? trialErrors / n : 0, errorZ: Number.isFinite(errorZ) ? errorZ : 99,
    // The median of each pair's ratio: both ran the same incident, so the incident's own cost cancels.
    latencyRatio: both.length ? median(both.map((s) => s.trialMs / s.liveMs)) : null,
  };
}

/** What fails in a set of samples, in words; empty when nothing does. */
function failures(f: Omit<TrialFigures, 'failedWindows'>, rules: TrialRules): string[] {
  const out: string[] = [];
  if (f.agreement !== null && f.agreement < rules.minAgreement) out.push(`agreement ${(f.agreement * 100).toFixed(1)} % < ${(rules.minAgreement * 100).toFixed(0)} %`);
  if (f.agreement === null && f.samples > 0) out.push('no pair where both analyses succeeded');
  if (f.errorZ > rules.errorZ) out.push(`errors ${(f.trialErrorRate * 100).toFixed(1)} % vs live ${(f.liveErrorRate * 100).toFixed(1)} % (z ${f.errorZ.toFixed(2)} > ${rules.errorZ})`);
  if (f.latencyRatio !== null && f.latencyRatio > rules.latencyRatio) out.push(`median time ${f.latencyRatio.toFixed(2)}x the live one > ${rules.latencyRatio}x`);
  return out;
}

export function judgeTrial(all: readonly TrialSample[], rules: TrialRules = DEFAULT_TRIAL_RULES): TrialVerdict {
  const samples = all.map((s, i) => (i < rules.warmupPairs ? { ...s, liveMs: NaN, trialMs: NaN } : s));
  // Consecutive failed windows at the end of the sample.
  let failedWindows = 0;
  const whole = Math.floor(samples.length / rules.windowSize);
  for (let w = whole - 1; w >= 0; w--) {
    if (failures(figuresOf(samples.slice(w * rules.windowSize, (w + 1) * rules.windowSize)), rules).length === 0) break;
    failedWindows++;
  }
  const overall = figuresOf(samples);
  const figures = { ...overall, failedWindows };
  if (failedWindows >= rules.failedWindowsToRollback) {
    const last = failures(figuresOf(samples.slice((whole - 1) * rules.windowSize, whole * rules.windowSize)), rules);
    return { decision: 'rollback', reason: `${failedWindows} check windows in a row failed: ${last.join('; ')}`, figures };
  }
  if (samples.length < rules.minSamples) return { decision: 'continue', reason: `${samples.length} of ${rules.minSamples} pairs`, figures };
  const failed = failures(overall, rules);
  if (failed.length) return { decision: 'rollback', reason: `after ${samples.length} pairs: ${failed.join('; ')}`, figures };
  return { decision: 'promote', reason: `after ${samples.length} pairs: agreement ${((overall.agreement ?? 0) * 100).toFixed(1)} %, errors not above live, median time ${overall.latencyRatio?.toFixed(2)}x`, figures };
}
