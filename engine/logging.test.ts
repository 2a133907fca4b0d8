// The log never takes the engine down (docs/hardening.md#saving): a stream that fails with ENOSPC, EPIPE
// or EIO loses lines, which are counted and reported once; a log that works again says how many were
// lost; and a real process whose stderr is a closed pipe or a full device keeps running.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createLogger, type LogDeliveryState } from './logging.js';

const systemError = (code: string) => Object.assign(new Error(`${code}: write failed`), { code });

/** A stream whose every write fails with `code` (a full disk, a closed pipe, a failing device). */
function failingStream(code: string) {
  return new Writable({ write(_chunk: Buffer, _encoding, callback) { callback(systemError(code)); } });
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

for (const code of ['ENOSPC', 'EPIPE', 'EIO']) {
  test(`a stream failing with ${code} loses lines, counted and reported once, and nothing is thrown`, async () => {
    // Without the logger's 'error' listener the stream's error would be thrown: this test would crash.
    const logger = createLogger('info', failingStream(code));
    const changes: LogDeliveryState[] = [];
    logger.delivery.onChange((state) => changes.push(state));
    for (let i = 0; i < 50; i++) { logger.info('line', { i }); logger.error('another'); }
    await settle();
    logger.warn('after the stream died');
    await settle();
    const state = logger.delivery.state();
    assert.equal(state.failing, true);
    assert.equal(state.lastError, code);
    assert.equal(state.lostLines, 101, 'every line dropped is counted');
    assert.equal(changes.length, 1, 'reported once, not once per line');
    assert.equal(changes[0]?.failing, true);
  });
}

test('a log that works again first writes how many lines were lost, and says it recovered', () => {
  let full = true;
  const lines: string[] = [];
  const logger = createLogger('info', (line) => { if (full) throw systemError('ENOSPC'); lines.push(line); });
  const changes: boolean[] = [];
  logger.delivery.onChange((state) => changes.push(state.failing));
  logger.info('lost 1');
  logger.info('lost 2');
  logger.info('lost 3');
  full = false;
  logger.info('back');
  logger.info('still here');
  const parsed = lines.map((l) => JSON.parse(l) as { msg: string; lostLines?: number; error?: string });
  assert.deepEqual(parsed.map((l) => l.msg), ['log lines were lost', 'back', 'still here']);
  assert.equal(parsed[0]?.lostLines, 3);
  assert.equal(parsed[0]?.error, 'ENOSPC');
  assert.deepEqual(changes, [true, false], 'reported once when it failed, once when it recovered');
  assert.equal(logger.delivery.state().lostLines, 3);
});

test('a line function that throws loses the line, never throws to the caller', () => {
  const logger = createLogger('info', () => { throw systemError('EIO'); });
  assert.doesNotThrow(() => logger.error('x'));
  assert.deepEqual(logger.delivery.state(), { failing: true, lostLines: 1, lastError: 'EIO' });
});

/** Runs a process that logs through createLogger to its stderr and then prints "alive" on stdout. */
function logLoudly(stderr: 'closed-pipe' | number): Promise<{ code: number | null; stdout: string }> {
  const logging = fileURLToPath(new URL('./logging.js', import.meta.url));
  const script = `
    const { createLogger } = await import(${JSON.stringify(logging)});
    const logger = createLogger('info');
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 200; i++) logger.error('a line the log cannot take', { round, i, pad: 'x'.repeat(200) });
      await new Promise((r) => setTimeout(r, 5));
    }
    process.stdout.write('alive ' + JSON.stringify(logger.delivery.state()));
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', stderr === 'closed-pipe' ? 'pipe' : stderr] });
    // The reader of the log goes away: every later write to it is EPIPE.
    if (stderr === 'closed-pipe') child.stderr?.destroy();
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout }));
  });
}

test('a process whose log pipe was closed (EPIPE) keeps running and counts what it lost', async () => {
  const { code, stdout } = await logLoudly('closed-pipe');
  assert.equal(code, 0, stdout);
  const state = JSON.parse(stdout.replace(/^alive /, '')) as LogDeliveryState;
  assert.equal(state.failing, true);
  assert.ok(state.lostLines > 0);
});

test('a process whose log is on a full device (/dev/full: ENOSPC) keeps running', { skip: !existsSync('/dev/full') && 'no /dev/full here' }, async () => {
  const full = openSync('/dev/full', 'w');
  try {
    const { code, stdout } = await logLoudly(full);
    assert.equal(code, 0, stdout);
    const state = JSON.parse(stdout.replace(/^alive /, '')) as LogDeliveryState;
    assert.equal(state.lastError, 'ENOSPC');
    assert.equal(state.lostLines, 4000);
  } finally {
    closeSync(full);
  }
});
