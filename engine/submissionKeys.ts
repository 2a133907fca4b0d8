// Idempotency keys on submissions (docs/hardening.md#rows-retries-and-purge). A client that did not get
// its answer (a dropped connection, an engine killed between the commit and the reply) sends the same
// submission again with the same key and gets the run the first one made, never a second run. The key
// and a hash of what was asked are stored with the run (store/analysisStore.ts), so this holds across a
// crash; while the first is still being analysed, a retry joins it.
import type { Incident } from './contract/incident.js';
import type { AnalysisResult, ModelChoice } from './contract/result.js';
import { ERROR_CODES, SafeError } from './contract/errors.js';
import type { AnalysisStore, Submission } from './store/analysisStore.js';
import { stableSha256 } from './cache/analysisCacheKey.js';

/** What makes two submissions the same: the incident as validated and the model choice. (Not the id progress
 *  events carry, which a door may make up per request; nor the priority, which changes no answer.) */
export function submissionFor(key: string, incident: Incident, options: { models?: ModelChoice }): Submission {
  return { key, requestSha256: stableSha256({ incident, models: options.models }) };
}

/** What an earlier submission with the same key left: its saved run's result, or its analysis still running. */
export type Earlier = { saved: AnalysisResult } | { running: Promise<AnalysisResult> };

export class SubmissionKeys {
  private readonly running = new Map<string, { requestSha256: string; answer: Promise<AnalysisResult> }>();

  constructor(private readonly store: AnalysisStore) {}

  /** The earlier submission with this key, or null for a first one; SAFE_E_IDEMPOTENCY_CONFLICT when it asked something else. */
  earlier(submission: Submission): Earlier | null {
    const running = this.running.get(submission.key);
    if (running) {
      this.refuseIfOther(submission, running.requestSha256);
      return { running: running.answer };
    }
    const found = this.store.findSubmission(submission.key);
    if (!found) return null;
    this.refuseIfOther(submission, found.requestSha256);
    return { saved: found.run.result };
  }

  /** Remembers a first submission's analysis until it has been saved (or failed), so retries join it. */
  track(submission: Submission, answer: Promise<AnalysisResult>): void {
    this.running.set(submission.key, { requestSha256: submission.requestSha256, answer });
    const forget = () => { if (this.running.get(submission.key)?.answer === answer) this.running.delete(submission.key); };
    answer.then(forget, forget);
  }

  private refuseIfOther(submission: Submission, requestSha256: string | null): void {
    if (requestSha256 !== submission.requestSha256) {
      throw new SafeError(ERROR_CODES.IDEMPOTENCY_CONFLICT, `the idempotency key ${submission.key} was already used for a different submission: send a new key with a new submission`, 'idempotencyKey');
    }
  }
}
