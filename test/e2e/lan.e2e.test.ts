// A second screen on the LAN (docs/hardening.md#lan): `safe-edge serve --host 127.0.0.2` (standing for the
// LAN address) serves the UI over TLS; Chromium trusts the certificate only by its pinned public key, the
// Host check admits the served address, and the Settings page shows the fingerprint printed at start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SCREENSHOTS_DIR, launchTestBrowser } from './browserHarness.js';

test('a LAN browser opens the UI over pinned TLS and sees the certificate fingerprint in Settings (zh, en)', { timeout: 120_000 }, async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'safe-e2e-lan-')), 'data');
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'safe-edge.js'), 'serve', '--host', '127.0.0.2', '--port', '0', '--workers', '1', '--data-dir', dataDir], {
    env: { ...process.env, SAFE_EDGE_LOG: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let log = '';
  child.stderr.on('data', (chunk: Buffer) => { log += chunk.toString(); });
  const exited = once(child, 'exit');
  const { url, fingerprint } = await new Promise<{ url: string; fingerprint: string }>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const address = /(https:\/\/127\.0\.0\.2:\d+\/#token=[0-9a-f]{64})/.exec(stdout);
      const pinned = /^ {2}((?:[0-9A-F]{2}:){31}[0-9A-F]{2})$/m.exec(stdout);
      if (address && pinned) resolve({ url: address[1] as string, fingerprint: pinned[1] as string });
    });
    void exited.then(([code]) => reject(new Error(`serve exited (${String(code)}):\n${log}`)));
  });
  // Chromium's own pinning: only a certificate with this public key is accepted (no CA, no ignoring errors).
  const spki = createHash('sha256').update(createPublicKey(readFileSync(join(dataDir, 'tls-cert.pem'))).export({ type: 'spki', format: 'der' })).digest('base64');
  const browser = await launchTestBrowser([`--ignore-certificate-errors-spki-list=${spki}`]);
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(url.replace('/#token=', '/#/settings&token='));
    const shown = page.getByTestId('tls-fingerprint');
    assert.equal(await shown.textContent(), fingerprint);
    await page.getByText('证书指纹（SHA-256）').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'lan-settings-zh.png'), fullPage: true });
    await page.getByTestId('language-select').selectOption('en');
    await page.getByText('Certificate fingerprint (SHA-256)').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'lan-settings-en.png'), fullPage: true });
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await exited;
  }
});
