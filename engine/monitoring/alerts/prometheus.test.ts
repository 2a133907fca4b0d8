// The exported rules pass `promtool check rules`, and `promtool test rules` replays the engine's own scenarios
// (testing/scenarios.ts) with the engine's results as expectations: Prometheus and the engine agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify, parse } from 'yaml';
import { alertExpr, exportPrometheusRules } from './prometheus.js';
import { loadAlertRules } from './rules.js';
import { promtoolTests } from './testing/scenarios.js';
import { testRules } from './testing/fixtures.js';

const PROMTOOL = process.env.PROMTOOL ?? 'promtool';
function promtool(args: string[], cwd: string): { ok: boolean; output: string } {
  const r = spawnSync(PROMTOOL, args, { cwd, encoding: 'utf8' });
  if (r.error) throw new Error(`${PROMTOOL} not found (${r.error.message}): install Prometheus' promtool (Debian: apt-get install prometheus; CI's .ci/run does) or set PROMTOOL`);
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

test('thresholds and functions map one to one; hysteresis and the while-guard are in the expression', () => {
  const [disk, full, slow, battery] = ['DiskSpaceLow', 'DiskFullSoon', 'AnalysisSlow', 'BatteryLow'].map((n) => loadAlertRules().rules.find((r) => r.name === n)!);
  assert.equal(alertExpr(disk!), 'safe_disk_used_ratio > 0.9\nor\n(safe_disk_used_ratio > 0.8 and ignoring(alertname, alertstate, severity, component) ALERTS{alertname="DiskSpaceLow"})');
  assert.match(alertExpr(full!), /^\(predict_linear\(safe_disk_used_ratio\[1h\], 28800\) and present_over_time\(safe_disk_used_ratio\[1800s\] offset 1800s\)\) > 1\n/);
  assert.match(alertExpr(slow!), /^histogram_quantile\(0\.99, sum by \(le\) \(rate\(safe_analysis_duration_seconds_bucket\{agent="analysis"\}\[5m\]\)\)\) > 0\.05/);
  assert.match(alertExpr(battery!), /\nand on\(\)\n\(safe_battery_charging == 0\)$/);
  assert.equal(alertExpr(testRules({ clear: 0.9, matchers: { mount: '/' } }).rules[0]!), 'safe_test_ratio{mount="/"} > 0.9');
  const exported = parse(exportPrometheusRules(loadAlertRules())) as { groups: Array<{ rules: Array<Record<string, unknown>> }> };
  const thermal = exported.groups[0]!.rules.find((r) => r.alert === 'ThermalThrottling')!;
  assert.equal(thermal.for, '1m');
  assert.equal(thermal.keep_firing_for, '5m');
  assert.deepEqual(thermal.labels, { severity: 'warning', component: 'thermal' });
});

test('promtool check rules and promtool test rules pass on the exported file, and a wrong expectation fails', () => {
  const rules = loadAlertRules();
  const dir = mkdtempSync(join(tmpdir(), 'safe-promtool-'));
  writeFileSync(join(dir, 'rules.yml'), exportPrometheusRules(rules));
  const check = promtool(['check', 'rules', 'rules.yml'], dir);
  assert.ok(check.ok, check.output);
  const tests = promtoolTests(rules, 'rules.yml');
  writeFileSync(join(dir, 'tests.yml'), stringify(tests));
  const run = promtool(['test', 'rules', 'tests.yml'], dir);
  assert.ok(run.ok, run.output);
  // promtool really compares: one firing alert dropped from the expectations fails it.
  const broken = structuredClone(tests) as { tests: Array<{ alert_rule_test: Array<{ exp_alerts: unknown[] }> }> };
  broken.tests[0]!.alert_rule_test.find((t) => t.exp_alerts.length > 0)!.exp_alerts = [];
  writeFileSync(join(dir, 'broken.yml'), stringify(broken));
  assert.equal(promtool(['test', 'rules', 'broken.yml'], dir).ok, false);
});
