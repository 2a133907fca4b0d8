// Entry point of the engine inside the desktop app: Electron starts this file as a utility process
// (utilityProcess.fork) and talks to it through process.parentPort. No Electron import is needed:
// parentPort is provided on `process` by the host. Same Engine as the CLI and the HTTP server.
import { resolveConfig } from '../config.js';
import { Engine } from '../engine.js';
import { createLogger } from '../logging.js';
import { serveEngineOverPort, type HostPort } from './engineHost.js';

const parentPort = (process as unknown as { parentPort?: HostPort }).parentPort;

async function main(): Promise<void> {
  if (!parentPort) throw new Error('utilityProcessMain must be started by the desktop app (no parentPort)');
  const dataDirFlag = process.argv.indexOf('--data-dir');
  const engine = await Engine.start(resolveConfig({ dataDir: dataDirFlag > 0 ? process.argv[dataDirFlag + 1] : undefined }), { logger: createLogger() });
  serveEngineOverPort(engine, parentPort);
  const shutdown = async () => { await engine.close(); process.exit(0); };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((err) => {
  process.stderr.write(`engine failed to start: ${(err as Error).message}\n`);
  process.exit(1);
});
