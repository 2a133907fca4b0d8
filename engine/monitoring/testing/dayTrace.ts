// A labelled day of a field laptop (docs/device-health.md, "Replayed traces"), seeded, at 10-second steps:
// analyses come and go, the afternoon is hot, the laptop is unplugged now and then. Faults are scenarios
// placed at random times, and the labels are the scenarios, written before and apart from the rules'
// thresholds: "a memory leak from its start until the restart", "unplugged until the battery was nearly
// flat". Benign events that come near a threshold are in the day too and are not faults: batch bursts,
// a big analysis's memory, short heat spikes, a backup, a battery replugged at 11–14 %, GC pauses.
import { createRandom } from '../../numeric/random.js';
import type { Trace, TracePoint } from './traceReplay.js';

export type FaultKind = 'cpu' | 'memory' | 'disk' | 'power' | 'thermal' | 'engine';
export interface LabelledFault { kind: FaultKind; what: string; startMs: number; endMs: number }
export interface LabelledDay { trace: Trace; faults: LabelledFault[] }

const STEP_MS = 10_000;
const DAY_STEPS = 8640;
const MIN = 6; // steps per minute
/** Midnight of the replayed day; point i is at DAY_START_MS + (i + 1) steps (traceReplay.ts). */
const DAY_START_MS = Date.UTC(2026, 10, 30);


interface Span { start: number; end: number }

