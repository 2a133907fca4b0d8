import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlertManager, type AlertManagerState } from './manager.js';
import { loadAlertRules, parseAlertRules, renderText, type AlertRules } from './rules.js';
import { SCENARIOS, replay } from './testing/scenarios.js';
import { MIN, SEC, Sim, testRules } from './testing/fixtures.js';

test('the default rules load; a bad rule fails naming the file, the rule and the field', () => {
  const rules = loadAlertRules();
  assert.ok(rules.rules.length >= 15);
  const dir = mkdtempSync(join(tmpdir(), 'safe-alerts-'));
  const file = join(dir, 'rules.yaml');
  writeFileSync(file, 'settings: { interval: 15s }\nrules:\n  - { name: DiskSpaceLow, metric: safe_disk_used_ratio, aggregate: { fn: avg_over, window: ten }, direction: above, raise: 0.9, clear: 0.8, severity: warning, summary: { en: a, zh: b } }\n');
  assert.throws(() => loadAlertRules(file), (e: Error) => e.message.includes(file) && /rules\[0\] \(DiskSpaceLow\)\.aggregate\.window: a duration/.test(e.message));
  const bad = (rule: Record<string, unknown>) => () => testRules(rule);
  assert.throws(bad({ clear: 0.95 }), /clear 0.95 must not be above raise 0.9/);
  assert.throws(bad({ severity: 'page' }), /\(Hot\)\.severity/);
  assert.throws(bad({ summary: { en: '{{val}}', zh: 'x' } }), /unknown placeholder \{\{val\}\}/);
  assert.throws(bad({ metric: 'disk_used' }), /\(Hot\)\.metric: a metric name/);
  assert.throws(() => parseAlertRules({ settings: { interval: '15s' }, rules: [] }, 'x.yaml'), /^Error: x.yaml: rules: /);
});

test('texts fill their placeholders in zh and en, formatted as Prometheus formats them', () => {
  assert.equal(renderText('{{labels.mount}} {{value_percent}}', 0.9123, { mount: '/' }), '/ 91.23%');
  assert.equal(renderText('{{value_duration}} {{value}}', 0.0612, {}), '61.2ms 61.2m');
  assert.equal(renderText('{{ value }}', 86.25, {}), '86.25');
});

test('the default rules on replayed traces: the engine fires as each scenario expects', () => {
  const rules = loadAlertRules();
  for (const s of SCENARIOS) {
    for (const r of replay(rules, s)) {
      const want = s.checks.find((c) => c.atMin === r.atMin && c.rule === r.rule)!.firing;
      assert.equal(r.firing.length, want, `${s.name}: ${r.rule} at ${r.atMin} min`);
    }
  }
});

test('for: pending until the condition has held for it; a pending alert that clears never notifies', () => {
  const sim = Sim.of(testRules());
  sim.feed([0.95, 0.95, 0.95]);
  assert.equal(sim.state(), 'pending');
  sim.feed([0.5]);
  assert.equal(sim.state(), 'inactive');
  sim.hold(0.95, 45 * SEC);
  assert.deepEqual(sim.kinds(), []);
  sim.feed([0.95, 0.95]);
  assert.equal(sim.state(), 'firing');
  assert.deepEqual(sim.kinds(), ['firing']);
});

test('hysteresis: oscillating between raise and clear, or around raise, notifies once', () => {
  const sim = Sim.of(testRules({ for: '0s' }));
  sim.feed([0.95]);
  for (let i = 0; i < 40; i++) sim.feed([i % 2 ? 0.95 : 0.85]);
  for (let i = 0; i < 40; i++) sim.feed([i % 2 ? 0.91 : 0.89]);
  assert.deepEqual(sim.kinds(), ['firing']);
  sim.feed([0.79]);
  assert.deepEqual(sim.kinds(), ['firing', 'resolved']);
  sim.feed([0.85, 0.89]);
  assert.equal(sim.state(), 'resolved', 'below raise after a clear does not raise again');
});

test('keep_firing_for: the alert stays firing that long after the condition stops', () => {
  const sim = Sim.of(testRules({ for: '0s', keep_firing_for: '2m' }));
  sim.feed([0.95]).hold(0.5, 2 * MIN - 15 * SEC);
  assert.equal(sim.state(), 'firing');
  sim.feed([0.95]).hold(0.5, 1 * MIN);
  assert.equal(sim.state(), 'firing', 'a new breach restarts keep_firing_for');
  sim.hold(0.5, 1 * MIN + 15 * SEC);
  assert.equal(sim.state(), 'resolved');
  assert.deepEqual(sim.kinds(), ['firing', 'resolved']);
});

test('notification delay: an alert resolving before notify_after never notifies, one that lasts does', () => {
  const sim = Sim.of(testRules({ for: '0s', notify_after: '1m' }));
  sim.hold(0.95, 45 * SEC).feed([0.5]);
  assert.deepEqual(sim.kinds(), []);
  sim.hold(0.95, 45 * SEC);
  assert.deepEqual(sim.kinds(), []);
  sim.feed([0.95, 0.95]);
  assert.deepEqual(sim.kinds(), ['firing']);
  const [n] = sim.notifications;
  assert.deepEqual(n!.group, { severity: 'warning' });
  assert.deepEqual(n!.alerts[0]!.summary, { en: 'Hot at 95%', zh: '过热 95%' });
});

