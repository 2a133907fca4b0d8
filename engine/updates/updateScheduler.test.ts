// Background checks: every interval while the channel answers; while it cannot be reached, again after
// 1 min, 2, 4, … up to the interval, with the outage logged once; a refusal is logged every time.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import type { Logger } from '../logging.js';
import { UpdateScheduler } from './updateScheduler.js';

function recordingLogger() {
  const lines: string[] = [];
  const logger = { info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`), error: (m: string) => lines.push(`error ${m}`), debug: () => {} } as unknown as Logger;
  return { logger, lines };
}

test('an unreachable channel is retried with doubling delays up to the interval, and logged once', async () => {
  mock.timers.enable({ apis: ['setTimeout', 'Date'] });
  try {
    const calls: number[] = [];
    const outcomes = ['down', 'down', 'down', 'down', 'ok', 'refused', 'ok'];
    const { logger, lines } = recordingLogger();
    const scheduler = new UpdateScheduler({
      everyMs: 6 * 60_000, firstRetryMs: 60_000, logger,
      check: async () => {
        calls.push(Date.now());
        const outcome = outcomes.shift();
        if (outcome === 'down') throw new SafeError(ERROR_CODES.UPDATE_UNREACHABLE, 'offline');
        if (outcome === 'refused') throw new SafeError(ERROR_CODES.UPDATE_EXPIRED, 'frozen');
      },
    });
    scheduler.start(0);
    for (let i = 0; i < 60; i++) { mock.timers.tick(30_000); await new Promise((r) => setImmediate(r)); }
    scheduler.stop();
    const gaps = calls.slice(1).map((t, i) => (t - (calls[i] as number)) / 60_000);
    assert.deepEqual(gaps.slice(0, 6), [1, 2, 4, 6, 6, 6], 'backoff 1, 2, 4 min, capped at the interval; then the interval');
    assert.equal(lines.filter((l) => l.includes('not reachable')).length, 1, 'the outage is logged once');
    assert.equal(lines.filter((l) => l.includes('reachable again')).length, 1);
    assert.equal(lines.filter((l) => l.startsWith('warn') && l.includes('refused')).length, 1);
  } finally {
    mock.timers.reset();
  }
});
