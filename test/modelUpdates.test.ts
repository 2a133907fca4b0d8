// Model updates end to end on a running engine (docs/updates.md): a channel signed by the channel tools,
// a new version swapped in while analyses run (none fails, results then name the new version), a
// deliberately worse version refused by its gate, a manual rollback, and the CLI verbs IT and a laptop use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from '../engine/config.js';
import { Engine } from '../engine/engine.js';
import { createLogger } from '../engine/logging.js';
import { parseIncident } from '../engine/contract/parseIncident.js';
import { ERROR_CODES } from '../engine/contract/errors.js';
import { DEFAULT_MODELS_DIR } from '../engine/inference/modelRepository.js';
import { ChannelRepository } from '../update-server/channel/channelRepository.js';
import { generateRoleKeys } from '../update-server/channel/keys.js';
import { buildSurrogate } from '../training/surrogateBuilder.js';
import { FIRE_SURROGATE_TRAINING } from '../training/fireSurrogate.js';
import { serveChannelWithNginx } from './support/nginxChannel.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIRE = 'fire-spread-surrogate';
const wildfire = JSON.parse(readFileSync(join(ROOT, 'examples', 'wildfire-village-en.json'), 'utf8')) as Record<string, unknown>;

test('a running engine updates from a channel nginx serves: a gated version swapped in with no failed analysis, a worse one refused, a rollback', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-update-'));
  const channel = ChannelRepository.init(join(dir, 'channel'), generateRoleKeys(join(dir, 'keys')));
  // v3: the shipped v2 file published again (it agrees with v2 everywhere: its gate passes).
  channel.publish(join(DEFAULT_MODELS_DIR, FIRE, '2'), { version: 3 });
  const nginx = await serveChannelWithNginx(channel.dir);
  const engine = await Engine.start(resolveConfig({ dataDir: join(dir, 'data'), workers: 2 }), { logger: createLogger('silent') });
  try {
    engine.updates.trust(channel.rootFile);
    const analyse = (i: number) => engine.analyze(parseIncident({ ...wildfire, id: `fire-${i}`, text: `${wildfire.text as string} (${i})` }), { useCache: false, save: false });
    assert.equal((await analyse(0)).models[FIRE], '2');

    // Analyses keep arriving while the update downloads, gates and swaps: one every 5 ms, at most 32 in
    // flight, so that a loaded machine's slower workers meet a full queue (SAFE_E_BUSY, by design) never.
    let stop = false;
    let inFlight = 0;
    const during: Array<Promise<{ status: string; fire: string | undefined }>> = [];
    const load = (async () => {
      for (let i = 1; !stop; i++) {
        if (inFlight < 32) {
          inFlight++;
          during.push(analyse(i).then((r) => ({ status: r.status, fire: r.models[FIRE] })).finally(() => { inFlight--; }));
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const report = await engine.updates.update(nginx.url);
    stop = true;
    await load;
    const results = await Promise.all(during);
    assert.ok(results.length > 5, `analyses ran during the update (${results.length})`);
    assert.deepEqual(results.filter((r) => r.status !== 'ok'), [], 'no analysis failed during the swap');
    // On a loaded machine this once came back unswapped (CI, load 4): say why, so a failure names its check.
    assert.equal(report.swapped, true, `not swapped: ${JSON.stringify(report.models.map((m) => ({ name: m.name, outcome: m.outcome, code: m.code, message: m.message, gate: m.gate?.checks })))}`);
    assert.equal(report.live[FIRE], 3);
    const fire = report.models.find((m) => m.name === FIRE);
    assert.equal(fire?.outcome, 'updated');
    assert.deepEqual(fire?.gate?.checks.map((c) => [c.check, c.passed]), [['loads', true], ['score', true], ['agreement', true], ['latency', true], ['memory', true]]);
    assert.equal((await analyse(1000)).models[FIRE], '3', 'results name the version now live');
    assert.ok(results.every((r) => r.fire === '2' || r.fire === '3'));

    // A deliberately worse v4 (a few hundred cases, two epochs): its gate refuses it, v3 keeps serving.
    const worse = join(dir, 'worse');
    await buildSurrogate({ ...FIRE_SURROGATE_TRAINING, version: 4, trainCases: 300, testCases: 400, mlp: { ...FIRE_SURROGATE_TRAINING.mlp, epochs: 2 } }, worse, () => {}, { unchecked: true });
    channel.publish(join(worse, FIRE, '4'));
    const refused = await engine.updates.update(nginx.url);
    const outcome = refused.models.find((m) => m.name === FIRE);
    assert.equal(outcome?.code, ERROR_CODES.UPDATE_GATE_FAILED);
    assert.ok(outcome?.gate?.checks.some((c) => c.check === 'agreement' && !c.passed), 'it disagrees with the live version');
    assert.equal(refused.swapped, false);
    assert.equal((await analyse(2000)).models[FIRE], '3');

    // Manual rollback: back to the shipped v2, in the workers and in the results.
    const back = await engine.updates.rollback(FIRE);
    assert.deepEqual([back.fromVersion, back.toVersion], [3, 2]);
    assert.equal((await analyse(3000)).models[FIRE], '2');
    const view = engine.updates.view();
    assert.equal(view.live[FIRE]?.version, 2);
    assert.deepEqual(view.versions.filter((v) => v.name === FIRE).map((v) => [v.version, v.state]), [[4, 'refused'], [3, 'rolled_back'], [2, 'live']]);
  } finally {
    await engine.close();
    await nginx.stop();
  }
});

const BIN = join(ROOT, 'bin', 'safe-edge.js');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, SAFE_EDGE_LOG: 'error' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

test('the CLI verbs: channel init, publish, bundle, revoke; models trust, import, update, history, rollback', () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-update-cli-'));
  const [ch, keys, data, usb] = ['channel', 'keys', 'data', 'usb'].map((d) => join(dir, d)) as [string, string, string, string];
  const init = run(['channel', 'init', ch, '--keys', keys]);
  assert.equal(init.code, 0, init.stderr);
  const rootFile = init.stdout.trim().split('\n').at(-1) as string;
  assert.equal(run(['channel', 'init', ch, '--keys', join(dir, 'keys2')]).stderr.split(':')[0], ERROR_CODES.CHANNEL_INVALID, 'one channel per folder');
  assert.equal(run(['channel', 'publish', ch, '--keys', keys, join(DEFAULT_MODELS_DIR, FIRE, '2'), '--version', '3']).code, 0);
  assert.equal(run(['channel', 'publish', ch, '--keys', keys, join(DEFAULT_MODELS_DIR, FIRE, '2'), '--version', '3']).stderr.split(':')[0], ERROR_CODES.CHANNEL_INVALID, 'a version is published once');
  assert.equal(run(['channel', 'bundle', ch, usb]).code, 0);

  assert.equal(run(['models', 'import', usb, '--data-dir', data]).stderr.split(':')[0], ERROR_CODES.UPDATE_NOT_TRUSTED, 'nothing is taken from an untrusted channel');
  assert.equal(run(['models', 'trust', rootFile, '--data-dir', data]).code, 0);
  const imported = run(['models', 'import', usb, '--data-dir', data, '--json']);
  assert.equal(imported.code, 0, imported.stderr);
  assert.equal((JSON.parse(imported.stdout) as { live: Record<string, number> }).live[FIRE], 3);

  assert.equal(run(['channel', 'revoke', ch, '--keys', keys, `${FIRE}@3`, '--reason', 'test']).code, 0);
  const updated = run(['models', 'update', '--channel', ch, '--data-dir', data, '--json']);
  assert.equal(updated.code, 0, updated.stderr);
  const report = JSON.parse(updated.stdout) as { live: Record<string, number>; models: Array<{ name: string; outcome: string }> };
  assert.equal(report.models.find((m) => m.name === FIRE)?.outcome, 'rolled-back');
  assert.equal(report.live[FIRE], 2);

  const history = run(['models', 'history', '--data-dir', data]);
  assert.equal(history.code, 0);
  assert.match(history.stdout, /fire-spread-surrogate\s+v3\s+revoked/);
  assert.match(history.stdout, /fire-spread-surrogate\s+v2\s+live/);
  const rollback = run(['models', 'rollback', FIRE, '--data-dir', data, '--json']);
  assert.equal(rollback.code, 0, rollback.stderr);
  assert.deepEqual(JSON.parse(rollback.stdout).toVersion, 1);
  assert.equal(run(['models', 'rollback', 'no-such-model', '--data-dir', data]).stderr.split(':')[0], ERROR_CODES.NOT_FOUND);
});

const FAULTY_WORKER = new URL('../engine/orchestrator/testing/faultyAgentWorker.js', import.meta.url);
/** Small trials for a test: a ten-pair sample cannot judge time finely (a twin shares two cores with the
 *  next analysis), so the time bound here only catches a gross slowdown; trialJudge.test.ts tests the
 *  time rule itself. Agreement and errors are judged as in the field. */
const SMALL_TRIALS = { minSamples: 10, windowSize: 3, failedWindowsToRollback: 2, warmupPairs: 3, latencyRatio: 3 };

test('canary: a version that breaks on real reports is rolled back automatically, and no commander loses an answer; a healthy one is promoted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-canary-'));
  const channel = ChannelRepository.init(join(dir, 'channel'), generateRoleKeys(join(dir, 'keys')));
  channel.publish(join(DEFAULT_MODELS_DIR, FIRE, '2'), { version: 3, rollout: { strategy: 'canary', canaryShareBp: 5000 } });
  const engine = await Engine.start(resolveConfig({ dataDir: join(dir, 'data'), workers: 2 }), { logger: createLogger('silent'), workerUrl: FAULTY_WORKER, trialRules: SMALL_TRIALS });
  try {
    engine.updates.trust(channel.rootFile);
    const report = await engine.updates.update(channel.dir);
    assert.equal(report.models.find((m) => m.name === FIRE)?.outcome, 'trial');
    assert.equal(engine.updates.view().trial?.strategy, 'canary');
    // v3 fails the field stage on these reports (an injected fault): every canary analysis fails.
    const shown: Array<{ status: string; fire: string | undefined }> = [];
    for (let i = 0; i < 40 && engine.updates.view().trial; i++) {
      const r = await engine.analyze(parseIncident({ ...wildfire, id: `canary-${i}`, text: `${wildfire.text as string} FAILON_${FIRE}@3 (${i})` }), { save: false });
      shown.push({ status: r.status, fire: r.models[FIRE] });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(engine.updates.view().trial, null, 'the trial ended');
    assert.deepEqual(shown.filter((s) => s.status !== 'ok'), [], 'each failed canary analysis was answered from the live models');
    const view = engine.updates.view();
    assert.equal(view.versions.find((v) => v.name === FIRE && v.version === 3)?.state, 'rolled_back');
    const event = view.events.find((e) => e.name === FIRE && e.event === 'auto-rollback');
    assert.equal(event?.code, ERROR_CODES.UPDATE_TRIAL_FAILED);
    assert.equal(view.live[FIRE]?.version, 2);

    // A healthy canary (the same bytes again as v4) agrees, errs no more, and is promoted.
    channel.publish(join(DEFAULT_MODELS_DIR, FIRE, '2'), { version: 4, rollout: { strategy: 'canary', canaryShareBp: 5000 } });
    assert.equal((await engine.updates.update(channel.dir)).models.find((m) => m.name === FIRE)?.outcome, 'trial');
    const versionsShown = new Set<string | undefined>();
    for (let i = 0; i < 60 && engine.updates.view().trial; i++) {
      const r = await engine.analyze(parseIncident({ ...wildfire, id: `healthy-${i}`, text: `${wildfire.text as string} (healthy ${i})` }), { save: false });
      assert.equal(r.status, 'ok');
      versionsShown.add(r.models[FIRE]);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(engine.updates.view().trial, null);
    const ended = engine.updates.view().events.find((e) => e.name === FIRE && e.version === 4 && (e.event === 'promoted' || e.event === 'auto-rollback'));
    assert.equal(ended?.event, 'promoted', JSON.stringify(ended?.detail));
    assert.deepEqual([...versionsShown].sort(), ['2', '4'], 'canary results name the version that made them');
    assert.equal(engine.updates.view().live[FIRE]?.version, 4);
    assert.ok(engine.updates.view().events.some((e) => e.name === FIRE && e.version === 4 && e.event === 'promoted'));
    // The promotion ends the trial, then swaps the workers: wait for the swap (a few hundred ms).
    for (let i = 0; i < 100 && engine.health().models[FIRE] !== '4'; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal((await engine.analyze(parseIncident({ ...wildfire, id: 'after', text: `${wildfire.text as string} (after)` }), { save: false, useCache: false })).models[FIRE], '4');
  } finally {
    await engine.close();
  }
});

test('shadow: the new version runs beside the live one, never shown, and goes live only when the pairs agree', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-shadow-'));
  const channel = ChannelRepository.init(join(dir, 'channel'), generateRoleKeys(join(dir, 'keys')));
  channel.publish(join(DEFAULT_MODELS_DIR, FIRE, '2'), { version: 3, rollout: { strategy: 'shadow' } });
  const engine = await Engine.start(resolveConfig({ dataDir: join(dir, 'data'), workers: 2 }), { logger: createLogger('silent'), trialRules: SMALL_TRIALS });
  try {
    engine.updates.trust(channel.rootFile);
    assert.equal((await engine.updates.update(channel.dir)).models.find((m) => m.name === FIRE)?.outcome, 'trial');
    const shownVersions = new Set<string | undefined>();
    for (let i = 0; i < 150 && engine.updates.view().trial; i++) {
      const r = await engine.analyze(parseIncident({ ...wildfire, id: `shadow-${i}`, text: `${wildfire.text as string} (shadow ${i})` }), { save: false });
      // While the trial runs (after its promotion the new version serves everyone, as it should).
      if (engine.updates.view().trial) shownVersions.add(r.models[FIRE]);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    assert.deepEqual([...shownVersions], ['2'], 'a shadow is never shown');
    const ended = engine.updates.view().events.find((e) => e.name === FIRE && e.version === 3 && (e.event === 'promoted' || e.event === 'auto-rollback'));
    assert.equal(ended?.event, 'promoted', JSON.stringify(ended?.detail ?? engine.updates.view().trial));
    assert.equal(engine.updates.view().live[FIRE]?.version, 3, 'promoted after its pairs agreed');
  } finally {
    await engine.close();
  }
});

test('an answer computed while the models were swapped is not cached under the models it started with', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-cache-swap-'));
  const channel = ChannelRepository.init(join(dir, 'channel'), generateRoleKeys(join(dir, 'keys')));
  channel.publish(join(DEFAULT_MODELS_DIR, FIRE, '2'), { version: 3 });
  const engine = await Engine.start(resolveConfig({ dataDir: join(dir, 'data'), workers: 2, agentTimeoutMs: 20_000 }), { logger: createLogger('silent'), workerUrl: FAULTY_WORKER });
  try {
    engine.updates.trust(channel.rootFile);
    const incident = parseIncident({ ...wildfire, id: 'across', text: `${wildfire.text as string} SLOW_executor:8000 (across a swap)` });
    let finished = false;
    const inFlight = engine.analyze(incident, { save: false }).finally(() => { finished = true; });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal((await engine.updates.update(channel.dir)).swapped, true);
    assert.equal(finished, false, 'the swap happened while the analysis ran');
    const first = await inFlight;
    assert.equal(first.status, 'ok');
    assert.equal(first.models[FIRE], '2', 'it finished on the models it started on');
    // Back on v2: the answer computed across the swap must not come back from the cache.
    await engine.updates.rollback(FIRE);
    const again = await engine.analyze(incident, { save: false });
    assert.notEqual(again.cached, true);
    // A second run on v2 is cached as usual.
    assert.equal((await engine.analyze(incident, { save: false })).cached, true);
  } finally {
    await engine.close();
  }
});
