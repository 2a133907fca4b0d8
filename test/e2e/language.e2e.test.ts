// The Chinese UI speaks Chinese (issue 15, "Language"; docs/app.md): on every page, with a stored analysis
// of each hazard type, no visible text carries a field path, an identifier or an English word, except the
// real terms a Chinese commander uses as they are (AEGL-2, ERG, ICS-201, ppm…) and what the user typed
// (incident, sensor and unit ids, place names, the report itself). Code set in <code> (model ids for IT)
// and the engine's own words under "technical details" are for IT and are not checked. The device page lists
// one alert of every rule in engine/monitoring/rules.yaml (restored from the alert state the engine keeps), so
// each alert's words are checked too, and no figure carries an ASCII unit of time ("960ms", "5 min").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS_DIR, sessionPerFile, type RunningServer } from './browserHarness.js';
import { loadAlertRules } from '../../engine/monitoring/alerts/rules.js';

/** Latin words a Chinese UI may show as they are: standards, units, formats and names of methods. */
const ALLOWED = new Set(['SAFE', 'Edge', 'English', 'PDF', 'JSON', 'GeoJSON', 'KML', 'CSV', 'ERG', 'AEGL', 'ppm', 'ICS', 'CPU', 'RSS', 'sha', 'SCBA',
  'LPG', 'BLEVE', 'LEL', 'UEL', 'PAGER', 'Rothermel', 'Briggs', 'Turner', 'Pasquill', 'TNT', 'CCPS', 'SOP', 'MiB', 'GiB', 'KiB', 'ONNX', 'TUF', 'IT', 'UTC']);

let server: RunningServer;
let page: Page;
const userWords = new Set<string>();
const runIds: string[] = [];

/** A data directory whose alert state holds one firing alert of every rule, each with the labels its series
 *  carry (a mount, a sensor, a model) and a value the engine writes with an ASCII unit (0.96 s: "960ms"). */
function dataDirWithEveryAlert(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-e2e-language-'));
  const now = Date.now();
  const alerts = loadAlertRules().rules.map((rule) => {
    const series: Record<string, string> = rule.metric === 'safe_disk_used_ratio' ? { mount: dataDir }
      : rule.metric === 'safe_temperature_celsius' ? { sensor: 'Package id 0' } : rule.metric === 'safe_model_check_failed' ? { model: 'plume-surrogate' } : {};
    return {
      key: `${rule.name}${JSON.stringify(Object.entries(series))}`, rule: rule.name, labels: { ...series, ...rule.labels, alertname: rule.name, severity: rule.severity },
      state: 'firing', value: 0.96, latched: true, activeSinceMs: now - 180_000, firingSinceMs: now - 120_000, notified: true, lastNotifiedMs: now - 90_000,
    };
  });
  writeFileSync(join(dataDir, 'alerts-state.json'), JSON.stringify({ version: 1, nextSilenceId: 1, silences: [], lastSampleMs: now - 60_000, alerts }));
  return dataDir;
}

