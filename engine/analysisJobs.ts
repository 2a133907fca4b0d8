// Analyses submitted to run in the background, whose progress a client follows as a stream (Server-Sent
// Events over HTTP). A finished job stays replayable for ten minutes (docs/api.md), within a byte budget:
// when its messages would take more, the jobs that finished first go first (docs/hardening.md#load).
// Running jobs are never dropped: the scheduler bounds how many there are.
import type { JobMessage } from './contract/api.js';

export interface AnalysisJobsOptions {
  /** How long a finished job is kept. */
  keptMs: number;
  /** Bytes (the messages as JSON) all jobs may hold; finished jobs beyond it go, oldest first. */
  maxBytes: number;
  /** Milliseconds now; tests inject a clock. */
  now?: () => number;
}

export class AnalysisJob {
  readonly messages: JobMessage[] = [];
  private readonly listeners = new Set<(m: JobMessage) => void>();
  done = false;
  /** The messages' size as JSON: what keeping this job costs. */
  bytes = 0;

  constructor(private readonly onChange: (job: AnalysisJob, addedBytes: number) => void = () => {}) {}

  push(message: JobMessage): void {
    this.messages.push(message);
    const added = JSON.stringify(message).length;
    this.bytes += added;
    if (message.kind === 'result') this.done = true;
    for (const listener of this.listeners) listener(message);
    if (this.done) this.listeners.clear();
    this.onChange(this, added);
  }

  /** Replays what happened so far, then follows live; returns the unsubscribe function. */
  follow(listener: (m: JobMessage) => void): () => void {
    for (const m of this.messages) listener(m);
    if (this.done) return () => {};
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export class AnalysisJobs {
  private readonly jobs = new Map<string, AnalysisJob>();
  /** Finished jobs by id, in the order they finished, with when. */
  private readonly finished = new Map<string, number>();
  private readonly ids = new WeakMap<AnalysisJob, string>();
  private totalBytes = 0;
  private readonly now: () => number;

  constructor(private readonly options: AnalysisJobsOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Jobs kept, and the bytes they hold. */
  get size(): { jobs: number; bytes: number } { return { jobs: this.jobs.size, bytes: this.totalBytes }; }

  create(id: string): AnalysisJob {
    this.prune();
    const job = new AnalysisJob((changed, added) => this.changed(changed, added));
    this.ids.set(job, id);
    this.jobs.set(id, job);
    return job;
  }

  get(id: string): AnalysisJob | undefined {
    this.prune();
    return this.jobs.get(id);
  }

  private changed(job: AnalysisJob, addedBytes: number): void {
    const id = this.ids.get(job);
    if (id === undefined || this.jobs.get(id) !== job) return;
    this.totalBytes += addedBytes;
    if (job.done && !this.finished.has(id)) this.finished.set(id, this.now());
    this.prune();
  }

  /** Drops finished jobs older than keptMs, then the oldest finished while over the byte budget. */
  private prune(): void {
    const expiredBefore = this.now() - this.options.keptMs;
    for (const [id, finishedAt] of this.finished) {
      if (finishedAt > expiredBefore && this.totalBytes <= this.options.maxBytes) break;
      this.drop(id);
    }
  }

  private drop(id: string): void {
    const job = this.jobs.get(id);
    this.finished.delete(id);
    if (!job) return;
    this.jobs.delete(id);
    this.totalBytes -= job.bytes;
  }
}
