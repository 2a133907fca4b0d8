// Power and heat step-down in a real engine (docs/device-health.md#power-and-heat). The governor gets fake
// readings (this machine has no battery or thermal sensor; the sampler's own readings have neither), and the
// engine's consumers answer to it: the cache warm-up waits, the F-Agent's ensembles shrink while the analysis
// budget is at risk and such an answer is not cached, interactive analyses still run, the state is shown in
// deviceHealth and /metrics and logged; a quiet minute later it all steps up again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../config.js';
import { parseIncident } from '../contract/parseIncident.js';
import { Engine } from '../engine.js';
import type { Logger } from '../logging.js';
import { deviceHealthSchema } from '../contract/deviceHealth.js';

/** A continuous chlorine release in the plume surrogate's range: its bands come from the surrogate ensemble. */
const plumeIncident = () => parseIncident({
  text: 'chlorine leak from a tank', facts: { release: { substance: 'chlorine', rateKgPerS: 1, heightM: 1 }, weather: { windSpeedMps: 4, windFromDeg: 90, stability: 'D' } },
});

test('stepped down: warm-up deferred, smaller ensembles not cached, state shown, metric and log; a quiet minute steps it all up', async () => {
  const lines: string[] = [];
  const logger: Logger = { debug: () => {}, info: (msg) => lines.push(msg), warn: (msg) => lines.push(msg), error: (msg) => lines.push(msg) };
  const engine = await Engine.start(resolveConfig({ dataDir: mkdtempSync(join(tmpdir(), 'safe-power-')), workers: 1 }), {
    logger, deviceMonitor: true, testAlerts: { timer: false },
  });
  const power = engine.power!;
  try {
    assert.equal(engine.deviceHealth().power?.mode, 'normal');
    // Before the sampler's first sample (it samples after its first 1 s interval): the laptop is throttling.
    const downAtMs = Date.now();
    power.update({ atMs: downAtMs, values: { safe_thermal_throttled: 1 } });
    assert.ok(lines.includes('power step-down: background work reduced'));
    for (let i = 0; i < 200 && engine.deviceHealth().latest === null; i++) await new Promise((r) => setTimeout(r, 25));
    assert.ok(lines.includes('analysis cache warm-up deferred: background work stepped down for power or heat'), lines.join('\n'));
    assert.ok(!lines.includes('analysis cache warmed up'));

    const health = deviceHealthSchema.parse(engine.deviceHealth()); // the operation's reply schema holds
    // The sampler's own reading since is quiet: still down, stepping up a minute after the throttling was seen.
    assert.deepEqual(health.power, { mode: 'stepped-down', reasons: [], sinceMs: downAtMs, stepUpAtMs: downAtMs + 60_000, batchSlots: 1, ensembleMembers: null, deferred: ['cache-warm-up'] });
    const metrics = await engine.metricsText();
    assert.match(metrics, /^safe_power_stepped_down 1$/m);
    assert.match(metrics, /^safe_power_step_downs_total 1$/m);

    // Slow analyses on a hot laptop (the engine reads it from AnalysisSlow): fewer ensemble members.
    power.setBudgetAtRisk(true);
    assert.equal(engine.deviceHealth().power?.ensembleMembers, 64);
    const reduced = await engine.analyze(plumeIncident(), { save: false });
    assert.equal(reduced.status, 'ok', 'an interactive analysis is never refused for power');
    assert.deepEqual(reduced.field?.plume?.bands.members, 64);
    const again = await engine.analyze(plumeIncident(), { save: false });
    assert.notEqual(again.cached, true, 'a reduced answer is not cached as the full one');

    // Readings quiet for a minute: step up, warm-up runs, full ensembles again and cached.
    power.update({ atMs: downAtMs + 30_000, values: { safe_thermal_throttled: 0 } });
    assert.equal(engine.deviceHealth().power?.mode, 'stepped-down');
    power.update({ atMs: downAtMs + 60_000, values: { safe_thermal_throttled: 0 } });
    assert.equal(engine.deviceHealth().power?.mode, 'normal');
    assert.ok(lines.includes('power step-up: background work resumed after a quiet minute'));
    assert.ok(lines.includes('analysis cache warmed up'));
    assert.match(await engine.metricsText(), /^safe_power_stepped_down 0$/m);
    const full = await engine.analyze(plumeIncident(), { save: false });
    assert.equal(full.field?.plume?.bands.members, 256);
    assert.equal((await engine.analyze(plumeIncident(), { save: false })).cached, true);
  } finally {
    await engine.close();
  }
});

test('an engine without the sampler has no governor: power is null and nothing steps down', async () => {
  const engine = await Engine.start(resolveConfig({ dataDir: mkdtempSync(join(tmpdir(), 'safe-power-')), workers: 1 }), { logger: { debug() {}, info() {}, warn() {}, error() {} } });
  try {
    assert.equal(engine.power, null);
    assert.equal(engine.deviceHealth().power, null);
    assert.doesNotMatch(await engine.metricsText(), /^safe_power_stepped_down /m);
  } finally {
    await engine.close();
  }
});
