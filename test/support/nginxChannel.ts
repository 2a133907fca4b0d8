// A real static web server (Debian's nginx) serving a model channel folder on a loopback port, as a
// fleet's web server or CDN would: the update client must work against it, not only against our own
// server. Runs in the foreground as one process (no master, no user switch), logs in its own folder.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const freePort = () => new Promise<number>((resolve, reject) => {
  const probe = createServer();
  probe.once('error', reject);
  probe.listen(0, '127.0.0.1', () => { const { port } = probe.address() as AddressInfo; probe.close(() => resolve(port)); });
});

export interface NginxChannel { url: string; stop(): Promise<void> }

/** Serves `channelDir` at http://127.0.0.1:<port>/channel/. Throws if nginx is not installed (.ci/run installs it). */
export async function serveChannelWithNginx(channelDir: string): Promise<NginxChannel> {
  if (spawnSync('nginx', ['-v']).error) throw new Error('nginx is not installed: `.ci/run` installs Debian\'s nginx for this test');
  const prefix = mkdtempSync(join(tmpdir(), 'safe-nginx-'));
  const port = await freePort();
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(conf, `
daemon off;
master_process off;
worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')} warn;
events { worker_connections 64; }
http {
  access_log ${join(prefix, 'access.log')};
  client_body_temp_path ${join(prefix, 'body')};
  proxy_temp_path ${join(prefix, 'proxy')};
  fastcgi_temp_path ${join(prefix, 'fastcgi')};
  uwsgi_temp_path ${join(prefix, 'uwsgi')};
  scgi_temp_path ${join(prefix, 'scgi')};
  types { application/json json; application/octet-stream onnx; }
  server {
    listen 127.0.0.1:${port};
    location /channel/ { alias ${channelDir}/; }
  }
}
`);
  const child: ChildProcess = spawn('nginx', ['-p', prefix, '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
  const url = `http://127.0.0.1:${port}/channel/`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    try { if ((await fetch(`${url}metadata/timestamp.json`)).ok) break; } catch { /* not listening yet */ }
    if (i > 100) throw new Error(`nginx did not serve ${url}: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    stop: () => new Promise<void>((resolve) => { if (child.exitCode !== null) { resolve(); return; } child.once('exit', () => resolve()); child.kill('SIGTERM'); }),
  };
}
