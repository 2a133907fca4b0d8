// Parsers for the Linux files the device-health collector reads (docs/device-health.md): pure functions
// of the files' bytes, so they are tested on fixed samples and never touch the event loop. They walk the
// bytes the collector read into its one reused buffer, without regular expressions or split strings: the
// sampler runs them every second and its cost is counted against the 1 %-of-a-core budget
// (docs/device-health.md, "What monitoring costs"). The string forms are for tests and one-off readers.

export interface CpuTimes { busy: number; total: number }

const NL = 10, SPACE = 32, TAB = 9, COLON = 58, DOT = 46, MINUS = 45, ZERO = 48, NINE = 57;
const isBlank = (c: number) => c === SPACE || c === TAB;
const isDigit = (c: number) => c >= ZERO && c <= NINE;

/** A decimal number read from `bytes` at a position; `end` is where the caller resumes. */
interface Cursor { value: number; end: number }

/** The next number on the line from `i` (blanks skipped): digits with an optional sign and fraction, as
 *  Number() reads them; NaN when the line holds none there. Stops at the line's end. */
function nextNumber(bytes: Uint8Array, i: number, end: number, out: Cursor): Cursor {
  while (i < end && isBlank(bytes[i]!)) i++;
  const negative = i < end && bytes[i] === MINUS;
  if (negative) i++;
  // Every digit into one integer, divided once by the fraction's power of ten: correctly rounded, so "0.30"
  // reads as Number("0.30") does (adding 0.3 digit by digit would not).
  let value = 0, digits = 0, divisor = 1;
  while (i < end && isDigit(bytes[i]!)) { value = value * 10 + (bytes[i]! - ZERO); i++; digits++; }
  if (i < end && bytes[i] === DOT) {
    i++;
    while (i < end && isDigit(bytes[i]!)) { value = value * 10 + (bytes[i]! - ZERO); divisor *= 10; i++; digits++; }
    value /= divisor;
  }
  // Anything else glued to the number ("12abc") makes it no number, as Number() would say.
  const clean = i >= end || isBlank(bytes[i]!) || bytes[i] === NL;
  out.value = digits > 0 && clean ? (negative ? -value : value) : NaN;
  out.end = i;
  return out;
}

const lineEnd = (bytes: Uint8Array, i: number, end: number) => { while (i < end && bytes[i] !== NL) i++; return i; };

