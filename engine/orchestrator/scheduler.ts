// Admission control for analyses: at most `maxConcurrent` run at once; the rest wait in two bounded
// queues, interactive before batch. A full queue answers SAFE_E_BUSY at once instead of letting memory
// grow without bound while a field laptop is overloaded. A drain (a model swap without the memory to load
// beside, docs/updates.md#how-a-swap-loads) holds new analyses in the queues until the swap is done.
import { ERROR_CODES, SafeError } from '../contract/errors.js';

export type AnalysisPriority = 'interactive' | 'batch';

export interface SchedulerOptions {
  maxConcurrent: number; maxQueuedInteractive: number; maxQueuedBatch: number;
  /** Batch analyses allowed to run at once now; null: only maxConcurrent. The power governor lowers it on
   *  battery or in heat (docs/device-health.md#power-and-heat); interactive analyses never ask. */
  batchSlots?: () => number | null;
}

export class AnalysisScheduler {
  private running = 0;
  private runningBatch = 0;
  private readonly queues: Record<AnalysisPriority, Array<() => void>> = { interactive: [], batch: [] };
  /** Drains in progress: while any, no queued analysis starts. */
  private holds = 0;
  private readonly drained: Array<() => void> = [];

  constructor(private readonly options: SchedulerOptions) {}

  get depth(): { running: number; interactive: number; batch: number } {
    return { running: this.running, interactive: this.queues.interactive.length, batch: this.queues.batch.length };
  }

  /** SAFE_E_BUSY if an analysis of this priority would be refused now; a door that answers before the
   *  analysis runs (a background job's 202) asks first, so it never accepts what it then refuses. */
  checkAdmission(priority: AnalysisPriority): void {
    const limit = priority === 'interactive' ? this.options.maxQueuedInteractive : this.options.maxQueuedBatch;
    if ((this.holds > 0 || this.running >= this.options.maxConcurrent) && this.queues[priority].length >= limit) {
      throw new SafeError(ERROR_CODES.BUSY,
        `engine busy: ${this.running} analyses running and ${this.queues[priority].length} ${priority} waiting; retry shortly`);
    }
  }

  schedule<T>(priority: AnalysisPriority, job: () => Promise<T>): Promise<T> {
    try {
      this.checkAdmission(priority);
    } catch (err) {
      return Promise.reject(err as SafeError);
    }
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.running++;
        if (priority === 'batch') this.runningBatch++;
        job().then(resolve, reject).finally(() => {
          this.running--;
          if (priority === 'batch') this.runningBatch--;
          if (this.holds > 0) { if (this.running === 0) for (const done of this.drained.splice(0)) done(); return; }
          this.startQueued();
        });
      };
      if (this.holds === 0 && this.running < this.options.maxConcurrent && (priority === 'interactive' || this.batchSlotFree())) start();
      else this.queues[priority].push(start);
    });
  }

  /** Whether one more batch analysis may start now (the power governor's limit). */
  private batchSlotFree(): boolean {
    const slots = this.options.batchSlots?.() ?? null;
    return slots === null || this.runningBatch < slots;
  }

  /** Starts queued analyses while there is room: interactive first, batch within its slots. Also called
   *  when the batch limit rises again (the power governor steps up). */
  startQueued(): void {
    if (this.holds > 0) return;
    while (this.running < this.options.maxConcurrent) {
      const next = this.queues.interactive.shift() ?? (this.batchSlotFree() ? this.queues.batch.shift() : undefined);
      if (!next) break;
      next();
    }
  }

  /**
   * Holds new analyses in the queues (admitted by the same bounds as ever: a drain never refuses one the
   * queues have room for) and resolves once none is running. `release` lets the queues run again.
   */
  hold(): { drained: Promise<void>; release: () => void } {
    this.holds++;
    const drained = this.running === 0 ? Promise.resolve() : new Promise<void>((resolve) => this.drained.push(resolve));
    let released = false;
    return {
      drained,
      release: () => {
        if (released) return;
        released = true;
        this.holds--;
        this.startQueued();
      },
    };
  }
}
