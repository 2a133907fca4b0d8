// An analysis that was not saved is never acknowledged as saved (docs/hardening.md#saving). The real
// engine's database is filled with SQLite's max_page_count (a full disk the test machine will not give),
// and every door is asked: HTTP answers 507 SAFE_E_SAVE_FAILED with the result in the body, a background
// job's stream ends with the result and its saveError, the utility-process protocol fails the call with
// the result in its error; /health is degraded under the key "save". When space returns, the next
// analysis is saved and /health is ok again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { resolveConfig } from './config.js';
import { Engine, SAVE_PROBLEM } from './engine.js';
import { createLogger } from './logging.js';
import { ERROR_CODES, SafeError, toErrorBody } from './contract/errors.js';
import { analysisResultSchema } from './contract/result.js';
import { healthSchema, notSavedBodySchema, resultNotSaved, runSummarySchema } from './contract/api.js';
import type { HostMessage } from './contract/hostProtocol.js';
import type { SqliteDatabase } from './store/database.js';
import { liftDatabaseGrowthLimit, limitDatabaseGrowth } from './store/saveFailure.js';
import { buildServer } from './server/app.js';
import { loadOrCreateTokens } from './server/apiToken.js';
import { callOverPort } from './host/testing/callOverPort.js';

let engine: Engine;
let database: SqliteDatabase;
let app: FastifyInstance;
let base: string;
let token: string;

before(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-saving-'));
  engine = await Engine.start(resolveConfig({ dataDir, workers: 1 }), { logger: createLogger('silent'), testDatabase: (db) => { database = db; } });
  token = loadOrCreateTokens(dataDir).operator;
  app = buildServer(engine, { tokens: loadOrCreateTokens(dataDir) });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});
after(async () => {
  await app.close();
  await engine.close();
});

const post = (path: string, body: unknown) => fetch(base + path, {
  method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body),
});
const health = async () => healthSchema.parse(await (await fetch(`${base}/health`)).json());
const runs = async () => runSummarySchema.array().parse(await (await fetch(`${base}/v1/runs`, { headers: { authorization: `Bearer ${token}` } })).json());

/** A background job's stream, as its events. */
async function followJob(events: string): Promise<Array<{ event: string; data: unknown }>> {
  const text = await (await fetch(`${base}${events}?token=${token}`)).text();
  return text.trim().split('\n\n').map((block) => {
    const [eventLine, dataLine] = block.split('\n');
    return { event: eventLine?.slice('event: '.length) ?? '', data: JSON.parse(dataLine?.slice('data: '.length) ?? 'null') as unknown };
  });
}

/** Asks the utility-process protocol (as the desktop app's main process does) for one analysis. */
function analyzeOverPort(incident: unknown): Promise<HostMessage> {
  return callOverPort(engine, 'analyze', { incident });
}

test('on a full disk no door acknowledges an analysis as saved; when space returns, saving and /health recover', async () => {
  assert.equal((await health()).status, 'ok');
  limitDatabaseGrowth(database, 0);

  // HTTP: 507 with the stable code, the engine's words and the analysis itself.
  const refused = await post('/v1/analyses', { id: 'full-http', text: 'Chlorine leaking from a tank car at the rail yard, 3 injured' });
  assert.equal(refused.status, 507);
  const body = notSavedBodySchema.parse(await refused.json());
  assert.equal(body.code, 'SAFE_E_SAVE_FAILED');
  assert.match(body.message, /not saved: the disk holding the data directory is full/);
  assert.equal(body.result.id, 'full-http');
  assert.equal(body.result.status, 'ok', 'the answer itself is whole');
  assert.ok(body.result.executor, 'with its plan');
  assert.equal(body.result.runId, undefined);
  assert.equal(body.result.saveError?.code, 'SAFE_E_SAVE_FAILED');

  // /health: degraded, naming the problem and what to do.
  const degraded = await health();
  assert.equal(degraded.status, 'degraded');
  assert.deepEqual(degraded.problems.map((p) => [p.key, p.code]), [[SAVE_PROBLEM, 'SAFE_E_SAVE_FAILED']]);
  assert.match(degraded.problems[0]?.message ?? '', /Export the result now and free disk space there/);

  // The background job: accepted, then its stream's result carries the saveError and no run id.
  const accepted = await post('/v1/analyses/jobs', { id: 'full-job', text: 'Wildfire spreading toward the village, wind from the west' });
  assert.equal(accepted.status, 202);
  const messages = await followJob(((await accepted.json()) as { events: string }).events);
  const last = messages.at(-1);
  assert.equal(last?.event, 'result');
  const jobResult = analysisResultSchema.parse(last?.data);
  assert.equal(jobResult.saveError?.code, 'SAFE_E_SAVE_FAILED');
  assert.equal(jobResult.runId, undefined);

  // The utility process (the desktop app's door): the call fails with the result in its error body.
  const reply = await analyzeOverPort({ id: 'full-port', text: 'Levee breach, water rising in the polder' });
  assert.ok(reply.type === 'reply' && !reply.ok);
  assert.equal(reply.error.code, 'SAFE_E_SAVE_FAILED');
  assert.equal(resultNotSaved(reply.error)?.id, 'full-port');

  assert.deepEqual(await runs(), [], 'nothing was saved, and nothing claims it was');

  // Space returns: the next analysis is saved (200, a run id, in the history) and /health clears.
  liftDatabaseGrowthLimit(database);
  const saved = await post('/v1/analyses', { id: 'full-http', text: 'Chlorine leaking from a tank car at the rail yard, 3 injured' });
  assert.equal(saved.status, 200);
  const result = analysisResultSchema.parse(await saved.json());
  assert.ok(result.runId);
  assert.equal(result.saveError, undefined);
  const recovered = await health();
  assert.equal(recovered.status, 'ok');
  assert.deepEqual(recovered.problems, []);
  assert.deepEqual((await runs()).map((r) => r.incidentId), ['full-http']);
});

