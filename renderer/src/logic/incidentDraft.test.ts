// Drafts of new incidents: kept per form, read back only when they fit the form, never throwing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyForm } from './incidentForm.js';
import { discardDraft, draftKey, loadDraft, saveDraft } from './incidentDraft.js';

function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() { return data.size; },
    clear: () => data.clear(),
    getItem: (k: string) => data.get(k) ?? null,
    key: (i: number) => [...data.keys()][i] ?? null,
    removeItem: (k: string) => { data.delete(k); },
    setItem: (k: string, v: string) => { data.set(k, v); },
  };
}

test('a draft round-trips; the new incident and each re-run have their own', () => {
  const storage = memoryStorage();
  const form = { ...emptyForm(null), text: '液氯槽罐车侧翻，黄绿色气体', resources: [{ id: 'U1', kind: 'hazmat_team' as const, etaMin: '12' }] };
  assert.equal(saveDraft(storage, draftKey(null), form, new Date('2026-11-30T02:00:00Z')), true);
  assert.deepEqual(loadDraft(storage, draftKey(null)), { savedAt: '2026-11-30T02:00:00.000Z', form });
  assert.equal(loadDraft(storage, draftKey('run-7')), null, 'a re-run does not pick up the new incident\'s draft');
  assert.notEqual(draftKey('run-7'), draftKey('run-8'));
  discardDraft(storage, draftKey(null));
  assert.equal(loadDraft(storage, draftKey(null)), null);
});

test('a damaged or foreign draft is not restored (and does not throw); a refusing storage is reported', () => {
  const storage = memoryStorage();
  storage.setItem(draftKey(null), '{not json');
  assert.equal(loadDraft(storage, draftKey(null)), null);
  storage.setItem(draftKey(null), JSON.stringify({ version: 1, savedAt: 'x', form: { text: 'only text' } }));
  assert.equal(loadDraft(storage, draftKey(null)), null);
  const full = { ...memoryStorage(), setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } } as Storage;
  assert.equal(saveDraft(full, draftKey(null), emptyForm(null), new Date()), false);
});
