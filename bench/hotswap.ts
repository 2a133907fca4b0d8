// `npm run bench:hotswap`: what a model update costs the people using the engine (docs/updates.md).
// - Steady, then swap: the HTTP API under the same steady load (autocannon, every report a new text so the
//   cache answers none) twice: once with nothing happening, once while an update from a signed channel
//   downloads, gates and swaps the fire-spread surrogate. Figures: failed requests over the swap (target
//   0) and the p99 of the requests answered during the swap over the steady p99 (target ≤ 2).
// - Rollback: `rollbackModel` until the workers run the previous version (target ≤ 1000 ms), three times.
// - Resume: the update downloads the 4 MB classifier through a loopback proxy that cuts the connection
//   half-way the first time; the next update resumes. Figure: the extra bytes over the file's size
//   (target ≤ 0.05).
import autocannon from 'autocannon';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from '../engine/config.js';
import { Engine } from '../engine/engine.js';
import { createLogger } from '../engine/logging.js';
import { buildServer } from '../engine/server/app.js';
import { loadOrCreateTokens } from '../engine/server/apiToken.js';
import { quantile } from '../engine/numeric/stats.js';
import { DEFAULT_MODELS_DIR } from '../engine/inference/modelRepository.js';
import { CHANNEL_PATH } from '../engine/contract/deviceReport.js';
import { ChannelRepository } from '../update-server/channel/channelRepository.js';
import { generateRoleKeys } from '../update-server/channel/keys.js';
import { buildUpdateServer } from '../update-server/server/app.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TARGETS = { failedRequests: 0, swapP99OverSteady: 2, rollbackMs: 1000, resumeBytesOverhead: 0.05 };
const LOAD_SECONDS = 12;
const CONNECTIONS = 4;
const FIRE = 'fire-spread-surrogate';
const CLASSIFIER = 'incident-classifier';
const wildfire = JSON.parse(readFileSync(join(ROOT, 'examples', 'wildfire-village-en.json'), 'utf8')) as Record<string, unknown>;

interface Answered { atMs: number; latencyMs: number; status: number }

/** Steady load on POST /v1/analyses for LOAD_SECONDS; `during` runs meanwhile (after 2 s). */
async function load(base: string, token: string, label: string, during?: () => Promise<void>): Promise<{ answered: Answered[]; errors: number; non2xx: number; window: [number, number] | null }> {
  const answered: Answered[] = [];
  let n = 0;
  const run = autocannon({
    url: `${base}/v1/analyses`, connections: CONNECTIONS, duration: LOAD_SECONDS, method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify({ ...wildfire, id: `${label}-${n}`, text: `${wildfire.text as string} (${label} ${n++})` }) }) }],
    setupClient: (client) => client.on('response', (status: number, _bytes: number, latencyMs: number) => { answered.push({ atMs: performance.now(), latencyMs, status }); }),
  });
  let window: [number, number] | null = null;
  if (during) {
    await new Promise((r) => setTimeout(r, 2000));
    const start = performance.now();
    await during();
    window = [start, performance.now()];
  }
  const result = await run;
  return { answered, errors: result.errors + result.timeouts, non2xx: result.non2xx, window };
}

/** A proxy to `upstream` that counts the bytes of every response whose path contains `countPath`, and
 *  cuts the first one whose path also ends with `cutSuffix` after half its bytes. */
