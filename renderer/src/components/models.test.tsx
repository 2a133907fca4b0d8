// The Models page's panels under Node (react-dom/server): the channel's age and the untrusted case with
// the command to pin one, state badges in words in both languages, the gate's figures, the canary note,
// and the viewer seeing the rollback button disabled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { initI18n } from '../i18n/i18n.js';
import { ChannelPanel, EventTable, ModelCard, UpdateReportView } from './ModelPanels.js';
import { modelSummaries, TRUST_COMMAND } from '../logic/models.js';
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
  live: { [FIRE]: { version: 3, source: '/media/usb/channel' }, [PLUME]: { version: 1, source: 'shipped' } },
  versions: [
    { name: FIRE, version: 3, source: '/media/usb/channel', state: 'live', sha256: 'a'.repeat(64), facts: facts(FIRE, 3, 'immediate'), gate, updatedAt: iso(NOW_MS - HOUR_MS) },
    { name: PLUME, version: 2, source: '/media/usb/channel', state: 'ready', sha256: 'b'.repeat(64), facts: facts(PLUME, 2, 'canary'), gate, updatedAt: iso(NOW_MS - HOUR_MS) },
  ],
  events: [{ id: 3, at: iso(NOW_MS), name: FIRE, version: 2, event: 'rolled-back', code: null, detail: { from: 3, reason: 'manual' } },
    { id: 2, at: iso(NOW_MS - HOUR_MS), name: FIRE, version: 3, event: 'gate-passed', code: null, detail: {} },
    { id: 1, at: iso(NOW_MS - 2 * HOUR_MS), name: 'channel', version: null, event: 'refused', code: 'SAFE_E_UPDATE_EXPIRED', detail: {} }],
  lastMetadata: { timestampVersion: 2, snapshotVersion: 2, targetsVersion: 2, timestampExpires: iso(NOW_MS + 4 * 24 * HOUR_MS + HOUR_MS), expiredTimestampAccepted: false, checkedAt: iso(NOW_MS - 3 * HOUR_MS) },
};
const [fire, plume] = modelSummaries(view) as [ReturnType<typeof modelSummaries>[number], ReturnType<typeof modelSummaries>[number]];
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

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

test('a model: live version and source, each version\'s state as a word, the gate figures beside their bounds', async () => {
  const zh = renderToStaticMarkup(<ModelCard model={fire} canOperate busy={false} outcome={undefined} onRollback={noop} />);
  assert.match(text(zh), /运行版本 v3 · 来自通道 \/media\/usb\/channel/);
  assert.match(zh, /<span class="state-badge state-live" data-state="live">运行中<\/span>/);
  assert.match(text(zh), /一致率 100\.0 % \(≥ 90\.0 %\) ✓ 通过/);
  assert.match(text(zh), /P95 相对误差 8\.8 % \(≤ 9\.8 %\)/);
  assert.match(text(zh), /延迟（p95 比值） 1\.06× \(≤ 1\.2×\)/);
  assert.match(text(zh), /内存 0\.03 MiB \(≤ 64 MiB\)/);
  assert.doesNotMatch(zh, /strategy-not-built/, 'an immediate rollout needs no note');
  await i18next.changeLanguage('en');
  const en = renderToStaticMarkup(<ModelCard model={plume} canOperate busy={false} outcome={undefined} onRollback={noop} />);
  assert.match(en, />ready<\/span>/);
  assert.match(text(en), /Running v1 · shipped with the app/);
  assert.match(text(en), /rollout: 100% of devices, canary/);
  assert.match(text(en), /The canary strategy is not built yet: this version passed its gate and waits ready/);
  await i18next.changeLanguage('zh');
});

test('rollback: the operator\'s button, the viewer\'s disabled; the result or the error code under it', () => {
  const operator = renderToStaticMarkup(<ModelCard model={fire} canOperate busy={false} outcome={{ result: { name: FIRE, fromVersion: 3, toVersion: 2, durationMs: 15 } }} onRollback={noop} />);
  assert.match(operator, /<button type="button" data-testid="rollback">回滚 fire-spread-surrogate<\/button>/);
  assert.match(text(operator), /v3 → v2，用时 15 ms/);
  const viewer = renderToStaticMarkup(<ModelCard model={fire} canOperate={false} busy={false} outcome={{ problem: { code: 'SAFE_E_MODEL_MISSING', message: 'no version before v1' } }} onRollback={noop} />);
  assert.match(viewer, /<button type="button" disabled="" title="仅操作员可用[^"]*" data-testid="rollback">/);
  assert.match(viewer, /data-code="SAFE_E_MODEL_MISSING">SAFE_E_MODEL_MISSING：no version before v1/);
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
  assert.match(renderToStaticMarkup(<EventTable events={[]} />), /暂无更新事件/);
});
