// `npm run bench:monitor`: what monitoring costs the engine.
// - Scraping: GET /metrics renders every series after a few analyses on two workers (so every histogram has
//   its series) and some API traffic; the render runs on the thread that serves requests. Target ≤ 10 ms.
// - Collecting: CPU time over idle minute-long windows with the 1 s sampler on and off, alternated (off,
//   on, off, on) so drift in the machine's load falls on both sides, read per thread (threadCpu.ts): the
//   sampler's own thread, and what the engine's thread and the rest ran more with it on; the whole
//   process's on minus off is printed beside it. Then the event-loop delay p99 over shorter windows.
//   Targets (device-health issue, Netdata's figure): ≤ 1 % of one core, ≤ 1 ms added to the loop's p99.
//   "On" is what a serving engine runs: the sampler thread and the alert runner evaluating each sample.
// - Detecting (docs/device-health.md, "Fault injection"): faults injected into a live engine with the
//   default rules as they are, each timed from its start to its alert firing and from its end to the
//   alert resolving; battery, heat and the 10-minute CPU average on 1 s replayed traces (a simulated clock,
//   a fake /proc and /sys). Target: every rule with a `for` of 30 s or less detects within 30 s.
// - Judging: precision and recall on a labelled day (testing/dayTrace.ts), notifications on a trace
//   oscillating around every threshold. Targets ≥ 95 %, 0 extra.
// - Showing: navigation to the device-health page's first chart drawn with its history, headless Chromium,
//   HTTP cache off. Target ≤ 1 s.
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseIncident } from '../engine/contract/parseIncident.js';
import { quantile } from '../engine/numeric/stats.js';
import { resolveConfig } from '../engine/config.js';
import { Engine } from '../engine/engine.js';
import { createLogger } from '../engine/logging.js';
import { buildServer } from '../engine/server/app.js';
import { DeviceMonitor } from '../engine/monitoring/deviceMonitor.js';
import { AlertRunner } from '../engine/monitoring/alerts/alertRunner.js';
import { AlertManager, type Sample } from '../engine/monitoring/alerts/manager.js';
import { loadAlertRules, type AlertRules } from '../engine/monitoring/alerts/rules.js';
import { startFaultEngine } from '../engine/monitoring/testing/faultEngine.js';
import { runFaults } from '../engine/monitoring/testing/faultRun.js';
import { replayTrace, type TracePoint } from '../engine/monitoring/testing/traceReplay.js';
import { generateDay, oscillatingTrace, score } from '../engine/monitoring/testing/dayTrace.js';
import { launchBrowser, startServer } from '../test/e2e/browserHarness.js';
import { allThreadsCpuNs, callingThreadClock } from './threadCpu.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TARGETS = {
  metricsRenderMs: 10, collectorCpuPctOfCore: 1, loopDelayAddedP99Ms: 1, maxDetectionS: 30, alertPrecision: 0.95, alertRecall: 0.95,
  flappingNotifications: 0, dashboardFirstRenderMs: 1000,
};
/** CPU windows of a minute, alternated off, on, off, on (the issue's "over the same minute"), then shorter
 *  windows for the loop delay, whose 1 ms histogram would itself cost a few % of the engine's thread. */
const CPU_WINDOW_MS = 60_000;
const LOOP_WINDOW_MS = 20_000;
const ROUNDS = 2;
const RENDERS = 300;

interface Window {
  /** The whole process (every thread), % of one core. */
  cpuPct: number;
  /** Per thread (Linux schedstat), % of one core: the sampler's own thread, the engine's thread, the rest
   *  (libuv's pool, V8's helpers); and the engine thread's time inside the alert runner's ingest and evaluate. */
  samplerPct: number | null; mainPct: number; otherPct: number; alertsPct: number | null;
  /** The event-loop delay p99 (loop-delay windows only). */
  loopP99Ms: number | null;
}

