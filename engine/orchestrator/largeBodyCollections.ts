// Full collections of the serving thread's heap around a large incident (docs/hardening.md#memory).
// - While its body is parsed on a body-parsing worker (the flood's peak): the socket chunks the body was
//   read in are garbage, but nothing on this thread allocates enough to collect them, so they stayed.
// - A short while after its bytes go back: while the incident was analysed its objects were live, so V8 set
//   the heap's next limit from that (1.3 × live, heapGrowth.ts); once it is answered they are garbage that
//   no collection comes for until the heap reaches that limit, about 40 MB of the serving heap.
// Measured with a probe of 15 MB incidents over HTTP one at a time: peak 412–428 MB and 285–309 MB after
// each without either, 351–369 and 249–256 MB with both. Each costs this thread 10–50 ms beside an analysis
// that took seconds. node exposes no collection without --expose-gc, a flag of the process; set at run
// time, it gives new contexts a gc function, and one such context is made for it here.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A body this large or larger is followed by a collection (the size after which a body parser retires too). */
export const COLLECT_AFTER_BYTES = 4 * 1024 * 1024;
/** How long after the body's bytes go back: its answer is written and its request let go by then. */
export const COLLECT_DELAY_MS = 250;

let collect: (() => void) | null = null;
let scheduled: NodeJS.Timeout | null = null;
/** Collections run since start (tests read it). */
export let collectionsAfterLargeBodies = 0;

function fullCollection(): () => void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  return collect;
}

function scheduleCollection(delayMs: number): void {
  if (scheduled) return;
  scheduled = setTimeout(() => {
    scheduled = null;
    collectionsAfterLargeBodies++;
    fullCollection()();
  }, delayMs);
  scheduled.unref();
}

/** Called as a body's bytes go back: one full collection, a short while later, after a large one
 *  (bodies released together share it). */
export function collectAfterBody(bytes: number, delayMs = COLLECT_DELAY_MS): void {
  if (bytes >= COLLECT_AFTER_BYTES) scheduleCollection(delayMs);
}

/** Called as a large body is handed to a body-parsing worker: the chunks it was read in are garbage now,
 *  and the serving thread has nothing of the body's to do until the worker answers, so it collects then.
 *  Without it those chunks (and what the thread let go before) stayed through the parse, the flood's peak. */
export function collectWhileParsing(bytes: number): void {
  if (bytes >= COLLECT_AFTER_BYTES) scheduleCollection(0);
}
