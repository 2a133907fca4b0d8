// Admission by bytes (docs/hardening.md#load): the scheduler bounds how many analyses wait, this bounds
// how many bytes of incident bodies are held by requests being read, queued or running. Thirty-two 15 MB
// incidents fit the count limit yet took the engine to 4 GB; beyond the budget a body is refused with
// SAFE_E_BUSY (and Retry-After) before it is read, as a full queue is.
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import type { HeldBody } from '../contract/operations.js';

/** Bytes one body holds against the budget until its analysis ends (or its request, if none started). */
export class HeldBytes implements HeldBody {
  private releasedFlag = false;
  /** Set by the analysis that took the body: from then on only that analysis's end releases it. */
  kept = false;

  constructor(private readonly budget: BodyBudget, private heldBytes: number) {}

  get bytes(): number { return this.releasedFlag ? 0 : this.heldBytes; }
  get released(): boolean { return this.releasedFlag; }

  /** A body whose length was not announced (chunked) grows its hold as it arrives; SAFE_E_BUSY beyond the budget. */
  grow(bytes: number): void {
    if (this.releasedFlag || bytes <= 0) return;
    this.budget.take(bytes, this.heldBytes);
    this.heldBytes += bytes;
  }

  release(): void {
    if (this.releasedFlag) return;
    this.releasedFlag = true;
    this.budget.free(this.heldBytes);
  }
}

/**
 * The bytes an incident that arrived as an object (over a message port, or from a caller in the same
 * process) holds: its length as JSON, as if it had come as an HTTP body. A value JSON cannot carry (a
 * cycle, a BigInt) is no incident: SAFE_E_INVALID_JSON.
 */
export function incidentBytes(incident: unknown): number {
  let text: string | undefined;
  try {
    text = JSON.stringify(incident);
  } catch (err) {
    throw new SafeError(ERROR_CODES.INVALID_JSON, `the incident cannot be read as JSON: ${(err as Error).message}`, 'incident');
  }
  return text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
}

export class BodyBudget {
  private heldTotal = 0;
  /** Batch doors waiting for room (whenAvailable), first come first served. */
  private readonly waiting: Array<{ bytes: number; admit: (held: HeldBytes) => void }> = [];

  /** `onFreed` hears of every body's bytes going back (the engine collects its heap after a large one). */
  constructor(readonly maxBytes: number, private readonly onFreed: (bytes: number) => void = () => {}) {}

  /** Bytes held now by bodies being read, queued or analysed. */
  get heldBytes(): number { return this.heldTotal; }

  /** Holds `bytes` or throws SAFE_E_BUSY. A body larger than the whole budget is admitted only when it would
   *  be alone (the budget may be set below the largest incident accepted), so it is slowed, never starved. */
  reserve(bytes: number): HeldBytes {
    this.take(bytes, 0);
    return new HeldBytes(this, bytes);
  }

  /** Holds `bytes` once they fit, waiting for bodies ahead to be released: for a door with nobody to retry
   *  (the CLI's batch), which would rather wait than be refused. Waiters are admitted in order, and while
   *  any waits, nothing is taken past them by reserve(); so a large line is slowed, never starved. */
  whenAvailable(bytes: number): Promise<HeldBytes> {
    if (this.waiting.length === 0 && this.fits(bytes, 0)) return Promise.resolve(this.reserve(bytes));
    return new Promise((admit) => { this.waiting.push({ bytes, admit }); });
  }

  private fits(bytes: number, ownBytes: number): boolean {
    return this.heldTotal + bytes <= this.maxBytes || this.heldTotal - ownBytes <= 0;
  }

  /** @internal Holds `bytes` more if they fit beside what is held (`ownBytes` of it by the asking body), else throws. */
  take(bytes: number, ownBytes: number): void {
    const behindWaiters = ownBytes === 0 && bytes > 0 && this.waiting.length > 0;
    if (behindWaiters || !this.fits(bytes, ownBytes)) {
      throw new SafeError(ERROR_CODES.BUSY,
        `engine busy: ${mib(this.heldTotal)} of incident bodies being analysed (budget ${mib(this.maxBytes)}); retry shortly`);
    }
    this.heldTotal += bytes;
  }

  /** @internal */
  free(bytes: number): void {
    this.heldTotal = Math.max(0, this.heldTotal - bytes);
    this.onFreed(bytes);
    while (this.waiting.length > 0 && this.fits((this.waiting[0] as { bytes: number }).bytes, 0)) {
      const next = this.waiting.shift() as { bytes: number; admit: (held: HeldBytes) => void };
      this.heldTotal += next.bytes;
      next.admit(new HeldBytes(this, next.bytes));
    }
  }
}

function mib(bytes: number): string { return `${(bytes / 1024 / 1024).toFixed(1)} MiB`; }