/** One idle window with monitoring off or on: the whole process's CPU, each thread's CPU and, in a
 *  loop-delay window, the event-loop delay p99. */
async function idleWindow(withSampler: boolean, dataDir: string, measureLoop: boolean): Promise<Window> {
  const sampler = withSampler ? new DeviceMonitor({ dataDir, historyFile: join(dataDir, 'device-health.sqlite'), intervalMs: 1000 }) : null;
  // As the engine runs it (engine.ts startAlerts): every sample ingested and evaluated, and the 15 s timer.
  const runner = sampler ? new AlertRunner({ rules: loadAlertRules(), stateFile: join(dataDir, 'alerts-state.json'), diskMount: dataDir, engineReadings: () => ({ eventLoopDelayP99Seconds: 0.001, workerRestartsTotal: 0 }) }) : null;
  const clock = callingThreadClock();
  let alertsNs = 0;
  if (runner) {
    // The engine thread's CPU inside ingest and evaluate (the timer's evaluations too), read around each call.
    const timed = <A extends unknown[], R>(f: (...args: A) => R) => (...args: A): R => { const t = clock.ns(); try { return f(...args); } finally { alertsNs += clock.ns() - t; } };
    runner.ingestDeviceSample = timed(runner.ingestDeviceSample.bind(runner));
    runner.evaluate = timed(runner.evaluate.bind(runner));
  }
  sampler?.onSample((sample) => { runner?.ingestDeviceSample(sample); runner?.evaluate(); });
  // Let the thread start (its first sample arrived) and settle before measuring.
  for (const until = Date.now() + 30_000; sampler && sampler.latest() === null && Date.now() < until;) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 1500));
  const loop = measureLoop ? monitorEventLoopDelay({ resolution: 1 }) : null;
  loop?.enable();
  alertsNs = 0;
  const threads0 = allThreadsCpuNs();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, measureLoop ? LOOP_WINDOW_MS : CPU_WINDOW_MS));
  const cpu = process.cpuUsage(cpu0);
  const threads1 = allThreadsCpuNs();
  const elapsedMs = performance.now() - t0;
  const measuredAlertsNs = alertsNs;
  loop?.disable();
  runner?.close();
  await sampler?.close();
  clock.close();
  const pct = (ns: number) => (ns / 1e6 / elapsedMs) * 100;
  const ran = (tid: number) => (threads1.get(tid) ?? 0) - (threads0.get(tid) ?? 0);
  const samplerTid = sampler?.samplerLinuxThreadId ?? null;
  let otherNs = 0;
  for (const tid of threads1.keys()) if (tid !== process.pid && tid !== samplerTid) otherNs += ran(tid);
  return {
    cpuPct: pct((cpu.user + cpu.system) * 1000), loopP99Ms: loop ? loop.percentile(99) / 1e6 : null,
    samplerPct: samplerTid === null ? null : pct(ran(samplerTid)), mainPct: pct(ran(process.pid)), otherPct: pct(otherNs),
    alertsPct: runner ? pct(measuredAlertsNs) : null,
  };
}

interface CollectorCost {
  /** Per thread: the sampler's thread, plus what the engine's thread and the other threads ran more with
   *  monitoring on (the engine thread's share holds the monitor's loop-delay histogram, the sample
   *  messages and the alert runner). Idle threads cost next to nothing, so these differences are small
   *  and steady, unlike the whole process's. */
  collectorCpuPctOfCore: number;
  /** The issue's first method: the whole process's CPU with monitoring on minus off. */
  collectorCpuPctOfCoreOnMinusOff: number;
  samplerThreadPct: number; engineThreadAddedPct: number; alertsOnEngineThreadPct: number; otherThreadsAddedPct: number;
  loopDelayAddedP99Ms: number; lines: string[];
}