test('silence: nothing while it lasts, the firing notification once it expires, and expiring one early', () => {
  const sim = Sim.of(testRules({ for: '0s' }));
  sim.manager.addSilence({ matchers: { alertname: 'Hot' }, endsAtMs: 10 * MIN, createdBy: 'ops', comment: 'known' }, 0);
  sim.hold(0.95, 9 * MIN);
  assert.deepEqual(sim.kinds(), []);
  assert.equal(sim.manager.alerts(sim.t)[0]!.silenced, true);
  sim.hold(0.95, 1 * MIN);
  assert.deepEqual(sim.kinds(), ['firing'], 'still firing when the silence expires: notify');
  const id = sim.manager.addSilence({ matchers: { component: 'test' }, endsAtMs: sim.t + 60 * MIN, createdBy: 'ops', comment: '' }, sim.t);
  sim.hold(0.5, 1 * MIN);
  assert.deepEqual(sim.kinds(), ['firing'], 'the resolution is silenced too');
  sim.hold(0.95, 1 * MIN);
  assert.deepEqual(sim.kinds(), ['firing']);
  assert.equal(sim.manager.expireSilence(id, sim.t), true);
  sim.feed([0.95]);
  assert.deepEqual(sim.kinds(), ['firing', 'firing']);
});

test('acknowledgement stops repeats until the alert resolves', () => {
  const sim = Sim.of(testRules({ for: '0s' }, { repeat_interval: '5m' }));
  sim.hold(0.95, 11 * MIN);
  assert.deepEqual(sim.kinds(), ['firing', 'repeat', 'repeat']);
  const key = sim.manager.alerts(sim.t)[0]!.key;
  assert.equal(sim.manager.acknowledge(key, 'commander', sim.t), true);
  sim.hold(0.95, 20 * MIN).feed([0.5]);
  assert.deepEqual(sim.kinds(), ['firing', 'repeat', 'repeat', 'resolved']);
  assert.equal(sim.manager.acknowledge(key, 'commander', sim.t), false, 'a resolved alert is not acknowledged');
  sim.hold(0.95, 6 * MIN);
  assert.deepEqual(sim.kinds().slice(4), ['firing', 'repeat'], 'the next episode is not acknowledged');
});

test('inhibition: thermal throttling silences "analysis slow"; declared as data', () => {
  const rules = parseAlertRules({
    settings: { interval: '15s' },
    inhibit: [{ source: { alertname: 'Throttled' }, target: { alertname: 'Slow' } }],
    rules: ['Throttled', 'Slow'].map((name) => ({ name, metric: `safe_${name.toLowerCase()}_ratio`, aggregate: { fn: 'last' }, direction: 'above', raise: 0.5, clear: 0.5, severity: 'warning', summary: { en: name, zh: name } })),
  });
  const m = new AlertManager(rules);
  const step = (t: number, throttled: number, slow: number) => {
    m.ingest([{ metric: 'safe_throttled_ratio', t, value: throttled }, { metric: 'safe_slow_ratio', t, value: slow }]);
    return m.evaluate(t).flatMap((n) => n.alerts.map((a) => `${n.kind} ${a.rule}`));
  };
  assert.deepEqual(step(0, 1, 1), ['firing Throttled']);
  assert.equal(m.alerts(0).find((a) => a.rule === 'Slow')!.inhibited, true);
  assert.deepEqual(step(15_000, 1, 1), []);
  assert.deepEqual(step(30_000, 0, 1), ['firing Slow', 'resolved Throttled'], 'once the cause is gone the symptom is told');
});

test('grace after sleep: a gap in samples holds every rule until fresh data cover its window', () => {
  const rules = testRules({ for: '0s', aggregate: { fn: 'avg_over', window: '5m' } });
  const sim = Sim.of(rules);
  sim.hold(0.95, 6 * MIN);
  assert.equal(sim.state(), 'firing');
  sim.t += 8 * 60 * MIN; // asleep for 8 h
  sim.hold(0.5, 4 * MIN);
  assert.equal(sim.state(), 'firing', 'not resolved on 4 min of fresh data in a 5 min window');
  assert.equal(sim.manager.alerts(sim.t)[0]!.held, false, 'views outside evaluate are not marked held');
  sim.hold(0.5, 1 * MIN + 15 * SEC);
  assert.equal(sim.state(), 'resolved');

  const woke = Sim.of(rules);
  woke.hold(0.5, 6 * MIN);
  woke.manager.resume(woke.t);
  woke.hold(0.95, 4 * MIN + 45 * SEC);
  assert.equal(woke.state(), 'inactive', 'an explicit resume holds too');
  woke.hold(0.95, 15 * SEC);
  assert.deepEqual(woke.kinds(), ['firing']);
});

