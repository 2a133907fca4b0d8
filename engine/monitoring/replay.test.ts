// Rules with long windows, battery and heat on replayed traces (docs/device-health.md, "Replayed traces"):
// a simulated clock, a fake /proc and /sys read by the real Linux collector, the real alert runner with
// the default rules, 10-second steps. Also: a trace oscillating around every threshold notifies each rule
// at most once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadAlertRules } from './alerts/rules.js';
import { replayTrace, type Trace, type TracePoint } from './testing/traceReplay.js';
import { oscillatingTrace } from './testing/dayTrace.js';

const rules = loadAlertRules();
const STEP_MS = 10_000;
const MIN = 6;
const QUIET: TracePoint = {
  cpuBusyRatio: 0.2, memoryUsedRatio: 0.5, diskUsedRatio: 0.6, batteryChargeRatio: 1, charging: true, temperatureC: 55, throttled: false,
  eventLoopDelayP99S: 0.005, workerRestartsTotal: 0,
};
/** Phases of `minutes` each, every step the quiet laptop with the phase's changes (a function of the step in the phase). */
function trace(...phases: Array<[minutes: number, change: (i: number) => Partial<TracePoint>]>): Trace {
  return { stepMs: STEP_MS, startMs: 0, points: phases.flatMap(([minutes, change]) => Array.from({ length: minutes * MIN }, (_, i) => ({ ...QUIET, ...change(i) }))) };
}
/** Minutes from the trace's start to each rule's first firing and first resolving. */
async function timeline(t: Trace): Promise<Record<string, { firedMin: number; resolvedMin: number | null }>> {
  const { episodes } = await replayTrace(t, rules);
  const out: Record<string, { firedMin: number; resolvedMin: number | null }> = {};
  for (const e of episodes) out[e.rule] ??= { firedMin: e.firingMs / 60_000, resolvedMin: e.resolvedMs === null ? null : e.resolvedMs / 60_000 };
  return out;
}

test('CPU: a 5-minute burst raises nothing; a sustained load raises CpuBusy after most of 10 minutes, and it clears', async () => {
  const t = await timeline(trace([20, () => ({})], [5, () => ({ cpuBusyRatio: 1 })], [20, () => ({})], [15, () => ({ cpuBusyRatio: 1 })], [15, () => ({})]));
  assert.deepEqual(Object.keys(t).sort(), ['CpuBusy', 'CpuBusyCritical']);
  const busy = t.CpuBusy!;
  assert.ok(busy.firedMin > 45 + 7 && busy.firedMin < 45 + 10, `CpuBusy at ${busy.firedMin} min: the 10-minute average crosses 85 % after ~8 min`);
  assert.ok(busy.resolvedMin !== null && busy.resolvedMin > 60 && busy.resolvedMin < 75);
});

test('disk: filling at 10 % an hour raises DiskFullSoon long before the disk is 90 % full; a flat disk never does', async () => {
  const t = await timeline(trace([70, () => ({})], [120, (i) => ({ diskUsedRatio: 0.6 + (0.1 * i) / (60 * MIN) })], [60, () => ({ diskUsedRatio: 0.6 })]));
  assert.ok(t.DiskFullSoon, 'predicted full within 8 h');
  assert.ok(t.DiskFullSoon.firedMin < 70 + 60, `fired at ${t.DiskFullSoon.firedMin} min`);
  assert.equal(t.DiskSpaceLow, undefined, 'it never reached 90 %');
  assert.notEqual(t.DiskFullSoon.resolvedMin, null, 'cleaned up: resolved');
});

test('battery (fake /sys): low and critical only while discharging; plugging in clears both', async () => {
  const t = await timeline(trace([5, () => ({})], [24, (i) => ({ charging: false, batteryChargeRatio: 0.2 - (0.18 * i) / (24 * MIN) })], [10, () => ({ charging: true, batteryChargeRatio: 0.05 })]));
  assert.deepEqual(Object.keys(t).sort(), ['BatteryCritical', 'BatteryLow']);
  assert.ok(t.BatteryLow!.firedMin < t.BatteryCritical!.firedMin);
  assert.equal(t.BatteryLow!.resolvedMin, 29 + 1 / MIN, 'resolved at the first sample on mains');
});

test('heat (fake /sys): 96 °C with throttling raises TemperatureCritical and ThermalThrottling; throttling keeps firing 5 min', async () => {
  const t = await timeline(trace([5, () => ({})], [10, () => ({ temperatureC: 96, throttled: true })], [15, () => ({})]));
  assert.ok(t.TemperatureCritical && t.TemperatureCritical.firedMin <= 5 + 1 / MIN);
  assert.ok(t.ThermalThrottling && t.ThermalThrottling.firedMin <= 6 + 1 / MIN);
  assert.ok(t.TemperatureHigh, 'the warning fires too (inhibited, so not notified)');
  assert.ok(t.ThermalThrottling.resolvedMin !== null && t.ThermalThrottling.resolvedMin >= 15 + 5);
});

test('a trace oscillating around every threshold for an hour notifies each rule at most once', async () => {
  const { notifications } = await replayTrace(oscillatingTrace(), rules);
  const notified = notifications.flatMap((n) => n.alerts.map((a) => `${n.kind} ${a.rule}`));
  assert.ok(notified.length > 0, 'the thresholds are crossed');
  assert.equal(new Set(notified).size, notified.length, `no rule notified twice: ${notified.join(', ')}`);
  assert.ok(!notified.some((n) => n.startsWith('resolved')), 'nothing resolves while it oscillates');
});
