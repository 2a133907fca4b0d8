// Group commit: runs saved in the same tick (a JSONL batch, concurrent API calls) are written in one
// transaction, so one fsync acknowledges them all. Each caller's promise resolves only after the commit.
import type { Incident } from '../contract/incident.js';
import type { AnalysisResult } from '../contract/result.js';
import type { AnalysisStore, Submission } from './analysisStore.js';

interface Queued { incident: Incident; result: AnalysisResult; submission?: Submission; resolve: (r: AnalysisResult) => void; reject: (e: unknown) => void }

export class RunWriter {
  private queue: Queued[] = [];
  private scheduled = false;

  constructor(private readonly store: AnalysisStore, private readonly maxBatch = 256) {}

  /** `submission`: the key it came with, stored with the run (docs/hardening.md#rows-retries-and-purge). */
  save(incident: Incident, result: AnalysisResult, submission?: Submission): Promise<AnalysisResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ incident, result, submission, resolve, reject });
      if (this.queue.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) { this.scheduled = true; setImmediate(() => this.flush()); }
    });
  }

  flush(): void {
    this.scheduled = false;
    const batch = this.queue.splice(0);
    if (batch.length === 0) return;
    try {
      const stored = this.store.saveRuns(batch);
      batch.forEach((item, i) => item.resolve(stored[i] as AnalysisResult));
    } catch (err) {
      for (const item of batch) item.reject(err);
    }
  }
}
