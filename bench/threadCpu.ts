// CPU time per thread of this process, from Linux's /proc/self/task/<id>/schedstat (nanoseconds on a CPU),
// for bench:monitor: the sampler thread's own cost is read directly instead of as the difference of two
// whole-process windows, whose noise (the bench's own 1 ms loop-delay timer, the machine's load) is larger
// than the figure itself (docs/device-health.md, "What monitoring costs").
import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';

/** Nanoseconds thread `tid` of this process has run; null when it is gone or Linux does not say. */
export function threadCpuNs(tid: number): number | null {
  try { return parseSchedstat(readFileSync(`/proc/self/task/${tid}/schedstat`, 'latin1')); } catch { return null; }
}

/** Every thread of this process now: thread id → nanoseconds run. */
export function allThreadsCpuNs(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc/self/task')) {
    const ns = threadCpuNs(Number(name));
    if (ns !== null) out.set(Number(name), ns);
  }
  return out;
}

const parseSchedstat = (text: string) => {
  const ns = Number(text.slice(0, text.indexOf(' ')));
  if (!Number.isFinite(ns)) throw new Error(`schedstat unreadable: ${text}`);
  return ns;
};

/** The calling thread's CPU nanoseconds, cheaply and repeatedly: /proc/thread-self/schedstat kept open and
 *  read from offset 0 (it is bound to the thread that opened it). */
export function callingThreadClock(): { ns(): number; close(): void } {
  const fd = openSync('/proc/thread-self/schedstat', 'r');
  const buf = Buffer.alloc(128);
  return {
    ns: () => parseSchedstat(buf.toString('latin1', 0, readSync(fd, buf, 0, buf.length, 0))),
    close: () => closeSync(fd),
  };
}