export function generateDay(seed = 13): LabelledDay {
  const r = createRandom(seed);
  const between = (lo: number, hi: number) => lo + (hi - lo) * r();
  const noise = (sd: number) => (r() + r() + r() - 1.5) * sd * 2;
  const faults: LabelledFault[] = [];
  const at = (step: number) => DAY_START_MS + (step + 1) * STEP_MS;
  /** Non-overlapping spans per signal, kept apart by an hour so each episode is its own. */
  const taken: Record<string, Span[]> = {};
  const place = (signal: string, lengthSteps: number, from = 0, to = DAY_STEPS): Span => {
    for (let attempt = 0; ; attempt++) {
      if (attempt > 10_000) throw new Error(`no room left in the day for another ${signal} event`);
      const start = Math.floor(between(from, to - lengthSteps));
      const span = { start, end: start + lengthSteps };
      if ((taken[signal] ?? []).every((s) => span.end + 60 * MIN < s.start || span.start > s.end + 60 * MIN)) { (taken[signal] ??= []).push(span); return span; }
    }
  };
  const label = (kind: FaultKind, what: string, s: Span) => faults.push({ kind, what, startMs: at(s.start), endMs: at(s.end) });

  // CPU: a runaway batch re-analysis pins it (fault); short batch bursts do not (benign).
  const cpuFaults = [place('cpu', Math.round(between(30, 45) * MIN)), place('cpu', Math.round(between(30, 45) * MIN))];
  cpuFaults.forEach((s) => label('cpu', 'runaway batch re-analysis', s));
  const cpuBursts = Array.from({ length: 4 }, () => place('cpu', Math.round(between(3, 6) * MIN)));
  // Memory: a leak ramps up until the engine is restarted (fault); a big analysis's spike (benign).
  const leaks = [place('memory', Math.round(between(35, 50) * MIN)), place('memory', Math.round(between(35, 50) * MIN))];
  leaks.forEach((s) => label('memory', 'memory leak until restart', s));
  const leakPeak = leaks.map(() => between(0.95, 0.99));
  const bigAnalyses = Array.from({ length: 4 }, () => place('memory', Math.round(between(2, 4) * MIN)));
  // Disk: a runaway export grows it for hours (fault); a big copy fills it at once (fault); backups (benign).
  const runaway = place('disk', Math.round(between(90, 150) * MIN));
  label('disk', 'runaway export filling the disk', runaway);
  const runawayPerStep = between(0.06, 0.1) / (60 * MIN);
  const bigCopy = place('disk', Math.round(between(40, 70) * MIN));
  label('disk', 'a large copy nearly filling the disk', bigCopy);
  const bigCopyTo = between(0.92, 0.97);
  const backups = Array.from({ length: 3 }, () => place('disk', 2 * MIN)).map((s) => ({ ...s, bytes: between(0.01, 0.025) }));
  // Power: four unplugged sessions one after the other (recharged in between); two run the battery nearly
  // flat (faults), two end in time (benign, one near the line).
  const replugAt = [between(0.03, 0.09), between(0.11, 0.14), between(0.03, 0.09), between(0.3, 0.5)];
  let sessionStart = Math.floor(between(30, 90) * MIN);
  const unplugged = replugAt.map((end, i) => {
    const drainPerStep = between(0.3, 0.4) / (60 * MIN);
    const span = { start: sessionStart, end: sessionStart + Math.round((1 - end) / drainPerStep) };
    sessionStart = span.end + Math.round(between(110, 150) * MIN);
    if (i % 2 === 0) label('power', 'unplugged until the battery was nearly flat', span);
    return { ...span, drainPerStep };
  });
  // Heat: the laptop in the afternoon sun (fault, throttles above 90 °C); short spikes under load (benign).
  const sun = [place('thermal', Math.round(between(25, 40) * MIN), 11 * 360, 17 * 360), place('thermal', Math.round(between(25, 40) * MIN))];
  sun.forEach((s) => label('thermal', 'in the sun, overheating', s));
  const sunPeak = sun.map(() => between(88, 97));
  const spikes = Array.from({ length: 5 }, () => place('thermal', Math.round(between(3, 6)))).map((s) => ({ ...s, peak: between(80, 87) }));
  // Engine: a stalled event loop for minutes (fault), a worker crash (fault); lone GC pauses (benign).
  const stalls = [place('engine', Math.round(between(5, 10) * MIN)), place('engine', Math.round(between(5, 10) * MIN))];
  stalls.forEach((s) => label('engine', 'event loop stalled', s));
  const crashes = [place('engine', MIN), place('engine', MIN)];
  crashes.forEach((s) => label('engine', 'agent worker crashed', s));
  const pauses = Array.from({ length: 8 }, () => Math.floor(between(0, DAY_STEPS)));

  const inside = (spans: Span[], i: number) => spans.findIndex((s) => i >= s.start && i < s.end);
  const points: TracePoint[] = [];
  let disk = 0.55, battery = 1, restarts = 0, analysis = 0;
  for (let i = 0; i < DAY_STEPS; i++) {
    const hour = (i / 360) % 24;
    const daytime = Math.max(0, Math.sin(((hour - 6) / 14) * Math.PI)); // 0 at night, 1 early afternoon
    // CPU: analyses arrive about every 4 minutes in the day, each a few steps of work.
    if (analysis > 0) analysis--; else if (r() < (0.02 + 0.04 * daytime)) analysis = 1 + Math.floor(r() * 5);
    let cpu = 0.1 + 0.1 * daytime + noise(0.03) + (analysis > 0 ? between(0.4, 0.8) : 0);
    if (inside(cpuBursts, i) >= 0) cpu = between(0.93, 1);
    if (inside(cpuFaults, i) >= 0) cpu = between(0.92, 1);
    // Memory.
    let memory = 0.42 + 0.06 * daytime + noise(0.005);
    const big = inside(bigAnalyses, i);
    if (big >= 0) memory += 0.3 + noise(0.02);
    const leak = inside(leaks, i);
    if (leak >= 0) {
      const s = leaks[leak] as Span, ramp = Math.round((s.end - s.start) * 0.6);
      memory += Math.min(1, (i - s.start) / ramp) * ((leakPeak[leak] as number) - memory) + noise(0.003);
    }
    // Disk: a slow climb with the day's analyses and history, backups kept, the faults cleaned up after.
    disk += 0.01 / DAY_STEPS;
    for (const b of backups) if (i === b.start) disk += b.bytes;
    let diskNow = disk;
    if (i >= runaway.start && i < runaway.end) diskNow += (i - runaway.start) * runawayPerStep;
    if (i >= bigCopy.start && i < bigCopy.end) diskNow = Math.max(diskNow, bigCopyTo);
    // Power: charging at 1 %/min when plugged in.
    const off = inside(unplugged, i);
    if (off >= 0) battery = Math.max(0.01, battery - (unplugged[off] as { drainPerStep: number }).drainPerStep);
    else battery = Math.min(1, battery + 0.01 / MIN);
    // Heat follows load and the afternoon.
    let temperature = 48 + 14 * cpu + 9 * daytime + noise(1);
    const sp = inside(spikes, i);
    if (sp >= 0) temperature = (spikes[sp] as { peak: number }).peak + noise(0.3);
    const hot = inside(sun, i);
    if (hot >= 0) {
      const s = sun[hot] as Span, rise = 10 * MIN;
      temperature = Math.max(temperature, 70 + Math.min(1, (i - s.start) / rise) * ((sunPeak[hot] as number) - 70) + noise(0.7));
    }
    // Engine: the loop's p99 per 10-second window.
    let loop = 0.003 + 0.01 * r() * (analysis > 0 ? 1 : 0.3);
    if (pauses.includes(i)) loop = between(0.08, 0.3);
    if (inside(stalls, i) >= 0) loop = between(0.15, 0.4);
    for (const c of crashes) if (i === c.start) restarts++;
    points.push({
      cpuBusyRatio: Math.min(1, Math.max(0, cpu)), memoryUsedRatio: Math.min(0.995, Math.max(0, memory)), diskUsedRatio: Math.min(1, diskNow),
      batteryChargeRatio: battery, charging: off < 0, temperatureC: temperature, throttled: temperature > 90,
      eventLoopDelayP99S: loop, workerRestartsTotal: restarts,
    });
  }
  return { trace: { stepMs: STEP_MS, startMs: DAY_START_MS, points }, faults };
}

