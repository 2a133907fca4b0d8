// GET /metrics through the real engine and server (docs/metrics.md): every metric is exposed with its
// HELP and TYPE after one analysis, promtool accepts a live scrape, the viewer token reads metrics but
// not runs, and the histograms the two agent workers count add up on the main thread.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Histogram, Registry } from 'prom-client';
import { resolveConfig } from '../config.js';
import { Engine } from '../engine.js';
import { createLogger } from '../logging.js';
import { PROMETHEUS_TEXT_CONTENT_TYPE } from '../contract/operations.js';
import { statsSchema } from '../contract/api.js';
import { buildServer } from '../server/app.js';
import { loadOrCreateTokens, type ApiTokens } from '../server/apiToken.js';
import { SummedHistogram } from './summedHistogram.js';
import { WORKER_HISTOGRAMS, WorkerMetricsRecorder } from './workerMetrics.js';

const PROMTOOL = process.env.PROMTOOL ?? '/usr/bin/promtool';
const example = JSON.parse(readFileSync(new URL('../../../examples/chlorine-tank-car-zh.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** Every metric of docs/metrics.md, with its type. */
const EXPECTED: Record<string, string> = {
  safe_analysis_duration_seconds: 'histogram', safe_analysis_queue_depth: 'gauge', safe_worker_restarts_total: 'counter',
  safe_cache_requests_total: 'counter', safe_sqlite_statement_duration_seconds: 'histogram', safe_inference_batch_size: 'histogram',
  safe_inference_queue_wait_seconds: 'histogram', safe_model_info: 'gauge', safe_http_request_duration_seconds: 'histogram',
  process_cpu_seconds_total: 'counter', process_resident_memory_bytes: 'gauge', nodejs_eventloop_lag_seconds: 'gauge', nodejs_heap_size_used_bytes: 'gauge',
};

let engine: Engine;
let app: FastifyInstance;
let base: string;
let tokens: ApiTokens;

before(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-metrics-'));
  engine = await Engine.start(resolveConfig({ dataDir, workers: 2 }), { logger: createLogger('silent'), deviceMonitor: true });
  tokens = loadOrCreateTokens(dataDir);
  app = buildServer(engine, { tokens });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});
after(async () => {
  await app.close();
  await engine.close();
});

const get = (path: string, token?: string) => fetch(base + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const analyse = (text: string) => fetch(`${base}/v1/analyses`, {
  method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.operator}` }, body: JSON.stringify({ ...example, id: undefined, text }),
});
const scrape = async (token = tokens.viewer) => {
  const response = await get('/metrics', token);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), PROMETHEUS_TEXT_CONTENT_TYPE);
  return response.text();
};

/** Sample lines: `name{labels}` → value (labels as written). */
function samples(text: string): Array<{ name: string; labels: string; value: number }> {
  return text.split('\n').filter((line) => line && !line.startsWith('#')).map((line) => {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    assert.ok(match, `unparsable sample line: ${line}`);
    return { name: match[1] as string, labels: match[2] ?? '', value: Number(match[3]) };
  });
}
const total = (text: string, name: string, labelPart = '') => samples(text).filter((s) => s.name === name && s.labels.includes(labelPart)).reduce((a, s) => a + s.value, 0);

test('after one analysis every metric is exposed with its HELP and TYPE', async () => {
  assert.equal((await analyse(`${example.text as string} (metrics)`)).status, 200);
  const text = await scrape();
  for (const [name, type] of Object.entries(EXPECTED)) {
    assert.match(text, new RegExp(`^# HELP ${name} \\S`, 'm'), `${name} has a HELP line`);
    assert.match(text, new RegExp(`^# TYPE ${name} ${type}$`, 'm'), `${name} is a ${type}`);
  }
  // Each has samples, not only its header, after one analysis through the real pipeline.
  for (const name of Object.keys(EXPECTED)) {
    assert.ok(samples(text).some((s) => s.name === name || s.name.startsWith(`${name}_`)), `${name} has samples`);
  }
  assert.ok(total(text, 'safe_analysis_duration_seconds_count', 'agent="analysis",status="ok"') >= 1);
  assert.ok(total(text, 'safe_model_info') >= 1, 'a live model');
  assert.ok(total(text, 'safe_cache_requests_total', 'result="miss"') >= 1, 'the first analysis missed the cache');
  assert.ok(total(text, 'safe_http_request_duration_seconds_count', 'route="/v1/analyses",method="POST",code="200"') >= 1);
});

test('promtool check metrics accepts a live scrape', async (t) => {
  if (!existsSync(PROMTOOL)) {
    assert.fail(`promtool not found at ${PROMTOOL}: install it (Debian: apt-get install prometheus; CI's .ci/run does) or set PROMTOOL`);
  }
  // The device sampler's gauges join the scrape once it has two samples (a CPU share needs two).
  let text = await scrape();
  for (let i = 0; i < 50 && !/^safe_cpu_busy_ratio\{source="/m.test(text); i++) { await new Promise((r) => setTimeout(r, 200)); text = await scrape(); }
  assert.match(text, /^safe_memory_used_ratio\{source="(linux-proc|systeminformation)"\} 0\.\d+/m, 'device health is exported');
  assert.doesNotMatch(text, /^safe_battery_charge_ratio \d/m, 'a battery is reported with its source or not at all: never an unlabelled 0');
  const checked = spawnSync(PROMTOOL, ['check', 'metrics'], { input: text, encoding: 'utf8' });
  t.diagnostic(`promtool exit ${checked.status}`);
  assert.equal(checked.status, 0, `promtool check metrics: ${checked.stdout}${checked.stderr}`);
});

test('the viewer token reads /metrics and is refused on /v1/runs; no token reads nothing', async () => {
  await scrape(tokens.viewer);
  await scrape(tokens.operator);
  const runs = await get('/v1/runs', tokens.viewer);
  assert.equal(runs.status, 403);
  assert.equal((await runs.json() as { code: string }).code, 'SAFE_E_FORBIDDEN');
  assert.equal((await get('/metrics')).status, 401);
});

test('the histograms two worker threads count add up: one analysis count per analysis, batches as the workers report them', async () => {
  const before = await scrape();
  const analysesBefore = total(before, 'safe_analysis_duration_seconds_count', 'agent="analysis"');
  const runs = 6;
  const replies = await Promise.all(Array.from({ length: runs }, (_, i) => analyse(`${example.text as string} (two workers ${i})`)));
  for (const reply of replies) assert.equal(reply.status, 200);
  const text = await scrape();
  assert.equal(total(text, 'safe_analysis_duration_seconds_count', 'agent="analysis"') - analysesBefore, runs);
  // Every stage that ran was timed once per analysis.
  const strategist = total(text, 'safe_analysis_duration_seconds_count', 'agent="strategist"');
  assert.equal(strategist, total(text, 'safe_analysis_duration_seconds_count', 'agent="analysis"'));
  // The workers' own statistics (pulled from each worker by /v1/stats) against the counts they pushed.
  const stats = statsSchema.parse(await (await get('/v1/stats', tokens.viewer)).json());
  const models = Object.values(stats.inference);
  assert.ok(models.length > 0);
  assert.equal(total(text, 'safe_inference_batch_size_count'), models.reduce((a, m) => a + m.batches, 0), 'batches');
  assert.equal(total(text, 'safe_inference_batch_size_sum'), models.reduce((a, m) => a + m.requests, 0), 'rows');
});

test('bucket counts from two recorders sum to what one histogram observing every value shows', async () => {
  const values = [1, 3, 3, 8, 40, 100];
  const registry = new Registry();
  const direct = new Histogram({ name: 'direct', help: 'x', labelNames: ['model', 'version'], buckets: [...WORKER_HISTOGRAMS.safe_inference_batch_size.buckets], registers: [registry] });
  const summed = new SummedHistogram('safe_inference_batch_size', registry);
  const [a, b] = [new WorkerMetricsRecorder(), new WorkerMetricsRecorder()];
  values.forEach((v, i) => {
    direct.observe({ model: 'm', version: '1' }, v);
    (i % 2 ? a : b).observe('safe_inference_batch_size', ['m', '1'], v);
  });
  for (const deltas of [a.take(), b.take()]) for (const delta of deltas ?? []) assert.ok(summed.add(delta));
  assert.equal(a.take(), undefined, 'take() starts afresh');
  const strip = (text: string) => text.split('\n').filter((l) => !l.startsWith('#') && l).map((l) => l.replace(/^(direct|safe_inference_batch_size)/, ''));
  const rendered = await registry.metrics();
  const [directPart, summedPart] = rendered.split('\n\n');
  assert.deepEqual(strip(summedPart ?? ''), strip(directPart ?? ''));
});
