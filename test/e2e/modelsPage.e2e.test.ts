// The Models page end to end (docs/updates.md): a real channel signed by the channel tools offers
// fire-spread-surrogate v3 (the shipped v2's file again, so its gate passes) and plume-surrogate v2 with
// the canary strategy. An engine without agent workers trusts it and updates before `safe-edge serve`
// opens the same data directory: plume v2 passes its gate and waits ready for its trial (trials run only
// in a serving engine). The page shows v3 live with its gate figures and plume v2 waiting, in zh and en;
// "update now" without a configured channel shows its error code; rollback (after the confirm dialog)
// puts v2 live. Then the served engine updates from the channel (named in the request: none is
// configured), plume v2's canary trial starts, one analysis in ten runs on it and is paired with the live
// models, and the page shows the trial with that pair's figures, in zh and en. Screenshots:
// dist/screenshots/models-zh.png, models-en.png, models-en-rolled-back.png, models-zh-trial.png,
// models-en-trial.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { resolveConfig } from '../../engine/config.js';
import { Engine } from '../../engine/engine.js';
import { createLogger } from '../../engine/logging.js';
import { ERROR_CODES } from '../../engine/contract/errors.js';
import type { ModelUpdatesView, UpdateReport } from '../../engine/contract/modelUpdates.js';
import { DEFAULT_MODELS_DIR } from '../../engine/inference/modelRepository.js';
import { ChannelRepository } from '../../update-server/channel/channelRepository.js';
import { generateRoleKeys } from '../../update-server/channel/keys.js';
import { ROOT, SCREENSHOTS_DIR, startSession, type E2ESession, type RunningServer } from './browserHarness.js';

const FIRE = 'fire-spread-surrogate';
const PLUME = 'plume-surrogate';

let session: E2ESession;
let server: RunningServer;
let page: Page;
let report: UpdateReport;
/** The channel's folder, for the served engine's own update at the end. */
let channelDir: string;

/** A data directory whose engine trusted a real channel and updated from it: fire v3 live, plume v2 waiting for its trial. */
async function updatedDataDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'safe-e2e-models-'));
  const channel = ChannelRepository.init(join(dir, 'channel'), generateRoleKeys(join(dir, 'keys')));
  channel.publish(join(DEFAULT_MODELS_DIR, FIRE, '2'), { version: 3 });
  channel.publish(join(DEFAULT_MODELS_DIR, PLUME, '1'), { version: 2, rollout: { strategy: 'canary' } });
  channelDir = channel.dir;
  const dataDir = join(dir, 'data');
  // The engine updates on its own (no agent workers: the served engine starts on the new live view), then
  // lets go of the data directory for the server.
  const engine = await Engine.start(resolveConfig({ dataDir, workers: 1 }), { logger: createLogger('silent'), agents: false });
  try {
    engine.updates.trust(channel.rootFile);
    report = await engine.updates.update(channel.dir);
  } finally {
    await engine.close();
  }
  const fire = report.models.find((m) => m.name === FIRE);
  const plume = report.models.find((m) => m.name === PLUME);
  assert.equal(report.live[FIRE], 3, `${FIRE}: ${fire?.outcome} (${fire?.message})`);
  assert.equal(plume?.outcome, 'waiting', `${PLUME}: ${plume?.outcome} (${plume?.message})`);
  assert.match(plume?.message ?? '', /trial runs only in a serving engine/);
  return dataDir;
}

before(async () => {
  const dataDir = await updatedDataDir();
  // "Update now" names no channel: the served engine must have none configured for its refusal to be shown.
  delete process.env.SAFE_EDGE_MODEL_CHANNEL;
  session = await startSession({ width: 1366, height: 900, dataDir });
  ({ server, page } = session);
});
after(async () => {
  await session?.close();
  assert.deepEqual(session?.pageErrors, [], 'no script errors in the page');
});

async function open(lang: 'zh' | 'en', token = server.token): Promise<void> {
  await page.goto(`${server.url}/#/models`);
  // Where the app keeps the token and the language (renderer/src/transport/httpTransport.ts, i18n.ts); the reload reads them.
  await page.evaluate(`sessionStorage.setItem('safe-edge-token', '${token}'); localStorage.setItem('safe-edge-language', '${lang}')`);
  await page.goto(`${server.url}/#/models`);
  await page.reload();
  await page.getByTestId(`model-${FIRE}`).waitFor();
}

