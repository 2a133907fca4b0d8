// One way to start the engine: one configuration (environment settings included, bad ones named), one
// serving engine per data directory, and the desktop app's old history moved into the shared directory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { SafeError } from './contract/errors.js';
import { ENVIRONMENT } from './contract/environment.js';
import { resolveConfig } from './config.js';
import { LOG_PROBLEM, reportLogDelivery, startEngine } from './bootstrap.js';
import { HealthProblems } from './healthProblems.js';
import type { Engine } from './engine.js';
import { createLogger } from './logging.js';
import { claimDataDir, SERVING_CLAIM_FILE } from './store/dataDirLock.js';
import { MIGRATED_MARKER, migrateLegacyDatabase } from './store/maintenance.js';
import { openDatabase } from './store/database.js';
import { AnalysisStore } from './store/analysisStore.js';
import { parseIncident } from './contract/parseIncident.js';

const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `safe-boot-${name}-`));

test('every environment setting reaches the configuration, and a bad one names its variable', () => {
  const config = resolveConfig({}, {
    [ENVIRONMENT.dataDir]: '/tmp/x', [ENVIRONMENT.modelPrecision]: 'int8', [ENVIRONMENT.logLevel]: 'warn',
    [ENVIRONMENT.updateFeedUrl]: 'https://updates.example/safe-edge',
  });
  assert.deepEqual([config.dataDir, config.modelPrecision, config.logLevel, config.updateFeedUrl], ['/tmp/x', 'int8', 'warn', 'https://updates.example/safe-edge']);
  assert.equal(resolveConfig({ dataDir: '/tmp/flag' }, { [ENVIRONMENT.dataDir]: '/tmp/env' }).dataDir, '/tmp/flag', 'a flag wins over the environment');
  assert.equal(resolveConfig({}, {}, { logLevel: 'warn' }).logLevel, 'warn', 'a host default applies without the environment');
  assert.equal(resolveConfig({}, { [ENVIRONMENT.logLevel]: 'debug' }, { logLevel: 'warn' }).logLevel, 'debug', 'the environment wins over a host default');
  assert.throws(() => resolveConfig({}, { [ENVIRONMENT.modelPrecision]: 'fp16' }),
    (e: unknown) => e instanceof SafeError && e.code === 'SAFE_E_CONFIG_INVALID' && e.field === 'modelPrecision' && e.message.includes(ENVIRONMENT.modelPrecision));
});

test('a serving engine owns its data directory: a live holder is refused, a crashed one taken over', async () => {
  const dir = tempDir('claim');
  // A live process that is not us holds the claim.
  const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
  try {
    writeFileSync(join(dir, SERVING_CLAIM_FILE), String(other.pid));
    assert.throws(() => claimDataDir(dir), (e: unknown) => e instanceof SafeError && e.code === 'SAFE_E_DATA_DIR_IN_USE' && e.message.includes(String(other.pid)));
  } finally {
    other.kill();
  }
  await new Promise((resolve) => other.once('exit', resolve));
  const release = claimDataDir(dir); // the holder is gone: its claim is stale
  assert.ok(existsSync(join(dir, SERVING_CLAIM_FILE)));
  release();
  assert.ok(!existsSync(join(dir, SERVING_CLAIM_FILE)), 'released on close');
});

test('a second serving engine on the same data directory is refused; one-shot CLI engines share it', async () => {
  const dataDir = tempDir('serving');
  const logger = createLogger('silent');
  const first = await startEngine({ host: 'server', overrides: { dataDir, workers: 1 }, logger });
  try {
    await assert.rejects(startEngine({ host: 'desktop', overrides: { dataDir, workers: 1 }, logger }), (e: unknown) => e instanceof SafeError && e.code === 'SAFE_E_DATA_DIR_IN_USE');
    const cli = await startEngine({ host: 'cli', overrides: { dataDir, workers: 1 }, logger });
    await cli.engine.close();
  } finally {
    await first.engine.close();
  }
  const again = await startEngine({ host: 'desktop', overrides: { dataDir, workers: 1 }, logger });
  await again.engine.close();
});

test('the desktop app\'s old history is moved into the shared data directory once, and kept where it was', () => {
  const legacy = tempDir('legacy');
  const shared = join(tempDir('shared'), 'safe-edge');
  const old = openDatabase(legacy);
  new AnalysisStore(old).saveRun(parseIncident({ id: 'old-run', text: 'levee breach' }), { id: 'old-run', status: 'ok', models: {}, timingsMs: {} });
  old.close();
  assert.equal(migrateLegacyDatabase(legacy, shared), MIGRATED_MARKER);
  const moved = openDatabase(shared);
  try {
    assert.deepEqual(new AnalysisStore(moved).history(10).map((r) => r.incidentId), ['old-run']);
  } finally {
    moved.close();
  }
  assert.ok(existsSync(join(legacy, MIGRATED_MARKER)));
  assert.equal(migrateLegacyDatabase(legacy, shared), null, 'only once');
  assert.equal(migrateLegacyDatabase(tempDir('empty'), shared), null, 'nothing to move');
});

test('a log that cannot be written is a /health problem once, cleared when the log works again', () => {
  let full = true;
  const logger = createLogger('info', () => { if (full) throw Object.assign(new Error('no space'), { code: 'ENOSPC' }); });
  const problems = new HealthProblems();
  const stop = reportLogDelivery({ problems } as unknown as Engine, logger.delivery);
  assert.deepEqual(problems.list(), []);
  for (let i = 0; i < 10; i++) logger.error('lost');
  assert.deepEqual(problems.list().map((p) => [p.key, p.code]), [[LOG_PROBLEM, 'SAFE_E_LOG_UNWRITABLE']]);
  assert.match(problems.list()[0]?.message ?? '', /log cannot be written \(ENOSPC\)/);
  full = false;
  logger.info('back');
  assert.deepEqual(problems.list(), []);
  stop();
});