async function collectorCost(): Promise<CollectorCost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-bench-collect-'));
  const off: Window[] = [], on: Window[] = [], loopOff: Window[] = [], loopOn: Window[] = [];
  for (let round = 0; round < ROUNDS; round++) { off.push(await idleWindow(false, dataDir, false)); on.push(await idleWindow(true, dataDir, false)); }
  for (let round = 0; round < ROUNDS; round++) { loopOff.push(await idleWindow(false, dataDir, true)); loopOn.push(await idleWindow(true, dataDir, true)); }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const added = (f: (w: Window) => number) => mean(on.map(f)) - mean(off.map(f));
  const samplerThreadPct = mean(on.map((w) => w.samplerPct ?? NaN));
  const engineThreadAddedPct = added((w) => w.mainPct);
  const otherThreadsAddedPct = added((w) => w.otherPct);
  const f = (x: number | null) => (x === null ? '–' : x.toFixed(3));
  const row = (label: string, ws: Window[]) => ws.map((w, i) => `  ${i === 0 ? label : ' '.repeat(label.length)}  process ${f(w.cpuPct)} %: engine thread ${f(w.mainPct)} % (alerts ${f(w.alertsPct)} %), sampler thread ${f(w.samplerPct)} %, other threads ${f(w.otherPct)} %${w.loopP99Ms === null ? '' : `; loop p99 ${w.loopP99Ms.toFixed(2)} ms`}`);
  return {
    collectorCpuPctOfCore: +(samplerThreadPct + engineThreadAddedPct + otherThreadsAddedPct).toFixed(3),
    collectorCpuPctOfCoreOnMinusOff: +added((w) => w.cpuPct).toFixed(3),
    samplerThreadPct: +samplerThreadPct.toFixed(3), engineThreadAddedPct: +engineThreadAddedPct.toFixed(3),
    alertsOnEngineThreadPct: +mean(on.map((w) => w.alertsPct ?? NaN)).toFixed(3), otherThreadsAddedPct: +otherThreadsAddedPct.toFixed(3),
    loopDelayAddedP99Ms: +(mean(loopOn.map((w) => w.loopP99Ms ?? NaN)) - mean(loopOff.map((w) => w.loopP99Ms ?? NaN))).toFixed(3),
    lines: [
      `${CPU_WINDOW_MS / 1000} s CPU windows:`, ...row('off', off), ...row('on ', on),
      `${LOOP_WINDOW_MS / 1000} s loop-delay windows (the bench's 1 ms histogram on):`, ...row('off', loopOff), ...row('on ', loopOn),
    ],
  };
}

/** CPU ms of one ingest and evaluation at steady state: an hour of 1 s samples of what this machine
 *  measures held (the idle windows above start with none, so they undercount this part). */
function steadyEvaluationCpuMs(): number {
  const manager = new AlertManager(loadAlertRules(), { persist: () => {} });
  const metrics = ['safe_cpu_busy_ratio', 'safe_load1', 'safe_memory_used_ratio', 'safe_disk_used_ratio', 'safe_disk_free_bytes', 'safe_network_receive_bytes_total',
    'safe_network_transmit_bytes_total', 'safe_event_loop_delay_p99_seconds', 'safe_worker_restarts_total'];
  const feed = (t: number) => manager.ingest(metrics.map((metric): Sample => ({ metric, labels: metric.startsWith('safe_disk_') ? { mount: '/data' } : {}, t, value: 0.4 + 0.1 * Math.sin(t / 7e4) })));
  let t = 0;
  for (let i = 0; i < 3700; i++) feed((t += 1000));
  const runs = 300, cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) { feed((t += 1000)); manager.evaluate(t); }
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / 1000 / runs;
}

interface Detection { rule: string; fault: string; how: 'live' | 'replay'; forS: number; windowS: number; pendingS: number | null; detectedS: number | null; boundS: number; clearedS: number | null }

/** The bound a rule is held to: its `for`, plus the window its aggregate needs to cross, plus 2 s (and the
 *  10-second window the loop delay is read in, for EventLoopLag). */