test('state round trip: persisted through the callback, restored after a restart without a second notification', () => {
  let stored: AlertManagerState | undefined;
  const rules = testRules({ for: '0s' });
  const sim = Sim.of(rules, { persist: (s) => { stored = JSON.parse(JSON.stringify(s)) as AlertManagerState; } });
  sim.hold(0.95, 2 * MIN);
  sim.manager.addSilence({ matchers: { alertname: 'Other' }, endsAtMs: 60 * MIN, createdBy: 'ops', comment: 'c' }, sim.t);
  assert.deepEqual(stored, JSON.parse(JSON.stringify(sim.manager.state())));
  const restored = new Sim(AlertManager.restore(rules, stored!, sim.t + 10 * MIN));
  restored.t = sim.t + 10 * MIN;
  assert.deepEqual(restored.manager.state().alerts, stored!.alerts);
  assert.deepEqual(restored.manager.state().silences, stored!.silences);
  restored.hold(0.95, 2 * MIN);
  assert.equal(restored.state(), 'firing');
  assert.deepEqual(restored.kinds(), [], 'already notified before the restart');
  restored.feed([0.5]);
  assert.deepEqual(restored.kinds(), ['resolved']);
  assert.throws(() => AlertManager.restore(rules, { ...stored!, version: 2 as 1 }, 0), /version 2/);
});

test('state is persisted on every change, and for the newest sample time or an alert\'s value alone at most once a minute', () => {
  const writes: AlertManagerState[] = [];
  const rules = testRules({ for: '0s' });
  const sim = new Sim(new AlertManager(rules, { persist: (s) => writes.push(s) }), SEC);
  sim.hold(0.5, 10 * MIN);
  assert.ok(writes.length >= 9 && writes.length <= 11, `10 minutes of quiet samples, one a second: ${writes.length} writes, not 600`);
  const quietWrites = writes.length;
  sim.feed([0.95]);
  assert.equal(writes.length, quietWrites + 1, 'the alert firing is persisted at once');
  assert.equal(writes.at(-1)!.alerts[0]?.state, 'firing');
  // Firing for 10 minutes with a value that changes every second: the value alone is saved about once a minute.
  sim.feed(Array.from({ length: 600 }, (_, i) => 0.95 + (i % 40) / 1000));
  const firingWrites = writes.length - quietWrites - 1;
  assert.ok(firingWrites >= 9 && firingWrites <= 11, `10 minutes firing with a moving value: ${firingWrites} writes, not 600`);
  assert.ok(writes.at(-1)!.alerts[0]!.value > 0.95, 'the value saved is a recent one');
  const beforeResolve = writes.length;
  sim.feed([0.5]);
  assert.equal(writes.length, beforeResolve + 1, 'and its resolving at once');
});

test('predictive disk rule on a replayed 15 s trace: full within 8 h fires, a slower fill does not', () => {
  const rules = loadAlertRules();
  const run = (perHour: number, hours = 3) => {
    const m = new AlertManager(rules);
    const fired: number[] = [];
    for (let t = 0; t <= hours * 60 * MIN; t += 15 * SEC) {
      m.ingest([{ metric: 'safe_disk_used_ratio', labels: { mount: '/' }, t, value: 0.7 + (perHour * t) / (60 * MIN) }]);
      for (const n of m.evaluate(t)) for (const a of n.alerts) if (a.rule === 'DiskFullSoon') fired.push(t);
    }
    return fired;
  };
  // 0.7 + 0.04·t/h reaches 1.0 in 7.5 h: predicted past 1 once the samples reach 30 min back (min_span),
  // firing 10 min later (for), told 1 min after that (notify_after).
  assert.deepEqual(run(0.04), [30 * MIN + 11 * MIN]);
  // 0.03 an hour for an hour: at most 0.73 + 0.03·8 = 0.97 predicted, not full within 8 h.
  assert.deepEqual(run(0.03, 1), []);
});

test('predictive disk rule: a jump in a day\'s first minutes is not read 8 h ahead (min_span)', () => {
  // A disk at 60 % that gains 2 points in its first 10 minutes (an import, a backup) and then stays flat.
  const fires = (rules: AlertRules) => {
    const m = new AlertManager(rules);
    let firing = false;
    for (let t = 0; t <= 60 * MIN; t += 15 * SEC) {
      m.ingest([{ metric: 'safe_disk_used_ratio', labels: { mount: '/' }, t, value: 0.6 + (Math.min(t, 10 * MIN) / (10 * MIN)) * 0.02 }]);
      m.evaluate(t);
      firing ||= m.alerts(t).some((a) => a.rule === 'DiskFullSoon' && a.state === 'firing');
    }
    return firing;
  };
  const shipped = loadAlertRules();
  assert.equal(fires(shipped), false, 'no prediction before the samples reach 30 min back');
  // The same rule without min_span: the first minutes' slope (12 points an hour) read 8 h ahead passes 100 %
  // for 23 minutes, longer than its `for`, and fires.
  const withoutSpan = structuredClone(shipped);
  for (const r of withoutSpan.rules) if (r.aggregate.fn === 'predict_linear') delete r.aggregate.min_span;
  assert.equal(fires(withoutSpan), true);
});
