// Linear time shown by growth, not by a time limit (docs/hardening.md#edges): a wall-clock bound fails on a
// loaded machine and passes a quadratic pattern on a fast one. Reading a text four times as long must take
// well under the sixteen times a quadratic pattern needs; each size is timed as the best of several runs of
// the process's CPU time, not the wall clock's: with other processes (or the other test files run beside this
// one) taking the cores, the wall clock counts the time this one waited: on a machine at a load average of
// 10–15, linear readers failed (9× and more on every attempt) on the wall clock.
import assert from 'node:assert/strict';

const GROWTH = 4;
/** Linear work grows 4×, quadratic 16×; the bound leaves room for noise and for caches at the larger size. */
const MAX_RATIO = 9;
const RUNS = 5;
/** Independent measurements; linear when any of them is. */
const ATTEMPTS = 3;
/** Below this a timing says more about the timer than the reader: the text is lengthened until it is above. */
const MIN_MEASURABLE_MS = 4;

/** CPU time (user and system, ms) of this process since `since` (a process.cpuUsage() reading). */
const cpuMsSince = (since: NodeJS.CpuUsage): number => { const used = process.cpuUsage(since); return (used.user + used.system) / 1000; };

function timeMs(run: () => void): number {
  const t0 = process.cpuUsage();
  run();
  return cpuMsSince(t0);
}

/** The best of several runs of each, taken in turn (small, large, small, …): a spell of load, or a busy
 *  sibling hyperthread, that slows one run slows the runs of both sizes around it, not one size's every run. */
function bestOfEachMs(small: () => void, large: () => void): { smallMs: number; largeMs: number } {
  let smallMs = Infinity;
  let largeMs = Infinity;
  for (let i = 0; i < RUNS; i++) {
    smallMs = Math.min(smallMs, timeMs(small));
    largeMs = Math.min(largeMs, timeMs(large));
  }
  return { smallMs, largeMs };
}

/** Asserts `read` takes time linear in its text: `textOf(n)` is n repetitions of a pattern (n starting at `units`). */
export function assertLinearTime(name: string, textOf: (units: number) => string, read: (text: string) => unknown, units = 1000): void {
  let n = units;
  const once = (count: number) => { const text = textOf(count); return Math.min(timeMs(() => read(text)), timeMs(() => read(text))); };
  while (once(n) < MIN_MEASURABLE_MS && n < units * 64) n *= 2;
  const smallText = textOf(n);
  const largeText = textOf(n * GROWTH);
  // A loaded machine can stretch a measurement; a quadratic reader is slow on every attempt.
  const attempts: string[] = [];
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const { smallMs, largeMs } = bestOfEachMs(() => read(smallText), () => read(largeText));
    const ratio = largeMs / Math.max(smallMs, 1e-3);
    if (ratio < MAX_RATIO) return;
    attempts.push(`${ratio.toFixed(1)}× (${smallMs.toFixed(1)} → ${largeMs.toFixed(1)} ms)`);
  }
  assert.fail(`${name}: ${GROWTH}× the text took ${attempts.join(', ')} the time on each of ${ATTEMPTS} attempts: not linear`);
}
