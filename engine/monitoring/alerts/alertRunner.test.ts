// The alert runner with a fake clock and the default rules (docs/alerts.md, "Running live"): device
// samples raise an alert, the engine's loop delay is read at evaluation, the state survives a restart
// through its JSON file, and a metric the machine does not measure is never evaluated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlertRunner, type EngineReadings } from './alertRunner.js';
import { loadAlertRules } from './rules.js';
import type { DeviceSample } from '../../contract/deviceHealth.js';

const SEC = 1000;
const rules = loadAlertRules();
const sample = (atMs: number, values: DeviceSample['values']): DeviceSample => ({ atMs, source: 'linux-proc', values, perCoreBusyRatio: [] });

function setup(readings: EngineReadings = { eventLoopDelayP99Seconds: 0.001, workerRestartsTotal: 0 }) {
  const dir = mkdtempSync(join(tmpdir(), 'safe-alert-runner-'));
  const clock = { t: 1_000_000 };
  const make = () => new AlertRunner({ rules, stateFile: join(dir, 'alerts-state.json'), nowMs: () => clock.t, engineReadings: () => readings, diskMount: '/data', timer: false });
  /** `ms` of 1 s samples, evaluated every rules interval, as the engine runs it. */
  const run = (runner: AlertRunner, values: DeviceSample['values'], ms: number) => {
    for (let i = 0; i < ms / SEC; i++) {
      clock.t += SEC;
      runner.ingestDeviceSample(sample(clock.t, values));
      if (clock.t % rules.intervalMs === 0) runner.evaluate();
    }
  };
  return { dir, clock, make, run };
}

test('a full disk fires DiskSpaceLow with its mount and zh/en text; absent metrics raise nothing', () => {
  const { make, run } = setup();
  const runner = make();
  run(runner, { safe_disk_used_ratio: 0.93, safe_memory_used_ratio: 0.4 }, 3 * 60 * SEC);
  const alerts = runner.view().alerts;
  assert.deepEqual(alerts.map((a) => [a.rule, a.state]), [['DiskSpaceLow', 'firing']], 'no battery or temperature here: never evaluated, never an alert');
  const disk = alerts[0]!;
  assert.equal(disk.labels.mount, '/data');
  assert.match(disk.summary.en, /Disk \/data is 93% full/);
  assert.match(disk.summary.zh, /磁盘 \/data 已用 93%/);
  assert.equal(disk.acknowledged, null);
  runner.close();
});

test('the event-loop delay read at evaluation raises EventLoopLag', () => {
  const { make, run } = setup({ eventLoopDelayP99Seconds: 0.25, workerRestartsTotal: 0 });
  const runner = make();
  run(runner, { safe_memory_used_ratio: 0.4 }, 4 * 60 * SEC);
  assert.deepEqual(runner.view().alerts.map((a) => [a.rule, a.state]), [['EventLoopLag', 'firing']]);
  runner.close();
});

test('silences and acknowledgements are written atomically and restored at start', () => {
  const { dir, make, run, clock } = setup();
  const runner = make();
  run(runner, { safe_disk_used_ratio: 0.93 }, 3 * 60 * SEC);
  const key = runner.view().alerts[0]!.key;
  assert.equal(runner.acknowledge(key, 'commander'), true);
  const silence = runner.silence({ key, durationMs: 3_600_000, createdBy: 'operator', comment: '' });
  assert.ok(silence && silence.matchers.alertname === 'DiskSpaceLow' && silence.endsAtMs === clock.t + 3_600_000);
  assert.equal(runner.silence({ key: 'Nope[]', durationMs: 1000, createdBy: 'o', comment: '' }), null);
  assert.equal(runner.acknowledge('Nope[]', 'commander'), false);
  runner.close();
  assert.deepEqual(readdirSync(dir), ['alerts-state.json'], 'no temp file left behind');

  const restarted = make();
  const view = restarted.view();
  assert.equal(view.alerts[0]?.acknowledged?.by, 'commander');
  assert.equal(view.alerts[0]?.silenced, true);
  assert.equal(view.silences.length, 1);
  restarted.close();
});

test('an unreadable state file is reported and the runner starts afresh', () => {
  const { dir } = setup();
  writeFileSync(join(dir, 'alerts-state.json'), '{ half');
  const errors: string[] = [];
  const runner = new AlertRunner({ rules, stateFile: join(dir, 'alerts-state.json'), timer: false, onError: (m) => errors.push(m) });
  assert.equal(runner.view().alerts.length, 0);
  assert.match(errors[0] ?? '', /ignored/);
  runner.close();
});

test('a model the engine runs without fires ModelCheckFailed with its name; it resolves once the model loads again', () => {
  const readings: EngineReadings = { eventLoopDelayP99Seconds: 0.001, workerRestartsTotal: 0, modelCheckFailed: { 'plume-surrogate': 1, 'incident-classifier': 0 } };
  const { make, run } = setup(readings);
  const runner = make();
  run(runner, { safe_memory_used_ratio: 0.4 }, 60 * SEC);
  const firing = runner.view().alerts.filter((a) => a.rule === 'ModelCheckFailed');
  assert.deepEqual(firing.map((a) => [a.labels.model, a.state, a.severity]), [['plume-surrogate', 'firing', 'critical']]);
  assert.match(firing[0]?.summary.en ?? '', /Model plume-surrogate failed its checks/);
  readings.modelCheckFailed = { 'plume-surrogate': 0, 'incident-classifier': 0 };
  run(runner, { safe_memory_used_ratio: 0.4 }, 60 * SEC);
  assert.deepEqual(runner.view().alerts.filter((a) => a.rule === 'ModelCheckFailed').map((a) => a.state), ['resolved']);
  runner.close();
});