function cuttingProxy(upstream: string, countPath: string, cutSuffix: string): Promise<{ server: Server; url: string; bytes: () => number }> {
  let cut = false;
  let bytes = 0;
  const target = new URL(upstream);
  const server = createServer((req, res) => {
    const upstreamReq = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      const counting = req.url?.includes(countPath) ?? false;
      const cutAt = counting && !cut && req.url?.endsWith(cutSuffix) ? Math.floor(Number(up.headers['content-length'] ?? 0) / 2) : Infinity;
      if (cutAt !== Infinity) cut = true;
      let sent = 0;
      up.on('data', (chunk: Buffer) => {
        if (sent + chunk.length > cutAt) { const part = chunk.subarray(0, Math.max(0, cutAt - sent)); bytes += part.length; res.write(part, () => res.destroy()); up.destroy(); return; }
        sent += chunk.length;
        if (counting) bytes += chunk.length;
        res.write(chunk);
      });
      up.on('end', () => res.end());
    });
    req.pipe(upstreamReq);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bytes: () => bytes })));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'safe-bench-hotswap-'));
  const channel = ChannelRepository.init(join(dir, 'channel'), generateRoleKeys(join(dir, 'keys')));
  channel.publish(join(DEFAULT_MODELS_DIR, FIRE, '2'), { version: 3 });
  const engine = await Engine.start(resolveConfig({ dataDir: join(dir, 'data'), workers: 2 }), { logger: createLogger('silent') });
  const tokens = loadOrCreateTokens(join(dir, 'data'));
  const app = buildServer(engine, { tokens, uiDir: null });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  engine.updates.trust(channel.rootFile);
  try {
    // Steady and swap, same load.
    const steady = await load(base, tokens.operator, 'steady');
    let swapReport: Awaited<ReturnType<typeof engine.updates.update>> | undefined;
    const swap = await load(base, tokens.operator, 'swap', async () => { swapReport = await engine.updates.update(channel.dir); });
    if (!swapReport?.swapped) throw new Error(`the update did not swap: ${JSON.stringify(swapReport?.models.find((m) => m.name === FIRE))}`);
    const [from, to] = swap.window as [number, number];
    // The requests answered while the update ran, and in the second after (those queued behind it).
    const duringSwap = swap.answered.filter((a) => a.atMs >= from && a.atMs <= to + 1000).map((a) => a.latencyMs);
    const steadyP99 = quantile(steady.answered.map((a) => a.latencyMs), 0.99);
    const swapP99 = quantile(duringSwap, 0.99);
    const failedRequests = swap.errors + swap.non2xx + steady.errors + steady.non2xx;
    console.log(`steady: ${steady.answered.length} analyses in ${LOAD_SECONDS} s over ${CONNECTIONS} connections, p99 ${steadyP99.toFixed(1)} ms`);
    console.log(`swap:   update took ${(to - from).toFixed(0)} ms (download, gate, swap); ${duringSwap.length} analyses answered meanwhile (+1 s), p99 ${swapP99.toFixed(1)} ms; ${swap.answered.length} in all`);
    console.log(`failed requests (errors, timeouts, non-2xx) over both runs: ${failedRequests} (target ${TARGETS.failedRequests})`);

    // Rollback, three times (update back to v3 between them).
    const rollbacks: number[] = [];
    for (let i = 0; i < 3; i++) {
      if (i > 0) {
        // Make v3 live again: republish is not possible (v3 exists), so roll forward by a fresh version.
        channel.publish(join(DEFAULT_MODELS_DIR, FIRE, '2'), { version: 4 + i });
        const again = await engine.updates.update(channel.dir);
        if (!again.swapped) throw new Error('could not roll forward for the next rollback');
      }
      const started = performance.now();
      const back = await engine.updates.rollback(FIRE);
      rollbacks.push(performance.now() - started);
      console.log(`rollback ${i + 1}: v${back.fromVersion} → v${back.toVersion} in ${rollbacks.at(-1)?.toFixed(0)} ms (the engine's own figure ${back.durationMs} ms)`);
    }
    const rollbackMs = Math.max(...rollbacks);

    // Resume: the classifier (4 MB) through a proxy that cuts the first download half-way.
    const server = buildUpdateServer({ channelDir: channel.dir, keys: null, stateDir: join(dir, 'server-state'), adminToken: 'bench' });
    const upstream = await server.listen({ host: '127.0.0.1', port: 0 });
    const proxy = await cuttingProxy(upstream, `${CLASSIFIER}/4/`, '.model.onnx');
    channel.publish(join(DEFAULT_MODELS_DIR, CLASSIFIER, '3'), { version: 4 });
    const channelUrl = `${proxy.url}${CHANNEL_PATH}`;
    const first = await engine.updates.update(channelUrl);
    const interrupted = first.models.find((m) => m.name === CLASSIFIER);
    const second = await engine.updates.update(channelUrl);
    const resumed = second.models.find((m) => m.name === CLASSIFIER);
    const versionBytes = ['model.onnx', 'model.int8.onnx', 'evaluation.json'].reduce((sum, f) => sum + statSync(join(DEFAULT_MODELS_DIR, CLASSIFIER, '3', f)).size, 0)
      + Buffer.byteLength(JSON.stringify({ ...JSON.parse(readFileSync(join(DEFAULT_MODELS_DIR, CLASSIFIER, '3', 'manifest.json'), 'utf8')), version: 4 }, null, 2) + '\n');
    const resumeBytesOverhead = proxy.bytes() / versionBytes - 1;
    console.log(`resume: first update ${interrupted?.outcome} (${interrupted?.code ?? ''}), second ${resumed?.outcome}; ${proxy.bytes()} bytes sent for a ${versionBytes}-byte version: overhead ${(resumeBytesOverhead * 100).toFixed(2)} % (target ≤ ${TARGETS.resumeBytesOverhead * 100} %)`);
    proxy.server.close();
    await server.close();

    const figures = {
      failedRequests, swapP99OverSteady: +(swapP99 / steadyP99).toFixed(3), rollbackMs: Math.round(rollbackMs), resumeBytesOverhead: +resumeBytesOverhead.toFixed(4),
      steadyP99Ms: +steadyP99.toFixed(1), swapP99Ms: +swapP99.toFixed(1), swapMs: Math.round(to - from), analysesDuringSwap: duringSwap.length,
    };
    const met = {
      failedRequests: figures.failedRequests <= TARGETS.failedRequests, swapP99OverSteady: figures.swapP99OverSteady <= TARGETS.swapP99OverSteady,
      rollbackMs: figures.rollbackMs <= TARGETS.rollbackMs, resumeBytesOverhead: figures.resumeBytesOverhead <= TARGETS.resumeBytesOverhead,
    };
    console.log(`p99 during the swap over steady: ${figures.swapP99OverSteady} (target ≤ ${TARGETS.swapP99OverSteady}); slowest rollback ${figures.rollbackMs} ms (target ≤ ${TARGETS.rollbackMs})`);
    console.log(JSON.stringify({ bench: 'hotswap', ...figures, targets: TARGETS, met }));
  } finally {
    await app.close();
    await engine.close();
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