/** Whether `bytes` at `i` start with `word` (ASCII). */
function startsWith(bytes: Uint8Array, i: number, end: number, word: Uint8Array): boolean {
  if (end - i < word.length) return false;
  for (let k = 0; k < word.length; k++) if (bytes[i + k] !== word[k]) return false;
  return true;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const CPU = ascii('cpu');

/** /proc/stat: the aggregate "cpu" line and one per core, as busy and total jiffies (idle + iowait are not
 *  busy). The cpu lines come first; the long lines after them (intr, softirq) are not walked. */
export function parseProcStatBytes(bytes: Uint8Array, length: number): { total: CpuTimes; cores: CpuTimes[] } {
  let total: CpuTimes = { busy: 0, total: 0 };
  const cores: CpuTimes[] = [];
  const n: Cursor = { value: 0, end: 0 };
  const f = [0, 0, 0, 0, 0, 0, 0, 0]; // user nice system idle iowait irq softirq steal
  let seenCpu = false;
  for (let i = 0; i < length;) {
    const end = lineEnd(bytes, i, length);
    if (!startsWith(bytes, i, end, CPU)) {
      if (seenCpu) break;
      i = end + 1;
      continue;
    }
    seenCpu = true;
    let j = i + CPU.length;
    const aggregate = j < end && isBlank(bytes[j]!);
    while (j < end && isDigit(bytes[j]!)) j++;
    for (let k = 0; k < f.length; k++) { nextNumber(bytes, j, end, n); f[k] = Number.isFinite(n.value) ? n.value : 0; j = n.end; }
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = f;
    const times = { busy: user + nice + system + irq + softirq + steal, total: user + nice + system + idle + iowait + irq + softirq + steal };
    if (aggregate) total = times; else cores.push(times);
    i = end + 1;
  }
  return { total, cores };
}

/** Busy share between two samples (0–1); null when no time passed. */
export function busyRatio(before: CpuTimes, after: CpuTimes): number | null {
  const dt = after.total - before.total;
  return dt > 0 ? Math.min(1, Math.max(0, (after.busy - before.busy) / dt)) : null;
}

const MEMINFO_KEYS = [ascii('MemTotal:'), ascii('MemAvailable:'), ascii('SwapTotal:'), ascii('SwapFree:')] as const;

/** /proc/meminfo in bytes: memory used (total − available) and swap used, as ratios and totals. */
export function parseMeminfoBytes(bytes: Uint8Array, length: number): { memTotalBytes: number; memUsedRatio: number; swapTotalBytes: number; swapUsedRatio: number | null } {
  const kb = [NaN, NaN, NaN, NaN];
  const n: Cursor = { value: 0, end: 0 };
  for (let i = 0, found = 0; i < length && found < kb.length;) {
    const end = lineEnd(bytes, i, length);
    for (let k = 0; k < MEMINFO_KEYS.length; k++) {
      const key = MEMINFO_KEYS[k]!;
      if (Number.isNaN(kb[k]) && startsWith(bytes, i, end, key)) { kb[k] = nextNumber(bytes, i + key.length, end, n).value * 1024; found++; break; }
    }
    i = end + 1;
  }
  const [total = NaN, available = NaN, swapTotal = NaN, swapFree = NaN] = kb;
  return {
    memTotalBytes: total, memUsedRatio: (total - available) / total,
    swapTotalBytes: swapTotal, swapUsedRatio: swapTotal > 0 ? (swapTotal - swapFree) / swapTotal : null,
  };
}

/** /proc/loadavg: the 1-, 5- and 15-minute load averages. */
export function parseLoadavgBytes(bytes: Uint8Array, length: number): [number, number, number] {
  const end = lineEnd(bytes, 0, length);
  const n: Cursor = { value: 0, end: 0 };
  const a = nextNumber(bytes, 0, end, n).value;
  const b = nextNumber(bytes, n.end, end, n).value;
  const c = nextNumber(bytes, n.end, end, n).value;
  return [a, b, c];
}

const LOOPBACK = ascii('lo');

/** /proc/net/dev: bytes received and sent over every interface but loopback (the first two lines are headers). */
export function parseNetDevBytes(bytes: Uint8Array, length: number): { receiveBytes: number; transmitBytes: number } {
  let receiveBytes = 0, transmitBytes = 0;
  const n: Cursor = { value: 0, end: 0 };
  let line = 0;
  for (let i = 0; i < length; line++) {
    const end = lineEnd(bytes, i, length);
    let colon = i;
    while (colon < end && bytes[colon] !== COLON) colon++;
    if (line >= 2 && colon < end) {
      let nameStart = i;
      while (nameStart < colon && isBlank(bytes[nameStart]!)) nameStart++;
      let nameEnd = colon;
      while (nameEnd > nameStart && isBlank(bytes[nameEnd - 1]!)) nameEnd--;
      const loopback = nameEnd - nameStart === LOOPBACK.length && startsWith(bytes, nameStart, nameEnd, LOOPBACK);
      if (!loopback) {
        let j = colon + 1;
        for (let field = 0; field <= 8; field++) {
          nextNumber(bytes, j, end, n);
          j = n.end;
          const value = Number.isFinite(n.value) ? n.value : 0;
          if (field === 0) receiveBytes += value;
          if (field === 8) transmitBytes += value;
        }
      }
    }
    i = end + 1;
  }
  return { receiveBytes, transmitBytes };
}

/** A one-value /sys attribute (a battery's capacity, a zone's millidegrees, a throttle counter): its
 *  number, or NaN when it holds none. */
export function parseNumberBytes(bytes: Uint8Array, length: number): number {
  const n: Cursor = { value: 0, end: 0 };
  nextNumber(bytes, 0, lineEnd(bytes, 0, length), n);
  // Only blanks may follow the number.
  let i = n.end;
  const end = lineEnd(bytes, 0, length);
  while (i < end && isBlank(bytes[i]!)) i++;
  return i === end ? n.value : NaN;
}

/** Whether a one-word /sys attribute (a power supply's type or status) says `word`, trailing newline and blanks aside. */
export function wordIs(bytes: Uint8Array, length: number, word: string): boolean {
  let end = lineEnd(bytes, 0, length);
  while (end > 0 && isBlank(bytes[end - 1]!)) end--;
  let start = 0;
  while (start < end && isBlank(bytes[start]!)) start++;
  if (end - start !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (bytes[start + k] !== word.charCodeAt(k)) return false;
  return true;
}

const bytesOf = (text: string) => { const b = Buffer.from(text, 'latin1'); return [b, b.length] as const; };
export const parseProcStat = (text: string) => parseProcStatBytes(...bytesOf(text));
export const parseMeminfo = (text: string) => parseMeminfoBytes(...bytesOf(text));
export const parseLoadavg = (text: string) => parseLoadavgBytes(...bytesOf(text));
export const parseNetDev = (text: string) => parseNetDevBytes(...bytesOf(text));
