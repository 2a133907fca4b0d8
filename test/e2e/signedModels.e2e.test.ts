// Signed models in the app (docs/hardening.md#signed-models): `safe-edge serve` on a copy of models/ whose
// plume surrogate was rewritten with its manifest hash fixed. The engine starts without it, and the
// Settings page names the problem with SAFE_E_MODEL_UNSIGNED's wording in zh and en.
// Screenshots: dist/screenshots/signed-models-settings-zh.png, signed-models-settings-en.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startSession } from './browserHarness.js';
import { rehashModelFile } from '../../engine/updates/testing/tamper.js';

test('a re-hashed optional model: the engine runs without it and Settings says why (zh, en)', async () => {
  const models = join(mkdtempSync(join(tmpdir(), 'safe-e2e-signed-')), 'models');
  cpSync(join(ROOT, 'models'), models, { recursive: true });
  rehashModelFile(join(models, 'plume-surrogate', '1'));
  const previous = process.env.SAFE_EDGE_MODELS_DIR;
  process.env.SAFE_EDGE_MODELS_DIR = models; // the served engine's models (startServer passes its environment on)
  const session = await startSession({ width: 1280, height: 900 });
  if (previous === undefined) delete process.env.SAFE_EDGE_MODELS_DIR; else process.env.SAFE_EDGE_MODELS_DIR = previous;
  const { page, server } = session;
  try {
    const health = await (await fetch(`${server.url}/health`)).json() as { status: string; problems: Array<{ key: string; code: string }> };
    assert.equal(health.status, 'degraded');
    assert.deepEqual(health.problems.map((p) => [p.key, p.code]), [['model:plume-surrogate', 'SAFE_E_MODEL_UNSIGNED']]);

    await page.goto(`${server.url}/#/settings&token=${server.token}`);
    const problem = page.getByTestId('health-problem-model:plume-surrogate');
    await problem.filter({ hasText: '模型与发布密钥签名的版本不一致' }).waitFor();
    await session.shot('signed-models-settings-zh');
    await page.getByTestId('language-toggle').click();
    await problem.filter({ hasText: 'A model is not the one the release key signed' }).waitFor();
    await session.shot('signed-models-settings-en');
    assert.deepEqual(session.pageErrors, []);
  } finally {
    await session.close();
  }
});