test('an incident import on a full disk is SAFE_E_SAVE_FAILED on every door, none of its runs saved; /health degraded until space returns', async () => {
  // Three runs of one incident, exported as the post that made them would hand them over (docs/handover.md).
  for (const text of ['Chlorine leaking from a tank car, 3 injured', 'Chlorine leak: 7 injured, wind from the north', 'Chlorine leak stopped, 7 injured'])
    assert.equal((await post('/v1/analyses', { id: 'handed', text })).status, 200);
  const exported = await fetch(`${base}/v1/incidents/handed/export`, { headers: { authorization: `Bearer ${token}` } });
  const bundle = await exported.json() as { runs: unknown[] };
  assert.equal(bundle.runs.length, 3);
  limitDatabaseGrowth(database, 0);

  const refused = await post('/v1/incidents/import?asIncidentId=handed-here', bundle);
  assert.equal(refused.status, 507, 'a coded save failure, not SAFE_E_INTERNAL');
  const body = await refused.json() as { code: string; message: string };
  assert.equal(body.code, 'SAFE_E_SAVE_FAILED');
  assert.match(body.message, /not imported \(none of its runs were saved\): the disk holding the data directory is full\. Free disk space there, then import the file again/);
  const degraded = await health();
  assert.equal(degraded.status, 'degraded');
  assert.deepEqual(degraded.problems.map((p) => [p.key, p.code]), [[SAVE_PROBLEM, 'SAFE_E_SAVE_FAILED']]);
  // The desktop app's door says the same.
  const reply = await callOverPort(engine, 'importIncident', { bundle, asIncidentId: 'handed-port' });
  assert.ok(reply.type === 'reply' && !reply.ok);
  assert.equal(reply.error.code, 'SAFE_E_SAVE_FAILED');
  // One transaction: not one run of either attempt is in the history.
  const history = await runs();
  assert.deepEqual(history.filter((r) => r.incidentId.startsWith('handed-')), []);

  liftDatabaseGrowthLimit(database);
  const imported = await post('/v1/incidents/import?asIncidentId=handed-here', bundle);
  assert.equal(imported.status, 200);
  assert.equal(((await imported.json()) as { imported: number }).imported, 3);
  assert.equal((await health()).status, 'ok', 'the import that succeeded cleared the problem');
});

test('the not-saved error keeps its result across the desktop app\'s hops (utility process → supervisor → IPC)', () => {
  const result = { id: 'hop', status: 'ok' as const, models: {}, timingsMs: {}, saveError: { code: ERROR_CODES.SAVE_FAILED, message: 'not saved' } };
  const thrown = new SafeError(ERROR_CODES.SAVE_FAILED, 'not saved', undefined, result);
  // The host posts toErrorBody(err); the supervisor rebuilds SafeError.fromBody; electron/main.ts replies toErrorBody again.
  const overPort = structuredClone(toErrorBody(thrown, ERROR_CODES.INTERNAL));
  const overIpc = structuredClone(toErrorBody(SafeError.fromBody(overPort), ERROR_CODES.INTERNAL));
  assert.deepEqual(resultNotSaved(overIpc), result);
  assert.equal(resultNotSaved({ code: 'SAFE_E_BUSY', message: 'busy' }), null);
});
