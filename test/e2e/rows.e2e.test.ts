// A damaged run in the app (docs/hardening.md#rows-retries-and-purge): bytes changed inside a stored
// result by plain SQL, bypassing the engine. The workspace and the briefing show the coded notice with
// what to do instead of the run; the next run of the incident is shown with the notice where its changes
// would be; the incidents page lists the damaged run without anything it held.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { sessionPerFile, type E2ESession, type RunningServer } from './browserHarness.js';

let session: E2ESession;
let server: RunningServer;
let page: Page;

sessionPerFile({ width: 1366, height: 900 }, (s) => { session = s; ({ server, page } = s); });

const analyse = async (text: string) => (await (await fetch(`${server.url}/v1/analyses`, {
  method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
  body: JSON.stringify({ id: 'rows-e2e', text, location: { lat: 29.37, lon: 113.09 } }),
})).json()) as { runId: string };

test('a damaged run is refused with its notice in the workspace, the briefing and the list; the sound run after it is shown', async () => {
  const first = await analyse('岳阳化工园区液氯储罐泄漏，北风 3 米/秒');
  const second = await analyse('岳阳化工园区液氯储罐泄漏，北风 3 米/秒，2 人受伤');
  const db = new Database(join(server.dataDir, 'safe-edge.sqlite'));
  assert.equal(db.prepare("UPDATE runs SET result_json = replace(result_json, 'hazmat_release', 'hazmat_relaase') WHERE id = ?").run(first.runId).changes, 1);
  db.close();

  await page.goto(`${server.url}/#/analysis/${first.runId}&token=${server.token}`);
  const notice = page.locator('[data-testid="analysis-error"][data-code="SAFE_E_RUN_DAMAGED"]');
  await notice.waitFor();
  assert.match(await notice.textContent() ?? '', /已损坏.*恢复最近一份完好的备份/);
  assert.equal(await page.getByTestId('analysis-error-retry').count(), 0, 'no retry: someone must restore a backup first');
  await session.shot('rows-damaged-run');

  await page.goto(`${server.url}/#/analysis/${first.runId}/briefing`);
  await page.locator('[data-testid="briefing-error"][data-code="SAFE_E_RUN_DAMAGED"]').waitFor();

  await page.goto(`${server.url}/#/analysis/${second.runId}`);
  await page.locator('[data-testid="previous-damaged"][data-code="SAFE_E_RUN_DAMAGED"]').waitFor();
  await session.shot('rows-previous-damaged');

  await page.goto(`${server.url}/#/incidents`);
  const group = page.getByTestId('incident-group');
  await group.getByTestId('toggle-runs').click();
  const damaged = group.getByTestId('run-damaged');
  await damaged.waitFor();
  assert.equal(await damaged.textContent(), '记录已损坏，不予显示：请恢复备份');
  await session.shot('rows-incidents-damaged');
});
