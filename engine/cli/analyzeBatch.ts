// `safe-edge analyze` over one incident or a JSONL batch (docs/cli.md): at most as many analyses in flight
// as the engine runs at once, and each line's bytes held against the engine's body budget before the line
// is even parsed (docs/hardening.md#load), so a file of large incidents never holds more of them in memory
// than the budget allows. A batch has nobody to retry a refusal: instead of SAFE_E_BUSY it waits for room,
// as HTTP clients wait out Retry-After. Results come out in input order.
import type { AnalysisResult, ModelChoice } from '../contract/result.js';
import { errorResult, type Engine } from '../engine.js';
import type { HeldBytes } from '../orchestrator/bodyBudget.js';
import { parseInputLine, type InputLine } from './readIncidents.js';

export interface BatchOptions {
  save: boolean;
  models?: ModelChoice;
  /** The idempotency key of the incident at `position` (`batch`: the input has more than one), if the
   *  command was given one. Throws SafeError for a key this line cannot carry: that line's answer. */
  keyOf(position: number, batch: boolean): string | undefined;
}

/** `lines` may be read as they are analysed (readInputLines): a line is asked for once its slot is free,
 *  with one line of look-ahead at the start, to know whether the input is a batch. */
export async function analyzeBatch(engine: Engine, lines: Iterable<InputLine> | AsyncIterable<InputLine>, options: BatchOptions, emit: (result: AnalysisResult) => void): Promise<void> {
  const iterator = Symbol.asyncIterator in lines ? lines[Symbol.asyncIterator]() : (async function* () { yield* lines; })();
  const first = await iterator.next();
  const second = first.done ? first : await iterator.next();
  const batch = !second.done;
  const priority = batch ? 'batch' : 'interactive';
  const slots = new Slots(engine.config.maxConcurrentAnalyses);
  // Started, in input order, not yet emitted: emitted ones are dropped, so a long batch keeps no results.
  const started: Array<Promise<AnalysisResult>> = [];
  let fed = false;
  let wake = () => {};
  const feed = (async () => {
    try {
      const ahead = [first, second].filter((r) => !r.done).map((r) => r.value as InputLine);
      for (let next = ahead.shift(); next !== undefined; next = ahead.shift() ?? (await iterator.next()).value as InputLine | undefined) {
        const line = next;
        await slots.acquire();
        const heldBody = await engine.bodyBudget.whenAvailable(Buffer.byteLength(line.text, 'utf8'));
        started.push(analyzeLine(engine, line, heldBody, { ...options, batch, priority }).finally(() => slots.release()));
        wake();
      }
    } finally {
      fed = true;
      wake();
    }
  })();
  feed.catch(() => {}); // awaited below, once the lines before a read error are answered
  for (;;) {
    while (started.length === 0 && !fed) await new Promise<void>((resolve) => { wake = resolve; });
    const next = started.shift();
    if (next === undefined) break;
    emit(await next);
  }
  await feed; // a read error (SAFE_E_FILE_UNREADABLE) after the lines before it were answered
}

async function analyzeLine(engine: Engine, line: InputLine, heldBody: HeldBytes, options: BatchOptions & { batch: boolean; priority: 'batch' | 'interactive' }): Promise<AnalysisResult> {
  try {
    const entry = parseInputLine(line);
    if (!('incident' in entry)) return errorResult(entry.id, entry.error);
    let idempotencyKey: string | undefined;
    try {
      idempotencyKey = options.keyOf(line.position, options.batch);
    } catch (err) {
      return errorResult(entry.incident.id ?? `line-${line.position}`, err);
    }
    return await engine.analyze(entry.incident, {
      priority: options.priority, save: options.save, heldBody, ...(options.models ? { models: options.models } : {}), ...(idempotencyKey ? { idempotencyKey } : {}),
    }).catch((err: unknown) => errorResult(entry.incident.id ?? `line-${line.position}`, err));
  } finally {
    heldBody.release(); // also when the analysis did not take it (a bad line, an earlier submission's answer)
  }
}

/** At most `max` at once, first come first served. */
class Slots {
  private used = 0;
  private readonly queue: Array<() => void> = [];
  constructor(private readonly max: number) {}
  acquire(): Promise<void> {
    if (this.used < this.max) { this.used++; return Promise.resolve(); }
    return new Promise((resolve) => this.queue.push(() => { this.used++; resolve(); }));
  }
  release(): void {
    this.used--;
    this.queue.shift()?.();
  }
}
