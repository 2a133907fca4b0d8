// A damaged database as the commander sees it (docs/hardening.md#integrity): `serve` on a data directory
// whose database has 200 flipped bytes; the Settings page lists the problem in Chinese with what to do and,
// in its technical details, the newest good backup and the command that restores it.
// Screenshot: dist/screenshots/integrity-damaged-settings.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIncident } from '../../engine/contract/parseIncident.js';
import { AnalysisStore } from '../../engine/store/analysisStore.js';
import { DATABASE_FILE, openDatabase } from '../../engine/store/database.js';
import { backupDatabase, BACKUPS_DIR, backupFileName, restoreCommand } from '../../engine/store/maintenance.js';
import { startSession } from './browserHarness.js';
import { flipBytesInUpperPages } from '../../engine/store/testing/flipPageBytes.js';

test('Settings lists the damaged database with the newest good backup and its restore command', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-e2e-damaged-'));
  const db = openDatabase(dataDir);
  const store = new AnalysisStore(db);
  for (let i = 0; i < 60; i++) store.saveRun(parseIncident({ id: `inc-${i}`, text: '储罐泄漏 '.repeat(400) + i }), { id: `inc-${i}`, status: 'ok', models: {}, timingsMs: {} });
  mkdirSync(join(dataDir, BACKUPS_DIR));
  const backup = join(dataDir, BACKUPS_DIR, backupFileName(new Date()));
  await backupDatabase(db, backup);
  db.close();
  const file = join(dataDir, DATABASE_FILE);
  flipBytesInUpperPages(file);

  const session = await startSession({ width: 1280, height: 900, dataDir });
  try {
    const { page, server } = session;
    await page.goto(`${server.url}/#token=${server.token}`);
    await page.reload();
    await page.goto(`${server.url}/#/settings`);
    const problem = page.locator('[data-testid="health-problem-database-check"]');
    await problem.waitFor();
    assert.match(await problem.innerText(), /分析数据库已损坏/);
    assert.ok((await problem.textContent() ?? '').includes(restoreCommand(dataDir, backup)), 'the technical details name the restore command');
    await session.shot('integrity-damaged-settings');
    assert.deepEqual(session.pageErrors, []);
  } finally {
    await session.close();
  }
});