const boundOf = (rule: string, forS: number, windowS: number) => forS + windowS + 2 + (rule === 'EventLoopLag' ? 10 : 0);

/** Live faults with the default rules (the CPU hog apart: its 10-minute windows are replayed below). */
async function liveDetections(rules: AlertRules): Promise<Detection[]> {
  const live = await startFaultEngine(rules);
  try {
    const before = await live.quiet(60_000);
    if (before.length) console.log(`(alerts active before the faults: ${before.join(', ')})`);
    const outcomes = await runFaults({
      alerts: () => live.engine.alerts(), rules, faults: live.faults({ cpu: false }), fireTimeoutMs: 300_000, clearTimeoutMs: 180_000,
      skipClear: (rule) => rule === 'WorkerRestarts', // its 15-minute window: cleared in the test, with time compressed
    });
    return outcomes.map((o) => ({ rule: o.rule, fault: o.fault, how: 'live', forS: o.forS, windowS: o.windowS, pendingS: o.pendingAfterS, detectedS: o.firedAfterS, boundS: boundOf(o.rule, o.forS, o.windowS), clearedS: o.clearedAfterS }));
  } finally {
    await live.close();
  }
}

/** Step faults on 1 s replayed traces: quiet for the rule's window (a minute at least), then the fault;
 *  detection from the step. */
async function replayedDetections(rules: AlertRules): Promise<Detection[]> {
  const quiet: TracePoint = { cpuBusyRatio: 0.2, memoryUsedRatio: 0.5, diskUsedRatio: 0.6, batteryChargeRatio: 1, charging: true, temperatureC: 55, throttled: false, eventLoopDelayP99S: 0.005, workerRestartsTotal: 0 };
  const cases: Array<{ fault: string; rules: string[]; change: Partial<TracePoint>; seconds: number }> = [
    { fault: 'unplugged at 8 %', rules: ['BatteryLow'], change: { charging: false, batteryChargeRatio: 0.08 }, seconds: 120 },
    { fault: 'unplugged at 4 %', rules: ['BatteryCritical'], change: { charging: false, batteryChargeRatio: 0.04 }, seconds: 120 },
    { fault: 'overheating at 96 °C', rules: ['TemperatureCritical'], change: { temperatureC: 96 }, seconds: 120 },
    { fault: 'CPU hog (100 % from 20 %)', rules: ['CpuBusy', 'CpuBusyCritical'], change: { cpuBusyRatio: 1 }, seconds: 900 },
  ];
  const out: Detection[] = [];
  for (const c of cases) {
    const quietS = Math.max(60, ...c.rules.map((name) => rules.rules.find((r) => r.name === name)!.windowMs / 1000));
    const points = [...Array.from({ length: quietS }, () => quiet), ...Array.from({ length: c.seconds }, () => ({ ...quiet, ...c.change }))];
    const startMs = 0, faultMs = startMs + quietS * 1000;
    const { episodes } = await replayTrace({ stepMs: 1000, startMs, points }, rules);
    for (const name of c.rules) {
      const rule = rules.rules.find((r) => r.name === name)!;
      const fired = episodes.find((e) => e.rule === name && e.firingMs > faultMs - 1000);
      const detectedS = fired ? (fired.firingMs - faultMs) / 1000 : null;
      out.push({ rule: name, fault: c.fault, how: 'replay', forS: rule.forMs / 1000, windowS: rule.windowMs / 1000, pendingS: rule.forMs === 0 ? detectedS : null, detectedS, boundS: boundOf(name, rule.forMs / 1000, rule.windowMs / 1000), clearedS: null });
    }
  }
  return out;
}

