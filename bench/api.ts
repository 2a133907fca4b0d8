// `npm run bench:api`: the HTTP API under load (docs/performance.md#benchapi, docs/hardening.md#load).
// The engine and its server run in this process (its RSS is sampled every 250 ms throughout); every
// load generator runs in a child process (this script with --child), on loopback only. Every analysis
// carries a new report text, on both sides, so the cache answers none.
// - In-process c8: engine.analyze at concurrency 8, the figure HTTP is compared with.
// - Flat-out HTTP c8: autocannon, 8 connections, POST /v1/analyses. Target ≥ 0.6 × in-process.
// - Held 1000: 1000 keep-alive connections held open for 60 s, 100 analyses/s spread over them. autocannon
//   cannot do this (it lowers its connections to the rate asked for), so the child holds raw sockets and
//   writes HTTP/1.1 itself. Targets: 0 errors, p99 ≤ 100 ms.
// - Flood: 8 concurrent 15 MB incidents, again and again, while another child asks /health every 20 ms:
//   how long /health takes (no target; the body budget refuses what does not fit with 503 SAFE_E_BUSY).
// - Adversarial: the slowest text of eval/reports/adversarial.jsonl through the S-Agent (the strategist
//   stage as its worker runs it, reading inline), median of 5 after a warm-up, in a child. Target ≤ 50 ms
//   for the texts the API admits; the slowest of all (texts over MAX_TEXT_CHARS included) is printed too.
// `--quick`: shorter phases (held 10 s, others 3 s), for a check rather than a measurement.
// `--held-rate=N`: the held phase at N analyses/s (the JSON says which rate it ran at).
// `--heap-snapshot=FILE`: writes the serving thread's heap snapshot after the held phase (what retains its
// heap, docs/hardening.md#memory); it takes seconds and memory of its own, so not for a measured run.
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { loadavg, tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeHeapSnapshot } from 'node:v8';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { resolveConfig } from '../engine/config.js';
import { Engine } from '../engine/engine.js';
import { nativeAllocatorTuning } from '../engine/orchestrator/nativeAllocator.js';
import { createLogger } from '../engine/logging.js';
import { buildServer } from '../engine/server/app.js';
import { loadOrCreateTokens } from '../engine/server/apiToken.js';
import { quantile } from '../engine/numeric/stats.js';
import { parseIncident } from '../engine/contract/parseIncident.js';
import { MAX_TEXT_CHARS, type Incident } from '../engine/contract/incident.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TARGETS = { held1000ErrorCount: 0, held1000P99Ms: 100, flatOverInProcess: 0.6, rssMaxMb: 400, adversarialMaxMs: 50 };
const QUICK = process.argv.includes('--quick');
/** `--held-rate=N`: the held phase at N analyses/s instead of the target's 100 (a rate a loaded machine
 *  can sustain, to see whether RSS levels off); its figures then are not the target's. */
const flag = (name: string): number | null => {
  const value = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  return value === undefined ? null : Number(value);
};
const HELD_SECONDS = QUICK ? 10 : 60;
const PHASE_SECONDS = QUICK ? 3 : 10;
const HELD_CONNECTIONS = 1000;
const HELD_RATE_PER_S = flag('held-rate') ?? 100;
const HEAP_SNAPSHOT_FILE = process.argv.find((a) => a.startsWith('--heap-snapshot='))?.slice('--heap-snapshot='.length) ?? null;

const EXAMPLES = readFileSync(join(ROOT, 'examples', 'all.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
/** The n-th unique incident: an example with its own id and a text no earlier one had. */
function uniqueIncident(label: string, n: number): Record<string, unknown> {
  const example = EXAMPLES[n % EXAMPLES.length] as Record<string, unknown>;
  return { ...example, id: `${label}-${n}`, text: `${example.text as string} (${label} ${n})` };
}

// ---------------------------------------------------------------- child: the load generators

type ChildTask =
  | { kind: 'flat'; base: string; token: string; seconds: number }
  | { kind: 'held'; port: number; token: string; seconds: number; connections: number; ratePerS: number }
  | { kind: 'flood'; base: string; token: string; seconds: number; concurrent: number; bodyBytes: number }
  | { kind: 'probe'; base: string; seconds: number }
  | { kind: 'adversarial' };

async function flat(task: Extract<ChildTask, { kind: 'flat' }>) {
  let n = 0;
  const result = await autocannon({
    url: `${task.base}/v1/analyses`, connections: 8, duration: task.seconds, method: 'POST',
    headers: { authorization: `Bearer ${task.token}`, 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify(uniqueIncident('flat', n++)) }) }],
  });
  return { perS: result['2xx'] / task.seconds, errors: result.errors + result.timeouts + result.non2xx, p99Ms: result.latency.p99 };
}

