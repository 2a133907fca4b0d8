// Background model checks for a serving engine with a configured channel (docs/updates.md): every
// `everyMs` (6 h by default) when the channel answers; when it cannot be reached (a laptop offline most of
// the time), again after 1 min, 2, 4, … up to `everyMs`, and the outage is logged once, not at every try.
// A refusal (a tampered channel, an expired one) is logged each time: that is news for IT.
import { ERROR_CODES, toErrorBody } from '../contract/errors.js';
import type { Logger } from '../logging.js';

export interface SchedulerOptions {
  everyMs: number;
  firstRetryMs?: number;
  check(): Promise<unknown>;
  logger: Logger;
}

export class UpdateScheduler {
  private timer: NodeJS.Timeout | undefined;
  private retryMs: number;
  private offline = false;
  private stopped = false;
  /** When the next check is due (ms since the epoch), for the Models page and tests. */
  nextCheckAtMs: number | null = null;

  constructor(private readonly options: SchedulerOptions) {
    this.retryMs = options.firstRetryMs ?? 60_000;
  }

  start(firstDelayMs = 30_000): void { this.schedule(firstDelayMs); }

  stop(): void { this.stopped = true; if (this.timer) clearTimeout(this.timer); this.nextCheckAtMs = null; }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.nextCheckAtMs = Date.now() + delayMs;
    this.timer = setTimeout(() => void this.run(), delayMs);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    try {
      await this.options.check();
      if (this.offline) this.options.logger.info('model update channel reachable again');
      this.offline = false;
      this.retryMs = this.options.firstRetryMs ?? 60_000;
      this.schedule(this.options.everyMs);
    } catch (err) {
      const body = toErrorBody(err, ERROR_CODES.UPDATE_UNREACHABLE);
      if (body.code === ERROR_CODES.UPDATE_UNREACHABLE) {
        if (!this.offline) this.options.logger.info('model update channel not reachable; retrying with backoff', { message: body.message });
        this.offline = true;
        const delay = this.retryMs;
        this.retryMs = Math.min(this.retryMs * 2, this.options.everyMs);
        this.schedule(delay);
        return;
      }
      this.options.logger.warn('model update check refused', { code: body.code, message: body.message });
      this.schedule(this.options.everyMs);
    }
  }
}
