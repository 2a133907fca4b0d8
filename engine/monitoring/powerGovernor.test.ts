// The power governor on a simulated clock with fake readings (docs/device-health.md#power-and-heat): down at
// once on a condition, up only after a quiet minute, deferred work resumed once, thresholds from the rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PowerGovernor, STEPPED_DOWN_BATCH_SLOTS, STEPPED_DOWN_ENSEMBLE_MEMBERS, powerReasons, powerThresholdsFrom, type PowerChange } from './powerGovernor.js';
import { loadAlertRules } from './alerts/rules.js';
import type { DeviceSample } from '../contract/deviceHealth.js';

const SEC = 1000;
const thresholds = powerThresholdsFrom(loadAlertRules());
const onBattery = (charge: number): DeviceSample['values'] => ({ safe_battery_charge_ratio: charge, safe_battery_charging: 0 });

/** Feeds one sample a second from `t` for `seconds`; returns the time after the last. */
function feed(governor: PowerGovernor, t: number, seconds: number, values: DeviceSample['values']): number {
  for (let i = 0; i < seconds; i++) governor.update({ atMs: t + i * SEC, values });
  return t + seconds * SEC;
}

test('the thresholds are the alert rules\' own: BatteryLow below 10 % not charging, TemperatureCritical above 95 °C', () => {
  assert.deepEqual(thresholds, { batteryLowRatio: 0.10, criticalTemperatureC: 95 });
  assert.deepEqual(powerReasons(onBattery(0.09), thresholds), ['battery-low']);
  assert.deepEqual(powerReasons({ safe_battery_charge_ratio: 0.09, safe_battery_charging: 1 }, thresholds), [], 'charging: not a condition');
  assert.deepEqual(powerReasons(onBattery(0.10), thresholds), []);
  assert.deepEqual(powerReasons({ safe_thermal_throttled: 1, safe_temperature_celsius: 96 }, thresholds), ['thermal-throttling', 'temperature-critical']);
  assert.deepEqual(powerReasons({ safe_temperature_celsius: 95 }, thresholds), []);
  assert.deepEqual(powerReasons({}, thresholds), [], 'a machine without battery or sensors never steps down');
});

test('steps down on the first sample with a condition and up only after 60 s without one', () => {
  const governor = new PowerGovernor(thresholds);
  const changes: PowerChange[] = [];
  governor.onChange((c) => changes.push(c));
  let t = feed(governor, 0, 10, onBattery(0.5));
  assert.equal(governor.state().mode, 'normal');
  assert.equal(governor.batchSlots(), null);
  t = feed(governor, t, 1, { safe_thermal_throttled: 1 });
  assert.deepEqual(changes, [{ mode: 'stepped-down', reasons: ['thermal-throttling'], atMs: 10 * SEC }]);
  assert.equal(governor.batchSlots(), STEPPED_DOWN_BATCH_SLOTS);
  assert.deepEqual(governor.state(), { mode: 'stepped-down', reasons: ['thermal-throttling'], sinceMs: 10 * SEC, stepUpAtMs: null, batchSlots: 1, ensembleMembers: null, deferred: [] });
  // Quiet for 59 s: still down, and the state says when it will step up.
  t = feed(governor, t, 59, { safe_thermal_throttled: 0 });
  assert.equal(governor.state().mode, 'stepped-down');
  assert.equal(governor.state().stepUpAtMs, 70 * SEC);
  t = feed(governor, t, 1, { safe_thermal_throttled: 0 });
  assert.equal(governor.state().mode, 'normal');
  assert.deepEqual(changes.map((c) => [c.mode, c.atMs]), [['stepped-down', 10 * SEC], ['normal', 70 * SEC]]);
  assert.equal(t, 71 * SEC);
});

test('a reading wavering around the threshold steps down once and stays down until a quiet minute', () => {
  const governor = new PowerGovernor(thresholds);
  const changes: PowerChange[] = [];
  governor.onChange((c) => changes.push(c));
  let t = 0;
  // Ten minutes of a battery flickering 9.9 % / 10.1 % every 20 s: one step-down, no step-up.
  for (let i = 0; i < 30; i++) t = feed(governor, t, 20, onBattery(i % 2 === 0 ? 0.099 : 0.101));
  assert.deepEqual(changes.map((c) => c.mode), ['stepped-down']);
  t = feed(governor, t, 61, { safe_battery_charge_ratio: 0.099, safe_battery_charging: 1 }); // plugged in
  assert.deepEqual(changes.map((c) => c.mode), ['stepped-down', 'normal']);
});

test('a critical temperature steps down; ensembles shrink only while the analysis budget is at risk', () => {
  const governor = new PowerGovernor(thresholds);
  governor.setBudgetAtRisk(true);
  assert.equal(governor.ensembleMembers(), null, 'not stepped down: the full ensemble even when slow');
  feed(governor, 0, 1, { safe_temperature_celsius: 97 });
  assert.equal(governor.ensembleMembers(), STEPPED_DOWN_ENSEMBLE_MEMBERS);
  governor.setBudgetAtRisk(false);
  assert.equal(governor.ensembleMembers(), null, 'stepped down but within budget: the full ensemble');
});

test('deferred work runs once at the step-up, not before', () => {
  const governor = new PowerGovernor(thresholds);
  const ran: string[] = [];
  assert.equal(governor.allow('backup', () => ran.push('backup')), true, 'normal: runs now');
  let t = feed(governor, 0, 1, onBattery(0.05));
  assert.equal(governor.allow('backup', () => ran.push('backup-1')), false);
  assert.equal(governor.allow('backup', () => ran.push('backup-2')), false, 'a second tick while down replaces the first');
  assert.equal(governor.allow('cache-warm-up', () => ran.push('warm-up')), false);
  assert.deepEqual(governor.state().deferred, ['backup', 'cache-warm-up']);
  t = feed(governor, t, 30, onBattery(0.5));
  assert.deepEqual(ran, []);
  feed(governor, t, 31, onBattery(0.5));
  assert.deepEqual(ran, ['backup-2', 'warm-up']);
  assert.deepEqual(governor.state().deferred, []);
});
