import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisJobs } from './analysisJobs.js';
import type { JobMessage } from './contract/api.js';

const progress = { kind: 'progress', data: { analysisId: 'a', agent: 'analysis', state: 'queued', atMs: 0 } } as JobMessage;
const result = (padding = 0) => ({ kind: 'result', data: { id: 'a', status: 'ok', padding: 'x'.repeat(padding) } }) as unknown as JobMessage;

test('a finished job is kept for keptMs after it finished, then forgotten (injected clock)', () => {
  let nowMs = 0;
  const jobs = new AnalysisJobs({ keptMs: 10 * 60_000, maxBytes: 1e6, now: () => nowMs });
  const job = jobs.create('j1');
  job.push(progress);
  nowMs = 30 * 60_000; // running jobs are never dropped by time
  assert.equal(jobs.get('j1'), job);
  job.push(result());
  nowMs += 10 * 60_000 - 1;
  assert.equal(jobs.get('j1'), job, 'kept until ten minutes after it finished');
  const replayed: JobMessage[] = [];
  job.follow((m) => replayed.push(m));
  assert.deepEqual(replayed.map((m) => m.kind), ['progress', 'result']);
  nowMs += 1;
  assert.equal(jobs.get('j1'), undefined);
  assert.deepEqual(jobs.size, { jobs: 0, bytes: 0 });
});

test('over the byte budget the oldest finished jobs go first; running ones stay', () => {
  let nowMs = 0;
  const jobs = new AnalysisJobs({ keptMs: 10 * 60_000, maxBytes: 2500, now: () => nowMs });
  const running = jobs.create('running');
  running.push(progress);
  for (const id of ['first', 'second', 'third']) {
    nowMs += 1000;
    jobs.create(id).push(result(900));
  }
  assert.ok(jobs.size.bytes <= 2500, `bytes ${jobs.size.bytes}`);
  assert.equal(jobs.size.jobs, 3);
  assert.equal(jobs.get('first'), undefined, 'the first to finish went when the third finished');
  assert.ok(jobs.get('second') && jobs.get('third') && jobs.get('running'));
  nowMs += 1000;
  jobs.create('fourth').push(result(900));
  assert.equal(jobs.get('second'), undefined);
  assert.ok(jobs.get('third') && jobs.get('fourth') && jobs.get('running'));
});
