import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIncident } from '../contract/parseIncident.js';
import type { AnalysisResult } from '../contract/result.js';
import { migrate, openDatabase } from './database.js';
import { MIGRATIONS } from './migrations.js';
import { AnalysisStore } from './analysisStore.js';

const result = (id: string, severity: 'III' | 'IV', total: number): AnalysisResult => ({
  id, status: 'ok', models: { 'incident-classifier': '1' }, timingsMs: { total },
  strategist: { type: 'flood', severity } as AnalysisResult['strategist'],
});

test('migrations run once, in WAL mode, and reopen cleanly', () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-db-'));
  const db = openDatabase(dir);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
  assert.equal(migrate(db), MIGRATIONS.length, 'a second migrate is a no-op');
  db.close();
  const again = openDatabase(dir);
  assert.equal(again.pragma('user_version', { simple: true }), MIGRATIONS.length);
  again.close();
});

test('history carries the incident\'s reported time and place, and null where the incident gave none', () => {
  const db = openDatabase(mkdtempSync(join(tmpdir(), 'safe-db-')));
  const store = new AnalysisStore(db);
  store.saveRun(parseIncident({ id: 'cl2', text: 'chlorine leak', reportedAt: '2024-03-12T22:40:00+08:00', location: { lat: 29.37, lon: 113.09 } }), result('cl2', 'IV', 10));
  store.saveRun(parseIncident({ id: 'bare', text: 'levee breach' }), result('bare', 'IV', 10));
  const byId = new Map(store.history(10).map((r) => [r.incidentId, r]));
  assert.equal(byId.get('cl2')?.reportedAt, '2024-03-12T22:40:00+08:00');
  assert.deepEqual(byId.get('cl2')?.location, { lat: 29.37, lon: 113.09 });
  assert.equal(byId.get('bare')?.reportedAt, null);
  assert.equal(byId.get('bare')?.location, null);
  db.close();
});

test('a newer database schema is refused rather than damaged', () => {
  const dir = mkdtempSync(join(tmpdir(), 'safe-db-'));
  const db = openDatabase(dir);
  db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
  assert.throws(() => migrate(db), /newer than this engine/);
  db.close();
});

test('every run of an incident is kept, numbered, with its models, and comparable', () => {
  const db = openDatabase(mkdtempSync(join(tmpdir(), 'safe-db-')));
  const store = new AnalysisStore(db);
  const incident = parseIncident({ id: 'levee-7', text: 'levee breach' });
  const first = store.saveRun(incident, result('levee-7', 'IV', 12));
  const second = store.saveRun({ ...incident, text: 'levee breach, 4 dead' }, result('levee-7', 'III', 14));
  store.saveRun(parseIncident({ id: 'other', text: 'x' }), result('other', 'IV', 9));
  assert.ok(first.runId && second.runId && first.runId !== second.runId);
  const runs = store.history(10, 'levee-7');
  assert.deepEqual(runs.map((r) => r.seq), [2, 1]);
  assert.equal(store.history(10).length, 3);
  const latest = store.find('levee-7');
  assert.equal(latest?.runId, second.runId, 'an incident id finds its latest run');
  assert.deepEqual(latest?.models, { 'incident-classifier': '1' });
  assert.equal(latest?.incident.text, 'levee breach, 4 dead');
  assert.equal(store.previous(latest!)?.runId, first.runId);
  assert.equal(store.find('nope'), undefined);
  db.close();
});
