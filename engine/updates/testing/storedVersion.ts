// For tests: a data directory whose model store already holds a version the channel would have brought,
// live in the ledger, so an engine started on it runs that version and a rollback swaps it for the shipped
// one (a real swap, without a channel or a gate). The version is signed as a channel would (signedStore.ts).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MODELS_DIR } from '../../inference/modelRepository.js';
import { openDatabase } from '../../store/database.js';
import { ModelLedger } from '../modelLedger.js';
import { trustStoreVersions } from './signedStore.js';

/** `<dataDir>/models/<name>/<version>`: the shipped `fromVersion`'s files published again as `version`. */
export function dataDirWithStoredVersion(name: string, fromVersion: number, version: number): { dataDir: string; versionDir: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'safe-stored-version-'));
  const versionDir = join(dataDir, 'models', name, String(version));
  cpSync(join(DEFAULT_MODELS_DIR, name, String(fromVersion)), versionDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(versionDir, 'manifest.json'), 'utf8')) as { version: number; sha256: string };
  writeFileSync(join(versionDir, 'manifest.json'), JSON.stringify({ ...manifest, version }));
  trustStoreVersions(dataDir, [{ name, version }]); // signed, as a channel would have: the engine runs no unsigned version
  const db = openDatabase(dataDir);
  try {
    const ledger = new ModelLedger(db);
    ledger.upsert({ name, version, source: 'a test channel', state: 'ready', sha256: manifest.sha256 });
    ledger.makeLive(name, version);
  } finally {
    db.close();
  }
  return { dataDir, versionDir };
}