async function judged(rules: AlertRules): Promise<{ precision: number; recall: number; flapping: number; lines: string[] }> {
  const day = generateDay(13);
  const { episodes } = await replayTrace(day.trace, rules);
  const delayMsOf = (name: string) => { const r = rules.rules.find((x) => x.name === name)!; return r.forMs + r.windowMs + r.keepFiringForMs; };
  const s = score(day, episodes, delayMsOf);
  const { notifications } = await replayTrace(oscillatingTrace(), rules);
  const notified = notifications.flatMap((n) => n.alerts.map((a) => `${n.kind} ${a.rule}`));
  const firstPerRule = new Set(notifications.flatMap((n) => n.alerts.map((a) => a.rule)));
  return {
    precision: s.precision, recall: s.recall, flapping: notified.length - firstPerRule.size,
    lines: [
      `labelled day (seed 13, 10 s steps): ${s.faults} faults, ${s.detected} found; ${s.alertEpisodes} alert episodes, ${s.truePositives} on a fault`,
      `  missed: ${s.missed.join('; ') || 'none'}`, `  false alarms: ${s.falseAlarms.join('; ') || 'none'}`,
      `oscillating hour: ${notified.length} notifications (${notified.join(', ')}), ${firstPerRule.size} rules`,
    ],
  };
}

/** Navigation to the device page's first chart drawn with its history (HTTP cache off), median of 5. */
async function dashboardFirstRender(): Promise<{ medianMs: number; samples: number[] }> {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    await new Promise((r) => setTimeout(r, 3000)); // a few samples in the history
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const t0 = performance.now();
      await page.goto(`${server.url}/#/device&token=${server.token}`);
      // Drawn: a chart's canvas exists after the first history answer arrived, checked at each frame.
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/v1/device/history'))
        && document.querySelector('[data-testid^="chart-"] canvas') !== null, undefined, { polling: 'raf', timeout: 30_000 });
      samples.push(performance.now() - t0);
      await page.close();
    }
    await context.close();
    return { medianMs: quantile(samples, 0.5), samples };
  } finally {
    await browser.close();
    await server.stop();
  }
}

function printCollecting(c: CollectorCost): void {
  console.log('collecting at 1 s with alerts, idle windows alternated off/on; CPU % of one core, per thread from Linux schedstat:');
  for (const line of c.lines) console.log(`  ${line}`);
  console.log(`collector cost, per thread: ${c.collectorCpuPctOfCore} % of one core = sampler thread ${c.samplerThreadPct} % + engine thread added ${c.engineThreadAddedPct} % (of which alert ingest and evaluation ${c.alertsOnEngineThreadPct} %) + other threads added ${c.otherThreadsAddedPct} %   target ≤ ${TARGETS.collectorCpuPctOfCore} %${c.collectorCpuPctOfCore <= TARGETS.collectorCpuPctOfCore ? ' (met)' : ' (NOT met)'}`);
  console.log(`collector cost, whole process on minus off: ${c.collectorCpuPctOfCoreOnMinusOff} % of one core (the issue's first method, the same CPU windows)`);
}

/** `--collectors-only`: the collecting windows alone (about 6 minutes), for work on the sampler's cost. */
async function collectorsOnly(): Promise<void> {
  const loadAtStart = loadavg();
  const c = await collectorCost();
  const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(`SAFE Edge monitoring benchmark, collectors only — ${cpus().length} CPUs, load average ${loads(loadAtStart)} at the start, ${loads(loadavg())} at the end`);
  printCollecting(c);
  const { lines: _lines, ...figures } = c;
  console.log(JSON.stringify({ bench: 'monitor-collectors', ...figures, loadAverage1m: [+loadAtStart[0]!.toFixed(2), +loadavg()[0]!.toFixed(2)], target: TARGETS.collectorCpuPctOfCore, met: c.collectorCpuPctOfCore <= TARGETS.collectorCpuPctOfCore }));
}

