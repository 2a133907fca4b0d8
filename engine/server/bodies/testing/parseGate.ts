// A gate a test holds closed while gatedParserWorker.ts workers keep the bodies they get.
export const GATED_PARSER_URL = new URL('./gatedParserWorker.js', import.meta.url);
/** A parsing worker that answers with the resource limits its thread was given (limitsParserWorker.ts). */
export const LIMITS_PARSER_URL = new URL('./limitsParserWorker.js', import.meta.url);

export class ParseGate {
  readonly state = new Int32Array(new SharedArrayBuffer(4));
  /** What the pool gives its workers (workerData). */
  get workerData(): { gate: Int32Array } { return { gate: this.state }; }
  /** Lets every gated worker parse what it holds, and whatever comes later. */
  open(): void {
    Atomics.store(this.state, 0, 1);
    Atomics.notify(this.state, 0);
  }
}
