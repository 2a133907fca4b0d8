// `safe-edge support-bundle OUT` as IT runs it (docs/cli.md, "Support bundle"): every section present, the
// history summarised, and no incident content nor API token anywhere in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOrCreateTokens } from '../engine/server/apiToken.js';
import { TimeSeriesStore } from '../engine/monitoring/timeseries/timeSeriesStore.js';
import { AlertRunner } from '../engine/monitoring/alerts/alertRunner.js';
import { loadAlertRules } from '../engine/monitoring/alerts/rules.js';
import { ALERT_STATE_FILE, DEVICE_HISTORY_FILE } from '../engine/engine.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'safe-edge.js');
const MARKER = 'ZQX-MARKER-7731';

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SAFE_EDGE_LOG: 'error', ...env }, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('support-bundle: every section, the history summarised, and neither the incident nor a token in the file', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-bundle-'));
  const incident = join(dataDir, 'incident.json');
  writeFileSync(incident, JSON.stringify({ id: `cl2-${MARKER}`, text: `Chlorine tank car leaking at the ${MARKER} rail yard, 3 injured, wind from the west`,
    facts: { injured: 3, release: { substance: 'chlorine', rateKgPerS: 5, heightM: 2 }, weather: { windSpeedMps: 3, windFromDeg: 270, daytime: true } } }));
  assert.equal(cli(['analyze', incident, '--data-dir', dataDir]).code, 0);
  const tokens = loadOrCreateTokens(dataDir);
  // A device history: memory at 0.2, 0.4, 0.6 over the last three seconds.
  const history = new TimeSeriesStore(join(dataDir, DEVICE_HISTORY_FILE));
  const now = Date.now();
  [0.2, 0.4, 0.6].forEach((v, i) => history.append(now - (3 - i) * 1000, { safe_memory_used_ratio: v }));
  history.close();
  // An alert state as a serving engine leaves it: one silence.
  const runner = new AlertRunner({ rules: loadAlertRules(), stateFile: join(dataDir, ALERT_STATE_FILE), timer: false });
  runner.silence({ matchers: { alertname: 'DiskSpaceLow' }, durationMs: 3_600_000, createdBy: 'it-desk', comment: 'disk being replaced' });
  runner.close();

  const out = join(dataDir, 'bundle.json');
  const r = cli(['support-bundle', out, '--data-dir', dataDir]);
  assert.equal(r.code, 0, r.stderr);
  const text = readFileSync(out, 'utf8');
  assert.ok(!text.includes(MARKER), 'no incident text or id');
  assert.ok(!text.includes('rail yard'), 'no incident text');
  assert.ok(!text.includes(tokens.operator) && !text.includes(tokens.viewer), 'no API token');

  const bundle = JSON.parse(text);
  for (const section of ['versions', 'config', 'apiTokens', 'health', 'models', 'deviceHealth', 'alerts', 'deviceHistory', 'database']) assert.ok(section in bundle, section);
  assert.equal(bundle.versions.node, process.versions.node);
  assert.match(bundle.versions.engineBuild, /^[0-9a-f]{64}$/);
  assert.equal(bundle.config.dataDir, dataDir);
  assert.deepEqual([bundle.apiTokens.operator, bundle.apiTokens.viewer], [true, true]);
  assert.ok(bundle.models.length > 0 && bundle.models.every((m: { verified: boolean }) => m.verified));
  assert.equal(bundle.deviceHealth.engine.monitoring, false, 'a one-shot engine runs no sampler');
  assert.equal(typeof bundle.deviceHealth.fresh.sample.values.safe_memory_used_ratio, 'number');
  if (process.platform === 'linux') assert.equal(typeof bundle.deviceHealth.fresh.sample.values.safe_cpu_busy_ratio, 'number', 'two samples 1 s apart give the CPU share');
  assert.equal(bundle.alerts.present, true);
  assert.deepEqual(bundle.alerts.silences.map((s: { matchers: unknown }) => s.matchers), [{ alertname: 'DiskSpaceLow' }]);
  assert.equal(bundle.deviceHistory.present, true);
  const memory = bundle.deviceHistory.lastHour.find((s: { metric: string }) => s.metric === 'safe_memory_used_ratio');
  assert.equal(memory.count, 3);
  assert.deepEqual([memory.min, memory.max], [0.2, 0.6]);
  assert.ok(Math.abs(memory.avg - 0.4) < 1e-9);
  assert.deepEqual(bundle.deviceHistory.lastDay, [], 'nothing rolled up into minutes yet');
  assert.equal(bundle.database.runs, 1);
  assert.ok(bundle.database.sizeBytes > 0);
});

test('support-bundle on an empty data directory: no alert state, no history, zero runs', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-bundle-'));
  const out = join(dataDir, 'bundle.json');
  assert.equal(cli(['support-bundle', out, '--data-dir', dataDir]).code, 0);
  const bundle = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual([bundle.alerts.present, bundle.deviceHistory.present, bundle.database.runs, bundle.apiTokens.operator], [false, false, 0, false]);
});

test('support-bundle: an update URL keeps its host and path, not its credentials or query', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-bundle-'));
  const out = join(dataDir, 'bundle.json');
  assert.equal(cli(['support-bundle', out, '--data-dir', dataDir], { SAFE_EDGE_UPDATE_URL: 'https://it:s3cretpw@updates.example/feed?key=k3y' }).code, 0);
  const text = readFileSync(out, 'utf8');
  assert.ok(!text.includes('s3cretpw') && !text.includes('k3y'));
  assert.match(JSON.parse(text).config.updateFeedUrl, /^https:\/\/updates\.example\/feed \[credentials and query redacted\]$/);
});
