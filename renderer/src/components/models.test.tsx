// The Models page's panels under Node (react-dom/server): the channel's age and the untrusted case with
// the command to pin one, state badges in words in both languages, the gate's figures, a canary version
// waiting for its trial, a running trial's figures and verdict in zh and en, and the viewer seeing the
// rollback button disabled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { initI18n } from '../i18n/i18n.js';
import { ChannelPanel, EventTable, ModelCard, TrialPanel, UpdateReportView } from './ModelPanels.js';
import { modelSummaries, TRUST_COMMAND, type RunningTrial } from '../logic/models.js';
import type { ModelUpdatesView, UpdateReport } from '../../../engine/contract/modelUpdates.js';
import type { ModelTargetFacts } from '../../../engine/contract/modelChannel.js';

initI18n('zh');

const HOUR_MS = 3_600_000;
const NOW_MS = Date.parse('2026-05-10T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const FIRE = 'fire-spread-surrogate';
const PLUME = 'plume-surrogate';
const noop = () => {};

const facts = (name: string, version: number, strategy: ModelTargetFacts['rollout']['strategy']): ModelTargetFacts => ({
  name, version, task: 'surrogate', sha256: 'a'.repeat(64), bytes: 14002, inputs: [], outputs: [], minEngineVersion: '0.1.0',
  scoresBp: { p95RelError: 884 }, rollout: { percent: 100, strategy, minAgreementBp: 9000 }, files: ['manifest.json', 'model.onnx'], publishedAt: iso(NOW_MS),
});
const gate = {
  passed: true, durationMs: 1840, checks: [
    { check: 'loads' as const, passed: true, value: null, bound: null, detail: 'v3 verified, loaded and warmed; 400 evaluation cases' },
    { check: 'score' as const, passed: true, value: 0.0884, bound: 0.0984, detail: '' },
    { check: 'agreement' as const, passed: true, value: 1, bound: 0.9, detail: '' },
    { check: 'latency' as const, passed: true, value: 1.0567, bound: 1.2, detail: '' },
    { check: 'memory' as const, passed: true, value: 28_004, bound: 64 * 1_048_576, detail: '' },
  ],
};
const view: ModelUpdatesView = {
  trustedRoot: { version: 1, expires: iso(NOW_MS + 365 * 24 * HOUR_MS), keyIds: {}, file: '/data/updates/root.json' },
  channel: null,
  trial: null,
  device: { deviceId: '0123456789abcdef0123456789abcdef', bucket: 42 },
  live: { [FIRE]: { version: 3, source: '/media/usb/channel', rollbackTo: 2 }, [PLUME]: { version: 1, source: 'shipped', rollbackTo: null } },
  versions: [
    { name: FIRE, version: 3, source: '/media/usb/channel', state: 'live', sha256: 'a'.repeat(64), facts: facts(FIRE, 3, 'immediate'), gate, updatedAt: iso(NOW_MS - HOUR_MS) },
    { name: PLUME, version: 2, source: '/media/usb/channel', state: 'ready', sha256: 'b'.repeat(64), facts: facts(PLUME, 2, 'canary'), gate, updatedAt: iso(NOW_MS - HOUR_MS) },
  ],
  events: [{ id: 6, at: iso(NOW_MS), name: PLUME, version: 3, event: 'auto-rollback', code: 'SAFE_E_UPDATE_TRIAL_FAILED', detail: { reason: '2 check windows in a row failed: agreement 40.0 % < 90 %' } },
    { id: 5, at: iso(NOW_MS), name: PLUME, version: 3, event: 'trial-started', code: null, detail: { strategy: 'canary', canaryShare: 0.1 } },
    { id: 4, at: iso(NOW_MS), name: FIRE, version: 4, event: 'promoted', code: null, detail: { reason: 'after 30 pairs: agreement 100.0 %' } },
    { id: 3, at: iso(NOW_MS), name: FIRE, version: 2, event: 'rolled-back', code: null, detail: { from: 3, reason: 'manual' } },
    { id: 2, at: iso(NOW_MS - HOUR_MS), name: FIRE, version: 3, event: 'gate-passed', code: null, detail: {} },
    { id: 1, at: iso(NOW_MS - 2 * HOUR_MS), name: 'channel', version: null, event: 'refused', code: 'SAFE_E_UPDATE_EXPIRED', detail: {} }],
  lastMetadata: { timestampVersion: 2, snapshotVersion: 2, targetsVersion: 2, timestampExpires: iso(NOW_MS + 4 * 24 * HOUR_MS + HOUR_MS), expiredTimestampAccepted: false, checkedAt: iso(NOW_MS - 3 * HOUR_MS) },
};
const [fire, plume] = modelSummaries(view) as [ReturnType<typeof modelSummaries>[number], ReturnType<typeof modelSummaries>[number]];
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

test('channel: root, metadata age ("checked 3 h ago, timestamp expires in 4 days"), the short device id and its bucket, in zh and en', async () => {
  const zh = text(renderToStaticMarkup(<ChannelPanel view={view} nowMs={NOW_MS} />));
  assert.match(zh, /3 小时前检查 · 时间戳 4 天后过期/);
  assert.match(zh, /设备 01234567 · 灰度分桶 42/);
  await i18next.changeLanguage('en');
  const en = text(renderToStaticMarkup(<ChannelPanel view={view} nowMs={NOW_MS} />));
  assert.match(en, /checked 3 h ago · timestamp expires in 4 days/);
  assert.match(en, /version 1, expires/);
  const stale = renderToStaticMarkup(<ChannelPanel view={{ ...view, lastMetadata: { ...view.lastMetadata!, timestampExpires: iso(NOW_MS - 2 * HOUR_MS), expiredTimestampAccepted: true } }} nowMs={NOW_MS} />);
  assert.match(stale, /data-stale="true"/);
  assert.match(text(stale), /timestamp expired 2 h ago/);
  assert.match(text(stale), /an expired timestamp was accepted/);
  const untrusted = text(renderToStaticMarkup(<ChannelPanel view={{ ...view, trustedRoot: null, lastMetadata: null }} nowMs={NOW_MS} />));
  assert.match(untrusted, /No channel trusted/);
  assert.ok(untrusted.includes(TRUST_COMMAND), 'the command that pins one is shown');
  assert.match(untrusted, /has not been checked yet/);
  await i18next.changeLanguage('zh');
});

test('a model: live version and source, each version\'s state as a word, the gate figures beside their bounds; a canary version waits for its trial', async () => {
  const zh = renderToStaticMarkup(<ModelCard nowMs={NOW_MS} model={fire} canOperate busy={false} outcome={undefined} onRollback={noop} />);
  assert.match(text(zh), /运行版本 v3 · 来自通道 \/media\/usb\/channel/);
  assert.match(zh, /<span class="state-badge state-live" data-state="live">运行中<\/span>/);
  assert.match(text(zh), /一致率 100\.0 % \(≥ 90\.0 %\) ✓ 通过/);
  assert.match(text(zh), /P95 相对误差 8\.8 % \(≤ 9\.8 %\)/);
  assert.match(text(zh), /延迟（p95 比值） 1\.06× \(≤ 1\.2×\)/);
  assert.match(text(zh), /内存 0\.03 MiB \(≤ 64 MiB\)/);
  assert.doesNotMatch(zh, /trial-waiting|trial-on/, 'an immediate rollout needs no trial note');
  assert.match(text(renderToStaticMarkup(<ModelCard nowMs={NOW_MS} model={plume} canOperate busy={false} outcome={undefined} onRollback={noop} />)),
    /已通过准入检验，等待“金丝雀”试运行：试运行只在提供服务的引擎中进行（应用或 safe-edge serve），一次一个；下次更新时开始/);
  await i18next.changeLanguage('en');
  const en = renderToStaticMarkup(<ModelCard nowMs={NOW_MS} model={plume} canOperate busy={false} outcome={undefined} onRollback={noop} />);
  assert.match(en, />ready<\/span>/);
  assert.match(text(en), /Running v1 · shipped with the app/);
  assert.match(text(en), /rollout: 100% of devices, canary/);
  assert.match(en, /data-testid="trial-waiting"/);
  assert.match(text(en), /Passed its gate; waits for its canary trial\. A trial runs only in a serving engine \(the app or safe-edge serve\), one at a time; it starts with the next update\./);
  assert.doesNotMatch(en, /data-testid="trial"/, 'no trial runs: no trial panel');
  await i18next.changeLanguage('zh');
});

/** A canary of plume v2 at 10 %, 2 h in: 12 of 30 pairs, one trial error, the first window failed. */
const running: RunningTrial = {
  name: PLUME, version: 2, strategy: 'canary', canaryShare: 0.1, startedAt: iso(NOW_MS - 2 * HOUR_MS), decision: 'continue', reason: '12 of 30 pairs',
  figures: { samples: 12, agreement: 0.9167, liveErrorRate: 0, trialErrorRate: 1 / 12, errorZ: 1.0445, latencyRatio: 1.62, failedWindows: 1 },
  rules: { minSamples: 30, windowSize: 10, failedWindowsToRollback: 2, minAgreement: 0.9, latencyRatio: 1.5, errorZ: 1.645, warmupPairs: 5 },
};

test('a running trial on its model: strategy, start, each figure beside its bound with its verdict in words, the verdict and its reason, in zh and en', async () => {
  const [, onTrial] = modelSummaries({ ...view, trial: running }) as [ReturnType<typeof modelSummaries>[number], ReturnType<typeof modelSummaries>[number]];
  const zhHtml = renderToStaticMarkup(<ModelCard nowMs={NOW_MS} model={onTrial} canOperate busy={false} outcome={undefined} onRollback={noop} />);
  const zh = text(zhHtml);
  assert.match(zhHtml, /data-testid="trial" data-decision="continue"/);
  assert.match(zh, /v2 试运行中（金丝雀）/);
  assert.match(zh, /金丝雀：10 % 的分析由 v2 给出结果/);
  assert.match(zh, /2 小时前/);
  assert.match(zh, /已比对的分析对数（最小样本） 12 \(≥ 30\) … 尚未判定/);
  assert.match(zh, /与现行结果一致率 91\.7 % \(≥ 90\.0 %\) ✓ 通过/);
  assert.match(zh, /错误率：试运行 \/ 现行（z 检验） 8\.3 % \/ 0\.0 % · z 1\.04 \(≤ 1\.645\) ✓ 通过/);
  assert.match(zh, /耗时中位比（试运行 ÷ 现行） 1\.62× \(≤ 1\.5×\) ✗ 未通过/);
  assert.match(zh, /连续未通过的检查窗口（每窗 10 对，2 个即回滚） 1 \(< 2\) ✓ 通过/);
  assert.match(zh, /结论：继续试运行 依据：12 of 30 pairs/);
  assert.match(zh, /正在试运行（金丝雀）：数据见上方试运行面板/, 'the version row points to the panel');
  assert.doesNotMatch(zhHtml, /trial-waiting/);

  await i18next.changeLanguage('en');
  const en = text(renderToStaticMarkup(<ModelCard nowMs={NOW_MS} model={onTrial} canOperate busy={false} outcome={undefined} onRollback={noop} />));
  assert.match(en, /v2 on trial \(canary\)/);
  assert.match(en, /Canary: 10 % of analyses are answered by v2/);
  assert.match(en, /started .* \(2 h ago\); the figures so far/);
  assert.match(en, /pairs compared \(minimum sample\) 12 \(≥ 30\) … not yet/);
  assert.match(en, /agreement with the live results 91\.7 % \(≥ 90\.0 %\) ✓ pass/);
  assert.match(en, /error rate: trial \/ live \(z-test\) 8\.3 % \/ 0\.0 % · z 1\.04 \(≤ 1\.645\) ✓ pass/);
  assert.match(en, /median time ratio \(trial ÷ live\) 1\.62× \(≤ 1\.5×\) ✗ fail/);
  assert.match(en, /failed check windows in a row \(10 pairs each; 2 roll back\) 1 \(< 2\) ✓ pass/);
  assert.match(en, /Verdict: continuing reason: 12 of 30 pairs/);

  // The other verdicts in words, and a shadow's way of running.
  const promote = text(renderToStaticMarkup(<TrialPanel nowMs={NOW_MS} trial={{ ...running, strategy: 'shadow', decision: 'promote', reason: 'after 30 pairs: agreement 96.7 %, errors not above live, median time 1.04x' }} />));
  assert.match(promote, /Shadow: every analysis is answered by the live models and runs again on v2 in the background/);
  assert.match(promote, /Verdict: will be promoted; v2 goes live for every analysis reason: after 30 pairs: agreement 96\.7 %/);
  const rollback = renderToStaticMarkup(<TrialPanel nowMs={NOW_MS} trial={{ ...running, decision: 'rollback', reason: '2 check windows in a row failed: agreement 40.0 % < 90 %', figures: { ...running.figures, samples: 20, agreement: 0.4, failedWindows: 2 } }} />);
  assert.match(text(rollback), /Verdict: will be rolled back automatically reason: 2 check windows in a row failed/);
  assert.match(rollback, /data-check="windows" data-verdict="fail"/);
  // Another model's card knows a trial runs: its own waiting version would name it.
  const [fireSummary] = modelSummaries({ ...view, trial: running });
  assert.doesNotMatch(renderToStaticMarkup(<ModelCard nowMs={NOW_MS} model={fireSummary!} canOperate busy={false} outcome={undefined} onRollback={noop} />), /data-testid="trial"/);
  await i18next.changeLanguage('zh');
});

test('a version waiting while another model\'s trial runs names that trial', async () => {
  const other: RunningTrial = { ...running, name: FIRE, version: 4 };
  const [, waiting] = modelSummaries({ ...view, trial: other }) as [ReturnType<typeof modelSummaries>[number], ReturnType<typeof modelSummaries>[number]];
  assert.match(text(renderToStaticMarkup(<ModelCard nowMs={NOW_MS} model={waiting} canOperate busy={false} outcome={undefined} onRollback={noop} />)), /一次只试运行一个版本，fire-spread-surrogate v4 的试运行在先/);
  await i18next.changeLanguage('en');
  assert.match(text(renderToStaticMarkup(<ModelCard nowMs={NOW_MS} model={waiting} canOperate busy={false} outcome={undefined} onRollback={noop} />)), /the trial of fire-spread-surrogate v4 runs first; this one starts with the next update after it ends/);
  await i18next.changeLanguage('zh');
});

test('rollback: the operator\'s button, the viewer\'s disabled; the result or the error code under it', () => {
  const operator = renderToStaticMarkup(<ModelCard nowMs={NOW_MS} model={fire} canOperate busy={false} outcome={{ result: { name: FIRE, fromVersion: 3, toVersion: 2, durationMs: 15 } }} onRollback={noop} />);
  assert.match(operator, /<button type="button" data-testid="rollback">回滚 火蔓延代理模型<\/button>/);
  assert.match(text(operator), /v3 → v2，用时 15 ms/);
  const viewer = renderToStaticMarkup(<ModelCard nowMs={NOW_MS} model={fire} canOperate={false} busy={false} outcome={{ problem: { code: 'SAFE_E_MODEL_MISSING', message: 'no version before v1' } }} onRollback={noop} />);
  assert.match(viewer, /<button type="button" disabled="" title="仅操作员可用[^"]*" aria-describedby="rollback-reason-fire-spread-surrogate" data-testid="rollback">/);
  assert.match(viewer, /<p class="muted rollback-reason" id="rollback-reason-fire-spread-surrogate" data-testid="rollback-reason" data-reason="viewer">仅操作员可用/);
  // What to do in the UI language, with the stable code and the engine's words open beside it.
  assert.match(viewer, /data-code="SAFE_E_MODEL_MISSING"><p><strong>找不到所需的模型文件。<\/strong>.*<details[^>]* open=""><summary>技术信息<\/summary><code>SAFE_E_MODEL_MISSING<\/code><p>no version before v1<\/p>/);
});

test('rollback with nothing to go back to: disabled for the operator too, the reason beside it and read with it, zh and en', async () => {
  // The engine says plume v1 has nothing before it (live.rollbackTo null); fire v3 can go back to v2.
  const html = renderToStaticMarkup(<ModelCard nowMs={NOW_MS} model={plume} canOperate busy={false} outcome={undefined} onRollback={noop} />);
  assert.match(html, /<button type="button" disabled="" title="无法回滚：本机没有 v1 之前的版本。" aria-describedby="rollback-reason-plume-surrogate" data-testid="rollback">/);
  assert.match(html, /<p class="muted rollback-reason" id="rollback-reason-plume-surrogate" data-testid="rollback-reason" data-reason="nothingEarlier">无法回滚：本机没有 v1 之前的版本。<\/p>/);
  await i18next.changeLanguage('en');
  const en = renderToStaticMarkup(<ModelCard nowMs={NOW_MS} model={plume} canOperate busy={false} outcome={undefined} onRollback={noop} />);
  assert.match(en, /id="rollback-reason-plume-surrogate"[^>]*>Cannot roll back: this computer holds no version before v1\.<\/p>/);
  await i18next.changeLanguage('zh');
  const noLive = renderToStaticMarkup(<ModelCard nowMs={NOW_MS} model={{ ...plume, live: null }} canOperate busy={false} outcome={undefined} onRollback={noop} />);
  assert.match(noLive, /disabled=""[^>]*data-testid="rollback"/);
  assert.match(noLive, /data-reason="noLive">没有正在运行的版本，无从回滚。/);
  const fireHtml = renderToStaticMarkup(<ModelCard nowMs={NOW_MS} model={fire} canOperate busy={false} outcome={undefined} onRollback={noop} />);
  assert.match(fireHtml, /<button type="button" data-testid="rollback">/, 'fire can go back to v2: enabled, nothing to explain');
  assert.doesNotMatch(fireHtml, /rollback-reason/);
});

test('an update\'s report per model, and the events with their codes', () => {
  const report: UpdateReport = {
    channel: '/media/usb/channel', checkedAt: iso(NOW_MS), metadata: { timestampVersion: 2, snapshotVersion: 2, targetsVersion: 2, timestampExpires: iso(NOW_MS), expiredTimestampAccepted: false },
    device: view.device, live: { [FIRE]: 3 }, swapped: true,
    models: [{ name: FIRE, fromVersion: 2, toVersion: 3, outcome: 'updated', message: 'v2 → v3', gate }, { name: PLUME, fromVersion: 1, toVersion: 2, outcome: 'refused', code: 'SAFE_E_UPDATE_TAMPERED', message: 'sha256 differs' }],
  };
  const html = text(renderToStaticMarkup(<UpdateReportView report={report} versions={view.versions} />));
  assert.match(html, /fire-spread-surrogate 已更新 v2 → v3 v2 → v3 — 通过/);
  assert.match(html, /plume-surrogate 已拒绝 sha256 differs v1 → v2 SAFE_E_UPDATE_TAMPERED/);
  const events = text(renderToStaticMarkup(<EventTable events={view.events} />));
  assert.match(events, /fire-spread-surrogate v3 → v2 回滚 —/, 'a rollback names the version it left');
  assert.match(events, /fire-spread-surrogate v3 检验通过 —/);
  assert.match(events, /通道 — 拒绝 SAFE_E_UPDATE_EXPIRED/);
  assert.match(events, /plume-surrogate v3 开始试运行 —/);
  assert.match(events, /fire-spread-surrogate v4 试运行后转正 —/);
  assert.match(events, /plume-surrogate v3 试运行未通过，自动回滚 SAFE_E_UPDATE_TRIAL_FAILED/);
  assert.match(renderToStaticMarkup(<EventTable events={view.events} />), /title="2 check windows in a row failed: agreement 40\.0 % &lt; 90 %"/, 'the reason on hover');
  assert.match(renderToStaticMarkup(<EventTable events={[]} />), /暂无更新事件/);
});

test('how a swap loaded: on the model card, in the update report and beside the swapped event, in zh and en', async () => {
  const record = { estimateBytes: 96 * 1_048_576, freeBytes: 40 * 1_048_576, marginBytes: 256 * 1_048_576, budgetBytes: null, rssBytes: 1, workers: 2, drainTimedOut: false, reason: 'estimate over free memory' };
  const swapped = { id: 7, at: iso(NOW_MS), name: FIRE, version: 3, event: 'swapped', code: null, detail: { ...record, way: 'drained' } };
  const [drained] = modelSummaries({ ...view, events: [swapped, ...view.events] });
  const report: UpdateReport = {
    channel: '/media/usb/channel', checkedAt: iso(NOW_MS), metadata: { timestampVersion: 2, snapshotVersion: 2, targetsVersion: 2, timestampExpires: iso(NOW_MS), expiredTimestampAccepted: false },
    device: view.device, live: { [FIRE]: 3 }, swapped: true, models: [], swap: { ...record, way: 'beside', estimateBytes: 8 * 1_048_576 },
  };
  const card = () => text(renderToStaticMarkup(<ModelCard nowMs={NOW_MS} model={drained!} canOperate busy={false} outcome={undefined} onRollback={noop} />));
  assert.match(card(), /上次换入（[^）]+）：先排空再加载：可用内存不足（预计需 96 MiB，可用 40 MiB），新分析排队等候/);
  assert.match(text(renderToStaticMarkup(<UpdateReportView report={report} versions={view.versions} />)), /与运行中的模型并行加载，分析未中断（预计需 8\.00 MiB，可用 40 MiB）/);
  assert.match(text(renderToStaticMarkup(<EventTable events={[swapped]} />)), /已换入运行（先排空再加载）/);
  assert.doesNotMatch(text(renderToStaticMarkup(<ModelCard nowMs={NOW_MS} model={fire} canOperate busy={false} outcome={undefined} onRollback={noop} />)), /上次换入/, 'no swap recorded: nothing said');
  await i18next.changeLanguage('en');
  try {
    assert.match(card(), /Last swap \([^)]+\): drained first: not enough free memory \(needs 96 MiB, 40 MiB free\)/);
    assert.match(text(renderToStaticMarkup(<EventTable events={[{ ...swapped, detail: { ...record, way: 'drained', drainTimedOut: true } }]} />)), /swapped in \(drain timed out, loaded beside\)/i);
  } finally {
    await i18next.changeLanguage('zh');
  }
});
