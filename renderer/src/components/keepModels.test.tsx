// Keeping an incident's model versions on a re-run (docs/updates.md#keeping-an-incidents-models): the re-run
// form's checkbox, what it sends, and what the run's changes say about the models and the facts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { initI18n } from '../i18n/i18n.js';
import { KeepModelsChoice } from './KeepModelsChoice.js';
import { RunChanges } from './RunChanges.js';
import { changeCause, modelChoiceFor } from '../logic/modelChoice.js';
import { createIpcTransport } from '../transport/ipcTransport.js';
import type { StoredRun } from '../transport/engineTransport.js';
import type { SafeEdgeBridge } from '../../../engine/contract/ipc.js';

initI18n('zh');

const incidentModels = { versions: { 'fire-spread-surrogate': '3', 'incident-classifier': '2' }, liveNow: { 'fire-spread-surrogate': '2' }, keep: true };

// (The form itself, EditIncidentPage, imports the examples through Vite: test/e2e/keepModels.e2e.test.ts drives it.)
test('the re-run form\'s checkbox names the versions the live models moved from, ticked as the incident last chose', async () => {
  const zhHtml = renderToStaticMarkup(<KeepModelsChoice incidentModels={incidentModels} keep onChange={() => {}} />);
  assert.match(zhHtml, /保留本事件首次分析所用的模型版本（fire-spread-surrogate v3，当前为 v2）/);
  assert.match(zhHtml, /name="keep-models" checked=""/);
  await i18next.changeLanguage('en');
  const enHtml = renderToStaticMarkup(<KeepModelsChoice incidentModels={{ ...incidentModels, liveNow: {}, keep: false }} keep={false} onChange={() => {}} />);
  assert.match(enHtml, /Keep the model versions this incident started with \(the same as the live versions now\)/);
  assert.doesNotMatch(enHtml, /name="keep-models" checked/);
  await i18next.changeLanguage('zh');
});

test('a re-run always says which models it wants; a new incident says nothing', () => {
  assert.deepEqual(modelChoiceFor(incidentModels, true), { models: 'incident' });
  assert.deepEqual(modelChoiceFor(incidentModels, false), { models: 'live' });
  assert.deepEqual(modelChoiceFor(undefined, true), {});
  assert.deepEqual(modelChoiceFor({ versions: {}, liveNow: {}, keep: false }, true), {}, 'an incident whose runs named no model');
});

test('the choice reaches the engine through the desktop bridge', async () => {
  const calls: unknown[] = [];
  const bridge = { invoke: async (_name: string, args: unknown) => { calls.push(args); return { id: 'inc', status: 'ok', models: {}, timingsMs: {} }; }, onEngineStatus: () => () => {} } as unknown as SafeEdgeBridge;
  await createIpcTransport(bridge).analyze({ id: 'inc', text: 'x' }, () => {}, modelChoiceFor(incidentModels, true));
  // Beside the submission's own idempotency key (transport.test.ts).
  const sent = calls.map((args) => { const { idempotencyKey: _key, ...rest } = args as { idempotencyKey?: string }; return rest; });
  assert.deepEqual(sent, [{ incident: { id: 'inc', text: 'x' }, analysisId: 'inc', models: 'incident' }]);
});

test('a run\'s changes say whether the facts or the models moved, and that it kept its models', () => {
  assert.equal(changeCause([{ what: 'model fire-spread-surrogate', before: '3', after: '2' }, { what: 'type', before: 'a', after: 'b' }]), 'models');
  assert.equal(changeCause([{ what: 'facts', before: 'earlier facts', after: 'new facts' }]), 'inputs');
  assert.equal(changeCause([{ what: 'facts', before: 'x', after: 'y' }, { what: 'model plume-surrogate', before: '1', after: '2' }]), 'both');
  assert.equal(changeCause([{ what: 'severity', before: 'II', after: 'I' }]), 'none');
  const stored = {
    run: { runId: 'r2', incidentId: 'inc', seq: 2, createdAt: '', status: 'ok', type: null, severity: null, totalMs: null, text: '' },
    incident: {}, models: {}, incidentModels,
    result: { id: 'inc', status: 'ok', models: {}, timingsMs: {}, modelChoice: 'incident' },
    changesSincePrevious: [{ what: 'facts', before: 'earlier facts', after: 'new facts' }],
  } as unknown as StoredRun;
  const html = renderToStaticMarkup(<RunChanges stored={stored} />);
  assert.match(html, /只有报告或事实变了：模型版本相同/);
  assert.match(html, /本次分析保留了该事件首次分析所用的模型版本/);
  const live = renderToStaticMarkup(<RunChanges stored={{ ...stored, result: { ...stored.result, modelChoice: 'live' } }} />);
  assert.doesNotMatch(live, /kept-models/);
});
