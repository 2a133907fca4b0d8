// Analyses submitted to run in the background, whose progress a client follows as a stream (Server-Sent
// Events over HTTP). Finished jobs stay replayable for ten minutes (an LRU with a TTL bounds the memory
// they use).
import { LRUCache } from 'lru-cache';
import type { JobMessage } from './contract/api.js';

export class AnalysisJob {
  readonly messages: JobMessage[] = [];
  private readonly listeners = new Set<(m: JobMessage) => void>();
  done = false;

  push(message: JobMessage): void {
    this.messages.push(message);
    if (message.kind === 'result') this.done = true;
    for (const listener of this.listeners) listener(message);
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
  private readonly jobs = new LRUCache<string, AnalysisJob>({ max: 1000, ttl: 10 * 60_000 });

  create(id: string): AnalysisJob {
    const job = new AnalysisJob();
    this.jobs.set(id, job);
    return job;
  }

  get(id: string): AnalysisJob | undefined { return this.jobs.get(id); }
}
