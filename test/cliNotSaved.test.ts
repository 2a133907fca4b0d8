// `safe-edge analyze` on a full disk (docs/hardening.md#saving; docs/cli.md): every result is still
// printed, each unsaved one is named on stderr with SAFE_E_SAVE_FAILED and the exit code is 3; with the log
// on a full device too (stderr to /dev/full) it still answers and exits 3 rather than dying; once there is
// room again the same command saves and exits 0. The full disk is SQLite's max_page_count, set by the
// test-only SAFE_EDGE_TEST_DB_SPARE_PAGES.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analysisResultSchema } from '../engine/contract/result.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'safe-edge.js');
const INCIDENTS = [
  { id: 'cli-full-1', text: 'Chlorine leaking from a tank car at the rail yard, 3 injured' },
  { id: 'cli-full-2', text: '山火向村庄蔓延，西风五级' },
].map((i) => JSON.stringify(i)).join('\n');

function cli(args: string[], { env = {}, stderr = 'pipe' as 'pipe' | number } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT, input: INCIDENTS, encoding: 'utf8', env: { ...process.env, SAFE_EDGE_LOG: 'error', ...env }, stdio: ['pipe', 'pipe', stderr], maxBuffer: 64 << 20,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr ?? '' };
}
const results = (stdout: string) => stdout.trim().split('\n').map((l) => analysisResultSchema.parse(JSON.parse(l)));
const FULL = { SAFE_EDGE_TEST_DB_SPARE_PAGES: '0' };

test('a full disk: results printed, none acknowledged as saved, exit 3; with room again: saved, exit 0', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-cli-full-'));
  const full = cli(['analyze', '-', '--data-dir', dataDir, '--workers', '1'], { env: FULL });
  assert.equal(full.code, 3, full.stderr);
  const printed = results(full.stdout);
  assert.deepEqual(printed.map((r) => [r.id, r.status, r.runId, r.saveError?.code]), [
    ['cli-full-1', 'ok', undefined, 'SAFE_E_SAVE_FAILED'], ['cli-full-2', 'ok', undefined, 'SAFE_E_SAVE_FAILED'],
  ]);
  assert.match(full.stderr, /^SAFE_E_SAVE_FAILED: cli-full-1: the analysis was not saved: the disk holding the data directory is full/m);
  assert.match(full.stderr, /^SAFE_E_SAVE_FAILED: cli-full-2: /m);
  assert.equal(cli(['history', '--json', '--data-dir', dataDir]).stdout.trim(), '', 'nothing in the history');

  const roomy = cli(['analyze', '-', '--data-dir', dataDir, '--workers', '1']);
  assert.equal(roomy.code, 0, roomy.stderr);
  assert.ok(results(roomy.stdout).every((r) => r.runId && !r.saveError));
  assert.equal(cli(['history', '--json', '--data-dir', dataDir]).stdout.trim().split('\n').length, 2);
});

test('the log on a full device as well (stderr is /dev/full): still answers, exit 3, no crash', { skip: !existsSync('/dev/full') && 'no /dev/full here' }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-cli-full-'));
  const devFull = openSync('/dev/full', 'w');
  try {
    const r = cli(['analyze', '-', '--data-dir', dataDir, '--workers', '1'], { env: { ...FULL, SAFE_EDGE_LOG: 'debug' }, stderr: devFull });
    assert.equal(r.signal, null);
    assert.equal(r.code, 3);
    assert.deepEqual(results(r.stdout).map((x) => x.saveError?.code), ['SAFE_E_SAVE_FAILED', 'SAFE_E_SAVE_FAILED']);
  } finally {
    closeSync(devFull);
  }
});
