// Signed models at engine start (docs/hardening.md#signed-models): in a copy of the shipped models/, an
// optional model rewritten with its manifest hash fixed is refused with SAFE_E_MODEL_UNSIGNED, logged,
// named in /health (degraded) and in the ModelCheckFailed alert's series, and the engine runs without it;
// the required classifier refused keeps the engine from starting, with the code; untouched, all is ok.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../config.js';
import { parseIncident } from '../contract/parseIncident.js';
import { createLogger } from '../logging.js';
import { Engine } from '../engine.js';
import { DEFAULT_MODELS_DIR } from '../inference/modelRepository.js';
import { rehashModelFile } from './testing/tamper.js';

const PLUME = 'plume-surrogate';

function setup(): { modelsDir: string; dataDir: string; lines: string[]; logger: ReturnType<typeof createLogger> } {
  const root = mkdtempSync(join(tmpdir(), 'safe-signed-engine-'));
  const modelsDir = join(root, 'models');
  cpSync(DEFAULT_MODELS_DIR, modelsDir, { recursive: true });
  const lines: string[] = [];
  return { modelsDir, dataDir: join(root, 'data'), lines, logger: createLogger('warn', (line) => lines.push(line)) };
}

test('untouched shipped models: every one loads, /health ok, no model problem', async () => {
  const s = setup();
  const engine = await Engine.start(resolveConfig({ dataDir: s.dataDir, modelsDir: s.modelsDir, workers: 1 }), { logger: s.logger });
  try {
    const health = engine.health();
    assert.equal(health.status, 'ok');
    assert.deepEqual(health.problems, []);
    assert.equal(health.models[PLUME], '1');
    assert.ok(Object.values(engine.modelCheckFailed()).every((v) => v === 0));
    assert.ok(!s.lines.some((l) => l.includes('SAFE_E_MODEL_UNSIGNED')));
  } finally {
    await engine.close();
  }
});

test('an optional model rewritten with its manifest hash fixed: refused as unsigned, logged, /health degraded, alert series 1', async () => {
  const s = setup();
  rehashModelFile(join(s.modelsDir, PLUME, '1'));
  const engine = await Engine.start(resolveConfig({ dataDir: s.dataDir, modelsDir: s.modelsDir, workers: 1 }), { logger: s.logger });
  try {
    const health = engine.health();
    assert.equal(health.status, 'degraded');
    const problem = health.problems.find((p) => p.key === `model:${PLUME}`);
    assert.equal(problem?.code, 'SAFE_E_MODEL_UNSIGNED');
    assert.match(problem?.message ?? '', /reinstall the app/);
    assert.equal(health.models[PLUME], undefined, 'the workers do not run it');
    assert.equal(health.models['incident-classifier'], '3', 'the rest runs');
    const listed = engine.models().find((m) => m.name === PLUME);
    assert.deepEqual([listed?.version, listed?.loaded, listed?.error?.code], [1, false, 'SAFE_E_MODEL_UNSIGNED']);
    assert.equal(engine.modelCheckFailed()[PLUME], 1);
    assert.equal(engine.modelCheckFailed()['incident-classifier'], 0);
    const warned = s.lines.filter((l) => l.includes('model refused') && l.includes('SAFE_E_MODEL_UNSIGNED'));
    assert.equal(warned.length, 1, 'logged once, with the code');
    assert.match(warned[0] ?? '', /plume-surrogate/);
    const result = await engine.analyze(parseIncident({ id: 'chlorine', text: 'Chlorine tank leaking at the depot, wind from the west', facts: { weather: { windSpeedMps: 3, windFromDeg: 270 } } }), { save: false });
    assert.equal(result.status, 'ok', 'analyses still run, without the refused model');
    assert.equal(result.models[PLUME], undefined, 'and never on it');
  } finally {
    await engine.close();
  }
});

test('the required classifier rewritten with its manifest hash fixed: the engine refuses to start with the code', async () => {
  const s = setup();
  rehashModelFile(join(s.modelsDir, 'incident-classifier', '3'));
  await assert.rejects(Engine.start(resolveConfig({ dataDir: s.dataDir, modelsDir: s.modelsDir, workers: 1 }), { logger: s.logger }),
    (err: { code?: string; message?: string }) => err.code === 'SAFE_E_MODEL_UNSIGNED' && /cannot run without incident-classifier/.test(err.message ?? ''));
  assert.ok(s.lines.some((l) => l.includes('model refused') && l.includes('SAFE_E_MODEL_UNSIGNED')), 'logged');
  // Nothing held: the same data directory starts again once the signed files are back.
  cpSync(join(DEFAULT_MODELS_DIR, 'incident-classifier'), join(s.modelsDir, 'incident-classifier'), { recursive: true });
  const engine = await Engine.start(resolveConfig({ dataDir: s.dataDir, modelsDir: s.modelsDir, workers: 1 }), { logger: s.logger });
  await engine.close();
});
