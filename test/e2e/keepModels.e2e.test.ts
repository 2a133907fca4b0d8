// Keeping an incident's model versions, end to end (docs/updates.md#keeping-an-incidents-models): an
// incident analysed on fire v3, the model rolled back to v2 on the served engine, then re-run from the
// re-run form with a new report: ticked, the run keeps v3 and the workspace says only the report changed
// and the run kept its models; the box stays ticked for the incident's next re-run; unticked, the run is
// on v2 and the workspace says only the models changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { sessionPerFile, type E2ESession, type RunningServer } from './browserHarness.js';
import { dataDirWithStoredVersion } from '../../engine/updates/testing/storedVersion.js';

const FIRE = 'fire-spread-surrogate';
const INCIDENT = 'e2e-village-fire';
let session: E2ESession;
let server: RunningServer;
let page: Page;

sessionPerFile({ width: 1280, height: 900, dataDir: dataDirWithStoredVersion(FIRE, 2, 3).dataDir }, (s) => { session = s; ({ server, page } = s); });

async function api(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}${path}`, {
    method, headers: { authorization: `Bearer ${server.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  assert.ok(response.ok, `${method} ${path}: ${response.status}`);
  return await response.json() as Record<string, unknown>;
}
const storedRun = async () => await api('GET', `/v1/runs/${INCIDENT}`) as { result: { models: Record<string, string>; modelChoice?: string } };

test('the re-run form keeps the incident\'s models when ticked, remembers it, and the workspace says what changed (zh, en)', async () => {
  const first = await api('POST', '/v1/analyses', { id: INCIDENT, text: '村庄附近山林起火，火势向村庄蔓延', facts: { weather: { windSpeedMps: 6, windFromDeg: 270 } } }) as { models: Record<string, string> };
  assert.equal(first.models[FIRE], '3');
  await api('POST', `/v1/models/${FIRE}/rollback`, {});

  await page.goto(`${server.url}/#token=${server.token}`);
  await page.getByTestId('engine-status').filter({ hasText: '引擎正常' }).waitFor();
  await page.goto(`${server.url}/#/new/${INCIDENT}`);
  const keep = page.getByTestId('keep-models');
  await keep.waitFor();
  assert.match(await keep.textContent() ?? '', /保留本事件首次分析所用的模型版本（fire-spread-surrogate v3，当前为 v2）/);
  assert.equal(await page.getByTestId('keep-models-checkbox').isChecked(), false, 'the incident has not chosen yet');
  await page.getByTestId('keep-models-checkbox').check();
  await page.getByTestId('report-text').fill('村庄附近山林起火，火势向村庄蔓延，风力增强');
  await session.shot('keep-models-form-zh');
  await page.getByTestId('submit').click();
  await page.getByTestId('kept-models').waitFor();
  assert.equal(await page.getByTestId('change-cause').textContent(), '只有报告或事实变了：模型版本相同', 'v3 again, though v2 is live');
  await page.getByTestId('run-changes').scrollIntoViewIfNeeded();
  await session.shot('keep-models-workspace-zh');
  assert.deepEqual([(await storedRun()).result.models[FIRE], (await storedRun()).result.modelChoice], ['3', 'incident']);

  // The next re-run starts ticked (the incident remembers); in English, untick: the live v2 runs it.
  await page.getByTestId('language-toggle').click();
  await page.goto(`${server.url}/#/new/${INCIDENT}`);
  await keep.waitFor();
  assert.equal(await page.getByTestId('keep-models-checkbox').isChecked(), true, 'remembered');
  assert.match(await keep.textContent() ?? '', /Keep the model versions this incident started with \(fire-spread-surrogate v3, live now v2\)/);
  await page.getByTestId('keep-models-checkbox').uncheck();
  await page.getByTestId('submit').click();
  await page.getByTestId('change-cause').filter({ hasText: 'Only the model versions changed: same report and facts' }).waitFor();
  assert.equal(await page.getByTestId('kept-models').count(), 0);
  await page.getByTestId('run-changes').scrollIntoViewIfNeeded();
  await session.shot('keep-models-workspace-en');
  const live = await storedRun();
  assert.deepEqual([live.result.models[FIRE], live.result.modelChoice], ['2', 'live']);
});