const textOf = async (testId: string, within = page.locator('body')) => (await within.getByTestId(testId).first().textContent()) ?? '';
const fireCard = () => page.getByTestId(`model-${FIRE}`);
const versionRow = (name: string, version: number) => page.getByTestId(`version-${name}-${version}`);

/** The gate's agreement as the engine recorded it, in the page's format: "100.0 % (≥ 90.0 %)". */
function agreementFigure(): string {
  const agreement = report.models.find((m) => m.name === FIRE)?.gate?.checks.find((c) => c.check === 'agreement');
  assert.ok(agreement?.value !== null && agreement?.value !== undefined && agreement.bound !== null);
  return `${(agreement.value * 100).toFixed(1)} % (≥ ${(agreement.bound * 100).toFixed(1)} %)`;
}

test('zh: the channel, v3 live from the channel with its gate figures, the canary version waiting for its trial, the events', async () => {
  await open('zh');
  assert.equal(await textOf('nav-models'), '模型');
  assert.equal(await page.getByTestId('trusted-root').getAttribute('data-trusted'), 'true');
  assert.match(await textOf('metadata-age'), /前检查 · 时间戳 6 天后过期/, 'a fresh 7-day timestamp, just checked');
  assert.match(await textOf('device-identity'), new RegExp(`设备 ${report.device.deviceId.slice(0, 8)} · 灰度分桶 ${report.device.bucket}`));
  assert.equal(await fireCard().getByTestId('live-version').getAttribute('data-version'), '3');
  assert.match(await textOf('live-version', fireCard()), /运行版本 v3 · 来自通道 /);
  assert.equal(await versionRow(FIRE, 3).locator('.state-badge').textContent(), '运行中');
  const agreement = versionRow(FIRE, 3).locator('[data-check="agreement"]');
  assert.equal(await agreement.locator('.check-figure').textContent(), agreementFigure());
  assert.match(await agreement.textContent() ?? '', /✓ 通过/);
  assert.match(await versionRow(FIRE, 3).locator('[data-check="latency"]').textContent() ?? '', /\d\.\d\d× \(≤ 1\.2×\)/);
  assert.match(await versionRow(FIRE, 3).locator('[data-check="memory"]').textContent() ?? '', /0\.03 MiB \(≤ 64 MiB\)/);
  assert.equal(await versionRow(PLUME, 2).locator('.state-badge').textContent(), '就绪');
  assert.match(await textOf('trial-waiting', versionRow(PLUME, 2)), /已通过准入检验，等待“金丝雀”试运行：试运行只在提供服务的引擎中进行.*下次更新时开始/);
  assert.equal(await page.getByTestId('trial').count(), 0, 'no trial runs yet');
  // Plume runs its shipped v1 and holds nothing before it: no rollback, and the button says why.
  const plumeCard = page.getByTestId(`model-${PLUME}`);
  const plumeReason = plumeCard.locator('[data-testid="rollback-reason"][data-reason="nothingEarlier"]');
  await plumeReason.waitFor();
  assert.equal(await plumeCard.getByTestId('rollback').isDisabled(), true);
  assert.equal(await plumeReason.textContent(), '无法回滚：本机没有 v1 之前的版本。');
  assert.equal(await plumeCard.getByTestId('rollback').getAttribute('aria-describedby'), await plumeReason.getAttribute('id'));
  assert.equal(await fireCard().getByTestId('rollback').isDisabled(), false, 'fire v3 can go back to v2');
  assert.deepEqual(await page.locator('[data-testid="model-events"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event'))).then((e) => e.slice(-3)),
    ['staged', 'checked', 'trusted'], 'the events newest first, back to the trust');
  await session.shot('models-zh');
});

test('en: the same facts in English', async () => {
  await open('en');
  assert.equal(await textOf('nav-models'), 'Models');
  assert.match(await textOf('metadata-age'), /checked (under a minute|\d+ min) ago · timestamp expires in 6 days/);
  assert.match(await textOf('live-version', fireCard()), /Running v3 · from the channel /);
  assert.equal(await versionRow(FIRE, 3).locator('.state-badge').textContent(), 'live');
  assert.equal(await versionRow(PLUME, 2).locator('.state-badge').textContent(), 'ready');
  assert.equal(await versionRow(FIRE, 3).locator('[data-check="agreement"] .check-figure').textContent(), agreementFigure());
  assert.match(await textOf('trial-waiting', versionRow(PLUME, 2)), /Passed its gate; waits for its canary trial\. A trial runs only in a serving engine .* it starts with the next update\./);
  const plumeReason = page.getByTestId(`model-${PLUME}`).locator('[data-testid="rollback-reason"][data-reason="nothingEarlier"]');
  await plumeReason.waitFor();
  assert.equal(await plumeReason.textContent(), 'Cannot roll back: this computer holds no version before v1.');
  await session.shot('models-en');
  await page.getByTestId(`model-${PLUME}`).screenshot({ path: join(SCREENSHOTS_DIR, 'models-rollback-disabled-en.png') });
});

