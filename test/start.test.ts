// `npm start` on a machine without the Electron binary: it says why and serves the browser mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

test('without the Electron binary, start explains and falls back to browser mode', async () => {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.js'), '--port', '0'], {
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(tmpdir(), 'no-electron-here'), SAFE_EDGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'safe-start-')), SAFE_EDGE_LOG: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL in:\n${output}`)), 30_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/#token=/.exec(output);
      if (match) { clearTimeout(timer); resolve(match[1] as string); }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
  });
  try {
    assert.match(output, /desktop window cannot open here/);
    assert.match(output, /browser mode/);
    const page = await fetch(url + '/');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<div id="root">/);
  } finally {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
});
