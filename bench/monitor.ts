// `npm run bench:monitor`: what scraping the engine costs. GET /metrics renders every series after a few
// analyses on two workers (so every histogram has its series) and some API traffic; the render runs on
// the thread that serves requests, so it must stay small. Target (device-health issue): ≤ 10 ms.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseIncident } from '../engine/contract/parseIncident.js';
import { quantile } from '../engine/numeric/stats.js';
import { resolveConfig } from '../engine/config.js';
import { Engine } from '../engine/engine.js';
import { createLogger } from '../engine/logging.js';
import { buildServer } from '../engine/server/app.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TARGETS = { metricsRenderMs: 10 };
const RENDERS = 300;

async function main(): Promise<void> {
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
  const figures = {
    metricsRenderMs: +quantile(samples, 0.5).toFixed(3), metricsRenderP99Ms: +quantile(samples, 0.99).toFixed(3), series, bytes,
  };
  console.log(`SAFE Edge monitoring benchmark — ${RENDERS} renders of /metrics after 8 analyses on 2 workers and 70 API requests`);
  console.log(`render: p50 ${figures.metricsRenderMs} ms, p99 ${figures.metricsRenderP99Ms} ms (target ≤ ${TARGETS.metricsRenderMs} ms), ${series} samples, ${bytes} bytes`);
  console.log(JSON.stringify({ bench: 'monitor', ...figures, targets: TARGETS, targetsMet: figures.metricsRenderMs <= TARGETS.metricsRenderMs }));
}

main().catch((err) => { console.error(err); process.exit(1); });
