// Keeping an incident's models (docs/updates.md#keeping-an-incidents-models): after a model swap, a
// re-run that keeps the incident's models runs on the versions its first run used (loaded beside the live
// ones), a re-run on the live models runs on the new ones, the cache never answers one with the other,
// the choice is remembered for the incident, and a version no longer on the device is refused by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { parseIncident } from '../contract/parseIncident.js';
import { HTTP_STATUS } from '../contract/errors.js';
import { parseOperationArgs } from '../contract/operations.js';
import { resolveConfig } from '../config.js';
import { createLogger } from '../logging.js';
import { Engine } from '../engine.js';
import { dataDirWithStoredVersion } from './testing/storedVersion.js';

const FIRE = 'fire-spread-surrogate';
const INCIDENT = 'fire-near-village';
const wildfire = (text: string) => parseIncident({ id: INCIDENT, text, facts: { weather: { windSpeedMps: 6, windFromDeg: 270 } } });

test('a re-run that keeps its incident\'s models runs on the versions it started with after a swap; the live one on the new ones; the cache keeps them apart', async () => {
  // The store holds fire v3 (the shipped v2 files published again), live: the incident starts on it.
  const { dataDir, versionDir: v3Dir } = dataDirWithStoredVersion(FIRE, 2, 3);
  const engine = await Engine.start(resolveConfig({ dataDir, workers: 1, agentTimeoutMs: 20_000 }), { logger: createLogger('silent') });
  try {
    const first = await engine.analyze(wildfire('Forest fire spreading toward the village'));
    assert.equal(first.models[FIRE], '3', 'the incident started on v3');
    assert.equal(first.modelChoice, undefined, 'no choice made');

    const swap = await engine.updates.rollback(FIRE);
    assert.deepEqual([swap.fromVersion, swap.toVersion], [3, 2]);
    assert.equal(engine.health().models[FIRE], '2', 'the workers run v2 now');

    // The same question on the live models and on the kept ones: neither answer stands in for the other.
    const facts = wildfire('Forest fire spreading toward the village, wind rising');
    const live = await engine.analyze(facts, { models: 'live' });
    assert.equal(live.models[FIRE], '2', 'control: the live models are the new ones');
    assert.equal(live.modelChoice, 'live');
    const kept = await engine.analyze(facts, { models: 'incident' });
    assert.equal(kept.status, 'ok');
    assert.equal(kept.models[FIRE], '3', 'kept: the version the incident started with');
    assert.equal(kept.modelChoice, 'incident');
    assert.equal(kept.cached, undefined, 'not the live answer from the cache');
    const keptAgain = await engine.analyze(facts, { models: 'incident' });
    assert.deepEqual([keptAgain.cached, keptAgain.models[FIRE]], [true, '3'], 'its own cached answer');
    const liveAgain = await engine.analyze(facts, { models: 'live' });
    assert.deepEqual([liveAgain.cached, liveAgain.models[FIRE]], [true, '2']);

    // The choice is remembered per incident: 'incident' last, so a re-run that names none keeps v3.
    await engine.analyze(facts, { models: 'incident' });
    const remembered = await engine.analyze(wildfire('Forest fire at the village edge'));
    assert.deepEqual([remembered.models[FIRE], remembered.modelChoice], ['3', 'incident']);
    const stored = engine.run(INCIDENT);
    assert.deepEqual(stored.incidentModels, { versions: first.models, liveNow: { [FIRE]: '2' }, keep: true });
    assert.equal(stored.result.modelChoice, 'incident', 'the stored run says it kept its models');
    assert.ok(stored.changesSincePrevious.every((c) => !c.what.startsWith('model ')), 'kept: no model changed since the previous run');
    // Another incident is not affected by this one's choice.
    const other = await engine.analyze(parseIncident({ id: 'another-fire', text: 'Forest fire on the hill', facts: { weather: { windSpeedMps: 6, windFromDeg: 270 } } }));
    assert.equal(other.models[FIRE], '2');

    // Versions the device no longer holds are refused by name, with their own code: never run on others.
    engine.updates.updater.ledger.setState(FIRE, 3, 'revoked');
    await assert.rejects(engine.analyze(wildfire('Forest fire, revoked model')), (err: { code?: string; message?: string }) =>
      err.code === 'SAFE_E_MODEL_VERSION_GONE' && /fire-spread-surrogate v3/.test(err.message ?? '') && /revoked/.test(err.message ?? ''));
    engine.updates.updater.ledger.setState(FIRE, 3, 'retired');
    rmSync(v3Dir, { recursive: true, force: true });
    await assert.rejects(engine.analyze(wildfire('Forest fire, model removed'), { models: 'incident' }), (err: { code?: string; message?: string }) =>
      err.code === 'SAFE_E_MODEL_VERSION_GONE' && /fire-spread-surrogate v3.*no longer on this device/.test(err.message ?? ''));
    assert.equal(HTTP_STATUS.SAFE_E_MODEL_VERSION_GONE, 409);
    const back = await engine.analyze(wildfire('Forest fire, on the live models'), { models: 'live' });
    assert.equal(back.models[FIRE], '2', 'the commander can always go on with the live models');
  } finally {
    await engine.close();
  }
});

test('every door takes the choice from the operations table, and refuses any other word by its field', () => {
  assert.equal(parseOperationArgs('submitAnalysis', { incident: {}, models: 'incident' }).models, 'incident');
  assert.equal(parseOperationArgs('analyze', { incident: {} }).models, undefined, 'absent: the incident\'s remembered choice');
  assert.throws(() => parseOperationArgs('analyze', { incident: {}, models: 'pinned' }), (err: { code?: string; field?: string }) => err.code === 'SAFE_E_INVALID_FIELD' && err.field === 'models');
});