/** One held connection: HTTP/1.1 written by hand, responses read by their content-length. */
class HeldConnection {
  private buffer = Buffer.alloc(0);
  private waiting: { sentAt: number; resolve: (r: { status: number; ms: number }) => void; reject: (e: Error) => void } | null = null;
  readonly ready: Promise<void>;
  closed = false;

  constructor(private readonly socket: Socket) {
    this.ready = new Promise((resolve, reject) => { socket.once('connect', resolve); socket.once('error', reject); });
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => { this.buffer = Buffer.concat([this.buffer, chunk]); this.tryRead(); });
    const fail = () => { this.closed = true; this.waiting?.reject(new Error('connection closed')); this.waiting = null; };
    socket.on('close', fail);
    socket.on('error', fail);
  }

  request(head: string, body: string): Promise<{ status: number; ms: number }> {
    return new Promise((resolve, reject) => {
      if (this.closed || this.waiting) { reject(new Error(this.closed ? 'connection closed' : 'connection busy')); return; }
      this.waiting = { sentAt: performance.now(), resolve, reject };
      this.socket.write(`${head}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
  }

  private tryRead(): void {
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0 || !this.waiting) return;
    const headers = this.buffer.subarray(0, end).toString('latin1');
    const length = Number(/content-length:\s*(\d+)/i.exec(headers)?.[1] ?? 0);
    if (this.buffer.length < end + 4 + length) return;
    const status = Number(headers.slice(9, 12));
    this.buffer = this.buffer.subarray(end + 4 + length);
    const { sentAt, resolve } = this.waiting;
    this.waiting = null;
    resolve({ status, ms: performance.now() - sentAt });
  }

  close(): void { this.socket.destroy(); }
}

async function held(task: Extract<ChildTask, { kind: 'held' }>) {
  const connections = Array.from({ length: task.connections }, () => new HeldConnection(connect(task.port, '127.0.0.1')));
  await Promise.all(connections.map((c) => c.ready));
  const head = `POST /v1/analyses HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: keep-alive\r\nauthorization: Bearer ${task.token}\r\ncontent-type: application/json\r\n`;
  const latenciesMs: number[] = [];
  const errors: string[] = [];
  const inFlight: Array<Promise<void>> = [];
  const start = performance.now();
  const total = task.seconds * task.ratePerS;
  for (let n = 0; n < total; n++) {
    // Paced by the clock: the n-th request leaves at n / rate seconds, whatever the answers do.
    const due = start + (n * 1000) / task.ratePerS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const connection = connections[n % connections.length] as HeldConnection;
    inFlight.push(connection.request(head, JSON.stringify(uniqueIncident('held', n))).then(
      ({ status, ms }) => { if (status === 200) latenciesMs.push(ms); else errors.push(`HTTP ${status}`); },
      (err: Error) => { errors.push(err.message); },
    ));
  }
  await Promise.all(inFlight);
  const stillOpen = connections.filter((c) => !c.closed).length;
  for (const c of connections) c.close();
  const errorKinds = [...new Set(errors)].slice(0, 5);
  return {
    requests: total, answered: latenciesMs.length, errors: errors.length, errorKinds, stillOpen,
    p50Ms: quantile(latenciesMs, 0.5), p99Ms: quantile(latenciesMs, 0.99), maxMs: Math.max(...latenciesMs),
  };
}

/** A valid incident of about `bytes` bytes: gas sensors with a reading a second. */
function largeIncident(bytes: number, n: number): string {
  const readings = Array.from({ length: Math.ceil(bytes / 50) }, (_, i) => ({ at: new Date(Date.UTC(2026, 10, 30) + i * 1000).toISOString(), value: 10 + (i % 7) }));
  const sensors = [];
  for (let i = 0; i < readings.length; i += 10_000) sensors.push({ id: `fence-${i}`, kind: 'gas_ppm', readings: readings.slice(i, i + 10_000) });
  return JSON.stringify({ id: `flood-${n}`, text: `Ammonia leak at the cold store, fence sensors attached (flood ${n})`, sensors });
}

async function flood(task: Extract<ChildTask, { kind: 'flood' }>) {
  const body = largeIncident(task.bodyBytes, 0);
  const headers = { authorization: `Bearer ${task.token}`, 'content-type': 'application/json' };
  const statuses: Record<string, number> = {};
  const end = performance.now() + task.seconds * 1000;
  let n = 0;
  const sender = async () => {
    while (performance.now() < end) {
      // A new id and text each time (same length), so the cache answers none.
      n++;
      const unique = body.replace('"flood-0"', `"flood-${n}"`).replace('(flood 0)', `(flood ${n})`);
      const response = await fetch(`${task.base}/v1/analyses`, { method: 'POST', headers, body: unique }).catch(() => null);
      const key = response ? String(response.status) : 'error';
      statuses[key] = (statuses[key] ?? 0) + 1;
      await response?.arrayBuffer();
      if (response?.status === 503) await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  await Promise.all(Array.from({ length: task.concurrent }, sender));
  return { bodyMb: +(Buffer.byteLength(body) / 1e6).toFixed(1), statuses };
}

/** /health every 20 ms, from a process of its own (the flood's own event loop is busy building bodies). */
async function probe(task: Extract<ChildTask, { kind: 'probe' }>) {
  const healthMs: number[] = [];
  const end = performance.now() + task.seconds * 1000;
  while (performance.now() < end) {
    const t0 = performance.now();
    const response = await fetch(`${task.base}/health`);
    await response.arrayBuffer();
    healthMs.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { healthProbes: healthMs.length, healthP50Ms: quantile(healthMs, 0.5), healthP99Ms: quantile(healthMs, 0.99), healthMaxMs: Math.max(...healthMs) };
}

async function adversarial() {
  const { createWorkerContext, runStageTask } = await import('../engine/orchestrator/agentTasks.js');
  const { DEFAULT_MODELS_DIR } = await import('../engine/inference/modelRepository.js');
  const context = await createWorkerContext(DEFAULT_MODELS_DIR);
  const items = readFileSync(join(ROOT, 'eval', 'reports', 'adversarial.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { id: string; text: string });
  let slowest = { id: '', ms: 0, chars: 0 };
  let slowestAdmitted = { id: '', ms: 0, chars: 0 };
  for (const item of items) {
    // Every text as the S-Agent would get it, even those the API refuses for being longer than
    // MAX_TEXT_CHARS (they never reach it): the slowest of all and of those admitted are both reported.
    const incident = { text: item.text, facts: {}, sensors: [] } as unknown as Incident;
    // The reading, then the S-Agent on it: the text's path through the workers.
    const sAgent = async () => runStageTask(context, 'strategist', { incident, reading: await runStageTask(context, 'reading', { incident }) } as never);
    const once = async () => { const t0 = performance.now(); await sAgent().catch(() => null); return performance.now() - t0; };
    await once();
    const times: number[] = [];
    for (let i = 0; i < 5; i++) times.push(await once());
    const median = quantile(times, 0.5);
    if (median > slowest.ms) slowest = { id: item.id, ms: median, chars: item.text.length };
    if (item.text.length <= MAX_TEXT_CHARS && median > slowestAdmitted.ms) slowestAdmitted = { id: item.id, ms: median, chars: item.text.length };
  }
  return { texts: items.length, admitted: items.filter((i) => i.text.length <= MAX_TEXT_CHARS).length, slowest, slowestAdmitted };
}

async function runChild(): Promise<void> {
  const task = await new Promise<ChildTask>((resolve) => process.once('message', (m) => resolve(m as ChildTask)));
  const result = task.kind === 'flat' ? await flat(task) : task.kind === 'held' ? await held(task) : task.kind === 'flood' ? await flood(task)
    : task.kind === 'probe' ? await probe(task) : await adversarial();
  process.send?.(result, () => process.exit(0));
}

// ---------------------------------------------------------------- parent: the engine and its server

function inChild<T>(task: ChildTask): Promise<T> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise<T>((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code) => reject(new Error(`load generator ${task.kind} exited with code ${code}`)));
    child.send(task);
  });
}

async function inProcess(engine: Engine, seconds: number): Promise<number> {
  let n = 0;
  let done = 0;
  const end = performance.now() + seconds * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const result = await engine.analyze(parseIncident(uniqueIncident('inproc', n++)));
      if (result.status === 'ok') done++;
    }
  };
  await Promise.all(Array.from({ length: 8 }, loop));
  return done / seconds;
}

async function runParent(): Promise<void> {
  const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
  if (!Number.isFinite(HELD_RATE_PER_S) || HELD_RATE_PER_S <= 0) throw new Error('--held-rate must be a positive number of analyses per second');
  // glibc's allocator settings change how much freed memory the RSS keeps (docs/hardening.md#memory): say which ran.
  const mallocSettings = Object.entries(process.env).filter(([name]) => name.startsWith('MALLOC_')).map(([name, value]) => `${name}=${value}`);
  // So do node's own flags (V8's young generation, --max-semi-space-size, changes every thread's heap).
  const nodeOptions = [...process.execArgv, ...(process.env['NODE_OPTIONS'] ? [process.env['NODE_OPTIONS']] : [])].join(' ');
  console.log(`bench:api${QUICK ? ' --quick' : ''}: ${availableParallelism()} cores, node ${process.version}, load average at start ${load()}; malloc settings: ${mallocSettings.join(' ') || 'glibc defaults'}; node options: ${nodeOptions || 'none'}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-bench-api-'));
  const engine = await Engine.start(resolveConfig({ dataDir, workers: availableParallelism(), logLevel: 'silent' }), { logger: createLogger('silent') });
  // What the engine itself did to glibc's allocator at start (engine/orchestrator/nativeAllocator.ts).
  const nativeAllocator = nativeAllocatorTuning();
  console.log(`native allocator: ${nativeAllocator?.state === 'tuned' ? `thresholds fixed by the engine (mmap ${nativeAllocator.mmapThresholdBytes} B, trim ${nativeAllocator.trimThresholdBytes} B)` : JSON.stringify(nativeAllocator)}`);
  const tokens = loadOrCreateTokens(dataDir);
  const app = buildServer(engine, { tokens, uiDir: null });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as AddressInfo).port;
  // fastify's keep-alive timeout (72 s) outlasts the held phase; connectionsCheckingInterval is Node's.
  const rssByPhase: Record<string, number> = {};
  let phase = 'warm-up';
  const sample = () => { const mb = process.memoryUsage.rss() / 1024 / 1024; rssByPhase[phase] = Math.max(rssByPhase[phase] ?? 0, mb); };
  const sampler = setInterval(sample, 250);
  const rssSeries: number[] = [];
  const seriesSampler = setInterval(() => rssSeries.push(process.memoryUsage.rss() / 1024 / 1024), 5000);
  // Where the RSS is, to find what grows (docs/hardening.md#memory): the serving thread's JS heap and the
  // memory outside it (buffers), each agent worker's heap, and the rest; the kernel's split of the RSS into
  // anonymous memory (heaps, malloc) and file pages (node's and onnxruntime's code, SQLite's mapped pages).
  const memoryBreakdown = async (when: string) => {
    const m = process.memoryUsage();
    const { heaps, recycledWorkers } = await engine.workerMemory();
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
    const workersTotal = heaps.reduce((sum, h) => sum + (h?.heapTotalBytes ?? 0), 0);
    const rollup = (() => { try { return readFileSync('/proc/self/smaps_rollup', 'utf8'); } catch { return ''; } })();
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? NaN) * 1024;
    const rest = m.rss - m.heapTotal - m.external - workersTotal;
    // Of the file pages, those of the data directory's SQLite files (the database's memory map, the WAL's index).
    const sqliteMb = (() => {
      let smaps = '';
      try { smaps = readFileSync('/proc/self/smaps', 'utf8'); } catch { return NaN; }
      let inSqlite = false;
      let kbTotal = 0;
      for (const line of smaps.split('\n')) {
        if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) inSqlite = line.includes(dataDir) && /\.sqlite(-shm)?$/.test(line);
        else if (inSqlite && line.startsWith('Rss:')) kbTotal += Number(/(\d+) kB/.exec(line)?.[1] ?? 0);
      }
      return kbTotal * 1024;
    })();
    console.log(`memory after ${when}: RSS ${mb(m.rss)} MB = serving thread's heap ${mb(m.heapTotal)} MB (used ${mb(m.heapUsed)}) + external ${mb(m.external)} MB (array buffers ${mb(m.arrayBuffers)}) + ` +
      `agent workers' heaps ${heaps.map((h) => (h ? `${mb(h.heapTotalBytes)} (used ${mb(h.heapUsedBytes)})` : '?')).join(' + ')} MB + the rest ${mb(rest)} MB (onnxruntime, SQLite, code, malloc); ` +
      `anonymous ${mb(kb('Anonymous'))} MB, file pages ${mb(kb('Rss') - kb('Anonymous'))} MB (SQLite's files ${mb(sqliteMb)}); agent workers recycled so far ${recycledWorkers}`);
  };
  try {
    phase = 'warm-up';
    await inProcess(engine, 2);
    await memoryBreakdown('the warm-up');
    phase = 'in-process c8';
    const inProcessC8PerS = await inProcess(engine, PHASE_SECONDS);
    console.log(`in-process c8: ${inProcessC8PerS.toFixed(0)} analyses/s`);
    phase = 'HTTP c8';
    const flatOut = await inChild<{ perS: number; errors: number; p99Ms: number }>({ kind: 'flat', base, token: tokens.operator, seconds: PHASE_SECONDS });
    console.log(`flat-out HTTP c8: ${flatOut.perS.toFixed(0)} analyses/s (${(flatOut.perS / inProcessC8PerS).toFixed(2)} × in-process; target ≥ ${TARGETS.flatOverInProcess}), errors ${flatOut.errors}, p99 ${flatOut.p99Ms} ms`);
    phase = 'held 1000';
    const heldLoad = await inChild<{ requests: number; answered: number; errors: number; errorKinds: string[]; stillOpen: number; p50Ms: number; p99Ms: number; maxMs: number }>(
      { kind: 'held', port, token: tokens.operator, seconds: HELD_SECONDS, connections: HELD_CONNECTIONS, ratePerS: HELD_RATE_PER_S });
    console.log(`held ${HELD_CONNECTIONS} keep-alive connections ${HELD_SECONDS} s at ${HELD_RATE_PER_S} analyses/s: ${heldLoad.answered}/${heldLoad.requests} answered, ${heldLoad.errors} errors (target ${TARGETS.held1000ErrorCount})${heldLoad.errorKinds.length ? ` ${heldLoad.errorKinds.join(', ')}` : ''}, ` +
      `${heldLoad.stillOpen} connections open at the end; p50 ${heldLoad.p50Ms.toFixed(1)} ms, p99 ${heldLoad.p99Ms.toFixed(1)} ms (target ≤ ${TARGETS.held1000P99Ms}), max ${heldLoad.maxMs.toFixed(1)} ms`);
    console.log(`RSS over the held phase, every 5 s: ${rssSeries.slice(-Math.ceil(HELD_SECONDS / 5)).map((mb) => mb.toFixed(0)).join(' ')} MB`);
    await memoryBreakdown('the held phase');
    if (HEAP_SNAPSHOT_FILE) console.log(`heap snapshot of the serving thread written to ${writeHeapSnapshot(HEAP_SNAPSHOT_FILE)}`);
    phase = 'flood';
    const [floodAnswers, probes] = await Promise.all([
      inChild<{ bodyMb: number; statuses: Record<string, number> }>({ kind: 'flood', base, token: tokens.operator, seconds: PHASE_SECONDS, concurrent: 8, bodyBytes: 15 * 1024 * 1024 }),
      inChild<{ healthProbes: number; healthP50Ms: number; healthP99Ms: number; healthMaxMs: number }>({ kind: 'probe', base, seconds: PHASE_SECONDS }),
    ]);
    const flooded = { ...floodAnswers, ...probes };
    await memoryBreakdown('the flood');
    console.log(`flood of 8 concurrent ${flooded.bodyMb} MB incidents for ${PHASE_SECONDS} s: answers ${JSON.stringify(flooded.statuses)}; /health (${flooded.healthProbes} probes) p50 ${flooded.healthP50Ms.toFixed(1)} ms, p99 ${flooded.healthP99Ms.toFixed(1)} ms, max ${flooded.healthMaxMs.toFixed(1)} ms`);
    phase = 'adversarial (child)';
    type Slowest = { id: string; ms: number; chars: number };
    const adv = await inChild<{ texts: number; admitted: number; slowest: Slowest; slowestAdmitted: Slowest }>({ kind: 'adversarial' });
    console.log(`adversarial texts through the S-Agent: slowest of the ${adv.admitted} the API admits (≤ ${MAX_TEXT_CHARS} chars) ${adv.slowestAdmitted.id} (${adv.slowestAdmitted.chars} chars) ${adv.slowestAdmitted.ms.toFixed(1)} ms (target ≤ ${TARGETS.adversarialMaxMs}); ` +
      `slowest of all ${adv.texts}, refused ones included, ${adv.slowest.id} (${adv.slowest.chars} chars) ${adv.slowest.ms.toFixed(1)} ms`);
    sample();
    const rssMaxMb = Math.max(...Object.values(rssByPhase));
    // The flood's large incidents leave the heaps grown: the phases after it do not count as steady load.
    const steadyPhases = ['warm-up', 'in-process c8', 'HTTP c8', 'held 1000'];
    const rssMaxSteadyMb = Math.max(...steadyPhases.map((p) => rssByPhase[p] ?? 0));
    console.log(`server RSS max by phase: ${Object.entries(rssByPhase).map(([p, mb]) => `${p} ${mb.toFixed(0)} MB`).join(', ')} (target ≤ ${TARGETS.rssMaxMb} MB throughout)`);
    console.log(`load average at the end ${load()}`);
    const met = {
      held1000ErrorCount: heldLoad.errors <= TARGETS.held1000ErrorCount,
      held1000P99Ms: heldLoad.p99Ms <= TARGETS.held1000P99Ms,
      flatOverInProcess: flatOut.perS >= TARGETS.flatOverInProcess * inProcessC8PerS,
      rssMaxMb: rssMaxMb <= TARGETS.rssMaxMb,
      adversarialMaxMs: adv.slowestAdmitted.ms <= TARGETS.adversarialMaxMs,
    };
    console.log(JSON.stringify({
      bench: 'api', quick: QUICK, cores: availableParallelism(), loadAverage: loadavg().map((l) => +l.toFixed(2)), mallocSettings, nativeAllocator: nativeAllocator?.state ?? null, nodeOptions,
      held1000ErrorCount: heldLoad.errors, held1000P99Ms: +heldLoad.p99Ms.toFixed(1), held1000Seconds: HELD_SECONDS, held1000RatePerS: HELD_RATE_PER_S,
      flatC8PerS: +flatOut.perS.toFixed(1), inProcessC8PerS: +inProcessC8PerS.toFixed(1), flatOverInProcess: +(flatOut.perS / inProcessC8PerS).toFixed(2),
      rssMaxMb: +rssMaxMb.toFixed(0), rssMaxSteadyMb: +rssMaxSteadyMb.toFixed(0),
      floodHealthMaxMs: +flooded.healthMaxMs.toFixed(1), floodHealthP99Ms: +flooded.healthP99Ms.toFixed(1), floodStatuses: flooded.statuses,
      adversarialMaxMs: +adv.slowestAdmitted.ms.toFixed(1), adversarialMaxAllMs: +adv.slowest.ms.toFixed(1), targets: TARGETS, met,
    }));
  } finally {
    clearInterval(sampler);
    clearInterval(seriesSampler);
    await app.close();
    await engine.close();
  }
}

if (process.argv.includes('--child')) await runChild();
else await runParent();