sessionPerFile({
  width: 1366, height: 900, dataDir: dataDirWithEveryAlert(),
  prepare: async () => {
    const api = (path: string, init: RequestInit = {}) => fetch(`${server.url}${path}`, { ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` } });
    for (const example of ['chlorine-tank-car-zh', 'wildfire-village-zh', 'earthquake-collapse-zh', 'levee-breach-dongting-zh']) {
      const incident = JSON.parse(readFileSync(new URL(`../../../examples/${example}.json`, import.meta.url), 'utf8')) as { id: string; sensors?: Array<{ id: string }> };
      const result = await (await api('/v1/analyses', { method: 'POST', body: JSON.stringify(incident) })).json() as { runId: string; executor?: { units: Array<{ id: string }>; placesAtRisk?: Array<{ name: string }> } };
      runIds.push(result.runId);
      // What the user typed, or the engine names after it, is shown as written.
      for (const word of [incident.id, ...(incident.sensors ?? []).map((s) => s.id), ...(result.executor?.units ?? []).map((u) => u.id), ...(result.executor?.placesAtRisk ?? []).map((p) => p.name)]) userWords.add(word);
    }
    await page.goto(`${server.url}/#/incidents&token=${server.token}`);
    await page.getByTestId('engine-status').filter({ hasText: '引擎正常' }).waitFor();
  },
}, (s) => { ({ server, page } = s); });

/** The visible text of the page, outside code, technical details and the user's own report. */
const visibleText = (): Promise<string[]> => page.evaluate(`(() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest('code, details.error-details, .report-text, .report-snippet, .report-reading, [data-user-text], script, style')) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const text = node.textContent.trim();
    if (text) out.push(text);
  }
  return out;
})()`);

/** What in one text is not Chinese: a field path, an identifier or a Latin word outside the allow-list. */
function offences(text: string): string[] {
  // What IT types or reads as it is: file names and paths, environment variables, command-line flags and
  // commands, and hexadecimal ids and hashes (a device id such as 6efc8397 may hold a run of letters).
  let rest = text.replace(/\b(?=[0-9a-f]*\d)[0-9a-f]{6,}\b/g, ' ').replace(/(?:[\w.-]*\/[\w.-]+)+/g, ' ').replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, ' ').replace(/--[a-z-]+/g, ' ').replace(/safe-edge(?: [a-z-]+)?/g, ' ');
  for (const word of userWords) rest = rest.split(word).join(' ');
  const found: string[] = [];
  const take = (pattern: RegExp, what: string) => {
    for (const match of rest.match(pattern) ?? []) found.push(`${what} "${match}"`);
    rest = rest.replace(pattern, ' ');
  };
  take(/\b[a-z]+(?:\.[a-zA-Z]+)+\b/g, 'field path');
  take(/\b[a-z]+(?:[_-][a-z]+)+\b/g, 'identifier');
  take(/\d+(?:\.\d+)?\s*(?:ms|s|min|h)(?![A-Za-z/])/g, 'unit of time');
  // Roman numerals are how intensity (VIII) and levels (III) are written in Chinese too.
  for (const word of rest.match(/[A-Za-z]{3,}/g) ?? []) if (!ALLOWED.has(word) && !/^[IVX]+$/.test(word)) found.push(`English "${word}"`);
  return found;
}

test('no field path, identifier or English on any page of the Chinese UI', async () => {
  const pages = ['#/incidents', '#/new', ...runIds.map((id) => `#/analysis/${id}`), `#/analysis/${runIds[0]}/briefing`, '#/device', '#/models', '#/settings'];
  const problems: string[] = [];
  for (const hash of pages) {
    await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    if (hash === '#/device') {
      await page.getByTestId('alert-list').waitFor();
      assert.equal(await page.locator('[data-testid="alert-list"] > li').count(), loadAlertRules().rules.length, 'one alert of every rule listed');
      await page.getByTestId('alert-list').screenshot({ path: join(SCREENSHOTS_DIR, 'alerts-every-rule-zh.png') });
    }
    for (const text of await visibleText()) for (const offence of offences(text)) problems.push(`${hash}: ${offence} in "${text.slice(0, 80)}"`);
  }
  assert.deepEqual([...new Set(problems)], []);
});

test('the check itself catches what it is for', () => {
  assert.deepEqual(offences('受威胁人口（facts.flood 给出）'), ['field path "facts.flood"']);
  assert.deepEqual(offences('代理模型 plume-surrogate@1'), ['identifier "plume-surrogate"']);
  assert.deepEqual(offences('severity: IV → III'), ['English "severity"']);
  assert.deepEqual(offences('Police 1 / 警力1'), ['English "Police"']);
  assert.deepEqual(offences('AEGL-2 范围 2 ppm，ERG2016 指南 124；导出 GeoJSON'), []);
  assert.deepEqual(offences('设备 6efc8397 · 灰度分桶 79'), [], 'a device id is not English');
  assert.deepEqual(offences('引擎事件循环延迟 960ms（p99），近 10 min'), ['unit of time "960ms"', 'unit of time "10 min"']);
  assert.deepEqual(offences('风速 3.2 m/s，0.96 秒'), []);
});
