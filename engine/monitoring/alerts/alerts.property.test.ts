// Property tests (fast-check, fixed seed, bounded runs) over the alert manager on random traces: an alert
// never notifies while silenced, and it never notifies "firing" more often than its value crosses `raise`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AlertManager } from './manager.js';
import { SEC, testRules } from './testing/fixtures.js';

const trace = fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0.8, 0.85, 0.9, 0.95)), { minLength: 1, maxLength: 200 });
const ruleShape = fc.record({
  for: fc.constantFrom('0s', '15s', '1m'), keep_firing_for: fc.constantFrom('0s', '30s', '2m'), notify_after: fc.constantFrom('0s', '30s'),
  clear: fc.constantFrom(0.8, 0.85, 0.9), aggregate: fc.constantFrom({ fn: 'last' }, { fn: 'max_over', window: '1m' }),
});
const silences = fc.array(fc.record({ from: fc.nat(200), length: fc.integer({ min: 1, max: 60 }) }), { maxLength: 3 });

test('random traces: never a notification while silenced; firing notifications ≤ raise crossings', () => {
  fc.assert(fc.property(trace, ruleShape, silences, (values, shape, silenced) => {
    const rules = testRules(shape);
    const m = new AlertManager(rules);
    const step = 15 * SEC;
    const windows = silenced.map((s) => ({ startsAtMs: s.from * step, endsAtMs: (s.from + s.length) * step }));
    for (const w of windows) m.addSilence({ matchers: { alertname: 'Hot' }, ...w, createdBy: 'p', comment: '' }, 0);
    let crossings = 0, firing = 0, wasAbove = false;
    values.forEach((value, i) => {
      const t = i * step;
      m.ingest([{ metric: 'safe_test_ratio', t, value }]);
      // the aggregate the rule sees, to count crossings of raise
      const seen = shape.aggregate.fn === 'last' ? value : Math.max(...values.slice(Math.max(0, i - 4), i + 1));
      if (seen > 0.9 && !wasAbove) crossings++;
      wasAbove = seen > 0.9;
      for (const n of m.evaluate(t)) {
        assert.ok(!windows.some((w) => w.startsAtMs <= t && t < w.endsAtMs), `notified at ${t} while silenced`);
        if (n.kind === 'firing') firing += n.alerts.length;
      }
    });
    assert.ok(firing <= crossings, `${firing} notifications, ${crossings} crossings`);
  }), { seed: 20261201, numRuns: 300 });
});
