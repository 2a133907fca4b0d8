// Crash safety through the real API: a server writes analyses while it is killed with SIGKILL 20 times
// at random moments. After every restart the database must pass integrity_check and hold every analysis
// that had been acknowledged (HTTP 200) to the client.
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

test(`SIGKILL ${KILLS} times while writing: nothing acknowledged is lost, the database stays sound`, { timeout: 300_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-crash-'));
  const random = createRandom(99);
  const acknowledged = new Map<string, string>(); // runId → incident id
  let sent = 0;
  for (let round = 0; round < KILLS; round++) {
    const server = await startServer(dataDir);
    let stop = false;
    // Three clients writing concurrently, each a new question (so the cache does not answer it).
    const clients = Array.from({ length: 3 }, async () => {
      while (!stop) {
        const id = `crash-${round}-${sent++}`;
        try {
          const response = await fetch(`${server.url}/v1/analyses`, {
            method: 'POST', headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ id, text: `levee breach ${id}`, facts: { flood: { breachWidthM: 50 + (sent % 200), headM: 3, polderAreaKm2: 20 } } }),
          });
          if (response.status === 200) acknowledged.set((await response.json() as { runId: string }).runId, id);
        } catch {
          return; // the server died mid-request: not acknowledged
        }
      }
    });
    await new Promise((r) => setTimeout(r, 150 + random() * 600));
    await server.kill();
    stop = true;
    await Promise.all(clients);

    const db = new Database(join(dataDir, 'safe-edge.sqlite'));
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok', `round ${round}`);
      const stored = new Set((db.prepare('SELECT id FROM runs').all() as Array<{ id: string }>).map((r) => r.id));
      const lost = [...acknowledged.keys()].filter((runId) => !stored.has(runId));
      assert.deepEqual(lost, [], `round ${round}: acknowledged runs missing`);
    } finally {
      db.close();
    }
  }
  console.log(`crash test: ${KILLS} SIGKILLs, ${acknowledged.size} acknowledged analyses, all present, integrity ok`);
  assert.ok(acknowledged.size > KILLS, 'the clients really wrote between kills');
});