/** A trace sitting on each rule's threshold, oscillating a few percent either side, for an hour. */
export function oscillatingTrace(): Trace {
  const points: TracePoint[] = [];
  for (let i = 0; i < 60 * MIN; i++) {
    const wave = Math.sin((i / (2 * MIN)) * 2 * Math.PI); // a 2-minute period
    const step = i % 2 === 0 ? 1 : -1; // and jitter every sample
    points.push({
      cpuBusyRatio: 0.85 + 0.03 * wave + 0.01 * step, memoryUsedRatio: 0.9 + 0.02 * wave + 0.005 * step, diskUsedRatio: 0.9 + 0.01 * wave + 0.002 * step,
      batteryChargeRatio: 0.1 + 0.01 * wave, charging: false, temperatureC: 85 + 1.5 * wave + 0.3 * step, throttled: wave > 0.9,
      eventLoopDelayP99S: 0.1 + 0.02 * wave, workerRestartsTotal: 0,
    });
  }
  return { stepMs: STEP_MS, startMs: DAY_START_MS, points };
}

export interface Scores { alertEpisodes: number; truePositives: number; faults: number; detected: number; precision: number; recall: number; missed: string[]; falseAlarms: string[] }

/** An alert episode is right when it overlaps a labelled fault of its component (from the fault's start to
 *  its end plus the rule's own delay: `for`, window, `keep_firing_for`, and a minute); a fault is found
 *  when such an episode overlaps it. */
export function score(day: LabelledDay, episodes: Array<{ rule: string; component: string; firingMs: number; resolvedMs: number | null }>,
  delayMsOf: (rule: string) => number): Scores {
  const endMs = day.trace.startMs + day.trace.points.length * day.trace.stepMs;
  const overlaps = (e: (typeof episodes)[number], f: LabelledFault) => e.component === f.kind
    && e.firingMs <= f.endMs + delayMsOf(e.rule) + 60_000 && (e.resolvedMs ?? endMs) >= f.startMs;
  const right = episodes.filter((e) => day.faults.some((f) => overlaps(e, f)));
  const found = day.faults.filter((f) => episodes.some((e) => overlaps(e, f)));
  const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16);
  return {
    alertEpisodes: episodes.length, truePositives: right.length, faults: day.faults.length, detected: found.length,
    precision: episodes.length ? right.length / episodes.length : 1, recall: day.faults.length ? found.length / day.faults.length : 1,
    missed: day.faults.filter((f) => !found.includes(f)).map((f) => `${f.what} at ${clock(f.startMs)}`),
    falseAlarms: episodes.filter((e) => !right.includes(e)).map((e) => `${e.rule} at ${clock(e.firingMs)}`),
  };
}
