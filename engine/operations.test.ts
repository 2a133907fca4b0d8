// Walks the operations table and calls every operation through two doors, HTTP and the utility-process
// protocol, validating each reply and event against the table's own schemas. Adding an operation without
// a sample here does not compile; a door that answers differently from the table fails.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { MessageChannel } from 'node:worker_threads';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { OPERATIONS, OPERATION_NAMES, httpRequestFor, type OperationArgsInput, type OperationName, type OperationSpec } from './contract/operations.js';
import { errorBodySchema } from './contract/result.js';
import type { HostMessage } from './contract/hostProtocol.js';
import { resolveConfig } from './config.js';
import { Engine } from './engine.js';
import { createLogger } from './logging.js';
import { buildServer } from './server/app.js';
import { loadOrCreateTokens } from './server/apiToken.js';
import { serveEngineOverPort } from './host/engineHost.js';
import { DEFAULT_MODELS_DIR } from './inference/modelRepository.js';
import { ChannelRepository } from '../update-server/channel/channelRepository.js';
import { generateRoleKeys } from '../update-server/channel/keys.js';

const example = JSON.parse(readFileSync(new URL('../../examples/chlorine-tank-car-zh.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** A call that succeeds for each operation; may use a door to set itself up (a job to follow). */
type Door = <K extends OperationName>(name: K, args: OperationArgsInput<K>) => Promise<{ value: unknown; events: unknown[] }>;
const SAMPLES: { [K in OperationName]: (door: Door) => Promise<OperationArgsInput<K>> } = {
  health: async () => ({}),
  about: async () => ({}),
  session: async () => ({}),
  // With an idempotency key: a header over HTTP, an argument over the host protocol (a fresh one per door).
  analyze: async () => ({ incident: { ...example, text: `${example.text as string} (analyze)` }, idempotencyKey: `operations-test-${nextId++}` }),
  submitAnalysis: async () => ({ incident: example, priority: 'batch' }),
  analysisEvents: async (door) => {
    const { value } = await door('submitAnalysis', { incident: { ...example, text: `${example.text as string} (stream)` } });
    return { jobId: (value as { events: string }).events.split('/').at(-2) as string };
  },
  runs: async () => ({ limit: 5 }),
  run: async () => ({ id: example.id as string }),
  exportIncident: async () => ({ id: example.id as string }),
  // The exported file imported again under a new id (each door its own): the same runs, new run ids.
  importIncident: async (door) => ({ bundle: (await door('exportIncident', { id: example.id as string })).value, asIncidentId: `handed-over-${nextId++}` }),
  // Nothing is this old: the purge runs through every step and deletes no incident the other samples use.
  purgeIncidents: async () => ({ before: '2000-01-01' }),
  zonesGeoJson: async () => ({ id: example.id as string }),
  zonesKml: async () => ({ id: example.id as string, lang: 'en' }),
  models: async () => ({}),
  stats: async () => ({}),
  deviceHealth: async () => ({}),
  deviceHistory: async () => ({ metric: 'safe_memory_used_ratio' }),
  alerts: async () => ({}),
  silenceAlert: async () => ({ silence: { matchers: { alertname: 'DiskSpaceLow' }, durationMs: 60_000, comment: 'operations test' } }),
  // No alert is listed on a fresh engine: the answer is `acknowledged: false`, still of the declared shape.
  acknowledgeAlert: async () => ({ key: 'DiskSpaceLow[]' }),
  metrics: async () => ({}),
  modelUpdates: async () => ({ limit: 50 }),
  // A channel publishing the shipped fire-spread surrogate again as v3 (same bytes: it passes its gate).
  trustChannel: async () => ({ rootFile: modelChannel.rootFile }),
  updateModels: async (door) => { await door('trustChannel', { rootFile: modelChannel.rootFile }); return { channel: modelChannel.dir }; },
  importModels: async () => ({ bundle: bundleDir }),
  // First door: v3 → v2 (shipped); second: v2 → v1 (shipped).
  rollbackModel: async () => ({ name: 'fire-spread-surrogate' }),
};

let modelChannel: ChannelRepository;
let bundleDir: string;

let engine: Engine;
let app: FastifyInstance;
let base: string;
let token: string;
let port2: MessageChannel['port2'];
let nextId = 1;

before(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-ops-'));
  modelChannel = ChannelRepository.init(join(dataDir, 'channel'), generateRoleKeys(join(dataDir, 'channel-keys')));
  modelChannel.publish(join(DEFAULT_MODELS_DIR, 'fire-spread-surrogate', '2'), { version: 3 });
  bundleDir = join(dataDir, 'usb');
  ChannelRepository.bundle(modelChannel.dir, bundleDir);
  // With the device monitor, as a serving host runs it, so the alert operations have their runner.
  engine = await Engine.start(resolveConfig({ dataDir, workers: 1 }), { logger: createLogger('silent'), deviceMonitor: true });
  const tokens = loadOrCreateTokens(dataDir);
  token = tokens.operator;
  app = buildServer(engine, { tokens });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  const channel = new MessageChannel();
  serveEngineOverPort(engine, channel.port1 as never);
  port2 = channel.port2;
  await engine.analyze((await import('./contract/parseIncident.js')).parseIncident(example)); // so `run` has a run to find
});
after(async () => {
  port2.close();
  await app.close();
  await engine.close();
});

const overHttp: Door = async (name, args) => {
  const request = httpRequestFor(name, args);
  const query = new URLSearchParams(request.query).toString();
  const response = await fetch(`${base}${request.path}${query ? `?${query}` : ''}`, {
    method: request.method,
    headers: { authorization: `Bearer ${token}`, ...request.headers, ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
  });
  const spec: OperationSpec = OPERATIONS[name];
  assert.equal(response.status, spec.http.status ?? 200, `${name} over HTTP: ${response.status}`);
  if (spec.http.contentType) {
    assert.equal(response.headers.get('content-type'), spec.http.contentType, `${name} over HTTP: content type`);
    return { value: await response.text(), events: [] };
  }
  if (spec.kind !== 'stream') return { value: await response.json(), events: [] };
  // Server-Sent Events: each named after the message's kind, carrying its data.
  const events = (await response.text()).trim().split('\n\n').map((block) => {
    const [eventLine, dataLine] = block.split('\n');
    return { kind: eventLine?.slice('event: '.length), data: JSON.parse(dataLine?.slice('data: '.length) ?? 'null') as unknown };
  });
  return { value: null, events };
};

const overHost: Door = (name, args) => new Promise((resolve, reject) => {
  const id = nextId++;
  const events: unknown[] = [];
  const listener = (message: HostMessage) => {
    if (message.type === 'event' && message.requestId === id) events.push(message.event);
    if (message.type !== 'reply' || message.id !== id) return;
    port2.off('message', listener);
    if (message.ok) resolve({ value: message.value, events });
    else reject(new Error(`${name} over the host protocol: ${JSON.stringify(message.error)}`));
  };
  port2.on('message', listener);
  port2.postMessage({ id, op: name, args });
});

for (const [doorName, door] of [['HTTP', overHttp], ['the utility-process protocol', overHost]] as const) {
  test(`every operation answers over ${doorName} exactly what the table declares`, async () => {
    for (const name of OPERATION_NAMES) {
      const spec: OperationSpec = OPERATIONS[name];
      const args = await (SAMPLES[name] as (door: Door) => Promise<unknown>)(door);
      const { value, events } = await door(name, args as never);
      const checked = spec.result.safeParse(value);
      assert.ok(checked.success, `${name} over ${doorName}: ${checked.success ? '' : JSON.stringify(checked.error.issues[0])}`);
      if (spec.events) {
        assert.ok(events.length > 0 || spec.kind === 'command', `${name} over ${doorName} sent its events`);
        for (const event of events) assert.ok(spec.events.safeParse(event).success, `${name} event over ${doorName}: ${JSON.stringify(event).slice(0, 200)}`);
      } else {
        assert.deepEqual(events, [], `${name} declares no events`);
      }
    }
  });
}

test('an operation\'s bad arguments get the same code and field through both doors', async () => {
  const http = await fetch(`${base}/v1/runs?limit=0`, { headers: { authorization: `Bearer ${token}` } });
  const httpBody = errorBodySchema.parse(await http.json());
  const host = await new Promise<HostMessage>((resolve) => {
    const id = nextId++;
    const listener = (m: HostMessage) => { if (m.type === 'reply' && m.id === id) { port2.off('message', listener); resolve(m); } };
    port2.on('message', listener);
    port2.postMessage({ id, op: 'runs', args: { limit: 0 } });
  });
  assert.ok(host.type === 'reply' && !host.ok);
  assert.deepEqual([host.error.code, host.error.field], [httpBody.code, httpBody.field]);
  assert.deepEqual([httpBody.code, httpBody.field], ['SAFE_E_INVALID_FIELD', 'limit']);
});