test('update now without a configured channel shows the error code; rollback (confirmed) puts v2 live', async () => {
  await page.getByTestId('update-now').click();
  const refusal = page.getByTestId('update-error');
  await refusal.waitFor();
  assert.equal(await refusal.getAttribute('data-code'), ERROR_CODES.INVALID_FIELD);

  let asked = '';
  page.once('dialog', (dialog) => { asked = dialog.message(); void dialog.accept(); });
  await fireCard().getByTestId('rollback').click();
  await fireCard().getByTestId('rollback-result').waitFor();
  assert.match(asked, /Roll fire-spread-surrogate back from v3/);
  assert.match(await textOf('rollback-result', fireCard()), /^v3 → v2 in \d+(\.\d+)? ms$/);
  await fireCard().locator('[data-testid="live-version"][data-version="2"]').waitFor();
  assert.match(await textOf('live-version', fireCard()), /Running v2 · shipped with the app/);
  assert.equal(await versionRow(FIRE, 3).locator('.state-badge').textContent(), 'rolled back');
  assert.equal(await versionRow(FIRE, 2).locator('.state-badge').textContent(), 'live');
  // Newest first: the swap that carried the rollback out, then the rollback itself.
  const rows = page.locator('[data-testid="model-events"] tbody tr');
  assert.deepEqual([await rows.nth(0).getAttribute('data-event'), await rows.nth(1).getAttribute('data-event')], ['swapped', 'rolled-back']);
  assert.match(await rows.nth(0).textContent() ?? '', /fire-spread-surrogatev2swapped in \((beside the live models|drained first|drain timed out, loaded beside)\)/);
  // How that swap loaded, on the model's card: beside or drained, by this machine's free memory then.
  assert.match(await textOf('last-swap', fireCard()), /^Last swap \(.+\): (loaded beside the live models|drained first|the drain timed out).*\(needs [\d.]+ [MG]iB, [\d.]+ [MG]iB free\)/);
  assert.match(await rows.nth(1).textContent() ?? '', /fire-spread-surrogatev3 → v2rolled back/);
  await session.shot('models-en-rolled-back');
});

test('a dismissed confirm changes nothing; the viewer token reads the page with its buttons disabled', async () => {
  page.once('dialog', (dialog) => { void dialog.dismiss(); });
  await fireCard().getByTestId('rollback').click();
  await page.waitForTimeout(300);
  assert.equal(await fireCard().getByTestId('live-version').getAttribute('data-version'), '2', 'still v2: nothing was rolled back');

  const viewer = readFileSync(join(server.dataDir, 'viewer-token'), 'utf8').trim();
  await open('en', viewer);
  await page.waitForTimeout(500); // the role check (`about`, operator only) has answered
  assert.equal(await page.getByTestId('update-now').isDisabled(), true);
  for (const button of await page.getByTestId('rollback').all()) assert.equal(await button.isDisabled(), true);
});

