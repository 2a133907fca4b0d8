// A full collection of the serving thread's heap once a large incident is done with (docs/hardening.md#memory).
// While a 15 MB incident is analysed its objects are live, so V8 sets the heap's next limit from that
// (1.3 × live, heapGrowth.ts); once it is answered they are garbage that no collection comes for until the
// heap reaches that limit: about 40 MB of the serving heap stayed after each, and with it the RSS (a probe
// of 15 MB incidents over HTTP, one at a time: 285–309 MB after each; with this collection 247–262 MB, and
// bench:api's phase after its flood 346–373 → 319–320 MB). It does not lower the flood's own peak, which
// is the body being parsed. One collection, a short while after the body's bytes go back, costs this thread
// tens of milliseconds beside an analysis that took seconds. node exposes no collection without
// --expose-gc, a flag of the process; set at run time, it gives new contexts a gc function, and one such
// context is made for it here.
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

/** Called as a body's bytes go back: one full collection, a short while later, after a large one
 *  (bodies released together share it). */
export function collectAfterBody(bytes: number, delayMs = COLLECT_DELAY_MS): void {
  if (bytes < COLLECT_AFTER_BYTES || scheduled) return;
  scheduled = setTimeout(() => {
    scheduled = null;
    collectionsAfterLargeBodies++;
    fullCollection()();
  }, delayMs);
  scheduled.unref();
}