async function main(): Promise<void> {
  const loadAtStart = loadavg();
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-bench-monitor-'));
  const engine = await Engine.start(resolveConfig({ dataDir, workers: 2 }), { logger: createLogger('silent') });
  const app = buildServer(engine, { tokens: null, uiDir: null });
  const example = JSON.parse(readFileSync(join(ROOT, 'examples', 'chlorine-tank-car-zh.json'), 'utf8')) as Record<string, unknown>;
  for (let i = 0; i < 8; i++) await engine.analyze(parseIncident({ ...example, id: `bench-monitor-${i}`, text: `${example.text as string} (${i})` }));
  for (const url of ['/health', '/v1/runs', '/v1/stats', '/v1/models', '/v1/runs/bench-monitor-1', '/v1/runs/none', '/nowhere']) {
    for (let i = 0; i < 10; i++) await app.inject({ method: 'GET', url, headers: { host: '127.0.0.1' } });
  }
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RENDERS; i++) {
    const started = performance.now();
    const text = await engine.metricsText();
    samples.push(performance.now() - started);
    bytes = text.length;
  }
  const scraped = await app.inject({ method: 'GET', url: '/metrics', headers: { host: '127.0.0.1' } });
  const series = scraped.body.split('\n').filter((line) => line && !line.startsWith('#')).length;
  await app.close();
  await engine.close();
  const collecting = await collectorCost();
  const evaluationCpuMs = steadyEvaluationCpuMs();
  const rules = loadAlertRules();
  const detections = [...await liveDetections(rules), ...await replayedDetections(rules)];
  const judging = await judged(rules);
  const dashboard = await dashboardFirstRender();
  // The target's rules: `for` of 30 s or less. The 10-minute CPU averages cannot meet it by design (a sustained
  // load takes ~8 minutes to lift a 10-minute average past 85 %): printed, and kept out of the maximum.
  const held = detections.filter((d) => d.forS <= 30 && !d.rule.startsWith('CpuBusy'));
  const maxDetectionS = held.some((d) => d.detectedS === null) ? null : Math.max(...held.map((d) => d.detectedS as number));
  const cpuDetectionS = detections.find((d) => d.rule === 'CpuBusy')?.detectedS ?? null;
  const figures = {
    metricsRenderMs: +quantile(samples, 0.5).toFixed(3), metricsRenderP99Ms: +quantile(samples, 0.99).toFixed(3), series, bytes,
    collectorCpuPctOfCore: collecting.collectorCpuPctOfCore, collectorCpuPctOfCoreOnMinusOff: collecting.collectorCpuPctOfCoreOnMinusOff,
    samplerThreadPct: collecting.samplerThreadPct, engineThreadAddedPct: collecting.engineThreadAddedPct, alertsOnEngineThreadPct: collecting.alertsOnEngineThreadPct,
    otherThreadsAddedPct: collecting.otherThreadsAddedPct,
    loopDelayAddedP99Ms: collecting.loopDelayAddedP99Ms,
    steadyEvaluationCpuMs: +evaluationCpuMs.toFixed(3),
    maxDetectionS: maxDetectionS === null ? null : +maxDetectionS.toFixed(1), cpuBusyDetectionS: cpuDetectionS,
    detectionsWithinBound: detections.filter((d) => d.detectedS !== null && d.detectedS <= d.boundS).length, detections: detections.length,
    alertPrecision: +judging.precision.toFixed(3), alertRecall: +judging.recall.toFixed(3), flappingNotifications: judging.flapping,
    dashboardFirstRenderMs: Math.round(dashboard.medianMs), loadAverage1m: [+loadAtStart[0]!.toFixed(2), +loadavg()[0]!.toFixed(2)],
  };
  const ratio = (value: number | null, target: number) => (value === null ? 'n/a' : `${(value / target).toFixed(2)}× of target`);
  const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(`SAFE Edge monitoring benchmark — ${cpus().length} CPUs, load average ${loads(loadAtStart)} at the start, ${loads(loadavg())} at the end`);
  console.log(`/metrics render (${RENDERS} renders after 8 analyses on 2 workers and 70 API requests): p50 ${figures.metricsRenderMs} ms, p99 ${figures.metricsRenderP99Ms} ms, ${series} samples, ${bytes} bytes   target ≤ ${TARGETS.metricsRenderMs} ms (${ratio(figures.metricsRenderMs, TARGETS.metricsRenderMs)})`);
  printCollecting(collecting);
  console.log(`alert evaluation at steady state (an hour of samples held): ${evaluationCpuMs.toFixed(3)} ms CPU each, ${(evaluationCpuMs / 10).toFixed(3)} % of one core at 1 s`);
  console.log(`event-loop p99 added: ${figures.loopDelayAddedP99Ms} ms   target ≤ ${TARGETS.loopDelayAddedP99Ms} ms (${ratio(figures.loopDelayAddedP99Ms, TARGETS.loopDelayAddedP99Ms)})`);
  console.log('detection (fault in effect → condition held (pending) → firing; fault end → resolved), default rules:');
  for (const d of detections) {
    console.log(`  ${d.rule.padEnd(20)} ${d.fault.padEnd(26)} ${d.how.padEnd(6)} for ${String(d.forS).padStart(3)} s, window ${String(d.windowS).padStart(4)} s: pending ${d.pendingS === null ? '–' : `${d.pendingS.toFixed(1)} s`}, fired ${d.detectedS === null ? 'NOT' : `${d.detectedS.toFixed(1)} s`} (bound ${d.boundS} s${d.detectedS !== null && d.detectedS <= d.boundS ? ', met' : ', NOT met'})${d.clearedS !== null ? `, resolved ${d.clearedS.toFixed(1)} s after` : ''}`);
  }
  console.log(`max detection, rules with for ≤ 30 s (${held.map((d) => d.rule).join(', ')}): ${figures.maxDetectionS ?? 'a rule did not fire'} s   target ≤ ${TARGETS.maxDetectionS} s (${ratio(figures.maxDetectionS, TARGETS.maxDetectionS)}); CpuBusy's 10-minute average: ${cpuDetectionS} s`);
  for (const line of judging.lines) console.log(line);
  console.log(`precision ${figures.alertPrecision}   target ≥ ${TARGETS.alertPrecision} (${ratio(figures.alertPrecision, TARGETS.alertPrecision)}); recall ${figures.alertRecall}   target ≥ ${TARGETS.alertRecall} (${ratio(figures.alertRecall, TARGETS.alertRecall)})`);
  console.log(`extra notifications on the oscillating hour: ${figures.flappingNotifications}   target ${TARGETS.flappingNotifications}`);
  console.log(`dashboard first chart drawn: median ${figures.dashboardFirstRenderMs} ms (${dashboard.samples.map((x) => x.toFixed(0)).join(', ')})   target ≤ ${TARGETS.dashboardFirstRenderMs} ms (${ratio(figures.dashboardFirstRenderMs, TARGETS.dashboardFirstRenderMs)})`);
  const met = {
    metricsRenderMs: figures.metricsRenderMs <= TARGETS.metricsRenderMs, collectorCpuPctOfCore: figures.collectorCpuPctOfCore <= TARGETS.collectorCpuPctOfCore,
    loopDelayAddedP99Ms: figures.loopDelayAddedP99Ms <= TARGETS.loopDelayAddedP99Ms, maxDetectionS: figures.maxDetectionS !== null && figures.maxDetectionS <= TARGETS.maxDetectionS,
    alertPrecision: figures.alertPrecision >= TARGETS.alertPrecision, alertRecall: figures.alertRecall >= TARGETS.alertRecall,
    flappingNotifications: figures.flappingNotifications <= TARGETS.flappingNotifications, dashboardFirstRenderMs: figures.dashboardFirstRenderMs <= TARGETS.dashboardFirstRenderMs,
  };
  console.log(JSON.stringify({ bench: 'monitor', ...figures, targets: TARGETS, met, targetsMet: Object.values(met).every(Boolean) }));
}

(process.argv.includes('--collectors-only') ? collectorsOnly() : main()).catch((err) => { console.error(err); process.exit(1); });
