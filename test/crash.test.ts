// Crash safety through the real API: a server writes analyses while it is killed with SIGKILL 20 times
// at random moments. After every restart the database must pass integrity_check and hold every analysis
// that had been acknowledged (HTTP 200) to the client. Every submission carries an idempotency key, and
// the clients send the ones left unanswered again after the restart with the same key, as a client should
// (docs/hardening.md#rows-retries-and-purge): in the end every submission has exactly one run, none lost
// and none made twice, including those committed just before a kill took their reply.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { createRandom } from '../engine/numeric/random.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const KILLS = 20;

function startServer(dataDir: string): Promise<{ url: string; kill: () => Promise<void> }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'safe-edge.js'), 'serve', '--port', '0', '--no-token', '--workers', '1', '--data-dir', dataDir], {
    env: { ...process.env, SAFE_EDGE_LOG: 'error' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let log = '';
    child.stderr.on('data', (chunk: Buffer) => { log += chunk.toString(); });
    child.stdout.on('data', (chunk: Buffer) => { // the address is printed on stdout
      log += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(log);
      if (match) resolve({ url: match[1] as string, kill: async () => { const exited = once(child, 'exit'); child.kill('SIGKILL'); await exited; } });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${log}`)));
  });
}

/** One submission: a new question each (so the cache does not answer it) and its idempotency key. */
interface Submission { id: string; key: string; body: string }

function newSubmission(n: number): Submission {
  const id = `crash-${n}`;
  return { id, key: `crash-key-${n}`, body: JSON.stringify({ id, text: `levee breach ${id}`, facts: { flood: { breachWidthM: 50 + (n % 200), headM: 3, polderAreaKm2: 20 } } }) };
}

/** Sends it; its run id when answered (HTTP 200), null when refused for now (busy, shutting down). Throws when the server died. */
async function send(url: string, submission: Submission): Promise<string | null> {
  const response = await fetch(`${url}/v1/analyses`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': submission.key }, body: submission.body });
  if (response.status !== 200) { await response.body?.cancel(); return null; }
  return (await response.json() as { runId: string }).runId;
}

/** incident id → its runs, as the database holds them. */
function storedRuns(dataDir: string): Map<string, string[]> {
  const db = new Database(join(dataDir, 'safe-edge.sqlite'));
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    const runs = new Map<string, string[]>();
    for (const r of db.prepare('SELECT id, incident_id FROM runs').all() as Array<{ id: string; incident_id: string }>) runs.set(r.incident_id, [...(runs.get(r.incident_id) ?? []), r.id]);
    return runs;
  } finally {
    db.close();
  }
}

test(`SIGKILL ${KILLS} times while writing, clients retrying with their keys: 0 lost, 0 duplicated, the database stays sound`, { timeout: 600_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-crash-'));
  const random = createRandom(99);
  const acknowledged = new Map<string, string>(); // incident id → the run id its answer named
  const unanswered: Submission[] = []; // sent, no answer yet: sent again with the same key
  let sent = 0;
  let committedUnanswered = 0; // unanswered submissions the database already held: what a retry without a key would duplicate
  const check = (runs: Map<string, string[]>, when: string) => {
    const lost = [...acknowledged].filter(([id, runId]) => !runs.get(id)?.includes(runId));
    assert.deepEqual(lost, [], `${when}: acknowledged runs missing`);
    const duplicated = [...runs].filter(([, ids]) => ids.length > 1);
    assert.deepEqual(duplicated, [], `${when}: a submission saved twice`);
  };
  for (let round = 0; round < KILLS; round++) {
    const server = await startServer(dataDir);
    let stop = false;
    let firstAnswer = () => {};
    const answered = new Promise<void>((resolve) => { firstAnswer = resolve; });
    // Three clients writing concurrently: first what is left unanswered, then new submissions.
    const clients = Array.from({ length: 3 }, async () => {
      while (!stop) {
        const submission = unanswered.shift() ?? newSubmission(sent++);
        try {
          const runId = await send(server.url, submission);
          if (runId === null) unanswered.push(submission);
          else { acknowledged.set(submission.id, runId); firstAnswer(); }
        } catch {
          unanswered.push(submission); // the server died mid-request: not acknowledged, sent again later
          return;
        }
      }
    });
    // Killed at a random moment after the round's first answer, so every round writes however slow the
    // machine is (a busy machine can take longer than the random wait to answer the first analysis).
    await answered;
    await new Promise((r) => setTimeout(r, 150 + random() * 600));
    await server.kill();
    stop = true;
    await Promise.all(clients);
    const runs = storedRuns(dataDir);
    check(runs, `round ${round}`);
    committedUnanswered += unanswered.filter((s) => runs.has(s.id)).length;
  }

  // A last start answers every submission still unanswered.
  const server = await startServer(dataDir);
  try {
    for (let submission = unanswered.shift(); submission; submission = unanswered.shift()) {
      const runId = await send(server.url, submission);
      if (runId === null) unanswered.push(submission);
      else acknowledged.set(submission.id, runId);
    }
  } finally {
    await server.kill();
  }
  const runs = storedRuns(dataDir);
  check(runs, 'at the end');
  assert.equal(acknowledged.size, sent, 'every submission was answered');
  assert.equal(runs.size, sent, 'every submission has its run');
  console.log(`crash test: ${KILLS} SIGKILLs, ${sent} submissions, ${committedUnanswered} committed before their reply was lost, all answered by their retry: 0 lost, 0 duplicated, integrity ok`);
  assert.ok(sent > KILLS, `the clients really wrote between kills (${sent} submissions)`);
});
