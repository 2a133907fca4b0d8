// Entry point of the engine inside the desktop app: Electron starts this file as a utility process
// (utilityProcess.fork) and talks to it through process.parentPort. No Electron import is needed:
// parentPort is provided on `process` by the host. Started by bootstrap.ts like every other host, so
// the app and `safe-edge` share one data directory and one history.
import { startEngine } from '../bootstrap.js';
import { ERROR_CODES, toErrorBody } from '../contract/errors.js';
import { serveEngineOverPort, type HostPort } from './engineHost.js';

const parentPort = (process as unknown as { parentPort?: HostPort }).parentPort;

/** `--legacy-data-dir DIR`: where an earlier app version kept its database (moved in once). */
const flag = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};

async function main(): Promise<void> {
  if (!parentPort) throw new Error('utilityProcessMain must be started by the desktop app (no parentPort)');
  const legacy = flag('--legacy-data-dir');
  const { engine } = await startEngine({ host: 'desktop', overrides: { dataDir: flag('--data-dir') }, legacyDataDirs: legacy ? [legacy] : [] });
  serveEngineOverPort(engine, parentPort);
  const shutdown = async () => { await engine.close(); process.exit(0); };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((err) => {
  const body = toErrorBody(err, ERROR_CODES.INTERNAL);
  process.stderr.write(`engine failed to start: ${body.code}: ${body.message}\n`);
  process.exit(1);
});