test('the served engine updates from the channel: plume v2\'s canary trial runs, its figures and verdict shown in zh and en', async () => {
  // None is configured, so the request names the channel (the page's "update now" would be refused, as
  // above); the operation's arguments travel in the query (engine/contract/operations.ts, argsFromHttp).
  const response = await fetch(`${server.url}/v1/models/update?channel=${encodeURIComponent(channelDir)}`, {
    method: 'POST', headers: { authorization: `Bearer ${server.token}` },
  });
  assert.equal(response.status, 200, await response.clone().text());
  const served = await response.json() as UpdateReport;
  const outcome = (name: string) => served.models.find((m) => m.name === name);
  assert.equal(outcome(PLUME)?.outcome, 'trial', `${PLUME}: ${outcome(PLUME)?.message}`);
  assert.equal(outcome(FIRE)?.outcome, 'held', 'fire v3 was rolled back here: not taken again');

  // The canary answers one analysis in ten (the default share): the tenth of ten runs on v2 and names it, and
  // its twin on the live models makes the trial's first pair. The same incident each time: the other nine
  // are answered from the cache.
  const incident = JSON.parse(readFileSync(join(ROOT, 'examples', 'chlorine-tank-car-en.json'), 'utf8')) as Record<string, unknown>;
  const shown: string[] = [];
  for (let i = 0; i < 10; i++) {
    const analysis = await fetch(`${server.url}/v1/analyses`, {
      method: 'POST', headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' }, body: JSON.stringify(incident),
    });
    assert.equal(analysis.status, 200);
    const result = await analysis.json() as { status: string; models: Record<string, string> };
    assert.equal(result.status, 'ok');
    shown.push(result.models[PLUME] ?? '?');
  }
  assert.deepEqual(shown, [...Array(9).fill('1'), '2'], 'the tenth analysis was answered by the canary and names it');
  const viewOf = async () => await (await fetch(`${server.url}/v1/models/updates`, { headers: { authorization: `Bearer ${server.token}` } })).json() as ModelUpdatesView;
  for (let waited = 0; ((await viewOf()).trial?.figures.samples ?? 0) < 1; waited += 100) {
    assert.ok(waited < 30_000, 'the canary analysis\'s twin on the live models was paired');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  await open('zh');
  const plumeCard = page.getByTestId(`model-${PLUME}`);
  const trial = plumeCard.getByTestId('trial');
  await trial.waitFor();
  assert.equal(await trial.getAttribute('data-decision'), 'continue', 'one pair of 30: no verdict yet');
  assert.match(await textOf('trial-strategy', plumeCard), /^金丝雀：10 % 的分析由 v2 给出结果/, 'the default canary share');
  assert.match(await textOf('trial-started', plumeCard), /（不到 1 分钟前）/);
  assert.match(await trial.locator('[data-check="samples"]').textContent() ?? '', /1 \(≥ 30\)… 尚未判定$/);
  // The same model bytes on both sides: the pair agrees, neither errs.
  assert.match(await trial.locator('[data-check="agreement"]').textContent() ?? '', /100\.0 % \(≥ 90\.0 %\)✓ 通过$/, 'against the channel\'s floor (90 %)');
  assert.match(await trial.locator('[data-check="errors"]').textContent() ?? '', /0\.0 % \/ 0\.0 % · z 0\.00 \(≤ 1\.645\)✓ 通过$/);
  assert.match(await trial.locator('[data-check="latency"]').textContent() ?? '', /— \(≤ 1\.5×\)… 尚未判定$/, 'the first pairs are warm-up: not timed');
  assert.match(await trial.locator('[data-check="windows"]').textContent() ?? '', /0 \(< 2\)… 尚未判定$/, 'not one whole window of 10 pairs yet');
  assert.match(await textOf('trial-verdict', plumeCard), /结论：继续试运行.*依据：1 of 30 pairs/);
  assert.match(await textOf('trial-on', versionRow(PLUME, 2)), /正在试运行（金丝雀）/);
  assert.equal(await versionRow(PLUME, 2).getByTestId('trial-waiting').count(), 0);
  const newest = page.locator('[data-testid="model-events"] tbody tr').first();
  assert.equal(await newest.getAttribute('data-event'), 'trial-started');
  assert.match(await newest.textContent() ?? '', /plume-surrogatev2开始试运行/);
  await session.shot('models-zh-trial');

  await open('en');
  await trial.waitFor();
  assert.match(await textOf('trial', plumeCard), /v2 on trial \(canary\)/);
  assert.match(await textOf('trial-strategy', plumeCard), /^Canary: 10 % of analyses are answered by v2/);
  assert.match(await trial.locator('[data-check="agreement"]').textContent() ?? '', /^agreement with the live results100\.0 % \(≥ 90\.0 %\)✓ pass$/);
  assert.match(await trial.locator('[data-check="latency"]').textContent() ?? '', /— \(≤ 1\.5×\)… not yet$/);
  assert.match(await trial.locator('[data-check="windows"]').textContent() ?? '', /^failed check windows in a row \(10 pairs each; 2 roll back\)0 \(< 2\)… not yet$/);
  assert.match(await textOf('trial-verdict', plumeCard), /Verdict: continuing.*reason: 1 of 30 pairs/);
  assert.match(await newest.textContent() ?? '', /plume-surrogatev2trial started/);
  await session.shot('models-en-trial');
});
