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
  /** The idempotency key of the incident at `position`, if the command was given one. */
  keyOf(position: number): string | undefined;
}

export async function analyzeBatch(engine: Engine, lines: readonly InputLine[], options: BatchOptions, emit: (result: AnalysisResult) => void): Promise<void> {
  const priority = lines.length > 1 ? 'batch' : 'interactive';
  const slots = new Slots(engine.config.maxConcurrentAnalyses);
  // Started, in input order, not yet emitted: emitted ones are dropped, so a long batch keeps no results.
  const started: Array<Promise<AnalysisResult>> = [];
  let wake = () => {};
  const feed = (async () => {
    for (const line of lines) {
      await slots.acquire();
      const heldBody = await engine.bodyBudget.whenAvailable(Buffer.byteLength(line.text, 'utf8'));
      started.push(analyzeLine(engine, line, heldBody, { ...options, priority }).finally(() => slots.release()));
      wake();
    }
  })();
  for (let emitted = 0; emitted < lines.length; emitted++) {
    while (started.length === 0) await new Promise<void>((resolve) => { wake = resolve; });
    emit(await (started.shift() as Promise<AnalysisResult>));
  }
  await feed;
}

async function analyzeLine(engine: Engine, line: InputLine, heldBody: HeldBytes, options: BatchOptions & { priority: 'batch' | 'interactive' }): Promise<AnalysisResult> {
  try {
    const entry = parseInputLine(line);
    if (!('incident' in entry)) return errorResult(entry.id, entry.error);
    const idempotencyKey = options.keyOf(line.position);
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
