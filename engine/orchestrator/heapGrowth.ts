// How far V8 lets a heap grow past what a full collection left live (docs/hardening.md#memory). V8 picks
// the factor from the heap's limit: up to 4× live for a thread whose limit is a few GB, as node's default
// is on a machine with that much RAM; with the 400 MB budget that is where the serving thread's and the
// agent workers' heaps went (bench:api: 47 MB live on a 132 MB serving heap, workers 20–32 MB used of 66).
// A V8 flag read at every collection, so it can be set once the process runs and holds for every thread,
// workers started later included. 1.3× is V8's own factor when it optimises for memory.
import { setFlagsFromString } from 'node:v8';

/** A heap may grow to this many percent above its live data before the next full collection. */
export const HEAP_GROWING_PERCENT = 30;

let applied = false;

/** Sets the factor for the whole process (once; every engine host calls it through Orchestrator.start). */
export function limitHeapGrowth(percent = HEAP_GROWING_PERCENT): void {
  if (applied) return;
  applied = true;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
